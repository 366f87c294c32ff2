import { connect, type Socket } from 'node:net';

/** Only ever 127.0.0.1: the tests talk to servers they started themselves. */
export const LOCALHOST = '127.0.0.1';

export type RawAnswer = { status: number; headers: Record<string, string>; body: string };

/** Sends bytes as they are (no client library to tidy up a bad Host header) and reads the answer to its end. */
export function rawRequest(port: number, request: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, LOCALHOST);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.end(request);
  });
}

/** A request with `Connection: close`, so the answer ends with the connection. */
export const get = (path: string, host: string | null) =>
  `GET ${path} HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`;

/** A connection that is opened and left alone; resolves when the server closes it. */
export function silentConnection(port: number): { socket: Socket; closed: Promise<void> } {
  const socket = connect(port, LOCALHOST);
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return { socket, closed };
}
