/**
 * How a screening keeps each applicant's answer: the summary view, exactly as computed, in a few hundred bytes.
 *
 * A summary view runs to 20–90 KB per applicant (titles, amount texts, caveats and sources of a hundred benefits), so
 * 10,000 applicants would take about half a gigabyte. Nearly all of it repeats from one applicant to the next: an
 * item is the same text for every applicant it applies to except for its amount. So each item is split into its
 * amount and the rest; the rest (as JSON, with the amount left null in its place) is kept once per screening as a
 * numbered fragment, and the applicant keeps `[fragment, amount]` pairs. Expanding gives back the very same JSON.
 */
import { MATCH_LISTS, type MatchSummary, type SummaryItem } from '../match-schema.ts';

/** The fragments of one screening: numbered JSON texts, each kept once. */
export class Fragments {
  readonly #numbers = new Map<string, number>();
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

  numberOf(json: string): number {
    let no = this.#numbers.get(json);
    if (no === undefined) {
      no = this.#texts.length;
      this.#texts.push(json);
      this.#numbers.set(json, no);
      this.#fresh.push({ no, json });
    }
    return no;
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

/** `[fragment, amountYuan]` per item, list by list in MATCH_LISTS order. */
type Packed = { v: string; d: string; l: [number, number | null][][]; t: MatchSummary['totals']; q: MatchSummary['questions'] };

export function packAnswer(summary: MatchSummary, fragments: Fragments): string {
  const pack = (item: SummaryItem): [number, number | null] => [fragments.numberOf(JSON.stringify({ ...item, amountYuan: null })), item.amountYuan];
  const packed: Packed = {
    v: summary.rulesetVersion,
    d: summary.asOf,
    l: MATCH_LISTS.map((list) => summary[list].map(pack)),
    t: summary.totals,
    q: summary.questions,
  };
  return JSON.stringify(packed);
}

export function unpackAnswer(text: string, fragments: Fragments): MatchSummary {
  const packed = JSON.parse(text) as Packed;
  const lists = Object.fromEntries(
    MATCH_LISTS.map((list, i) => [list, packed.l[i]!.map(([no, amountYuan]) => ({ ...fragments.item(no), amountYuan }))]),
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
    totals: packed.t,
    questions: packed.q,
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
