import { option, type FactDefinition } from './definition.ts';

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
  {
    name: 'legalSituations', type: 'enumList', group: 'compliance',
    label: { zh: '涉诉、查封冻结和失信情形', en: 'Lawsuits, seizures and debtor listings' },
    help: {
      zh: '本主体目前所处的下列情形，可多选；没有的不选。',
      en: 'Any of these that apply to the business now; none if none.',
    },
    options: [
      option('litigation', '涉及民商事诉讼（准备起诉或已被起诉）', 'In a civil or commercial lawsuit (about to sue or being sued)'),
      option('assets_seized', '财产、账户或资金被查封、扣押、冻结', 'Property, accounts or funds seized, impounded or frozen'),
      option('judgment_debtor', '是人民法院执行案件的被执行人', 'A judgment debtor in a court enforcement case'),
      option('dishonest_judgment_debtor', '被列入失信被执行人名单', 'On the list of dishonest judgment debtors'),
      option('equity_frozen_or_pledged', '股权（投资权益）被冻结、出质，或有动产抵押', 'Equity (investment interest) frozen or pledged, or movable property mortgaged'),
    ],
  },
  {
    name: 'taxMattersSettled', type: 'boolean', group: 'compliance',
    label: { zh: '无未办结涉税事项（未处于税务检查、无欠税及罚款、发票已缴销）', en: 'No unfinished tax matters (no tax audit, arrears or fines; invoices returned)' },
    help: {
      zh: '从未办理过涉税事宜，或未处于税务检查状态、无欠税（滞纳金）及罚款、未领用发票或已缴销发票及税控专用设备、且无其他未办结事项的，选“是”。',
      en: 'Yes if the business never dealt with the tax office, or is not under a tax audit, owes no tax, late fees or fines, holds no invoices or has returned them and its tax-control devices, and has nothing else pending.',
    },
  },
  {
    name: 'abnormalListedForAnnualReport', type: 'boolean', group: 'compliance',
    label: { zh: '因未在规定时间内报送年度报告被标记为经营异常', en: 'Marked as operating abnormally for a late annual report' },
    help: {
      zh: '被列入经营异常名录（或标记为经营异常状态）的原因是没有在规定时间内报送年度报告的，选“是”。',
      en: 'Yes if the business was listed (marked) as operating abnormally because it did not file its annual report in time.',
    },
  },
  {
    name: 'goodCreditStanding', type: 'boolean', group: 'compliance',
    label: { zh: '信用状况良好（以受理部门认定为准）', en: 'Good credit standing (as the accepting office judges)' },
    help: {
      zh: '无失信记录、未被列入经营异常名录或严重违法失信名单，受理部门认可信用状况良好的，选“是”。',
      en: 'Yes if the business has no discredit record, is on no abnormal-operations or serious-discredit list, and the office accepts its credit as good.',
    },
  },
  {
    name: 'judgmentObligationsPerformed', type: 'boolean', group: 'compliance',
    label: { zh: '已积极履行生效法律文书确定的义务', en: 'Has performed the obligations set by the court judgment' },
    help: {
      zh: '被列入失信被执行人名单后，已积极履行生效法律文书确定的义务（如已清偿、已按和解协议履行）的，选“是”。',
      en: 'Yes if, after being listed as a dishonest judgment debtor, the business has actively performed the obligations the judgment set (paid, or performed a settlement).',
    },
  },
  {
    name: 'creditGradeA', type: 'boolean', attainable: true, group: 'compliance',
    label: { zh: '信用登记（评价）为A级', en: 'Credit graded A' },
    help: { zh: '在政府采购、招标投标等信用评价中登记为A级的，选“是”。', en: 'Yes if graded A in the credit rating used for procurement and tenders.' },
  },
] as const satisfies readonly FactDefinition[];
