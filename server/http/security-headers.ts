import type { MiddlewareHandler } from 'hono';

export type SecuritySettings = {
  /** Strict-Transport-Security max-age, for a site served over HTTPS (the HSTS_MAX_AGE setting); null: no header. */
  hstsMaxAgeSeconds?: number | null;
};

/**
 * Everything the pages load comes from this server: the web app's built files, and Swagger UI's files with its
 * start-up script (server/api/docs-page.ts) under /api/docs. Nothing inline, no other origin, no framing.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every answer carries, worked out once from the settings. */
export function securityHeaderValues(settings: SecuritySettings = {}): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(settings.hstsMaxAgeSeconds ? { 'Strict-Transport-Security': `max-age=${settings.hstsMaxAgeSeconds}` } : {}),
  };
}

/** Adds the security headers to every answer, errors included; a route that set one of them keeps its own. */
export function securityHeaders(settings: SecuritySettings = {}): MiddlewareHandler {
  const headers = Object.entries(securityHeaderValues(settings));
  const addTo = (target: Headers) => {
    for (const [name, value] of headers) if (!target.has(name)) target.set(name, value);
  };
  return async (c, next) => {
    await next();
    try {
      addTo(c.res.headers);
    } catch {
      // A Response built elsewhere (Response.redirect, fetch) has immutable headers: send a copy.
      c.res = new Response(c.res.body, c.res);
      addTo(c.res.headers);
    }
  };
}
