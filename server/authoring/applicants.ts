import type { Applicant } from '../domain/impact.ts';

/**
 * Where the applicants of stored screenings come from, for the impact preview and "who newly qualifies". The screening
 * tables provide them (one query over every stored screening's applicants); the preview reads nothing else.
 */
export type ApplicantSource = {
  /** The applicants of one unit's screenings, or of every unit's (null or not given). */
  storedApplicants(unit?: string | null): Iterable<Applicant>;
};

/** No stored screenings: an installation without them, or before the screening tables exist. */
export const noStoredApplicants: ApplicantSource = { storedApplicants: () => [] };
