import { describe, expect, it } from 'vitest';
import { checkExamples, parseRuleFile } from '../../server/corpus/check.ts';
import { testDocument, testRule } from '../fixtures.ts';

const fileWith = (rule: object) => ({
  document: testDocument(),
  rules: [{
    ...testRule(),
    examples: [
      { name: 'ok', profile: { province: '甘肃', entityType: 'enterprise' }, expect: { status: 'eligible' } },
      { name: 'no', profile: { province: '陕西', entityType: 'enterprise' }, expect: { status: 'ineligible' } },
    ],
    ...rule,
  }],
});
const issuesOf = (rule: object) => parseRuleFile(fileWith(rule)).issues;

describe('rule file checks', () => {
  it('accepts a well-formed rule', () => {
    expect(issuesOf({})).toEqual([]);
  });

  it('rejects a condition on an unknown fact, naming the rule and the path', () => {
    expect(issuesOf({ conditions: { all: [{ fact: 'turnover', operator: 'equal', value: 1 }] } })).toEqual([
      { path: 'rules[0].conditions.all[0].fact', message: 'test-doc/landing: unknown fact "turnover"' },
    ]);
  });

  it('rejects a value of the wrong type for its fact', () => {
    const [issue] = issuesOf({ conditions: { all: [{ fact: 'fixedAssetInvestmentYuan', operator: 'greaterThan', value: '1亿' }] } });
    expect(issue).toMatchObject({ path: 'rules[0].conditions.all[0].value' });
    expect(issuesOf({ conditions: { all: [{ fact: 'province', operator: 'equal', value: '甘肃省' }] } })[0]?.message).toContain('one of');
    expect(issuesOf({ conditions: { all: [{ fact: 'size', operator: 'in', value: ['small', 'tiny'] }] } })[0]?.message).toContain('tiny');
    expect(issuesOf({ conditions: { all: [{ fact: 'city', operator: 'greaterThan', value: 3 }] } })[0]?.path).toBe('rules[0].conditions.all[0].operator');
    expect(issuesOf({ conditions: { all: [{ fact: 'certifications', operator: 'equal', value: 'high_tech' }] } })[0]?.message).toContain('contains');
  });

  it('rejects an amount computed from a fact that is not a number', () => {
    expect(issuesOf({ amount: { kind: 'rate', rate: 0.1, of: 'city' } })).toEqual([{ path: 'rules[0].amount.of', message: 'test-doc/landing: "city" is not a number fact' }]);
  });

  it('counts list entries per item only with a known item of a repeatable list', () => {
    const perItem = (amount: object) => issuesOf({ amount: { kind: 'perItem', yuan: 1, ...amount } });
    expect(perItem({ of: 'standardsLed', item: 'national' })).toEqual([]);
    expect(perItem({ of: 'standardsLed' })[0]?.path).toBe('rules[0].amount.item');
    expect(perItem({ of: 'standardsLed', item: 'galactic' })[0]?.message).toContain('not an option');
    expect(perItem({ of: 'certifications', item: 'high_tech' })[0]?.message).toContain('each value once');
    expect(perItem({ of: 'foreignTrademarks', item: 'x' })[0]?.message).toContain('only for counting');
  });

  it('requires an eligible and a not-eligible example', () => {
    const onlyEligible = issuesOf({ examples: [
      { name: 'a', profile: { province: '甘肃', entityType: 'enterprise' }, expect: { status: 'eligible' } },
      { name: 'b', profile: { province: '甘肃', entityType: 'enterprise' }, expect: { status: 'eligible' } },
    ] });
    expect(onlyEligible.map((i) => i.message)).toContain('test-doc/landing: needs an example that is not eligible');
  });

  it('rejects an example profile that is not a valid profile', () => {
    const issues = issuesOf({ examples: [
      { name: 'a', profile: { province: '甘肃' }, expect: { status: 'eligible' } },
      { name: 'b', profile: { province: '甘肃', entityType: 'enterprise', employees: -1 }, expect: { status: 'ineligible' } },
    ] });
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['rules[0].examples[0].profile.entityType', 'rules[0].examples[1].profile.employees']));
  });

  it('rejects impossible dates, trailing punctuation in clause labels and duplicate ids', () => {
    expect(issuesOf({ validTo: '2023-02-30' })[0]?.path).toBe('rules[0].validTo');
    expect(issuesOf({ clause: '第三条、' })[0]?.path).toBe('rules[0].clause');
    const file = fileWith({});
    file.rules.push(file.rules[0]!);
    expect(parseRuleFile(file).issues.map((i) => i.message)).toContain('test-doc/landing: duplicate rule id test-doc/landing');
  });
});

describe('examples of an internal task', () => {
  it('are judged on its conditions, since it is never listed', () => {
    const internal = { kind: 'internal', concrete: false, conditions: { all: [{ fact: 'province', operator: 'equal', value: '甘肃' }] } };
    expect(checkExamples(parseRuleFile(fileWith(internal)).file!)).toEqual([]);
    const wrong = { ...internal, examples: [...fileWith({}).rules[0]!.examples, { name: 'no', profile: { province: '陕西', entityType: 'enterprise' }, expect: { status: 'eligible' } }] };
    expect(checkExamples(parseRuleFile(fileWith(wrong)).file!)).toHaveLength(1);
  });
});
