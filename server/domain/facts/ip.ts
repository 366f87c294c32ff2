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
] as const satisfies readonly FactDefinition[];
