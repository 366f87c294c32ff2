import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../server/domain/evaluate.ts';
import { validityOn } from '../../server/domain/validity.ts';
import { baiyinFirm, inBaiyin, rulesetOf, testDocument, testRule } from '../fixtures.ts';

const AS_OF = '2024-06-01';
const landing = testRule();

describe('evaluateProfile', () => {
  it('finds an eligible rule with its amount, reasons and source', () => {
    const result = evaluateProfile(rulesetOf([landing]), baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 }), AS_OF);
    expect(result.eligible).toHaveLength(1);
    const [item] = result.eligible;
    expect(item).toMatchObject({
      ruleId: 'test-doc/landing', status: 'eligible', amountYuan: 2_000_000, stacks: true, missingFacts: [],
      validFrom: '2023-03-31', validTo: '2028-03-30', department: '市经合局',
      source: { documentId: 'test-doc', documentTitle: '测试文件', documentNumber: '测政发〔2023〕1 号', clause: '第三条', page: 1 },
    });
    expect(item!.reasons).toContainEqual({
      fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', required: 100_000_000, actual: 200_000_000, passed: true,
    });
    expect(result.totals).toMatchObject({ estimatedYuan: 2_000_000, eligibleCount: 1 });
  });

  it('says a rule is possible and names the missing facts, ranked as questions', () => {
    const result = evaluateProfile(rulesetOf([landing]), baiyinFirm(), AS_OF);
    expect(result.possible.map((i) => i.ruleId)).toEqual(['test-doc/landing']);
    expect(result.possible[0]!.missingFacts.sort()).toEqual(['fixedAssetInvestmentYuan', 'newlyIntroduced']);
    expect(result.questions.map((q) => q.fact).sort()).toEqual(['fixedAssetInvestmentYuan', 'newlyIntroduced']);
    expect(result.totals.estimatedYuan).toBe(0);
  });

  it('leaves out rules of another region, even with facts missing', () => {
    const result = evaluateProfile(rulesetOf([landing]), { province: '甘肃', city: '兰州', entityType: 'enterprise' }, AS_OF);
    expect([...result.eligible, ...result.possible, ...result.nearMisses]).toEqual([]);
  });

  it('reports a near miss on one threshold: what is required and what the profile has', () => {
    const result = evaluateProfile(rulesetOf([landing]), baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 99_999_999 }), AS_OF);
    expect(result.nearMisses).toHaveLength(1);
    expect(result.nearMisses[0]!.shortfall).toEqual({
      fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', required: 100_000_000, actual: 99_999_999, passed: false, gap: 1,
    });
    // What it would pay once the threshold is met: 1% of 1亿.
    expect(result.nearMisses[0]!.amountYuan).toBe(1_000_000);
  });

  it('reports a near miss on one missing status', () => {
    const award = testRule({ id: 'test-doc/hi-tech', conditions: { all: [...inBaiyin, { fact: 'certifications', operator: 'contains', value: 'high_tech' }] }, amount: { kind: 'fixed', yuan: 100_000 } });
    const result = evaluateProfile(rulesetOf([award]), baiyinFirm({ certifications: ['tech_sme'] }), AS_OF);
    expect(result.nearMisses[0]?.shortfall?.fact).toBe('certifications');
  });

  it('is no near miss when two conditions fail, or when the failure is a disqualification', () => {
    const twoShort = evaluateProfile(rulesetOf([landing]), baiyinFirm({ newlyIntroduced: false, fixedAssetInvestmentYuan: 1 }), AS_OF);
    expect(twoShort.nearMisses).toEqual([]);
    const clean = testRule({ conditions: { all: [...inBaiyin, { fact: 'seriousDiscredit', operator: 'equal', value: false }] } });
    expect(evaluateProfile(rulesetOf([clean]), baiyinFirm({ seriousDiscredit: true }), AS_OF).nearMisses).toEqual([]);
  });

  it('marks an otherwise eligible rule expired or not yet valid by asOf, both ends inclusive', () => {
    const ruleset = rulesetOf([landing]);
    const profile = baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 });
    expect(evaluateProfile(ruleset, profile, '2028-03-30').eligible).toHaveLength(1);
    expect(evaluateProfile(ruleset, profile, '2028-03-31').expired.map((i) => i.status)).toEqual(['expired']);
    expect(evaluateProfile(ruleset, profile, '2023-03-31').eligible).toHaveLength(1);
    expect(evaluateProfile(ruleset, profile, '2023-03-30').notYetValid.map((i) => i.status)).toEqual(['notYetValid']);
    expect(evaluateProfile(ruleset, profile, '2028-03-31').totals.estimatedYuan).toBe(0);
  });

  it("lets a rule's own dates override its document's", () => {
    const ruleset = rulesetOf([testRule({ validTo: '2023-12-31' })]);
    const profile = baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 });
    expect(evaluateProfile(ruleset, profile, '2024-01-01').expired).toHaveLength(1);
  });

  it('counts only the best eligible rule of an exclusive group in the total', () => {
    const group = 'test-doc';
    const small = testRule({ id: 'test-doc/small', exclusiveGroup: group, amount: { kind: 'fixed', yuan: 500_000 }, conditions: { all: [...inBaiyin] } });
    const big = testRule({ id: 'test-doc/big', exclusiveGroup: group, amount: { kind: 'fixed', yuan: 800_000 }, conditions: { all: [...inBaiyin] } });
    const free = testRule({ id: 'test-doc/free', amount: { kind: 'fixed', yuan: 1_000 }, conditions: { all: [...inBaiyin] } });
    const result = evaluateProfile(rulesetOf([small, big, free]), baiyinFirm(), AS_OF);
    expect(Object.fromEntries(result.eligible.map((i) => [i.ruleId, i.stacks]))).toEqual({
      'test-doc/small': false, 'test-doc/big': true, 'test-doc/free': true,
    });
    expect(result.totals.estimatedYuan).toBe(801_000);
  });

  it('keeps a text benefit out of the total and shows what it is', () => {
    const text = testRule({ conditions: { all: [...inBaiyin] }, amount: { kind: 'text', text: '优先保障用地', upToYuan: undefined } });
    const result = evaluateProfile(rulesetOf([text]), baiyinFirm(), AS_OF);
    expect(result.eligible[0]).toMatchObject({ amountYuan: null, amountText: '优先保障用地' });
    expect(result.totals.estimatedYuan).toBe(0);
  });

  it('uses a document without validity dates on any date', () => {
    const ruleset = rulesetOf([landing], testDocument({ validFrom: null, validTo: null }));
    const profile = baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 });
    expect(evaluateProfile(ruleset, profile, '2040-01-01').eligible).toHaveLength(1);
  });
});

