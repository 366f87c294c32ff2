import { describe, expect, it } from 'vitest';
import { matchResultJson } from '../../server/api/match-json.ts';
import { evaluateProfile } from '../../server/domain/evaluate.ts';
import { rulesetFromFiles } from '../../server/corpus/shipped.ts';

describe('matchResultJson', () => {
  const ruleset = rulesetFromFiles('rules');

  it.each([
    ['a 白银 firm with a big project', { province: '甘肃', city: '白银', entityType: 'enterprise', newlyIntroduced: true, fixedAssetInvestmentYuan: 2e8 }],
    ['a bare 陕西 enterprise', { province: '陕西', entityType: 'enterprise' }],
    ['a 宁夏 private firm with patents', { province: '宁夏', city: '银川', entityType: 'enterprise', ownership: 'private', foreignInventionPatents: 3 }],
  ] as const)('writes exactly the match result for %s, twice over (cache warm)', (_, profile) => {
    const result = evaluateProfile(ruleset, profile as never, '2024-06-01');
    expect(JSON.parse(matchResultJson(ruleset, result))).toEqual(JSON.parse(JSON.stringify(result)));
    expect(JSON.parse(matchResultJson(ruleset, result))).toEqual(JSON.parse(JSON.stringify(result)));
  });
});
