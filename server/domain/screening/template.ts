/**
 * The import template, generated from the fact catalogue: the header, a row of allowed values and an example row.
 * Both extra rows begin with "#", which the importer reads as notes and skips, so the template uploads as it is
 * once applicants are added below.
 */
import { factCatalogue, type FactDefinition } from '../facts/index.ts';

/** Money in the template is in 万元, the unit officers and applicants write. */
export const TEMPLATE_MONEY_UNIT = '万元';

export const NOTE_PREFIX = '#';

export const templateHeader = (fact: FactDefinition): string =>
  fact.type === 'number' && fact.unit === 'yuan' ? `${fact.label.zh}（${TEMPLATE_MONEY_UNIT}）` : fact.label.zh;

const UNIT_WORDS: Record<string, string> = { people: '人', count: '个', years: '年', percent: '%' };

function allowedValues(fact: FactDefinition): string {
  const required = fact.required ? '必填。' : '';
  switch (fact.type) {
    case 'number': {
      const unit = fact.unit === 'yuan' ? `单位${TEMPLATE_MONEY_UNIT}` : fact.unit ? `单位${UNIT_WORDS[fact.unit]}` : '';
      return `${required}${fact.integer ? '整数' : '数字'}${unit ? `，${unit}` : ''}`;
    }
    case 'boolean':
      return `${required}是 / 否`;
    case 'string':
      return `${required}${fact.help?.zh ?? '文字'}`;
    case 'enum':
      return `${required}${fact.options.map((o) => o.label.zh).join(' / ')}`;
    case 'enumList':
      return `${required}可多选，用“、”分隔：${fact.options.map((o) => o.label.zh).join(' / ')}`;
  }
}

/** A company that shows how cells are written; facts it leaves blank are simply unknown. */
const EXAMPLE: Readonly<Record<string, string | number>> = {
  province: '甘肃', city: '白银', entityType: '企业', ownership: '民营', size: '小型', industries: '食品制造业、新材料',
  yearsOperating: 5, employees: 56, annualRevenueYuan: 2000, paidInCapitalYuan: 500, vatTaxpayer: '一般纳税人',
  aboveDesignatedSize: '是', newlyIntroduced: '是', projectType: '工业项目', fixedAssetInvestmentYuan: 20000,
  certifications: '高新技术企业、科技型中小企业', seriousDiscredit: '否',
};

export type TemplateSheet = { header: string[]; allowed: string[]; example: (string | number | null)[] };

export function importTemplate(): TemplateSheet {
  return {
    header: ['名称', '统一社会信用代码', ...factCatalogue.map(templateHeader)],
    allowed: [`${NOTE_PREFIX}可填写的值（导入时忽略此行）`, '18位，可不填；用于跨筛查识别同一企业', ...factCatalogue.map(allowedValues)],
    example: [`${NOTE_PREFIX}示例：白银某新材料有限公司（导入时忽略此行）`, '91620400MA7ABCDE05', ...factCatalogue.map((f) => EXAMPLE[f.name] ?? null)],
  };
}
