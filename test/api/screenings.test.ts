import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { baiyinFirm, inBaiyin, testDocument, testRule } from '../fixtures.ts';
import { addUser, send, signedInAs, signIn, type Session } from '../support/accounts.ts';
import { testApp } from '../support/test-app.ts';
import { encodeGb18030 } from '../support/gb18030.ts';

const document = testDocument();
const landing = testRule();
const seal = testRule({
  id: 'test-doc/seal', title: '免费刻章', category: 'fee_relief', concrete: true,
  conditions: { all: [...inBaiyin, { fact: 'yearsOperating', operator: 'lessThanInclusive', value: 1 }] }, amount: { kind: 'text', text: '免费刻制印章' },
});
const shipped = [{ document, text: '# Page 1:\n第三条落地投资奖。', rules: [landing, seal] }];

async function officerApp() {
  const t = testApp(shipped);
  const session = await signedInAs(t.app, t.db, 'officer', 'officer-wang');
  const get = async (path: string) => {
    const res = await send(t.app, session, 'GET', path);
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  };
  return { ...t, session, get };
}

const upload = (app: ReturnType<typeof testApp>['app'], session: Session, file: Uint8Array | string, fileName: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set('file', new File([(typeof file === 'string' ? new TextEncoder().encode(file) : file) as BlobPart], fileName));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return app.request('/api/screenings', { method: 'POST', headers: session, body: form });
};

const bigProject = baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 200_000_000 });

