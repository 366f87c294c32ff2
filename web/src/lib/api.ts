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

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  } catch {
    throw new ApiError(0, 'network');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? response.statusText, body?.error?.issues ?? []);
  return body as T;
}

const query = (filter: RuleFilter) => {
  const params = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1]));
  return params.size ? `?${params}` : '';
};

export const api = {
  facts: () => request<FactView[]>('/api/facts'),
  documents: (filter: RuleFilter = {}) => request<DocumentSummary[]>(`/api/documents${query(filter)}`),
  rules: (filter: RuleFilter = {}) => request<RuleView[]>(`/api/rules${query(filter)}`),
  document: (id: string) => request<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`),
  match: (profile: ProfileDraft, asOf?: string) =>
    request<MatchResult>('/api/match', { method: 'POST', body: JSON.stringify(asOf ? { profile, asOf } : { profile }) }),
};
