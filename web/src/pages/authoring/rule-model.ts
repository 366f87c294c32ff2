/** The editor's model of a rule: operators for each fact type, new rules and conditions, selections as quotes. */
import type { Amount, Condition, LeafCondition, Operator, Rule, SourceDocument } from '../../lib/types.ts';
import type { FactView } from '../../lib/types.ts';

/** A rule as the editor holds it: the rule-file shape, possibly unfinished. */
export type RuleDraft = Rule;
export type Group = { all: Condition[] } | { any: Condition[] } | { not: Condition };
export type GroupKind = 'all' | 'any' | 'not';

const NUMBER_OPERATORS: Operator[] = ['greaterThanInclusive', 'greaterThan', 'lessThanInclusive', 'lessThan', 'equal', 'notEqual'];

/** The operators that fit a fact of this type (json-rules-engine's, as the server checks them). */
export function operatorsFor(fact: Pick<FactView, 'type'> | undefined): Operator[] {
  switch (fact?.type) {
    case 'number':
      return NUMBER_OPERATORS;
    case 'boolean':
      return ['equal', 'notEqual'];
    case 'enum':
    case 'string':
      return ['equal', 'notEqual', 'in', 'notIn'];
    case 'enumList':
      return ['contains', 'doesNotContain'];
    default:
      return ['equal'];
  }
}

export const takesList = (operator: Operator) => operator === 'in' || operator === 'notIn';

/** A value that fits the fact and operator: kept when it already fits, else the fact's first sensible value. */
export function valueFor(fact: FactView | undefined, operator: Operator, current?: unknown): LeafCondition['value'] {
  const first = fact?.options?.[0]?.value ?? '';
  if (takesList(operator)) {
    if (Array.isArray(current) && current.length) return current;
    return typeof current === 'string' && current ? [current] : [first];
  }
  const single = Array.isArray(current) ? current[0] : current;
  switch (fact?.type) {
    case 'number':
      return typeof single === 'number' ? single : 0;
    case 'boolean':
      return typeof single === 'boolean' ? single : true;
    case 'enum':
    case 'enumList':
      return fact.options?.some((o) => o.value === single) ? (single as string) : first;
    default:
      return typeof single === 'string' ? single : '';
  }
}

/** A new condition on the fact: its first operator and a value that fits. */
export function leafFor(fact: FactView): LeafCondition {
  const operator = operatorsFor(fact)[0]!;
  return { fact: fact.name, operator, value: valueFor(fact, operator) };
}

export const groupKind = (group: Group): GroupKind => ('all' in group ? 'all' : 'any' in group ? 'any' : 'not');
export const childrenOf = (group: Group): Condition[] => ('all' in group ? group.all : 'any' in group ? group.any : [group.not]);
export const isGroup = (condition: Condition): condition is Group => !('fact' in condition);

/** The same children under another kind of group; `not` holds one child (more are wrapped in an `all`). */
export function regroup(group: Group, kind: GroupKind): Group {
  const children = childrenOf(group);
  if (kind === 'not') return { not: children.length === 1 ? children[0]! : { all: children } };
  return kind === 'all' ? { all: children } : { any: children };
}

/** A rule to start from: the document's region as its first conditions, an eligible and an ineligible example. */
export function newRule(document: SourceDocument, slug = ''): RuleDraft {
  const region: LeafCondition[] = [{ fact: 'province', operator: 'equal', value: document.province }];
  if (document.city) region.push({ fact: 'city', operator: 'equal', value: document.city });
  const profile = { province: document.province, ...(document.city ? { city: document.city } : {}), entityType: 'enterprise' } as Rule['examples'][number]['profile'];
  return {
    id: `${document.id}/${slug}`,
    title: '',
    summary: '',
    category: 'cash_award',
    concrete: true,
    clause: '',
    page: document.pages[0],
    quote: '',
    conditions: { all: [...region, { fact: 'entityType', operator: 'equal', value: 'enterprise' }] },
    amount: { kind: 'fixed', yuan: 0 },
    kind: 'benefit',
    beneficiary: null,
    situations: [],
    exclusiveGroup: null,
    validFrom: null,
    validTo: null,
    department: null,
    notes: null,
    examples: [
      { name: '符合条件', profile, expect: { status: 'eligible' } },
      { name: '不符合条件', profile: { ...profile, entityType: 'person' }, expect: { status: 'ineligible' } },
    ],
  };
}

