import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { claimJob, finishJob, jobOfScreening, releaseJob, renewLease } from '../../db/jobs.ts';
import { syncShippedRules } from '../../db/rules.ts';
import { Screenings } from '../../server/screening/service.ts';
import { ScreeningWorker } from '../../server/screening/worker.ts';
import { RulesetVersions } from '../../server/services/ruleset-versions.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';
import { baiyinFirm, testDocument, testRule } from '../fixtures.ts';
import { addUser } from '../support/accounts.ts';

async function queuedScreening(applicants = 3) {
  const { db } = openDatabase(':memory:');
  syncShippedRules(db, [{ document: testDocument(), text: '# Page 1:\n第三条', rules: [testRule()] }]);
  const user = await addUser(db, 'officer-zhao', 'officer');
  const list = Array.from({ length: applicants }, (_, i) => ({ row: null, name: `企业${i}`, creditCode: null, notScreened: null, profile: baiyinFirm() }));
  const versions = new RulesetVersions(db, new PublishedRulesets(db));
  const id = new Screenings(db, versions, () => 0).create({ name: 'x', asOf: '2024-06-01', applicants: list, source: 'json' }, { id: user, unit: '' });
  return { db, id, versions };
}

describe('job claims', () => {
  it('one owner at a time: a live lease is not claimable, a lapsed one is, and the old owner can no longer write', async () => {
    const { db, id } = await queuedScreening();
    const lease = { leaseMs: 1000, maxAttempts: 3 };
    const a = claimJob(db, { owner: 'a', now: 0, ...lease })!;
    expect(a).toMatchObject({ screeningId: id, status: 'running', leaseOwner: 'a', leaseUntil: 1000, attempts: 1 });
    expect(claimJob(db, { owner: 'b', now: 999, ...lease })).toBeNull();
    expect(renewLease(db, { id: a.id, owner: 'a', done: 1, now: 500, leaseMs: 1000 })).toBe(true);
    expect(claimJob(db, { owner: 'b', now: 1499, ...lease })).toBeNull();
    const b = claimJob(db, { owner: 'b', now: 1501, ...lease })!;
    expect(b).toMatchObject({ leaseOwner: 'b', attempts: 2, done: 1 });
    expect(renewLease(db, { id: a.id, owner: 'a', done: 2, now: 1600, leaseMs: 1000 })).toBe(false);
    expect(finishJob(db, { id: a.id, owner: 'a', done: 3, now: 1600 })).toBe(false);
    expect(finishJob(db, { id: b.id, owner: 'b', done: 3, now: 1600 })).toBe(true);
    expect(jobOfScreening(db, id)).toMatchObject({ status: 'done', done: 3, leaseOwner: null, finishedAt: 1600 });
    expect(claimJob(db, { owner: 'c', now: 99_999, ...lease })).toBeNull();
  });

  it('a job whose lease lapsed too often is failed with the reason, not claimed again', async () => {
    const { db, id } = await queuedScreening();
    const lease = { leaseMs: 10, maxAttempts: 2 };
    claimJob(db, { owner: 'a', now: 0, ...lease });
    claimJob(db, { owner: 'b', now: 20, ...lease });
    expect(claimJob(db, { owner: 'c', now: 40, ...lease })).toBeNull();
    expect(jobOfScreening(db, id)).toMatchObject({ status: 'failed', error: expect.stringContaining('处理中断 2 次'), finishedAt: 40 });
  });

  it('a graceful release gives the attempt back: four release/claim cycles and the job still finishes', async () => {
    const { db, id } = await queuedScreening();
    const lease = { leaseMs: 10, maxAttempts: 3 };
    for (const [i, owner] of ['a', 'b', 'c', 'd'].entries()) {
      const job = claimJob(db, { owner, now: 100 * (i + 1), ...lease })!;
      expect(job).toMatchObject({ status: 'running', leaseOwner: owner, attempts: 1 });
      releaseJob(db, { id: job.id, owner });
    }
    const last = claimJob(db, { owner: 'e', now: 500, ...lease })!;
    expect(last).toMatchObject({ status: 'running', leaseOwner: 'e' });
    expect(finishJob(db, { id: last.id, owner: 'e', done: 3, now: 501 })).toBe(true);
    expect(jobOfScreening(db, id)).toMatchObject({ status: 'done', error: null });
  });

  it('lapsed leases still count when releases come between them: the third lapse fails the job', async () => {
    const { db, id } = await queuedScreening();
    const lease = { leaseMs: 10, maxAttempts: 3 };
    claimJob(db, { owner: 'a', now: 0, ...lease }); // lapses at 10
    const b = claimJob(db, { owner: 'b', now: 20, ...lease })!;
    releaseJob(db, { id: b.id, owner: 'b' });
    claimJob(db, { owner: 'c', now: 30, ...lease }); // lapses at 40
    claimJob(db, { owner: 'd', now: 50, ...lease }); // lapses at 60
    expect(claimJob(db, { owner: 'e', now: 70, ...lease })).toBeNull();
    expect(jobOfScreening(db, id)).toMatchObject({ status: 'failed', error: expect.stringContaining('处理中断 3 次') });
  });

  it('a worker stopped after every chunk (graceful restarts) four times over still screens every applicant', async () => {
    const { db, id, versions } = await queuedScreening(10);
    for (let restart = 0; restart < 4; restart++) {
      const worker = new ScreeningWorker(db, versions, () => 1000 * (restart + 1), { chunkSize: 2, maxAttempts: 3 });
      const working = worker.drain();
      await worker.stop(); // SIGTERM: the chunk in hand is written, then the job is released
      await working;
      expect(jobOfScreening(db, id)).toMatchObject({ status: 'running', done: 2 * (restart + 1), leaseUntil: 0 });
    }
    await new ScreeningWorker(db, versions, () => 9000, { chunkSize: 2, maxAttempts: 3 }).drain();
    expect(jobOfScreening(db, id)).toMatchObject({ status: 'done', done: 10, error: null });
  });

  it('a screening whose applicants are all not screened (注销) is done at once', async () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, [{ document: testDocument(), text: '# Page 1:\n第三条', rules: [testRule()] }]);
    const user = await addUser(db, 'officer-qian', 'officer');
    const id = new Screenings(db, new RulesetVersions(db, new PublishedRulesets(db)), () => 5).create({
      name: 'x', asOf: '2024-06-01', source: 'json',
      applicants: [{ row: 2, name: '某商贸部', creditCode: null, notScreened: '登记状态：注销', profile: baiyinFirm() }],
    }, { id: user, unit: '' });
    expect(jobOfScreening(db, id)).toMatchObject({ status: 'done', total: 0, done: 0, finishedAt: 5 });
  });
});
