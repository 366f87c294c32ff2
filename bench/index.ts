/**
 * `npm run bench`: (a) one profile against every shipped rule, our compiled fast path against json-rules-engine;
 * (b) POST /api/match throughput and p99 under a bounded loopback load, against a bare Hono route with the same zod
 * validation. Prints figures; asserts nothing (timings belong here, not in tests). `--evaluation-only` skips (b).
 */
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { evaluateProfile } from '../server/domain/evaluate.ts';
import { factVector } from '../server/domain/facts/index.ts';
import type { Profile } from '../server/domain/profile.ts';
import { profileArbitrary } from '../test/support/profiles.ts';
import { referenceEngine } from '../test/support/reference-engine.ts';
import { rulesetFromFiles } from '../server/corpus/shipped.ts';
import { benchProfile } from './profile.ts';

const AS_OF = '2024-06-01';
const ruleset = rulesetFromFiles('rules');
const rules = ruleset.rules.map((r) => r.rule);
const profiles = [benchProfile, ...fc.sample(profileArbitrary(rules), { numRuns: 199, seed: 7 })] as Profile[];

function timePerCall(label: string, run: () => void, minMs = 2000): number {
  for (let i = 0; i < 200; i++) run(); // warm up
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    run();
    calls++;
  }
  const perCallMs = (performance.now() - start) / calls;
  console.log(`  ${label.padEnd(44)} ${(perCallMs * 1000).toFixed(1).padStart(9)} µs per profile  (${calls} calls)`);
  return perCallMs;
}

async function timePerCallAsync(label: string, run: () => Promise<void>, minMs = 3000): Promise<number> {
  for (let i = 0; i < 50; i++) await run();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    await run();
    calls++;
  }
  const perCallMs = (performance.now() - start) / calls;
  console.log(`  ${label.padEnd(44)} ${(perCallMs * 1000).toFixed(1).padStart(9)} µs per profile  (${calls} calls)`);
  return perCallMs;
}

async function evaluationBench() {
  console.log(`(a) one profile against all ${ruleset.rules.length} shipped rules (${profiles.length} profiles, round robin)`);
  let i = 0;
  const next = () => profiles[i++ % profiles.length]!;
  const decide = timePerCall('fast path: every rule decided (compiled)', () => {
    const facts = factVector(next());
    for (const prepared of ruleset.rules) prepared.compiled.evaluate(facts);
  });
  const full = timePerCall('evaluateProfile: decided + explained + totals', () => void evaluateProfile(ruleset, next(), AS_OF));
  const reference = referenceEngine(rules);
  const jre = await timePerCallAsync('json-rules-engine: engine.run (reused Engine)', async () => void (await reference.engine.run({ ...next() })));
  console.log(`  ratio (a): deciding every rule, the fast path is ${(jre / decide).toFixed(0)}x faster than json-rules-engine (target ≥ 100x)`);
  console.log(`  the whole match answer (explanations, amounts, stacking, questions) is ${(jre / full).toFixed(0)}x faster\n`);
}

type Child = { port: number; rss: () => Promise<number>; stop: () => void };
function startServer(which: 'app' | 'bare' | 'bare-payload'): Promise<Child> {
  const child = fork('bench/servers.ts', [which], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve) => {
    child.once('message', (m: { port: number }) =>
      resolve({
        port: m.port,
        rss: () => new Promise((r) => { child.once('message', (x: { rssMiB: number }) => r(x.rssMiB)); child.send('rss'); }),
        stop: () => child.send('stop'),
      }),
    );
  });
}

/** Request bodies: the 白银 profile and generated ones, sent in turn so that no answer can be replayed. */
const bodies = profiles.map((profile) => JSON.stringify({ profile, asOf: AS_OF }));

async function load(port: number) {
  let sent = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/match`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[sent++ % bodies.length] }) }],
    connections: 10,
    duration: 8,
  });
  if (result.non2xx || result.errors) throw new Error(`load run failed: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function httpBench() {
  console.log(`(b) POST /api/match, 10 connections for 8 s on loopback, server in its own process, ${bodies.length} different profiles in turn`);
  const results: Record<string, { rps: number; p99: number }> = {};
  for (const which of ['bare', 'bare-payload', 'app'] as const) {
    const server = await startServer(which);
    await load(server.port); // warm up
    results[which] = await load(server.port);
    const rss = await server.rss();
    const label = { app: '/api/match (all shipped rules)', bare: 'bare Hono route, same zod validation', 'bare-payload': '  same, answering a fixed match-sized body' }[which];
    console.log(`  ${label.padEnd(44)} ${results[which]!.rps.toFixed(0).padStart(7)} req/s   p99 ${results[which]!.p99} ms   server RSS ${rss} MiB`);
    server.stop();
  }
  console.log(`  ratio (b): /api/match serves ${((results.app!.rps / results.bare!.rps) * 100).toFixed(0)}% of the bare route's throughput (target ≥ 50%);`);
  console.log(`  the bare route answering a match-sized body serves ${((results['bare-payload']!.rps / results.bare!.rps) * 100).toFixed(0)}% of it: the cost of the answer's bytes alone`);
}

await evaluationBench();
if (!process.argv.includes("--evaluation-only")) await httpBench();
