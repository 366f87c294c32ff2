import type { MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';
import { errorBody } from '../api/errors.ts';

/**
 * Refuses bodies over the limit with 413. A body that states its Content-Length is judged by the header alone: hono's
 * bodyLimit reads `c.req.raw.body`, which makes @hono/node-server build a full web Request and stream for every
 * request. Only a body without a length (chunked) is counted as it streams in.
 */
export function bodyLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = streamingBodyLimit({
    maxSize,
    onError: (c) => c.json(errorBody('payload_too_large', '请求体过大 (request body too large)'), 413),
  });
  return (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return tooLarge(c, next);
    if (Number(length) > maxSize) return tooLarge(c, next);
    return next();
  };
}
