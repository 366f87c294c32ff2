import { describe, expect, it } from 'vitest';
import { rulesetFromFiles } from '../../server/corpus/shipped.ts';
import { evaluateProfile } from '../../server/domain/evaluate.ts';
import type { Profile } from '../../server/domain/profile.ts';

/** The 宁夏 and 陕西 businesses of issue 7: each sees only benefits whose every stated condition it meets (or is asked about). */
const ruleset = rulesetFromFiles('rules');
const AS_OF = '2023-12-01';
const match = (profile: Profile) => evaluateProfile(ruleset, profile, AS_OF);
const statusOf = (profile: Profile, ruleId: string) => {
  const result = match(profile);
  for (const list of ['eligible', 'possible', 'nearMisses', 'excluded'] as const) if (result[list].some((i) => i.ruleId === ruleId)) return list;
  return 'none';
};

const NX = 'ningxia-amr-private-economy-measures-2023';
const YC = 'ningxia-yinchuan-business-confidence-plan-2023';
const yinchuan: Profile = { province: '宁夏', city: '银川', entityType: 'enterprise', ownership: 'private', size: 'small' };

describe('宁夏 and 银川', () => {
  it('does not offer the 新设立企业 free seal to a firm founded 8 years ago', () => {
    expect(statusOf({ ...yinchuan, yearsOperating: 8 }, `${YC}/a1-free-seal-engraving`)).toBe('none');
    expect(statusOf({ province: '宁夏', city: '银川', entityType: 'person' }, `${YC}/a1-free-seal-engraving`)).toBe('eligible');
  });

  it('pays the 工业和信息化领域 standards subsidies to a manufacturer and not to a restaurant', () => {
    const led = { standardsLed: ['national'], groupStandardLeader: true };
    const manufacturer = match({ ...yinchuan, industries: ['manufacturing'], ...led });
    const restaurant = match({ ...yinchuan, industries: ['accommodation_catering'], ...led });
    const ids = (r: typeof manufacturer) => r.eligible.map((i) => i.ruleId);
    expect(ids(manufacturer)).toEqual(expect.arrayContaining([`${NX}/m16-lead-national-standard`, `${NX}/m17-leader-group-standard`]));
    expect(ids(restaurant)).not.toContain(`${NX}/m16-lead-national-standard`);
    expect(ids(restaurant)).not.toContain(`${NX}/m17-leader-group-standard`);
  });

  it('counts one group standard once although 16 and 17 both pay for it', () => {
    const result = match({ ...yinchuan, industries: ['manufacturing'], standardsLed: ['group'], groupStandardLeader: true });
    const paid = result.eligible.filter((i) => [`${NX}/m16-lead-group-standard`, `${NX}/m17-leader-group-standard`].includes(i.ruleId));
    expect(paid.map((i) => i.amountYuan).sort()).toEqual([100000, 80000]);
    expect(paid.filter((i) => i.stacks).map((i) => i.amountYuan)).toEqual([100000]);
    expect(result.totals.estimatedYuan).toBe(100000);
  });

  it('pays a firm newly certified as 优势 and then 示范企业 the 示范 award once, and the 试点 award beside it', () => {
    const firm: Profile = { ...yinchuan, newCertifications: ['ip_advantage_national', 'ip_demo_national'], certifications: ['ip_pilot_regional'] };
    const paid = match(firm).eligible.filter((i) => i.source.documentId === NX && i.source.clause === '19');
    expect(paid.map((i) => [i.ruleId.split('/')[1], i.amountYuan, i.stacks])).toEqual(
      expect.arrayContaining([
        ['m19-new-ip-demo-enterprise', 200000, true],
        ['m19-new-ip-advantage-enterprise', 150000, false],
        ['m19-regional-ip-pilot', 100000, true],
      ]),
    );
    expect(paid.filter((i) => i.stacks).reduce((sum, i) => sum + i.amountYuan!, 0)).toBe(300000);
    const demoOnly = match({ ...firm, newCertifications: ['ip_demo_national'] });
    expect(match(firm).totals.estimatedYuan).toBe(demoOnly.totals.estimatedYuan);
  });

  it('waives bid deposits only for the tenders the text names', () => {
    const procurement: Profile = { ...yinchuan, tenderParticipation: ['government_procurement'] };
    expect(statusOf(procurement, `${YC}/j3-no-bid-deposit`)).toBe('eligible');
    expect(statusOf(procurement, `${YC}/k4-bid-deposit-waiver`)).toBe('none');
    expect(statusOf(yinchuan, `${YC}/k4-bid-deposit-waiver`)).toBe('possible');
  });

  it('gives a small 银川 manufacturer no concrete benefit on region alone, except those with a recorded reason', () => {
    const result = match({ province: '宁夏', city: '银川', entityType: 'enterprise', size: 'small', industries: ['manufacturing'] });
    for (const item of result.eligible.filter((i) => i.concrete)) {
      expect(ruleset.rulesById.get(item.ruleId)?.rule.scopeOnlyReason, item.ruleId).toBeTruthy();
    }
  });
});

