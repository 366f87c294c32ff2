import { z } from 'zod';
import { figuresMissingFrom, type Figure } from './amount-figures.ts';
import { conflictAmong, findConflicts, formulaOf, mustHold } from './condition-conflicts.ts';
import { runExample } from './examples.ts';
import { factsByName } from './facts/index.ts';
import { checkRuleFile, decidesOnScopeAlone, type RuleIssue } from './rule-checks.ts';
import { appliesStatus, conditionLimitIssues, exampleSchema, ruleObjectSchema, type Amount, type Rule, type SourceDocument } from './rule-schema.ts';
import { prepareRuleset } from './ruleset.ts';
import { indexSourceText, quotePages } from './source-text.ts';

/**
 * The checks a rule passes before it is published. Errors block publishing: the rule is malformed, cannot be
 * matched as written, contradicts its source or its own examples. Warnings are worth a look and do not block.
 */

export const ERROR_CODES = [
  'limits', 'schema', 'document', 'id', 'unknown_fact', 'type_mismatch', 'unit_mismatch', 'exclusion_repeats_condition',
  'page', 'quote', 'contradiction', 'validity_reversed', 'examples_missing', 'example_failed',
] as const;
export const WARNING_CODES = ['yuan_as_wan', 'overlap', 'amount_not_in_quote', 'scope_only'] as const;
export type CheckCode = (typeof ERROR_CODES)[number] | (typeof WARNING_CODES)[number];

export type CheckIssue = { path: string; code: CheckCode; message: string };
export type CheckReport = { errors: CheckIssue[]; warnings: CheckIssue[] };

export type CheckInput = {
  documentId: string;
  rule: unknown;
  /** The rule's document and its text; null when no such document exists. */
  document: SourceDocument | null;
  documentText: string | null;
  /** The other published rules of the same document (for the overlap warning). */
  published: readonly Rule[];
};

/** A draft's shape: the rule file's, except that the examples are counted by their own check. */
const draftRuleSchema = ruleObjectSchema.extend({ examples: z.array(exampleSchema) });

const LABELS: Record<CheckCode, string> = {
  limits: '条件过大 (conditions too large)',
  schema: '格式有误 (malformed)',
  document: '文件不存在 (unknown document)',
  id: '规则编号有误 (bad rule id)',
  unknown_fact: '未知事实 (unknown fact)',
  type_mismatch: '类型不符 (type mismatch)',
  unit_mismatch: '单位不符 (unit mismatch)',
  exclusion_repeats_condition: '排除情形与条件重复 (exclusion repeats a condition)',
  page: '页码有误 (wrong page)',
  quote: '原文中找不到引文 (quote not in the text)',
  contradiction: '条件互相矛盾 (contradictory conditions)',
  validity_reversed: '有效期颠倒 (validity reversed)',
  examples_missing: '缺少示例 (examples missing)',
  example_failed: '示例未通过 (example fails)',
  yuan_as_wan: '金额可能把万元当作元 (yuan threshold under 10,000)',
  overlap: '可能重复享受 (may pay twice)',
  amount_not_in_quote: '金额未见于引文 (amount not in the quote)',
  scope_only: '仅凭地区和主体类型判断 (decides on scope alone)',
};

const issue = (code: CheckCode, path: string, detail: string): CheckIssue => ({ path, code, message: `${LABELS[code]}：${detail}` });

const zodPath = (path: readonly PropertyKey[]) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');

