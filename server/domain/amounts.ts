import { factsByName } from './facts/index.ts';
import { formatYuan } from './money.ts';
import type { Amount } from './rule-schema.ts';

export { formatYuan };

type Facts = Readonly<Record<string, unknown>>;

export type AmountResult = {
  /** Computed yuan, or null when the benefit is not money or a fact it needs is missing. */
  amountYuan: number | null;
  /** For a benefit paid over several years: each year's yuan (their sum is amountYuan). */
  amountByYear?: number[];
  /** What the benefit is, in words. */
  amountText: string;
  /** The fact the amount is computed from, when the profile does not give it. */
  missingFact?: string;
};

const factLabel = (name: string) => factsByName.get(name)?.label.zh ?? name;
const optionLabel = (name: string, value: string) => {
  const fact = factsByName.get(name);
  return (fact && 'options' in fact && fact.options.find((o) => o.value === value)?.label.zh) || value;
};
const percent = (rate: number) => `${Number((rate * 100).toFixed(4))}%`;
const roundYuan = (yuan: number) => Math.round(yuan * 100) / 100;

function clamp(yuan: number, capYuan?: number, minYuan?: number): number {
  let result = yuan;
  if (minYuan !== undefined) result = Math.max(result, minYuan);
  if (capYuan !== undefined) result = Math.min(result, capYuan);
  return roundYuan(result);
}

/** The benefit in words: the rule author's wording, or one written from the amount's terms. */
export function amountText(amount: Amount): string {
  return amount.text ?? defaultText(amount);
}

function defaultText(amount: Amount): string {
  const cap = 'capYuan' in amount && amount.capYuan !== undefined ? `，最高${formatYuan(amount.capYuan)}` : '';
  switch (amount.kind) {
    case 'fixed':
      return formatYuan(amount.yuan);
    case 'rate': {
      const floor = amount.minYuan !== undefined ? `，最低${formatYuan(amount.minYuan)}` : '';
      return `按${factLabel(amount.of)}的${percent(amount.rate)}${floor}${cap}`;
    }
    case 'tiered':
      return `按${factLabel(amount.of)}分档${cap}`;
    case 'perItem':
      return `${factLabel(amount.of)}${amount.item ? `（${optionLabel(amount.of, amount.item)}）` : ''}每项${formatYuan(amount.yuan)}${cap}`;
    case 'multiYear': {
      const years = amount.years.map((y, i) => `第${i + 1}年${y.rate !== undefined ? percent(y.rate) : formatYuan(y.yuan!)}`).join('，');
      return `分${amount.years.length}年${amount.of ? `按${factLabel(amount.of)}` : ''}：${years}${cap ? `${cap}（每年）` : ''}`;
    }
    case 'text':
      return amount.text;
  }
}

/** The tier a base value falls in: `min` inclusive, `max` exclusive. */
export function tierFor<T extends { min: number; max?: number }>(tiers: readonly T[], base: number): T | undefined {
  return tiers.find((tier) => base >= tier.min && (tier.max === undefined || base < tier.max));
}

/** A computed amount is a finite number of yuan or none at all: never Infinity or NaN in an answer. */
const finite = (yuan: number): number | null => (Number.isFinite(yuan) ? yuan : null);

/** The yuan a rule's amount comes to for the facts, or null (with the missing base fact) when it cannot be computed. */
export function amountYuanFor(amount: Amount, facts: Facts): Omit<AmountResult, 'amountText'> {
  if (amount.kind === 'text') return { amountYuan: null };
  if (amount.kind === 'fixed') return { amountYuan: amount.yuan };
  if (amount.kind === 'multiYear') return multiYearAmount(amount, facts);
  const given = facts[amount.of];
  // A per-item amount may count the entries of a list fact equal to its item.
  const base = amount.kind === 'perItem' && Array.isArray(given) ? given.filter((entry) => entry === amount.item).length : given;
  if (typeof base !== 'number') return { amountYuan: null, missingFact: amount.of };
  switch (amount.kind) {
    case 'rate':
      return { amountYuan: finite(clamp(base * amount.rate, amount.capYuan, amount.minYuan)) };
    case 'perItem':
      return { amountYuan: finite(clamp(base * amount.yuan, amount.capYuan)) };
    case 'tiered': {
      const tier = tierFor(amount.tiers, base);
      return { amountYuan: tier ? finite(clamp(tier.yuan ?? base * tier.rate!, amount.capYuan)) : 0 };
    }
  }
}

function multiYearAmount(amount: Extract<Amount, { kind: 'multiYear' }>, facts: Facts): Omit<AmountResult, 'amountText'> {
  const base = amount.of === undefined ? undefined : facts[amount.of];
  if (amount.of !== undefined && typeof base !== 'number' && amount.years.some((y) => y.rate !== undefined)) {
    return { amountYuan: null, missingFact: amount.of };
  }
  const byYear = amount.years.map((year) => clamp(year.yuan ?? (base as number) * year.rate!, amount.capYuan));
  const total = finite(roundYuan(byYear.reduce((sum, yuan) => sum + yuan, 0)));
  return total === null ? { amountYuan: null } : { amountYuan: total, amountByYear: byYear };
}

export function amountFor(amount: Amount, facts: Facts): AmountResult {
  return { ...amountYuanFor(amount, facts), amountText: amountText(amount) };
}
