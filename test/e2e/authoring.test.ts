/**
 * Journey: an author turns 白银 第七条 into a rule in the browser. Sign in, pick the document, select the clause in its
 * text (quote, page and clause fill in), build the conditions and the amount, see a check fail (the starting examples
 * do not fit), fix the example, run the examples, preview the impact, publish, and find the rule in /api/match.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { insertUser } from '../../db/accounts.ts';
import { hashPassword } from '../../server/accounts/passwords.ts';
import { PRODUCTION_ARGON2 } from '../../server/accounts/settings.ts';
import { cspViolations, newPage, seriousViolations, shot, useHarness } from './harness.ts';

const harness = useHarness();
const RULE_ID = 'gansu-baiyin-investment-incentives-2023/art-07-culture-tourism-new-assets';
const QUOTE_START = '对当年新增固定资产超过1000 万元';
const QUOTE_END = '一次性给予30 万元奖励。';

/** Selects the passage from `start` to `end` in the source pane, as a person dragging over it would. */
async function selectInSource(page: Page, start: string, end: string) {
  await page.evaluate(([from, to]) => {
    const pane = document.querySelector('.source-text')!;
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (text.includes(from!)) range.setStart(node, text.indexOf(from!));
      if (text.includes(to!)) {
        range.setEnd(node, text.indexOf(to!) + to!.length);
        break;
      }
    }
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, [start, end]);
}

/** Types into an input and leaves it, so that its change is taken. */
async function enter(page: Page, selector: ReturnType<Page['locator']>, text: string) {
  await selector.fill(text);
  await selector.press('Tab');
}

