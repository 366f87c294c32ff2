/** Corpus-wide: no rule answers 符合 on a condition nobody checked, and exclusions are never conditions. */
import { describe, expect, it } from 'vitest';
import { loadRuleFiles } from '../../server/corpus/load.ts';
import { normaliseFigures, writtenForms } from '../../server/domain/amount-figures.ts';
import { factsByName } from '../../server/domain/facts/index.ts';
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

  it('gives a benefit titled for a kind of organisation (工作站, 指导站, 服务机构, 担保机构 …) the beneficiary it is for', () => {
    const ORGANISATION = /(工作站|指导站|服务机构|担保机构|金融机构|孵化器|众创空间|行业协会|商会|培训机构|评价机构|检验检测机构|中介机构)/;
    const offenders = rules.filter((r) => r.kind === 'benefit' && !r.beneficiary && ORGANISATION.test(r.title));
    expect(offenders.map((r) => r.id)).toEqual([]);
  });

  it('takes every number of a condition from its quote (a threshold of 0 or 1 only says "any")', () => {
    const offenders: string[] = [];
    for (const rule of rules) {
      const quote = normaliseFigures(rule.quote);
      for (const leaf of leavesOf(rule.conditions)) {
        if (typeof leaf.value !== 'number' || leaf.value <= 1) continue;
        const unit = factsByName.get(leaf.fact)?.type === 'number' ? (factsByName.get(leaf.fact) as { unit?: string }).unit : undefined;
        const forms = unit === 'yuan' ? writtenForms({ path: '', kind: 'yuan', value: leaf.value }).map((f) => f.replace(/元$/, '')) : [String(leaf.value)];
        if (!forms.some((form) => quote.includes(form))) offenders.push(`${rule.id}: ${leaf.fact} ${leaf.value}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('has no notes saying a stated condition was left out (未编码 …): it is a condition, an exclusion or a question', () => {
    const LEFT_OUT = /(未编码|未作为条件|无法表达|not encoded|left out)/;
    expect(rules.filter((r) => r.notes && LEFT_OUT.test(r.notes)).map((r) => r.id)).toEqual([]);
  });

  it('gives every right the situations it applies in', () => {
    expect(rules.filter((r) => r.kind === 'right' && r.situations.length === 0).map((r) => r.id)).toEqual([]);
  });
});

