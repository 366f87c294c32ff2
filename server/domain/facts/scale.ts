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
    name: 'aboveDesignatedSize', type: 'boolean', attainable: true, group: 'scale',
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
  {
    name: 'encouragedIndustryRevenuePercent', type: 'number', unit: 'percent', group: 'scale',
    label: { zh: '鼓励类产业主营业务收入占比', en: 'Share of revenue from encouraged industries' },
    help: {
      zh: '以《西部地区鼓励类产业目录》中鼓励类产业项目为主营业务的收入占企业收入总额的百分比，如65。',
      en: 'Revenue from main business in the Catalogue of Encouraged Industries in the Western Region, as a percentage of total revenue, e.g. 65.',
    },
  },
  {
    name: 'exporter', type: 'boolean', group: 'scale',
    label: { zh: '有出口业务（办理出口退税）', en: 'Exports goods or services (claims export tax rebates)' },
    help: {
      zh: '企业有货物或服务出口业务、办理出口退（免）税的，选“是”。',
      en: 'Yes if the business exports goods or services and claims export VAT rebates or exemptions.',
    },
  },
  {
    name: 'annualOutputValueYuan', type: 'number', unit: 'yuan', group: 'scale',
    label: { zh: '上年度总产值', en: 'Gross output value last year' },
    help: {
      zh: '上一个完整年度的总产值（如工业总产值、建筑业总产值），按统计口径填写；不同于营业收入。',
      en: 'Gross output value of the last full year as reported to the statistics bureau (e.g. industrial or construction output); not the same as revenue.',
    },
  },
  {
    name: 'previousPeakAnnualRevenueYuan', type: 'number', unit: 'yuan', group: 'scale',
    label: { zh: '以往年度最高营业收入', en: 'Highest annual revenue of earlier years' },
    help: {
      zh: '本年度（申报年度）之前各年度营业收入中的最高值；用于“营业收入首次突破X亿元”类奖励。新成立企业填0。',
      en: 'The highest annual revenue in any year before the year being claimed for; used by “revenue exceeds X for the first time” awards. 0 for a new firm.',
    },
  },
  {
    name: 'previousPeakAnnualOutputValueYuan', type: 'number', unit: 'yuan', group: 'scale',
    label: { zh: '以往年度最高总产值', en: 'Highest gross output value of earlier years' },
    help: {
      zh: '本年度（申报年度）之前各年度总产值中的最高值，按统计口径填写；用于“产值首次达到X亿元”类奖励。新成立企业填0。',
      en: 'The highest gross output value (as reported to the statistics bureau) in any year before the year being claimed for; used by “output reaches X for the first time” awards. 0 for a new firm.',
    },
  },
  {
    name: 'importer', type: 'boolean', group: 'scale',
    label: { zh: '有进口业务（办理进口报关）', en: 'Imports goods (files import declarations)' },
    help: {
      zh: '企业自己或委托报关企业办理货物进口报关的，选“是”；出口业务另见“有出口业务”。',
      en: 'Yes if the business declares imported goods at customs, itself or through a broker; exports are asked separately.',
    },
  },
  {
    name: 'batchHiringPeople', type: 'number', unit: 'people', integer: true, group: 'scale',
    label: { zh: '一次集中招录人数', en: 'People hired in one recruitment drive' },
    help: {
      zh: '本次（或近期一次）集中招聘计划招录的人数；用于“一次招录100人以上”的用工服务。',
      en: 'How many people the current (or latest) recruitment drive hires at once; used by clauses on drives of 100 or more.',
    },
  },
  {
    name: 'operatingDifficulty', type: 'boolean', group: 'scale',
    label: { zh: '因自然灾害、事故灾难、公共卫生事件、社会安全事件等原因经营困难', en: 'In difficulty because of a disaster, accident, public-health or public-security event' },
    help: {
      zh: '因自然灾害、事故灾难、公共卫生事件、社会安全事件等原因造成经营困难的，选“是”（《市场主体登记管理条例》规定的歇业条件）。',
      en: 'Yes if a natural disaster, accident, public-health or public-security event has left the business in difficulty (the condition for suspending business under the registration regulations).',
    },
  },
  {
    name: 'vatExemptActivities', type: 'enumList', group: 'scale',
    label: { zh: '从事的增值税免税经营活动', en: 'VAT-exempt activities the business carries on' },
    help: {
      zh: '本主体从事的下列经营活动，可多选；没有的不选。这些活动可按规定免征增值税。',
      en: 'Any of these activities the business carries on, all that apply; none if none. They may be exempt from VAT.',
    },
    options: [
      option('own_farm_produce', '销售自产农产品', 'Selling farm produce it grows or raises itself'),
      option('fresh_produce_trade', '蔬菜、部分鲜活肉蛋产品批发、零售', 'Wholesale or retail of vegetables and some fresh meat and eggs'),
      option('farm_inputs', '销售农药、农膜、农机等农业生产资料', 'Selling pesticides, farm film, farm machinery and other farm inputs'),
      option('books_trade', '图书批发、零售', 'Wholesale or retail of books'),
      option('copyright_transfer', '转让著作权', 'Transferring copyrights'),
      option('own_housing_sale', '销售自建自用住房', 'Selling housing it built for its own use'),
      option('financial_products_transfer', '金融商品转让', 'Transferring financial products'),
    ],
  },
  {
    name: 'annualOutputValue2022Yuan', type: 'number', unit: 'yuan', group: 'scale',
    label: { zh: '2022年度总产值', en: 'Gross output value in 2022' },
    help: {
      zh: '2022年全年的总产值（如建筑业总产值），按统计口径填写；条款写明“2022年产值”时按此判断，不随年份推移。',
      en: 'Gross output value of the year 2022 as reported to the statistics bureau (e.g. construction output); read by clauses that name 2022, whatever the current year.',
    },
  },
  {
    name: 'keyLivelihoodProducer', type: 'boolean', group: 'scale',
    label: { zh: '列为食品、食用农产品等民生相关重点生产企业', en: 'Listed as a key producer of food or other daily necessities' },
    help: { zh: '由市场监管等部门确定；不确定的不填。', en: 'Decided by market regulators; leave unanswered if unsure.' },
  },
] as const satisfies readonly FactDefinition[];
