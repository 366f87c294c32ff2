/** Who is signed in, shared by the header and the staff pages. The session itself is the server's HttpOnly cookie. */
import { api, ApiError, whenSignedOut } from './api.ts';
import { navigate, router } from './router.svelte.ts';
import type { Role, SignedInUser } from './types.ts';

export const session = $state({
  user: null as SignedInUser | null,
  /** False until the server has said whether this browser has a session. */
  checked: false,
  /** Set when a request found the session ended, so the sign-in page can say why. */
  ended: false,
});

export async function loadSession() {
  try {
    session.user = await api.me();
  } catch (error) {
    // 401: nobody is signed in, the usual case for a business using the finder.
    if (!(error instanceof ApiError && error.status === 401)) console.warn('session check failed', error);
    session.user = null;
  } finally {
    session.checked = true;
  }
}

export async function signIn(name: string, password: string) {
  session.user = await api.login(name, password);
  session.ended = false;
}

export async function signOut() {
  try {
    await api.logout();
  } finally {
    session.user = null;
    navigate('/');
  }
}

/** An admin may do everything; the others what their role allows. */
export const mayAct = (role: Role) => !!session.user && (session.user.role === 'admin' || session.user.role === role);

/** Where a role starts after signing in without a page to return to. */
export const homeOf = (role: Role) => (role === 'admin' ? '/admin/users' : role === 'officer' ? '/screenings' : '/');

/** Only a path of this app is a place to return to after sign-in (never `//elsewhere` or a full URL). */
export const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export const signInHref = (next = location.pathname + location.search) =>
  next === '/' ? '/account/sign-in' : `/account/sign-in?next=${encodeURIComponent(next)}`;

// A staff page whose request comes back 401 lost its session: show sign-in, and come back afterwards.
whenSignedOut(() => {
  session.user = null;
  session.ended = true;
  if (router.route.page !== 'signIn') navigate(signInHref(), { replace: true });
});
