import { describe, expect, it } from 'vitest';
import { rulesetFromFiles } from '../../server/corpus/shipped.ts';
import { evaluateProfile } from '../../server/domain/evaluate.ts';
import { decidesOnScopeAlone } from '../../server/domain/rule-checks.ts';
import type { Profile } from '../../server/domain/profile.ts';

/** 新疆: measures that help only in a situation (a lawsuit, seized assets, a 失信 listing, trucks on city roads,
 * 转供电, deregistering) reach a firm only in that situation, and the 自治区 documents reach 克拉玛依 and 哈密 firms too. */
const ruleset = rulesetFromFiles('rules');
const AS_OF = '2024-06-01';

const outcome = (profile: Profile) => {
  const result = evaluateProfile(ruleset, profile, AS_OF);
  const ids = (items: { ruleId: string }[]) => new Set(items.map((i) => i.ruleId));
  return {
    eligible: ids(result.eligible), reachable: ids([...result.eligible, ...result.possible]), excluded: ids(result.excluded),
    situational: ids(result.situational),
  };
};

const id = {
  litigation: 'xinjiang-political-legal-50-measures-2023/m12-litigation-green-channel',
  mediation: 'xinjiang-political-legal-50-measures-2023/m13-pre-litigation-mediation',
  seizure: 'xinjiang-political-legal-50-measures-2023/m23-release-unrelated-assets',
  creditRepair: 'xinjiang-political-legal-50-measures-2023/m37-credit-repair',
  trucksRegion: 'xinjiang-political-legal-50-measures-2023/m11-freight-access',
  trucksKaramay: 'xinjiang-karamay-fangguanfu-2023/k62-freight-access',
  simpleDeregistration: 'xinjiang-karamay-fangguanfu-2023/k14-simple-deregistration-scope',
  onlineDeregistration: 'xinjiang-karamay-fangguanfu-2023/k16-online-deregistration',
  nonGridRegion: 'xinjiang-institutional-cost-reduction-2023/s07-non-grid-electricity-commercial',
  nonGridHami: 'xinjiang-hami-institutional-cost-reduction-2023/h07-non-grid-electricity-commercial',
  suspension: 'xinjiang-amr-relief-measures-2023/art-02-business-suspension',
};
const situational = Object.values(id);

const karamayManufacturer = {
  province: '新疆', city: '克拉玛依', entityType: 'enterprise', size: 'small', ownership: 'private', industries: ['C'],
} as const satisfies Profile;

describe('新疆 measures for a business in a situation', () => {
  it('are not offered to a 克拉玛依 manufacturer that is in none of those situations', () => {
    const none = outcome({
      ...karamayManufacturer, legalSituations: [], truckOperations: [], upcomingProcedures: [], nonGridPowerSupply: false,
    });
    expect(situational.filter((rule) => none.reachable.has(rule))).toEqual([]);
  });

  it('are listed by situation, not granted, when the business names no situation', () => {
    const unanswered = outcome(karamayManufacturer);
    expect(situational.filter((rule) => unanswered.eligible.has(rule))).toEqual([]);
    for (const rule of [id.litigation, id.seizure, id.simpleDeregistration]) expect(unanswered.situational.has(rule), rule).toBe(true);
  });

  it('reach the 克拉玛依 firm in the situation from both the 自治区 and the 克拉玛依 documents', () => {
    const inThem = outcome({
      ...karamayManufacturer,
      situations: ['dispute', 'credit_repair', 'freight', 'deregistering', 'suspending'],
      legalSituations: ['dishonest_judgment_debtor'], judgmentObligationsPerformed: true,
      truckOperations: ['urban_trucks'],
      upcomingProcedures: ['deregistration', 'suspension'],
      operatingDifficulty: true,
      noOutstandingDebts: true, listing: 'none', abnormalOperationListed: false,
    });
    for (const rule of [id.litigation, id.mediation, id.creditRepair, id.trucksRegion, id.trucksKaramay, id.simpleDeregistration, id.onlineDeregistration, id.suspension]) {
      expect(inThem.eligible.has(rule), rule).toBe(true);
    }
    expect(inThem.reachable.has(id.seizure)).toBe(false);
  });

  it('give simplified deregistration only to a firm without outstanding debts, the scope 第14项 sets', () => {
    const withDebts = outcome({ ...karamayManufacturer, situations: ['deregistering'], noOutstandingDebts: false });
    for (const rule of [id.simpleDeregistration, id.onlineDeregistration]) {
      expect(withDebts.reachable.has(rule), rule).toBe(false);
      expect(withDebts.excluded.has(rule), rule).toBe(false);
    }
    const unanswered = outcome({ ...karamayManufacturer, situations: ['deregistering'] });
    expect(unanswered.eligible.has(id.simpleDeregistration)).toBe(false);
    expect(unanswered.reachable.has(id.simpleDeregistration)).toBe(true);
  });

  it('delete a dishonest judgment debtor\'s record within 3 days only once it has performed its obligations (政法 37)', () => {
    const debtor = { ...karamayManufacturer, situations: ['credit_repair'], legalSituations: ['dishonest_judgment_debtor'] } as const satisfies Profile;
    expect(outcome(debtor).eligible.has(id.creditRepair)).toBe(false);
    expect(outcome(debtor).reachable.has(id.creditRepair)).toBe(true);
    expect(outcome({ ...debtor, judgmentObligationsPerformed: false }).reachable.has(id.creditRepair)).toBe(false);
    expect(outcome({ ...debtor, judgmentObligationsPerformed: true }).eligible.has(id.creditRepair)).toBe(true);
  });

  it('give a 哈密 tenant on 转供电 both the 自治区 and the 哈密 price rule', () => {
    const tenant = outcome({ province: '新疆', city: '哈密', entityType: 'individual_business', nonGridPowerSupply: true });
    expect(tenant.eligible.has(id.nonGridRegion)).toBe(true);
    expect(tenant.eligible.has(id.nonGridHami)).toBe(true);
  });
});

describe('新疆 自治区 documents', () => {
  const regionWide = ruleset.rules.filter((r) => r.document.province === '新疆' && !r.document.city);

  it('never narrow a rule to a city or county', () => {
    expect(regionWide.length).toBeGreaterThan(50);
    const narrowed = regionWide.filter((r) => r.compiled.leaves.some((leaf) => leaf.fact === 'city' || leaf.fact === 'county'));
    expect(narrowed.map((r) => r.rule.id)).toEqual([]);
  });
});

describe('新疆 and 甘孜 documents', () => {
  const reviewed = ruleset.rules.filter((r) => r.document.province === '新疆' || r.document.id === 'sichuan-ganzi-fangguanfu-2023');

  it('have no concrete rule deciding on region and entity type alone without a recorded reason', () => {
    expect(reviewed.length).toBeGreaterThan(150);
    expect(reviewed.filter((r) => decidesOnScopeAlone(r.rule)).map((r) => r.rule.id)).toEqual([]);
  });
});
