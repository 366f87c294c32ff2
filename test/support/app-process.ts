/** `npm start`'s server (server/index.ts) in a process of its own, for tests and benches that need several. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export type AppProcess = {
  origin: string;
  child: ChildProcess;
  /** The server's resident memory (VmRSS) and its peak so far (VmHWM), in MiB. */
  memoryMiB: (field: 'VmRSS' | 'VmHWM') => number;
  stop: () => void;
};

/** Starts the server on `databasePath` (no web build: `dir/no-web`) and answers once it listens. */
export async function startAppProcess(databasePath: string, dir: string, options: { rulesDir?: string; env?: Record<string, string> } = {}): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, RULES_DIR: options.rulesDir ?? 'rules',
      WEB_ROOT: join(dir, 'no-web'), ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('listening on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const memoryMiB = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  return { origin: `http://127.0.0.1:${port}`, child, memoryMiB, stop: () => child.kill('SIGTERM') };
}
