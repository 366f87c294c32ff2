/**
 * XLSX files of any size, fast: a minimal workbook (no styles, inline strings) whose sheet XML is written here, with
 * `rowCount` rows of `columns` cells, and optionally broken XML after row `breakAfter` (a reader that reads past it fails).
 */
import { strToU8, zipSync } from 'fflate';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const column = (i: number) => String.fromCharCode(65 + i);

export function generatedXlsx({ header, row, rowCount, breakAfter }: { header: string[]; row: (i: number) => (string | number)[]; rowCount: number; breakAfter?: number }): Uint8Array {
  const cells = (values: (string | number)[], r: number) =>
    values.map((v, c) => (typeof v === 'number' ? `<c r="${column(c)}${r}"><v>${v}</v></c>` : `<c r="${column(c)}${r}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`)).join('');
  const rows: string[] = [`<row r="1">${cells(header, 1)}</row>`];
  for (let i = 0; i < rowCount; i++) {
    if (breakAfter !== undefined && i === breakAfter) rows.push('<row r="x"><c <<< not xml');
    rows.push(`<row r="${i + 2}">${cells(row(i), i + 2)}</row>`);
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="申请人" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

/** Rows as a 白银 registry list would have them: name, province, city, entity type, revenue in 万元. */
export const applicantRows = (rowCount: number, breakAfter?: number) =>
  generatedXlsx({
    header: ['名称', '注册所在省（区）', '所在市（州）', '主体类型', '年主营业务收入（万元）'],
    row: (i) => [`白银企业${i}号有限公司`, '甘肃', '白银', '企业', 100 + (i % 900)],
    rowCount, breakAfter,
  });
