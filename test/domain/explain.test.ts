import { describe, expect, it } from 'vitest';
import { evaluateProfile, summarizeProfile } from '../../server/domain/evaluate.ts';
import { MATCH_LISTS } from '../../server/domain/match-schema.ts';
import type { Rule } from '../../server/domain/rule-schema.ts';
import { baiyinFirm, inBaiyin, rulesetOf, testRule } from '../fixtures.ts';

const AS_OF = '2024-06-01';

/** 白银 第二十五条 / 第二十六条: the 负面清单 as exclusions of the landing award. */
const withExclusions = testRule({
  exclusions: {
    any: [
      { fact: 'seriousDiscredit', operator: 'equal', value: true },
      { fact: 'projectType', operator: 'in', value: ['real_estate', 'ppp', 'franchise'] },
      { fact: 'projectOnSchedule', operator: 'equal', value: false },
    ],
  },
});
const investor = (extra = {}) => baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000, ...extra });

describe('exclusions', () => {
  it('leave an item eligible while unanswered, each as a caveat a person can check', () => {
    const result = evaluateProfile(rulesetOf([withExclusions]), investor(), AS_OF);
    expect(result.eligible.map((i) => i.ruleId)).toEqual(['test-doc/landing']);
    expect(result.totals.estimatedYuan).toBe(2_000_000);
    expect(result.eligible[0]!.caveats).toEqual([
      { fact: 'seriousDiscredit', operator: 'equal', required: true, text: '须确认：列入严重失信名单或发生重大安全、环保事故的，不享受此项' },
      { fact: 'projectType', operator: 'in', required: ['real_estate', 'ppp', 'franchise'], text: expect.stringMatching(/^须确认：项目类型为.*之一的，不享受此项$/) },
      { fact: 'projectOnSchedule', operator: 'equal', required: false, text: '须确认：项目按合同约定期限建成投产为“否”的，不享受此项' },
    ]);
    // Exclusions are worth asking about, but never block the answer.
    expect(result.questions.map((q) => q.fact)).toEqual(expect.arrayContaining(['seriousDiscredit', 'projectOnSchedule']));
  });

  it('drop the caveats that are answered and do not hold', () => {
    const result = evaluateProfile(rulesetOf([withExclusions]), investor({ seriousDiscredit: false, projectType: 'industrial' }), AS_OF);
    expect(result.eligible[0]!.caveats.map((c) => c.fact)).toEqual(['projectOnSchedule']);
  });

  it('move an item to excluded, naming the exclusion, once one is known to hold', () => {
    const result = evaluateProfile(rulesetOf([withExclusions]), investor({ seriousDiscredit: true }), AS_OF);
    expect(result.eligible).toEqual([]);
    expect(result.excluded).toHaveLength(1);
    expect(result.excluded[0]).toMatchObject({
      status: 'excluded',
      excludedBy: [{ fact: 'seriousDiscredit', operator: 'equal', required: true, actual: true, passed: true }],
    });
    expect(result.totals).toMatchObject({ estimatedYuan: 0, excludedCount: 1 });
  });

  it('exclude possible items too, and no item while its conditions fail', () => {
    const possible = evaluateProfile(rulesetOf([withExclusions]), baiyinFirm({ projectType: 'real_estate' }), AS_OF);
    expect(possible.excluded.map((i) => i.ruleId)).toEqual(['test-doc/landing']);
    expect(possible.possible).toEqual([]);
    const failing = evaluateProfile(rulesetOf([withExclusions]), baiyinFirm({ newlyIntroduced: false, projectType: 'real_estate' }), AS_OF);
    expect(failing.excluded).toEqual([]);
  });
});

