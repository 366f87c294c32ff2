import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../server/domain/evaluate.ts';
import { runExample } from '../../server/domain/examples.ts';
import { withDerivedFacts } from '../../server/domain/facts/derived.ts';
import { expandIndustries } from '../../server/domain/facts/industries.ts';
import { sizeByStandard } from '../../server/domain/facts/size.ts';
import type { Rule } from '../../server/domain/rule-schema.ts';
import { baiyinFirm, inBaiyin, rulesetOf, testDocument, testRule } from '../fixtures.ts';

const AS_OF = '2024-06-01';
const anyBaiyinFirm: Rule['conditions'] = { all: [...inBaiyin, { fact: 'entityType', operator: 'equal', value: 'enterprise' }] };
const award = testRule({ id: 'test-doc/award', amount: { kind: 'fixed', yuan: 100_000 }, conditions: { all: [...inBaiyin, { fact: 'newlyAboveDesignatedSize', operator: 'equal', value: true }] } });
const stationSubsidy = testRule({ id: 'test-doc/station', conditions: anyBaiyinFirm, amount: { kind: 'fixed', yuan: 50_000 }, beneficiary: ['trademark_brand_station'] });
const deregistration = testRule({ id: 'test-doc/dereg', category: 'facilitation', conditions: anyBaiyinFirm, amount: { kind: 'text', text: '20日内办结' }, kind: 'right', situations: ['deregistering'] });
const hotline = testRule({ id: 'test-doc/hotline', category: 'service', conditions: anyBaiyinFirm, amount: { kind: 'text', text: '12345热线' }, kind: 'commitment' });
const task = testRule({ id: 'test-doc/task', category: 'service', conditions: anyBaiyinFirm, amount: { kind: 'text', text: '建立机制' }, kind: 'internal' });
const ids = (items: { ruleId: string }[]) => items.map((i) => i.ruleId);

describe('for whom and when', () => {
  const ruleset = rulesetOf([award, stationSubsidy, deregistration, hotline, task]);

  it('shows a plain business what it can claim, rights by situation apart, commitments apart, work tasks nowhere', () => {
    const result = evaluateProfile(ruleset, baiyinFirm({ newlyAboveDesignatedSize: true }), AS_OF);
    expect(ids(result.eligible)).toEqual(['test-doc/award']);
    expect(ids(result.situational)).toEqual(['test-doc/dereg']);
    expect(result.situational[0]).toMatchObject({ status: 'situational', kind: 'right', situations: ['deregistering'] });
    expect(ids(result.commitments)).toEqual(['test-doc/hotline']);
    expect(result.totals).toMatchObject({ eligibleCount: 1, estimatedYuan: 100_000, situationalCount: 1, commitmentCount: 1 });
    const everywhere = [...result.eligible, ...result.possible, ...result.nearMisses, ...result.situational, ...result.commitments];
    expect(ids(everywhere)).not.toContain('test-doc/station');
    expect(ids(everywhere)).not.toContain('test-doc/task');
  });

  it('counts a right as eligible once the business names its situation, and a subsidy for a role once it names the role', () => {
    const result = evaluateProfile(ruleset, baiyinFirm({ situations: ['deregistering'], organisationRoles: ['trademark_brand_station'] }), AS_OF);
    expect(ids(result.eligible).sort()).toEqual(['test-doc/dereg', 'test-doc/station']);
    expect(result.situational).toEqual([]);
  });

  it('runs examples through the same gates', () => {
    const prepared = ruleset.rulesById.get('test-doc/dereg')!;
    const example = (situations?: string[]) => ({ name: 'x', profile: baiyinFirm(situations ? { situations } as never : {}), asOf: AS_OF, expect: { status: 'eligible' as const } });
    expect(runExample(prepared, example(['deregistering'])).ok).toBe(true);
    expect(runExample(prepared, example()).actual).toBe('situational');
    const station = ruleset.rulesById.get('test-doc/station')!;
    expect(runExample(station, example()).actual).toBe('ineligible');
    expect(runExample(ruleset.rulesById.get('test-doc/hotline')!, example()).actual).toBe('commitment');
  });
});

describe('money within reach', () => {
  it('adds what possible items would pay if answered favourably, one per exclusive group above its best eligible', () => {
    const tier = (id: string, yuan: number, threshold: number) => testRule({
      id, exclusiveGroup: 'g', amount: { kind: 'fixed', yuan },
      conditions: { all: [...inBaiyin, { fact: 'annualRevenueYuan', operator: 'greaterThanInclusive', value: threshold }] },
    });
    const other = testRule({ id: 'test-doc/other', amount: { kind: 'fixed', yuan: 30_000 }, conditions: { all: [...inBaiyin, { fact: 'exporter', operator: 'equal', value: true }] } });
    const ruleset = rulesetOf([tier('test-doc/t1', 100_000, 1), tier('test-doc/t2', 300_000, 2), other]);
    const unknown = evaluateProfile(ruleset, baiyinFirm(), AS_OF);
    expect(unknown.totals.possibleYuan).toBe(300_000 + 30_000);
    expect(unknown.questions[0]).toEqual({ fact: 'annualRevenueYuan', rules: 2, yuan: 300_000 });
    expect(unknown.questions[1]).toMatchObject({ fact: 'exporter', yuan: 30_000 });
  });

  it('asks for the numbers a size is derived from, not for a self-classification', () => {
    const small = testRule({ id: 'test-doc/small', amount: { kind: 'fixed', yuan: 10_000 }, conditions: { all: [...inBaiyin, { fact: 'size', operator: 'in', value: ['small', 'micro'] }] } });
    const result = evaluateProfile(rulesetOf([small]), baiyinFirm({ employees: 30 }), AS_OF);
    expect(result.questions.map((q) => q.fact).sort()).toEqual(['annualRevenueYuan', 'industries']);
    const derived = evaluateProfile(rulesetOf([small]), baiyinFirm({ employees: 30, annualRevenueYuan: 5_000_000, industries: ['C14'] }), AS_OF);
    expect(ids(derived.eligible)).toEqual(['test-doc/small']);
  });
});

