import type { Context, MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { errorBody } from '../api/errors.ts';

/** What a 304 keeps of the 200 it stands for. */
const KEPT_ON_304 = new Set(['cache-control', 'content-location', 'date', 'etag', 'expires', 'last-modified', 'vary']);

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** If-None-Match against our tag, compared weakly as RFC 9110 asks for GET. */
const tagMatches = (ifNoneMatch: string, etag: string) =>
  ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));

/** The client's copy is current: If-None-Match decides when sent, else If-Modified-Since. */
function clientHasIt(c: Context, etag: string, lastModified: string | null): boolean {
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch !== undefined) return tagMatches(ifNoneMatch, etag);
  const ifModifiedSince = c.req.header('If-Modified-Since');
  if (ifModifiedSince === undefined || lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

async function answerNotModified(c: Context): Promise<void> {
  await c.res.body?.cancel();
  c.res = new Response(null, { status: 304, headers: c.res.headers });
  // Assigning c.res copies the 200's headers: drop those a 304 must not carry.
  for (const name of [...c.res.headers.keys()]) if (!KEPT_ON_304.has(name)) c.res.headers.delete(name);
}

const isConditionalCandidate = (c: Context) => (c.req.method === 'GET' || c.req.method === 'HEAD') && c.res.status === 200;

/**
 * GET answers of the API get an ETag (the ruleset version and a digest of the body) and `Cache-Control: no-cache`,
 * so clients revalidate and get a 304 while the ruleset and the answer are unchanged. An answer that already says
 * how it may be cached keeps its own rules and gets no ETag: signed-in answers set `Cache-Control: no-store`
 * (an answer that sets a cookie is never tagged either).
 */
export function apiEtags(rulesetVersion: () => string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!isConditionalCandidate(c) || c.res.headers.has('Cache-Control') || c.res.headers.has('Set-Cookie') || !c.res.body) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const etag = `W/"${rulesetVersion()}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', 'no-cache');
    if (clientHasIt(c, etag, null)) await answerNotModified(c);
  };
}

/** Files named by their content (the web build's `assets/`) never change under their name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else is revalidated on every use: `index.html` must name the current assets. */
export const REVALIDATE = 'no-cache';

/**
 * For files answered by serveStatic (which sets Content-Length and Last-Modified): Cache-Control by path, an ETag
 * from size and modification time, and a 304 to a client whose copy is current. A Range outside the file gets its
 * 416 in the error shape.
 */
export function staticCaching(cacheControlFor: (path: string) => string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status === 416) {
      c.res = c.json(errorBody('range_not_satisfiable', '请求的范围超出文件 (range not satisfiable)'), 416);
      return;
    }
    const lastModified = c.res.headers.get('Last-Modified');
    if (!isConditionalCandidate(c) || lastModified === null) return;
    const size = Number(c.res.headers.get('Content-Length'));
    const etag = `W/"${size.toString(36)}-${(Date.parse(lastModified) / 1000).toString(36)}"`;
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', cacheControlFor(c.req.path));
    if (clientHasIt(c, etag, lastModified)) await answerNotModified(c);
  };
}
