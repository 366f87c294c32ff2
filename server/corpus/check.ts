import type { z } from 'zod';
import { runExample } from '../domain/examples.ts';
import { checkRuleFile, type RuleIssue } from '../domain/rule-checks.ts';
import { ruleFileLimitIssues, ruleFileSchema, type RuleFile } from '../domain/rule-schema.ts';
import { prepareRuleset } from '../domain/ruleset.ts';
import { indexSourceText, quotePages } from '../domain/source-text.ts';

export type { RuleIssue };

function zodIssues(error: z.ZodError, data: unknown): RuleIssue[] {
  const rules = (data as { rules?: { id?: unknown }[] } | null)?.rules;
  return error.issues.map((issue) => {
    const path = issue.path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
    // Name the rule by its id as well as its index, so the message points at something findable.
    const ruleId = issue.path[0] === 'rules' && typeof issue.path[1] === 'number' ? rules?.[issue.path[1]]?.id : undefined;
    return { path, message: typeof ruleId === 'string' ? `${ruleId}: ${issue.message}` : issue.message };
  });
}

/** Parses and checks a rule file's shape and meaning; the file is usable only when `issues` is empty. */
export function parseRuleFile(data: unknown): { file: RuleFile | null; issues: RuleIssue[] } {
  const tooLarge = ruleFileLimitIssues(data);
  if (tooLarge.length) return { file: null, issues: tooLarge };
  const parsed = ruleFileSchema.safeParse(data);
  if (!parsed.success) return { file: null, issues: zodIssues(parsed.error, data) };
  const issues = checkRuleFile(parsed.data);
  return { file: issues.length ? null : parsed.data, issues };
}

/** Checks every quote against the document's own text: present verbatim, starting on the rule's page. */
export function checkQuotes(file: RuleFile, documentText: string): RuleIssue[] {
  const source = indexSourceText(documentText);
  return file.rules.flatMap((rule, i) => {
    const pages = quotePages(source, rule.quote);
    if (pages.length === 0) return [{ path: `rules[${i}].quote`, message: `${rule.id}: quote not found verbatim in ${file.document.text}` }];
    if (!pages.includes(rule.page)) {
      return [{ path: `rules[${i}].page`, message: `${rule.id}: quote starts on page ${pages.join(' or ')}, not ${rule.page}` }];
    }
    return [];
  });
}

/** Runs every rule's own examples. */
export function checkExamples(file: RuleFile): RuleIssue[] {
  const ruleset = prepareRuleset({ documents: [file.document], rules: file.rules.map((rule) => ({ documentId: file.document.id, rule })) });
  return ruleset.rules.flatMap((prepared, i) =>
    prepared.rule.examples.flatMap((example, j) => {
      const verdict = runExample(prepared, example);
      return verdict.ok
        ? []
        : [{ path: `rules[${i}].examples[${j}]`, message: `${prepared.rule.id} «${example.name}»: expected ${verdict.expected}, got ${verdict.actual}` }];
    }),
  );
}