describe('POST /api/screenings', () => {
  it('takes JSON applicants, queues a job, and the worker screens them', async () => {
    const { app, session, worker, get } = await officerApp();
    const res = await send(app, session, 'POST', '/api/screenings', {
      name: '六月第一批', asOf: '2024-06-01',
      applicants: [{ name: '白银甲公司', creditCode: '914403001922038216', profile: bigProject }, { name: '白银乙公司', profile: baiyinFirm({ city: '白银市', yearsOperating: 0.5 }) }],
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ name: '六月第一批', status: 'queued', progress: { done: 0, total: 2 }, asOf: '2024-06-01', createdBy: 'officer-wang', source: 'json', file: null });
    await worker.drain();
    const screening = await get(`/api/screenings/${created.id}`);
    expect(screening).toMatchObject({ status: 'done', progress: { done: 2, total: 2 }, rulesetVersion: expect.stringMatching(/^[0-9a-f]{16}$/), applicantsTotal: 2, cities: ['白银'] });
    expect(screening.applicants).toEqual([
      expect.objectContaining({ name: '白银甲公司', creditCode: '914403001922038216', status: 'screened', eligibleCount: 1, estimatedYuan: 2_000_000, review: { status: 'pending', note: '', by: null, at: null } }),
      expect.objectContaining({ name: '白银乙公司', status: 'screened', eligibleCount: 1, estimatedYuan: 0, profile: expect.objectContaining({ city: '白银' }) }),
    ]);
    expect(screening.benefits).toEqual([{ ruleId: 'test-doc/seal', title: '免费刻章' }, { ruleId: 'test-doc/landing', title: '落地投资奖' }].sort((a, b) => (a.title < b.title ? -1 : 1)));
  });

  it('takes a GBK CSV upload, records the file, and shows which column it read as what', async () => {
    const { app, session, worker, get } = await officerApp();
    const csv = '名称,注册所在省（区）,所在市（州）,主体类型,招商引资新引进项目,实际完成固定资产投资（不含土地）（万元）,联系人\r\n白银甲公司,甘肃省,白银市,企业,是,20000,张三\r\n';
    const res = await upload(app, session, encodeGb18030(csv), '六月名单.csv', { asOf: '2024-06-01' });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ name: '六月名单', source: 'csv', file: { name: '六月名单.csv', encoding: 'GB18030', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }, unread: ['联系人'] });
    expect(created.columns).toContainEqual({ column: '实际完成固定资产投资（不含土地）（万元）', reads: 'fixedAssetInvestmentYuan', note: '按万元换算为元 (read in 万元)' });
    await worker.drain();
    const screening = await get(`/api/screenings/${created.id}`);
    expect(screening.applicants[0]).toMatchObject({ row: 2, estimatedYuan: 2_000_000, profile: { province: '甘肃', city: '白银', fixedAssetInvestmentYuan: 200_000_000 } });
  });

  it('reads a registry extract (XLSX) as it comes: 万元 capital, founding dates, 注销 rows listed but not screened', async () => {
    const { app, session, worker, get } = await officerApp();
    const { writeXlsx } = await import('../../server/screening/xlsx.ts');
    const xlsx = await writeXlsx([{
      name: 'Sheet1',
      header: ['企业名称', '统一社会信用代码', '登记状态', '企业（机构）类型', '成立日期', '实缴资本', '所属省份', '所属城市', '参保人数', '法定代表人'],
      rows: [
        ['白银某新材料有限公司', '914403001922038216', '存续', '有限责任公司（自然人投资或控股）', '2024-01-15', '500万元人民币', '甘肃省', '白银市', 56, '张三'],
        ['某某商贸部', null, '注销', '个体工商户', '2019-05-01', null, '甘肃省', '白银市', 2, '李四'],
      ],
    }]);
    const res = await upload(app, session, new Uint8Array(xlsx), '企业名单.xlsx', { asOf: '2024-06-01' });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ source: 'xlsx', file: { encoding: 'XLSX' }, progress: { total: 1 }, applicantCount: 2, unread: ['法定代表人'] });
    await worker.drain();
    const { applicants } = await get(`/api/screenings/${created.id}`);
    expect(applicants).toEqual([
      expect.objectContaining({
        name: '白银某新材料有限公司', status: 'screened', eligibleCount: 1,
        profile: expect.objectContaining({ entityType: 'enterprise', ownership: 'private', yearsOperating: 0.37, paidInCapitalYuan: 5_000_000, employees: 56 }),
      }),
      expect.objectContaining({ name: '某某商贸部', status: 'not_screened', notScreened: '登记状态：注销', eligibleCount: null }),
    ]);
  });

  it('refuses a file with bad rows whole, naming each row, column and reason, and stores nothing', async () => {
    const { app, session, get } = await officerApp();
    const csv = '名称,注册所在省（区）,主体类型,从业人数\n甲,甘肃,企业,很多\n乙,甘肃省,公司,3\n';
    const res = await upload(app, session, csv, 'bad.csv');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'bad_rows', message: expect.stringContaining('整个文件未导入') });
    expect(body.error.issues).toEqual([
      { path: 'row 2, 从业人数', message: expect.stringContaining('应为数字') },
      { path: 'row 3, 主体类型', message: expect.stringContaining('应为以下之一') },
    ]);
    expect(await get('/api/screenings')).toEqual([]);
  });

  it('refuses bad JSON applicants with their paths, and the same applicant twice', async () => {
    const { app, session } = await officerApp();
    const bad = await send(app, session, 'POST', '/api/screenings', { name: 'x', applicants: [{ name: '甲', profile: { province: '甘肃', entityType: 'enterprise', city: '西安' } }] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ path: 'applicants.0.profile.city', message: expect.stringContaining('陕西') }]);
    const twice = await send(app, session, 'POST', '/api/screenings', { name: 'x', applicants: [{ name: '甲', profile: baiyinFirm() }, { name: '甲', profile: baiyinFirm() }] });
    expect(twice.status).toBe(400);
    expect((await twice.json()).error.issues).toEqual([expect.objectContaining({ path: 'applicants.1.name', message: expect.stringContaining('同一申请人') })]);
  });

  it('refuses uploads beyond the limits with 413 and a clear message', async () => {
    const t = testApp(shipped, { screening: { limits: { maxRows: 3, maxBodyBytes: 64 * 1024, maxFileBytes: 32 * 1024 } } });
    const session = await signedInAs(t.app, t.db, 'officer');
    const rows = Array.from({ length: 4 }, (_, i) => `企业${i},甘肃,企业`).join('\n');
    const tooMany = await upload(t.app, session, `名称,注册所在省（区）,主体类型\n${rows}\n`, 'many.csv');
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error.message).toContain('一次最多 3 个申请人');
    const tooBig = await upload(t.app, session, 'x'.repeat(40 * 1024), 'big.csv');
    expect(tooBig.status).toBe(413);
    const tooBigRequest = await upload(t.app, session, 'x'.repeat(70 * 1024), 'big.csv');
    expect(tooBigRequest.status).toBe(413);
  });

  it('refuses too many applicants alike as JSON and as a file: 413 with the same message (issue 15, item 12)', async () => {
    const t = testApp(shipped, { screening: { limits: { maxRows: 3 } } });
    const session = await signedInAs(t.app, t.db, 'officer');
    const rows = Array.from({ length: 4 }, (_, i) => `企业${i},甘肃,企业`).join('\n');
    const file = await upload(t.app, session, `名称,注册所在省（区）,主体类型\n${rows}\n`, 'many.csv');
    const json = await send(t.app, session, 'POST', '/api/screenings', { name: 'x', applicants: Array.from({ length: 4 }, (_, i) => ({ name: `甲${i}`, profile: baiyinFirm() })) });
    expect([file.status, json.status]).toEqual([413, 413]);
    const [fromFile, fromJson] = [(await file.json()).error, (await json.json()).error];
    expect(fromJson.message).toBe(fromFile.message);
    expect(fromJson).toEqual({ code: 'payload_too_large', message: expect.stringContaining('一次最多 3 个申请人'), issues: [{ path: 'applicants', message: fromFile.message }] });
  });

  it('names a screening after its file, cut to the 100-character limit a typed name has (issue 15, item 12)', async () => {
    const { app, session } = await officerApp();
    const csv = '名称,注册所在省（区）,主体类型\r\n白银甲公司,甘肃,企业\r\n';
    const longName = `${'长'.repeat(300)}.csv`;
    const res = await upload(app, session, csv, longName);
    expect(res.status, await res.clone().text()).toBe(201);
    const { name, file } = await res.json();
    expect(name).toBe(`${'长'.repeat(99)}…`);
    expect(file.name).toBe(longName);
    const typed = await upload(app, session, csv, 'a.csv', { name: '长'.repeat(101) });
    expect(typed.status).toBe(400);
    expect((await typed.json()).error.issues).toEqual([{ path: 'name', message: expect.stringContaining('100') }]);
  });
});

