import type { RegionNames } from '../../server/domain/screening/regions.ts';

/** A few cities and districts, enough for the screening tests (the domain's region tables answer in the app). */
const CITIES: Record<string, string[]> = { 甘肃: ['白银', '兰州', '金昌', '陇南'], 宁夏: ['银川'], 陕西: ['西安'] };

export const testRegions: RegionNames = {
  city(province, input) {
    const name = input.replace(/市$/, '');
    if (CITIES[province]?.includes(name)) return { ok: true, value: name };
    const elsewhere = Object.keys(CITIES).find((p) => CITIES[p]!.includes(name)) ?? null;
    return { ok: false, nearest: CITIES[province] ?? [], elsewhere };
  },
  county: (_province, _city, input) => ({ ok: true, value: input }),
};
