import { describe, expect, it } from 'vitest';
import { figuresMissingFrom, normaliseFigures } from '../../server/domain/amount-figures.ts';
import { findConflicts } from '../../server/domain/condition-conflicts.ts';
import { checkRule, type CheckCode } from '../../server/domain/rule-lint.ts';
import type { Amount, Condition, Rule } from '../../server/domain/rule-schema.ts';
import { baiyinFirm, inBaiyin, testDocument } from '../fixtures.ts';
import { DOCUMENT_TEXT, goodRule } from '../support/authoring.ts';

/** Every check has a failing and a passing case here; the passing case is always `goodRule()` changed back. */

const check = (rule: unknown, published: Rule[] = []) =>
  checkRule({ documentId: 'test-doc', rule, document: testDocument(), documentText: DOCUMENT_TEXT, published });
const codes = (rule: unknown, published: Rule[] = []) => {
  const report = check(rule, published);
  return { errors: report.errors.map((e) => e.code), warnings: report.warnings.map((w) => w.code) };
};
const errorsOf = (rule: unknown) => codes(rule).errors;
const warningsOf = (rule: unknown, published: Rule[] = []) => codes(rule, published).warnings;
const withConditions = (...extra: Condition[]) => ({ ...goodRule(), conditions: { all: [...(goodRule().conditions as { all: Condition[] }).all, ...extra] } });

describe('a rule that passes every check', () => {
  it('has no errors and no warnings', () => {
    expect(codes(goodRule())).toEqual({ errors: [], warnings: [] });
  });
});

describe('errors', () => {
  const cases: [CheckCode, () => unknown][] = [
    ['schema', () => ({ ...goodRule(), category: 'bonus' })],
    ['limits', () => {
      let deep: Condition = { fact: 'employees', operator: 'greaterThan', value: 1 };
      for (let i = 0; i < 20; i++) deep = { all: [deep] };
      return { ...goodRule(), conditions: { all: [deep] } };
    }],
    ['id', () => goodRule({ id: 'other-doc/landing' })],
    ['unknown_fact', () => withConditions({ fact: 'turnover', operator: 'greaterThan', value: 1 })],
    ['type_mismatch', () => withConditions({ fact: 'employees', operator: 'greaterThan', value: '十' })],
    ['unit_mismatch', () => goodRule({ amount: { kind: 'rate', rate: 0.01, of: 'employees' } })],
    ['exclusion_repeats_condition', () => goodRule({ exclusions: { any: [{ fact: 'newlyIntroduced', operator: 'equal', value: false }] } })],
    ['page', () => goodRule({ page: 2 })],
    ['quote', () => goodRule({ quote: '按实际完成投资额的1%给予奖励' })],
    ['contradiction', () => withConditions({ fact: 'employees', operator: 'greaterThan', value: 10 }, { fact: 'employees', operator: 'lessThan', value: 5 })],
    ['validity_reversed', () => goodRule({ validFrom: '2025-01-01', validTo: '2024-01-01' })],
    ['examples_missing', () => goodRule({ examples: [goodRule().examples[0]!] })],
    ['example_failed', () => goodRule({ examples: [goodRule().examples[0]!, { ...goodRule().examples[1]!, expect: { status: 'eligible' } }] })],
  ];
  it.each(cases)('%s', (code, rule) => {
    expect(errorsOf(rule())).toContain(code);
  });

  it('names where the schema is wrong, and stops there', () => {
    const report = check({ ...goodRule(), amount: { kind: 'rate', rate: 2, of: 'fixedAssetInvestmentYuan' } });
    expect(report.errors).toEqual([{ path: 'amount.rate', code: 'schema', message: expect.stringContaining('格式有误') }]);
    expect(report.rule).toBeNull();
  });

  it('says in Chinese and English what an error is, and where', () => {
    const [quote] = check(goodRule({ quote: '不在原文' })).errors;
    expect(quote).toEqual({ path: 'quote', code: 'quote', message: expect.stringMatching(/^原文中找不到引文 \(quote not in the text\)：/) });
  });

  it('finds the quote across the document’s line breaks and checks the page it starts on', () => {
    expect(errorsOf(goodRule({ quote: '市政府按实际完成固定资产投资额1%' }))).toEqual([]);
    expect(check(goodRule({ page: 2 })).errors[0]?.message).toContain('引文始于第 1 页');
  });

  it('needs an excluded example for a rule with exclusions', () => {
    const rule = goodRule({ exclusions: { any: [{ fact: 'seriousDiscredit', operator: 'equal', value: true }] } });
    expect(errorsOf(rule)).toEqual(['examples_missing']);
    const excluded = { name: '严重失信', profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000, seriousDiscredit: true }), asOf: '2024-06-01', expect: { status: 'excluded' as const } };
    expect(errorsOf({ ...rule, examples: [...rule.examples, excluded] })).toEqual([]);
  });
});

