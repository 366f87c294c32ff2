/** The one place that talks to the server. */
import type {
  ApplicantDetail,
  ApplicantQuery,
  ApplicantView,
  AuditEntry,
  AuthoringDocument,
  AuthoringDocumentDetail,
  CheckReport,
  DocumentDetail,
  DocumentSummary,
  FactView,
  HistoryItem,
  Impact,
  Issue,
  MatchResult,
  NewDocument,
  NewUser,
  ProfileDraft,
  Publication,
  PublicationImpact,
  Published,
  ReviewChange,
  RuleDiff,
  RuleFilter,
  RuleTestResult,
  RuleVersion,
  RuleView,
  SavedRule,
  ScreeningDetail,
  ScreeningView,
  SignedInUser,
  UserChange,
  UserView,
  Withdrawn,
} from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
    /** From Retry-After, when the server said how long to wait (429, 503). */
    readonly retryAfterSeconds: number | null = null,
    /** The whole answer, for refusals that say more than the error (a 409's `conflict`). */
    readonly body: unknown = null,
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
    throw new ApiError(response.status, body?.error?.message ?? response.statusText, body?.error?.issues ?? [], retryAfter > 0 ? retryAfter : null, body);
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

  // Authoring: a rule id holds a slash and is sent encoded.
  authoringDocuments: () => request<AuthoringDocument[]>('/api/authoring/documents'),
  authoringDocument: (id: string) => request<AuthoringDocumentDetail>(`/api/authoring/documents/${encodeURIComponent(id)}`),
  addDocument: (document: NewDocument) => request<AuthoringDocument>('/api/authoring/documents', send('POST', document)),
  auditLog: (ruleId?: string) => request<AuditEntry[]>(`/api/authoring/audit${ruleId ? `?ruleId=${encodeURIComponent(ruleId)}` : ''}`),
  validateRule: (documentId: string, rule: unknown) => request<CheckReport>('/api/rules/validate', send('POST', { documentId, rule })),
  createRule: (documentId: string, rule: unknown, message?: string) => request<SavedRule>('/api/rules', send('POST', { documentId, rule, message })),
  updateRule: (id: string, rule: unknown, baseVersion: number, message?: string) =>
    request<SavedRule>(`/api/rules/${encodeURIComponent(id)}`, send('PUT', { rule, baseVersion, message })),
  publishRule: (id: string, version: number, message?: string) =>
    request<Published>(`/api/rules/${encodeURIComponent(id)}/publish`, send('POST', { version, message })),
  withdrawRule: (id: string, message?: string) => request<Withdrawn>(`/api/rules/${encodeURIComponent(id)}/withdraw`, send('POST', { message })),
  ruleHistory: (id: string) => request<HistoryItem[]>(`/api/rules/${encodeURIComponent(id)}/history`),
  ruleVersion: (id: string, version: number) => request<RuleVersion>(`/api/rules/${encodeURIComponent(id)}/versions/${version}`),
  ruleDiff: (id: string, from: number, to: number) => request<RuleDiff>(`/api/rules/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`),
  testRule: (id: string, input: { rule?: unknown; profile?: unknown; asOf?: string }) =>
    request<RuleTestResult>(`/api/rules/${encodeURIComponent(id)}/test`, send('POST', input)),
  ruleImpact: (id: string, rule: unknown) => request<Impact>(`/api/rules/${encodeURIComponent(id)}/impact`, send('POST', { rule })),
  publications: () => request<Publication[]>('/api/publications'),
  publication: (id: number) => request<PublicationImpact>(`/api/publications/${id}`),
  publicationExportHref: (id: number) => `/api/publications/${id}/export?format=csv`,

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
