/** The pages work under the Content-Security-Policy: nothing they need is refused. */
import { describe, expect, it } from 'vitest';
import { cspViolations, newPage, useHarness } from './harness.ts';

const harness = useHarness();

describe('under the Content-Security-Policy', () => {
  it('the finder, the documents page and the API docs load and run with nothing refused', async () => {
    const page = await newPage(harness);
    const main = await page.goto(`${harness.baseUrl}/`);
    expect(main?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('group', { name: '注册所在省（区）' }).waitFor();

    await page.goto(`${harness.baseUrl}/documents`);
    await page.getByLabel('搜索').fill('专利');
    await page.locator('.matching-rules li').first().waitFor();

    await page.goto(`${harness.baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title').getByText('惠企匹配').waitFor();
    await page.locator('.opblock-summary-path', { hasText: '/api/match' }).first().waitFor();

    expect(cspViolations(page)).toEqual([]);
  });
});
