import { factLabel, formatYuan } from '../../lib/format.ts';
import { t } from '../../lib/i18n.svelte.ts';
import type { RuleView } from '../../lib/types.ts';

const percent = (rate: number) => `${Number((rate * 100).toFixed(4))}%`;

/** What a rule gives, in a few words: the rule's own wording when it has one. */
export function describeAmount(amount: RuleView['amount']): string {
  if (amount.text) {
    return amount.kind === 'text' && amount.upToYuan !== undefined ? `${amount.text}（${t('upTo', { amount: formatYuan(amount.upToYuan) })}）` : amount.text;
  }
  const cap = 'capYuan' in amount && amount.capYuan !== undefined ? `，${t('upTo', { amount: formatYuan(amount.capYuan) })}` : '';
  switch (amount.kind) {
    case 'fixed':
      return formatYuan(amount.yuan);
    case 'rate':
      return `${factLabel(amount.of)} × ${percent(amount.rate)}${cap}`;
    case 'tiered':
      return `${factLabel(amount.of)}${cap}`;
    case 'perItem':
      return `${factLabel(amount.of)} × ${formatYuan(amount.yuan)}${cap}`;
    default:
      return '';
  }
}
