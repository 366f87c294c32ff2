import { option, type FactDefinition } from './definition.ts';

export const ipFacts = [
  { name: 'foreignInventionPatents', type: 'number', unit: 'count', integer: true, group: 'ip', label: { zh: '国外授权发明专利数', en: 'Invention patents granted abroad' } },
  { name: 'foreignTrademarks', type: 'number', unit: 'count', integer: true, group: 'ip', label: { zh: '国外注册商标数', en: 'Trademarks registered abroad' } },
  {
    name: 'patentAwards', type: 'enumList', attainable: true, group: 'ip', repeatable: true,
    label: { zh: '中国专利奖', en: 'China Patent Awards' },
    help: { zh: '每获一项奖填一条。', en: 'One entry per award.' },
    options: [option('gold', '金奖', 'Gold'), option('silver', '银奖', 'Silver'), option('excellence', '优秀奖', 'Excellence')],
  },
  {
    name: 'ipPledgeLoanYuan', type: 'number', unit: 'yuan', group: 'ip',
    label: { zh: '知识产权质押贷款额（已还款）', en: 'IP-pledge loan (repaid)' },
  },
  {
    name: 'ipAppraisalFeeYuan', type: 'number', unit: 'yuan', group: 'ip',
    label: { zh: '知识产权质押评估费', en: 'IP-pledge appraisal fee paid' },
  },
  {
    name: 'techTransferAmountYuan', type: 'number', unit: 'yuan', group: 'ip',
    label: { zh: '知识产权转化实施交易额', en: 'Value of IP transfer deals put into use' },
  },
  {
    name: 'ipSituations', type: 'enumList', group: 'ip',
    label: { zh: '知识产权办理事项', en: 'IP matters in hand' },
    help: { zh: '可多选；没有的不选。', en: 'All that apply; none if none.' },
    options: [
      option('pledge_registration', '办理或准备办理专利权、商标专用权质押登记（质押融资）', 'Registering (or about to register) a patent or trademark pledge for a loan'),
      option('annual_fee_extension_2022', '有享受国家专利费用减缴、年费缴纳期限届满日在2022年6月15日至12月31日之间的专利（不含授权后首年年费）', 'Holds a patent with fee reduction whose annual fee (not the first after grant) fell due between 15 June and 31 December 2022'),
    ],
  },
  {
    name: 'ipProtectionCentreFiled', type: 'boolean', attainable: true, group: 'ip',
    label: { zh: '已在知识产权保护中心备案', en: 'Filed with an IP protection centre' },
    help: {
      zh: '已在国家级知识产权保护中心办理备案、可使用专利快速预审服务的，选“是”。',
      en: 'Yes if the business has filed with a national IP protection centre and may use its fast patent pre-examination.',
    },
  },
] as const satisfies readonly FactDefinition[];
