/**
 * A sheet's rows read as applicants: every row read and validated with the profile schema before anything is kept.
 * The result is either every applicant, or every problem found, each with its row, its column and the reason.
 */
import type { IsoDate } from '../dates.ts';
import type { EnumListFact, FactDefinition } from '../facts/index.ts';
import { profileSchema, type Profile } from '../profile.ts';
import { cellText, isBlank, readBoolean, readDate, readMoney, readNumber, readOption, splitList, yearsBetween, type Cell, type CellResult, type MoneyUnit } from './cells.ts';
import { columnUses, planColumns, type Column, type ColumnUse, type HeaderPlan } from './columns.ts';
import { applicantKey } from './applicants.ts';
import { readCreditCode } from './credit-code.ts';
import { closedStatus, readEntityType } from './entity-types.ts';
import { findDivision, findSection, industryValuesFor } from './industries.ts';

export type RowIssue = { row: number | null; column: string | null; message: string };

export type ImportedApplicant = {
  /** The row number people see in the sheet (the header is row 1 when it is the first). */
  row: number;
  name: string;
  creditCode: string | null;
  /** The profile as read; partial for a row that is not screened. */
  profile: Profile;
  /** Why the applicant is listed but not screened (登记状态：注销), or null. */
  notScreened: string | null;
};

export type SheetReading =
  | { ok: true; applicants: ImportedApplicant[]; columns: ColumnUse[]; unread: string[] }
  | { ok: false; issues: RowIssue[] };

export type ReadOptions = { asOf: IsoDate; maxIssues?: number };

const PROVINCE_SUFFIX = /(省|回族自治区|维吾尔自治区|壮族自治区|藏族自治区|自治区)$/;

/** 甘肃省 → 甘肃, 宁夏回族自治区 → 宁夏; the profile schema judges what remains. */
const provinceShortName = (input: string) => input.normalize('NFKC').replace(/\s/g, '').replace(PROVINCE_SUFFIX, '');

const NAME_MAX = 200;

const isNoteRow = (row: readonly Cell[]) => cellText(row[0] ?? null).startsWith('#');

type Facts = Record<string, unknown>;

/** Reads one row's cells into facts; `issue` is told of each cell that cannot be read. */
function readRow(row: readonly Cell[], columns: readonly Column[], readers: ReadonlyMap<number, CellReader>, options: ReadOptions, issue: (column: string, message: string) => void) {
  const facts: Facts = {};
  let name = '';
  let nameRank = 0;
  let creditCode: string | null = null;
  let closed: string | null = null;
  let founded = null as { column: string; date: string } | null;
  let section: { column: string; code: string } | null = null;
  let division: { column: string; code: string } | null = null;
  let derivedOwnership: string | undefined;
  const certificationFlags: string[] = [];
  let anyFlagAnswered = false;
  const accept = <T>(column: string, result: CellResult<T>, use: (value: T) => void) => {
    if (result.ok) use(result.value);
    else issue(column, result.message);
  };

  for (const { index, header, role } of columns) {
    const cell = row[index] ?? null;
    if (isBlank(cell)) continue;
    const text = cellText(cell);
    switch (role.kind) {
      case 'name':
        if (role.rank > nameRank) [name, nameRank] = [text, role.rank];
        break;
      case 'creditCode': {
        const code = readCreditCode(text);
        if (code.ok) creditCode = code.code;
        else issue(header, code.message);
        break;
      }
      case 'registrationStatus':
        closed = closedStatus(text);
        break;
      case 'entityType': {
        const reading = readEntityType(text);
        if (!reading) issue(header, `企业类型无法识别 (entity type not recognised): ${text}`);
        else {
          facts.entityType = reading.entityType;
          derivedOwnership = reading.ownership;
        }
        break;
      }
      case 'founded':
        accept(header, readDate(cell), (date) => (founded = { column: header, date }));
        break;
      case 'industrySection': {
        const found = findSection(text);
        if (found) section = { column: header, code: found.code };
        else issue(header, `无法识别的国标行业门类 (unknown GB/T 4754 section): ${text}`);
        break;
      }
      case 'industryDivision': {
        const code = findDivision(text);
        if (code) division = { column: header, code };
        else issue(header, `无法识别的国标行业大类 (unknown GB/T 4754 division): ${text}`);
        break;
      }
      case 'certificationFlag':
        accept(header, readBoolean(cell), (held) => {
          anyFlagAnswered = true;
          if (held) certificationFlags.push(role.certification);
        });
        break;
      case 'ignored':
        break;
      case 'fact': {
        const { fact } = role;
        accept(header, readers.get(index)!(cell), (value) => {
          if (fact.type !== 'enumList') facts[fact.name] = value;
          else if (fact.repeatable) facts[fact.name] = [...((facts[fact.name] as string[] | undefined) ?? []), ...(value as string[])];
          else mergeList(facts, fact.name, value as string[]);
        });
        break;
      }
    }
  }

  if (founded) {
    const { column, date } = founded;
    if (date > options.asOf) issue(column, `成立日期晚于筛查日期 ${options.asOf} (founded after the screening date)`);
    else facts.yearsOperating = yearsBetween(date, options.asOf);
  }
  if (section || division) {
    const classification = industryValuesFor(section?.code ?? null, division?.code ?? null);
    if (section && division && classification && industryValuesFor(null, division.code)!.section !== section.code) {
      issue(division.column, `国标行业大类 ${division.code} 不属于门类 ${section.code} (division not in section)`);
    } else if (classification) mergeList(facts, 'industries', classification.values);
  }
  if (anyFlagAnswered) mergeList(facts, 'certifications', certificationFlags);
  if (facts.ownership === undefined && derivedOwnership) facts.ownership = derivedOwnership;
  return { facts, name, creditCode, closed: closed as string | null };
}