/** A default amount of each kind, keeping the base fact and cap of the one it replaces. */
export function amountOfKind(kind: Amount['kind'], from: Amount): Amount {
  const of = 'of' in from && from.of ? from.of : 'fixedAssetInvestmentYuan';
  const capYuan = 'capYuan' in from ? from.capYuan : undefined;
  const cap = capYuan === undefined ? {} : { capYuan };
  switch (kind) {
    case 'fixed':
      return { kind, yuan: 'yuan' in from && typeof from.yuan === 'number' ? from.yuan : 0 };
    case 'rate':
      return { kind, rate: 0.01, of, ...cap };
    case 'tiered':
      return { kind, of, tiers: [{ min: 0, yuan: 0 }], ...cap };
    case 'perItem':
      return { kind, yuan: 0, of: 'foreignInventionPatents', ...cap };
    case 'multiYear':
      return { kind, of, years: [{ rate: 0.5 }, { rate: 0.5 }], ...cap };
    case 'text':
      return { kind, text: from.text ?? '' };
  }
}

/**
 * Whether the form can show the rule: the JSON view accepts anything, the form needs the rule's skeleton (an
 * `all`/`any` group of conditions, an amount with a kind, a list of examples).
 */
export function formCanShow(rule: unknown): rule is RuleDraft {
  if (!rule || typeof rule !== 'object') return false;
  const r = rule as Record<string, unknown>;
  const isCondition = (c: unknown, depth: number): boolean => {
    if (!c || typeof c !== 'object' || depth > 20) return false;
    const node = c as Record<string, unknown>;
    if ('fact' in node) return typeof node.fact === 'string' && typeof node.operator === 'string';
    if (Array.isArray(node.all)) return node.all.every((x) => isCondition(x, depth + 1));
    if (Array.isArray(node.any)) return node.any.every((x) => isCondition(x, depth + 1));
    return 'not' in node && isCondition(node.not, depth + 1);
  };
  const top = r.conditions as Record<string, unknown> | undefined;
  const topOk = !!top && (Array.isArray(top.all) || Array.isArray(top.any)) && isCondition(top, 0);
  const exclusionsOk = r.exclusions === undefined || (isCondition(r.exclusions, 0) && !('not' in (r.exclusions as object)));
  const amountOk = !!r.amount && typeof (r.amount as { kind?: unknown }).kind === 'string';
  return typeof r.id === 'string' && topOk && exclusionsOk && amountOk && Array.isArray(r.examples);
}

const CLAUSE_LABEL = /(第[零〇一二三四五六七八九十百千]+条)|^\s*([（(][一二三四五六七八九十]+[）)])|^\s*(\d{1,3})(?=[．.、\s])/gmu;

/** The clause label nearest before `offset` in the text: 第三条, （五） or 16, as printed. */
export function clauseBefore(text: string, offset: number): string {
  let found = '';
  for (const match of text.slice(0, offset).matchAll(CLAUSE_LABEL)) {
    found = (match[1] ?? match[2] ?? match[3] ?? '').trim();
  }
  return found.replace(/^\(/, '（').replace(/\)$/, '）');
}

/**
 * A selection in the document's text as a quote: its line breaks removed (the text breaks lines where the document
 * does not), as the server's quote check reads it.
 */
export const quoteOfSelection = (selected: string) => selected.replace(/\r?\n/g, '').trim();

/** `yuan` as 万元 for an input, and back. */
export const toWan = (yuan: number) => Number((yuan / 10_000).toFixed(6));
export const fromWan = (wan: number) => Math.round(wan * 10_000 * 100) / 100;

/** The issues under a path (`conditions.all[2]` holds `conditions.all[2].value`). */
export function issuesUnder<T extends { path: string }>(issues: readonly T[], path: string, exact = false): T[] {
  return issues.filter((i) => i.path === path || (!exact && (i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))));
}
