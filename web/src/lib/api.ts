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

async function respond(path: string, init?: RequestInit): Promise<{ body: unknown; headers: Headers }> {
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
  return { body, headers: response.headers };
}

const request = async <T>(path: string, init?: RequestInit): Promise<T> => (await respond(path, init)).body as T;

const send = (method: string, body?: unknown): RequestInit => ({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

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
  me: () => request<SignedInUser>('/api/auth/me'),
  login: (name: string, password: string) => request<SignedInUser>('/api/auth/login', send('POST', { name, password })),
  logout: () => request<null>('/api/auth/logout', send('POST')),
  users: () => request<UserView[]>('/api/users'),
  addUser: (user: NewUser) => request<UserView>('/api/users', send('POST', user)),
  changeUser: (id: number, change: UserChange) => request<UserView>(`/api/users/${id}`, send('PATCH', change)),
};
