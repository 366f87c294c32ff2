/** The one place that talks to the server. */
import type {
  DocumentDetail,
  DocumentSummary,
  FactView,
  Issue,
  MatchResult,
  NewUser,
  ProfileDraft,
  RuleFilter,
  RuleView,
  SignedInUser,
  UserChange,
  UserView,
} from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
    /** From Retry-After, when the server said how long to wait (429, 503). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

let onSignedOut: (() => void) | null = null;

/** Who to tell when the server answers 401 outside /api/auth (the session ended): the session module shows sign-in. */
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      // The session cookie goes with every request to our own origin, never elsewhere.
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const body = await response.json().catch(() => null);
  if (response.status === 401 && !path.startsWith('/api/auth/')) onSignedOut?.();
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, body?.error?.message ?? response.statusText, body?.error?.issues ?? [], retryAfter > 0 ? retryAfter : null);
  }
  return body as T;
}

const send = (method: string, body?: unknown): RequestInit => ({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

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
  me: () => request<SignedInUser>('/api/auth/me'),
  login: (name: string, password: string) => request<SignedInUser>('/api/auth/login', send('POST', { name, password })),
  logout: () => request<null>('/api/auth/logout', send('POST')),
  users: () => request<UserView[]>('/api/users'),
  addUser: (user: NewUser) => request<UserView>('/api/users', send('POST', user)),
  changeUser: (id: number, change: UserChange) => request<UserView>(`/api/users/${id}`, send('PATCH', change)),
};
