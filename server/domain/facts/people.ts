import { option, type FactDefinition } from './definition.ts';

export const peopleFacts = [
  {
    name: 'founderGroups', type: 'enumList', group: 'people',
    label: { zh: '创业者身份', en: 'Founder groups' },
    options: [
      option('graduate_within_2y', '毕业2年内高校毕业生', 'Graduate within 2 years'),
      option('veteran', '退役军人', 'Veteran'),
      option('employment_difficulty', '就业困难人员', 'Person with employment difficulty'),
      option('poverty_alleviated', '脱贫人口', 'Person lifted out of poverty'),
      option('returning_migrant_worker', '返乡农民工', 'Returning migrant worker'),
      option('high_level_talent', '高层次人才（团队）', 'High-level talent (team)'),
      option('academician', '两院院士', 'Academician (CAS or CAE)'),
    ],
  },
  { name: 'firstTimeSelfEmployed', type: 'boolean', group: 'people', label: { zh: '首次创业', en: 'First-time self-employed' } },
  {
    name: 'founderCityLevelHonor', type: 'boolean', group: 'people',
    label: { zh: '创业者、创业项目或创业企业获设区的市级以上荣誉称号', en: 'Founder, start-up project or firm holds a city-level or higher honour' },
    help: {
      zh: '创业者本人、其创业项目或创业企业获得设区的市级（含）以上党委、政府或部门授予的荣誉称号的，选“是”。',
      en: 'Yes if the founder, the project or the firm holds an honorary title granted at prefecture-city level or above.',
    },
  },
  {
    name: 'publicOfficial', type: 'boolean', group: 'people',
    label: { zh: '申请人本人是公职人员', en: 'The applicant is a public official' },
    help: {
      zh: '以个人名义申请、且本人是公务员、参照公务员法管理的人员、国有企业或公办事业单位的管理人员等公职人员的，选“是”；以单位名义申请的选“否”。',
      en: 'Yes if you apply in your own name and are a public official (civil servant, staff managed as such, or a manager of a state-owned enterprise or public institution); no if a business applies.',
    },
  },
  {
    name: 'startupLoanRecordGood', type: 'boolean', group: 'people',
    label: { zh: '创业担保贷款还款积极、带动就业能力强、创业项目好（经办机构认可）', en: 'Start-up loan repaid well, creates jobs, sound project (as the lending office judges)' },
    help: {
      zh: '由经办银行、担保机构和人社部门判断；已获认可或以往贷款均按期还款且带动就业的，选“是”。',
      en: 'Judged by the lending bank, the guarantor and the employment office; yes if they have said so, or past loans were repaid on time and the venture employs others.',
    },
  },
  {
    name: 'startupLoanEligible', type: 'boolean', group: 'people',
    label: { zh: '符合个人创业担保贷款申请条件（以经办机构认定为准）', en: 'Meets the conditions for a personal start-up guarantee loan (as the lending office judges)' },
    help: {
      zh: '创业担保贷款的申请条件由国家和省的政策规定（如高校毕业生、退役军人、就业困难人员等创业），由人社部门和经办银行认定；已获认定或确认符合的，选“是”。',
      en: 'National and provincial rules set who may borrow (graduates, veterans, people with employment difficulties … starting a business); the employment office and the bank decide. Yes if they have confirmed it.',
    },
  },
] as const satisfies readonly FactDefinition[];