describe('contradictory and unreachable conditions', () => {
  const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value }) as Condition;
  const conflicts = (root: Condition) => findConflicts(root, 'conditions').map((c) => c.path);

  it('x > 10 and x < 5 under one all; x ≥ 5 and x ≤ 5 is possible', () => {
    expect(conflicts({ all: [leaf('employees', 'greaterThan', 10), leaf('employees', 'lessThan', 5)] })).toEqual(['conditions']);
    expect(conflicts({ all: [leaf('employees', 'greaterThanInclusive', 5), leaf('employees', 'lessThanInclusive', 5)] })).toEqual([]);
    expect(conflicts({ all: [leaf('employees', 'greaterThan', 5), leaf('employees', 'lessThan', 6)] })).toEqual(['conditions']);
    expect(conflicts({ all: [leaf('annualRevenueYuan', 'greaterThan', 5), leaf('annualRevenueYuan', 'lessThan', 6)] })).toEqual([]);
  });

  it('one fact equal to two values, or to a value its other conditions rule out', () => {
    expect(conflicts({ all: [leaf('size', 'equal', 'small'), leaf('size', 'equal', 'micro')] })).toEqual(['conditions']);
    expect(conflicts({ all: [leaf('size', 'in', ['small', 'micro']), leaf('size', 'notIn', ['small', 'micro'])] })).toEqual(['conditions']);
    expect(conflicts({ all: [leaf('size', 'in', ['small', 'micro']), leaf('size', 'notEqual', 'small')] })).toEqual([]);
    expect(conflicts({ all: [leaf('aboveDesignatedSize', 'equal', true), { all: [leaf('aboveDesignatedSize', 'equal', false)] }] })).toEqual(['conditions']);
    expect(conflicts({ all: [leaf('certifications', 'contains', 'high_tech'), leaf('certifications', 'doesNotContain', 'high_tech')] })).toEqual(['conditions']);
    expect(conflicts({ all: [leaf('certifications', 'contains', 'high_tech'), leaf('certifications', 'doesNotContain', 'tech_sme')] })).toEqual([]);
  });

  it('an any alternative that the conditions around it rule out', () => {
    const root: Condition = { all: [leaf('size', 'equal', 'small'), { any: [leaf('size', 'equal', 'micro'), leaf('employees', 'greaterThan', 3)] }] };
    expect(conflicts(root)).toEqual(['conditions.all[1].any[0]']);
    expect(conflicts({ all: [leaf('size', 'equal', 'small'), { any: [leaf('size', 'equal', 'micro'), leaf('size', 'equal', 'small')] }] })).toEqual(['conditions.all[1].any[0]']);
  });

  it('does not reason through not', () => {
    expect(conflicts({ all: [leaf('size', 'equal', 'small'), { not: leaf('size', 'equal', 'small') }] })).toEqual([]);
  });
});

