import { describe, expect, it } from 'vitest';
import { ruleSchema, TEXT_LIMITS, type Amount } from '../../server/domain/rule-schema.ts';
import { goodRule } from '../support/authoring.ts';

/** Issue 15, item 9: amounts at most 1万亿元 and texts of a bounded length, so totals stay finite and answers small. */

const pathsOf = (rule: unknown) => {
  const result = ruleSchema.safeParse(rule);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};
const TOO_MUCH = 1e12 + 1;

describe('amounts', () => {
  it.each<[string, Amount, string]>([
    ['a fixed amount', { kind: 'fixed', yuan: 1e308 }, 'amount.yuan'],
    ['a cap', { kind: 'rate', rate: 0.01, of: 'fixedAssetInvestmentYuan', capYuan: TOO_MUCH }, 'amount.capYuan'],
    ['a minimum', { kind: 'rate', rate: 0.01, of: 'fixedAssetInvestmentYuan', minYuan: TOO_MUCH }, 'amount.minYuan'],
    ['a tier sum', { kind: 'tiered', of: 'fixedAssetInvestmentYuan', tiers: [{ min: 0, yuan: TOO_MUCH }] }, 'amount.tiers.0.yuan'],
    ['a tier bound', { kind: 'tiered', of: 'fixedAssetInvestmentYuan', tiers: [{ min: 0, max: TOO_MUCH, rate: 0.1 }] }, 'amount.tiers.0.max'],
    ['a sum per item', { kind: 'perItem', yuan: TOO_MUCH, of: 'foreignTrademarks' }, 'amount.yuan'],
    ['a year', { kind: 'multiYear', years: [{ yuan: 1 }, { yuan: TOO_MUCH }] }, 'amount.years.1.yuan'],
    ['a stated ceiling', { kind: 'text', text: '最高', upToYuan: TOO_MUCH }, 'amount.upToYuan'],
  ])('refuses %s over 1万亿元, naming the field', (_, amount, path) => {
    expect(pathsOf(goodRule({ amount }))).toContain(path);
  });

  it('accepts 1万亿元 itself, and refuses an example expecting more', () => {
    expect(pathsOf(goodRule({ amount: { kind: 'fixed', yuan: 1e12 } }))).toEqual([]);
    const [eligible, other] = goodRule().examples;
    expect(pathsOf(goodRule({ examples: [{ ...eligible!, expect: { status: 'eligible', amountYuan: 1e308 } }, other!] }))).toEqual(['examples.0.expect.amountYuan']);
  });
});

describe('texts', () => {
  const long = (n: number) => '长'.repeat(n + 1);
  it.each<[string, Record<string, unknown>, string]>([
    ['title', { title: long(TEXT_LIMITS.title) }, 'title'],
    ['summary', { summary: long(TEXT_LIMITS.summary) }, 'summary'],
    ['quote', { quote: long(TEXT_LIMITS.quote) }, 'quote'],
    ['notes', { notes: long(TEXT_LIMITS.notes) }, 'notes'],
    ['department', { department: long(TEXT_LIMITS.label) }, 'department'],
    ['a condition value', { conditions: { all: [{ fact: 'city', operator: 'equal', value: long(900_000) }] } }, 'conditions.all.0.value'],
    ['a value in a list', { conditions: { all: [{ fact: 'city', operator: 'in', value: ['白银', long(TEXT_LIMITS.value)] }] } }, 'conditions.all.0.value'],
    ['the amount text', { amount: { kind: 'text', text: long(TEXT_LIMITS.summary) } }, 'amount.text'],
  ])('refuses a %s longer than its limit, naming the field', (_, overrides, path) => {
    expect(pathsOf({ ...goodRule(), ...overrides }).some((p) => p.startsWith(path))).toBe(true);
  });

  it('accepts each text at its limit', () => {
    const atLimit = (n: number) => '长'.repeat(n);
    expect(pathsOf(goodRule({ title: atLimit(TEXT_LIMITS.title), summary: atLimit(TEXT_LIMITS.summary), notes: atLimit(TEXT_LIMITS.notes), department: atLimit(TEXT_LIMITS.label) }))).toEqual([]);
  });
});
