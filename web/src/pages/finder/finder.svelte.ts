/** The questionnaire's state: answers (kept in localStorage and the URL), what is typed, errors, and the running match. */
import { tick } from 'svelte';
import { api, ApiError } from '../../lib/api.ts';
import { todayInChina } from '../../lib/dates.ts';
import { catalogue, isMoney } from '../../lib/facts.svelte.ts';
import type { MessageKey } from '../../lib/i18n.svelte.ts';
import { holdPlace } from '../../lib/keep-place.ts';
import { chineseYuan, parseMoney } from '../../lib/money.ts';
import { AS_OF_PARAM, isIsoDate, profileFromParams, profileToParams } from '../../lib/profile-params.ts';
import { provinceWithoutDocuments } from '../../lib/regions.svelte.ts';
import { exactRegion, type RegionChoice } from '../../lib/region-filter.ts';
import { typedUnits } from '../../lib/typed-units.svelte.ts';
import type { FactValue, FactView, MatchItem, MatchResult, ProfileDraft } from '../../lib/types.ts';

const STORAGE_KEY = 'huiqi.profile';
const DEBOUNCE_MS = 250;
/** Asked in step 1, before anything else. */
export const FIRST_STEP_FACTS = ['province', 'city', 'entityType'] as const;
/** Asked in their own optional step, whether or not a rule asks: what a business is going through, what else it is,
 * its industries and founders — the facts whose gaps in the region's documents the answer reports (coverage). */
export const MORE_FACTS = ['situations', 'organisationRoles', 'industries', 'founderGroups'] as const;

/** The lists of a match answer, by the names the page uses for them. */
export const LISTS = ['eligible', 'possible', 'nearMisses', 'excluded', 'expired', 'notYetValid', 'situational', 'commitments'] as const;
export type ListName = (typeof LISTS)[number];

/** A benefit answered on its own card: where it was, to say where it went. */
type InPlace = { ruleId: string; title: string; from: ListName };

export const finder = $state({
  profile: {} as ProfileDraft,
  /** What is typed in text and number boxes, as typed (money in 万元). */
  drafts: {} as Record<string, string>,
  /** Message keys of answers the form rejects. */
  invalid: {} as Record<string, MessageKey>,
  /** Messages of answers the API rejected (400, by `profile.<fact>`). */
  rejected: {} as Record<string, string>,
  /** Money typed as a bare number so large it is probably yuan: held back from matching until the person says. */
  doubtful: {} as Record<string, { asWan: number; asYuan: number }>,
  asOf: null as string | null,
  result: null as MatchResult | null,
  loading: false,
  error: null as unknown,
  /** Facts in the order they were first asked, so questions keep their place once answered. */
  asked: [] as string[],
  /** Facts the person has answered or cleared in this visit: their field stays put while they retype. */
  touched: {} as Record<string, true>,
  /** What became of the benefit last answered on its card, for the live announcement. */
  moved: null as { ruleId: string; title: string; from: ListName; to: ListName | null } | null,
  ready: false,
});

let inPlace: InPlace | null = null;

export const isAnswered = (name: string) => finder.profile[name] !== undefined;
export const canMatch = () =>
  typeof finder.profile.province === 'string' && typeof finder.profile.entityType === 'string' && !provinceWithoutDocuments(finder.profile.province);
/** The date results are judged on: the one chosen, or today in China. */
export const judgedOn = () => finder.asOf ?? todayInChina();

function draftFor(fact: FactView, value: FactValue | undefined): string {
  if (typeof value === 'number') return isMoney(fact) ? String(Number((value / 10000).toFixed(6))) : String(value);
  if (typeof value === 'string') return value;
  return '';
}

