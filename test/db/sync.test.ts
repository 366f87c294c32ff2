import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { planIsEmpty, planShippedSync, publishedRules, reportOf, syncShippedRules, WithdrawalRefused } from '../../db/rules.ts';
import { ruleVersions, rulesetSnapshots } from '../../db/schema.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';
import { testDocument, testRule } from '../fixtures.ts';

const document = testDocument();
const shipped = (rules = [testRule()]) => [{ document, text: '# Page 1:\n正文', rules }];

describe('syncShippedRules', () => {
  it('seeds an empty database and publishes every shipped rule', () => {
    const { db } = openDatabase(':memory:');
    expect(syncShippedRules(db, shipped())).toEqual({ added: ['test-doc/landing'], updated: [], withdrawn: [], keptAuthorEdits: [] });
    expect(publishedRules(db).rules.map((r) => r.rule.id)).toEqual(['test-doc/landing']);
  });

  it('does nothing when the files have not changed', () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, shipped());
    expect(syncShippedRules(db, shipped())).toEqual({ added: [], updated: [], withdrawn: [], keptAuthorEdits: [] });
  });

  it('publishes a new version when a shipped rule changes, keeping the old one in history', () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, shipped());
    expect(syncShippedRules(db, shipped([testRule({ title: '落地投资奖（修订）' })])).updated).toEqual(['test-doc/landing']);
    expect(publishedRules(db).rules[0]!.rule.title).toBe('落地投资奖（修订）');
    expect(db.select().from(ruleVersions).all().map((v) => v.version)).toEqual([1, 2]);
  });

  it("keeps an author's edit when the shipped file changes under it", () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, shipped());
    db.update(ruleVersions).set({ origin: 'author' }).where(eq(ruleVersions.ruleId, 'test-doc/landing')).run();
    const report = syncShippedRules(db, shipped([testRule({ title: '改过' })]));
    expect(report.keptAuthorEdits).toEqual(['test-doc/landing']);
    expect(publishedRules(db).rules[0]!.rule.title).toBe('落地投资奖');
  });

  it('withdraws a shipped rule that left the files, when asked to for the last rule of its document', () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, shipped());
    expect(syncShippedRules(db, shipped([]), { allowWithdrawal: true }).withdrawn).toEqual(['test-doc/landing']);
    expect(publishedRules(db).rules).toEqual([]);
  });

  const manyRules = (n: number) => Array.from({ length: n }, (_, i) => testRule({ id: `test-doc/rule-${i}`, title: `规则 ${i}` }));
  const otherDocument = testDocument({ id: 'other-doc', text: 'other-doc.txt' });

  it('withdraws a small share of the published rules unasked', () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, shipped(manyRules(20)));
    expect(syncShippedRules(db, shipped(manyRules(18))).withdrawn).toEqual(['test-doc/rule-18', 'test-doc/rule-19']);
  });

  it('refuses, writing nothing, to withdraw more than a tenth of the published rules unasked', () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, shipped(manyRules(20)));
    const before = db.select().from(ruleVersions).all();
    expect(() => syncShippedRules(db, shipped(manyRules(17).map((r) => ({ ...r, title: '改' }))))).toThrow(WithdrawalRefused);
    expect(() => syncShippedRules(db, shipped(manyRules(17)))).toThrow('would withdraw 3 of 20 published rules, more than 10% of them');
    expect(db.select().from(ruleVersions).all()).toEqual(before);
  });

  it('refuses to withdraw every rule of a document unasked, however few they are', () => {
    const { db } = openDatabase(':memory:');
    const other = { document: otherDocument, text: '# Page 1:\n正文', rules: [testRule({ id: 'other-doc/only' })] };
    syncShippedRules(db, [...shipped(manyRules(20)), other]);
    expect(() => syncShippedRules(db, shipped(manyRules(20)))).toThrow('would withdraw 1 of 21 published rules, every rule of 1 document (other-doc)');
    expect(publishedRules(db).rules).toHaveLength(21);
  });

  it('refuses to empty the database from an empty rules folder', () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, shipped(manyRules(20)));
    expect(() => syncShippedRules(db, [])).toThrow('would withdraw 20 of 20 published rules');
    expect(publishedRules(db).rules).toHaveLength(20);
  });

  it('plans without writing, and an unchanged corpus plans nothing', () => {
    const { db } = openDatabase(':memory:');
    expect(reportOf(planShippedSync(db, shipped()))).toEqual({ added: ['test-doc/landing'], updated: [], withdrawn: [], keptAuthorEdits: [] });
    expect(publishedRules(db).documents).toEqual([]);
    syncShippedRules(db, shipped());
    expect(planIsEmpty(planShippedSync(db, shipped()))).toBe(true);
    expect(planIsEmpty(planShippedSync(db, [{ document, text: '# Page 1:\n改过的正文', rules: [testRule()] }]))).toBe(false);
  });

  it('rolls back the whole sync when one write fails', () => {
    const { db } = openDatabase(':memory:');
    const failing = testRule({ id: 'test-doc/other' });
    Object.defineProperty(failing, 'title', { enumerable: true, get: () => { throw new Error('disk full'); } });
    const broken = shipped([testRule(), failing]);
    expect(() => syncShippedRules(db, broken)).toThrow('disk full');
    expect(publishedRules(db).documents).toEqual([]);
  });
});

describe('PublishedRulesets', () => {
  it('records which rule versions make up each ruleset version', () => {
    const { db } = openDatabase(':memory:');
    syncShippedRules(db, shipped());
    const rulesets = new PublishedRulesets(db);
    const first = rulesets.current().version;
    syncShippedRules(db, shipped([testRule({ title: '新' })]));
    const second = rulesets.reload().version;
    expect(second).not.toBe(first);
    const snapshots = db.select().from(rulesetSnapshots).all();
    expect(snapshots.map((s) => [s.version, s.ruleVersions])).toEqual([
      [first, [{ ruleId: 'test-doc/landing', version: 1 }]],
      [second, [{ ruleId: 'test-doc/landing', version: 2 }]],
    ]);
  });
});