describe('explanations', () => {
  const eitherRoute: Rule = testRule({
    id: 'test-doc/either',
    conditions: {
      all: [
        ...inBaiyin,
        { any: [{ fact: 'certifications', operator: 'contains', value: 'high_tech' }, { fact: 'certifications', operator: 'contains', value: 'specialized_sme' }] },
        { not: { fact: 'industries', operator: 'contains', value: 'real_estate_dev' as never } },
      ],
    },
    amount: { kind: 'fixed', yuan: 100_000 },
  });

  it('give as reasons what decided: the alternative of an any that held, not the ones that failed', () => {
    const ruleset = rulesetOf([testRule({
      id: 'test-doc/either',
      conditions: { all: [...inBaiyin, { any: [{ fact: 'certifications', operator: 'contains', value: 'high_tech' }, { fact: 'size', operator: 'equal', value: 'small' }] }] },
      amount: { kind: 'fixed', yuan: 100_000 },
    })]);
    const [item] = evaluateProfile(ruleset, baiyinFirm({ certifications: ['tech_sme'], size: 'small' }), AS_OF).eligible;
    expect(item!.reasons.map((r) => [r.fact, r.passed])).toEqual([['province', true], ['city', true], ['size', true]]);
    expect(item!.missingFacts).toEqual([]);
  });

  it('give an eligible item no missing facts, even when an any holds beside an unanswered alternative', () => {
    const ruleset = rulesetOf([testRule({
      id: 'test-doc/either',
      conditions: { all: [...inBaiyin, { any: [{ fact: 'size', operator: 'equal', value: 'small' }, { fact: 'certifications', operator: 'contains', value: 'high_tech' }] }] },
      amount: { kind: 'fixed', yuan: 1 },
    })]);
    const [item] = evaluateProfile(ruleset, baiyinFirm({ size: 'small' }), AS_OF).eligible;
    expect(item!.missingFacts).toEqual([]);
    expect(item!.reasons.every((r) => r.passed === true)).toBe(true);
  });

  it('state a condition under not as its inverse, and give the whole tree with each node’s truth in why', () => {
    void eitherRoute;
    const ruleset = rulesetOf([testRule({
      id: 'test-doc/not',
      conditions: { all: [...inBaiyin, { not: { fact: 'projectType', operator: 'equal', value: 'real_estate' } }, { any: [{ fact: 'size', operator: 'equal', value: 'small' }, { fact: 'size', operator: 'equal', value: 'micro' }] }] },
      amount: { kind: 'fixed', yuan: 1 },
    })]);
    const [item] = evaluateProfile(ruleset, baiyinFirm({ projectType: 'industrial', size: 'micro' }), AS_OF).eligible;
    expect(item!.reasons).toContainEqual({ fact: 'projectType', operator: 'notEqual', required: 'real_estate', actual: 'industrial', passed: true });
    expect(item!.why).toEqual({
      passed: true,
      all: [
        { fact: 'province', operator: 'equal', required: '甘肃', actual: '甘肃', passed: true },
        { fact: 'city', operator: 'equal', required: '白银', actual: '白银', passed: true },
        { not: { fact: 'projectType', operator: 'equal', required: 'real_estate', actual: 'industrial', passed: false }, passed: true },
        {
          any: [
            { fact: 'size', operator: 'equal', required: 'small', actual: 'micro', passed: false },
            { fact: 'size', operator: 'equal', required: 'micro', actual: 'micro', passed: true },
          ],
          passed: true,
        },
      ],
    });
  });

  it('ask a possible item only for what could still change it', () => {
    const ruleset = rulesetOf([testRule({
      id: 'test-doc/open',
      conditions: { all: [...inBaiyin, { fact: 'newlyIntroduced', operator: 'equal', value: true }, { any: [{ fact: 'size', operator: 'equal', value: 'small' }, { fact: 'certifications', operator: 'contains', value: 'high_tech' }] }] },
      amount: { kind: 'fixed', yuan: 1 },
    })]);
    const [item] = evaluateProfile(ruleset, baiyinFirm({ size: 'small' }), AS_OF).possible;
    expect(item!.missingFacts).toEqual(['newlyIntroduced']);
  });
});

