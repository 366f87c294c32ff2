/** The questionnaire's state: answers (kept in localStorage and the URL), what is typed, errors, and the running match. */
import { api, ApiError } from '../../lib/api.ts';
import { catalogue, isMoney } from '../../lib/facts.svelte.ts';
import type { MessageKey } from '../../lib/i18n.svelte.ts';
import { AS_OF_PARAM, isIsoDate, profileFromParams, profileToParams } from '../../lib/profile-params.ts';
import type { FactValue, FactView, MatchResult, ProfileDraft } from '../../lib/types.ts';

const STORAGE_KEY = 'huiqi.profile';
const DEBOUNCE_MS = 250;
/** Asked in step 1, before anything else. */
export const FIRST_STEP_FACTS = ['province', 'city', 'entityType'] as const;

export const finder = $state({
  profile: {} as ProfileDraft,
  /** What is typed in text and number boxes, as typed (money in 万元). */
  drafts: {} as Record<string, string>,
  /** Message keys of answers the form rejects. */
  invalid: {} as Record<string, MessageKey>,
  /** Messages of answers the API rejected (400, by `profile.<fact>`). */
  rejected: {} as Record<string, string>,
  asOf: null as string | null,
  result: null as MatchResult | null,
  loading: false,
  error: null as unknown,
  /** Facts in the order they were first asked, so questions keep their place once answered. */
  asked: [] as string[],
  /** Facts the person has answered or cleared in this visit: their field stays put while they retype. */
  touched: {} as Record<string, true>,
  ready: false,
});

export const isAnswered = (name: string) => finder.profile[name] !== undefined;
export const canMatch = () => typeof finder.profile.province === 'string' && typeof finder.profile.entityType === 'string';

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
  finder.asked = catalogue.facts.map((f) => f.name).filter((name) => name in profile && !(FIRST_STEP_FACTS as readonly string[]).includes(name));
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

export function shareUrl(): string {
  const params = profileToParams(finder.profile, finder.asOf);
  return `${location.origin}/${params.size ? `?${params}` : ''}`;
}

export function setAnswer(name: string, value: FactValue | undefined) {
  finder.touched[name] = true;
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete finder.profile[name];
  else finder.profile[name] = value;
  delete finder.rejected[name];
  answersChanged();
}

const FULL_WIDTH = /[０-９．，－]/g;
const toHalfWidth = (text: string) => text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Checks what was typed against the fact's type; a valid answer is stored (money converted from 万元 to yuan). */
export function setDraft(fact: FactView, text: string) {
  finder.drafts[fact.name] = text;
  delete finder.invalid[fact.name];
  const trimmed = toHalfWidth(text).trim();
  if (trimmed === '') return setAnswer(fact.name, undefined);
  if (fact.type === 'string') {
    if (trimmed.length > 60) return reject(fact.name, 'errTooLong');
    // People write 白银市; the catalogue's city names are short (白银).
    return setAnswer(fact.name, fact.name === 'city' ? trimmed.replace(/(.{2,})市$/, '$1') : trimmed);
  }
  const n = Number(trimmed.replace(/[,\s]/g, ''));
  if (!Number.isFinite(n)) return reject(fact.name, 'errNumber');
  if (n < 0) return reject(fact.name, 'errNegative');
  if (fact.integer && !Number.isInteger(n)) return reject(fact.name, 'errInteger');
  setAnswer(fact.name, isMoney(fact) ? Math.round(n * 10000 * 100) / 100 : n);
}

function reject(name: string, key: MessageKey) {
  finder.invalid[name] = key;
  // An answer the form cannot read is not sent: the result stays as it was without it.
  if (name in finder.profile) {
    delete finder.profile[name];
    answersChanged();
  }
}

export function setAsOf(date: string | null) {
  finder.asOf = isIsoDate(date) ? date : null;
  answersChanged();
}

export function clearAnswers() {
  finder.profile = {};
  finder.drafts = {};
  finder.invalid = {};
  finder.rejected = {};
  finder.asked = [];
  finder.touched = {};
  finder.result = null;
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

export async function runMatch() {
  const call = ++latest;
  finder.loading = true;
  try {
    const result = await api.match($state.snapshot(finder.profile), finder.asOf ?? undefined);
    if (call !== latest) return;
    finder.result = result;
    finder.error = null;
    finder.rejected = {};
    rememberQuestions(result);
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

/** Unanswered facts that change the result, most decisive first: the API's ranking, then facts an amount needs, then near misses. */
export function rankedQuestions(result: MatchResult | null): { fact: string; rules: number; amountOnly: boolean }[] {
  if (!result) return [];
  const ranked = new Map(result.questions.map((q) => [q.fact, { ...q, amountOnly: false }]));
  for (const item of result.eligible) {
    for (const fact of item.missingFacts) if (!ranked.has(fact)) ranked.set(fact, { fact, rules: 1, amountOnly: true });
  }
  for (const item of result.nearMisses) {
    const fact = item.shortfall?.fact;
    if (fact && !ranked.has(fact)) ranked.set(fact, { fact, rules: 1, amountOnly: false });
  }
  return [...ranked.values()].filter((q) => !(FIRST_STEP_FACTS as readonly string[]).includes(q.fact) && catalogue.byName.has(q.fact));
}

function rememberQuestions(result: MatchResult) {
  const known = new Set(finder.asked);
  for (const q of rankedQuestions(result)) if (!known.has(q.fact)) finder.asked.push(q.fact);
}