describe('陕西 and 西安', () => {
  it('gives a 西安 veteran founder no startup promise that is only a target, and asks where the 高新区 one applies', () => {
    const founder: Profile = { province: '陕西', city: '西安', entityType: 'person', founderGroups: ['veteran'] };
    const result = match(founder);
    for (const item of result.eligible.filter((i) => i.concrete)) {
      expect(ruleset.rulesById.get(item.ruleId)?.rule.scopeOnlyReason, item.ruleId).toBeTruthy();
    }
    expect(result.eligible.map((i) => i.ruleId)).not.toContain('shaanxi-xianyang-fangguanfu-2023/item-11-business-startup-one-day');
    const highTechStartup = 'shaanxi-drc-business-environment-practices-2023/att2-startup-2-hours';
    expect(result.situational.map((i) => i.ruleId)).toContain(highTechStartup);
    const opening: Profile = { ...founder, situations: ['opening'] };
    expect(statusOf(opening, highTechStartup)).toBe('possible');
    expect(statusOf({ ...opening, county: '雁塔区' }, highTechStartup)).toBe('none');
  });
});

const YA = 'shaanxi-yanan-private-economy-three-year-plan-2023';
const yanan: Profile = { province: '陕西', city: '延安', entityType: 'enterprise', ownership: 'private', size: 'medium' };
const stackedOfClause = (profile: Profile, clause: string) =>
  match(profile)
    .eligible.filter((i) => i.source.documentId === YA && i.source.clause === clause && i.stacks)
    .map((i) => [i.ruleId.split('/')[1], i.amountYuan]);

describe('延安: a higher tier of the same award replaces the lower one', () => {
  it('pays a platform newly certified at provincial and national level the national 20万 once', () => {
    const platform: Profile = { ...yanan, newCertifications: ['sme_service_platform_provincial', 'sme_service_platform_national'] };
    expect(stackedOfClause(platform, '23')).toEqual([['art-23-sme-service-platform-award-national', 200000]]);
    const nationalOnly = match({ ...platform, newCertifications: ['sme_service_platform_national'] });
    expect(match(platform).totals.estimatedYuan).toBe(nationalOnly.totals.estimatedYuan);
  });

  it('pays revenue first passing 10亿, 30亿 and 50亿 in one year the 50亿 tier only', () => {
    const leap: Profile = { ...yanan, annualRevenueYuan: 6_000_000_000, previousPeakAnnualRevenueYuan: 900_000_000 };
    const tiers = match(leap).eligible.filter((i) => i.source.documentId === YA && i.source.clause === '33');
    expect(tiers.map((i) => i.amountYuan).sort((a, b) => a! - b!)).toEqual([100000, 300000, 500000]);
    expect(stackedOfClause(leap, '33')).toEqual([['art-33-revenue-first-exceeds-5b', 500000]]);
    const oneTier = match({ ...leap, previousPeakAnnualRevenueYuan: 4_000_000_000 });
    expect(match(leap).totals.estimatedYuan).toBe(oneTier.totals.estimatedYuan);
  });
});
