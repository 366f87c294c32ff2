import { amountFor } from './amounts.ts';
import { todayInChina } from './dates.ts';
import { judgeRule, listingOf, namedBy } from './evaluate.ts';
import { withDerivedFacts } from './facts/derived.ts';
import { factVector } from './facts/index.ts';
import type { RuleExample } from './rule-schema.ts';
import type { PreparedRule } from './ruleset.ts';

export type ExampleVerdict = { ok: boolean; expected: string; actual: string };

/** Runs one of a rule's own examples: its expected status and, when given, its amount. */
export function runExample(prepared: PreparedRule, example: RuleExample): ExampleVerdict {
  const facts = withDerivedFacts(example.profile as Record<string, unknown>);
  const { roles, situations } = namedBy(facts);
  // An internal task is never listed; its examples check whom its conditions concern.
  const listing = prepared.rule.kind === 'internal' ? 'judged' : listingOf(prepared, roles, situations);
  const outcome = listing === null ? null : judgeRule(prepared, factVector(facts), example.asOf ?? todayInChina());
  // A right whose situation the profile does not name is listed apart (`situational`), a commitment in its own list.
  const judgedStatus = outcome?.status ?? 'ineligible';
  const status = (judgedStatus === 'eligible' || judgedStatus === 'possible') && listing !== 'judged' ? listing! : judgedStatus;
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
