import { getRequestListener, RequestError, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { errorBody } from '../api/errors.ts';
import { printable, type Log } from './request-log.ts';

export type ServerSettings = {
  /** A connection that sends and receives nothing this long is closed (IDLE_TIMEOUT_MS). */
  idleTimeoutMs: number;
  /** Headers for the answers written here, outside the app: the security headers. */
  headers: Record<string, string>;
  log: Log;
  /** The host name of requests that come without one (HTTP/1.0). */
  hostname?: string;
};

/**
 * Whole headers within 10 s (a slow-headers client holds nothing long); a whole request, body included, within 2 min
 * (room for a spreadsheet upload on a slow line); a kept-alive connection unused for 5 s (or the idle timeout, if
 * shorter) is closed.
 */
export const TIMEOUTS = { headersMs: 10_000, requestMs: 120_000, keepAliveMs: 5_000 } as const;

const jsonError = (code: string, message: string) => JSON.stringify(errorBody(code, message));

/** The app's fetch: it must hand the bindings on, or the app cannot read the client's socket (`getConnInfo`). */
export type Fetch = (request: Request, bindings: HttpBindings | Http2Bindings) => Response | Promise<Response>;

/**
 * The Node HTTP server for the app, with timeouts set. A request the adapter cannot even turn into a Request (a
 * Host header no URL can hold) and a request Node cannot parse both get a 400 in the error shape, with the security
 * headers and a request id, and one log line, as the app's own failures do.
 */
export function createHttpServer(fetch: Fetch, settings: ServerSettings): Server {
  const refusal = (error: unknown) => {
    const id = randomUUID();
    const headers = { 'Content-Type': 'application/json; charset=UTF-8', 'X-Request-Id': id, ...settings.headers };
    if (!(error instanceof RequestError)) {
      settings.log('error', `500 request failed before routing id=${id} ${(error as Error)?.stack ?? error}`);
      return { status: 500, headers, body: jsonError('internal', '服务器内部错误 (internal server error)') };
    }
    settings.log('warn', `400 request refused before routing (${printable(error.message)}) id=${id}`);
    return { status: 400, headers, body: jsonError('bad_request', '请求头 Host 或地址无效 (invalid Host header or URL)') };
  };
  const rejectBeforeRouting = (error: unknown) => {
    const { status, headers, body } = refusal(error);
    return new Response(body, { status, headers });
  };
  const listener = getRequestListener(fetch, { hostname: settings.hostname, errorHandler: rejectBeforeRouting });
  const server = createServer(
    {
      headersTimeout: TIMEOUTS.headersMs,
      requestTimeout: TIMEOUTS.requestMs,
      keepAliveTimeout: Math.min(TIMEOUTS.keepAliveMs, settings.idleTimeoutMs),
      connectionsCheckingInterval: 1_000,
      // Node would answer a missing Host with an empty 400; it gets the error shape below instead.
      requireHostHeader: false,
    },
    (incoming, outgoing) => {
      if (incoming.httpVersion === '1.1' && incoming.headers.host === undefined) {
        const { status, headers, body } = refusal(new RequestError('Missing host header'));
        outgoing.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) }).end(body);
        return;
      }
      void listener(incoming, outgoing);
    },
  );
  // With no 'timeout' listener, Node destroys a socket idle this long.
  server.setTimeout(settings.idleTimeoutMs);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerUnparsable(error, socket, settings));
  // A proxy tunnel is not served here; without this Node would close the connection without a word.
  server.on('connect', (_request: unknown, socket: Socket) => {
    const id = answerOnSocket(socket, 405, jsonError('method_not_allowed', '不支持 CONNECT 方法 (CONNECT is not supported)'), settings, { Allow: ALLOWED_METHODS });
    settings.log('warn', `405 CONNECT refused id=${id}`);
  });
  return server;
}

/** The methods the app answers (CONNECT is refused before it). */
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/** What Node's own clientError handler would send (431, 408 or 400), in the error shape. */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Socket, settings: ServerSettings): void {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  // The client closed the connection mid-request: nobody is left to answer. A request the app was given logs itself.
  if (error.code === 'HPE_INVALID_EOF_STATE') {
    if (!inFlight) settings.log('info', `aborted request (the client closed the connection before its headers were read)`);
    socket.destroy();
    return;
  }
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body =
    status === 431 ? jsonError('headers_too_large', '请求头过大 (request headers too large)')
    : status === 408 ? jsonError('request_timeout', '请求超时 (request timeout)')
    : jsonError('bad_request', '无法解析的请求 (malformed HTTP request)');
  const id = answerOnSocket(socket, status, body, settings);
  settings.log('warn', `${status} unparsable request (${error.code ?? error.message}) id=${id}`);
}

/** Writes a whole answer straight to the socket (no request object exists to answer through) and closes it. */
function answerOnSocket(socket: Socket, status: number, body: string, settings: ServerSettings, extra: Record<string, string> = {}): string {
  const id = randomUUID();
  const headers = { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close', 'X-Request-Id': id, ...extra, ...settings.headers };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
  return id;
}

/** Listens, or rejects with the listen error (EADDRINUSE, EACCES, EADDRNOTAVAIL) without leaving anything open. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Stops accepting, closes idle connections at once, lets requests in progress finish for `graceMs`, then closes
 * every connection left: the promise settles when the last one is gone.
 */
export function closeServer(server: Server, graceMs = 3_000): Promise<void> {
  return new Promise((resolve) => {
    const stragglers = setTimeout(() => server.closeAllConnections(), graceMs);
    stragglers.unref();
    server.close(() => {
      clearTimeout(stragglers);
      resolve();
    });
    server.closeIdleConnections();
  });
}
