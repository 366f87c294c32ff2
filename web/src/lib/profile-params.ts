/**
 * A profile in a URL, one readable parameter per fact (`?province=甘肃&city=白银&fixedAssetInvestmentYuan=200000000`).
 * A list answered "none of these" is an empty parameter (`certifications=`).
 */
import type { FactView, ProfileDraft } from './types.ts';

export const AS_OF_PARAM = 'asOf';

export function profileToParams(profile: ProfileDraft, asOf: string | null): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(profile)) {
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (asOf) params.set(AS_OF_PARAM, asOf);
  return params;
}

/** Reads the facts the catalogue knows, typed by the catalogue; anything else in the URL is ignored. */
export function profileFromParams(params: URLSearchParams, facts: readonly FactView[]): ProfileDraft {
  const profile: ProfileDraft = {};
  for (const fact of facts) {
    const raw = params.get(fact.name);
    if (raw === '' && fact.type === 'enumList') profile[fact.name] = [];
    if (raw === null || raw === '') continue;
    const options = new Set(fact.options?.map((o) => o.value));
    switch (fact.type) {
      case 'number': {
        const n = Number(raw);
        if (Number.isFinite(n)) profile[fact.name] = n;
        break;
      }
      case 'boolean':
        if (raw === 'true' || raw === 'false') profile[fact.name] = raw === 'true';
        break;
      case 'enum':
        if (options.has(raw)) profile[fact.name] = raw;
        break;
      case 'enumList':
        profile[fact.name] = raw.split(',').filter((v) => options.has(v));
        break;
      case 'string':
        profile[fact.name] = raw.trim().slice(0, 60);
        break;
    }
  }
  return profile;
}

export const isIsoDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);
