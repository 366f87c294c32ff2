/** Journey 3: a private firm in 银川, 宁夏, holding patents and trademarks granted abroad. */
import { describe, expect, it } from 'vitest';
import { newPage, PHONE, seriousViolations, shot, useHarness } from './harness.ts';
import { card, choose, eligibleCard, expectCardShows, expectTotalMatchesApi, matchFromApi, pickCity, ruleFromFile, settled, startFinder, type } from './questionnaire.ts';

const DOC = 'ningxia-amr-private-economy-measures-2023';
const patentGrant = ruleFromFile(DOC, 'm20-foreign-invention-patent');
const trademarkGrant = ruleFromFile(DOC, 'm20-foreign-trademark');
const transferGrant = ruleFromFile(DOC, 'm21-ip-transfer');
const TRANSFER = '知识产权转化实施交易额';
const MONEY = new Set(['cash_award', 'subsidy', 'tax_relief', 'fee_relief']);

const harness = useHarness();

describe('宁夏: a private firm with foreign patents', () => {
  it('picks 银川 from the list, and sees 2万元 per foreign patent and 1万元 per foreign trademark first', async () => {
    const page = await newPage(harness);
    await startFinder(page, harness.baseUrl, { province: '宁夏', entityType: '企业', asOf: '2023-12-01' });
    // The city is picked from 宁夏's list, found by its pinyin.
    await pickCity(page, 'yinchuan', '银川', () => shot(page, 'ningxia-city-list', false));
    await choose(page, '所有制', '民营');
    await type(page, '近12个月内国外授权的发明专利数', '2');
    await type(page, '近12个月内国外注册的商标数', '3');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('city')).toBe('银川');

    await expectCardShows(eligibleCard(page, patentGrant.title), patentGrant, '4万元');
    await expectCardShows(eligibleCard(page, trademarkGrant.title), trademarkGrant, '3万元');
    expect(await eligibleCard(page, patentGrant.title).locator('.reasons').innerText()).toContain('近12个月内国外授权的发明专利数 不低于 1 项');
    const total = await expectTotalMatchesApi(page, harness.baseUrl);
    expect(total).toBeGreaterThanOrEqual(70000);
    // Money first: the cards lead with the benefits the API prices, the largest first.
    const api = await matchFromApi(page, harness.baseUrl);
    const priced = api.eligible.filter((i) => i.amountYuan !== null && MONEY.has(i.category)).sort((a, b) => b.amountYuan! - a.amountYuan!);
    const shown = await page.locator('.eligible-list article.benefit h4').allInnerTexts();
    expect(shown.slice(0, priced.length).toSorted()).toEqual(priced.map((i) => i.title).toSorted());
    await eligibleCard(page, patentGrant.title).scrollIntoViewIfNeeded();
    await shot(page, 'ningxia-desktop', false);

    // A count must be a whole number: the form says so next to the field, and the result ignores it.
    await type(page, '近12个月内国外授权的发明专利数', '1.5');
    await expect.poll(() => page.locator('form.questionnaire [data-fact="newForeignInventionPatents"] .error').innerText()).toContain('请输入整数');
    expect(await page.locator('form.questionnaire').getByLabel('近12个月内国外授权的发明专利数').getAttribute('aria-invalid')).toBe('true');
    await type(page, '近12个月内国外授权的发明专利数', '2');
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);

    const phone = await newPage(harness, PHONE);
    await phone.goto(page.url());
    await settled(phone);
    await shot(phone, 'ningxia-phone-top', false);
    await eligibleCard(phone, patentGrant.title).scrollIntoViewIfNeeded();
    await shot(phone, 'ningxia-phone-card', false);
    expect(await seriousViolations(phone)).toEqual([]);
  });

  it('reads "3亿" in a 万元 field as 3亿元, doubts 300000000, and words the reason without "0元"', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/?province=宁夏&city=银川&entityType=enterprise&ownership=private&asOf=2023-12-01`);
    await settled(page);
    const field = page.locator(`form.questionnaire [data-fact="techTransferAmountYuan"]`);
    await type(page, TRANSFER, '3亿');
    await expect.poll(() => field.locator('.echo').innerText()).toBe('= 3亿元');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('techTransferAmountYuan')).toBe('300000000');
    const grant = eligibleCard(page, transferGrant.title);
    await expectCardShows(grant, transferGrant, '100万元');
    const reasons = await grant.locator('.reasons').innerText();
    expect(reasons).toContain(`${TRANSFER}：有（大于零）`);
    expect(reasons).not.toContain('0元');

    // A bare number that large is almost surely yuan: it is not matched until the person says which they meant.
    await type(page, TRANSFER, '300000000');
    const doubt = field.locator('.doubt');
    await expect.poll(() => doubt.innerText()).toContain('3亿元');
    expect(await doubt.getAttribute('role')).toBe('alert');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('techTransferAmountYuan')).toBeNull();
    await shot(page, 'money-doubt', false);
    await doubt.getByRole('button', { name: '是 3亿元' }).click();
    await expect.poll(() => field.locator('input').inputValue()).toBe('3亿');
    expect(await field.locator('.echo').innerText()).toBe('= 3亿元');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('techTransferAmountYuan')).toBe('300000000');
  });

  it('prints what applies with reasons, what may apply with its questions, and a link and QR code back', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/?province=宁夏&city=银川&entityType=enterprise&ownership=private&foreignInventionPatents=2&foreignTrademarks=3&asOf=2023-12-01`);
    await settled(page);
    const possibleTitles = await page.locator('.possible-list > article.benefit h4').allInnerTexts();
    expect(possibleTitles.length).toBeGreaterThan(0);

    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.print-sheet');
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator('form.questionnaire').isVisible()).toBe(false);
    expect(await page.locator('section.results').isVisible()).toBe(false);
    const printed = await sheet.innerText();
    expect(printed).toContain(patentGrant.title);
    expect(printed).toContain(patentGrant.document.title);
    for (const title of possibleTitles) expect(printed).toContain(title);
    expect(printed).toContain('还需确认');
    expect(printed).not.toContain('点击');
    // The link and its QR code lead back to these answers on this date.
    const link = new URL((await sheet.locator('.p-link a').getAttribute('href'))!);
    expect(Object.fromEntries(link.searchParams)).toEqual(Object.fromEntries(new URL(page.url()).searchParams));
    expect(await sheet.getByRole('img', { name: /二维码/ }).isVisible()).toBe(true);
    await shot(page, 'ningxia-print');
    // About a page per five benefits.
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const benefits = (await sheet.locator('.p-benefit').count()) + (await sheet.locator('.p-brief tbody tr').count());
    expect(pages).toBeLessThanOrEqual(Math.ceil(benefits / 5) + 1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('lets people browse the documents and read the clause highlighted', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/documents`);
    await page.getByLabel('省份').selectOption({ label: '宁夏' });
    await page.getByLabel('搜索').fill('发明专利');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('发明专利');
    // The words searched for are marked in what was found.
    await expect.poll(() => page.locator('.document-card mark.term').first().innerText()).toBe('发明专利');
    const link = page.getByRole('link', { name: patentGrant.document.title, exact: true });
    await shot(page, 'documents-list', false);
    expect(await seriousViolations(page)).toEqual([]);

    await link.click();
    await page.getByRole('heading', { level: 1, name: patentGrant.document.title }).waitFor();
    const mark = page.locator(`mark[data-rule="${patentGrant.id}"]`);
    expect((await mark.allInnerTexts()).join('').replace(/\s/g, '')).toBe(patentGrant.quote.replace(/\s/g, ''));
    expect(await page.getByRole('heading', { name: `第 ${patentGrant.page} 页` }).count()).toBe(1);
    expect(await page.locator('.document-text mark.term').count()).toBeGreaterThan(0);
    // The rule list beside the text links to the highlighted clause.
    await page.locator('.rule-sidebar').getByRole('link', { name: patentGrant.title, exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-rule'))).toBe(patentGrant.id);
    await shot(page, 'document-ningxia', false);
    expect(await seriousViolations(page)).toEqual([]);

    const phone = await newPage(harness, PHONE);
    await phone.goto(`${harness.baseUrl}/documents/${patentGrant.document.id}`);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await shot(phone, 'document-phone', false);
    expect(await seriousViolations(phone)).toEqual([]);
  });
});
