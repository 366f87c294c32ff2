import { createHash } from 'node:crypto';
import { amountText } from './amounts.ts';
import { compileConditions, type CompiledConditions, type CompiledLeaf } from './compile.ts';
import { SCOPE_FACTS } from './facts/index.ts';
import { caveatText } from './wording.ts';
import type { Caveat, RuleSource } from './match-schema.ts';
import type { Rule, SourceDocument } from './rule-schema.ts';
import type { Validity } from './validity.ts';

/** A published rule, prepared once per ruleset version. */
export type PreparedRule = {
  rule: Rule;
  document: SourceDocument;
  source: RuleSource;
  validity: Validity;
  compiled: CompiledConditions;
  /** The leaves on region and entity type: a rule failing one of them is left out at once. */
  scopeLeaves: readonly CompiledLeaf[];
  /** The rule's exclusions (负面清单), compiled like its conditions; null when it has none. */
  exclusions: CompiledConditions | null;
  /** Each exclusion leaf as a line a person checks, by leaf index. */
  caveatTexts: readonly string[];
  /** Every exclusion as a caveat: what an item carries while none of them is answered. */
  allCaveats: Caveat[];
  /** The benefit in words: depends on the rule only, so it is written once. */
  amountText: string;
};

export type Ruleset = {
  version: string;
  documents: readonly SourceDocument[];
  rules: readonly PreparedRule[];
  rulesById: ReadonlyMap<string, PreparedRule>;
  /** A document's published rules, in the order they are printed. */
  rulesOfDocument: (documentId: string) => readonly PreparedRule[];
  /** The rules a business registered in a province can match, in ruleset order: the others fail on province. */
  rulesForProvince: (province: string) => readonly PreparedRule[];
};

export type RulesetInput = { documents: readonly SourceDocument[]; rules: readonly { documentId: string; rule: Rule }[] };

export function sourceOf(rule: Rule, document: SourceDocument): RuleSource {
  return {
    documentId: document.id,
    documentTitle: document.title,
    documentNumber: document.number,
    issuer: document.issuer,
    date: document.date,
    clause: rule.clause,
    page: rule.page,
    quote: rule.quote,
  };
}

/**
 * Stable JSON: object keys sorted (by UTF-16 code units), so the same content always hashes the same. Written as one
 * string built in place: every process rebuilding its ruleset after a publish hashes the whole corpus here, and the
 * earlier form (entries, filter, map, join per object) was most of that rebuild. Its bytes are unchanged: the versions
 * databases recorded stay valid.
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (canonicalJson(value[i]) ?? '');
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/** The ruleset version: a hash of the published documents and rules, independent of their order. */
export function rulesetVersionOf(input: RulesetInput): string {
  const documents = [...input.documents].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rules = [...input.rules].map((r) => r.rule).sort((a, b) => (a.id < b.id ? -1 : 1));
  return createHash('sha256').update(canonicalJson({ documents, rules })).digest('hex').slice(0, 16);
}

/** Compiles every rule's conditions once; evaluation then runs plain functions. */
export function prepareRuleset(input: RulesetInput): Ruleset {
  const documentsById = new Map(input.documents.map((d) => [d.id, d]));
  const rules = input.rules.map(({ documentId, rule }): PreparedRule => {
    const document = documentsById.get(documentId);
    if (!document) throw new Error(`rule ${rule.id} names unknown document ${documentId}`);
    const exclusions = rule.exclusions ? compileConditions(rule.exclusions) : null;
    const caveatTexts = exclusions?.leaves.map(caveatText) ?? [];
    const compiled = compileConditions(rule.conditions);
    return {
      rule,
      document,
      source: sourceOf(rule, document),
      // A clause is not valid before its document was issued unless the text says so (a rule's own validFrom).
      validity: { validFrom: rule.validFrom ?? document.validFrom ?? document.date, validTo: rule.validTo ?? document.validTo },
      compiled,
      scopeLeaves: compiled.leaves.filter((leaf) => SCOPE_FACTS.has(leaf.fact)),
      exclusions,
      caveatTexts,
      allCaveats: (exclusions?.leaves ?? []).map((leaf, i) => ({ fact: leaf.fact, operator: leaf.operator, required: leaf.value, text: caveatTexts[i]! })),
      amountText: amountText(rule.amount),
    };
  });
  const byProvince = new Map<string, PreparedRule[]>();
  const anyProvince: PreparedRule[] = [];
  for (const prepared of rules) {
    const provinces = requiredProvinces(prepared.rule.conditions);
    if (!provinces) {
      anyProvince.push(prepared);
      for (const list of byProvince.values()) list.push(prepared);
      continue;
    }
    for (const province of provinces) {
      if (!byProvince.has(province)) byProvince.set(province, [...anyProvince]);
      byProvince.get(province)!.push(prepared);
    }
  }
  const byDocument = new Map<string, PreparedRule[]>();
  for (const prepared of rules) {
    const list = byDocument.get(prepared.document.id);
    if (list) list.push(prepared);
    else byDocument.set(prepared.document.id, [prepared]);
  }
  return {
    version: rulesetVersionOf(input),
    documents: input.documents,
    rules,
    rulesById: new Map(rules.map((r) => [r.rule.id, r])),
    rulesOfDocument: (documentId) => byDocument.get(documentId) ?? [],
    rulesForProvince: (province) => byProvince.get(province) ?? anyProvince,
  };
}

/** The provinces a rule is limited to by a top-level `province` equal/in condition, or null when it names none. */
function requiredProvinces(conditions: Rule['conditions']): string[] | null {
  if (!('all' in conditions)) return null;
  for (const condition of conditions.all) {
    if (!('fact' in condition) || condition.fact !== 'province') continue;
    if (condition.operator === 'equal') return [String(condition.value)];
    if (condition.operator === 'in' && Array.isArray(condition.value)) return condition.value.map(String);
  }
  return null;
}
