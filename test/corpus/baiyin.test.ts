/** The shipped 白银 document (白银市招商引资优惠政策三十条) as a business meets it through the matcher. */
import { describe, expect, it } from 'vitest';
import { rulesetFromFiles } from '../../server/corpus/shipped.ts';
import { evaluateProfile, type MatchItem } from '../../server/domain/evaluate.ts';
import type { Profile } from '../../server/domain/profile.ts';

const ruleset = rulesetFromFiles('rules');
const AS_OF = '2024-06-01';
const doc = 'gansu-baiyin-investment-incentives-2023';
const id = (short: string) => `${doc}/${short}`;
const inBaiyin = { province: '甘肃', city: '白银', entityType: 'enterprise' } as const;

const match = (profile: Partial<Profile>) => evaluateProfile(ruleset, { ...inBaiyin, ...profile } as Profile, AS_OF);
const find = (items: readonly MatchItem[], short: string) => items.find((i) => i.ruleId === id(short));

describe('白银: 第二十五条 is a list of exclusions, not of conditions', () => {
  const project = { newlyIntroduced: true, projectType: 'industrial', fixedAssetInvestmentYuan: 200_000_000, fitsIndustryPolicy: true } as const;

  it('shows a new 2亿 industrial project its 落地投资奖 before 失信 and 按期投产 are answered, with them as caveats', () => {
    const result = match(project);
    const award = find(result.eligible, 'art-03-landing-award');
    expect(award?.amountYuan).toBe(2_000_000);
    expect(award?.missingFacts).toEqual([]);
    expect(award?.caveats.map((c) => c.fact).sort()).toEqual(['projectOnSchedule', 'seriousDiscredit']);
    expect(result.totals.estimatedYuan).toBeGreaterThanOrEqual(2_000_000);
  });

  it('moves it to excluded, naming why, once an exclusion is known to hold', () => {
    for (const [fact, value] of [['seriousDiscredit', true], ['projectOnSchedule', false], ['projectType', 'real_estate']] as const) {
      const result = match({ ...project, [fact]: value });
      expect(find(result.eligible, 'art-03-landing-award'), fact).toBeUndefined();
      expect(find(result.excluded, 'art-03-landing-award')?.excludedBy.map((r) => r.fact), fact).toEqual([fact]);
    }
  });
});

describe('白银 第二条 and 第十六条: 符合产业政策 / 产业导向 is a condition an office decides', () => {
  it('keeps a new project’s 落地投资奖 possible until the business says its project fits, and drops it when it does not', () => {
    const project = { newlyIntroduced: true, projectType: 'industrial', fixedAssetInvestmentYuan: 200_000_000 } as const;
    expect(find(match(project).possible, 'art-03-landing-award')?.missingFacts).toEqual(['fitsIndustryPolicy']);
    const refused = match({ ...project, fitsIndustryPolicy: false });
    expect(find([...refused.eligible, ...refused.possible], 'art-03-landing-award')).toBeUndefined();
  });

  it('does the same for a listed company moving to 白银', () => {
    const mover = { listing: 'main_board', relocatedHere: true } as const;
    expect(find(match(mover).possible, 'art-16-listed-company-relocation-award')?.missingFacts).toEqual(['fitsIndustryPolicy']);
  });
});

describe('白银 第八条: 工业 and 服务业 as the statistics bureau counts them', () => {
  it('gives a 新入规 food manufacturer or power producer 20万 and a 新入规 logistics firm 10万', () => {
    expect(find(match({ newlyAboveDesignatedSize: true, industries: ['C14'] }).eligible, 'art-08-new-above-size-industrial-award')?.amountYuan).toBe(200_000);
    expect(find(match({ newlyAboveDesignatedSize: true, industries: ['D44'] }).eligible, 'art-08-new-above-size-industrial-award')?.amountYuan).toBe(200_000);
    expect(find(match({ newlyAboveDesignatedSize: true, industries: ['G58'] }).eligible, 'art-08-services-above-size-award')?.amountYuan).toBe(100_000);
  });
});

describe('白银 第四条: a contribution award paid over five years', () => {
  it('counts 80/70/70/60/60% of a 600万 contribution, and outweighs the one-off 落地投资奖 it does not stack with', () => {
    const result = match({ newlyIntroduced: true, projectType: 'industrial', fixedAssetInvestmentYuan: 200_000_000, localEconomicContributionYuan: 6_000_000, fitsIndustryPolicy: true });
    const contribution = find(result.eligible, 'art-04-contribution-award-5m-10m');
    expect(contribution?.amountByYear).toEqual([4_800_000, 4_200_000, 4_200_000, 3_600_000, 3_600_000]);
    expect(contribution?.amountYuan).toBe(20_400_000);
    expect(contribution?.stacks).toBe(true);
    expect(find(result.eligible, 'art-03-landing-award')?.stacks).toBe(false);
  });

  it('pays 80% in each of five years from 1000万', () => {
    expect(find(match({ newlyIntroduced: true, localEconomicContributionYuan: 10_000_000, fitsIndustryPolicy: true }).eligible, 'art-04-contribution-award-over-10m')?.amountYuan).toBe(40_000_000);
  });
});

describe('白银 第五条 and 第十六条: a parent group’s listing is not the firm’s own', () => {
  const branch: Partial<Profile> = {
    newlyIntroduced: true, parentGroupStatus: ['main_board'], listing: 'none', recentListing: 'none', relocatedHere: false,
    paidInCapitalYuan: 60_000_000, yearsOperating: 1, localEconomicContributionYuan: 4_000_000, fitsIndustryPolicy: true,
  };

  it('gives a listed group’s new regional branch the 招大引强奖 and no listing award', () => {
    const result = match(branch);
    expect(find(result.eligible, 'art-05-big-enterprise-award')?.amountYuan).toBe(3_000_000);
    const listingAwards = [...result.eligible, ...result.possible].filter((i) => i.exclusiveGroup === `${doc}-listing`);
    expect(listingAwards.map((i) => i.ruleId)).toEqual([]);
  });

  it('gives a firm listed on its own no 招大引强奖 and, listed long ago and never relocated, no listing award either', () => {
    const result = match({ ...branch, parentGroupStatus: [], listing: 'main_board' });
    expect(find([...result.eligible, ...result.possible], 'art-05-big-enterprise-award')).toBeUndefined();
    expect(find([...result.eligible, ...result.possible], 'art-16-main-board-ipo-award')).toBeUndefined();
    expect(find([...result.eligible, ...result.possible], 'art-16-listed-company-relocation-award')).toBeUndefined();
  });

  it('treats a listed company that moved its registration and tax domicile to 白银 as newly listed', () => {
    const result = match({ listing: 'main_board', recentListing: 'none', relocatedHere: true, fitsIndustryPolicy: true });
    expect(find(result.eligible, 'art-16-listed-company-relocation-award')?.amountYuan).toBe(2_000_000);
    expect(find([...result.eligible, ...result.possible], 'art-16-main-board-ipo-award')).toBeUndefined();
  });
});