describe('warnings', () => {
  it('a yuan threshold under 10,000 (probably 万元 typed as yuan); 10,000 and more is not', () => {
    expect(warningsOf(withConditions({ fact: 'annualRevenueYuan', operator: 'greaterThanInclusive', value: 500 }))).toEqual(['yuan_as_wan']);
    expect(warningsOf(withConditions({ fact: 'annualRevenueYuan', operator: 'greaterThanInclusive', value: 5_000_000 }))).toEqual([]);
    expect(warningsOf(withConditions({ fact: 'employees', operator: 'greaterThanInclusive', value: 500 }))).toEqual([]);
    const tiers: Amount = { kind: 'tiered', of: 'fixedAssetInvestmentYuan', tiers: [{ min: 0, max: 5000, rate: 0.01 }, { min: 5000, rate: 0.02 }] };
    expect(check(goodRule({ amount: tiers })).warnings.filter((w) => w.code === 'yuan_as_wan').map((w) => w.path)).toEqual(['amount.tiers[0].max', 'amount.tiers[1].min']);
  });

  it('another published rule of the same clause and benefit outside its exclusiveGroup', () => {
    const sibling = goodRule({ id: 'test-doc/landing-extra', title: '追加奖励' });
    expect(warningsOf(goodRule(), [sibling])).toEqual(['overlap']);
    expect(warningsOf(goodRule({ exclusiveGroup: 'g' }), [{ ...sibling, exclusiveGroup: 'g' }])).toEqual([]);
    expect(warningsOf(goodRule(), [{ ...sibling, clause: '第四条' }])).toEqual([]);
    // Tiers whose conditions exclude each other cannot both pay.
    const higherTier = { ...sibling, conditions: { all: [...inBaiyin, { fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', value: 500_000_000 }] } } as Rule;
    const lowerTier = withConditions({ fact: 'fixedAssetInvestmentYuan', operator: 'lessThan', value: 500_000_000 });
    expect(warningsOf(lowerTier, [higherTier])).toEqual([]);
    // So are sums per item of different things.
    const perTrademark = goodRule({ amount: { kind: 'perItem', yuan: 10_000, of: 'foreignTrademarks' } });
    const perPatent = { ...sibling, amount: { kind: 'perItem', yuan: 20_000, of: 'foreignInventionPatents' } } as Rule;
    expect(warningsOf(perTrademark, [perPatent]).filter((w) => w === 'overlap')).toEqual([]);
    expect(warningsOf(perTrademark, [{ ...perPatent, amount: perTrademark.amount }]).filter((w) => w === 'overlap')).toEqual(['overlap']);
  });

  it('an amount figure that its quote does not show', () => {
    expect(check(goodRule({ amount: { kind: 'rate', rate: 0.02, of: 'fixedAssetInvestmentYuan', capYuan: 10_000_000 } })).warnings)
      .toEqual([{ path: 'amount.rate', code: 'amount_not_in_quote', message: expect.stringContaining('2%') }]);
  });

  it('a concrete rule deciding on region and entity type alone, unless it records why', () => {
    const scopeOnly = goodRule({ conditions: { all: [...inBaiyin, { fact: 'entityType', operator: 'equal', value: 'enterprise' }] } });
    expect(warningsOf(scopeOnly)).toEqual(['scope_only']);
    expect(warningsOf({ ...scopeOnly, scopeOnlyReason: '原文：全市企业' })).toEqual([]);
    expect(warningsOf({ ...scopeOnly, concrete: false, amount: { kind: 'text', text: '优化服务' } })).toEqual([]);
  });

  it('warnings never block: a rule with warnings only has no errors', () => {
    const report = check(goodRule({ amount: { kind: 'rate', rate: 0.01, of: 'fixedAssetInvestmentYuan', capYuan: 12_000_000 } }));
    expect(report.warnings.map((w) => w.code)).toEqual(['amount_not_in_quote']);
    expect(report.errors).toEqual([]);
  });
});

describe('amount figures in quotes', () => {
  it('reads figures as printed: spaces, 万/亿, Chinese numerals, full-width digits, 百分之', () => {
    expect(normaliseFigures('最高不超过1000 万元，奖励五万元，按百分之五十补助，１０％')).toBe('最高不超过1000万元,奖励5万元,按50%补助,10%');
    const has = (amount: Amount, quote: string) => figuresMissingFrom(amount, quote).length === 0;
    expect(has({ kind: 'fixed', yuan: 10_000_000 }, '奖励1000 万元')).toBe(true);
    expect(has({ kind: 'fixed', yuan: 10_000_000 }, '奖励一千万元')).toBe(true);
    expect(has({ kind: 'fixed', yuan: 200_000_000 }, '奖励2亿元')).toBe(true);
    expect(has({ kind: 'fixed', yuan: 5000 }, '补助5000元')).toBe(true);
    expect(has({ kind: 'fixed', yuan: 10_000 }, '补助11万元')).toBe(false);
    expect(has({ kind: 'rate', rate: 0.5, of: 'fixedAssetInvestmentYuan' }, '减半征收')).toBe(true);
    expect(has({ kind: 'multiYear', years: [{ rate: 0.8 }, { rate: 0.7 }], of: 'localEconomicContributionYuan' }, '前两年分别按80%、70%奖励')).toBe(true);
  });
});
