import fc from 'fast-check';
import { factCatalogue, type FactDefinition } from '../../server/domain/facts/index.ts';
import type { Condition, Rule } from '../../server/domain/rule-schema.ts';

/** Every literal a rule compares each fact with: generated profiles sit on and around these values. */
function literalsByFact(rules: readonly Rule[]): Map<string, unknown[]> {
  const byFact = new Map<string, unknown[]>();
  const visit = (c: Condition): void => {
    if ('all' in c) return c.all.forEach(visit);
    if ('any' in c) return c.any.forEach(visit);
    if ('not' in c) return visit(c.not);
    const values = Array.isArray(c.value) ? c.value : [c.value];
    byFact.set(c.fact, [...(byFact.get(c.fact) ?? []), ...values]);
  };
  rules.forEach((r) => visit(r.conditions));
  return byFact;
}

function valueArbitrary(fact: FactDefinition, literals: unknown[]): fc.Arbitrary<unknown> {
  switch (fact.type) {
    case 'number': {
      const near = literals.filter((v): v is number => typeof v === 'number').flatMap((v) => [v - 1, v, v + 1].filter((n) => n >= 0));
      const any = fact.integer ? fc.nat({ max: 1000 }) : fc.double({ min: 0, max: 2e9, noNaN: true });
      return near.length ? fc.oneof(fc.constantFrom(...near), any) : any;
    }
    case 'boolean':
      return fc.boolean();
    case 'string': {
      const known = literals.filter((v): v is string => typeof v === 'string');
      return known.length ? fc.oneof(fc.constantFrom(...known), fc.constant('其他')) : fc.constant('其他');
    }
    case 'enum':
      return fc.constantFrom(...fact.options.map((o) => o.value));
    case 'enumList':
      return fc.subarray(fact.options.map((o) => o.value));
  }
}

/** Profiles that exercise the given rules: each fact given or left out, values on and around the rules' thresholds. */
export function profileArbitrary(rules: readonly Rule[]): fc.Arbitrary<Record<string, unknown>> {
  const literals = literalsByFact(rules);
  const entries = factCatalogue.map((fact) => {
    const value = valueArbitrary(fact, literals.get(fact.name) ?? []);
    return [fact.name, 'required' in fact && fact.required ? value : fc.option(value, { nil: undefined, freq: 3 })] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((profile) =>
    Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)),
  );
}
