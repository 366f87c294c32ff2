import { describe, expect, it } from 'vitest';
import type { MatchItem } from '../../web/src/lib/types.ts';
import { countedTwice, groupByKind, mergeSameBenefits, neededOptions, openQuestions } from '../../web/src/pages/finder/grouping.ts';

type Overrides = Partial<Omit<MatchItem, 'source'>> & { documentId?: string };

function item({ documentId = 'doc-a', ...overrides }: Overrides): MatchItem {
  return {
    ruleId: `${documentId}/${overrides.title ?? 'x'}`, title: '奖励', summary: '', category: 'cash_award', concrete: true, kind: 'benefit', beneficiary: null, situations: [], status: 'eligible',
    amountYuan: null, amountByYear: null, amountNeeds: null, amountText: '', upToYuan: null, exclusiveGroup: null, stacks: true,
    reasons: [], missingFacts: [], caveats: [], excludedBy: [], why: { all: [], passed: true }, shortfall: null,
    source: { documentId, documentTitle: documentId, documentNumber: null, issuer: '', date: '2023-01-01', clause: '一', page: 1, quote: '' },
    validFrom: null, validTo: null, department: null, notes: null,
    ...overrides,
  };
}

describe('money first', () => {
  it('puts cash, subsidies, tax and fee relief first, largest amount first, and procedures in their own group', () => {
    const grouped = groupByKind([
      item({ title: '一照多址', category: 'facilitation' }),
      item({ title: '小额奖励', amountYuan: 5000 }),
      item({ title: '税收减免', category: 'tax_relief' }),
      item({ title: '大额奖励', amountYuan: 2_000_000 }),
      item({ title: '封顶补贴', category: 'subsidy', upToYuan: 100_000 }),
      item({ title: '贷款', category: 'finance' }),
      item({ title: '容缺受理', category: 'leniency' }),
    ]);
    expect(grouped.money.map((b) => b.item.title)).toEqual(['大额奖励', '小额奖励', '封顶补贴', '税收减免']);
    expect(grouped.support.map((b) => b.item.title)).toEqual(['贷款']);
    expect(grouped.procedure.map((b) => b.item.title)).toEqual(['一照多址', '容缺受理']);
  });
});

describe('the same benefit from two documents', () => {
  it('is one card with both sources: same category, same title but for quotation marks, same amount', () => {
    const merged = mergeSameBenefits([
      item({ title: '“证照分离”改革', category: 'facilitation', documentId: 'province' }),
      item({ title: '证照分离改革', category: 'facilitation', documentId: 'city' }),
      item({ title: '证照分离改革', category: 'service', documentId: 'other' }),
    ]);
    expect(merged.map((b) => [b.item.source.documentId, b.also.map((i) => i.source.documentId)])).toEqual([
      ['province', ['city']],
      ['other', []],
    ]);
  });

  it('stays two cards within one document, or with different amounts', () => {
    expect(mergeSameBenefits([item({ title: '奖励' }), item({ title: '奖励' })])).toHaveLength(2);
    expect(mergeSameBenefits([item({ title: '奖励', amountYuan: 1 }), item({ title: '奖励', amountYuan: 2, documentId: 'b' })])).toHaveLength(2);
  });

  it('counts the merged copy\'s money once', () => {
    const merged = mergeSameBenefits([item({ amountYuan: 5000 }), item({ amountYuan: 5000, documentId: 'b' })]);
    expect(countedTwice(merged)).toBe(5000);
  });
});

describe('questions a possible benefit still asks', () => {
  const leaf = (fact: string, operator: string, required: MatchItem['reasons'][number]['required'], passed: boolean | null) => ({ fact, operator, required, actual: null, passed });

  it('asks only the open leaves, never those of an any that already holds', () => {
    const why: MatchItem['why'] = {
      all: [
        { any: [leaf('newlyIntroduced', 'equal', true, true), leaf('expansionProject', 'equal', true, null)], passed: true },
        { any: [leaf('certifications', 'contains', 'high_tech', null), leaf('certifications', 'contains', 'specialized_sme', null), leaf('listing', 'equal', 'main_board', false)], passed: null },
        leaf('seriousDiscredit', 'equal', false, null),
      ],
      passed: null,
    };
    expect(openQuestions(why).map((l) => l.fact)).toEqual(['certifications', 'certifications', 'seriousDiscredit']);
    expect(neededOptions(why, 'certifications')).toEqual(['high_tech', 'specialized_sme']);
    expect(neededOptions(why, 'expansionProject')).toEqual([]);
  });

  it('takes the values of an in or notIn leaf', () => {
    const why: MatchItem['why'] = { all: [leaf('projectType', 'notIn', ['real_estate', 'ppp'], null)], passed: null };
    expect(neededOptions(why, 'projectType')).toEqual(['real_estate', 'ppp']);
  });
});
