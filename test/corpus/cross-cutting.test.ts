import { describe, expect, it } from 'vitest';
import { rulesetFromFiles } from '../../server/corpus/shipped.ts';
import { judgeRule, evaluateProfile } from '../../server/domain/evaluate.ts';
import { factVector } from '../../server/domain/facts/index.ts';
import type { Profile } from '../../server/domain/profile.ts';

const ruleset = rulesetFromFiles('rules');
const AS_OF = '2024-06-01';
const ENTITY_TYPES = ['enterprise', 'individual_business', 'farmer_coop', 'person'] as const;
const PROVINCES = ['陕西', '宁夏', '甘肃', '青海', '新疆', '四川'] as const;
const reachable = (status: string | undefined) => status === 'eligible' || status === 'possible' || status === 'nearMiss';

describe('a document applies only in its own region', () => {
  it.each(ruleset.rules.map((r) => [r.rule.id, r] as const))('%s is out of reach from other provinces', (_, prepared) => {
    for (const province of PROVINCES.filter((p) => p !== prepared.document.province)) {
      for (const entityType of ENTITY_TYPES) {
        expect(reachable(judgeRule(prepared, factVector({ province, entityType }), AS_OF)?.status), `${province} ${entityType}`).toBe(false);
      }
    }
  });

  const cityRules = ruleset.rules.filter((r) => r.document.city);
  it.each(cityRules.map((r) => [r.rule.id, r] as const))('%s is out of reach from another city of its province', (_, prepared) => {
    for (const entityType of ENTITY_TYPES) {
      const outcome = judgeRule(prepared, factVector({ province: prepared.document.province, city: '另一城市', entityType }), AS_OF);
      expect(reachable(outcome?.status), entityType).toBe(false);
    }
  });
});

describe('who gets what', () => {
  const baiyinAward = 'gansu-baiyin-investment-incentives-2023/art-03-landing-award';
  const bigProject = { entityType: 'enterprise', newlyIntroduced: true, projectType: 'industrial', fixedAssetInvestmentYuan: 200_000_000, projectOnSchedule: true, seriousDiscredit: false } as const;
  const ids = (profile: Profile) => {
    const result = evaluateProfile(ruleset, profile, AS_OF);
    // What the answer addresses to the profile: what it can claim or answer for, the rights of its situations, commitments.
    return new Set([...result.eligible, ...result.possible, ...result.situational, ...result.commitments].map((i) => i.ruleId));
  };

  it('gives a 白银 company its landing award and a 兰州 company nothing from 白银', () => {
    expect(ids({ province: '甘肃', city: '白银', ...bigProject }).has(baiyinAward)).toBe(true);
    const lanzhou = [...ids({ province: '甘肃', city: '兰州', ...bigProject })];
    expect(lanzhou.filter((id) => id.startsWith('gansu-baiyin-'))).toEqual([]);
  });

  it('gives a 甘肃 company nothing from the 四川 (甘孜) document, and a 甘孜 one its measures', () => {
    expect([...ids({ province: '甘肃', city: '甘孜', entityType: 'enterprise' })].filter((id) => id.startsWith('sichuan-'))).toEqual([]);
    expect([...ids({ province: '四川', city: '甘孜', entityType: 'enterprise' })].some((id) => id.startsWith('sichuan-ganzi-'))).toBe(true);
  });

  it('gives an individual business the 个体工商户 measures, and an enterprise not those meant only for them', () => {
    const measures = ruleset.rules.filter((r) => r.document.id === 'gansu-individual-business-measures-2023');
    const onlyForIndividuals = measures.filter((r) =>
      r.compiled.leaves.some((l) => l.fact === 'entityType' && ((l.operator === 'equal' && l.value === 'individual_business') || (l.operator === 'in' && Array.isArray(l.value) && !l.value.includes('enterprise')))),
    );
    expect(onlyForIndividuals.length).toBeGreaterThan(5);
    const individual = ids({ province: '甘肃', city: '兰州', entityType: 'individual_business' });
    const enterprise = ids({ province: '甘肃', city: '兰州', entityType: 'enterprise' });
    const forIndividuals = onlyForIndividuals.map((r) => r.rule.id).filter((id) => individual.has(id));
    expect(forIndividuals.length).toBeGreaterThan(5);
    expect(forIndividuals.filter((id) => enterprise.has(id))).toEqual([]);
  });

  it('gives a 宁夏 firm with foreign invention patents 2万 per patent granted in the last 12 months, none for older ones', () => {
    const firm = { province: '宁夏', city: '银川', entityType: 'enterprise', ownership: 'private', seriousDiscredit: false } as const;
    const result = evaluateProfile(ruleset, { ...firm, foreignInventionPatents: 5, newForeignInventionPatents: 3 }, AS_OF);
    const patents = [...result.eligible, ...result.possible].find((i) => i.ruleId.startsWith('ningxia-') && i.reasons.some((r) => r.fact === 'newForeignInventionPatents'));
    expect(patents?.amountYuan).toBe(60_000);
    const older = evaluateProfile(ruleset, { ...firm, foreignInventionPatents: 5, newForeignInventionPatents: 0 }, AS_OF);
    expect(older.eligible.some((i) => i.ruleId === 'ningxia-amr-private-economy-measures-2023/m20-foreign-invention-patent')).toBe(false);
  });
});
