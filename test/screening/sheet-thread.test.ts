/**
 * Uploads are read in the sheet thread: the server answers other requests while a large one is read, a sheet over the
 * row limit is refused with 413 and the limit's message, and a good one becomes a screening as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportLimits } from '../../server/screening/limits.ts';
import { SheetReaderThread, type SheetUpload } from '../../server/screening/sheet-reader.ts';
import { testDocument, testRule } from '../fixtures.ts';
import { signedInAs } from '../support/accounts.ts';
import { applicantRows } from '../support/big-xlsx.ts';
import { testApp } from '../support/test-app.ts';

const shipped = [{ document: testDocument(), text: '# Page 1:\n第三条落地投资奖。', rules: [testRule()] }];
const sheets = new SheetReaderThread();
afterAll(() => sheets.close());

/** The app with its uploads read in the sheet thread; `reading` says whether one is being read at this moment. */
async function appReadingInThread() {
  const state = { reading: false };
  const readSheet = async (upload: SheetUpload, limits: ImportLimits) => {
    state.reading = true;
    try {
      return await sheets.read(upload, limits);
    } finally {
      state.reading = false;
    }
  };
  const t = testApp(shipped, { screening: { readSheet } });
  const session = await signedInAs(t.app, t.db, 'officer', 'officer-sun');
  const upload = (bytes: Uint8Array, fileName: string) => {
    const form = new FormData();
    form.set('file', new File([bytes as BlobPart], fileName));
    form.set('asOf', '2024-06-01');
    return t.app.request('/api/screenings', { method: 'POST', headers: session, body: form });
  };
  return { ...t, state, upload };
}

describe('the sheet thread', () => {
  it('refuses a 50,000-row XLSX with 413 and the limit, and /api/health answers while it is read', async () => {
    const { app, state, upload } = await appReadingInThread();
    let settled = false;
    const uploading = Promise.resolve(upload(applicantRows(50_000), '五万家.xlsx')).finally(() => (settled = true));
    // Read in this thread, the file would be refused in one synchronous stretch: no request could be answered while
    // `reading` is true. Read in the sheet thread, requests keep being answered meanwhile.
    let answeredWhileReading = 0;
    while (!settled) {
      const health = await app.request('/api/health');
      expect(health.status).toBe(200);
      if (state.reading) answeredWhileReading++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const res = await uploading;
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('一次最多 20000 个申请人') });
    expect(answeredWhileReading).toBeGreaterThan(0);
  }, 60_000);

  it('a good sheet read in the thread becomes a screening, row issues come back as 400', async () => {
    const { upload, worker } = await appReadingInThread();
    const created = await upload(applicantRows(30), '三十家.xlsx');
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({ source: 'xlsx', progress: { total: 30 }, file: { name: '三十家.xlsx', encoding: 'XLSX' } });
    await worker.drain();

    const bad = await upload(new TextEncoder().encode('名称,注册所在省（区）,主体类型\n甲,甘肃省外,企业\n'), 'bad.csv');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([expect.objectContaining({ path: expect.stringContaining('row 2') })]);
  }, 60_000);
});
