import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/client.ts';
import { findRule, ruleHistory } from '../../db/authoring.ts';
import { syncShippedRules } from '../../db/rules.ts';
import { noStoredApplicants } from '../../server/authoring/applicants.ts';
import { exportRuleFiles, importRuleFiles, orderLike } from '../../server/authoring/rule-files.ts';
import { Authoring } from '../../server/authoring/service.ts';
import { readShippedRules } from '../../server/corpus/shipped.ts';
import { PublishedRulesets } from '../../server/services/rulesets.ts';

/** rules/ → database → rules/: the shipped corpus comes back byte for byte, and a change shows as that change only. */

const shippedFiles = readdirSync('rules').filter((name) => /\.(json|txt)$/.test(name) && name !== 'schema.json').sort();
const shipped = readShippedRules('rules');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-files-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

let db: Db;
let authoring: Authoring;
beforeAll(() => {
  db = openDatabase(':memory:').db;
  syncShippedRules(db, shipped);
  authoring = new Authoring({ db, rulesets: new PublishedRulesets(db), now: Date.now, applicants: noStoredApplicants });
});

/** One document, for the tests that change rules: a database of its own is quick to fill. */
const BAIYIN = 'gansu-baiyin-investment-incentives-2023';
const baiyinOnly = () => {
  const { db: own } = openDatabase(':memory:');
  syncShippedRules(own, shipped.filter((d) => d.document.id === BAIYIN));
  return { own, service: new Authoring({ db: own, rulesets: new PublishedRulesets(own), now: Date.now, applicants: noStoredApplicants }) };
};

const changedLines = (before: string, after: string) =>
  diffLines(before, after).filter((part) => part.added || part.removed).map((part) => `${part.added ? '+' : '-'}${part.value.trim()}`);

describe('rules:export and rules:import', () => {
  it('exports the shipped corpus over its files byte for byte: nothing is written', () => {
    const copy = tempDir();
    cpSync('rules', copy, { recursive: true });
    expect(exportRuleFiles(db, copy)).toEqual({ written: [], unchanged: shippedFiles.length });
    for (const name of shippedFiles) expect(readFileSync(join(copy, name), 'utf8'), name).toBe(readFileSync(join('rules', name), 'utf8'));
  });

  it('exports into an empty folder files that load as the same corpus', () => {
    const empty = tempDir();
    exportRuleFiles(db, empty);
    expect(readdirSync(empty).sort()).toEqual(shippedFiles);
    expect(readShippedRules(empty)).toEqual(shipped);
  });

  it('imports the exported files as nothing new', () => {
    const dir = tempDir();
    exportRuleFiles(db, dir);
    expect(importRuleFiles(db, authoring, dir, { actor: 'li', now: Date.now })).toMatchObject({ documents: [], created: [], updated: [], unchanged: shipped.flatMap((d) => d.rules).length });
  });

  it('exports an author’s change as the changed line only, in the file’s own key order', () => {
    const { own, service } = baiyinOnly();
    const id = 'gansu-baiyin-investment-incentives-2023/art-03-landing-award';
    const latest = ruleHistory(own, id).at(-1)!;
    service.update('zhang', id, { ...(latest.body as Record<string, unknown>), department: '白银市投资促进局' }, latest.version);
    service.publish('zhang', id, latest.version + 1);

    const dir = tempDir();
    cpSync('rules', dir, { recursive: true });
    expect(exportRuleFiles(own, dir).written).toEqual([join(dir, 'gansu-baiyin-investment-incentives-2023.json')]);
    const name = 'gansu-baiyin-investment-incentives-2023.json';
    expect(changedLines(readFileSync(join('rules', name), 'utf8'), readFileSync(join(dir, name), 'utf8'))).toEqual([
      '-"department": "市经合局",',
      '+"department": "白银市投资促进局",',
    ]);
  });

  it('imports a file edited in git as a new version by the author, published when asked and checks pass', () => {
    const { own, service } = baiyinOnly();
    const dir = tempDir();
    exportRuleFiles(own, dir);
    const name = join(dir, 'gansu-baiyin-investment-incentives-2023.json');
    writeFileSync(name, readFileSync(name, 'utf8').replace('"title": "落地投资奖"', '"title": "落地投资奖励"'));

    const report = importRuleFiles(own, service, dir, { actor: 'li', publish: true, now: Date.now });
    const id = 'gansu-baiyin-investment-incentives-2023/art-03-landing-award';
    expect(report).toMatchObject({ created: [], updated: [id], published: [id], notPublished: [] });
    const last = ruleHistory(own, id).at(-1)!;
    expect(last).toMatchObject({ origin: 'author', author: 'li', status: 'published' });
    expect(findRule(own, id)!.publishedVersion).toBe(last.version);
  });

  it('keeps the template’s key order and puts new keys after it', () => {
    expect(JSON.stringify(orderLike({ b: 1, a: { y: 2, x: 1 }, c: 3 }, { a: { x: 0, y: 0 }, b: 0 }))).toBe('{"a":{"x":1,"y":2},"b":1,"c":3}');
  });
});
