import { decidesOnScopeAlone } from '../domain/rule-checks.ts';
import type { RuleFile } from '../domain/rule-schema.ts';

export type DocumentReport = {
  id: string;
  province: string;
  city: string | null;
  rules: number;
  concrete: number;
  computedAmounts: number;
  examples: number;
  /** Why a document has no rules (its notes), when it has none. */
  noRulesBecause: string | null;
  /** Concrete rules that decide on region and entity type alone without a recorded reason: to review. */
  scopeOnly: string[];
  withExclusions: number;
  /** Rules by kind (benefit, right, commitment, internal). */
  byKind: Record<string, number>;
  /** Rules meant for a kind of organisation (a beneficiary), and rules bound to situations. */
  forOrganisations: number;
  bySituation: Record<string, number>;
};

const countBy = (values: readonly string[]) => values.reduce<Record<string, number>>((counts, v) => ((counts[v] = (counts[v] ?? 0) + 1), counts), {});

export function documentReport(file: RuleFile): DocumentReport {
  const { document, rules } = file;
  return {
    id: document.id,
    province: document.province,
    city: document.city,
    rules: rules.length,
    concrete: rules.filter((r) => r.concrete).length,
    computedAmounts: rules.filter((r) => r.amount.kind !== 'text').length,
    examples: rules.reduce((sum, r) => sum + r.examples.length, 0),
    noRulesBecause: rules.length ? null : (document.notes ?? '(no reason given)'),
    scopeOnly: rules.filter(decidesOnScopeAlone).map((r) => r.id),
    withExclusions: rules.filter((r) => r.exclusions).length,
    byKind: countBy(rules.map((r) => r.kind)),
    forOrganisations: rules.filter((r) => r.beneficiary).length,
    bySituation: countBy(rules.flatMap((r) => r.situations)),
  };
}

export function corpusTotals(reports: readonly DocumentReport[]) {
  const sum = (key: 'rules' | 'concrete' | 'computedAmounts' | 'examples' | 'withExclusions') => reports.reduce((s, r) => s + r[key], 0);
  return {
    documents: reports.length,
    documentsWithoutRules: reports.filter((r) => r.rules === 0).length,
    rules: sum('rules'),
    concrete: sum('concrete'),
    vague: sum('rules') - sum('concrete'),
    computedAmounts: sum('computedAmounts'),
    examples: sum('examples'),
    withExclusions: sum('withExclusions'),
    scopeOnlyWithoutReason: reports.reduce((s, r) => s + r.scopeOnly.length, 0),
  };
}
