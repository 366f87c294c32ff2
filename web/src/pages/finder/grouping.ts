/**
 * How the finder orders what a match answers: money first, procedures folded away, the same benefit of two documents
 * shown once, and for each open question only the options the rule asks about. Pure: no state, no words.
 */
import type { Category, MatchItem, Reason } from '../../lib/types.ts';

type WhyTree = MatchItem['why'];

/** What a benefit is to a business: money it receives, other support, or an easier procedure. */
export type Kind = 'money' | 'support' | 'procedure';

export const KIND_OF: Readonly<Record<Category, Kind>> = {
  cash_award: 'money',
  subsidy: 'money',
  tax_relief: 'money',
  fee_relief: 'money',
  finance: 'support',
  land_utilities: 'support',
  talent: 'support',
  procurement: 'support',
  facilitation: 'procedure',
  leniency: 'procedure',
  service: 'procedure',
};

/** One card: a benefit, and the same benefit as other documents state it. */
export type Benefit = { item: MatchItem; also: MatchItem[] };

/**
 * Two items are the same benefit when they come from different documents and have the same category, the same title
 * once quotation marks, spaces and punctuation are set aside, and the same amount (both none, or the same yuan).
 * Documents that carry a provincial measure down to a city repeat its title word for word; different benefits of one
 * document never share a title, and tiers of one benefit differ in title or amount.
 */
export const sameBenefitKey = (item: MatchItem) =>
  `${item.category}|${item.title.replace(/[\s“”"‘’'「」『』《》（）()、，,。.：:；;—–-]/g, '')}|${item.amountYuan ?? item.upToYuan ?? ''}`;

export function mergeSameBenefits(items: readonly MatchItem[]): Benefit[] {
  const byKey = new Map<string, Benefit>();
  const benefits: Benefit[] = [];
  for (const item of items) {
    const key = sameBenefitKey(item);
    const found = byKey.get(key);
    const documents = found && [found.item, ...found.also].map((i) => i.source.documentId);
    if (found && !documents!.includes(item.source.documentId)) {
      found.also.push(item);
      continue;
    }
    const benefit = { item, also: [] };
    if (!found) byKey.set(key, benefit);
    benefits.push(benefit);
  }
  return benefits;
}

/** Money that can be counted on first, largest first; then ceilings; then benefits without a figure. */
export function byMoney(a: Benefit, b: Benefit): number {
  const rank = (x: Benefit) => (x.item.amountYuan !== null ? 0 : x.item.upToYuan !== null ? 1 : x.item.concrete ? 2 : 3);
  const amount = (x: Benefit) => x.item.amountYuan ?? x.item.upToYuan ?? 0;
  return rank(a) - rank(b) || amount(b) - amount(a);
}

export type Grouped = Record<Kind, Benefit[]>;

/** Items by kind, each kind merged and ordered by money. */
export function groupByKind(items: readonly MatchItem[]): Grouped {
  const grouped: Grouped = { money: [], support: [], procedure: [] };
  for (const benefit of mergeSameBenefits(items)) grouped[KIND_OF[benefit.item.category]].push(benefit);
  for (const list of Object.values(grouped)) list.sort(byMoney);
  return grouped;
}

/** What the merged copies of a benefit would add to the server's total a second time. */
export const countedTwice = (benefits: readonly Benefit[]) =>
  benefits.reduce((sum, b) => sum + b.also.reduce((s, i) => s + (i.stacks ? (i.amountYuan ?? 0) : 0), 0), 0);

const isLeaf = (node: WhyTree): node is Reason => 'fact' in node;

/** The unanswered leaves whose answers could still decide the tree: decided branches (a satisfied `any`) are skipped. */
export function openQuestions(why: WhyTree, out: Reason[] = []): Reason[] {
  if (isLeaf(why)) {
    if (why.passed === null) out.push(why);
    return out;
  }
  if (why.passed !== null) return out;
  if ('not' in why) return openQuestions(why.not, out);
  for (const child of 'all' in why ? why.all : why.any) openQuestions(child, out);
  return out;
}

/** The option values a rule asks about for one fact: the values its open leaves name, in the order they name them. */
export function neededOptions(why: WhyTree, fact: string): string[] {
  const values = openQuestions(why)
    .filter((leaf) => leaf.fact === fact)
    .flatMap((leaf) => (Array.isArray(leaf.required) ? leaf.required : [leaf.required]))
    .filter((v): v is string => typeof v === 'string');
  return [...new Set(values)];
}
