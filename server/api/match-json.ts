import { MATCH_LISTS, type MatchItem, type MatchResult } from '../domain/match-schema.ts';
import type { Ruleset } from '../domain/ruleset.ts';

/**
 * A match answer as JSON text. Most of each item (titles, sources, quotes) depends only on the rule, so its JSON is
 * written once per ruleset and reused; only the judged part (status, amount, reasons) is serialized per request.
 * JSON.parse of the text equals the MatchResult (key order aside).
 */
const JUDGED = ['status', 'amountYuan', 'amountByYear', 'amountNeeds', 'stacks', 'reasons', 'missingFacts', 'caveats', 'excludedBy', 'why', 'shortfall'] as const;
type StaticPart = Omit<MatchItem, (typeof JUDGED)[number]>;

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
  const judged: Record<string, unknown> = {};
  for (const key of JUDGED) judged[key] = item[key];
  return `${staticJson(ruleset, item)},${JSON.stringify(judged).slice(1)}`;
}

const listJson = (ruleset: Ruleset, items: MatchItem[]) => `[${items.map((item) => itemJson(ruleset, item)).join(',')}]`;

export function matchResultJson(ruleset: Ruleset, result: MatchResult): string {
  const rest: Record<string, unknown> = { ...result };
  for (const key of MATCH_LISTS) delete rest[key];
  const listsJson = MATCH_LISTS.map((key) => `"${key}":${listJson(ruleset, result[key])}`).join(',');
  return `${JSON.stringify(rest).slice(0, -1)},${listsJson}}`;
}

