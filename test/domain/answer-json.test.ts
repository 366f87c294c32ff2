import { describe, expect, it } from 'vitest';
import { benchProfiles } from '../../bench/profile.ts';
import { rulesetFromFiles } from '../../server/corpus/shipped.ts';
import { fullAnswerJson, summaryAnswerJson } from '../../server/domain/answer-json.ts';
import { evaluateProfile, summarizeProfile } from '../../server/domain/evaluate.ts';
import type { Profile } from '../../server/domain/profile.ts';

describe('the answer written as JSON text', () => {
  const ruleset = rulesetFromFiles('rules');
  const profiles = [
    { province: '甘肃', city: '白银', entityType: 'enterprise', newlyIntroduced: true, fixedAssetInvestmentYuan: 2e8 },
    { province: '甘肃', city: '白银', entityType: 'enterprise', newlyIntroduced: true, fixedAssetInvestmentYuan: 2e8, seriousDiscredit: true },
    { province: '陕西', entityType: 'enterprise' },
    { province: '宁夏', city: '银川', entityType: 'enterprise', ownership: 'private', foreignInventionPatents: 3 },
    ...benchProfiles(ruleset.rules.map((r) => r.rule)).slice(0, 100),
  ] as Profile[];
  const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

  it('is exactly evaluateProfile’s full answer and summarizeProfile’s summary, for a hundred different profiles, twice over (caches warm)', () => {
    for (const [i, profile] of profiles.entries()) {
      const asOf = i % 2 ? '2024-06-01' : '2029-01-01';
      const full = roundTrip(evaluateProfile(ruleset, profile, asOf));
      const summary = roundTrip(summarizeProfile(ruleset, profile, asOf));
      expect(JSON.parse(fullAnswerJson(ruleset, profile, asOf)), `full ${i}`).toEqual(full);
      expect(JSON.parse(summaryAnswerJson(ruleset, profile, asOf)), `summary ${i}`).toEqual(summary);
      if (i < 4) expect(JSON.parse(fullAnswerJson(ruleset, profile, asOf))).toEqual(full);
    }
  });
});
