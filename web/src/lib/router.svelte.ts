/** History-API routing: the server answers every page path with index.html. */
import { authoringViewOf, type AuthoringView } from '../pages/authoring/hrefs.ts';

export type Route =
  | { page: 'finder' }
  | { page: 'documents' }
  | { page: 'document'; id: string }
  | { page: 'signIn' }
  | { page: 'users' }
  | { page: 'screenings' }
  | { page: 'screening'; id: number }
  | { page: 'applicant'; id: number; applicantId: number }
  | { page: 'authoring'; view: AuthoringView }
  | { page: 'notFound' };

function parse(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'finder' };
  if (pathname === '/documents' || pathname === '/documents/') return { page: 'documents' };
  if (pathname === '/account/sign-in') return { page: 'signIn' };
  if (pathname === '/admin/users') return { page: 'users' };
  if (pathname === '/screenings' || pathname === '/screenings/') return { page: 'screenings' };
  const screening = /^\/screenings\/(\d+)(?:\/applicants\/(\d+))?\/?$/.exec(pathname);
  if (screening) {
    const id = Number(screening[1]);
    return screening[2] ? { page: 'applicant', id, applicantId: Number(screening[2]) } : { page: 'screening', id };
  }
  const authoring = authoringViewOf(pathname);
  if (authoring) return { page: 'authoring', view: authoring };
  const match = /^\/documents\/([^/]+)\/?$/.exec(pathname);
  if (match) return { page: 'document', id: decodeURIComponent(match[1]!) };
  return { page: 'notFound' };
}

export const router = $state({ route: parse(location.pathname), search: location.search, hash: location.hash });

function sync() {
  router.route = parse(location.pathname);
  router.search = location.search;
  router.hash = location.hash;
}

addEventListener('popstate', sync);

export function navigate(href: string, { replace = false } = {}) {
  const url = new URL(href, location.href);
  const samePage = url.pathname === location.pathname;
  history[replace ? 'replaceState' : 'pushState'](null, '', url);
  sync();
  if (!samePage && !url.hash) {
    scrollTo(0, 0);
    // A screen reader starts reading the new page, as after a full page load.
    queueMicrotask(() => document.getElementById('main')?.focus({ preventScroll: true }));
  }
}

/** Lets plain `<a href>` links inside the app route in the browser (keeps new-tab and modified clicks native). */
export function interceptLinks(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  // A jump within the page is the browser's own: it scrolls, and popstate tells the router.
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

export const documentHref = (documentId: string, ruleId?: string) =>
  `/documents/${encodeURIComponent(documentId)}${ruleId ? `#${ruleAnchor(ruleId)}` : ''}`;

/** A rule id (`doc/art-03`) as an element id. */
export const ruleAnchor = (ruleId: string) => `rule-${ruleId.replace(/[^a-zA-Z0-9-]/g, '_')}`;

export const screeningHref = (id: number) => `/screenings/${id}`;
export const applicantHref = (id: number, applicantId: number) => `/screenings/${id}/applicants/${applicantId}`;
