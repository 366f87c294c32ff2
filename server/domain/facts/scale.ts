import { option, type FactDefinition } from './definition.ts';

export const scaleFacts = [
  { name: 'employees', type: 'number', unit: 'people', integer: true, group: 'scale', label: { zh: '从业人数', en: 'Employees' } },
  {
    name: 'annualRevenueYuan', type: 'number', unit: 'yuan', group: 'scale',
    label: { zh: '年主营业务收入', en: 'Annual main-business revenue' },
  },
  {
    name: 'monthlySalesYuan', type: 'number', unit: 'yuan', group: 'scale',
    label: { zh: '月销售额', en: 'Monthly sales' },
    help: { zh: '用于判断增值税起征点等。', en: 'Used for VAT thresholds.' },
  },
  {
    name: 'vatTaxpayer', type: 'enum', group: 'scale',
    label: { zh: '增值税纳税人类型', en: 'VAT taxpayer type' },
    options: [option('small_scale', '小规模纳税人', 'Small-scale taxpayer'), option('general', '一般纳税人', 'General taxpayer')],
  },
  {
    name: 'aboveDesignatedSize', type: 'boolean', group: 'scale',
    label: { zh: '规模以上（规上/限上）企业', en: 'Above designated size' },
    help: { zh: '已纳入规模以上工业、限额以上商贸或规上服务业统计。', en: 'Counted in the above-designated-size statistics.' },
  },
  {
    name: 'newlyAboveDesignatedSize', type: 'boolean', group: 'scale',
    label: { zh: '本年新入规（限下转限上、规下转规上）', en: 'Newly above designated size this year' },
  },
  { name: 'paidInCapitalYuan', type: 'number', unit: 'yuan', group: 'scale', label: { zh: '实缴注册资本', en: 'Paid-in capital' } },
  {
    name: 'localEconomicContributionYuan', type: 'number', unit: 'yuan', group: 'scale',
    label: { zh: '年地方经济贡献', en: 'Annual local economic contribution' },
    help: { zh: '企业每年缴纳的地方留成税收等。', en: 'Local share of taxes paid in a year.' },
  },
] as const satisfies readonly FactDefinition[];
