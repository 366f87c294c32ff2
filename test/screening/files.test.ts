import { strFromU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readApplicantRows } from '../../server/domain/screening/rows.ts';
import { writeCsv } from '../../server/screening/csv.ts';
import { decodeText } from '../../server/screening/decode.ts';
import { DEFAULT_IMPORT_LIMITS, UploadRefused } from '../../server/screening/limits.ts';
import { templateCsv, templateXlsx } from '../../server/screening/template-file.ts';
import { readUpload, readUploadInto } from '../../server/screening/upload.ts';
import { writeXlsx } from '../../server/screening/xlsx.ts';
import { applicantRows } from '../support/big-xlsx.ts';
import { encodeGb18030 } from '../support/gb18030.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const limits = DEFAULT_IMPORT_LIMITS;
const sheet = '名称,注册所在省（区）,主体类型,年主营业务收入（万元）\r\n白银甲公司,甘肃,企业,120\r\n';

async function refusal(promise: Promise<unknown>): Promise<UploadRefused> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UploadRefused) return error;
    throw error;
  }
  throw new Error('expected the upload to be refused');
}

describe('text encodings', () => {
  it('reads UTF-8 with and without a BOM, GB18030 (GBK) and UTF-16, and records which', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sheet)]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...sheet].map((c) => c.charCodeAt(0))).buffer)]);
    for (const [bytes, encoding] of [[utf8(sheet), 'UTF-8'], [bom, 'UTF-8 (BOM)'], [encodeGb18030(sheet), 'GB18030'], [utf16, 'UTF-16LE']] as const) {
      const upload = await readUpload(bytes, limits);
      expect(upload).toMatchObject({ format: 'csv', encoding, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(upload.rows[0]).toEqual(['名称', '注册所在省（区）', '主体类型', '年主营业务收入（万元）']);
      expect(upload.rows[1]).toEqual(['白银甲公司', '甘肃', '企业', '120']);
    }
  });

  it('reads UTF-16 without a BOM by its zero bytes, little- and big-endian (issue 15, item 12)', async () => {
    const units = new Uint16Array([...sheet].map((c) => c.charCodeAt(0)));
    const le = new Uint8Array(units.buffer);
    const be = le.map((_, i) => le[i ^ 1]!);
    for (const [bytes, encoding] of [[le, 'UTF-16LE (no BOM)'], [be, 'UTF-16BE (no BOM)']] as const) {
      const upload = await readUpload(bytes, limits);
      expect(upload.encoding).toBe(encoding);
      expect(upload.rows[1]).toEqual(['白银甲公司', '甘肃', '企业', '120']);
    }
  });

  it('says precisely why a file with zero bytes that is not UTF-16 is refused', () => {
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x00, 0x42, 0x43]))).toThrow(/zero bytes but is not UTF-16/);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(() => decodeText(new Uint8Array([0x41, 0xff, 0xff, 0x42]))).toThrow(/另存为 UTF-8/);
  });
});

describe('limits', () => {
  it('refuses a 50,000-row file, naming the limit', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `企业${i},甘肃,企业`).join('\n');
    const error = await refusal(readUpload(utf8(`名称,注册所在省（区）,主体类型\n${rows}\n`), limits));
    expect(error).toMatchObject({ status: 413, message: expect.stringContaining('一次最多 20000 个申请人') });
  });

  it('accepts exactly the row limit', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `企业${i},甘肃,企业`).join('\n');
    const upload = await readUpload(utf8(`#说明\n名称,注册所在省（区）,主体类型\n${rows}\n`), { ...limits, maxRows: 100 });
    expect(upload.rows).toHaveLength(102);
  });

  it('refuses a file too large, too many columns and too long a cell', async () => {
    expect(await refusal(readUpload(new Uint8Array(11 * 1024 * 1024).fill(0x41), limits))).toMatchObject({ status: 413, message: expect.stringContaining('文件过大') });
    const wide = Array.from({ length: 201 }, (_, i) => `列${i}`).join(',');
    expect((await refusal(readUpload(utf8(`${wide}\n`), limits))).message).toContain('列数过多');
    expect((await refusal(readUpload(utf8(`名称\n${'长'.repeat(2001)}\n`), limits))).message).toContain('内容过长');
  });

  it('refuses an XLSX that would unpack beyond the limit without inflating it (zip bomb)', async () => {
    // 24 MB of zeros compress to about 24 KB.
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    const entry = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
    zip.add(entry);
    const zeros = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 24; i++) entry.push(zeros);
    entry.push(new Uint8Array(0), true);
    zip.end();
    const bomb = new Uint8Array(Buffer.concat(parts));
    expect(bomb.byteLength).toBeLessThan(200_000);
    const error = await refusal(readUpload(bomb, { ...limits, maxUncompressedBytes: 16 * 1024 * 1024 }));
    expect(error).toMatchObject({ status: 413, message: expect.stringContaining('解压后过大') });
  });

  it('refuses a zip whose directory declares a huge size, and one whose directory understates it', async () => {
    const small = zipSync({ 'xl/worksheets/sheet1.xml': utf8('<worksheet>'.padEnd(5000, ' ') + '</worksheet>') });
    const view = new DataView(small.buffer);
    const centralAt = (() => {
      for (let i = small.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) return i;
      throw new Error('no central directory');
    })();
    view.setUint32(centralAt + 24, 0xffff0000, true);
    expect((await refusal(readUpload(small, limits))).message).toContain('解压后过大');
    view.setUint32(centralAt + 24, 10, true);
    view.setUint32(22, 10, true);
    expect((await refusal(readUpload(small, limits))).message).toContain('无法读取');
  });

  it('refuses an XLSX over the row limit while its sheet is read: no row is built, nothing after the limit is read', async () => {
    const small = { ...limits, maxRows: 100 };
    // Broken XML 50 rows past the limit: a reader that got there would call the file damaged instead.
    const file = applicantRows(300, { breakAfter: 150 });
    expect((await refusal(readUpload(file, { ...limits, maxRows: 1000 }))).message).toContain('无法读取');
    let handed = 0;
    const error = await refusal(readUploadInto(file, small, () => handed++));
    expect(error).toMatchObject({ status: 413, message: expect.stringContaining('一次最多 100 个申请人') });
    expect(handed).toBe(0);
  });

  it('reads an XLSX at the row limit whole, and refuses one row more exactly', async () => {
    const small = { ...limits, maxRows: 100 };
    expect((await readUpload(applicantRows(100), small)).rows).toHaveLength(101);
    expect((await readUpload(applicantRows(100, { sharedStrings: true }), small)).rows[100]).toEqual(['白银企业99号有限公司', '甘肃', '白银', '企业', 199]);
    expect(await refusal(readUpload(applicantRows(101), small))).toMatchObject({ status: 413, message: expect.stringContaining('一次最多 100 个申请人') });
  });

  it('refuses a legacy .xls', async () => {
    expect((await refusal(readUpload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), limits))).message).toContain('.xls');
  });
});

