import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';

/** Where the server's lines go: `console` in production, a list in tests. */
export type Log = (level: 'info' | 'warn' | 'error', line: string) => void;
export const consoleLog: Log = (level, line) => console[level](line);

/** A path as it can be printed on one line: control characters escaped, at most 200 characters. */
export const printable = (text: string) => {
  const escaped = JSON.stringify(text).slice(1, -1);
  return escaped.length > 200 ? `${escaped.slice(0, 199)}…` : escaped;
};

/**
 * Whether the client closed the connection before its request had arrived whole: the app's answer reaches nobody,
 * and nothing failed here. Node says so on the request it parsed (served by @hono/node-server, `c.env.incoming`).
 */
export function abortedByClient(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming !== undefined && incoming.destroyed && !incoming.complete;
}

/**
 * Gives every request an id (the client's `X-Request-Id` when it is a plain token, else a new one, sent back in the
 * same header) and writes one line per failed request with it. Bad input is one line without a stack trace; an
 * unexpected error is logged once, here, with its stack; a request its client abandoned is logged as aborted.
 */
export function requestLog(log: Log): MiddlewareHandler[] {
  const logFailures: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    if (status < 400) return;
    const took = `${Math.round(performance.now() - started)}ms id=${c.get('requestId')}`;
    if (abortedByClient(c)) return log('info', `aborted ${c.req.method} ${printable(c.req.path)} ${took} (the client closed the connection mid-request)`);
    const line = `${status} ${c.req.method} ${printable(c.req.path)} ${took}`;
    const error = c.error;
    if (status >= 500 && error && !(error instanceof HTTPException)) log('error', `${line} ${error.stack ?? error}`);
    else log('warn', line);
  };
  return [requestId({ limitLength: 64 }), logFailures];
}
