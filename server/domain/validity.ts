import type { IsoDate } from './dates.ts';

export type Validity = { validFrom: IsoDate | null; validTo: IsoDate | null };
export type ValidityStatus = 'valid' | 'expired' | 'notYetValid';

/** Both ends are inclusive: a clause valid to 2028-03-30 still applies on that day. */
export function validityOn(validity: Validity, asOf: IsoDate): ValidityStatus {
  if (validity.validFrom && asOf < validity.validFrom) return 'notYetValid';
  if (validity.validTo && asOf > validity.validTo) return 'expired';
  return 'valid';
}

export const isValidOn = (validity: Validity, asOf: IsoDate) => validityOn(validity, asOf) === 'valid';
