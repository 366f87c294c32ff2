import { describe, expect, it } from 'vitest';
import type { Condition } from '../../server/domain/rule-schema.ts';
import { baiyinFirm } from '../fixtures.ts';
import { send } from '../support/accounts.ts';
import { authoringApp, enc, goodRule } from '../support/authoring.ts';

/** Issue 15, item 9: a rule's amounts and texts are bounded; the checks refuse what is beyond, naming the field. */

const ID = 'test-doc/landing';
const investor = baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 });

/** The test rule paying a fixed `yuan`, its eligible example expecting it. */
const fixedRule = (yuan: number, id = ID) => {
  const [eligible, other] = goodRule().examples;
  return goodRule({ id, amount: { kind: 'fixed', yuan }, examples: [{ ...eligible!, expect: { status: 'eligible', amountYuan: yuan } }, other!] });
};

describe('amounts beyond 1万亿元', () => {
  it('a fixed amount of 1e308 is a check error and is not published (400 naming rule.amount.yuan)', async () => {
    const { app, author } = await authoringApp();
    const saved = await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: fixedRule(1e308), baseVersion: 1 });
    expect(saved.status).toBe(200);
    expect((await saved.json()).checks.errors).toContainEqual(expect.objectContaining({ path: 'amount.yuan', code: 'schema', message: expect.stringContaining('1万亿元') }));
    const published = await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 2 });
    expect(published.status).toBe(400);
    expect((await published.json()).error.issues).toContainEqual({ path: 'rule.amount.yuan', message: expect.stringContaining('1万亿元') });
  });

  it('two rules at the bound keep the total a finite number', async () => {
    const { app, author } = await authoringApp();
    await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: fixedRule(1e12), baseVersion: 1 });
    expect((await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 2 })).status).toBe(200);
    await send(app, author, 'POST', '/api/rules', { documentId: 'test-doc', rule: fixedRule(1e12, 'test-doc/twin') });
    expect((await send(app, author, 'POST', `/api/rules/${enc('test-doc/twin')}/publish`, { version: 1 })).status).toBe(200);
    const answer = await (await send(app, author, 'POST', '/api/match', { profile: investor, asOf: '2024-06-01' })).json();
    expect(answer.eligible).toHaveLength(2);
    expect(answer.totals.estimatedYuan).toBe(2e12);
  });
});

describe('texts beyond their limits', () => {
  const withValue = (value: string) => {
    const { all } = goodRule().conditions as { all: Condition[] };
    return goodRule({ conditions: { all: [...all, { fact: 'county', operator: 'notEqual', value }] } });
  };

  it('a condition value of 900,000 characters is refused before it is stored', async () => {
    const { app, author } = await authoringApp();
    const res = await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: withValue('x'.repeat(900_000)), baseVersion: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0].path).toBe('rule.conditions.all.4.value');
  });

  it('a condition value over 500 characters is a check error and is not published', async () => {
    const { app, author } = await authoringApp();
    await send(app, author, 'PUT', `/api/rules/${enc(ID)}`, { rule: withValue('县'.repeat(501)), baseVersion: 1 });
    const res = await send(app, author, 'POST', `/api/rules/${enc(ID)}/publish`, { version: 2 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues.map((i: { path: string }) => i.path)).toContain('rule.conditions.all[4].value');
  });
});
