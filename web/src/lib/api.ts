/** The one place that talks to the server. */
import type {
  ApplicantDetail,
  ApplicantQuery,
  ApplicantView,
  DocumentDetail,
  DocumentSummary,
  FactView,
  Issue,
  MatchResult,
  NewUser,
  ProfileDraft,
  ReviewChange,
  RuleFilter,
  RuleView,
  ScreeningDetail,
  ScreeningView,
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
      // A FormData body (a file upload) sets its own multipart content type.
      headers: { accept: 'application/json', ...(init?.body && !(init.body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
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
  screenings: () => request<ScreeningView[]>('/api/screenings?limit=200'),
  /** A screening, its progress and a page of its applicants (sort, filters and page in the query, never applicant data). */
  screening: (id: number, query: ApplicantQuery = {}) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    return request<ScreeningDetail>(`/api/screenings/${id}${params.size ? `?${params}` : ''}`);
  },
  /** A CSV or XLSX upload (`file`, optional `name` and `asOf`). */
  createScreening: (form: FormData) => request<ScreeningView>('/api/screenings', { method: 'POST', body: form }),
  rerun: (id: number) => request<ScreeningView>(`/api/screenings/${id}/rerun`, send('POST')),
  applicant: (id: number, applicantId: number) => request<ApplicantDetail>(`/api/screenings/${id}/applicants/${applicantId}`),
  review: (id: number, applicantId: number, change: ReviewChange) => request<ApplicantView>(`/api/screenings/${id}/applicants/${applicantId}`, send('PATCH', change)),
};

/** Downloads the browser fetches itself (a link with the session cookie): the import template, a screening's results. */
export const downloads = {
  template: (format: 'csv' | 'xlsx') => `/api/screenings/template?format=${format}`,
  export: (id: number, format: 'csv' | 'xlsx', table: 'applicants' | 'benefits' = 'applicants') => `/api/screenings/${id}/export?format=${format}&table=${table}`,
};
