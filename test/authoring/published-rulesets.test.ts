import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { publishedRules, syncShippedRules } from '../../db/rules.ts';
import { noStoredApplicants } from '../../server/authoring/applicants.ts';
import { Authoring } from '../../server/authoring/service.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';
import { goodRule, shippedTestDocument } from '../support/authoring.ts';
import { testClock } from '../support/test-app.ts';

/** Two connections to one database file stand for two processes; a test clock stands for the time between requests. */

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function twoConnections() {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-rulesets-'));
  dirs.push(dir);
  const path = join(dir, 'huiqi.db');
  const a = openDatabase(path);
  syncShippedRules(a.db, [shippedTestDocument()]);
  const b = openDatabase(path);
  return { a: a.db, b: b.db };
}

describe('the published ruleset of each process', () => {
  it('notices a publish made through another connection at its next check, and not before', () => {
    const { a, b } = twoConnections();
    const clock = testClock();
    const here = new PublishedRulesets(a, { now: clock.now });
    const there = new PublishedRulesets(b, { now: clock.now, checkEveryMs: 1000 });
    const before = there.current().version;

    const authoring = new Authoring({ db: a, rulesets: here, now: clock.now, applicants: noStoredApplicants });
    authoring.create('zhang', 'test-doc', goodRule({ id: 'test-doc/second', title: '第二条规则' }));
    expect(there.current().version).toBe(before); // a draft changes nothing
    const { rulesetVersion } = authoring.publish('zhang', 'test-doc/second', 1);
    expect(here.current().version).toBe(rulesetVersion); // the publishing process at once

    clock.advance(999);
    expect(there.current().version).toBe(before);
    clock.advance(1);
    expect(there.current().version).toBe(rulesetVersion);
    expect(there.current().rulesById.has('test-doc/second')).toBe(true);
  });

  it('rebuilds only when the generation moved', () => {
    const { a } = twoConnections();
    const clock = testClock();
    const rulesets = new PublishedRulesets(a, { now: clock.now });
    const first = rulesets.current();
    clock.advance(5000);
    expect(rulesets.current()).toBe(first);
  });
});

describe('shipped files and authors’ changes', () => {
  const setup = () => {
    const { a } = twoConnections();
    const rulesets = new PublishedRulesets(a);
    return { db: a, authoring: new Authoring({ db: a, rulesets, now: Date.now, applicants: noStoredApplicants }) };
  };
  const shippedTitle = (title: string) => [shippedTestDocument([goodRule({ title })])];

  it('a rule an author withdrew stays withdrawn when the files still have it', () => {
    const { db, authoring } = setup();
    authoring.withdraw('zhang', 'test-doc/landing');
    const report = syncShippedRules(db, [shippedTestDocument()]);
    expect(report).toMatchObject({ added: [], updated: [] });
    expect(publishedRules(db).rules).toEqual([]);
  });

  it('a rollback an author made stays when the files have the newer version', () => {
    const { db, authoring } = setup();
    syncShippedRules(db, shippedTitle('落地投资奖（修订）'));
    authoring.publish('zhang', 'test-doc/landing', 1);
    expect(syncShippedRules(db, shippedTitle('落地投资奖（修订）')).keptAuthorEdits).toEqual(['test-doc/landing']);
    expect(publishedRules(db).rules[0]!.rule.title).toBe('落地投资奖');
  });

  it('a rule an author published is not withdrawn when the files drop it', () => {
    const { db, authoring } = setup();
    authoring.create('zhang', 'test-doc', goodRule({ id: 'test-doc/authored' }));
    authoring.publish('zhang', 'test-doc/authored', 1);
    const report = syncShippedRules(db, [shippedTestDocument()]);
    expect(report.withdrawn).toEqual([]);
    expect(publishedRules(db).rules.map((r) => r.rule.id)).toEqual(['test-doc/landing', 'test-doc/authored']);
  });

  it('shipped changes to rules nobody touched still arrive, and move the generation', () => {
    const { db } = setup();
    const other = new PublishedRulesets(db, { now: () => Date.now() + 10_000, checkEveryMs: 0 });
    const before = other.current().version;
    expect(syncShippedRules(db, shippedTitle('新标题')).updated).toEqual(['test-doc/landing']);
    expect(other.current().version).not.toBe(before);
  });
});
