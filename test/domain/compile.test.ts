import { describe, expect, it } from 'vitest';
import { compileConditions, FALSE, TRUE, UNKNOWN } from '../../server/domain/compile.ts';
import { factVector } from '../../server/domain/facts/index.ts';
import type { Condition, LeafCondition } from '../../server/domain/rule-schema.ts';

const big = { fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', value: 100 } as const;
const hiTech = { fact: 'certifications', operator: 'contains', value: 'high_tech' } as const;
const run = (condition: Condition, facts: Record<string, unknown>) => compileConditions(condition).evaluate(factVector(facts));

describe('three-valued conditions', () => {
  it('is unknown when a fact is not given, never false', () => {
    expect(run({ all: [big] }, {})).toBe(UNKNOWN);
    expect(run({ all: [{ fact: 'seriousDiscredit', operator: 'notEqual', value: true }] }, {})).toBe(UNKNOWN);
  });

  it('lets one false condition decide an all, whatever is unknown', () => {
    expect(run({ all: [big, hiTech] }, { fixedAssetInvestmentYuan: 5 })).toBe(FALSE);
    expect(run({ all: [big, hiTech] }, { fixedAssetInvestmentYuan: 500 })).toBe(UNKNOWN);
    expect(run({ all: [big, hiTech] }, { fixedAssetInvestmentYuan: 500, certifications: ['high_tech'] })).toBe(TRUE);
  });

  it('lets one true condition decide an any, whatever is unknown', () => {
    expect(run({ any: [big, hiTech] }, { certifications: ['high_tech'] })).toBe(TRUE);
    expect(run({ any: [big, hiTech] }, { certifications: [] })).toBe(UNKNOWN);
    expect(run({ any: [big, hiTech] }, { certifications: [], fixedAssetInvestmentYuan: 1 })).toBe(FALSE);
  });

  it('negates, keeping unknown unknown', () => {
    expect(run({ all: [{ not: hiTech }] }, { certifications: ['tech_sme'] })).toBe(TRUE);
    expect(run({ all: [{ not: hiTech }] }, {})).toBe(UNKNOWN);
  });

  it('compares at the boundary as the operator says', () => {
    const at = (operator: string, value: number) =>
      run({ all: [{ fact: 'employees', operator: operator as never, value: 10 }] }, { employees: value });
    expect([at('greaterThanInclusive', 10), at('greaterThan', 10), at('lessThanInclusive', 10), at('lessThan', 10)]).toEqual([TRUE, FALSE, TRUE, FALSE]);
  });

  it('checks membership with in / notIn and list facts with contains / doesNotContain', () => {
    const size: LeafCondition = { fact: 'size', operator: 'in', value: ['micro', 'small'] };
    expect(run({ all: [size] }, { size: 'small' })).toBe(TRUE);
    expect(run({ all: [{ ...size, operator: 'notIn' }] }, { size: 'small' })).toBe(FALSE);
    expect(run({ all: [{ ...hiTech, operator: 'doesNotContain' }] }, { certifications: ['tech_sme'] })).toBe(TRUE);
  });

  it('can recombine given leaf results for what-if questions', () => {
    const compiled = compileConditions({ all: [big, { any: [hiTech, { fact: 'employees', operator: 'greaterThan', value: 5 }] }] });
    expect(compiled.leaves.map((l) => l.fact)).toEqual(['fixedAssetInvestmentYuan', 'certifications', 'employees']);
    expect(compiled.combine([TRUE, FALSE, TRUE])).toBe(TRUE);
    expect(compiled.combine([TRUE, FALSE, FALSE])).toBe(FALSE);
  });
});
