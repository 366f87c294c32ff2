/** Addresses of the authoring pages (a rule id holds a slash: it is encoded as one path segment). */
export const authoringHref = '/authoring';
export const authoringDocumentHref = (documentId: string) => `/authoring/documents/${encodeURIComponent(documentId)}`;
export const newRuleHref = (documentId: string) => `/authoring/documents/${encodeURIComponent(documentId)}/new`;
export const authoringRuleHref = (ruleId: string) => `/authoring/rules/${encodeURIComponent(ruleId)}`;
export const publicationsHref = '/publications';

/** Which authoring page an address shows. */
export type AuthoringView =
  | { kind: 'home' }
  | { kind: 'document'; documentId: string }
  | { kind: 'newRule'; documentId: string }
  | { kind: 'rule'; ruleId: string }
  | { kind: 'publications' };

/** The authoring page of a path, or null when the path is not one. */
export function authoringViewOf(pathname: string): AuthoringView | null {
  if (pathname === '/authoring' || pathname === '/authoring/') return { kind: 'home' };
  if (pathname === '/publications') return { kind: 'publications' };
  const rule = /^\/authoring\/rules\/([^/]+)\/?$/.exec(pathname);
  if (rule) return { kind: 'rule', ruleId: decodeURIComponent(rule[1]!) };
  const document = /^\/authoring\/documents\/([^/]+)(\/new)?\/?$/.exec(pathname);
  if (document) return { kind: document[2] ? 'newRule' : 'document', documentId: decodeURIComponent(document[1]!) };
  return null;
}
