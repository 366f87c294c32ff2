import type { SourceDocument } from '../domain/rule-schema.ts';
import type { PreparedRule, Ruleset } from '../domain/ruleset.ts';

export function ruleView({ rule, document, source, validity }: PreparedRule) {
  return {
    ...rule,
    documentId: document.id,
    source,
    effectiveValidFrom: validity.validFrom,
    effectiveValidTo: validity.validTo,
  };
}

export function documentSummary(ruleset: Ruleset, document: SourceDocument) {
  const rules = ruleset.rulesOfDocument(document.id);
  return {
    ...document,
    ruleCount: rules.length,
    concreteRuleCount: rules.filter((r) => r.rule.concrete).length,
    categories: [...new Set(rules.map((r) => r.rule.category))],
  };
}
