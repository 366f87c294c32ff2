/** Journey 2: a 甘肃 个体工商户 founded by a veteran, first time self-employed, one year in business. */
import { describe, expect, it } from 'vitest';
import { newPage, PHONE, seriousViolations, shot, useHarness } from './harness.ts';
import { choose, eligibleCard, expectCardShows, expectTotalMatchesApi, ruleFromFile, settled, startFinder, type } from './questionnaire.ts';

const DOC = 'gansu-individual-business-measures-2023';
const startupSubsidy = ruleFromFile(DOC, 'art-04-startup-subsidy');
const loanInterest = ruleFromFile(DOC, 'art-07-veteran-loan-interest');
const counterGuaranteeWaiver = ruleFromFile(DOC, 'art-07-veteran-counter-guarantee-waiver');

const harness = useHarness();

describe('甘肃: an individual business founded by a veteran', () => {
  it('finds the 5000元 startup subsidy and the veteran loan support, and answers a question in place', async () => {
    const page = await newPage(harness);
    await startFinder(page, harness.baseUrl, { province: '甘肃', entityType: '个体工商户', asOf: '2023-12-01' });

    await choose(page, '创业者身份', '退役军人');
    await choose(page, '首次创业', '是');
    await type(page, '成立年限', '1');
    await settled(page);

    await expectCardShows(eligibleCard(page, startupSubsidy.title), startupSubsidy, '5000元');
    expect(await eligibleCard(page, startupSubsidy.title).locator('.reasons').innerText()).toContain('创业者身份 包括 退役军人');
    // The loan interest subsidy has no definite amount: it is listed among the general measures, folded.
    await page.getByText(/同样适用的一般性措施/).click();
    await expectCardShows(eligibleCard(page, loanInterest.title), loanInterest, '创业担保贷款贴息');
    const total = await expectTotalMatchesApi(page, harness.baseUrl);
    expect(total).toBeGreaterThanOrEqual(5000);

    // A possibly eligible benefit names the missing fact, and it can be answered right there.
    const possible = page.locator('article.benefit.possible', { has: page.getByRole('heading', { name: counterGuaranteeWaiver.title, exact: true }) });
    await possible.waitFor();
    await shot(page, 'veteran-possible', false);
    await possible.scrollIntoViewIfNeeded();
    await shot(page, 'veteran-possible-card', false);
    await possible.getByRole('group', { name: /荣誉称号/ }).getByLabel('是', { exact: true }).check();
    await settled(page);
    await expectCardShows(eligibleCard(page, counterGuaranteeWaiver.title), counterGuaranteeWaiver, '免除反担保');
    await eligibleCard(page, counterGuaranteeWaiver.title).scrollIntoViewIfNeeded();
    await shot(page, 'veteran-desktop', false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('speaks English on request, rule texts as written', async () => {
    const page = await newPage(harness, PHONE);
    const params = new URLSearchParams({
      province: '甘肃', entityType: 'individual_business', founderGroups: 'veteran', firstTimeSelfEmployed: 'true', yearsOperating: '1', asOf: '2023-12-01',
    });
    await page.goto(`${harness.baseUrl}/?${params}`);
    await settled(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.getByRole('heading', { level: 2, name: 'Support you can apply for' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const card = eligibleCard(page, startupSubsidy.title);
    expect(await card.locator('.reasons').innerText()).toContain('Founder background includes Veteran'.replace('Founder background', await factLabelEn('founderGroups')));
    expect(await card.innerText()).toContain('Read this clause in its document');
    await shot(page, 'veteran-phone-english', false);
    await card.scrollIntoViewIfNeeded();
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
