import { describe, expect, it } from 'vitest';
import { factCatalogue } from '../../server/domain/facts/index.ts';
import { factView } from '../../server/api/schemas.ts';
import { profileFromParams, profileToParams } from '../../web/src/lib/profile-params.ts';

const facts = factCatalogue.map(factView);

describe('a profile in a link', () => {
  it('goes into readable parameters and comes back typed by the fact catalogue', () => {
    const profile = { province: '甘肃', city: '白银', entityType: 'enterprise', newlyIntroduced: true, fixedAssetInvestmentYuan: 200000000, founderGroups: ['veteran', 'graduate_within_2y'] };
    const params = profileToParams(profile, '2024-06-01');
    expect(params.get('fixedAssetInvestmentYuan')).toBe('200000000');
    expect(params.get('asOf')).toBe('2024-06-01');
    expect(profileFromParams(params, facts)).toEqual(profile);
  });

  it('drops what the catalogue does not know and values that do not fit the fact', () => {
    const params = new URLSearchParams({ province: '火星', entityType: 'enterprise', employees: 'many', newlyIntroduced: 'yes', hacked: '1', industries: 'food,nonsense' });
    expect(profileFromParams(params, facts)).toEqual({ entityType: 'enterprise', industries: ['food'] });
  });
});

describe('a list answered "none of these"', () => {
  it('is an empty parameter, and comes back as an empty list, not as unanswered', () => {
    const params = profileToParams({ province: '甘肃', entityType: 'enterprise', certifications: [] }, null);
    expect(params.toString()).toContain('certifications=');
    expect(profileFromParams(params, facts)).toEqual({ province: '甘肃', entityType: 'enterprise', certifications: [] });
    // Other empty parameters are still unanswered.
    expect(profileFromParams(new URLSearchParams('province=甘肃&city=&employees='), facts)).toEqual({ province: '甘肃' });
  });
});
