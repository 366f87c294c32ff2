/**
 * Backups taken while another process screens: each restores to a database whose every finished chunk is there with
 * its answers, matching the job's progress, and whose job the next worker finishes. A restore refuses a database in use.
 */
import { execFile, fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, BackupRefused, restoreDatabase } from '../../db/backup.ts';
import { openDatabase } from '../../db/client.ts';
import { jobOfScreening } from '../../db/jobs.ts';
import { syncShippedRules } from '../../db/rules.ts';
import { applicantsInOrder, countAnswered, fragmentsOf } from '../../db/screenings.ts';
import { Fragments, unpackAnswer } from '../../server/domain/screening/stored-answer.ts';
import { Screenings } from '../../server/screening/service.ts';
import { screenProfile, ScreeningWorker } from '../../server/screening/worker.ts';
import { RulesetVersions } from '../../server/services/ruleset-versions.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';
import { baiyinFirm, testDocument, testRule } from '../fixtures.ts';
import { addUser } from '../support/accounts.ts';

const dir = mkdtempSync(join(tmpdir(), 'huiqi-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const APPLICANTS = 400;

async function databaseWithScreening(path: string) {
  const opened = openDatabase(path);
  syncShippedRules(opened.db, [{ document: testDocument(), text: '# Page 1:\n第三条', rules: [testRule()] }]);
  const officer = await addUser(opened.db, 'officer-wu', 'officer');
  const applicants = Array.from({ length: APPLICANTS }, (_, i) => ({
    row: i + 2, name: `企业${i}`, creditCode: null, notScreened: null,
    profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 90_000_000 + i * 100_000 }),
  }));
  const rulesets = new PublishedRulesets(opened.db);
  const id = new Screenings(opened.db, new RulesetVersions(opened.db, rulesets), Date.now).create({ name: '备份中', asOf: '2024-06-01', applicants, source: 'json' }, { id: officer, unit: '' });
  return { ...opened, id };
}

describe('db:backup during a screening, db:restore', () => {
  it('every backup restores with its finished chunks answered as its progress says, and the screening then finishes', async () => {
    const live = join(dir, 'live.db');
    const { db, close, id } = await databaseWithScreening(live);
    // Another process screens (20 applicants per ≥30 ms chunk) while this one takes backups.
    const child = fork(join(import.meta.dirname, '../support/screening-child.ts'), [live, '60000'], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
    let running = true;
    const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => (running = false));
    const backups: { file: string; doneBefore: number }[] = [];
    while (running && backups.length < 6) {
      const doneBefore = jobOfScreening(db, id)!.done;
      if (doneBefore === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const file = join(dir, `backup-${backups.length}.db`);
      await backupDatabase(live, file);
      backups.push({ file, doneBefore });
    }
    await exited;
    expect(jobOfScreening(db, id)).toMatchObject({ status: 'done', done: APPLICANTS });
    close();
    // At least one backup caught the screening half-way.
    expect(backups.some(({ doneBefore }) => doneBefore < APPLICANTS)).toBe(true);

    for (const [n, { file, doneBefore }] of backups.entries()) {
      const restored = join(dir, `restored-${n}.db`);
      restoreDatabase(file, restored);
      const copy = openDatabase(restored);
      const job = jobOfScreening(copy.db, id)!;
      expect(job.done).toBeGreaterThanOrEqual(doneBefore);
      expect(countAnswered(copy.db, id)).toBe(job.done);
      // The answered applicants are exactly the first `done`, each with an answer that unpacks to the right summary.
      const rows = applicantsInOrder(copy.db, id, 0, APPLICANTS);
      const fragments = new Fragments(fragmentsOf(copy.db, id));
      const ruleset = new PublishedRulesets(copy.db).current();
      rows.forEach(({ applicant }, i) => {
        if (i >= job.done) return expect(applicant.answer).toBeNull();
        expect(unpackAnswer(applicant.answer!, fragments)).toEqual(screenProfile(ruleset, applicant.profile as never, '2024-06-01'));
      });
      if (job.status === 'running') {
        // The restored job was the dead process's: once its lease lapses, the next worker finishes it.
        await new ScreeningWorker(copy.db, new RulesetVersions(copy.db, new PublishedRulesets(copy.db)), () => job.leaseUntil! + 1, { chunkSize: 100 }).drain();
      }
      expect(jobOfScreening(copy.db, id)).toMatchObject({ status: 'done', done: APPLICANTS });
      expect(countAnswered(copy.db, id)).toBe(APPLICANTS);
      copy.close();
    }
  }, 120_000);

  it('a restore is refused while the database is open elsewhere, and leaves it as it was', async () => {
    const live = join(dir, 'served.db');
    const served = await databaseWithScreening(live);
    const file = join(dir, 'served-backup.db');
    await backupDatabase(live, file);
    expect(() => restoreDatabase(file, live)).toThrow(/in use: stop the app servers/);
    expect(jobOfScreening(served.db, served.id)).toMatchObject({ status: 'queued' });
    served.close();
    restoreDatabase(file, live);
    const reopened = openDatabase(live);
    expect(jobOfScreening(reopened.db, served.id)).toMatchObject({ status: 'queued', total: APPLICANTS });
    reopened.close();
  });

  it('a backup never overwrites a file, and a restore refuses a file that is not one of its databases', async () => {
    const live = join(dir, 'other.db');
    openDatabase(live).close();
    const taken = join(dir, 'taken.db');
    writeFileSync(taken, 'keep me');
    await expect(backupDatabase(live, taken)).rejects.toThrow(/already exists/);
    await expect(backupDatabase(join(dir, 'missing.db'), join(dir, 'never.db'))).rejects.toBeInstanceOf(BackupRefused);
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
    expect(() => restoreDatabase(taken, live)).toThrow(BackupRefused);
  });

  it('the commands: npm run db:backup -- FILE and db:restore -- FILE on DATABASE_PATH', async () => {
    const run = promisify(execFile);
    const live = join(dir, 'cli.db');
    const opened = openDatabase(live);
    const file = join(dir, 'cli-backup.db');
    const env = { ...process.env, DATABASE_PATH: live };
    const backup = await run(process.execPath, ['--import', 'tsx', 'db/cli/backup.ts', file], { env });
    expect(backup.stdout).toContain(`to ${file}`);
    const refused = await run(process.execPath, ['--import', 'tsx', 'db/cli/restore.ts', file], { env }).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('stop the app servers') });
    opened.close();
    const restored = await run(process.execPath, ['--import', 'tsx', 'db/cli/restore.ts', file], { env });
    expect(restored.stdout).toContain(`restored ${live}`);
  }, 60_000);
});
