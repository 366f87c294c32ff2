import type { MatchItem, MatchResult } from '../domain/match-schema.ts';
import type { Ruleset } from '../domain/ruleset.ts';

/**
 * A match answer as JSON text. Most of each item (titles, sources, quotes) depends only on the rule, so its JSON is
 * written once per ruleset and reused; only the judged part (status, amount, reasons) is serialized per request.
 * JSON.parse of the text equals the MatchResult (key order aside).
 */
type StaticPart = Omit<MatchItem, 'status' | 'amountYuan' | 'stacks' | 'reasons' | 'missingFacts' | 'shortfall'>;

const staticJsonByRuleset = new WeakMap<Ruleset, Map<string, string>>();

function staticJson(ruleset: Ruleset, item: MatchItem): string {
  let cache = staticJsonByRuleset.get(ruleset);
  if (!cache) staticJsonByRuleset.set(ruleset, (cache = new Map()));
  let json = cache.get(item.ruleId);
  if (json === undefined) {
    const part: StaticPart = {
      ruleId: item.ruleId, title: item.title, summary: item.summary, category: item.category, concrete: item.concrete,
      amountText: item.amountText, upToYuan: item.upToYuan, exclusiveGroup: item.exclusiveGroup, source: item.source,
      validFrom: item.validFrom, validTo: item.validTo, department: item.department, notes: item.notes,
    };
    json = JSON.stringify(part).slice(0, -1);
    cache.set(item.ruleId, json);
  }
  return json;
}

function itemJson(ruleset: Ruleset, item: MatchItem): string {
  const { status, amountYuan, stacks, reasons, missingFacts, shortfall } = item;
  return `${staticJson(ruleset, item)},${JSON.stringify({ status, amountYuan, stacks, reasons, missingFacts, shortfall }).slice(1)}`;
}

const listJson = (ruleset: Ruleset, items: MatchItem[]) => `[${items.map((item) => itemJson(ruleset, item)).join(',')}]`;

export function matchResultJson(ruleset: Ruleset, result: MatchResult): string {
  const { eligible, possible, nearMisses, expired, notYetValid, ...rest } = result;
  const lists = { eligible, possible, nearMisses, expired, notYetValid };
  const listsJson = Object.entries(lists).map(([key, items]) => `"${key}":${listJson(ruleset, items)}`).join(',');
  return `${JSON.stringify(rest).slice(0, -1)},${listsJson}}`;
}
