import { Engine } from 'json-rules-engine';
import type { Rule } from '../../server/domain/rule-schema.ts';

/**
 * json-rules-engine itself, the reference semantics of the condition format: one reused Engine holding every rule.
 * Undefined facts are allowed, so a missing fact behaves as json-rules-engine defines (our fast path calls it unknown).
 */
export function referenceEngine(rules: readonly Rule[]) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of rules) engine.addRule({ name: rule.id, conditions: rule.conditions as never, event: { type: rule.id } });
  return {
    engine,
    /** The ids of the rules whose conditions hold for the facts. */
    async passingRuleIds(facts: Record<string, unknown>): Promise<Set<string>> {
      const { events } = await engine.run({ ...facts });
      return new Set(events.map((e) => e.type));
    },
  };
}
