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

async function respond(path: string, init?: RequestInit): Promise<{ body: unknown; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  } catch {
    throw new ApiError(0, 'network');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? response.statusText, body?.error?.issues ?? []);
  return { body, headers: response.headers };
}

const request = async <T>(path: string, init?: RequestInit): Promise<T> => (await respond(path, init)).body as T;

const query = (filter: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string | number] => !!entry[1] || entry[1] === 0).map(([k, v]) => [k, String(v)]),
  );
  return params.size ? `?${params}` : '';
};

/** The server's largest page of /api/rules. */
const RULES_PER_PAGE = 500;

/** Every published rule that matches: /api/rules answers a page at a time, so this asks for pages until the total. */
async function allRules(filter: RuleFilter): Promise<RuleView[]> {
  const rules: RuleView[] = [];
  for (;;) {
    const { body, headers } = await respond(`/api/rules${query({ ...filter, limit: RULES_PER_PAGE, offset: rules.length })}`);
    const page = body as RuleView[];
    rules.push(...page);
    if (!page.length || rules.length >= Number(headers.get('x-total-count'))) return rules;
  }
}

export const api = {
  facts: () => request<FactView[]>('/api/facts'),
  documents: (filter: RuleFilter = {}) => request<DocumentSummary[]>(`/api/documents${query(filter)}`),
  rules: (filter: RuleFilter = {}) => allRules(filter),
  document: (id: string) => request<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`),
  match: (profile: ProfileDraft, asOf?: string) =>
    request<MatchResult>('/api/match', { method: 'POST', body: JSON.stringify(asOf ? { profile, asOf } : { profile }) }),
};
