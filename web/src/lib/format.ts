/** How values read on screen, in the reader's language: money, fact values with their labels, conditions, dates. */
import { departmentRoles } from './departments.ts';
import { catalogue, isMoney } from './facts.svelte.ts';
import { locale, pick, t, type MessageKey } from './i18n.svelte.ts';
import { chineseYuan, chineseYuanIn, englishYuan, type MoneyUnit } from './money.ts';
import { typedUnits } from './typed-units.svelte.ts';
import type { FactView, Reason } from './types.ts';

const trim = (n: number, digits = 4) => String(Number(n.toFixed(digits)));
/** Units with a word of their own for one ("1 year", not "1 years"). */
const UNIT_OF_ONE: Partial<Record<string, MessageKey>> = { people: 'unit_people_one', years: 'unit_years_one', count: 'unit_count_one' };

/** "200万元"; in English "CNY 2,000,000 (200万元)". */
export const formatYuan = (yuan: number) => (locale.lang === 'zh' ? chineseYuan(yuan) : englishYuan(yuan));

/** An amount of a fact's answer, in the unit the person typed it in (万元 unless they wrote 亿 or 元). */
export function formatYuanOf(fact: string, yuan: number): string {
  const unit: MoneyUnit = typedUnits[fact] ?? 'wan';
  const chinese = yuan >= 1e8 && unit !== 'yuan' && yuan % 1e6 === 0 ? chineseYuan(yuan) : chineseYuanIn(yuan, unit);
  return locale.lang === 'zh' ? chinese : englishYuan(yuan, chinese);
}

export function factLabel(name: string): string {
  const fact = catalogue.byName.get(name);
  return fact ? pick(fact.label) : name;
}

function optionLabel(fact: FactView | undefined, value: string): string {
  const option = fact?.options?.find((o) => o.value === value);
  return option ? pick(option.label) : value;
}

function numberWithUnit(fact: FactView | undefined, n: number): string {
  if (fact && isMoney(fact)) return formatYuanOf(fact.name, n);
  const unit = fact?.unit;
  if (!unit) return trim(n);
  if (unit === 'percent') return `${trim(n)}%`;
  return `${trim(n)} ${t((n === 1 && UNIT_OF_ONE[unit]) || (`unit_${unit}` as MessageKey))}`;
}

/** A fact's value as a person reads it: 是/否, option labels, money in the unit typed. */
export function formatValue(name: string, value: unknown): string {
  const fact = catalogue.byName.get(name);
  if (value === null || value === undefined) return t('notAnswered');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return numberWithUnit(fact, value);
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(name, v)).join(t('and')) : t('noneOfThese');
  return optionLabel(fact, String(value));
}

type Condition = Pick<Reason, 'fact' | 'operator' | 'required'>;

/** A condition in words: "年主营业务收入 不低于 2000万元"; "more than zero" rather than "above 0元". */
export function describeCondition({ fact, operator, required }: Condition): string {
  const label = factLabel(fact);
  if (typeof required === 'boolean' && (operator === 'equal' || operator === 'notEqual')) {
    return t('labelled', { label, value: required === (operator === 'equal') ? t('yes') : t('no') });
  }
  if (required === 0 && operator === 'greaterThan') return t('moreThanZero', { label });
  const op = t(`operator_${operator}` as MessageKey);
  if (Array.isArray(required)) return `${label} ${op} ${required.map((v) => formatValue(fact, v)).join(t('or'))}`;
  return `${label} ${op} ${formatValue(fact, required)}`;
}

/** Where the business is and what it is: met, these read as one line ("甘肃 · 白银 · 企业"). */
export const SCOPE_FACTS: readonly string[] = ['province', 'city', 'county', 'entityType'];

/** The conditions that hold, in words, the scope ones as one: for lists that cannot show them one by one. */
export function describeReasons(reasons: readonly Reason[]): string[] {
  const met = reasons.filter((r) => r.passed === true);
  const scope = met.filter((r) => SCOPE_FACTS.includes(r.fact) && r.actual !== null);
  const rest = met.filter((r) => !scope.includes(r)).map(describeCondition);
  return scope.length ? [t('scopeReason', { values: scope.map((r) => formatValue(r.fact, r.actual)).join(' · ') }), ...rest] : rest;
}

/** An exclusion a person must rule out: "须确认：项目类型——如为房地产项目或PPP项目，不享受此项". */
export function describeCaveat({ fact, operator, required }: Condition): string {
  const label = factLabel(fact);
  const values = Array.isArray(required) ? required.map((v) => formatValue(fact, v)).join(t('or')) : formatValue(fact, required);
  const negated = operator === 'notEqual' || operator === 'notIn' || operator === 'doesNotContain';
  if (operator === 'equal' || operator === 'notEqual' || operator === 'in' || operator === 'notIn' || operator === 'contains' || operator === 'doesNotContain') {
    return t(negated ? 'caveatUnless' : 'caveatIf', { label, value: values });
  }
  return t('caveatCondition', { condition: describeCondition({ fact, operator, required }) });
}

/** A department as printed; in English with the roles of the departments it names, where known. */
export function departmentText(department: string | null): string {
  if (!department) return t('departmentUnknown');
  if (locale.lang === 'zh') return department;
  const roles = departmentRoles(department);
  return roles.length ? `${department} (${roles.join('; ')})` : department;
}

/** "甘肃 · 白银", or the whole province; in English "Gansu · Baiyin". */
export function regionText(province: string, city: string | null): string {
  const where = [formatValue('province', province), city ? formatValue('city', city) : t('provinceWide')];
  return where.join(' · ');
}

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return locale.lang === 'zh' ? `${y}年${Number(m)}月${Number(d)}日` : new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function validityText(from: string | null, to: string | null): string {
  if (from && to) return t('validFromTo', { from: formatDate(from), to: formatDate(to) });
  if (to) return t('validUntil', { to: formatDate(to) });
  if (from) return `${t('validFrom', { from: formatDate(from) })}${locale.lang === 'zh' ? '，' : '; '}${t('validOpen')}`;
  return t('validOpen');
}
