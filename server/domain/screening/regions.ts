/**
 * Region names as sheets write them (甘肃省, 白银市, 宁夏回族自治区), read as the profile's short names. City and county
 * lookups are given: the domain's region validation (GB/T 2260 divisions) answers them.
 */
export type RegionLookup = { ok: true; value: string } | { ok: false; nearest: string[]; elsewhere: string | null };

export type RegionNames = {
  city(province: string, input: string): RegionLookup;
  county(province: string, city: string | undefined, input: string): RegionLookup;
};

const PROVINCE_SUFFIX = /(省|市|回族自治区|维吾尔自治区|壮族自治区|藏族自治区|自治区)$/;

/** 甘肃省 → 甘肃, 宁夏回族自治区 → 宁夏; anything else is returned as written, for the profile schema to judge. */
export function provinceShortName(input: string): string {
  const name = input.normalize('NFKC').replace(/\s/g, '');
  return name.replace(PROVINCE_SUFFIX, '') || name;
}

export function lookupMessage(what: string, input: string, lookup: Extract<RegionLookup, { ok: false }>): string {
  const elsewhere = lookup.elsewhere ? `；“${input}”属于${lookup.elsewhere} (belongs to ${lookup.elsewhere})` : '';
  const nearest = lookup.nearest.length ? `；最接近的是 (nearest): ${lookup.nearest.join('、')}` : '';
  return `${what}“${input}”不在该省（区）内 (not in the province)${elsewhere}${nearest}`;
}
