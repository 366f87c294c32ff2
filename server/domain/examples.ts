import { amountFor } from './amounts.ts';
import { todayInChina } from './dates.ts';
import { judgeRule } from './evaluate.ts';
import { factVector } from './facts/index.ts';
import type { RuleExample } from './rule-schema.ts';
import type { PreparedRule } from './ruleset.ts';

export type ExampleVerdict = { ok: boolean; expected: string; actual: string };

/** Runs one of a rule's own examples: its expected status and, when given, its amount. */
export function runExample(prepared: PreparedRule, example: RuleExample): ExampleVerdict {
  const facts = example.profile as Record<string, unknown>;
  const outcome = judgeRule(prepared, factVector(facts), example.asOf ?? todayInChina());
  const status = outcome?.status ?? 'ineligible';
  const actualStatus = status === 'nearMiss' && example.expect.status === 'ineligible' ? 'ineligible' : status;
  const expectedAmount = example.expect.amountYuan;
  const amount = amountFor(prepared.rule.amount, facts).amountYuan;
  const amountOk = expectedAmount === undefined || expectedAmount === amount;
  const describe = (s: string, yuan: number | null | undefined) => (yuan === undefined ? s : `${s}, ${yuan === null ? 'no amount' : `${yuan} 元`}`);
  return {
    ok: actualStatus === example.expect.status && amountOk,
    expected: describe(example.expect.status, expectedAmount),
    actual: describe(status, expectedAmount === undefined ? undefined : amount),
  };
}
