/** The one place that talks to the server. */
import type { DocumentDetail, DocumentSummary, FactView, Issue, MatchResult, ProfileDraft, RuleFilter, RuleView } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

async function send(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body?.error?.message ?? response.statusText, body?.error?.issues ?? []);
  }
  return response;
}

const request = async <T>(path: string, init?: RequestInit): Promise<T> => (await send(path, init)).json() as Promise<T>;

const query = (filter: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams(
    Object.entries(filter)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );
  return params.size ? `?${params}` : '';
};

/** The largest page GET /api/rules gives. */
const RULES_PAGE = 500;

/** Every published rule that fits the filter, a page at a time (the total is in X-Total-Count). */
async function allRules(filter: RuleFilter): Promise<RuleView[]> {
  const rules: RuleView[] = [];
  for (;;) {
    const response = await send(`/api/rules${query({ ...filter, limit: RULES_PAGE, offset: rules.length })}`);
    const page = (await response.json()) as RuleView[];
    rules.push(...page);
    const total = Number(response.headers.get('x-total-count'));
    // A server that does not page answers everything at once, without a total.
    if (!page.length || !Number.isFinite(total) || !response.headers.has('x-total-count') || rules.length >= total) return rules;
  }
}

export const api = {
  facts: () => request<FactView[]>('/api/facts'),
  documents: (filter: RuleFilter = {}) => request<DocumentSummary[]>(`/api/documents${query(filter)}`),
  rules: allRules,
  document: (id: string) => request<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`),
  match: (profile: ProfileDraft, asOf?: string) =>
    request<MatchResult>('/api/match', { method: 'POST', body: JSON.stringify(asOf ? { profile, asOf } : { profile }) }),
};