/** Runs every check on one rule, as given (any JSON). `rule` is the parsed rule when its shape is right. */
export function checkRule(input: CheckInput): CheckReport & { rule: Rule | null } {
  const errors: CheckIssue[] = [];
  const warnings: CheckIssue[] = [];
  const done = (rule: Rule | null) => ({ errors, warnings, rule });

  const { conditions, exclusions } = (input.rule ?? {}) as { conditions?: unknown; exclusions?: unknown };
  const tooLarge = [...conditionLimitIssues(conditions, 'conditions'), ...conditionLimitIssues(exclusions, 'exclusions')];
  if (tooLarge.length) return (errors.push(...tooLarge.map((i) => issue('limits', i.path, i.message))), done(null));

  const parsed = draftRuleSchema.safeParse(input.rule);
  if (!parsed.success) {
    errors.push(...parsed.error.issues.map((i) => issue('schema', zodPath(i.path), i.message)));
    return done(null);
  }
  const rule = parsed.data as Rule;
  const { document } = input;
  if (!document) return (errors.push(issue('document', '', input.documentId)), done(rule));

  errors.push(...catalogueIssues(rule, document));
  errors.push(...unitIssues(rule.amount));
  if (input.documentText !== null) errors.push(...quoteIssues(rule, input.documentText));
  for (const [tree, path] of [[rule.conditions, 'conditions'], [rule.exclusions, 'exclusions']] as const) {
    if (!tree) continue;
    for (const conflict of findConflicts(tree, path)) errors.push(issue('contradiction', conflict.path, conflict.leaves.map(formulaOf).join(' 且 (and) ')));
  }
  errors.push(...exampleCountIssues(rule));
  if (!errors.some((e) => e.code === 'unknown_fact' || e.code === 'type_mismatch')) errors.push(...exampleIssues(rule, document));

  warnings.push(...wanIssues(rule));
  warnings.push(...overlapIssues(rule, input.published));
  warnings.push(...figuresMissingFrom(rule.amount, rule.quote).map((figure) => issue('amount_not_in_quote', `amount.${figure.path}`, describeFigure(figure))));
  if (decidesOnScopeAlone(rule)) {
    warnings.push(issue('scope_only', 'conditions', '具体规则只检查地区和主体类型，请在 scopeOnlyReason 说明原因 (record why in scopeOnlyReason)'));
  }
  return done(rule);
}

/** The rule file checks (facts, types, page, validity, id) on this one rule, each given its code. */
function catalogueIssues(rule: Rule, document: SourceDocument): CheckIssue[] {
  return checkRuleFile({ document, rules: [rule] }).map((found: RuleIssue) => {
    const path = found.path.replace(/^rules\[0\]\.?/, '');
    const detail = found.message.replace(`${rule.id}: `, '');
    return issue(codeOfRuleIssue(path), path, detail);
  });
}

function codeOfRuleIssue(path: string): CheckCode {
  if (path === 'id') return 'id';
  if (path === 'page') return 'page';
  if (path === 'validTo') return 'validity_reversed';
  if (path === 'exclusions') return 'exclusion_repeats_condition';
  if (path.endsWith('.fact')) return 'unknown_fact';
  return 'type_mismatch';
}

const unitOf = (name: string | undefined) => {
  const fact = name ? factsByName.get(name) : undefined;
  return fact?.type === 'number' ? fact.unit : undefined;
};

/** A rate is a share of money; a sum per item counts things, not yuan. */
function unitIssues(amount: Amount): CheckIssue[] {
  const paysRate =
    amount.kind === 'rate' ||
    (amount.kind === 'tiered' && amount.tiers.some((t) => t.rate !== undefined)) ||
    (amount.kind === 'multiYear' && amount.years.some((y) => y.rate !== undefined));
  if (paysRate && 'of' in amount && amount.of && factsByName.get(amount.of)?.type === 'number' && unitOf(amount.of) !== 'yuan') {
    return [issue('unit_mismatch', 'amount.of', `按比例计算需以元为单位的事实，${amount.of} 不是 (a rate needs a yuan fact; ${amount.of} is not)`)];
  }
  if (amount.kind === 'perItem' && unitOf(amount.of) === 'yuan') {
    return [issue('unit_mismatch', 'amount.of', `按项计算需计数事实，${amount.of} 以元为单位 (per item needs a count, ${amount.of} is in yuan)`)];
  }
  return [];
}

function quoteIssues(rule: Rule, text: string): CheckIssue[] {
  const pages = quotePages(indexSourceText(text), rule.quote);
  if (pages.length === 0) return [issue('quote', 'quote', '引文须与原文逐字一致（可跨行） (the quote must appear verbatim in the document)')];
  if (!pages.includes(rule.page)) return [issue('page', 'page', `引文始于第 ${pages.join('、')} 页，不是第 ${rule.page} 页 (quote starts on page ${pages.join(' or ')})`)];
  return [];
}

