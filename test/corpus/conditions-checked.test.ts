/** Corpus-wide: no rule answers 符合 on a condition nobody checked, and exclusions are never conditions. */
import { describe, expect, it } from 'vitest';
import { loadRuleFiles } from '../../server/corpus/load.ts';
import { decidesOnScopeAlone, leavesOf } from '../../server/domain/rule-checks.ts';

const rules = loadRuleFiles('rules').flatMap(({ file }) => file.rules);

/** Conditions that are really a 负面清单 entry: they belong in `exclusions`, stated as the excluding fact. */
const EXCLUSION_AS_CONDITION: ((leaf: ReturnType<typeof leavesOf>[number]) => boolean)[] = [
  (leaf) => leaf.fact === 'seriousDiscredit' && leaf.operator === 'equal' && leaf.value === false,
  (leaf) => leaf.fact === 'projectOnSchedule' && leaf.operator === 'equal' && leaf.value === true,
  (leaf) => leaf.fact === 'projectType' && leaf.operator === 'notIn',
  (leaf) => leaf.fact === 'abnormalOperationListed' && leaf.operator === 'equal' && leaf.value === false,
];

describe('every stated condition checked', () => {
  it('has no concrete rule deciding on region and entity type alone without a recorded reason (npm run corpus:report lists them)', () => {
    expect(rules.filter(decidesOnScopeAlone).map((r) => r.id)).toEqual([]);
  });

  it('states no exclusion as a condition', () => {
    const offenders = rules.filter((rule) => leavesOf(rule.conditions).some((leaf) => EXCLUSION_AS_CONDITION.some((is) => is(leaf))));
    expect(offenders.map((r) => r.id)).toEqual([]);
  });

  it('gives every rule with exclusions an excluded example, and keeps its conditions apart from them', () => {
    for (const rule of rules.filter((r) => r.exclusions)) {
      expect(rule.examples.some((e) => e.expect.status === 'excluded'), rule.id).toBe(true);
    }
  });
});
