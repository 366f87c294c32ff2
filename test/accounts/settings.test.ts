import { describe, expect, it } from 'vitest';
import { defaultAccountSettings } from '../../server/accounts/settings.ts';
import { accountSettingsFrom, readEnv } from '../../server/env.ts';

describe('account settings from the environment', () => {
  it('default to 12 h sessions, 30 min idle, 5 per name and 20 per address in 15 min, no proxy', () => {
    expect(accountSettingsFrom(readEnv({}))).toEqual(defaultAccountSettings);
  });

  it('read every setting', () => {
    const settings = accountSettingsFrom(
      readEnv({
        SESSION_HOURS: '8',
        SESSION_IDLE_MINUTES: '10',
        LOGIN_THROTTLE_MINUTES: '5',
        LOGIN_MAX_FAILURES_PER_NAME: '3',
        LOGIN_MAX_FAILURES_PER_IP: '50',
        TRUST_PROXY: '1',
        ALLOWED_ORIGINS: ' https://huiqi.example.gov.cn, http://10.1.2.3:8080 ',
      }),
    );
    expect(settings).toMatchObject({
      sessionLifetimeMs: 8 * 3600_000,
      sessionIdleMs: 10 * 60_000,
      throttleWindowMs: 5 * 60_000,
      maxFailuresPerName: 3,
      maxFailuresPerAddress: 50,
      trustProxy: 1,
      allowedOrigins: ['https://huiqi.example.gov.cn', 'http://10.1.2.3:8080'],
    });
  });
});
