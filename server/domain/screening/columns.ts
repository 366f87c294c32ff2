/**
 * Which column of a sheet says what. A column is the catalogue's field name or Chinese label (money columns say their
 * unit: "年主营业务收入（万元）"), the applicant's name (name / 名称 / 申请人), or one of the columns registry extracts
 * come with (统一社会信用代码, 企业（机构）类型, 成立日期, 实缴资本, 所属城市, 国标行业门类, 参保人数, 高新技术企业 ...).
 */
import { factCatalogue, factsByName, type FactDefinition } from '../facts/index.ts';
import { comparable, type MoneyUnit } from './cells.ts';

export type ColumnRole =
  /** The applicant's name; a higher rank wins when a sheet has two (系统匹配企业名称 over 企业名称). */
  | { kind: 'name'; rank: number }
  | { kind: 'creditCode' }
  | { kind: 'registrationStatus' }
  /** A catalogue fact read by its type; money in `unit` unless the cell writes its own. */
  | { kind: 'fact'; fact: FactDefinition; unit: MoneyUnit | null }
  | { kind: 'entityType' }
  | { kind: 'founded' }
  | { kind: 'industrySection' }
  | { kind: 'industryDivision' }
  | { kind: 'certificationFlag'; certification: string }
  /** Read and shown, not used: e.g. 注册资本, which is not the paid-in capital any clause asks about. */
  | { kind: 'ignored'; reason: string };

export type Column = { index: number; header: string; role: ColumnRole };

/** How the officer is told what a column was read as. */
export type ColumnUse = { column: string; reads: string; note?: string };

export type HeaderPlan = {
  columns: Column[];
  /** Headers that were not recognised: shown to the officer as left unread. */
  unread: string[];
  problems: string[];
};

const NAME_HEADERS: Record<string, number> = { name: 1, 名称: 1, 申请人: 1, 申请人名称: 1, 企业名称: 1, 系统匹配企业名称: 2 };

const money = (name: string, unit: MoneyUnit | null = null): ColumnRole => ({ kind: 'fact', fact: factsByName.get(name)!, unit });
const fact = (name: string): ColumnRole => money(name);

/** Registry-extract headers (after `comparable`), as enterprise-registry lookups export them. */
const REGISTRY_HEADERS: Record<string, ColumnRole> = {
  统一社会信用代码: { kind: 'creditCode' },
  信用代码: { kind: 'creditCode' },
  登记状态: { kind: 'registrationStatus' },
  经营状态: { kind: 'registrationStatus' },
  '企业(机构)类型': { kind: 'entityType' },
  企业类型: { kind: 'entityType' },
  成立日期: { kind: 'founded' },
  实缴资本: money('paidInCapitalYuan'),
  注册资本: { kind: 'ignored', reason: '注册资本不是实缴资本，未用于匹配 (registered capital is not paid-in capital; not used)' },
  所属省份: fact('province'),
  所属城市: fact('city'),
  所属区县: fact('county'),
  国标行业门类: { kind: 'industrySection' },
  国标行业大类: { kind: 'industryDivision' },
  参保人数: fact('employees'),
  高新技术企业: { kind: 'certificationFlag', certification: 'high_tech' },
  专精特新中小企业: { kind: 'certificationFlag', certification: 'specialized_sme' },
  专精特新小巨人企业: { kind: 'certificationFlag', certification: 'little_giant' },
  科技型中小企业: { kind: 'certificationFlag', certification: 'tech_sme' },
};

const catalogueByHeader = new Map<string, FactDefinition>();
for (const f of factCatalogue) {
  catalogueByHeader.set(comparable(f.name), f);
  catalogueByHeader.set(comparable(f.label.zh), f);
}

/** Units a header may state, by the fact's unit. Money units are read; the others only confirm the column. */
const UNITS: Record<string, readonly string[]> = { people: ['人'], count: ['个', '项', '件'], years: ['年'], percent: ['%'] };
const MONEY_UNITS: readonly MoneyUnit[] = ['元', '万元', '亿元'];

/** "年主营业务收入(万元)" → ["年主营业务收入", "万元"]; also "…/万元". */
function splitUnit(header: string): [string, string] | null {
  const match = /^(.+?)(?:\(([^()]+)\)|\[([^[\]]+)\]|\/([^/]+))$/.exec(header);
  return match ? [match[1]!, match[2] ?? match[3] ?? match[4]!] : null;
}

function catalogueColumn(header: string): ColumnRole | string | null {
  const whole = catalogueByHeader.get(header);
  const split = whole ? null : splitUnit(header);
  const found = whole ?? (split ? catalogueByHeader.get(split[0]) : undefined);
  if (!found) return null;
  const unit = split?.[1] ?? null;
  if (found.type === 'number' && found.unit === 'yuan') {
    if (unit === null) {
      // A field name ends in "Yuan": it says its unit. A Chinese label does not.
      if (comparable(found.name) === header) return { kind: 'fact', fact: found, unit: '元' };
      return `未注明单位：请写成“${found.label.zh}（元）”或“${found.label.zh}（万元）” (a money column must say its unit)`;
    }
    if (!MONEY_UNITS.includes(unit as MoneyUnit)) return `金额单位应为 元、万元 或 亿元 (unit must be 元, 万元 or 亿元): ${unit}`;
    return { kind: 'fact', fact: found, unit: unit as MoneyUnit };
  }
  if (unit !== null) {
    const allowed = found.type === 'number' && found.unit ? UNITS[found.unit] ?? [] : [];
    if (!allowed.includes(unit)) return `列名中的单位无法识别 (unit not understood): ${unit}`;
  }
  return { kind: 'fact', fact: found, unit: null };
}

