import { complianceFacts } from './compliance.ts';
import type { FactDefinition } from './definition.ts';
import { identityFacts } from './identity.ts';
import { innovationFacts } from './innovation.ts';
import { investmentFacts } from './investment.ts';
import { ipFacts } from './ip.ts';
import { locationFacts } from './location.ts';
import { peopleFacts } from './people.ts';
import { roleFacts } from './roles.ts';
import { situationFacts } from './situations.ts';
import { scaleFacts } from './scale.ts';

export * from './definition.ts';

/** Every profile fact, in questionnaire order. */
export const factCatalogue = [
  ...locationFacts,
  ...identityFacts,
  ...scaleFacts,
  ...investmentFacts,
  ...innovationFacts,
  ...ipFacts,
  ...peopleFacts,
  ...roleFacts,
  ...situationFacts,
  ...complianceFacts,
] as const satisfies readonly FactDefinition[];

export type FactName = (typeof factCatalogue)[number]['name'];

export const factsByName: ReadonlyMap<string, FactDefinition> = new Map(factCatalogue.map((fact) => [fact.name, fact]));

/** Facts that say where a business is and what it is: a near miss must fit on all of these. */
export const SCOPE_FACTS: ReadonlySet<string> = new Set(['province', 'city', 'county', 'entityType']);

/** Each fact's position in a fact vector (see factVector). */
export const factIndex: ReadonlyMap<string, number> = new Map(factCatalogue.map((fact, i) => [fact.name, i]));

/** A profile's values in catalogue order, `undefined` where unanswered: compiled conditions read positions, which is
 * much faster than looking up names in profile objects of many different shapes. */
export type FactVector = readonly unknown[];

const FACT_NAMES: readonly string[] = factCatalogue.map((fact) => fact.name);

export function factVector(facts: Readonly<Record<string, unknown>>): FactVector {
  const vector = new Array<unknown>(FACT_NAMES.length);
  for (let i = 0; i < FACT_NAMES.length; i++) vector[i] = facts[FACT_NAMES[i]!];
  return vector;
}
