import { factsByName, SCOPE_FACTS, type FactDefinition } from './facts/index.ts';
import type { Amount, Condition, LeafCondition, Rule, RuleFile } from './rule-schema.ts';

/** A problem found in a rule file beyond its shape: an unknown fact, a value of the wrong type, ... */
export type RuleIssue = { path: string; message: string };

const NUMERIC_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const LIST_OPERATORS = new Set(['contains', 'doesNotContain']);
const SET_OPERATORS = new Set(['in', 'notIn']);

function isValidScalar(fact: FactDefinition, value: unknown): boolean {
  switch (fact.type) {
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && value.length > 0;
    case 'enum':
    case 'enumList':
      return fact.options.some((o) => o.value === value);
  }
}

function describeAllowed(fact: FactDefinition): string {
  if (fact.type === 'enum' || fact.type === 'enumList') return `one of ${fact.options.map((o) => o.value).join(', ')}`;
  return `a ${fact.type}`;
}

/** Checks one leaf condition against the fact catalogue: the fact exists and the operator and value fit its type. */
export function checkLeaf(leaf: LeafCondition, path: string): RuleIssue[] {
  const fact = factsByName.get(leaf.fact);
  if (!fact) return [{ path: `${path}.fact`, message: `unknown fact "${leaf.fact}"` }];
  const { operator, value } = leaf;
  const wrong = (message: string) => [{ path: `${path}.value`, message: `${leaf.fact} ${operator}: ${message}` }];

  if (NUMERIC_OPERATORS.has(operator)) {
    if (fact.type !== 'number') return [{ path: `${path}.operator`, message: `${operator} needs a number fact; ${leaf.fact} is ${fact.type}` }];
    return typeof value === 'number' ? [] : wrong('value must be a number');
  }
  if (LIST_OPERATORS.has(operator)) {
    if (fact.type !== 'enumList') return [{ path: `${path}.operator`, message: `${operator} needs a list fact; ${leaf.fact} is ${fact.type}` }];
    return isValidScalar(fact, value) ? [] : wrong(`value must be ${describeAllowed(fact)}`);
  }
  if (fact.type === 'enumList') return [{ path: `${path}.operator`, message: `a list fact takes contains or doesNotContain, not ${operator}` }];
  if (SET_OPERATORS.has(operator)) {
    if (!Array.isArray(value)) return wrong('value must be a list');
    const bad = value.filter((item) => !isValidScalar(fact, item));
    return bad.length ? wrong(`${bad.join(', ')} is not ${describeAllowed(fact)}`) : [];
  }
  return isValidScalar(fact, value) ? [] : wrong(`value must be ${describeAllowed(fact)}`);
}

export function checkCondition(condition: Condition, path: string): RuleIssue[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => checkCondition(c, `${path}.all[${i}]`));
  if ('any' in condition) return condition.any.flatMap((c, i) => checkCondition(c, `${path}.any[${i}]`));
  if ('not' in condition) return checkCondition(condition.not, `${path}.not`);
  return checkLeaf(condition, path);
}

export function leavesOf(condition: Condition | undefined): LeafCondition[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return [condition];
}

/** A concrete rule whose conditions name only region and entity type, with no recorded reason why that is enough. */
export const decidesOnScopeAlone = (rule: Rule) =>
  rule.concrete && !rule.scopeOnlyReason && leavesOf(rule.conditions).every((leaf) => SCOPE_FACTS.has(leaf.fact));

/** Conditions never repeat what exclusions say: a fact is either a condition or an exclusion of a rule. */
function checkExclusionsApart(rule: Rule, path: string): RuleIssue[] {
  const conditionFacts = new Set(leavesOf(rule.conditions).map((leaf) => leaf.fact));
  return [...new Set(leavesOf(rule.exclusions).map((leaf) => leaf.fact))]
    .filter((fact) => conditionFacts.has(fact))
    .map((fact) => ({ path: `${path}.exclusions`, message: `"${fact}" is both a condition and an exclusion` }));
}

/** An amount is computed from a number fact, or (per item) from the entries of a list fact equal to `item`. */
function checkAmountBase(amount: Amount, path: string): RuleIssue[] {
  if (!('of' in amount) || amount.of === undefined) return [];
  const base = factsByName.get(amount.of);
  const item = amount.kind === 'perItem' ? amount.item : undefined;
  if (amount.kind === 'perItem' && base?.type === 'enumList') {
    if (item === undefined) return [{ path: `${path}.item`, message: `counting entries of the list "${amount.of}" needs the item to count` }];
    if (!base.options.some((o) => o.value === item)) return [{ path: `${path}.item`, message: `"${item}" is not an option of ${amount.of}` }];
    if (!base.repeatable) return [{ path: `${path}.of`, message: `"${amount.of}" holds each value once: count a number fact instead` }];
    return [];
  }
  if (base?.type !== 'number') return [{ path: `${path}.of`, message: `"${amount.of}" is not a number fact` }];
  if (item !== undefined) return [{ path: `${path}.item`, message: 'item is only for counting the entries of a list fact' }];
  return [];
}

/** Semantic checks of a rule file that zod's shape cannot express. */
export function checkRuleFile(file: RuleFile): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const { document } = file;
  if (document.pages[0] > document.pages[1]) issues.push({ path: 'document.pages', message: 'first page after last page' });
  if (document.validFrom && document.validTo && document.validFrom > document.validTo) {
    issues.push({ path: 'document.validTo', message: 'validTo is before validFrom' });
  }
  const seen = new Set<string>();
  file.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    const before = issues.length;
    if (!rule.id.startsWith(`${document.id}/`)) issues.push({ path: `${at}.id`, message: `rule id must start with "${document.id}/"` });
    if (seen.has(rule.id)) issues.push({ path: `${at}.id`, message: `duplicate rule id ${rule.id}` });
    seen.add(rule.id);
    if (rule.page < document.pages[0] || rule.page > document.pages[1]) {
      issues.push({ path: `${at}.page`, message: `page ${rule.page} is outside the document's pages ${document.pages.join('-')}` });
    }
    const from = rule.validFrom ?? document.validFrom;
    const to = rule.validTo ?? document.validTo;
    if (from && to && from > to) issues.push({ path: `${at}.validTo`, message: 'validTo is before validFrom' });
    issues.push(...checkCondition(rule.conditions, `${at}.conditions`));
    if (rule.exclusions) issues.push(...checkCondition(rule.exclusions, `${at}.exclusions`), ...checkExclusionsApart(rule, at));
    issues.push(...checkAmountBase(rule.amount, `${at}.amount`));
    // Name the rule by its id too, so a message points at something findable.
    for (const issue of issues.slice(before)) issue.message = `${rule.id}: ${issue.message}`;
  });
  return issues;
}
