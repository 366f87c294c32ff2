/**
 * How a screening keeps each applicant's answer: the summary view, exactly as computed, in a few hundred bytes.
 *
 * A summary view runs to 20–90 KB per applicant (titles, amount texts, caveats and sources of a hundred benefits), so
 * 10,000 applicants would take about half a gigabyte. Nearly all of it repeats from one applicant to the next: an
 * item is the same text for every applicant it applies to except for its amount. So each item is split into its
 * amount and the rest; the rest (as JSON, with the amount left null in its place) is kept once per screening as a
 * numbered fragment, and the applicant keeps `[fragment, amount]` pairs. Expanding gives back the very same JSON.
 */
import { coverageGap } from '../coverage.ts';
import { MATCH_LISTS, type MatchSummary, type SummaryItem } from '../match-schema.ts';

/**
 * What tells one item's fragment from another's among the items of one ruleset: a rule's title, texts and source are
 * its own, so the rule, status, stacking, missing facts and caveats decide the rest. Cheaper to look up than the text.
 */
const itemKey = (item: SummaryItem) =>
  `${item.ruleId}\u0000${item.status}\u0000${item.stacks}\u0000${item.missingFacts.join('\u0001')}\u0000${item.caveats.map((c) => `${c.fact}\u0002${c.operator}\u0002${c.text}`).join('\u0001')}`;

/** The fragments of one screening (all its answers come from one ruleset version): numbered JSON texts, each kept once. */
export class Fragments {
  readonly #numbers = new Map<string, number>();
  readonly #byKey = new Map<string, number>();
  readonly #texts: string[] = [];
  readonly #parsed: (SummaryItem | undefined)[] = [];
  /** Fragments added since the last `takeNew`, to be stored with the applicants that use them. */
  #fresh: { no: number; json: string }[] = [];

  constructor(stored: readonly { no: number; json: string }[] = []) {
    for (const { no, json } of stored) {
      this.#texts[no] = json;
      this.#numbers.set(json, no);
    }
  }

  /** The number of the item's fragment (its JSON with the amount left null), added when new. */
  numberOf(item: SummaryItem): number {
    const key = itemKey(item);
    let no = this.#byKey.get(key);
    if (no === undefined) {
      no = this.numberOfText(JSON.stringify({ ...item, amountYuan: null }));
      this.#byKey.set(key, no);
    }
    return no;
  }

  /** The number of a fragment's text, added when new. */
  numberOfText(json: string): number {
    let no = this.#numbers.get(json);
    if (no === undefined) {
      no = this.#texts.length;
      this.#texts.push(json);
      this.#numbers.set(json, no);
      this.#fresh.push({ no, json });
    }
    return no;
  }

  text(no: number): string {
    const json = this.#texts[no];
    if (json === undefined) throw new Error(`screening answer refers to a missing fragment ${no}`);
    return json;
  }

  item(no: number): SummaryItem {
    let parsed = this.#parsed[no];
    if (!parsed) {
      const json = this.#texts[no];
      if (json === undefined) throw new Error(`screening answer refers to a missing fragment ${no}`);
      parsed = this.#parsed[no] = JSON.parse(json) as SummaryItem;
    }
    return parsed;
  }

  /** Every fragment, for finding those that name a rule. */
  entries(): readonly string[] {
    return this.#texts;
  }

  takeNew(): { no: number; json: string }[] {
    const fresh = this.#fresh;
    this.#fresh = [];
    return fresh;
  }
}

const packCoverage = (coverage: MatchSummary['coverage']): { c?: Packed['c'] } =>
  coverage.length ? { c: [coverage[0]!.region, coverage.map((gap): [string, string] => [gap.fact, gap.value])] } : {};

/** `[fragment, amountYuan]` per item, list by list in MATCH_LISTS order. */
export type Packed<Ref = number> = {
  v: string; d: string; l: [Ref, number | null][][]; t: MatchSummary['totals']; q: MatchSummary['questions'];
  /** Coverage gaps as the region and [fact, value] pairs: their words are written again on reading. */
  c?: [string, [string, string][]];
};

/** The summary with each item as its fragment's number (in `fragments`) and its amount. */
export function packLists(summary: MatchSummary, fragments: Fragments): Packed {
  const pack = (item: SummaryItem): [number, number | null] => [fragments.numberOf(item), item.amountYuan];
  return { v: summary.rulesetVersion, d: summary.asOf, l: MATCH_LISTS.map((list) => summary[list].map(pack)), t: summary.totals, q: summary.questions, ...packCoverage(summary.coverage) };
}

/** A packed answer numbered in one Fragments, renumbered in another: answers packed elsewhere (a thread) join a screening's. */
export function renumber<From, To>(packed: Packed<From>, numberOf: (ref: From) => To): Packed<To> {
  return { ...packed, l: packed.l.map((list) => list.map(([ref, amount]): [To, number | null] => [numberOf(ref), amount])) };
}

export const packAnswer = (summary: MatchSummary, fragments: Fragments): string => JSON.stringify(packLists(summary, fragments));

export function unpackAnswer(text: string, fragments: Fragments): MatchSummary {
  const packed = JSON.parse(text) as Packed;
  const lists = Object.fromEntries(
    // Answers stored before a list existed have none of it.
    MATCH_LISTS.map((list, i) => [list, (packed.l[i] ?? []).map(([no, amountYuan]) => ({ ...fragments.item(no), amountYuan }))]),
  ) as Pick<MatchSummary, (typeof MATCH_LISTS)[number]>;
  // The key order of the summary view (summarizeProfile), so the JSON text is the one that was computed.
  return {
    rulesetVersion: packed.v,
    asOf: packed.d,
    eligible: lists.eligible,
    possible: lists.possible,
    nearMisses: lists.nearMisses,
    expired: lists.expired,
    notYetValid: lists.notYetValid,
    excluded: lists.excluded,
    situational: lists.situational,
    commitments: lists.commitments,
    totals: packed.t,
    questions: packed.q,
    coverage: packed.c ? packed.c[1].map(([fact, value]) => coverageGap(packed.c![0], fact, value)) : [],
  };
}

/** The fragment numbers of a rule's eligible items: applicants whose first list holds one are eligible for it. */
export function eligibleFragmentsOf(fragments: Fragments, ruleId: string): number[] {
  const numbers: number[] = [];
  fragments.entries().forEach((json, no) => {
    const item = fragments.item(no);
    if (item.ruleId === ruleId && item.status === 'eligible' && json) numbers.push(no);
  });
  return numbers;
}
