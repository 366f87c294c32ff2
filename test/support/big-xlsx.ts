/**
 * XLSX files of any size, fast: a minimal workbook (no styles) whose sheet XML is written here, a header and
 * `rowCount` rows, its text inline or in a shared-strings part (as Excel writes it), and optionally broken XML after
 * row `breakAfter` (a reader that reads past it fails).
 */
import { strToU8, zipSync } from 'fflate';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const column = (i: number) => String.fromCharCode(65 + i);

type Generated = { header: string[]; row: (i: number) => (string | number)[]; rowCount: number; breakAfter?: number; sharedStrings?: boolean };

export function generatedXlsx({ header, row, rowCount, breakAfter, sharedStrings = false }: Generated): Uint8Array {
  const strings = new Map<string, number>();
  const text = (v: string, ref: string) => {
    if (!sharedStrings) return `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
    let index = strings.get(v);
    if (index === undefined) strings.set(v, (index = strings.size));
    return `<c r="${ref}" t="s"><v>${index}</v></c>`;
  };
  const cells = (values: (string | number)[], r: number) =>
    values.map((v, c) => (typeof v === 'number' ? `<c r="${column(c)}${r}"><v>${v}</v></c>` : text(v, `${column(c)}${r}`))).join('');
  const rows: string[] = [`<row r="1">${cells(header, 1)}</row>`];
  for (let i = 0; i < rowCount; i++) {
    if (breakAfter !== undefined && i === breakAfter) rows.push('<row r="x"><c <<< not xml');
    rows.push(`<row r="${i + 2}">${cells(row(i), i + 2)}</row>`);
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${strings.size}">${[...strings.keys()].map((v) => `<si><t>${escape(v)}</t></si>`).join('')}</sst>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="申请人" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(sst),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

/** Rows as a 白银 registry list would have them: name, province, city, entity type, revenue in 万元. */
export const applicantRows = (rowCount: number, { breakAfter, sharedStrings }: { breakAfter?: number; sharedStrings?: boolean } = {}) =>
  generatedXlsx({
    header: ['名称', '注册所在省（区）', '所在市（州）', '主体类型', '年主营业务收入（万元）'],
    row: (i) => [`白银企业${i}号有限公司`, '甘肃', '白银', '企业', 100 + (i % 900)],
    rowCount, breakAfter, sharedStrings,
  });