describe('results, review and audit log', () => {
  async function screened() {
    const t = await officerApp();
    const res = await send(t.app, t.session, 'POST', '/api/screenings', {
      name: '批次', asOf: '2024-06-01',
      applicants: [
        { name: '甲', profile: bigProject },
        { name: '乙', profile: baiyinFirm({ yearsOperating: 0.5 }) },
        { name: '丙', profile: { province: '甘肃', city: '兰州', entityType: 'enterprise' } },
      ],
    });
    const { id } = await res.json();
    await t.worker.drain();
    return { ...t, id };
  }

  it('sorts, filters by city, amount and benefit, and pages', async () => {
    const { id, get } = await screened();
    const names = async (query: string) => (await get(`/api/screenings/${id}?${query}`)).applicants.map((a: { name: string }) => a.name);
    expect(await names('sort=estimatedYuan&order=desc')).toEqual(['甲', '乙', '丙']);
    expect(await names('city=兰州')).toEqual(['丙']);
    expect(await names('minYuan=1000000')).toEqual(['甲']);
    expect(await names('benefit=test-doc%2Fseal')).toEqual(['乙']);
    expect(await names('limit=1&offset=1')).toEqual(['乙']);
    expect((await get(`/api/screenings/${id}?limit=1`)).applicantsTotal).toBe(3);
  });

  it('sets a review status with a note, and logs who changed what and when', async () => {
    const { app, session, id, get, clock } = await screened();
    const { applicants } = await get(`/api/screenings/${id}`);
    const first = applicants[0].id;
    const res = await send(app, session, 'PATCH', `/api/screenings/${id}/applicants/${first}`, { status: 'needs_documents', note: '缺投资凭证' });
    expect(res.status).toBe(200);
    expect((await res.json()).review).toEqual({ status: 'needs_documents', note: '缺投资凭证', by: 'officer-wang', at: '2024-06-01T08:00:00.000Z' });
    clock.advance(60_000);
    await send(app, session, 'PATCH', `/api/screenings/${id}/applicants/${first}`, { status: 'qualified', note: '已补交' });
    const detail = await get(`/api/screenings/${id}/applicants/${first}`);
    expect(detail.history).toEqual([
      { at: '2024-06-01T08:01:00.000Z', by: 'officer-wang', fromStatus: 'needs_documents', toStatus: 'qualified', fromNote: '缺投资凭证', toNote: '已补交' },
      { at: '2024-06-01T08:00:00.000Z', by: 'officer-wang', fromStatus: 'pending', toStatus: 'needs_documents', fromNote: '', toNote: '缺投资凭证' },
    ]);
    expect((await get(`/api/screenings/${id}?review=qualified`)).applicants.map((a: { name: string }) => a.name)).toEqual(['甲']);
    const bad = await send(app, session, 'PATCH', `/api/screenings/${id}/applicants/${first}`, { status: 'maybe' });
    expect(bad.status).toBe(400);
    expect((await send(app, session, 'PATCH', `/api/screenings/${id}/applicants/99999`, { status: 'qualified' })).status).toBe(404);
  });

  it('the applicant page has the stored answer and the full explanation that reproduces it', async () => {
    const { id, get } = await screened();
    const { applicants } = await get(`/api/screenings/${id}`);
    const detail = await get(`/api/screenings/${id}/applicants/${applicants[0].id}`);
    expect(detail.reproduced).toBe(true);
    expect(detail.answer.eligible).toEqual([expect.objectContaining({ ruleId: 'test-doc/landing', amountYuan: 2_000_000, source: { documentId: 'test-doc', clause: '第三条', page: 1 } })]);
    expect(detail.explained.eligible[0]).toMatchObject({ ruleId: 'test-doc/landing', reasons: expect.any(Array), why: expect.any(Object), source: { documentNumber: '测政发〔2023〕1 号', quote: expect.any(String) } });
  });

  it('exports CSV with a BOM and escaped formulas, and XLSX with both tables', async () => {
    const t = await officerApp();
    const { id } = await (await send(t.app, t.session, 'POST', '/api/screenings', { name: 'x', asOf: '2024-06-01', applicants: [{ name: '=HYPERLINK("http://evil")', profile: bigProject }] })).json();
    await t.worker.drain();
    const csv = await send(t.app, t.session, 'GET', `/api/screenings/${id}/export?format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect(csv.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe('行号,名称,统一社会信用代码,所在市（州）,所在县（区）,筛查,符合项数,可能符合项数,预计金额（元）,审核状态,审核意见,审核人,审核时间');
    expect(text.split('\r\n')[1]).toBe(`,"'=HYPERLINK(""http://evil"")",,白银,,已筛查,1,1,2000000,待审核,,,`);
    const benefits = new TextDecoder().decode(await (await send(t.app, t.session, 'GET', `/api/screenings/${id}/export?format=csv&table=benefits`)).arrayBuffer());
    expect(benefits.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://evil"")",,落地投资奖,符合,2000000,按实际完成固定资产投资（不含土地）的1%，最高1000万元,是,,,测试文件,测政发〔2023〕1 号,第三条,1,test-doc/landing`);
    const xlsx = await send(t.app, t.session, 'GET', `/api/screenings/${id}/export?format=xlsx`);
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('申请人');
    expect(workbook).toContain('政策明细');
  });

  it('quotes every line break and escapes a formula after it, in both CSV tables (read back with a CSV reader)', async () => {
    const t = await officerApp();
    const sheet = '名称,注册所在省（区）,所在市（州）,主体类型,招商引资新引进项目,实际完成固定资产投资（不含土地）（万元）\r\n"乙公司\r+1+2",甘肃省,白银市,企业,是,20000\r\n';
    const created = await upload(t.app, t.session, sheet, '名单.csv', { asOf: '2024-06-01' });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = await created.json();
    await t.worker.drain();
    const [applicant] = (await t.get(`/api/screenings/${id}`)).applicants;
    expect(applicant.name).toBe('乙公司\r+1+2');
    const note = "ok\n=1+cmd|' /C calc'!A0";
    expect((await send(t.app, t.session, 'PATCH', `/api/screenings/${id}/applicants/${applicant.id}`, { status: 'qualified', note })).status).toBe(200);
    const read = async (table: string) => {
      const res = await send(t.app, t.session, 'GET', `/api/screenings/${id}/export?format=csv&table=${table}`);
      return parse(await res.text(), { bom: true }) as string[][];
    };
    const [applicants, benefits] = [await read('applicants'), await read('benefits')];
    expect(applicants).toHaveLength(2);
    expect(applicants[1]!.slice(1, 2)).toEqual(["乙公司\r'+1+2"]);
    expect(applicants[1]![10]).toBe("ok\n'=1+cmd|' /C calc'!A0");
    expect(benefits.length).toBeGreaterThan(1);
    expect(benefits.slice(1).map((row) => row[0])).toEqual(benefits.slice(1).map(() => "乙公司\r'+1+2"));
    for (const table of [applicants, benefits]) {
      for (const row of table) {
        expect(row).toHaveLength(table[0]!.length);
        for (const line of row.flatMap((cell) => cell.split(/\r\n|\r|\n/))) expect(line).not.toMatch(/^[=+\-@]/);
      }
    }
  });

  it('serves the import template as CSV and XLSX', async () => {
    const { app, session } = await officerApp();
    const csv = await send(app, session, 'GET', '/api/screenings/template?format=csv');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^\ufeff?名称,统一社会信用代码,注册所在省（区）/);
    const xlsx = await send(app, session, 'GET', '/api/screenings/template?format=xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('reproducibility and re-runs', () => {
  it('a screening reopened after a rule changes shows what it computed, and a re-run lists what changed per applicant', async () => {
    const t = await officerApp();
    const { id } = await (await send(t.app, t.session, 'POST', '/api/screenings', {
      name: '批次', asOf: '2024-06-01',
      applicants: [
        { name: '甲', creditCode: '914403001922038216', profile: bigProject },
        { name: '乙', profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 80_000_000 }) },
      ],
    })).json();
    await t.worker.drain();
    const before = await t.get(`/api/screenings/${id}`);
    const firstBefore = await t.get(`/api/screenings/${id}/applicants/${before.applicants[0].id}`);

    // The threshold drops from 1亿 to 5000万: 乙 becomes eligible; 甲 is still eligible.
    const lowered = testRule({
      conditions: { all: [...inBaiyin, { fact: 'newlyIntroduced', operator: 'equal', value: true }, { fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', value: 50_000_000 }] },
    });
    const { syncShippedRules } = await import('../../db/rules.ts');
    syncShippedRules(t.db, [{ ...shipped[0]!, rules: [lowered, seal] }]);
    const current = t.rulesets.reload();
    expect(current.version).not.toBe(before.rulesetVersion);

    const reopened = await t.get(`/api/screenings/${id}`);
    expect(reopened.rulesetVersion).toBe(before.rulesetVersion);
    expect(reopened.applicants).toEqual(before.applicants);
    const firstAfter = await t.get(`/api/screenings/${id}/applicants/${before.applicants[0].id}`);
    expect(firstAfter.answer).toEqual(firstBefore.answer);
    expect(firstAfter.reproduced).toBe(true);
    expect(firstAfter.explained.rulesetVersion).toBe(before.rulesetVersion);

    const rerun = await send(t.app, t.session, 'POST', `/api/screenings/${id}/rerun`);
    expect(rerun.status).toBe(201);
    const created = await rerun.json();
    expect(created).toMatchObject({ rerunOf: id, rulesetVersion: current.version, asOf: '2024-06-01', status: 'queued' });
    await t.worker.drain();
    const after = await t.get(`/api/screenings/${created.id}`);
    expect(after.applicants.map((a: { name: string; changes: unknown }) => [a.name, a.changes])).toEqual([
      ['甲', { newlyEligible: [], noLongerEligible: [], estimatedYuanBefore: 2_000_000, estimatedYuanAfter: 2_000_000 }],
      ['乙', { newlyEligible: [{ ruleId: 'test-doc/landing', title: '落地投资奖', amountYuan: 800_000 }], noLongerEligible: [], estimatedYuanBefore: 0, estimatedYuanAfter: 800_000 }],
    ]);
  });

  it('a stopped worker gives its job back, and the next one resumes it from the first unanswered applicant', async () => {
    const t = testApp(shipped, { worker: { chunkSize: 2 } });
    const session = await signedInAs(t.app, t.db, 'officer');
    const applicants = Array.from({ length: 7 }, (_, i) => ({ name: `企业${i}`, profile: baiyinFirm({ yearsOperating: i }) }));
    const { id } = await (await send(t.app, session, 'POST', '/api/screenings', { name: 'x', asOf: '2024-06-01', applicants })).json();
    const draining = t.worker.drain();
    await t.worker.stop();
    await draining;
    const { ScreeningWorker } = await import('../../server/screening/worker.ts');
    const { RulesetVersions } = await import('../../server/services/ruleset-versions.ts');
    const stopped = await (await send(t.app, session, 'GET', `/api/screenings/${id}`)).json();
    expect(stopped).toMatchObject({ status: 'running', progress: { done: 2, total: 7 } });
    expect(stopped.applicants.filter((a: { status: string }) => a.status === 'screened')).toHaveLength(2);
    await new ScreeningWorker(t.db, new RulesetVersions(t.db, t.rulesets), t.clock.now, { chunkSize: 2 }).drain();
    const done = await (await send(t.app, session, 'GET', `/api/screenings/${id}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: { done: 7, total: 7 } });
    expect(done.applicants.map((a: { eligibleCount: number }) => a.eligibleCount)).toEqual([1, 1, 0, 0, 0, 0, 0]);
  });
});

/** The landing award from 5000万 instead of 1亿. */
const lowered = testRule({
  conditions: { all: [...inBaiyin, { fact: 'newlyIntroduced', operator: 'equal', value: true }, { fact: 'fixedAssetInvestmentYuan', operator: 'greaterThanInclusive', value: 50_000_000 }] },
});

/** An officer of the unit, signed in. */
async function unitOfficer(t: ReturnType<typeof testApp>, unit: string): Promise<Session> {
  const name = `officer-${unit}`;
  await addUser(t.db, name, 'officer');
  t.db.update(users).set({ unit }).where(eq(users.name, name)).run();
  return signIn(t.app, name);
}

describe('stored applicants for the authors', () => {
  it('the impact preview of a rule change counts each screened company once, across screenings and re-runs', async () => {
    const t = testApp(shipped);
    const officer = await signedInAs(t.app, t.db, 'officer');
    const { id } = await (await send(t.app, officer, 'POST', '/api/screenings', {
      name: '批次', asOf: '2024-06-01',
      applicants: [
        { name: '甲', creditCode: '914403001922038216', profile: bigProject },
        { name: '乙', profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 80_000_000 }) },
      ],
    })).json();
    await t.worker.drain();
    await send(t.app, officer, 'POST', `/api/screenings/${id}/rerun`);
    await t.worker.drain();
    const admin = await signedInAs(t.app, t.db, 'admin');
    const res = await send(t.app, admin, 'POST', '/api/rules/test-doc%2Flanding/impact', { rule: lowered, asOf: '2024-06-01' });
    expect(res.status, await res.clone().text()).toBe(200);
    const impact = await res.json();
    expect(impact).toMatchObject({ applicants: 2, changed: 1 });
    expect(impact.newlyEligible).toEqual([expect.objectContaining({ name: '乙', after: { status: 'eligible', amountYuan: 800_000 } })]);
  });

  it('who newly qualifies: an officer sees their unit’s applicants by name, an admin every unit’s, an author totals by city', async () => {
    const t = testApp(shipped);
    const screen = async (officer: Session, applicants: { name: string; profile: object }[]) => {
      await send(t.app, officer, 'POST', '/api/screenings', { name: '批次', asOf: '2024-06-01', applicants });
      await t.worker.drain();
    };
    const east = await unitOfficer(t, '白银区');
    const west = await unitOfficer(t, '平川区');
    await screen(east, [{ name: '白银区甲', profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 80_000_000 }) }]);
    await screen(west, [
      { name: '平川区乙', profile: baiyinFirm({ newlyIntroduced: true, fixedAssetInvestmentYuan: 60_000_000 }) },
      { name: '兰州丙', profile: { province: '甘肃', city: '兰州', entityType: 'enterprise' } },
    ]);
    const { syncShippedRules } = await import('../../db/rules.ts');
    const { recordAudit } = await import('../../db/authoring.ts');
    syncShippedRules(t.db, [{ ...shipped[0]!, rules: [lowered, seal] }]);
    t.rulesets.reload();
    recordAudit(t.db, { at: 0, actor: 'zhang', action: 'publish', ruleId: 'test-doc/landing', documentId: 'test-doc', version: 2, previousVersion: 1, message: '' });
    const [publication] = await (await send(t.app, east, 'GET', '/api/publications')).json();
    const read = async (who: Session) => (await send(t.app, who, 'GET', `/api/publications/${publication.id}?asOf=2024-06-01`)).json();
    const names = (impact: { newlyEligible: { name: string }[] }) => impact.newlyEligible.map((c) => c.name);

    expect(names(await read(east))).toEqual(['白银区甲']);
    expect(names(await read(west))).toEqual(['平川区乙']);
    const csv = await (await send(t.app, west, 'GET', `/api/publications/${publication.id}/export?asOf=2024-06-01`)).text();
    expect(csv).toContain('平川区乙');
    expect(csv).not.toContain('白银区甲');
    expect(names(await read(await signedInAs(t.app, t.db, 'admin'))).sort()).toEqual(['平川区乙', '白银区甲'].sort());
    const totals = await read(await signedInAs(t.app, t.db, 'author'));
    expect(totals).toMatchObject({ applicants: 3, byCity: [{ city: '白银', changed: 2, newlyEligible: { count: 2, amountYuan: 1_400_000 } }] });
    expect(JSON.stringify(totals)).not.toMatch(/白银区甲|平川区乙|兰州丙|screeningId|profile/);
  });
});
