/**
 * Journey: an officer signs in, downloads the import template, fills in a few applicants below its note rows,
 * uploads it, watches the screening progress to done, reviews an applicant with a note, and exports the results.
 */
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { insertUser } from '../../db/accounts.ts';
import { hashPassword } from '../../server/accounts/passwords.ts';
import { PRODUCTION_ARGON2 } from '../../server/accounts/settings.ts';
import { cspViolations, newPage, seriousViolations, shot, SCREENSHOTS, useHarness } from './harness.ts';

const harness = useHarness();

/** The applicants an officer types into the template, by its column headers. */
const APPLICANTS: Record<string, string>[] = [
  {
    名称: '白银新材料科技有限公司', '注册所在省（区）': '甘肃', '所在市（州）': '白银市', 主体类型: '企业', 招商引资新引进项目: '是', 项目类型: '工业项目',
    '实际完成固定资产投资（不含土地）（万元）': '20000', 项目按合同约定期限建成投产: '是', '项目（企业）符合国家产业政策和当地重点产业发展规划（产业导向）': '是', '列入严重失信名单或发生重大安全、环保事故': '否',
  },
  { 名称: '银川某某餐饮店', '注册所在省（区）': '宁夏', '所在市（州）': '银川', 主体类型: '个体工商户' },
  { 名称: '西安某某科技公司', '注册所在省（区）': '陕西', '所在市（州）': '西安', 主体类型: '企业', '已获认定（称号）': '高新技术企业' },
];

describe('batch screening in the browser', () => {
  it('sign in, template, upload, progress, review, export', async () => {
    insertUser(harness.db, { name: '王经办', role: 'officer', passwordHash: await hashPassword('officer password 1', PRODUCTION_ARGON2) });
    const page = await newPage(harness);
    await page.goto(`${harness.baseUrl}/account/sign-in`);
    await page.getByLabel('用户名').fill('王经办');
    await page.getByLabel('密码').fill('officer password 1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/screenings$/);
    await page.getByRole('heading', { name: '批量筛查', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The template: the catalogue's columns, a row of allowed values and an example, both marked as notes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载模板（CSV）' }).click()]);
    const template = readFileSync((await download.path())!, 'utf8');
    expect(template.charCodeAt(0)).toBe(0xfeff);
    const [header, allowed, example] = parse(template.slice(1)) as string[][];
    expect(header!.slice(0, 3)).toEqual(['名称', '统一社会信用代码', '注册所在省（区）']);
    expect(allowed![0]).toMatch(/^#可填写的值/);
    expect(example![0]).toMatch(/^#示例/);

    // Three applicants below the note rows, uploaded as the officer saves it.
    const rows = APPLICANTS.map((applicant) => header!.map((column) => applicant[column] ?? ''));
    const file = join(SCREENSHOTS, '..', 'screening-upload.csv');
    writeFileSync(file, `\ufeff${stringify([header!, allowed!, example!, ...rows])}`);
    await page.getByLabel('名单文件').setInputFiles(file);
    await page.getByLabel('筛查名称').fill('六月第一批');
    await page.getByLabel('按此日期判断政策有效期').fill('2024-06-01');
    await page.getByRole('button', { name: '上传并开始筛查' }).click();

    // The screening page follows the job until it is done.
    await page.waitForURL(/\/screenings\/\d+$/);
    await page.getByRole('heading', { name: '六月第一批' }).waitFor();
    await expect.poll(() => page.locator('.screening-state').innerText(), { timeout: 30_000 }).toContain('已完成');
    const record = await page.locator('dl.facts').first().innerText();
    expect(record).toContain('2024-06-01');
    expect(record).toContain('UTF-8 (BOM)');
    const table = page.locator('table.results-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    await shot(page, 'screening-results');
    expect(await seriousViolations(page)).toEqual([]);

    // Sorted by the estimated amount, the 白银 investor comes first.
    await table.getByRole('button', { name: '按预计金额排序' }).click();
    await expect.poll(() => table.locator('tbody tr').first().innerText()).toContain('白银新材料科技有限公司');
    // Filtered by city.
    await page.getByLabel('所在市（州）').selectOption('银川');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);

    // The applicant page: the stored answer reproduced, with amounts, caveats and sources.
    await table.getByRole('link', { name: '白银新材料科技有限公司' }).click();
    await page.getByRole('heading', { name: '申请人：白银新材料科技有限公司' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '与存档结果一致' }).count()).toBe(1);
    const landing = page.locator('article.benefit', { hasText: '落地投资奖' }).first();
    expect(await landing.innerText()).toContain('200万元');
    expect(await landing.locator('blockquote').innerText()).toContain('1%');
    expect(await landing.locator('.citation').innerText()).toContain('第三条');

    // Review: needs documents, with a note; the log says who and what.
    await page.getByLabel('需补充材料').check();
    await page.getByLabel('审核意见').fill('请补交固定资产投资凭证');
    await page.getByRole('button', { name: '保存审核' }).click();
    await page.getByRole('status').filter({ hasText: '审核已保存。' }).waitFor();
    await expect.poll(() => page.locator('.review-history').innerText()).toMatch(/王经办：待审核 → 需补充材料[\s\S]*请补交固定资产投资凭证/);
    await shot(page, 'screening-applicant');
    expect(await seriousViolations(page)).toEqual([]);

    // Back on the results, the review shows; the exports hold it.
    await page.getByRole('link', { name: '返回筛查结果' }).click();
    const first = page.locator('table.results-table tbody tr', { hasText: '白银新材料科技有限公司' });
    await expect.poll(() => first.innerText()).toContain('需补充材料');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出申请人 CSV' }).click()]);
    const exported = readFileSync((await csv.path())!, 'utf8');
    expect(exported.charCodeAt(0)).toBe(0xfeff);
    expect(exported).toMatch(/白银新材料科技有限公司,,白银,,已筛查,\d+,\d+,\d+,需补充材料,请补交固定资产投资凭证,王经办,/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 XLSX/ }).click()]);
    const workbook = unzipSync(new Uint8Array(readFileSync((await xlsx.path())!)));
    expect(strFromU8(workbook['xl/workbook.xml']!)).toContain('政策明细');

    // Nothing of the applicants is kept in the browser's storage or its address.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(/白银新材料|银川某某|西安某某/);
    expect(page.url()).not.toMatch(/%E7%99%BD|白银/);
    expect(cspViolations(page)).toEqual([]);
  });
});