describe('validityOn', () => {
  it('is valid between the ends, inclusive', () => {
    const v = { validFrom: '2023-01-01', validTo: '2023-12-31' };
    expect(['2022-12-31', '2023-01-01', '2023-12-31', '2024-01-01'].map((d) => validityOn(v, d))).toEqual(['notYetValid', 'valid', 'valid', 'expired']);
  });
});

describe('the province index', () => {
  it('judges rules without a top-level province condition for every province, in ruleset order', () => {
    const anywhere = testRule({ id: 'test-doc/anywhere', conditions: { any: [{ fact: 'province', operator: 'equal', value: '陕西' }, { fact: 'city', operator: 'equal', value: '白银' }] }, amount: { kind: 'fixed', yuan: 1 } });
    const gansuOnly = testRule({ id: 'test-doc/gansu', conditions: { all: [{ fact: 'province', operator: 'in', value: ['甘肃', '宁夏'] }] }, amount: { kind: 'fixed', yuan: 2 } });
    const shaanxiOnly = testRule({ id: 'test-doc/shaanxi', conditions: { all: [{ fact: 'province', operator: 'equal', value: '陕西' }] }, amount: { kind: 'fixed', yuan: 3 } });
    const ruleset = rulesetOf([gansuOnly, anywhere, shaanxiOnly]);
    const ids = (province: string) => ruleset.rulesForProvince(province).map((r) => r.rule.id);
    expect(ids('甘肃')).toEqual(['test-doc/gansu', 'test-doc/anywhere']);
    expect(ids('宁夏')).toEqual(['test-doc/gansu', 'test-doc/anywhere']);
    expect(ids('陕西')).toEqual(['test-doc/anywhere', 'test-doc/shaanxi']);
    expect(ids('新疆')).toEqual(['test-doc/anywhere']);
    expect(evaluateProfile(ruleset, baiyinFirm(), AS_OF).eligible.map((i) => i.ruleId)).toEqual(['test-doc/gansu', 'test-doc/anywhere']);
  });
});

describe('rulesOfDocument', () => {
  it("lists a document's rules in printed order, and none for an unknown document", () => {
    const ruleset = rulesetOf([testRule({ id: 'test-doc/b' }), testRule({ id: 'test-doc/a' })]);
    expect(ruleset.rulesOfDocument('test-doc').map((r) => r.rule.id)).toEqual(['test-doc/b', 'test-doc/a']);
    expect(ruleset.rulesOfDocument('nope')).toEqual([]);
  });
});
