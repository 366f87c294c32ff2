import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';

/** Below about a kilobyte, gzip saves less than its own overhead. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** Answers written in memory (c.json, c.html): small enough to measure before deciding. */
const IN_MEMORY_TYPES = /^(application\/json|text\/html)\b/i;

/**
 * gzip (or deflate) for text answers over the threshold, never for event streams. hono's compress skips small
 * bodies by their Content-Length; JSON and HTML answers built in memory have none, so they are measured first.
 */
export function compression(): MiddlewareHandler {
  const gzip = compress({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    contentTypeFilter: (type) => COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) && !/^text\/event-stream/i.test(type),
  });
  return (c, next) =>
    gzip(c, async () => {
      await next();
      const res = c.res;
      // hono's compress adds `Vary` through c.header(), which rebuilds the answer as a full Response: say it here.
      const vary = res.headers.get('Vary');
      if (vary !== '*' && !/accept-encoding/i.test(vary ?? '') && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('Content-Type') ?? '')) {
        res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      }
      // Headers first: reading `body` turns @hono/node-server's light answer into a full Response, which costs more
      // than a small match answer takes to compute.
      if (!/gzip|deflate|\*/i.test(c.req.header('Accept-Encoding') ?? '') || res.headers.has('Content-Length') || res.headers.has('Content-Encoding')) return;
      if (!IN_MEMORY_TYPES.test(res.headers.get('Content-Type') ?? '') || !res.body) return;
      const body = await res.arrayBuffer();
      c.res = new Response(body, res);
      c.res.headers.set('Content-Length', String(body.byteLength));
    });
}
