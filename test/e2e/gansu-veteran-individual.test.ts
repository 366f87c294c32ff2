/** Journey 2: a 甘肃 个体工商户 founded by a veteran, first time self-employed, one year in business. */
import { describe, expect, it } from 'vitest';
import { newPage, PHONE, seriousViolations, shot, useHarness } from './harness.ts';
import { card, choose, eligibleCard, expectCardShows, expectTotalMatchesApi, ruleFromFile, settled, startFinder, type } from './questionnaire.ts';

const DOC = 'gansu-individual-business-measures-2023';
const startupSubsidy = ruleFromFile(DOC, 'art-04-startup-subsidy');
const loanInterest = ruleFromFile(DOC, 'art-07-veteran-loan-interest');
const counterGuaranteeWaiver = ruleFromFile(DOC, 'art-07-veteran-counter-guarantee-waiver');

const harness = useHarness();

describe('甘肃: an individual business founded by a veteran', () => {
  it('finds the 5000元 startup subsidy first, the veteran loan support after it, and answers a question in place', async () => {
    const page = await newPage(harness);
    await startFinder(page, harness.baseUrl, { province: '甘肃', entityType: '个体工商户', asOf: '2023-12-01' });

    await choose(page, '创业者身份', '退役军人');
    await choose(page, '首次创业', '是');
    await type(page, '成立年限', '1');
    // The loan support is for a founder who borrows: the situation is named in the optional step.
    await choose(page, '近期正在或准备办理的事项', '贷款融资、担保、抵押质押');
    await settled(page);

    const subsidy = eligibleCard(page, startupSubsidy.title);
    await expectCardShows(subsidy, startupSubsidy, '5000元');
    expect(await subsidy.locator('.reasons').innerText()).toContain('创业者身份 包括 退役军人');
    // The loan interest subsidy has no definite amount: it follows the money, among the other support.
    await expectCardShows(eligibleCard(page, loanInterest.title), loanInterest, '创业担保贷款贴息');
    const order = await page.locator('.eligible-list article.benefit h4').allInnerTexts();
    expect(order.indexOf(startupSubsidy.title)).toBeLessThan(order.indexOf(loanInterest.title));
    const total = await expectTotalMatchesApi(page, harness.baseUrl);
    expect(total).toBeGreaterThanOrEqual(5000);

    // A possibly eligible benefit asks only what it still needs, right on its card.
    await page.locator('.possible-list details.folded', { hasText: '融资、用地、人才等支持' }).locator(':scope > summary').click();
    const possible = card(page, 'possible', counterGuaranteeWaiver.title);
    await possible.waitFor();
    await possible.scrollIntoViewIfNeeded();
    await shot(page, 'veteran-possible-card', false);
    await possible.getByRole('group', { name: /荣誉称号/ }).getByLabel('是', { exact: true }).check();
    await settled(page);
    await expect.poll(() => page.locator('.moved [role="status"]').innerText()).toBe(`“${counterGuaranteeWaiver.title}”已移到“符合”。`);
    await expectCardShows(eligibleCard(page, counterGuaranteeWaiver.title), counterGuaranteeWaiver, '免除反担保');
    await shot(page, 'veteran-desktop', false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('answers a near miss in place: one year in business makes the startup subsidy certain', async () => {
    const page = await newPage(harness);
    const params = new URLSearchParams({
      province: '甘肃', entityType: 'individual_business', founderGroups: 'veteran', firstTimeSelfEmployed: 'true', yearsOperating: '0', asOf: '2023-12-01',
    });
    await page.goto(`${harness.baseUrl}/?${params}`);
    await settled(page);
    const nearMiss = card(page, 'nearMisses', startupSubsidy.title);
    await nearMiss.scrollIntoViewIfNeeded();
    expect(await nearMiss.locator('.shortfall').innerText()).toContain('成立年限 不低于 1 年');
    expect(await nearMiss.locator('.money').count()).toBe(0);
    await shot(page, 'veteran-near-miss', false);
    await nearMiss.getByLabel('成立年限').fill('1');
    await settled(page);
    await expect.poll(() => eligibleCard(page, startupSubsidy.title).count()).toBe(1);
    expect(await page.locator('.moved [role="status"]').innerText()).toBe(`“${startupSubsidy.title}”已移到“符合”。`);
  });

  it('speaks English on request, amounts and departments included, rule texts as written', async () => {
    const page = await newPage(harness, PHONE);
    const params = new URLSearchParams({
      province: '甘肃', entityType: 'individual_business', founderGroups: 'veteran', firstTimeSelfEmployed: 'true', yearsOperating: '1', asOf: '2023-12-01',
    });
    await page.goto(`${harness.baseUrl}/?${params}`);
    await settled(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.getByRole('heading', { level: 2, name: 'Support you can apply for' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const subsidy = eligibleCard(page, startupSubsidy.title);
    expect(await subsidy.locator('.amount').innerText()).toContain('CNY 5,000');
    expect(await subsidy.locator('.card-status').innerText()).toContain('Eligible');
    expect(await subsidy.locator('.reasons').innerText()).toContain(`${await factLabelEn('founderGroups')} includes Veteran`);
    const text = await subsidy.innerText();
    expect(text).toContain('Read this clause in its document');
    expect(text).toContain('provincial human resources and social security bureau');
    expect(text).toContain(startupSubsidy.quote);
    await shot(page, 'veteran-phone-english', false);
    await subsidy.scrollIntoViewIfNeeded();
    await shot(page, 'veteran-phone-english-card', false);
    expect(await seriousViolations(page)).toEqual([]);
    // The choice of language is kept.
    await page.reload();
    await settled(page);
    expect(await page.getByRole('button', { name: '切换到中文' }).count()).toBe(1);
  });
});

async function factLabelEn(name: string): Promise<string> {
  const facts = (await (await fetch(`${harness.baseUrl}/api/facts`)).json()) as { name: string; label: { en: string } }[];
  return facts.find((f) => f.name === name)!.label.en;
}
