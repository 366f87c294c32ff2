import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRUE, UNKNOWN } from '../../server/domain/compile.ts';
import { factVector } from '../../server/domain/facts/index.ts';
import { rulesetFromFiles } from '../../server/corpus/shipped.ts';
import { profileArbitrary } from '../support/profiles.ts';
import { referenceEngine } from '../support/reference-engine.ts';

/**
 * The fast path (conditions compiled to functions, three-valued) must agree with json-rules-engine on every shipped
 * rule: wherever our answer is definite it equals json-rules-engine's, and with every fact given it is always definite.
 */
const ruleset = rulesetFromFiles('rules');
const rules = ruleset.rules.map((r) => r.rule);

describe.runIf(rules.length > 0)('compiled conditions against json-rules-engine', () => {
  const reference = referenceEngine(rules);

  it('agree on generated profiles for every shipped rule', async () => {
    let definite = 0;
    await fc.assert(
      fc.asyncProperty(profileArbitrary(rules), async (facts) => {
        const passing = await reference.passingRuleIds(facts);
        const vector = factVector(facts);
        for (const prepared of ruleset.rules) {
          const ours = prepared.compiled.evaluate(vector);
          const factsUsed = prepared.compiled.leaves.map((l) => l.fact);
          if (factsUsed.every((f) => facts[f] !== undefined)) expect(ours, prepared.rule.id).not.toBe(UNKNOWN);
          if (ours === UNKNOWN) continue;
          definite++;
          expect(ours === TRUE, `${prepared.rule.id} on ${JSON.stringify(facts)}`).toBe(passing.has(prepared.rule.id));
        }
      }),
      { numRuns: 200, seed: 20231 },
    );
    expect(definite).toBeGreaterThan(0);
  }, 90_000); // json-rules-engine takes ~10 ms a profile: seconds alone, far longer on a busy shared machine

  it('agree when every fact a rule uses is given, including on its examples', async () => {
    for (const prepared of ruleset.rules) {
      const single = referenceEngine([prepared.rule]);
      for (const example of prepared.rule.examples) {
        const facts = example.profile as Record<string, unknown>;
        const passing = await single.passingRuleIds(facts);
        const ours = prepared.compiled.evaluate(factVector(facts));
        if (ours !== UNKNOWN) expect(ours === TRUE, `${prepared.rule.id} «${example.name}»`).toBe(passing.has(prepared.rule.id));
      }
    }
  });
});