/** Restores answers from the link if it carries any, else from this browser. */
export function restoreAnswers() {
  if (finder.ready) return persist();
  const params = new URLSearchParams(location.search);
  let profile = profileFromParams(params, catalogue.facts);
  if (!Object.keys(profile).length) {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
      profile = profileFromParams(profileToParams(stored.profile ?? {}, null), catalogue.facts);
      if (isIsoDate(stored.asOf)) finder.asOf = stored.asOf;
    } catch {
      profile = {};
    }
  }
  const asOf = params.get(AS_OF_PARAM);
  if (isIsoDate(asOf)) finder.asOf = asOf;
  finder.profile = profile;
  finder.drafts = Object.fromEntries(catalogue.facts.map((fact) => [fact.name, draftFor(fact, profile[fact.name])]));
  const elsewhere: readonly string[] = [...FIRST_STEP_FACTS, ...MORE_FACTS];
  finder.asked = catalogue.facts.map((f) => f.name).filter((name) => name in profile && !elsewhere.includes(name));
  finder.ready = true;
  answersChanged();
}

function persist() {
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ profile: finder.profile, asOf: finder.asOf }));
  if (location.pathname === '/') {
    const params = profileToParams(finder.profile, finder.asOf);
    history.replaceState(history.state, '', params.size ? `/?${params}` : '/');
  }
}

/** A link to these answers; `asOf` pins the date (a printout's link shows what was printed, not today's). */
export function shareUrl(asOf: string | null = finder.asOf): string {
  const params = profileToParams(finder.profile, asOf);
  return `${location.origin}/${params.size ? `?${params}` : ''}`;
}

/** The region choices of a city or county question for the answers so far: the province's, the city's. */
export function regionChoices(fact: FactView): RegionChoice[] {
  const { province, city } = finder.profile;
  const options = (fact.options ?? []) as RegionChoice[];
  return options.filter((o) => o.province === province && (fact.divisions !== 'county' || !city || o.city === city));
}

export function setAnswer(name: string, value: FactValue | undefined) {
  finder.touched[name] = true;
  if (value === undefined) delete finder.profile[name];
  else finder.profile[name] = value;
  delete finder.rejected[name];
  delete finder.doubtful[name];
  if (name === 'province' || name === 'city') dropRegionsOutside();
  answersChanged();
}

/** A city or county that does not lie in the province (or city) now chosen is no longer an answer. */
function dropRegionsOutside() {
  for (const name of ['city', 'county']) {
    const fact = catalogue.byName.get(name);
    const value = finder.profile[name];
    if (!fact?.options || typeof value !== 'string') continue;
    if (regionChoices(fact).some((o) => o.value === value)) continue;
    delete finder.profile[name];
    finder.drafts[name] = '';
  }
}

/** An answer is being given on a benefit's card: the card may change list, and the page will say where it went. */
export function answeringOnCard(item: MatchItem, from: ListName) {
  inPlace = { ruleId: item.ruleId, title: item.title, from };
}

const FULL_WIDTH = /[０-９．，－]/g;
const toHalfWidth = (text: string) => text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Checks what was typed against the fact's type; a valid answer is stored (money read by parseMoney, in yuan). */
export function setDraft(fact: FactView, text: string) {
  finder.drafts[fact.name] = text;
  delete finder.invalid[fact.name];
  delete finder.doubtful[fact.name];
  const trimmed = toHalfWidth(text).trim();
  if (trimmed === '') return setAnswer(fact.name, undefined);
  if (fact.type === 'string') {
    if (trimmed.length > 60) return reject(fact.name, 'errTooLong');
    return setAnswer(fact.name, trimmed);
  }
  if (isMoney(fact)) {
    const money = parseMoney(trimmed);
    if (!money.ok) return reject(fact.name, money.error === 'negative' ? 'errNegative' : 'errMoney');
    typedUnits[fact.name] = money.unit;
    if (money.doubtful) {
      finder.doubtful[fact.name] = { asWan: money.yuan, asYuan: money.doubtful.asYuan };
      return holdBack(fact.name);
    }
    return setAnswer(fact.name, money.yuan);
  }
  const n = Number(trimmed.replace(/[,\s]/g, ''));
  if (!Number.isFinite(n)) return reject(fact.name, 'errNumber');
  if (n < 0) return reject(fact.name, 'errNegative');
  if (fact.integer && !Number.isInteger(n)) return reject(fact.name, 'errInteger');
  setAnswer(fact.name, n);
}

