/** A 白银 manufacturer with a large new project: a profile that many rules look at. */
export const benchProfile = {
  province: '甘肃', city: '白银', entityType: 'enterprise', ownership: 'private', size: 'medium',
  industries: ['manufacturing', 'new_materials'], employees: 320, yearsOperating: 6,
  annualRevenueYuan: 450_000_000, aboveDesignatedSize: true, newlyIntroduced: true, projectType: 'industrial',
  fixedAssetInvestmentYuan: 200_000_000, certifications: ['high_tech'], seriousDiscredit: false,
} as const;
