import { DIVISIONS } from './divisions.ts';
import type { CityDivisions, Division } from './types.ts';

export type { CityDivisions, Division, ProvinceDivisions } from './types.ts';

/**
 * Development zones that clauses name as if they were districts; GB/T 2260 does not list them. Each is a county-level
 * choice of its city, found by its name or its aliases.
 */
const ZONES: Readonly<Record<string, readonly { name: string; aliases: readonly string[]; pinyin: string; initials: string }[]>> = {
  西安: [{ name: '西安高新区', aliases: ['高新区', '西安高新技术产业开发区'], pinyin: 'xianggaoxinqu', initials: 'xagxq' }],
  白银: [{ name: '白银高新区', aliases: ['高新区', '白银高新技术产业开发区'], pinyin: 'baiyingaoxinqu', initials: 'bygxq' }],
};

export type RegionOption = Division & { province: string; city?: string };

export const citiesOf = (province: string): readonly CityDivisions[] => DIVISIONS[province]?.cities ?? [];

function countiesOf(province: string, city: string): Division[] {
  const found = citiesOf(province).find((c) => c.short === city);
  const zones = (ZONES[city] ?? []).map((z) => ({ name: z.name, short: z.name, pinyin: z.pinyin, initials: z.initials }));
  return found ? [...found.counties, ...zones] : [];
}

/** Every city of every province, then every county: the options the finder's pick lists use. */
export const cityOptions: readonly RegionOption[] = Object.keys(DIVISIONS).flatMap((province) =>
  citiesOf(province).map(({ counties: _, ...city }) => ({ ...city, province })),
);
export const countyOptions: readonly RegionOption[] = Object.keys(DIVISIONS).flatMap((province) =>
  citiesOf(province).flatMap((city) => countiesOf(province, city.short).map((county) => ({ ...county, province, city: city.short }))),
);

export type RegionLookup = { ok: true; value: string } | { ok: false; nearest: string[]; elsewhere: string | null };

const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** How alike two names are: shared characters, or for latin input its likeness to the pinyin. Higher is nearer. */
function likeness(input: string, division: Division): number {
  const lower = input.toLowerCase();
  if (/^[a-z]+$/.test(lower)) {
    if (division.pinyin === lower || division.initials === lower) return 100;
    if (division.pinyin.startsWith(lower) || lower.startsWith(division.pinyin)) return 50;
    return 10 - editDistance(lower, division.pinyin);
  }
  let shared = 0;
  for (const char of new Set(input)) if (division.name.includes(char)) shared++;
  return shared * 10 - editDistance(input, division.short);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function lookUp(input: string, candidates: readonly Division[], aliases: (d: Division) => readonly string[]): RegionLookup {
  const name = compact(input);
  const found = candidates.find((d) => d.short === name || d.name === name || aliases(d).includes(name));
  if (found) return { ok: true, value: found.short };
  const nearest = [...candidates]
    .map((d) => ({ d, score: likeness(name, d) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(({ d }) => d.short);
  return { ok: false, nearest, elsewhere: null };
}

/** A city of the province by its short or official name (白银 / 白银市), as its short name. */
export function lookUpCity(province: string, input: string): RegionLookup {
  const result = lookUp(input, citiesOf(province), () => []);
  if (result.ok) return result;
  const name = compact(input);
  const elsewhere = Object.keys(DIVISIONS).find((p) => p !== province && citiesOf(p).some((c) => c.short === name || c.name === name));
  return { ...result, elsewhere: elsewhere ?? null };
}

/** A county or district of the city (or, with no city given, of any city of the province), as its short name. */
export function lookUpCounty(province: string, city: string | undefined, input: string): RegionLookup {
  const cities = city ? [city] : citiesOf(province).map((c) => c.short);
  const candidates = cities.flatMap((c) => countiesOf(province, c));
  const zoneAliases = new Map(cities.flatMap((c) => (ZONES[c] ?? []).map((z) => [z.name, z.aliases] as const)));
  return lookUp(input, candidates, (d) => zoneAliases.get(d.name) ?? []);
}
