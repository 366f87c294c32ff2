/**
 * (d) The finder while a large XLSX is uploaded: `npm start`'s server (server/index.ts, its own process, on-disk
 * database) takes POST /api/match (summary view) from autocannon, first alone, then while an officer uploads, one after
 * another, an XLSX inside every size limit but with 475,000 rows (issue 15: such a file stalled the server ~25 s).
 * Prints the finder's p99 in both runs, each upload's answer and time, and the server's peak RSS.
 */
import autocannon from 'autocannon';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { declaredUncompressedBytes } from '../server/screening/xlsx.ts';
import { generatedXlsx } from '../test/support/big-xlsx.ts';
import { OFFICER, prepareDatabase, startAppProcess } from './app-process.ts';

const ROWS = 475_000;
const SECONDS = 20;

/** The big file, generated once (half a minute) and kept in the temporary directory. */
function bigXlsx(): Uint8Array {
  const cached = join(tmpdir(), `huiqi-bench-${ROWS}-rows.xlsx`);
  if (existsSync(cached)) return new Uint8Array(readFileSync(cached));
  const bytes = generatedXlsx({
    header: ['名称', '注册所在省（区）', '主体类型', '年主营业务收入（万元）'],
    row: (i) => [`企业${i}`, '甘肃', '企业', 100 + (i % 900)],
    rowCount: ROWS, sharedStrings: true,
  });
  writeFileSync(cached, bytes);
  return bytes;
}

export async function finderLoad(origin: string, bodies: readonly string[], seconds: number) {
  let sent = 0;
  const result = await autocannon({
    url: `${origin}/api/match`, method: 'POST', headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[sent++ % bodies.length] }) }],
    connections: 10, duration: seconds,
  });
  if (result.non2xx) throw new Error(`finder load failed: ${result.non2xx} non-2xx answers`);
  // autocannon counts a request unanswered after 10 s as an error (a timeout): a stalled server shows here.
  return { rps: result.requests.average, p99: result.latency.p99, max: result.latency.max, timeouts: result.timeouts + result.errors };
}

export async function uploadStallBench(summaryBodies: readonly string[], figures: Record<string, number>) {
  const file = bigXlsx();
  console.log(
    `(d) the finder (POST /api/match summary, autocannon, 10 connections, ${SECONDS} s) while an officer uploads, again and again, an XLSX of ` +
      `${ROWS.toLocaleString('en')} rows (${(file.byteLength / 2 ** 20).toFixed(1)} MiB, ${(declaredUncompressedBytes(file) / 2 ** 20).toFixed(1)} MiB unpacked); npm start's server in its own process`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-upload-bench-'));
  const databasePath = join(dir, 'huiqi.db');
  await prepareDatabase(databasePath);
  const server = await startAppProcess(databasePath, dir);
  try {
    const { origin } = server;
    const login = await fetch(`${origin}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(OFFICER),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    await finderLoad(origin, summaryBodies, 3); // warm up
    const alone = await finderLoad(origin, summaryBodies, SECONDS);
    const rssBefore = server.memoryMiB('VmRSS');

    const uploads: { status: number; message: string; seconds: number }[] = [];
    let loading = true;
    const uploading = (async () => {
      while (loading) {
        const form = new FormData();
        form.set('file', new File([file as BlobPart], '四十七万行.xlsx'));
        const start = performance.now();
        const res = await fetch(`${origin}/api/screenings`, { method: 'POST', headers: { cookie, origin }, body: form });
        const answer = (await res.json()) as { error?: { message: string } };
        uploads.push({ status: res.status, message: answer.error?.message ?? 'accepted', seconds: (performance.now() - start) / 1000 });
      }
    })();
    const during = await finderLoad(origin, summaryBodies, SECONDS);
    loading = false;
    await uploading;

    const statuses = [...new Set(uploads.map((u) => `${u.status} ${u.message}`))].join('; ');
    const slowest = Math.max(...uploads.map((u) => u.seconds));
    const seconds = uploads.map((u) => u.seconds.toFixed(1)).join(', ');
    const peak = server.memoryMiB('VmHWM');
    const line = (label: string, run: typeof alone) =>
      console.log(`  ${label.padEnd(40)} ${run.rps.toFixed(0).padStart(6)} req/s   p99 ${run.p99.toFixed(0).padStart(5)} ms   max ${run.max.toFixed(0)} ms   unanswered after 10 s: ${run.timeouts}`);
    line('finder alone', alone);
    line('finder during the uploads', during);
    console.log(`  uploads: ${uploads.length} (${seconds} s each; the first starts the sheet thread), answered ${statuses}`);
    console.log(`  server RSS ${rssBefore.toFixed(0)} MiB before the uploads, peak ${peak.toFixed(0)} MiB\n`);
    Object.assign(figures, { finderP99AloneMs: alone.p99, finderP99DuringUploadMs: during.p99, finderMaxDuringUploadMs: during.max, finderTimeoutsDuringUpload: during.timeouts, bigUploadSeconds: slowest, serverRssBeforeUploadMiB: rssBefore, serverPeakRssMiB: peak });
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
