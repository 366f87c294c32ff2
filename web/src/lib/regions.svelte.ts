/** Which provinces and cities have documents: the finder says so for a province without any, and lists them first. */
import { api } from './api.ts';

export const regions = $state({
  loaded: false,
  documentsByProvince: {} as Record<string, number>,
  /** Documents of a city's own (not the province-wide ones), by `province/city`. */
  documentsByCity: {} as Record<string, number>,
});

let loading: Promise<void> | null = null;

export function loadRegions(): Promise<void> {
  loading ??= api
    .documents()
    .then((documents) => {
      const byProvince: Record<string, number> = {};
      const byCity: Record<string, number> = {};
      for (const d of documents) {
        byProvince[d.province] = (byProvince[d.province] ?? 0) + 1;
        if (d.city) byCity[`${d.province}/${d.city}`] = (byCity[`${d.province}/${d.city}`] ?? 0) + 1;
      }
      regions.documentsByProvince = byProvince;
      regions.documentsByCity = byCity;
      regions.loaded = true;
    })
    .catch(() => {
      // Only hints: without them the finder still asks and matches.
      loading = null;
    });
  return loading;
}

/** Cities of the province that have documents of their own, by name. */
export const citiesWithDocuments = (province: string) =>
  Object.keys(regions.documentsByCity)
    .filter((key) => key.startsWith(`${province}/`))
    .map((key) => key.slice(province.length + 1))
    .sort();

export const cityDocumentCount = (province: unknown, city: string) => regions.documentsByCity[`${province}/${city}`] ?? 0;

/** A province the documents do not cover: true only once the documents are known. */
export const provinceWithoutDocuments = (province: unknown) =>
  typeof province === 'string' && regions.loaded && !regions.documentsByProvince[province];