describe('writing a rule in the browser', () => {
  it('from a selected quote to a published rule that /api/match finds', async () => {
    insertUser(harness.db, { name: '张编写', role: 'author', passwordHash: await hashPassword('author password 1', PRODUCTION_ARGON2) });
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/account/sign-in?next=%2Fauthoring`);
    await page.getByLabel('用户名').fill('张编写');
    await page.getByLabel('密码').fill('author password 1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '规则编写' }).waitFor();
    expect(await page.locator('header.site-header').getByRole('link', { name: '规则编写' }).count()).toBe(1);

    // The document, then a new rule for it.
    await page.getByLabel('查找文件').fill('白银市招商引资');
    await page.getByRole('link', { name: '白银市招商引资优惠政策三十条' }).click();
    await page.getByRole('link', { name: '新建规则' }).click();
    await page.getByRole('heading', { name: '原文' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Selecting the clause in the text fills the quote, its page and its clause.
    await selectInSource(page, QUOTE_START, QUOTE_END);
    await page.getByRole('button', { name: '用作引文' }).click();
    const quote = page.locator('#rule-quote');
    expect(await quote.inputValue()).toBe('对当年新增固定资产超过1000 万元（不含土地投资和可对外出售的投资额）的文化旅游企业，一次性给予30 万元奖励。');
    expect(await page.locator('#rule-page').inputValue()).toBe('1681');
    expect(await page.locator('#rule-clause').inputValue()).toBe('第七条');

    await enter(page, page.locator('#rule-id'), 'art-07-culture-tourism-new-assets');
    await enter(page, page.locator('#rule-title'), '文化旅游企业新增投资奖');
    await enter(page, page.locator('#rule-summary'), '当年新增固定资产超过1000万元的文化旅游企业，一次性奖励30万元');

    // Conditions: the document's region and entity type are there; add the industry and the investment.
    const conditions = page.locator('fieldset[data-path="conditions"]');
    const addCondition = conditions.locator(':scope > .actions').getByRole('button', { name: '添加条件', exact: true });
    await addCondition.click();
    let leaf = conditions.locator('.condition-leaf').last();
    await leaf.getByLabel('事实').selectOption('industries');
    expect(await leaf.getByLabel('关系').inputValue()).toBe('contains');
    await leaf.getByLabel('值').selectOption('culture_tourism');
    await addCondition.click();
    leaf = conditions.locator('.condition-leaf').last();
    await leaf.getByLabel('事实').selectOption('fixedAssetInvestmentYuan');
    await leaf.getByLabel('关系').selectOption('greaterThan');
    await enter(page, leaf.getByRole('textbox', { name: '值' }), '1000');
    expect(await leaf.innerText()).toContain('= 1000万元');

    // The amount, typed in 万元.
    await enter(page, page.locator('#amount-yuan'), '30');

    // The starting examples do not fit the conditions: the checks say so, and publishing waits.
    const checks = page.locator('.checks-panel');
    await expect.poll(() => checks.innerText(), { timeout: 10_000 }).toContain('示例未通过');
    await shot(page, 'authoring-check-fails');
    await shot(page, 'authoring-editor', false);
    expect(await conditions.locator('.condition-leaf').count()).toBe(5);

    // Fix the eligible example: a culture-tourism firm with 2000万 of new assets, paid 30万.
    const example = page.locator('li.example').first();
    await enter(page, example.getByLabel('企业情况（JSON）'), JSON.stringify({
      province: '甘肃', city: '白银', entityType: 'enterprise', industries: ['culture_tourism'], fixedAssetInvestmentYuan: 20_000_000,
    }));
    await enter(page, example.getByRole('textbox', { name: '应得金额（可不填）' }), '30');
    await expect.poll(() => checks.innerText(), { timeout: 10_000 }).not.toContain('示例未通过');
    // Warnings remain (the corpus has 第七条 rules outside this one's exclusiveGroup): they do not block.
    expect(await checks.innerText()).toContain('0 个错误（阻止发布）');
    expect(await checks.innerText()).toContain('可能重复享受');

    // Save the draft: version 1, and drafts are not matched.
    await page.locator('#save-message').fill('第七条 文化旅游企业新增投资');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/authoring\/rules\/gansu-baiyin-investment-incentives-2023%2Fart-07/);
    await expect.poll(() => page.locator('.editor-status').innerText()).toContain('已保存第 1 版');
    const matched = async () => {
      // As a business would ask, without a session.
      const res = await fetch(`${harness.baseUrl}/api/match`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ profile: { province: '甘肃', city: '白银', entityType: 'enterprise', industries: ['culture_tourism'], fixedAssetInvestmentYuan: 20_000_000 }, asOf: '2024-06-01' }),
      });
      return ((await res.json()).eligible as { ruleId: string }[]).map((i) => i.ruleId);
    };
    expect(await matched()).not.toContain(RULE_ID);

    // The JSON view shows the same rule.
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.locator('.json-view .cm-content').waitFor();
    expect(await page.locator('.json-view .cm-content').innerText()).toContain('art-07-culture-tourism-new-assets');

    // Run the examples, then preview the impact (no screenings are stored here: nobody to compare).
    await page.getByRole('tab', { name: '测试' }).click();
    await page.getByRole('button', { name: '运行示例' }).click();
    await expect.poll(() => page.locator('.example-results').innerText()).toContain('通过');
    expect(await page.locator('.example-results .example-failed').count()).toBe(0);
    await page.getByRole('tab', { name: '影响' }).click();
    await page.getByRole('button', { name: '预览影响' }).click();
    await expect.poll(() => page.locator('.impact-summary').innerText()).toContain('还没有保存的筛查');

    // Publish: /api/match has it at once.
    await page.getByRole('button', { name: '发布第 1 版' }).click();
    await expect.poll(() => page.locator('.editor-status').innerText()).toContain('已发布第 1 版');
    expect(await matched()).toContain(RULE_ID);
    await page.getByRole('tab', { name: '历史' }).click();
    await page.locator('.history-table').getByText('当前发布').waitFor();
    await shot(page, 'authoring-published');
    expect(await seriousViolations(page)).toEqual([]);

    // Who newly qualifies: an author sees totals by benefit and city, with no business named and nothing to export.
    await page.locator('nav.account').getByRole('link', { name: '新符合企业' }).click();
    await page.getByRole('button', { name: '查看' }).first().click();
    const publication = page.locator('section.publication');
    await publication.getByRole('heading', { name: '按政策和城市汇总' }).waitFor();
    expect(await publication.innerText()).toContain('规则编写人员只看到汇总数字');
    expect(await publication.getByRole('link', { name: '导出 CSV' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(cspViolations(page)).toEqual([]);
  });
});
