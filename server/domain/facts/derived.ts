import { expandIndustries } from './industries.ts';
import { sizeByStandard } from './size.ts';

type Facts = Readonly<Record<string, unknown>>;

/**
 * A profile's facts as rules read them: industries with what their GB/T codes imply, and the size the national
 * standard gives when employees, revenue and the industry are known (it decides over a size given by hand).
 */
export function withDerivedFacts(facts: Facts): Facts {
  const industries = facts.industries as string[] | undefined;
  const size = sizeByStandard(industries, facts.employees as number | undefined, facts.annualRevenueYuan as number | undefined);
  if (!industries?.length && size === null) return facts;
  return {
    ...facts,
    ...(industries?.length ? { industries: expandIndustries(industries) } : {}),
    ...(size !== null ? { size } : {}),
  };
}
