/** Journey 3: a private firm in 银川, 宁夏, holding patents and trademarks granted abroad. */
import { describe, expect, it } from 'vitest';
import { newPage, PHONE, seriousViolations, shot, useHarness } from './harness.ts';
import { choose, eligibleCard, expectCardShows, expectTotalMatchesApi, ruleFromFile, settled, startFinder, type } from './questionnaire.ts';

const DOC = 'ningxia-amr-private-economy-measures-2023';
const patentGrant = ruleFromFile(DOC, 'm20-foreign-invention-patent');
const trademarkGrant = ruleFromFile(DOC, 'm20-foreign-trademark');

const harness = useHarness();

describe('宁夏: a private firm with foreign patents', () => {
  it('finds 2万元 per foreign invention patent and 1万元 per foreign trademark, with their source', async () => {
    const page = await newPage(harness);
    await startFinder(page, harness.baseUrl, { province: '宁夏', city: '银川', entityType: '企业', asOf: '2023-12-01' });
    await choose(page, '所有制', '民营');
    await type(page, '国外授权发明专利数', '2');
    await type(page, '国外注册商标数', '3');
    await settled(page);

    await expectCardShows(eligibleCard(page, patentGrant.title), patentGrant, '4万元');
    await expectCardShows(eligibleCard(page, trademarkGrant.title), trademarkGrant, '3万元');
    expect(await eligibleCard(page, patentGrant.title).locator('.reasons').innerText()).toContain('国外授权发明专利数 不低于 1 项');
    const total = await expectTotalMatchesApi(page, harness.baseUrl);
    expect(total).toBeGreaterThanOrEqual(70000);
    await eligibleCard(page, patentGrant.title).scrollIntoViewIfNeeded();
    await shot(page, 'ningxia-desktop', false);

    // A count must be a whole number: the form says so next to the field, and the result ignores it.
    await type(page, '国外授权发明专利数', '1.5');
    await expect.poll(() => page.locator('form.questionnaire [data-fact="foreignInventionPatents"] .error').innerText()).toContain('请输入整数');
    expect(await page.locator('form.questionnaire').getByLabel('国外授权发明专利数').getAttribute('aria-invalid')).toBe('true');
    await type(page, '国外授权发明专利数', '2');
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);

    const phone = await newPage(harness, PHONE);
    await phone.goto(page.url());
    await settled(phone);
    await eligibleCard(phone, patentGrant.title).scrollIntoViewIfNeeded();
    await shot(phone, 'ningxia-phone-card', false);
  });

  it('lets people browse the documents and read the clause highlighted', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/documents`);
    await page.getByLabel('省份').selectOption({ label: '宁夏' });
    await page.getByLabel('搜索').fill('发明专利');
    // The search runs after a pause in typing: the province's list alone already holds the link.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('发明专利');
    const link = page.getByRole('link', { name: patentGrant.document.title, exact: true });
    await link.waitFor();
    await shot(page, 'documents-list', false);
    expect(await seriousViolations(page)).toEqual([]);

    await link.click();
    await page.getByRole('heading', { level: 1, name: patentGrant.document.title }).waitFor();
    const mark = page.locator(`mark[data-rule="${patentGrant.id}"]`);
    expect((await mark.allInnerTexts()).join('').replace(/\s/g, '')).toBe(patentGrant.quote.replace(/\s/g, ''));
    expect(await page.getByRole('heading', { name: `第 ${patentGrant.page} 页` }).count()).toBe(1);
    // The rule list beside the text links to the highlighted clause.
    await page.locator('.rule-sidebar').getByRole('link', { name: patentGrant.title, exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-rule'))).toBe(patentGrant.id);
    await shot(page, 'document-ningxia', false);
    expect(await seriousViolations(page)).toEqual([]);

    const phone = await newPage(harness, PHONE);
    await phone.goto(`${harness.baseUrl}/documents/${patentGrant.document.id}`);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await shot(phone, 'document-phone', false);
  });
});
