/**
 * 大中小微 by 《中小企业划型标准规定》 (工信部联企业〔2011〕300号), from employees (从业人员) and revenue (营业收入) in the
 * firm's industry. Sectors whose bands use total assets (建筑业, 房地产开发经营, 租赁和商务服务业) and 金融业 (its own
 * standard) are not derived: the size stays as given.
 */
import { sectionOfDivision } from './industries.ts';

type Size = 'micro' | 'small' | 'medium' | 'large';
/** Thresholds in people and 万元; `null`: the band does not use that measure. */
type Band = { people: number | null; revenue: number | null };
type Standard = { sme: Band; medium: Band; small: Band };

const std = (sme: [number | null, number | null], medium: [number | null, number | null], small: [number | null, number | null]): Standard => ({
  sme: { people: sme[0], revenue: sme[1] },
  medium: { people: medium[0], revenue: medium[1] },
  small: { people: small[0], revenue: small[1] },
});

/** Article 4 of the standard, by sector (people, 万元). */
const STANDARDS = {
  agriculture: std([null, 20000], [null, 500], [null, 50]),
  industry: std([1000, 40000], [300, 2000], [20, 300]),
  wholesale: std([200, 40000], [20, 5000], [5, 1000]),
  retail: std([300, 20000], [50, 500], [10, 100]),
  transport: std([1000, 30000], [300, 3000], [20, 200]),
  warehousing: std([200, 30000], [100, 1000], [20, 100]),
  postal: std([1000, 30000], [300, 2000], [20, 100]),
  accommodationCatering: std([300, 10000], [100, 2000], [10, 100]),
  informationTransmission: std([2000, 100000], [100, 1000], [10, 100]),
  software: std([300, 10000], [100, 1000], [10, 50]),
  propertyManagement: std([1000, 5000], [300, 1000], [100, 500]),
  other: std([300, null], [100, null], [10, null]),
} as const;

type Sector = keyof typeof STANDARDS;

/** The standard's sector of a GB/T 4754 value ("C14" or "C"); several when a section alone leaves it open. */
function sectorsOf(value: string): Sector[] | null {
  const match = /^([A-T])(\d{2})?$/.exec(value);
  if (!match) return null;
  const [, section, division] = match;
  if (division) {
    if (sectionOfDivision(division) !== section) return null;
    const d = Number(division);
    if (section === 'G') return [d === 59 ? 'warehousing' : d === 60 ? 'postal' : 'transport'];
    if (section === 'F') return [d === 51 ? 'wholesale' : 'retail'];
    if (section === 'I') return [d === 65 ? 'software' : 'informationTransmission'];
    if (section === 'K') return null; // 房地产开发经营 (assets) and 物业管理 share division 70
  }
  switch (section) {
    case 'A': return ['agriculture'];
    case 'B': case 'C': case 'D': return ['industry'];
    case 'E': case 'J': case 'L': case 'K': return null;
    case 'F': return ['wholesale', 'retail'];
    case 'G': return ['transport', 'warehousing', 'postal'];
    case 'H': return ['accommodationCatering'];
    case 'I': return ['informationTransmission', 'software'];
    default: return ['other'];
  }
}

const meets = (band: Band, people: number, revenueWan: number) =>
  (band.people === null || people >= band.people) && (band.revenue === null || revenueWan >= band.revenue);

function sizeIn(standard: Standard, people: number, revenueWan: number): Size {
  const { sme } = standard;
  // 中小微: below either ceiling the standard names ("从业人员1000人以下或营业收入40000万元以下").
  const isSme = (sme.people !== null && people < sme.people) || (sme.revenue !== null && revenueWan < sme.revenue);
  if (!isSme) return 'large';
  if (meets(standard.medium, people, revenueWan)) return 'medium';
  if (meets(standard.small, people, revenueWan)) return 'small';
  return 'micro';
}

/**
 * The size the standard gives a firm of these industries (its first GB/T code decides), employees and revenue in
 * yuan; null when the industry is unknown, uses other measures, or a section alone leaves the answer open.
 */
export function sizeByStandard(industries: readonly string[] | undefined, employees: number | undefined, revenueYuan: number | undefined): Size | null {
  if (!industries || employees === undefined || revenueYuan === undefined) return null;
  const code = industries.find((value) => /^[A-T](\d{2})?$/.test(value));
  if (!code) return null;
  const sectors = sectorsOf(code);
  if (!sectors) return null;
  const sizes = new Set(sectors.map((sector) => sizeIn(STANDARDS[sector], employees, revenueYuan / 10_000)));
  return sizes.size === 1 ? [...sizes][0]! : null;
}

/** The facts a derived size is computed from: what the finder asks instead of a self-classification. */
export const SIZE_INPUTS = ['industries', 'employees', 'annualRevenueYuan'] as const;
