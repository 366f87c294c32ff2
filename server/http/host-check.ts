import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../api/errors.ts';

const HOST_CHARACTERS = /^[A-Za-z0-9.\-_:[\]]+$/;

/** The host name a request was sent to (lower case, without the port), or null when its Host header is not a host. */
export function requestHost(hostHeader: string | undefined, url: string): string | null {
  try {
    // The URL the adapter built from the Host header: parsing it here is where `xn--` or `256.0.0.1` would fail later.
    const { hostname } = new URL(url);
    if (hostHeader === undefined) return hostname;
    if (!HOST_CHARACTERS.test(hostHeader)) return null;
    return new URL(`http://${hostHeader}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * A malformed Host header is a 400 in the error shape, not an error deep in a route. With `allowedHosts` (the
 * ALLOWED_HOSTS setting), a request sent to any other host name is refused the same way.
 */
export function hostCheck(allowedHosts: readonly string[] | null): MiddlewareHandler {
  const allowed = allowedHosts && new Set(allowedHosts.map((host) => host.toLowerCase()));
  return async (c, next) => {
    const host = requestHost(c.req.header('host'), c.req.url);
    if (host === null) return c.json(errorBody('bad_request', '请求头 Host 无效 (invalid Host header)'), 400);
    if (allowed && !allowed.has(host)) return c.json(errorBody('bad_request', '不接受这个主机名 (host not allowed)'), 400);
    await next();
  };
}
