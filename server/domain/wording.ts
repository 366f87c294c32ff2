import { factsByName } from './facts/index.ts';
import { formatYuan } from './money.ts';
import type { LeafCondition } from './rule-schema.ts';

/** Conditions in Chinese words, for lines a person checks (caveats). The web app words them again in its language. */

const label = (fact: string) => factsByName.get(fact)?.label.zh ?? fact;

function valueWords(fact: string, value: unknown): string {
  const definition = factsByName.get(fact);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return definition?.type === 'number' && definition.unit === 'yuan' ? formatYuan(value) : String(value);
  const options = definition && 'options' in definition ? definition.options : [];
  return options.find((o) => o.value === value)?.label.zh ?? String(value);
}

const COMPARISONS: Partial<Record<LeafCondition['operator'], string>> = {
  lessThan: '低于',
  lessThanInclusive: '不高于',
  greaterThan: '高于',
  greaterThanInclusive: '不低于',
};

/** "列入严重失信名单…" (a yes/no fact that holds), "项目按期建成投产为“否”", "项目类型为房地产项目、PPP项目之一". */
export function describeLeaf({ fact, operator, value }: Pick<LeafCondition, 'fact' | 'operator' | 'value'>): string {
  const values = Array.isArray(value) ? value.map((v) => valueWords(fact, v)).join('、') : valueWords(fact, value);
  switch (operator) {
    case 'equal':
      if (typeof value === 'boolean') return value ? label(fact) : `${label(fact)}为“否”`;
      return `${label(fact)}为${values}`;
    case 'notEqual':
      if (typeof value === 'boolean') return value ? `${label(fact)}为“否”` : label(fact);
      return `${label(fact)}不为${values}`;
    case 'in':
      return `${label(fact)}为${values}${Array.isArray(value) && value.length > 1 ? '之一' : ''}`;
    case 'notIn':
      return `${label(fact)}不为${values}`;
    case 'contains':
      return `${label(fact)}包括${values}`;
    case 'doesNotContain':
      return `${label(fact)}不包括${values}`;
    default:
      return `${label(fact)}${COMPARISONS[operator]}${values}`;
  }
}

/** A caveat line: the exclusion a person must rule out before counting on the benefit. */
export const caveatText = (leaf: Pick<LeafCondition, 'fact' | 'operator' | 'value'>) => `须确认：${describeLeaf(leaf)}的，不享受此项`;