describe('coverage', () => {
  it('says when the region has no clause for a founder group, an industry or a situation the user gave', () => {
    const forVeterans = testRule({ id: 'test-doc/vets', conditions: { all: [...inBaiyin, { fact: 'founderGroups', operator: 'contains', value: 'veteran' }] } });
    const forIndustry = testRule({ id: 'test-doc/ind', conditions: { all: [...inBaiyin, { fact: 'industries', operator: 'contains', value: 'industrial' }] } });
    const ruleset = rulesetOf([forVeterans, forIndustry]);
    const result = evaluateProfile(ruleset, baiyinFirm({ founderGroups: ['veteran', 'graduate_within_2y'], industries: ['C14', 'F52'], situations: ['bankruptcy'] }), AS_OF);
    expect(result.coverage.map((g) => `${g.fact}:${g.value}`)).toEqual(['founderGroups:graduate_within_2y', 'industries:F52', 'situations:bankruptcy']);
    expect(result.coverage[0]!.text).toBe('甘肃白银已收录的政策文件中，没有专门针对“毕业2年内高校毕业生”的条款');
    const elsewhere = evaluateProfile(ruleset, { province: '甘肃', city: '兰州', entityType: 'enterprise', founderGroups: ['veteran'] }, AS_OF);
    expect(elsewhere.coverage.map((g) => g.value)).toEqual(['veteran']);
  });
});

describe('derived facts', () => {
  it('expands GB/T 4754 codes to sections, the three sectors, 工业 and the groups the codes decide', () => {
    expect(expandIndustries(['C14']).sort()).toEqual(['C', 'C14', 'food', 'industrial', 'sector_secondary'].sort());
    expect(expandIndustries(['G54']).sort()).toEqual(['G', 'G54', 'logistics', 'road_transport', 'sector_tertiary'].sort());
    expect(expandIndustries(['A05'])).toContain('sector_tertiary');
    expect(expandIndustries(['E'])).toEqual(['E', 'sector_secondary']);
    expect(expandIndustries(['new_energy'])).toEqual(['new_energy']);
  });

  it('derives the size by the 2011 SME standard for the firm\'s industry', () => {
    expect(sizeByStandard(['C14'], 45, 30_000_000)).toBe('small'); // 工业: 20人且300万 → 小型; 300人且2000万 → 中型
    expect(sizeByStandard(['C14'], 300, 30_000_000)).toBe('medium');
    expect(sizeByStandard(['C14'], 1000, 400_000_000)).toBe('large');
    expect(sizeByStandard(['C14'], 19, 30_000_000)).toBe('micro');
    expect(sizeByStandard(['F52'], 60, 6_000_000)).toBe('medium'); // 零售: 50人且500万
    expect(sizeByStandard(['F51'], 60, 6_000_000)).toBe('micro'); // 批发: 小型 needs 1000万
    expect(sizeByStandard(['I65'], 12, 600_000)).toBe('small');
    expect(sizeByStandard(['E'], 12, 600_000)).toBeNull(); // 建筑业 uses total assets
    expect(sizeByStandard(['F'], 60, 6_000_000)).toBeNull(); // 批发 or 零售: the answer differs
    expect(sizeByStandard(['H'], 5, 500_000)).toBe('micro');
    expect(sizeByStandard(undefined, 5, 500_000)).toBeNull();
  });

  it('lets the derived size decide over a size given by hand', () => {
    expect(withDerivedFacts({ size: 'micro', industries: ['C14'], employees: 300, annualRevenueYuan: 30_000_000 }).size).toBe('medium');
    expect(withDerivedFacts({ size: 'micro', employees: 300 }).size).toBe('micro');
  });
});

describe('validity', () => {
  it('does not apply a rule before its document was issued unless the rule says so', () => {
    const document = testDocument({ date: '2023-06-01', validFrom: null });
    const rule = testRule({ id: 'test-doc/fixed', amount: { kind: 'fixed', yuan: 1 }, conditions: anyBaiyinFirm });
    expect(ids(evaluateProfile(rulesetOf([rule], document), baiyinFirm(), '2023-05-01').eligible)).toEqual([]);
    expect(ids(evaluateProfile(rulesetOf([testRule({ ...rule, validFrom: '2022-01-01' })], document), baiyinFirm(), '2023-05-01').eligible)).toEqual(['test-doc/fixed']);
  });
});
