import type { ConditionShape, CompiledConditions, Truth } from './compile.ts';
import { UNKNOWN, TRUE } from './compile.ts';
import type { IsoDate } from './dates.ts';
import { decidingLeaves, leafAsStated, nodeTruths } from './explain.ts';
import { judgeProfile, pathTruthsOf, rankQuestions, totalsOf, whyTruthsOf, type Judged, type Lists } from './evaluate.ts';
import { factIndex, factVector } from './facts/index.ts';
import { MATCH_LISTS } from './match-schema.ts';
import type { Profile } from './profile.ts';
import type { PreparedRule, Ruleset } from './ruleset.ts';

/**
 * The match answer written straight to JSON text, for the HTTP route: each rule's unchanging parts (titles, sources,
 * quotes, each condition's fact, operator and value) are written once per ruleset and reused; per request only the
 * judged parts are written, each fact's value once. JSON.parse of the text equals evaluateProfile / summarizeProfile
 * (key order aside): a test holds them together.
 */

type LeafParts = { plain: string[]; negated: string[] };
type RuleParts = {
  /** The full item's unchanging fields, without the closing brace. */
  full: string;
  /** The summary item's unchanging fields, without the closing brace. */
  summary: string;
  conditions: LeafParts;
  exclusions: LeafParts | null;
  caveats: string[];
  allCaveats: string;
};

const partsByRule = new WeakMap<PreparedRule, RuleParts>();

const open = (json: string) => json.slice(0, -1);

function leafParts(compiled: CompiledConditions): LeafParts {
  const prefix = (negated: boolean) =>
    compiled.leaves.map((leaf) => {
      const { operator } = leafAsStated(leaf, UNKNOWN, negated);
      return `{"fact":${JSON.stringify(leaf.fact)},"operator":"${operator}","required":${JSON.stringify(leaf.value)},"actual":`;
    });
  return { plain: prefix(false), negated: prefix(true) };
}

function partsOf(prepared: PreparedRule): RuleParts {
  let parts = partsByRule.get(prepared);
  if (parts) return parts;
  const { rule, source, validity } = prepared;
  const caveats = prepared.allCaveats.map((caveat) => JSON.stringify(caveat));
  parts = {
    full: open(JSON.stringify({
      ruleId: rule.id, title: rule.title, summary: rule.summary, category: rule.category, concrete: rule.concrete,
      kind: rule.kind, beneficiary: rule.beneficiary, situations: rule.situations,
      amountText: prepared.amountText, upToYuan: rule.amount.kind === 'text' ? (rule.amount.upToYuan ?? null) : null,
      exclusiveGroup: rule.exclusiveGroup, source, validFrom: validity.validFrom, validTo: validity.validTo,
      department: rule.department, notes: rule.notes,
    })),
    summary: open(JSON.stringify({
      ruleId: rule.id, title: rule.title, category: rule.category, kind: rule.kind, amountText: prepared.amountText, exclusiveGroup: rule.exclusiveGroup,
      source: { documentId: source.documentId, clause: source.clause, page: source.page },
    })),
    conditions: leafParts(prepared.compiled),
    exclusions: prepared.exclusions ? leafParts(prepared.exclusions) : null,
    caveats,
    allCaveats: `[${caveats.join(',')}]`,
  };
  partsByRule.set(prepared, parts);
  return parts;
}

/** Each fact's value as JSON, written at most once per answer. */
function actualsOf(facts: Readonly<Record<string, unknown>>): (fact: string) => string {
  const vector = factVector(facts);
  const written: (string | undefined)[] = [];
  return (fact) => {
    const i = factIndex.get(fact)!;
    return (written[i] ??= vector[i] === undefined ? 'null' : JSON.stringify(vector[i]));
  };
}

const passed = (truth: Truth) => (truth === UNKNOWN ? 'null' : truth === TRUE ? 'true' : 'false');

type Writer = { actual: (fact: string) => string };

function leafJson(w: Writer, compiled: CompiledConditions, parts: LeafParts, results: readonly Truth[], index: number, negated: boolean, close = '}'): string {
  const leaf = compiled.leaves[index]!;
  const prefix = negated ? parts.negated[index]! : parts.plain[index]!;
  return `${prefix}${w.actual(leaf.fact)},"passed":${passed(leafAsStated(leaf, results[index]!, negated).truth)}${close}`;
}