/** The person's word on a doubtful amount: yuan after all (the box then reads "3亿"), or 万元 as typed. */
export function settleDoubt(fact: FactView, reading: 'yuan' | 'wan') {
  const doubt = finder.doubtful[fact.name];
  if (!doubt) return;
  if (reading === 'yuan') return setDraft(fact, chineseYuan(doubt.asYuan).replace(/元$/, ''));
  setAnswer(fact.name, doubt.asWan);
}

/** A region typed in full (白银市, baiyin) is the choice it names; anything else waits for a choice from the list. */
export function setRegion(fact: FactView, typed: string, choice: RegionChoice | null = null) {
  const found = choice ?? exactRegion(regionChoices(fact), typed);
  delete finder.invalid[fact.name];
  if (found) {
    finder.drafts[fact.name] = found.value;
    return setAnswer(fact.name, found.value);
  }
  finder.drafts[fact.name] = typed;
  if (!typed.trim()) return setAnswer(fact.name, undefined);
  reject(fact.name, 'errPickRegion');
}

function reject(name: string, key: MessageKey) {
  finder.invalid[name] = key;
  holdBack(name);
}

/** An answer the form cannot use yet is not sent: the result stays as it was without it. */
function holdBack(name: string) {
  if (name in finder.profile) {
    delete finder.profile[name];
    answersChanged();
  }
}

export function setAsOf(date: string | null) {
  // Today is the default: kept unset, the link keeps meaning "today" on another day.
  finder.asOf = isIsoDate(date) && date !== todayInChina() ? date : null;
  answersChanged();
}

export function clearAnswers() {
  finder.profile = {};
  finder.drafts = {};
  finder.invalid = {};
  finder.rejected = {};
  finder.doubtful = {};
  finder.asked = [];
  finder.touched = {};
  finder.result = null;
  finder.moved = null;
  answersChanged();
}

let timer: ReturnType<typeof setTimeout> | undefined;
let latest = 0;

function answersChanged() {
  persist();
  clearTimeout(timer);
  if (!canMatch()) {
    finder.result = null;
    finder.loading = false;
    return;
  }
  finder.loading = true;
  timer = setTimeout(runMatch, DEBOUNCE_MS);
}

/** Which list of the answer holds a rule, if any. */
export const listOf = (result: MatchResult, ruleId: string): ListName | null => LISTS.find((list) => result[list].some((i) => i.ruleId === ruleId)) ?? null;

export async function runMatch() {
  const call = ++latest;
  finder.loading = true;
  try {
    const result = await api.match($state.snapshot(finder.profile), finder.asOf ?? undefined);
    if (call !== latest) return;
    // The reader keeps their place while the lists around the card they answered change.
    const restorePlace = holdPlace();
    finder.result = result;
    finder.error = null;
    finder.rejected = {};
    rememberQuestions(result);
    // Only an answer given on a card is announced; any other answer clears the last announcement.
    finder.moved = inPlace && { ...inPlace, to: listOf(result, inPlace.ruleId) };
    inPlace = null;
    await tick();
    restorePlace();
  } catch (error) {
    if (call !== latest) return;
    finder.error = error;
    if (error instanceof ApiError) {
      for (const issue of error.issues) {
        const fact = issue.path.replace(/^profile\./, '');
        if (fact !== issue.path) finder.rejected[fact] = issue.message;
      }
    }
  } finally {
    if (call === latest) finder.loading = false;
  }
}

/** Unanswered facts that change the result, most decisive first: the API's ranking, then near misses' shortfalls. */
export function rankedQuestions(result: MatchResult | null): { fact: string; rules: number; yuan: number }[] {
  if (!result) return [];
  const ranked = new Map(result.questions.map((q) => [q.fact, q]));
  for (const item of result.nearMisses) {
    const fact = item.shortfall?.fact;
    if (fact && !ranked.has(fact)) ranked.set(fact, { fact, rules: 1, yuan: item.amountYuan ?? 0 });
  }
  const elsewhere: readonly string[] = [...FIRST_STEP_FACTS, ...MORE_FACTS];
  return [...ranked.values()].filter((q) => !elsewhere.includes(q.fact) && catalogue.byName.has(q.fact));
}

function rememberQuestions(result: MatchResult) {
  const known = new Set(finder.asked);
  for (const q of rankedQuestions(result)) if (!known.has(q.fact)) finder.asked.push(q.fact);
}
