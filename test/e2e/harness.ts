/** The real server on a free port with a temporary database, and Chromium to drive it. */
import { serve, type ServerType } from '@hono/node-server';
import axe from 'axe-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Db } from '../../db/client.ts';
import { syncShippedRules } from '../../db/rules.ts';
import { defaultAccountSettings } from '../../server/accounts/settings.ts';
import { createApp } from '../../server/app.ts';
import { readShippedRules } from '../../server/corpus/shipped.ts';
import { ScreeningWorker } from '../../server/screening/worker.ts';
import { RulesetVersions } from '../../server/services/ruleset-versions.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';

export const SCREENSHOTS = 'test-results/screenshots';

/** `db` is the server's database, for a journey to set up what a person could not (the first admin). */
export type Harness = { baseUrl: string; browser: Browser; db: Db; stop: () => Promise<void> };

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-e2e-'));
  const { db, close } = openDatabase(join(dir, 'huiqi.db'));
  syncShippedRules(db, readShippedRules('rules'));
  const rulesets = new PublishedRulesets(db);
  // Screenings are worked in the server's process, as `npm start` does (without evaluator threads).
  const worker = new ScreeningWorker(db, new RulesetVersions(db, rulesets), Date.now, { pollMs: 200 });
  worker.start();
  const app = createApp({
    db, rulesets, now: Date.now, accounts: defaultAccountSettings, webRoot: 'dist/web', screening: { queued: () => worker.wake() },
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    db,
    stop: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await worker.stop();
      close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One harness for a test file: started before its tests, stopped after them. */
export function useHarness(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness());
  });
  afterAll(async () => harness.stop?.());
  return harness;
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(harness: Harness, viewport = DESKTOP, locale = 'zh-CN'): Promise<Page> {
  const context = await harness.browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  cspReports.set(page, refused);
  return page;
}

const cspReports = new WeakMap<Page, string[]>();

/** What the browser refused to load or run on this page because of the Content-Security-Policy. */
export const cspViolations = (page: Page): string[] => cspReports.get(page) ?? [];

export const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe-core in the page; answers the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: an inline <script> tag would be refused by the page's CSP.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
