/** Journey 1: a company in 白银 with a newly introduced 2亿 industrial project. */
import { describe, expect, it } from 'vitest';
import { newPage, PHONE, seriousViolations, shot, useHarness } from './harness.ts';
import { choose, eligibleCard, expectCardShows, expectTotalMatchesApi, ruleFromFile, select, settled, startFinder, type } from './questionnaire.ts';

const landingAward = ruleFromFile('gansu-baiyin-investment-incentives-2023', 'art-03-landing-award');

const harness = useHarness();

describe('白银: a 2亿 newly introduced industrial project', () => {
  it('finds the 落地投资奖 of 200万元 with its source, and keeps the answers', async () => {
    const page = await newPage(harness);
    await startFinder(page, harness.baseUrl, { province: '甘肃', city: '白银', entityType: '企业', asOf: '2024-06-01' });

    // Only questions that matter for 白银 are asked; the investment question is among them.
    await choose(page, '招商引资新引进项目', '是');
    await type(page, '实际完成固定资产投资（不含土地）', '两亿');
    await expect.poll(() => page.locator('[data-fact="fixedAssetInvestmentYuan"] .error').first().innerText()).toContain('请输入数字');
    await shot(page, 'baiyin-invalid-answer', false);
    await type(page, '实际完成固定资产投资（不含土地）', '20000');
    await select(page, '项目类型', '工业项目');
    await choose(page, '项目按合同约定期限建成投产', '是');
    await choose(page, '列入严重失信名单或发生重大安全、环保事故', '否');
    await settled(page);

    const card = eligibleCard(page, landingAward.title);
    await expectCardShows(card, landingAward, '200万元');
    expect(await card.locator('.reasons').innerText()).toContain('实际完成固定资产投资（不含土地） 不低于 1亿元');
    await expectTotalMatchesApi(page, harness.baseUrl);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'baiyin-desktop', false);

    // The answers are in the link and survive a reload.
    const url = new URL(page.url());
    expect(url.searchParams.get('fixedAssetInvestmentYuan')).toBe('200000000');
    expect(url.searchParams.get('city')).toBe('白银');
    await page.reload();
    await settled(page);
    await expect.poll(() => eligibleCard(page, landingAward.title).count()).toBe(1);
    expect(await page.locator('form.questionnaire').getByLabel('实际完成固定资产投资（不含土地）').inputValue()).toBe('20000');
    // Coming back without the link, this browser still remembers them.
    await page.goto(`${harness.baseUrl}/`);
    await settled(page);
    expect(await page.locator('form.questionnaire').getByLabel('所在市（州）').inputValue()).toBe('白银');
    expect(new URL(page.url()).searchParams.get('fixedAssetInvestmentYuan')).toBe('200000000');
    await expect.poll(() => eligibleCard(page, landingAward.title).count()).toBe(1);

    // No serious accessibility problem on the result page.
    expect(await seriousViolations(page)).toEqual([]);

    // The print view is a clean list.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.questionnaire').isVisible()).toBe(false);
    expect(await eligibleCard(page, landingAward.title).isVisible()).toBe(true);
    await shot(page, 'baiyin-print');
    await page.emulateMedia({ media: 'screen' });

    // The clause can be read in its document, highlighted.
    await eligibleCard(page, landingAward.title).getByRole('link', { name: /在原文中查看该条款/ }).click();
    await page.waitForURL(/\/documents\/gansu-baiyin-investment-incentives-2023#rule-/);
    const mark = page.locator(`mark[data-rule="${landingAward.id}"]`).first();
    await mark.waitFor();
    expect((await page.locator(`mark[data-rule="${landingAward.id}"]`).allInnerTexts()).join('').replace(/\s/g, '')).toBe(landingAward.quote.replace(/\s/g, ''));
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK');
    expect(await page.getByRole('heading', { name: `第 ${landingAward.page} 页` }).count()).toBe(1);
    await shot(page, 'baiyin-document', false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the same result on a phone', async () => {
    const page = await newPage(harness, PHONE);
    const params = new URLSearchParams({
      province: '甘肃', city: '白银', entityType: 'enterprise', newlyIntroduced: 'true', fixedAssetInvestmentYuan: '200000000',
      projectType: 'industrial', projectOnSchedule: 'true', seriousDiscredit: 'false', asOf: '2024-06-01',
    });
    await page.goto(`${harness.baseUrl}/?${params}`);
    await settled(page);
    await expectCardShows(eligibleCard(page, landingAward.title), landingAward, '200万元');
    await shot(page, 'baiyin-phone-top', false);
    await eligibleCard(page, landingAward.title).scrollIntoViewIfNeeded();
    await shot(page, 'baiyin-phone-card', false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('says what is missing for a near miss, and lists the benefit as expired after its validity', async () => {
    const page = await newPage(harness);
    const params = new URLSearchParams({
      province: '甘肃', city: '白银', entityType: 'enterprise', newlyIntroduced: 'true', fixedAssetInvestmentYuan: '50000000',
      projectType: 'industrial', projectOnSchedule: 'true', seriousDiscredit: 'false', asOf: '2024-06-01',
    });
    await page.goto(`${harness.baseUrl}/?${params}`);
    await settled(page);
    const nearMiss = page.locator('article.benefit.nearMiss', { has: page.getByRole('heading', { name: landingAward.title, exact: true }) });
    await nearMiss.scrollIntoViewIfNeeded();
    const shortfall = await nearMiss.locator('.shortfall').innerText();
    expect(shortfall).toContain('实际完成固定资产投资（不含土地） 不低于 1亿元');
    expect(shortfall).toContain('5000万元');
    await shot(page, 'baiyin-near-miss', false);

    params.set('fixedAssetInvestmentYuan', '200000000');
    params.set('asOf', '2028-06-01');
    await page.goto(`${harness.baseUrl}/?${params}`);
    await settled(page);
    const expired = page.locator('details.expired-list');
    expect(await expired.getAttribute('open')).toBeNull();
    await expired.locator('summary').click();
    const card = page.locator('article.benefit.expired', { has: page.getByRole('heading', { name: landingAward.title, exact: true }) });
    expect(await card.innerText()).toContain('2028年3月30日');
    expect(await eligibleCard(page, landingAward.title).count()).toBe(0);
  });

  it('can be used with the keyboard alone', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/`);
    await page.getByRole('group', { name: '注册所在省（区）' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    // From the main content, the first stop is the province question.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('白银');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await settled(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('city')).toBe('白银');
    expect(url.searchParams.get('entityType')).toBe('enterprise');
    await shot(page, 'keyboard-focus', false);
  });
});
