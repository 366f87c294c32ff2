import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { errorBody } from '../api/errors.ts';
import { roleAllows, type Role } from '../domain/accounts.ts';
import type { Accounts } from './service.ts';
import type { SignedInUser } from './sessions.ts';
import type { AccountSettings } from './settings.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by the session middleware when the request carries a live session. */
    user: SignedInUser | undefined;
  }
}

/** Sent as `__Host-huiqi_session`: Secure, Path=/, no Domain, so no other site or subdomain can set or read it. */
const SESSION_COOKIE = 'huiqi_session';

export const sessionToken = (c: Context) => getCookie(c, SESSION_COOKIE, 'host');

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number) {
  setCookie(c, SESSION_COOKIE, token, { prefix: 'host', httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAge: maxAgeSeconds });
}

export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION_COOKIE, { prefix: 'host', path: '/', secure: true });

/**
 * Resolves the session cookie to `c.get('user')`; a dead session's cookie is cleared. Every answer to a signed-in
 * request, and every answer that sets a cookie, is marked `Cache-Control: no-store`: shared caches and the
 * browser's back button must not keep what one officer saw.
 */
export function sessions(accounts: Accounts) {
  return createMiddleware(async (c, next) => {
    const token = sessionToken(c);
    if (token !== undefined) {
      const resumed = accounts.resume(token);
      if (resumed) c.set('user', resumed.user);
      else clearSessionCookie(c);
    }
    await next();
    if (token !== undefined || c.get('user') || c.res.headers.has('set-cookie')) c.res.headers.set('Cache-Control', 'no-store');
  });
}

/**
 * Lets the request through when it is signed in with one of the roles (an admin may do everything): 401 when not
 * signed in, 403 otherwise. Give it in a route's `middleware` (createRoute), so the route cannot be mounted without it.
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware(async (c, next) => {
    const user = c.get('user');
    if (!user) return c.json(errorBody('unauthorized', '请先登录 (sign in first)'), 401);
    if (!roleAllows(user.role, roles)) return c.json(errorBody('forbidden', '没有权限 (not allowed for your role)'), 403);
    await next();
  });
}

/** The signed-in user in a handler behind `requireRole`. */
export function signedInUser(c: Context): SignedInUser {
  const user = c.get('user');
  if (!user) throw new HTTPException(401, { message: '请先登录 (sign in first)' });
  return user;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origin the browser addressed: behind trusted proxies, with the scheme they report. */
function ownOrigin(c: Context, trustProxy: number): string {
  const url = new URL(c.req.url);
  const proto = trustProxy > 0 ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  return proto === 'https' || proto === 'http' ? `${proto}://${url.host}` : url.origin;
}

/**
 * CSRF: a state-changing request from a browser must come from this origin (or one allowed in the settings). The
 * Origin header decides; without it, Sec-Fetch-Site must say same-origin. A request with neither is not from a
 * browser page, unless it carries the session cookie: then it is refused as well. CORS stays off, so no other site can
 * read answers either.
 */
export function sameOrigin(settings: Pick<AccountSettings, 'allowedOrigins' | 'trustProxy'>) {
  const allowed = new Set(settings.allowedOrigins);
  return createMiddleware(async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const ok =
      origin !== undefined
        ? origin === ownOrigin(c, settings.trustProxy) || allowed.has(origin)
        : site !== undefined
          ? site === 'same-origin'
          : sessionToken(c) === undefined;
    if (!ok) return c.json(errorBody('forbidden_origin', '请求来源不被允许 (cross-site request refused)'), 403);
    await next();
  });
}

/** The client's address: the socket's, or behind `trustProxy` proxies the one they appended to X-Forwarded-For. */
export function clientAddress(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
    const address = hops[hops.length - trustProxy];
    if (address) return address;
  }
  try {
    // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d: the same client, so the same count.
    return getConnInfo(c).remote.address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') ?? 'unknown';
  } catch {
    // No socket: a request made in-process (tests).
    return 'unknown';
  }
}