function mergeList(facts: Facts, fact: string, values: readonly string[]) {
  const current = (facts[fact] as string[] | undefined) ?? [];
  facts[fact] = [...new Set([...current, ...values])];
}

type CellReader = (cell: Cell) => CellResult<unknown>;

/** How a catalogue column's cells are read, by the fact's type. */
function readerFor(fact: FactDefinition, unit: MoneyUnit | null): CellReader {
  switch (fact.type) {
    case 'number':
      return fact.unit === 'yuan' ? (cell) => readMoney(cell, unit) : readNumber;
    case 'boolean':
      return readBoolean;
    case 'string':
      // City and county are checked against the province, and official names shortened, by the profile schema.
      return (cell) => ({ ok: true, value: cellText(cell) });
    case 'enum':
      return (cell) => readOption(fact.name === 'province' ? provinceShortName(cellText(cell)) : cellText(cell), fact.options);
    case 'enumList':
      return (cell) => readList(fact, cellText(cell));
  }
}

function readList(fact: EnumListFact, text: string): CellResult<string[]> {
  const values: string[] = [];
  for (const part of splitList(text)) {
    const option = readOption(part, fact.options);
    if (!option.ok) return option;
    values.push(option.value);
  }
  return { ok: true, value: values };
}

/** Columns repeat their values (甘肃, 企业, 是): each distinct text is read once per sheet. */
function remembering(read: CellReader): CellReader {
  const results = new Map<string, CellResult<unknown>>();
  return (cell) => {
    if (typeof cell !== 'string') return read(cell);
    let result = results.get(cell);
    if (!result) {
      result = read(cell);
      if (results.size < 10_000) results.set(cell, result);
    }
    return result;
  };
}

/** Rows above the header that are searched for it: registry exports put a title line or two above theirs. */
const HEADER_SEARCH = 10;

type Header = {
  plan: HeaderPlan;
  readers: ReadonlyMap<number, CellReader>;
  /** The column that gave each fact, for the schema's issues. */
  columnOfFact: ReadonlyMap<string, string>;
};

function headerOf(plan: HeaderPlan): Header {
  const readers = new Map(plan.columns.flatMap(({ index, role }) => (role.kind === 'fact' ? [[index, remembering(readerFor(role.fact, role.unit))] as const] : [])));
  const columnOfFact = new Map<string, string>();
  for (const { header, role } of plan.columns) {
    if (role.kind === 'fact') columnOfFact.set(role.fact.name, header);
    if (role.kind === 'entityType') columnOfFact.set('entityType', header);
    if (role.kind === 'founded') columnOfFact.set('yearsOperating', header);
  }
  return { plan, readers, columnOfFact };
}

/**
 * Reads a sheet a row at a time (a large CSV is never held whole): `push` each row in order, then `finish`. Every row
 * is read and validated; the result is all applicants, or every problem found.
 */
export class ApplicantRowReader {
  readonly #options: ReadOptions;
  readonly #maxIssues: number;
  readonly #issues: RowIssue[] = [];
  readonly #applicants: ImportedApplicant[] = [];
  readonly #seen = new Map<string, number>();
  /** Rows seen before the header was found. */
  readonly #above: Cell[][] = [];
  #header: Header | null = null;
  #headerProblems: RowIssue[] | null = null;
  #rows = 0;

