import { describe, expect, it } from 'vitest';
import { baiyinFirm, testDocument, testRule } from '../fixtures.ts';
import { testApp } from '../support/test-app.ts';

/** The parts of the match answer that keep it honest: exclusions, caveats, explanations, regions, bounds, summary. */
const landing = testRule({
  exclusions: {
    any: [
      { fact: 'seriousDiscredit', operator: 'equal', value: true },
      { fact: 'projectOnSchedule', operator: 'equal', value: false },
    ],
  },
});
const { postJson } = testApp([{ document: testDocument(), text: '# Page 1:\n第三条落地投资奖。', rules: [landing] }]);
const investor = (extra = {}) => baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000, ...extra });
const match = async (body: unknown) => {
  const res = await postJson('/api/match', body);
  return { status: res.status, body: await res.json() };
};

describe('POST /api/match: exclusions', () => {
  it('keeps an item eligible with its unanswered exclusions as caveats', async () => {
    const { status, body } = await match({ profile: investor(), asOf: '2024-06-01' });
    expect(status).toBe(200);
    expect(body.eligible[0]).toMatchObject({ ruleId: 'test-doc/landing', amountYuan: 2_000_000, missingFacts: [] });
    expect(body.eligible[0].caveats.map((c: { fact: string }) => c.fact)).toEqual(['seriousDiscredit', 'projectOnSchedule']);
    expect(body.eligible[0].caveats[0].text).toMatch(/^须确认：/);
    expect(body.excluded).toEqual([]);
  });

  it('moves it to excluded[] once an exclusion is known to hold, naming it', async () => {
    const { body } = await match({ profile: investor({ seriousDiscredit: true }), asOf: '2024-06-01' });
    expect(body.eligible).toEqual([]);
    expect(body.excluded[0]).toMatchObject({ status: 'excluded', excludedBy: [{ fact: 'seriousDiscredit', actual: true, passed: true }] });
    expect(body.totals).toMatchObject({ estimatedYuan: 0, excludedCount: 1 });
  });

  it('explains an eligible item with why: the whole tree, each node with its truth', async () => {
    const { body } = await match({ profile: investor(), asOf: '2024-06-01' });
    expect(body.eligible[0].why).toMatchObject({ passed: true, all: expect.arrayContaining([{ fact: 'newlyIntroduced', operator: 'equal', required: true, actual: true, passed: true }]) });
  });
});

describe('POST /api/match: "view": "summary"', () => {
  it('answers items cut to the summary fields, a fraction of the bytes', async () => {
    const full = await postJson('/api/match', { profile: investor(), asOf: '2024-06-01' });
    const summary = await postJson('/api/match', { profile: investor(), asOf: '2024-06-01', view: 'summary' });
    const fullText = await full.text();
    const summaryText = await summary.text();
    const item = JSON.parse(summaryText).eligible[0];
    expect(Object.keys(item).sort()).toEqual(['amountText', 'amountYuan', 'category', 'caveats', 'exclusiveGroup', 'kind', 'missingFacts', 'ruleId', 'source', 'stacks', 'status', 'title']);
    expect(item.source).toEqual({ documentId: 'test-doc', clause: '第三条', page: 1 });
    expect(summaryText.length).toBeLessThan(fullText.length / 2);
  });

  it('refuses an unknown view', async () => {
    const { status, body } = await match({ profile: investor(), view: 'tiny' });
    expect(status).toBe(400);
    expect(body.error.issues[0].path).toBe('view');
  });
});

describe('POST /api/match: regions and bounds', () => {
  it('stores an official city name as its short name', async () => {
    const { status, body } = await match({ profile: investor({ city: '白银市' }), asOf: '2024-06-01' });
    expect(status).toBe(200);
    expect(body.eligible.map((i: { ruleId: string }) => i.ruleId)).toEqual(['test-doc/landing']);
  });

  it('refuses a city of another province or an unknown one with the nearest names', async () => {
    const elsewhere = await match({ profile: { province: '宁夏', city: '西安', entityType: 'enterprise' } });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.issues).toEqual([{ path: 'profile.city', message: '“西安”属于陕西，不在宁夏 (西安 is in 陕西, not 宁夏)' }]);
    const pinyin = await match({ profile: { province: '宁夏', city: 'yinchuan', entityType: 'enterprise' } });
    expect(pinyin.body.error.issues[0]).toMatchObject({ path: 'profile.city', message: expect.stringContaining('最接近的是：银川') });
  });

  it('refuses implausible numbers, so every amount and total stays finite', async () => {
    const { status, body } = await match({ profile: investor({ localEconomicContributionYuan: 1e307 }) });
    expect(status).toBe(400);
    expect(body.error.issues[0].path).toBe('profile.localEconomicContributionYuan');
  });
});