function exampleCountIssues(rule: Rule): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const has = (test: (status: string) => boolean) => rule.examples.some((e) => test(e.expect.status));
  const applies = appliesStatus(rule);
  if (!has((s) => s === applies)) issues.push(issue('examples_missing', 'examples', '需要一个符合条件的示例 (needs an eligible example)'));
  if (!has((s) => s !== applies)) issues.push(issue('examples_missing', 'examples', '需要一个不符合条件的示例 (needs an example that is not eligible)'));
  if (rule.exclusions && !has((s) => s === 'excluded')) issues.push(issue('examples_missing', 'examples', '有排除情形时需要一个被排除的示例 (needs an excluded example)'));
  return issues;
}

function exampleIssues(rule: Rule, document: SourceDocument): CheckIssue[] {
  const [prepared] = prepareRuleset({ documents: [document], rules: [{ documentId: document.id, rule }] }).rules;
  return rule.examples.flatMap((example, i) => {
    const verdict = runExample(prepared!, example);
    return verdict.ok ? [] : [issue('example_failed', `examples[${i}]`, `«${example.name}» 应为 (expected) ${verdict.expected}，实为 (got) ${verdict.actual}`)];
  });
}

const COMPARISONS = new Set(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const looksLikeWan = (value: unknown) => typeof value === 'number' && value > 0 && value < 10_000;

/** A yuan threshold under 10,000 is usually a figure in 万元 typed as yuan. */
function wanIssues(rule: Rule): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const visit = (condition: Rule['conditions'] | undefined, path: string) => {
    if (!condition) return;
    const walk = (node: object, at: string): void => {
      if ('all' in node) (node.all as object[]).forEach((c, i) => walk(c, `${at}.all[${i}]`));
      else if ('any' in node) (node.any as object[]).forEach((c, i) => walk(c, `${at}.any[${i}]`));
      else if ('not' in node) walk(node.not as object, `${at}.not`);
      else {
        const leaf = node as { fact: string; operator: string; value: unknown };
        if (COMPARISONS.has(leaf.operator) && unitOf(leaf.fact) === 'yuan' && looksLikeWan(leaf.value)) {
          issues.push(issue('yuan_as_wan', `${at}.value`, `${leaf.fact} ${leaf.value} 元，是否应为 ${leaf.value} 万元 (${leaf.value} yuan: meant 万元?)`));
        }
      }
    };
    walk(condition, path);
  };
  visit(rule.conditions, 'conditions');
  visit(rule.exclusions, 'exclusions');
  if (rule.amount.kind === 'tiered' && unitOf(rule.amount.of) === 'yuan') {
    rule.amount.tiers.forEach((tier, i) => {
      for (const bound of ['min', 'max'] as const) {
        if (looksLikeWan(tier[bound])) issues.push(issue('yuan_as_wan', `amount.tiers[${i}].${bound}`, `${tier[bound]} 元 (yuan: meant 万元?)`));
      }
    });
  }
  return issues;
}

const paysMoney = (rule: Rule) => rule.amount.kind !== 'text';

/** Sums per item of different things (trademarks and patents, gold and silver awards) are different benefits. */
const countsOtherItems = (a: Amount, b: Amount) =>
  a.kind === 'perItem' && b.kind === 'perItem' && (a.of !== b.of || a.item !== b.item);

/**
 * Another published rule of the same clause and category that pays money and is not in this rule's exclusiveGroup:
 * a business qualifying for both would be counted twice. Rules whose conditions exclude each other (tiers) cannot, nor
 * sums per item of different things.
 */
function overlapIssues(rule: Rule, published: readonly Rule[]): CheckIssue[] {
  if (!paysMoney(rule)) return [];
  const mine = mustHold(rule.conditions);
  return published
    .filter((other) => other.id !== rule.id && other.clause === rule.clause && other.category === rule.category && paysMoney(other))
    .filter((other) => !(rule.exclusiveGroup && rule.exclusiveGroup === other.exclusiveGroup))
    .filter((other) => !countsOtherItems(rule.amount, other.amount))
    .filter((other) => !conflictAmong([...mine, ...mustHold(other.conditions)]))
    .map((other) => issue('overlap', 'exclusiveGroup', `${other.id} 同为${rule.clause}且可同时符合，不在同一 exclusiveGroup (same clause, both can hold, not in one exclusiveGroup)`));
}

function describeFigure(figure: Figure): string {
  const shown = figure.kind === 'rate' ? `${Number((figure.value * 100).toFixed(6))}%` : `${figure.value} 元`;
  return `${shown} 未在引文中出现 (does not appear in the quote)`;
}