  constructor(options: ReadOptions) {
    this.#options = options;
    this.#maxIssues = options.maxIssues ?? 200;
  }

  push(cells: readonly Cell[]): void {
    const rowNumber = ++this.#rows;
    if (this.#headerProblems || this.#issues.length >= this.#maxIssues) return;
    if (!this.#header) return this.#lookForHeader(cells);
    if (cells.every(isBlank) || isNoteRow(cells)) return;
    this.#readApplicant(cells, rowNumber, this.#header);
  }

  finish(): SheetReading {
    if (!this.#header && !this.#headerProblems) this.#headerIn(this.#above[0] ?? [], 1);
    if (this.#headerProblems) return { ok: false, issues: this.#headerProblems };
    const issues = this.#issues;
    if (issues.length >= this.#maxIssues) {
      issues.splice(this.#maxIssues, Infinity, { row: null, column: null, message: `问题过多，仅列出前 ${this.#maxIssues} 处 (too many problems; the first ${this.#maxIssues} are listed)` });
    }
    if (issues.length) return { ok: false, issues };
    if (!this.#applicants.length) return { ok: false, issues: [{ row: null, column: null, message: '表格中没有申请人 (the sheet has no applicants)' }] };
    const { plan } = this.#header!;
    return { ok: true, applicants: this.#applicants, columns: columnUses(plan), unread: plan.unread };
  }

  #lookForHeader(cells: readonly Cell[]): void {
    const plan = planColumns(cells.map(cellText));
    if (plan.columns.some((c) => c.role.kind === 'name')) return this.#headerIn(cells, this.#rows, plan);
    this.#above.push([...cells]);
    if (this.#rows === HEADER_SEARCH) this.#headerIn(this.#above[0]!, 1);
  }

  #headerIn(cells: readonly Cell[], rowNumber: number, plan = planColumns(cells.map(cellText))): void {
    if (plan.problems.length) this.#headerProblems = plan.problems.map((message) => ({ row: rowNumber, column: null, message }));
    else this.#header = headerOf(plan);
  }

  #readApplicant(cells: readonly Cell[], rowNumber: number, { plan, readers, columnOfFact }: Header): void {
    const rowIssues: RowIssue[] = [];
    const issue = (column: string | null, message: string) => rowIssues.push({ row: rowNumber, column, message });
    const { facts, name, creditCode, closed } = readRow(cells, plan.columns, readers, this.#options, issue);
    if (!name) issue(null, '缺少申请人名称 (the applicant has no name)');
    else if (name.length > NAME_MAX) issue(null, `名称过长，最多 ${NAME_MAX} 字 (name too long)`);
    const key = applicantKey({ name, creditCode });
    const earlier = this.#seen.get(key);
    if (name && earlier !== undefined) issue(null, `与第 ${earlier} 行是同一申请人 (same applicant as row ${earlier}): ${creditCode ?? name}`);
    else this.#seen.set(key, rowNumber);

    if (closed) {
      // A deregistered company is listed, not screened: what it no longer is cannot fail the file.
      const kept = rowIssues.filter((r) => r.column === null);
      this.#issues.push(...kept);
      if (!kept.length) this.#applicants.push({ row: rowNumber, name, creditCode, profile: facts as Profile, notScreened: `登记状态：${closed}` });
      return;
    }
    const parsed = profileSchema.safeParse(facts);
    if (!parsed.success) {
      // A cell that could not be read has said why already; the schema would only add that its fact is missing.
      const unreadable = new Set(rowIssues.map((r) => r.column));
      for (const zodIssue of parsed.error.issues) {
        const fact = String(zodIssue.path[0] ?? '');
        const column = columnOfFact.get(fact) ?? fact;
        if (unreadable.has(column)) continue;
        const message = facts[fact] === undefined ? '必填，不能为空 (required)' : zodIssue.code === 'invalid_value' && 'values' in zodIssue
          ? `应为以下之一 (must be one of): ${zodIssue.values.join(', ')}` : zodIssue.message;
        issue(column, message);
      }
    }
    this.#issues.push(...rowIssues);
    if (!rowIssues.length && parsed.success) this.#applicants.push({ row: rowNumber, name, creditCode, profile: parsed.data, notScreened: null });
  }
}

/** Reads every row of a sheet (header first) as applicants, or answers every problem found. */
export function readApplicantRows(rows: readonly Cell[][], options: ReadOptions): SheetReading {
  const reader = new ApplicantRowReader(options);
  for (const row of rows) reader.push(row);
  return reader.finish();
}
