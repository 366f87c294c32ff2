/** A province without documents, a city's documents with the province's, and a 文号 printed with another's prefix. */
import { describe, expect, it } from 'vitest';
import { newPage, PHONE, seriousViolations, shot, useHarness } from './harness.ts';
import { choose } from './questionnaire.ts';

const harness = useHarness();

describe('regions and documents', () => {
  it('says plainly that 青海 has no documents, and asks nothing more', async () => {
    const page = await newPage(harness, PHONE);
    await page.goto(`${harness.baseUrl}/`);
    await choose(page, '注册所在省（区）', '青海');
    const notice = page.locator('form.questionnaire .uncovered');
    await expect.poll(() => notice.innerText()).toContain('暂未收录青海的政策文件');
    expect(await page.getByRole('combobox', { name: '所在市（州）' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: '主体类型' }).count()).toBe(0);
    expect(await page.locator('#step-questions').count()).toBe(0);
    expect(await page.locator('.results').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('继续回答');
    await shot(page, 'qinghai-phone', false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists the province-wide documents under a city, with a 文号 printing error noted', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/documents?province=新疆&city=克拉玛依&q=电费`);
    const cards = page.locator('.document-list .document-card');
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    // 电费 is in a 新疆 document that applies province-wide.
    expect(await page.locator('.document-card', { hasText: '全省（区）适用' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.document-card mark.term', { hasText: '电费' }).count()).toBeGreaterThan(0);
    await shot(page, 'documents-karamay', false);

    await page.goto(`${harness.baseUrl}/documents?province=甘肃`);
    const transport = page.locator('.document-card', { hasText: '湘政务函' });
    await transport.waitFor();
    expect(await transport.locator('.number-note').innerText()).toContain('疑为印刷错误');
    await page.locator('details.without-rules > summary').click();
    expect(await page.locator('details.without-rules .document-card').first().innerText()).toContain('无规则');
    expect(await seriousViolations(page)).toEqual([]);

    const phone = await newPage(harness, PHONE);
    await phone.goto(`${harness.baseUrl}/documents?province=甘肃&q=奖励`);
    await phone.locator('.document-card mark.term').first().waitFor();
    await shot(phone, 'documents-phone', false);
    expect(await seriousViolations(phone)).toEqual([]);
  });

  it('reflows the printed lines and never tags a rule inside a word', async () => {
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/documents/gansu-baiyin-investment-incentives-2023`);
    await page.locator('.document-text mark').first().waitFor();
    const body = await page.locator('.page-body').nth(1).innerText();
    // 第一条 runs over two printed lines; it reads as one.
    expect(body).toContain('促进产业培育和高质量发展，吸引更多企业到我市投资兴业');
    // Every tag follows punctuation or stands at a line's end.
    const before = await page.locator('.document-text a.mark-link').evaluateAll((tags) =>
      tags.map((tag) => (tag.previousSibling?.textContent ?? '').slice(-1)),
    );
    expect(before.length).toBeGreaterThan(0);
    for (const char of before) expect(char).toMatch(/[。；！？，、：）)」”』》.;!?,:\s\]]|^$/);
    await shot(page, 'document-reflowed', false);
  });
});
