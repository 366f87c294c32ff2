/**
 * Reading a registry extract's industry cells (国标行业门类 / 国标行业大类) as GB/T 4754-2017 codes; what the codes
 * imply for rules (sections, sectors, 工业, groups) is worked out when a profile is judged (facts/industries.ts).
 */
import { DIVISION_NAMES, SECTIONS, divisionValue, sectionOfDivision } from '../facts/industries.ts';

type Section = (typeof SECTIONS)[number];

export type Classification = { section: string; division: string | null; values: string[] };

const bare = (text: string) => text.normalize('NFKC').replace(/[\s,，、]/g, '');

/** A 门类 as written: "C", "C 制造业" or "制造业". */
export function findSection(text: string): Section | null {
  const t = bare(text);
  const code = /^([A-T])(?![A-Za-z])/.exec(t)?.[1];
  if (code) return SECTIONS.find((s) => s.code === code)!;
  return SECTIONS.find((s) => bare(s.name) === t) ?? null;
}

/** A 大类 as written: "39", "C39", "C39 计算机、通信和其他电子设备制造业" or the name alone. */
export function findDivision(text: string): string | null {
  const t = bare(text);
  const code = /^[A-T]?(\d{2})(?!\d)/.exec(t)?.[1];
  if (code && DIVISION_NAMES[code]) return code;
  const byName = Object.entries(DIVISION_NAMES).find(([, name]) => bare(name) === t);
  return byName ? byName[0] : null;
}

/** The `industries` values of a section and, when known, a division within it ("C", "C27"). */
export function industryValuesFor(sectionCode: string | null, division: string | null): Classification | null {
  const section = sectionCode ?? (division ? sectionOfDivision(division) : null);
  if (!section) return null;
  return { section, division, values: division ? [section, divisionValue(division)] : [section] };
}