function whyJson(w: Writer, compiled: CompiledConditions, parts: LeafParts, results: readonly Truth[], truths: readonly Truth[], shape: ConditionShape): string {
  switch (shape.kind) {
    case 'leaf':
      return leafJson(w, compiled, parts, results, shape.index, false);
    case 'not':
      return `{"not":${whyJson(w, compiled, parts, results, truths, shape.child)},"passed":${passed(truths[shape.id]!)}}`;
    default:
      return `{"${shape.kind}":[${shape.children.map((c) => whyJson(w, compiled, parts, results, truths, c)).join(',')}],"passed":${passed(truths[shape.id]!)}}`;
  }
}

const stringList = (values: readonly string[]) => (values.length ? JSON.stringify(values) : '[]');

function caveatsJson(j: Judged, parts: RuleParts): string {
  if (j.caveats.length === 0) return '[]';
  if (j.caveats === j.prepared.allCaveats) return parts.allCaveats;
  return JSON.stringify(j.caveats);
}

function fullItemJson(w: Writer, j: Judged): string {
  const parts = partsOf(j.prepared);
  const { compiled, exclusions } = j.prepared;
  const { results, shortfall, exclusionResults, status } = j.outcome;
  const reasons = decidingLeaves(compiled.shape, pathTruthsOf(j)).map(({ index, negated }) => leafJson(w, compiled, parts.conditions, results, index, negated));
  const excludedBy =
    status === 'excluded'
      ? decidingLeaves(exclusions!.shape, nodeTruths(exclusions!.shape, exclusions!.nodeCount, exclusionResults!)).map(({ index, negated }) =>
          leafJson(w, exclusions!, parts.exclusions!, exclusionResults!, index, negated))
      : [];
  const { amountYuan, amountByYear, missingFact } = j.amount;
  return `${parts.full},"status":"${status}","amountYuan":${amountYuan ?? 'null'},"amountByYear":${amountByYear ? JSON.stringify(amountByYear) : 'null'},`
    + `"amountNeeds":${missingFact ? JSON.stringify(missingFact) : 'null'},"stacks":${j.stacks},"reasons":[${reasons.join(',')}],`
    + `"missingFacts":${stringList(j.missingFacts)},"caveats":${caveatsJson(j, parts)},"excludedBy":[${excludedBy.join(',')}],`
    + `"why":${whyJson(w, compiled, parts.conditions, results, whyTruthsOf(j), compiled.shape)},`
    + `"shortfall":${shortfall === null ? 'null' : leafJson(w, compiled, parts.conditions, results, shortfall, false, `,"gap":${j.gap ?? 'null'}}`)}}`;
}

function summaryItemJson(j: Judged): string {
  const parts = partsOf(j.prepared);
  return `${parts.summary},"status":"${j.outcome.status}","amountYuan":${j.amount.amountYuan ?? 'null'},"stacks":${j.stacks},`
    + `"missingFacts":${stringList(j.missingFacts)},"caveats":${caveatsJson(j, parts)}}`;
}

function answerJson(ruleset: Ruleset, asOf: IsoDate, lists: Lists, item: (j: Judged) => string): string {
  const head = JSON.stringify({ rulesetVersion: ruleset.version, asOf, totals: totalsOf(lists), questions: rankQuestions(lists), coverage: lists.coverage });
  return `${open(head)},${MATCH_LISTS.map((list) => `"${list}":[${lists[list].map(item).join(',')}]`).join(',')}}`;
}

/** The full answer as JSON text: evaluateProfile's answer, written for the wire. */
export function fullAnswerJson(ruleset: Ruleset, profile: Profile, asOf: IsoDate): string {
  const lists = judgeProfile(ruleset, profile, asOf);
  const w: Writer = { actual: actualsOf(lists.facts) };
  return answerJson(ruleset, asOf, lists, (j) => fullItemJson(w, j));
}

/** The summary view as JSON text: summarizeProfile's answer, written for the wire. */
export function summaryAnswerJson(ruleset: Ruleset, profile: Profile, asOf: IsoDate): string {
  return answerJson(ruleset, asOf, judgeProfile(ruleset, profile, asOf), summaryItemJson);
}
