/**
 * 企业（机构）类型 as registry extracts write it ("有限责任公司（自然人投资或控股）", "个体工商户", "农民专业合作社",
 * "股份有限公司（上市、国有控股）" ...) read as the profile's entityType, and its ownership where the type states it.
 */

export type EntityReading = { entityType: 'enterprise' | 'individual_business' | 'farmer_coop'; ownership?: 'private' | 'state' | 'foreign' };

/** Kinds of registration that are enterprises in the catalogue's sense. */
const ENTERPRISE = /公司|企业|合伙|全民所有制|集体所有制|股份合作|联营|分支机构|办事处|个人独资/;

/** What the type says of ownership, when it says it; the first that matches wins (外商投资 before 自然人). */
const OWNERSHIP: readonly [RegExp, EntityReading['ownership']][] = [
  [/外商|外国|外资|中外合资|中外合作|台港澳|港澳台|台湾|香港|澳门/, 'foreign'],
  [/国有独资|国有控股|全民所有制|国有企业/, 'state'],
  [/自然人投资|自然人独资|自然人控股|私营|个人独资|合伙企业/, 'private'],
];

export function readEntityType(text: string): EntityReading | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if (/个体/.test(t)) return { entityType: 'individual_business' };
  if (/农民专业合作社|农民合作社|专业合作社联合社/.test(t)) return { entityType: 'farmer_coop' };
  if (!ENTERPRISE.test(t)) return null;
  const ownership = OWNERSHIP.find(([pattern]) => pattern.test(t))?.[1];
  return ownership ? { entityType: 'enterprise', ownership } : { entityType: 'enterprise' };
}

/** 登记状态 that mean the business no longer exists: such rows are listed but not screened. */
export function closedStatus(text: string): string | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if (/吊销/.test(t)) return '吊销';
  if (/注销/.test(t)) return '注销';
  return null;
}
