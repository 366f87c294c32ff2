/**
 * kill -9 during a screening: the killed process leaves a running job whose answers match its progress, never one
 * that reads as done; the next worker resumes it once the lease has run out, and every applicant is answered once.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { jobOfScreening } from '../../db/jobs.ts';
import { syncShippedRules } from '../../db/rules.ts';
import { applicantsInOrder, countAnswered } from '../../db/screenings.ts';
import { Fragments, unpackAnswer } from '../../server/domain/screening/stored-answer.ts';
import { fragmentsOf } from '../../db/screenings.ts';
import { Screenings } from '../../server/screening/service.ts';
import { screenProfile, ScreeningWorker } from '../../server/screening/worker.ts';
import { RulesetVersions } from '../../server/services/ruleset-versions.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';
import { baiyinFirm, testDocument, testRule } from '../fixtures.ts';
import { addUser } from '../support/accounts.ts';

const dir = mkdtempSync(join(tmpdir(), 'huiqi-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEASE_MS = 2_000;

describe('kill -9 during a screening', () => {
  it('never leaves it done with part of its applicants; the next worker resumes it', async () => {
    const path = join(dir, 'huiqi.db');
    const { db, close } = openDatabase(path);
    syncShippedRules(db, [{ document: testDocument(), text: '# Page 1:\n第三条', rules: [testRule()] }]);
    const rulesets = new PublishedRulesets(db);
    const versions = new RulesetVersions(db, rulesets);
    const officer = await addUser(db, 'officer-li', 'officer');
    const applicants = Array.from({ length: 400 }, (_, i) => ({
      row: i + 2, name: `企业${i}`, creditCode: null, notScreened: null,
      profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 90_000_000 + i * 100_000 }),
    }));
    const id = new Screenings(db, versions, Date.now).create({ name: '大批量', asOf: '2024-06-01', applicants, source: 'json' }, { id: officer, unit: '' });

    const child = fork(join(import.meta.dirname, '../support/screening-child.ts'), [path, String(LEASE_MS)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
    let running = true;
    const exited = new Promise((resolve) => child.once('exit', (code) => { running = false; resolve(code); }));
    // Kill it once it has written some answers, well before it could finish (400 applicants, 20 per ≥30 ms chunk).
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (!running) throw new Error('the worker process ended before it was killed');
      if (jobOfScreening(db, id)!.done >= 40) break;
    }
    child.kill('SIGKILL');
    await exited;

    const killed = jobOfScreening(db, id)!;
    expect(killed.status).toBe('running');
    expect(killed.done).toBeLessThan(400);
    // Progress and answers were written together: they agree.
    expect(countAnswered(db, id)).toBe(killed.done);

    // Before the lease runs out nobody may take it over; after, the next worker resumes it.
    const resumeAt = killed.leaseUntil! + 1;
    const early = new ScreeningWorker(db, versions, () => resumeAt - 2, { chunkSize: 50 });
    await early.drain();
    expect(jobOfScreening(db, id)!.status).toBe('running');
    await new ScreeningWorker(db, versions, () => resumeAt, { chunkSize: 50 }).drain();
    const resumed = jobOfScreening(db, id)!;
    expect(resumed).toMatchObject({ status: 'done', done: 400, total: 400, attempts: 2, error: null });

    // Every applicant answered once, the killed process's answers (judged in its evaluator threads) and the resumed
    // ones alike: each is what a fresh computation in this thread gives.
    const fragments = new Fragments(fragmentsOf(db, id));
    const rows = applicantsInOrder(db, id, 0, 1000);
    expect(rows).toHaveLength(400);
    for (const { applicant } of rows) {
      expect(unpackAnswer(applicant.answer!, fragments)).toEqual(screenProfile(rulesets.current(), applicant.profile as never, '2024-06-01'));
    }
    close();
  });
});
