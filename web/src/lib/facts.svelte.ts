/** The fact catalogue, loaded once: the questionnaire and every label of a fact come from it. */
import { api } from './api.ts';
import type { FactView } from './types.ts';

export const catalogue = $state({
  facts: [] as FactView[],
  byName: new Map<string, FactView>(),
  error: null as unknown,
  loaded: false,
});

let loading: Promise<void> | null = null;

export function loadCatalogue(): Promise<void> {
  loading ??= api
    .facts()
    .then((facts) => {
      catalogue.facts = facts;
      catalogue.byName = new Map(facts.map((fact) => [fact.name, fact]));
      catalogue.loaded = true;
      catalogue.error = null;
    })
    .catch((error) => {
      catalogue.error = error;
      loading = null;
    });
  return loading;
}

export const isMoney = (fact: FactView) => fact.type === 'number' && fact.unit === 'yuan';
