/** Journey 1: a company in 白银 with a newly introduced 2亿 industrial project. */
import { describe, expect, it } from 'vitest';
import { newPage, PHONE, seriousViolations, shot, useHarness } from './harness.ts';
import {
  card, choose, eligibleCard, exclusionFacts, expectCardShows, expectTotalMatchesApi, ruleFromFile, select, settled, startFinder, type, unfold,
} from './questionnaire.ts';

const landingAward = ruleFromFile('gansu-baiyin-investment-incentives-2023', 'art-03-landing-award');
const FITS_POLICY = '项目（企业）符合国家产业政策和当地重点产业发展规划（产业导向）';
const DISCREDIT = '列入严重失信名单或发生重大安全、环保事故';

const harness = useHarness();

describe('白银: a 2亿 newly introduced industrial project', () => {
  it('finds the 落地投资奖 of 200万元 with its source, and keeps the answers', async () => {
    const page = await newPage(harness);
    await startFinder(page, harness.baseUrl, { province: '甘肃', city: '白银', entityType: '企业', asOf: '2024-06-01' });

    // Only questions that matter for 白银 are asked; the investment question is among them.
    await choose(page, '招商引资新引进项目', '是');
    await type(page, '实际完成固定资产投资（不含土地）', '两个亿');
    await expect.poll(() => page.locator('[data-fact="fixedAssetInvestmentYuan"] .error').first().innerText()).toContain('请输入金额');
    await shot(page, 'baiyin-invalid-answer', false);
    await type(page, '实际完成固定资产投资（不含土地）', '20000');
    await expect.poll(() => page.locator('form.questionnaire [data-fact="fixedAssetInvestmentYuan"] .echo').innerText()).toBe('= 2亿元');
    await select(page, '项目类型', '工业项目');
    // 第二条: the awards are for projects that fit industrial policy, which the business answers.
    await choose(page, FITS_POLICY, '是');
    await choose(page, '项目按合同约定期限建成投产', '是');
    await choose(page, DISCREDIT, '否');
    await settled(page);

    const award = eligibleCard(page, landingAward.title);
    await expectCardShows(award, landingAward, '200万元');
    expect(await award.locator('.reasons').innerText()).toContain('实际完成固定资产投资（不含土地） 不低于 1亿元');
    await expectTotalMatchesApi(page, harness.baseUrl);
    // Money leads: the first benefit listed is one of money.
    expect(await page.locator('.eligible-list article.benefit').first().locator('h4').innerText()).toBe(landingAward.title);
    await award.scrollIntoViewIfNeeded();
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
    expect(await page.locator('form.questionnaire').getByRole('combobox', { name: '所在市（州）' }).inputValue()).toBe('白银');
    expect(new URL(page.url()).searchParams.get('fixedAssetInvestmentYuan')).toBe('200000000');
    await expect.poll(() => eligibleCard(page, landingAward.title).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The clause can be read in its document, highlighted.
    await unfold(eligibleCard(page, landingAward.title));
    await eligibleCard(page, landingAward.title).getByRole('link', { name: /在原文中查看该条款/ }).first().click();
    await page.waitForURL(/\/documents\/gansu-baiyin-investment-incentives-2023#rule-/);
    const mark = page.locator(`mark[data-rule="${landingAward.id}"]`).first();
    await mark.waitFor();
    expect((await page.locator(`mark[data-rule="${landingAward.id}"]`).allInnerTexts()).join('').replace(/\s/g, '')).toBe(landingAward.quote.replace(/\s/g, ''));
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK');
    expect(await page.getByRole('heading', { name: `第 ${landingAward.page} 页` }).count()).toBe(1);
    await shot(page, 'baiyin-document', false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows 落地投资奖 before the exclusion questions are answered, and moves it when one holds', async () => {
    const page = await newPage(harness);
    await startFinder(page, harness.baseUrl, { province: '甘肃', city: '白银', entityType: '企业', asOf: '2024-06-01' });
    await choose(page, '招商引资新引进项目', '是');
    await type(page, '实际完成固定资产投资（不含土地）', '2亿');
    await select(page, '项目类型', '工业项目');
    // 第二条: the awards are for projects that fit industrial policy, which the business answers.
    await choose(page, FITS_POLICY, '是');
    await settled(page);

    // Where the rule file states 严重失信 as an exclusion, the benefit is eligible with a line to confirm; where it
    // still states it as a condition, the benefit waits for the answer as a possible one. Either way the card asks it.
    const asExclusion = exclusionFacts(landingAward).has('seriousDiscredit');
    const before = card(page, asExclusion ? 'eligible' : 'possible', landingAward.title);
    await expect.poll(() => before.count()).toBe(1);
    expect(await before.locator('.amount').innerText()).toContain('200万元');
    const question = before.getByRole('group', { name: new RegExp(DISCREDIT) });
    if (asExclusion) {
      expect(await question.innerText()).toContain('须确认');
      expect(await page.getByTestId('total').innerText()).toBe('200万元');
    }
    await before.scrollIntoViewIfNeeded();
    await shot(page, 'baiyin-caveats', false);
    const top = await before.evaluate((el) => el.getBoundingClientRect().top);

    await question.getByLabel('是', { exact: true }).check();
    await settled(page);
    expect(await eligibleCard(page, landingAward.title).count()).toBe(0);
    expect(await card(page, 'possible', landingAward.title).count()).toBe(0);
    const notice = page.locator('.moved [role="status"]');
    await expect
      .poll(() => notice.innerText())
      .toBe(asExclusion ? `“${landingAward.title}”已移到“已排除”。` : `“${landingAward.title}”不再符合，已从列表中移除。`);
    // The reader keeps their place: focus moves to the card that followed, which is in view where the card was (or as
    // near as the shorter list allows); when every other card is folded away, to the results' heading, focus not lost.
    const place = await page.evaluate(() => {
      const next = document.activeElement?.closest('[data-place]');
      if (next) return { top: next.getBoundingClientRect().top, height: innerHeight };
      return document.activeElement?.id === 'results-title' ? 'heading' : null;
    });
    expect(place).not.toBeNull();
    if (place !== 'heading') {
      expect(place!.top).toBeGreaterThanOrEqual(0);
      expect(place!.top).toBeLessThan(Math.max(top, 0) + place!.height / 2);
    }
    await shot(page, 'baiyin-moved', false);

    if (asExclusion) {
      expect(await page.getByTestId('total').innerText()).not.toBe('200万元');
      // The notice shows where it went: the folded list of excluded benefits, which says why.
      await page.locator('.moved').getByRole('button', { name: '查看' }).click();
      const excluded = card(page, 'excluded', landingAward.title);
      await expect.poll(() => excluded.count()).toBe(1);
      expect(await excluded.innerText()).toContain(DISCREDIT);
      expect(await excluded.locator('.money').count()).toBe(0);
      expect(await excluded.innerText()).not.toContain('✓');
      await shot(page, 'baiyin-excluded', false);
    }
  });

  it('shows the same result on a phone, money first', async () => {
    const page = await newPage(harness, PHONE);
    const params = new URLSearchParams({
      province: '甘肃', city: '白银', entityType: 'enterprise', newlyIntroduced: 'true', fixedAssetInvestmentYuan: '200000000',
      projectType: 'industrial', projectOnSchedule: 'true', seriousDiscredit: 'false', fitsIndustryPolicy: 'true', asOf: '2024-06-01',
    });
    await page.goto(`${harness.baseUrl}/?${params}`);
    await settled(page);
    await expectCardShows(eligibleCard(page, landingAward.title), landingAward, '200万元');
    await shot(page, 'baiyin-phone-top', false);
    await eligibleCard(page, landingAward.title).scrollIntoViewIfNeeded();
    await shot(page, 'baiyin-phone-card', false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists the benefit as expired after its validity, muted, without a ✓ or money in red', async () => {
    const page = await newPage(harness);
    const params = new URLSearchParams({
      province: '甘肃', city: '白银', entityType: 'enterprise', newlyIntroduced: 'true', fixedAssetInvestmentYuan: '200000000',
      projectType: 'industrial', projectOnSchedule: 'true', seriousDiscredit: 'false', fitsIndustryPolicy: 'true', asOf: '2028-06-01',
    });
    await page.goto(`${harness.baseUrl}/?${params}`);
    await settled(page);
    const expired = page.locator('details.expired-list').first();
    expect(await expired.getAttribute('open')).toBeNull();
    await expired.locator(':scope > summary').click();
    const gone = card(page, 'expired', landingAward.title);
    const text = await gone.innerText();
    expect(text).toContain('已过期');
    expect(text).toContain('2028年3月30日');
    expect(text).not.toContain('✓');
    expect(await gone.locator('.money').count()).toBe(0);
    expect(await eligibleCard(page, landingAward.title).count()).toBe(0);
    await gone.scrollIntoViewIfNeeded();
    await shot(page, 'baiyin-expired', false);
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
    // The city list filters on pinyin; the arrow keys and Enter pick from it.
    await page.keyboard.press('Tab');
    await page.keyboard.type('baiy');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-activedescendant') ?? '')?.textContent)).toContain('白银');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await settled(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('city')).toBe('白银');
    expect(url.searchParams.get('entityType')).toBe('enterprise');
    await shot(page, 'keyboard-focus', false);
  });
});
