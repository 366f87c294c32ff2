import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Two small shipped documents (1 rule and 4 rules): enough for the server to start on, quick to load. */
export const SMALL_CORPUS = ['ningxia-government-openness-2023', 'gansu-pingliang-government-openness-2023'];

/** A temporary folder readable by everyone (a test may run the server as another user), with a copy of the corpus. */
export function tempSetup(documents = SMALL_CORPUS): { dir: string; rulesDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-start-'));
  chmodSync(dir, 0o755);
  const rulesDir = join(dir, 'rules');
  mkdirSync(rulesDir);
  for (const id of documents) for (const ext of ['json', 'txt']) cpSync(join('rules', `${id}.${ext}`), join(rulesDir, `${id}.${ext}`));
  return { dir, rulesDir };
}

export type Started = { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null>; port: Promise<number> };

/**
 * `server/index.ts` in a child process, on 127.0.0.1 and a port of its choosing (PORT=0) unless told otherwise.
 * `port` resolves from its "listening on" line; `exited` with its exit code.
 */
export function startServer(env: Record<string, string>, options: { uid?: number; gid?: number } = {}): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', WEB_ROOT: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const port = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const found = /listening on http:\/\/localhost:(\d+)/.exec(stdout);
      if (found) resolve(Number(found[1]));
    });
    child.on('close', () => reject(new Error(`server exited before listening: ${stderr}`)));
  });
  port.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited, port };
}

/** When the tests run as root, a read-only file is read-only only for another user. */
export const otherUser = () => (process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {});