describe('near misses', () => {
  const tier = (id: string, min: number, max: number | null, yuan: number): Rule =>
    testRule({
      id: `test-doc/${id}`,
      conditions: {
        all: [
          ...inBaiyin,
          { fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', value: min },
          ...(max === null ? [] : [{ fact: 'fixedAssetInvestmentYuan' as const, operator: 'lessThan' as const, value: max }]),
        ],
      },
      amount: { kind: 'fixed', yuan },
    });

  it('are not the other tiers of a benefit the business already gets', () => {
    const ruleset = rulesetOf([tier('low', 100_000_000, 500_000_000, 1_000_000), tier('high', 500_000_000, null, 3_000_000)]);
    const low = evaluateProfile(ruleset, baiyinFirm({ fixedAssetInvestmentYuan: 200_000_000 }), AS_OF);
    expect(low.eligible.map((i) => i.ruleId)).toEqual(['test-doc/low']);
    expect(low.nearMisses).toEqual([]);
    // Nor is a lower tier a near miss of a business above it: being smaller is not attainable.
    const high = evaluateProfile(ruleset, baiyinFirm({ fixedAssetInvestmentYuan: 600_000_000 }), AS_OF);
    expect(high.nearMisses).toEqual([]);
    // A business below every tier is near the first, and only the nearest tier is named.
    const below = evaluateProfile(ruleset, baiyinFirm({ fixedAssetInvestmentYuan: 80_000_000 }), AS_OF);
    expect(below.nearMisses.map((i) => [i.ruleId, i.shortfall?.gap, i.amountYuan])).toEqual([['test-doc/low', 20_000_000, 1_000_000]]);
  });

  it('are still shown beside a different benefit of the same clause that the business gets', () => {
    const provincial = testRule({ id: 'test-doc/provincial', concrete: false, conditions: { all: [...inBaiyin] }, amount: { kind: 'text', text: '上报省政府给予奖励' } });
    const result = evaluateProfile(rulesetOf([tier('low', 100_000_000, null, 1_000_000), provincial]), baiyinFirm({ fixedAssetInvestmentYuan: 80_000_000 }), AS_OF);
    expect(result.eligible.map((i) => i.ruleId)).toEqual(['test-doc/provincial']);
    expect(result.nearMisses.map((i) => i.ruleId)).toEqual(['test-doc/low']);
  });

  it('are not statuses nobody can come to have (being newly introduced)', () => {
    const result = evaluateProfile(rulesetOf([testRule()]), baiyinFirm({ newlyIntroduced: false, fixedAssetInvestmentYuan: 200_000_000 }), AS_OF);
    expect(result.nearMisses).toEqual([]);
  });

  it('carry what a per-item benefit would pay for the first item', () => {
    const perPatent = testRule({
      id: 'test-doc/patents',
      conditions: { all: [...inBaiyin, { fact: 'foreignInventionPatents', operator: 'greaterThanInclusive', value: 1 }] },
      amount: { kind: 'perItem', yuan: 20_000, of: 'foreignInventionPatents' },
    });
    const [item] = evaluateProfile(rulesetOf([perPatent]), baiyinFirm({ foreignInventionPatents: 0 }), AS_OF).nearMisses;
    expect(item).toMatchObject({ amountYuan: 20_000, shortfall: { gap: 1 } });
  });
});

describe('benefits over several years', () => {
  const contribution = testRule({
    id: 'test-doc/contribution',
    conditions: { all: [...inBaiyin, { fact: 'localEconomicContributionYuan', operator: 'greaterThanInclusive', value: 5_000_000 }] },
    amount: { kind: 'multiYear', of: 'localEconomicContributionYuan', years: [{ rate: 0.8 }, { rate: 0.7 }, { rate: 0.7 }, { rate: 0.6 }, { rate: 0.6 }] },
    exclusiveGroup: 'g',
  });
  const oneOff = testRule({ id: 'test-doc/one-off', conditions: { all: [...inBaiyin] }, amount: { kind: 'fixed', yuan: 20_000_000 }, exclusiveGroup: 'g' });

  it('show each year and count the total over the stated years', () => {
    const [item] = evaluateProfile(rulesetOf([contribution]), baiyinFirm({ localEconomicContributionYuan: 6_000_000 }), AS_OF).eligible;
    expect(item!.amountByYear).toEqual([4_800_000, 4_200_000, 4_200_000, 3_600_000, 3_600_000]);
    expect(item!.amountYuan).toBe(20_400_000);
    expect(item!.amountText).toBe('分5年按年地方经济贡献：第1年80%，第2年70%，第3年70%，第4年60%，第5年60%');
  });

  it('compare their totals when they do not stack', () => {
    const result = evaluateProfile(rulesetOf([contribution, oneOff]), baiyinFirm({ localEconomicContributionYuan: 6_000_000 }), AS_OF);
    expect(result.eligible.filter((i) => i.stacks).map((i) => i.ruleId)).toEqual(['test-doc/contribution']);
    expect(result.totals.estimatedYuan).toBe(20_400_000);
  });
});

describe('the summary view', () => {
  it('is the full answer with each item cut to what integrators need and a short source', () => {
    const ruleset = rulesetOf([withExclusions, testRule({ id: 'test-doc/other', exclusiveGroup: null })]);
    for (const profile of [investor(), investor({ seriousDiscredit: true }), baiyinFirm(), baiyinFirm({ fixedAssetInvestmentYuan: 50_000_000, newlyIntroduced: true })]) {
      const full = evaluateProfile(ruleset, profile, AS_OF);
      const summary = summarizeProfile(ruleset, profile, AS_OF);
      expect({ ...summary, ...Object.fromEntries(MATCH_LISTS.map((list) => [list, []])) }).toEqual({ ...full, ...Object.fromEntries(MATCH_LISTS.map((list) => [list, []])) });
      for (const list of MATCH_LISTS) {
        expect(summary[list]).toEqual(full[list].map((i) => ({
          ruleId: i.ruleId, title: i.title, category: i.category, kind: i.kind, status: i.status, amountYuan: i.amountYuan, amountText: i.amountText,
          exclusiveGroup: i.exclusiveGroup, stacks: i.stacks, missingFacts: i.missingFacts, caveats: i.caveats,
          source: { documentId: i.source.documentId, clause: i.source.clause, page: i.source.page },
        })));
      }
    }
    const [item] = summarizeProfile(ruleset, investor(), AS_OF).eligible;
    expect(Object.keys(item!).sort()).toEqual(['amountText', 'amountYuan', 'category', 'caveats', 'exclusiveGroup', 'kind', 'missingFacts', 'ruleId', 'source', 'stacks', 'status', 'title']);
    expect(item!.source).toEqual({ documentId: 'test-doc', clause: '第三条', page: 1 });
  });
});
