import type { FactDefinition } from './definition.ts';

export const complianceFacts = [
  {
    name: 'seriousDiscredit', type: 'boolean', group: 'compliance',
    label: { zh: '列入严重失信名单或发生重大安全、环保事故', en: 'On a serious-discredit list, or a major safety/environment accident' },
    help: { zh: '多数奖励政策对此类主体不予支持。', en: 'Most awards exclude such businesses.' },
  },
  {
    name: 'noOutstandingDebts', type: 'boolean', group: 'compliance',
    label: { zh: '未发生债权债务或已清偿完结', en: 'No outstanding claims or debts' },
    help: {
      zh: '主体未发生债权债务，或已将债权债务清偿完结（简易注销的条件）。',
      en: 'The business never had claims or debts, or has settled them all (a condition of simplified deregistration).',
    },
  },
  {
    name: 'abnormalOperationListed', type: 'boolean', group: 'compliance',
    label: { zh: '被列入经营异常名录（标记为经营异常状态）', en: 'Listed in the abnormal-operations directory' },
    help: {
      zh: '因未按时报送年度报告等原因，目前被市场监管部门列入经营异常名录或标记为经营异常状态的，选“是”。',
      en: 'Yes if the market regulator currently lists the business as operating abnormally (e.g. for a missed annual report).',
    },
  },
] as const satisfies readonly FactDefinition[];