describe('templates', () => {
  it('the CSV template has a BOM, the catalogue’s columns, allowed values and an example, and reads back empty', async () => {
    const csv = templateCsv();
    expect(csv.startsWith('\ufeff名称,统一社会信用代码,注册所在省（区）,所在市（州）')).toBe(true);
    expect(csv).toContain('年主营业务收入（万元）');
    expect(csv).toContain('企业 / 个体工商户 / 农民专业合作社 / 个人（未登记）');
    const upload = await readUpload(utf8(csv), limits);
    expect(upload.rows).toHaveLength(3);
    expect(readApplicantRows(upload.rows, { asOf: '2024-06-01' })).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('没有申请人') }] });
  });

  it('the XLSX template reads back with rows added, and lists every option on its second sheet', async () => {
    const xlsx = await templateXlsx();
    const files = unzipSync(xlsx);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
    const upload = await readUpload(xlsx, limits);
    expect(upload).toMatchObject({ format: 'xlsx', encoding: 'XLSX' });
    const [header, allowed, example] = upload.rows as string[][];
    expect(header!.slice(0, 3)).toEqual(['名称', '统一社会信用代码', '注册所在省（区）']);
    expect(allowed![0]).toMatch(/^#可填写的值/);
    expect(example![0]).toMatch(/^#示例/);
    const filled = header!.map((h) => ({ 名称: '陇南乙合作社', '注册所在省（区）': '甘肃', '所在市（州）': '陇南', 主体类型: '农民专业合作社', '年主营业务收入（万元）': 80 } as Record<string, string | number>)[h] ?? null);
    const withRow = await writeXlsx([{ name: '申请人', header: header!, rows: [allowed!, example!, filled] }]);
    const reading = readApplicantRows((await readUpload(withRow, limits)).rows, { asOf: '2024-06-01' });
    expect(reading).toMatchObject({ ok: true, applicants: [{ row: 4, name: '陇南乙合作社', profile: { province: '甘肃', city: '陇南', entityType: 'farmer_coop', annualRevenueYuan: 800_000 } }] });
  });
});

describe('export files', () => {
  it('CSV: a BOM, and cells beginning with = + - @ escaped', () => {
    const csv = writeCsv(['名称', '金额'], [['=HYPERLINK("http://x")', 5], ['+86 123', null], ['-1+1', 3], ['@SUM(A1)', 0], ['正常', 1]]);
    expect(csv.startsWith('\ufeff名称,金额\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(1, 6)).toEqual([`"'=HYPERLINK(""http://x"")",5`, "'+86 123,", "'-1+1,3", "'@SUM(A1),0", '正常,1']);
  });

  it('XLSX: text that looks like a formula is written as text', async () => {
    const xlsx = await writeXlsx([{ name: '申请人', header: ['名称'], rows: [['=1+1']] }]);
    const files = unzipSync(xlsx);
    const xml = Object.entries(files).filter(([name]) => name.endsWith('.xml')).map(([, bytes]) => strFromU8(bytes)).join('');
    expect(xml).toContain('=1+1');
    expect(xml).not.toMatch(/<f>/);
  });
});
