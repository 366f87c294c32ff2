import type { Category, SourceDocument } from './rule-schema.ts';
import type { PreparedRule, Ruleset } from './ruleset.ts';

export type RuleQuery = { province?: string; city?: string; category?: Category; q?: string };

const matchesText = (needle: string, ...haystacks: (string | null)[]) =>
  haystacks.some((h) => h?.toLowerCase().includes(needle));

export const documentMatches = (document: SourceDocument, query: RuleQuery) =>
  (!query.province || document.province === query.province) && (!query.city || document.city === query.city);

/** Published rules by region of their document, category, and free text in title, summary, quote or document title. */
export function searchRules(ruleset: Ruleset, query: RuleQuery): PreparedRule[] {
  const needle = query.q?.toLowerCase();
  return ruleset.rules.filter(
    ({ rule, document }) =>
      documentMatches(document, query) &&
      (!query.category || rule.category === query.category) &&
      (!needle || matchesText(needle, rule.title, rule.summary, rule.quote, document.title, rule.department)),
  );
}

/** Documents by region, and free text in their titles or in any of their rules. */
export function searchDocuments(ruleset: Ruleset, query: RuleQuery): SourceDocument[] {
  const needle = query.q?.toLowerCase();
  const withMatchingRules = needle || query.category ? new Set(searchRules(ruleset, query).map((r) => r.document.id)) : null;
  return ruleset.documents.filter(
    (document) =>
      documentMatches(document, query) &&
      (!withMatchingRules || withMatchingRules.has(document.id) || (!query.category && matchesText(needle!, document.title, document.notice, document.issuer))),
  );
}
