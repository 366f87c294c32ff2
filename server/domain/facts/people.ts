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
    ],
  },
  { name: 'firstTimeSelfEmployed', type: 'boolean', group: 'people', label: { zh: '首次创业', en: 'First-time self-employed' } },
] as const satisfies readonly FactDefinition[];
