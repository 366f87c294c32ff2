/** The import template as a file: CSV (header, allowed values, example) or XLSX (the same, and a sheet of options). */
import { factCatalogue } from '../domain/facts/index.ts';
import { importTemplate, templateHeader } from '../domain/screening/template.ts';
import { writeCsv } from './csv.ts';
import { writeXlsx } from './xlsx.ts';

export function templateCsv(): string {
  const { header, allowed, example } = importTemplate();
  return writeCsv(header, [allowed, example]);
}

export async function templateXlsx(): Promise<Buffer> {
  const { header, allowed, example } = importTemplate();
  const options = factCatalogue.flatMap((fact) =>
    'options' in fact ? fact.options.map((o) => [templateHeader(fact), o.label.zh, o.value, o.label.en]) : [],
  );
  return writeXlsx([
    { name: '申请人', header, rows: [allowed, example] },
    { name: '可填写的值', header: ['列', '可填写（中文）', '代码', 'English'], rows: options, widths: [30, 50, 30, 50] },
  ]);
}