function roleOf(header: string): ColumnRole | string | null {
  const key = comparable(header);
  if (key in NAME_HEADERS) return { kind: 'name', rank: NAME_HEADERS[key]! };
  const registry = REGISTRY_HEADERS[key] ?? (splitUnit(key) ? REGISTRY_HEADERS[splitUnit(key)![0]] : undefined);
  if (registry) {
    const unit = splitUnit(key)?.[1];
    if (registry.kind === 'fact' && registry.fact.type === 'number' && registry.fact.unit === 'yuan' && unit) {
      return MONEY_UNITS.includes(unit as MoneyUnit) ? { ...registry, unit: unit as MoneyUnit } : `金额单位应为 元、万元 或 亿元 (unit must be 元, 万元 or 亿元): ${unit}`;
    }
    return registry;
  }
  return catalogueColumn(key);
}

/** The facts a role sets; list facts may be set by several columns, whose values are merged. */
function factsSetBy(role: ColumnRole): string[] {
  switch (role.kind) {
    case 'fact': return [role.fact.name];
    case 'entityType': return ['entityType'];
    case 'founded': return ['yearsOperating'];
    default: return [];
  }
}
const MERGED = new Set(['industries', 'certifications']);

/** Roles a sheet may have once: two credit-code columns, or two names of the same rank, cannot both be right. */
function sameSingleRole(a: ColumnRole, b: ColumnRole): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'name' && b.kind === 'name') return a.rank === b.rank;
  return ['creditCode', 'registrationStatus', 'industrySection', 'industryDivision'].includes(a.kind);
}

export function planColumns(headers: readonly string[]): HeaderPlan {
  const columns: Column[] = [];
  const unread: string[] = [];
  const problems: string[] = [];
  const setBy = new Map<string, string>();
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const role = roleOf(header);
    if (role === null) return void unread.push(header);
    if (typeof role === 'string') return void problems.push(`列“${header}”：${role}`);
    for (const name of factsSetBy(role)) {
      const earlier = setBy.get(name);
      if (earlier !== undefined && !MERGED.has(name)) problems.push(`列“${earlier}”和“${header}”都填写${factsByName.get(name)!.label.zh}，请只保留一列 (two columns give the same fact)`);
      setBy.set(name, header);
    }
    const twin = columns.find((c) => sameSingleRole(c.role, role));
    if (twin) problems.push(`列“${twin.header}”和“${header}”重复，请只保留一列 (duplicate column)`);
    columns.push({ index, header: header.trim(), role });
  });
  if (!columns.some((c) => c.role.kind === 'name')) problems.push('缺少申请人名称列：name、名称 或 申请人 (missing the name column)');
  if (!setBy.has('province')) problems.push('缺少必填列：注册所在省（区） (missing required column: province)');
  if (!setBy.has('entityType')) problems.push('缺少必填列：主体类型 (missing required column: entityType)');
  return { columns, unread, problems };
}

/** What each read column was taken as, in the officer's words. */
export function columnUses(plan: HeaderPlan): ColumnUse[] {
  return plan.columns.map(({ header, role }): ColumnUse => {
    switch (role.kind) {
      case 'name': return { column: header, reads: 'name' };
      case 'creditCode': return { column: header, reads: 'creditCode', note: '校验位已核对；用于跨筛查识别同一企业 (check digit verified; identifies the company across screenings)' };
      case 'registrationStatus': return { column: header, reads: 'registrationStatus', note: '注销、吊销的企业不参与筛查 (deregistered or revoked companies are not screened)' };
      case 'fact': {
        const isMoney = role.fact.type === 'number' && role.fact.unit === 'yuan';
        if (isMoney && role.unit === null) return { column: header, reads: role.fact.name, note: '按单元格中写明的单位换算，如“100万元” (read in the unit each cell writes)' };
        if (role.unit && role.unit !== '元') return { column: header, reads: role.fact.name, note: `按${role.unit}换算为元 (read in ${role.unit})` };
        return { column: header, reads: role.fact.name };
      }
      case 'entityType': return { column: header, reads: 'entityType', note: '并据此判断所有制（如写明） (and ownership, where the type states it)' };
      case 'founded': return { column: header, reads: 'yearsOperating', note: '按筛查日期计算成立年限 (years at the screening date)' };
      case 'industrySection':
      case 'industryDivision': return { column: header, reads: 'industries', note: '按国民经济行业分类（GB/T 4754）对应 (via GB/T 4754)' };
      case 'certificationFlag': return { column: header, reads: 'certifications', note: '未列出的其他认定视为未持有 (certifications not listed count as not held)' };
      case 'ignored': return { column: header, reads: '', note: role.reason };
    }
  });
}
