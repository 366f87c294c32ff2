import type { FactDefinition } from './definition.ts';

export const complianceFacts = [
  {
    name: 'seriousDiscredit', type: 'boolean', group: 'compliance',
    label: { zh: '列入严重失信名单或发生重大安全、环保事故', en: 'On a serious-discredit list, or a major safety/environment accident' },
    help: { zh: '多数奖励政策对此类主体不予支持。', en: 'Most awards exclude such businesses.' },
  },
] as const satisfies readonly FactDefinition[];
