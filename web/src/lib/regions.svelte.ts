/** Cities that have documents, by province: suggestions for the city question and the documents filter. */
import { api } from './api.ts';

export const regions = $state({ citiesByProvince: {} as Record<string, string[]> });

let loading: Promise<void> | null = null;

export function loadRegions(): Promise<void> {
  loading ??= api
    .documents()
    .then((documents) => {
      const byProvince: Record<string, Set<string>> = {};
      for (const d of documents) if (d.city) (byProvince[d.province] ??= new Set()).add(d.city);
      regions.citiesByProvince = Object.fromEntries(Object.entries(byProvince).map(([p, cities]) => [p, [...cities].sort()]));
    })
    .catch(() => {
      // Suggestions only: the city can still be typed.
      loading = null;
    });
  return loading;
}

export const citiesOf = (province: unknown) => (typeof province === 'string' ? (regions.citiesByProvince[province] ?? []) : []);
