import { option, type FactDefinition } from './definition.ts';

/**
 * Kinds of organisation some clauses are meant for (a subsidy for 商标品牌指导站, a duty of guarantee institutions).
 * A rule naming a `beneficiary` is considered only for a profile that says it is one of them: not answering means
 * an ordinary business, not "unknown".
 */
export const roleFacts = [
  {
    name: 'organisationRoles', type: 'enumList', group: 'identity',
    label: { zh: '本单位同时是（特定类型机构）', en: 'The organisation is also a …' },
    help: {
      zh: '只有部分条款针对这些机构；普通企业不选。',
      en: 'Only some clauses are meant for these organisations; an ordinary business chooses none.',
    },
    options: [
      option('ip_service_agency', '知识产权服务机构（代理、运营、转移转化等）', 'IP service agency (attorneys, IP operation or transfer)'),
      option('ip_assistance_station', '知识产权维权援助工作站（分中心）', 'IP rights-assistance station'),
      option('trademark_brand_station', '商标品牌指导站', 'Trademark and brand guidance station'),
      option('gi_demonstration_zone', '地理标志保护示范区（建设单位）', 'Geographical-indication protection demonstration zone'),
      option('testing_body', '检验检测、认证机构', 'Testing, inspection or certification body'),
      option('skills_evaluation_body', '职业技能等级评价机构', 'Vocational skills evaluation body'),
      option('training_institution', '职业培训机构', 'Vocational training institution'),
      option('guarantee_institution', '融资担保机构', 'Financing guarantee institution'),
      option('financial_institution', '银行、保险等金融机构', 'Bank, insurer or other financial institution'),
      option('park_operator', '产业园区、开发区运营管理机构', 'Industrial park or development zone operator'),
      option('incubator', '孵化器、众创空间、创业园', 'Incubator, maker space or start-up park'),
      option('association', '行业协会、商会', 'Trade association or chamber of commerce'),
      option('intermediary', '中介服务机构（评估、代理、咨询等）', 'Intermediary (appraisal, agency, consulting …)'),
      option('platform_operator', '电子商务平台、网络交易平台经营者', 'E-commerce or online trading platform operator'),
      option('market_operator', '商品交易市场开办者', 'Market operator'),
      option('tender_agency', '招标代理机构', 'Tendering agency'),
      option('utility_company', '供水、供电、供气、通信等公用企业', 'Water, power, gas or telecom utility'),
      option('public_institution', '事业单位、社会组织', 'Public institution or social organisation'),
      option('hr_service_agency', '经营性人力资源服务机构', 'Commercial human-resources service agency'),
    ],
  },
] as const satisfies readonly FactDefinition[];
