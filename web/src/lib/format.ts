/** How values read on screen: money in 万元, fact values with their option labels and units. */
import { catalogue, isMoney } from './facts.svelte.ts';
import { locale, pick, t, type MessageKey } from './i18n.svelte.ts';
import type { FactView, Reason } from './types.ts';

const trim = (n: number, digits = 4) => String(Number(n.toFixed(digits)));

/** 200000000 → "2亿元"; 2000000 → "200万元"; 5000 → "5000元". 亿 only where it reads exactly (1.5亿, not 1.2345亿). */
export function formatYuan(yuan: number): string {
  if (Math.abs(yuan) >= 1e8 && yuan % 1e6 === 0) return t('yuanYi', { n: trim(yuan / 1e8) });
  if (Math.abs(yuan) >= 10000) return t('yuanWan', { n: trim(yuan / 10000) });
  return t('yuanSmall', { n: trim(yuan, 2) });
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
  if (fact && isMoney(fact)) return formatYuan(n);
  const unit = fact?.unit;
  if (!unit) return trim(n);
  if (unit === 'percent') return `${trim(n)}%`;
  return `${trim(n)} ${t(`unit_${unit}` as MessageKey)}`;
}

/** A fact's value as a person reads it: 是/否, option labels, 万元. */
export function formatValue(name: string, value: unknown): string {
  const fact = catalogue.byName.get(name);
  if (value === null || value === undefined) return t('notAnswered');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return numberWithUnit(fact, value);
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(name, v)).join(t('and')) : '—';
  return optionLabel(fact, String(value));
}

/** A condition in words: "年主营业务收入 不低于 2000万元". */
export function describeCondition(reason: Pick<Reason, 'fact' | 'operator' | 'required'>): string {
  const { fact, operator, required } = reason;
  const label = factLabel(fact);
  const op = t(`operator_${operator}` as MessageKey);
  if (typeof required === 'boolean' && operator === 'equal') return t('labelled', { label, value: required ? t('yes') : t('no') });
  if (Array.isArray(required)) return `${label} ${op} ${required.map((v) => formatValue(fact, v)).join(t('or'))}`;
  return `${label} ${op} ${formatValue(fact, required)}`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return locale.lang === 'zh' ? `${y}年${Number(m)}月${Number(d)}日` : iso;
}

export function validityText(from: string | null, to: string | null): string {
  if (from && to) return t('validFromTo', { from: formatDate(from), to: formatDate(to) });
  if (to) return t('validUntil', { to: formatDate(to) });
  if (from) return `${t('validFrom', { from: formatDate(from) })}${locale.lang === 'zh' ? '，' : '; '}${t('validOpen')}`;
  return t('validOpen');
}
