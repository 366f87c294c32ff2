import { describe, expect, it } from 'vitest';
import { readBoolean, readDate, readMoney, readNumber, readOption, splitList, yearsBetween } from '../../../server/domain/screening/cells.ts';
import { checkCharacter, readCreditCode } from '../../../server/domain/screening/credit-code.ts';
import { closedStatus, readEntityType } from '../../../server/domain/screening/entity-types.ts';
import { findDivision, findSection, industryValuesFor } from '../../../server/domain/screening/industries.ts';
import { factsByName, type EnumFact } from '../../../server/domain/facts/index.ts';

describe('money cells', () => {
  it('reads the number in the column unit, or the unit the cell writes', () => {
    expect(readMoney('100', '万元')).toEqual({ ok: true, value: 1_000_000 });
    expect(readMoney(100.1, '万元')).toEqual({ ok: true, value: 1_001_000 });
    expect(readMoney('1,234.5', '元')).toEqual({ ok: true, value: 1234.5 });
    expect(readMoney('1.5E+08', '元')).toEqual({ ok: true, value: 150_000_000 });
    expect(readMoney('100万元人民币', null)).toEqual({ ok: true, value: 1_000_000 });
    expect(readMoney('3亿', '元')).toEqual({ ok: true, value: 300_000_000 });
    expect(readMoney('５０万元', null)).toEqual({ ok: true, value: 500_000 });
  });

  it('refuses foreign currency, a missing unit and words', () => {
    expect(readMoney('100万美元', null)).toMatchObject({ ok: false, message: expect.stringContaining('外币') });
    expect(readMoney('100', null)).toMatchObject({ ok: false, message: expect.stringContaining('单位') });
    expect(readMoney('很多', '元')).toMatchObject({ ok: false, message: expect.stringContaining('应为金额') });
  });
});

describe('other cells', () => {
  it('reads numbers, yes/no and options by value or label', () => {
    expect(readNumber('56')).toEqual({ ok: true, value: 56 });
    expect(readNumber('五十')).toMatchObject({ ok: false });
    expect([readBoolean('是'), readBoolean('否'), readBoolean('Y'), readBoolean(true)].map((r) => r.ok && r.value)).toEqual([true, false, true, true]);
    expect(readBoolean('也许')).toMatchObject({ ok: false, message: expect.stringContaining('是”或“否') });
    const vat = factsByName.get('vatTaxpayer') as EnumFact;
    expect(readOption('小规模纳税人', vat.options)).toEqual({ ok: true, value: 'small_scale' });
    expect(readOption('general', vat.options)).toEqual({ ok: true, value: 'general' });
    expect(readOption('General taxpayer', vat.options)).toEqual({ ok: true, value: 'general' });
    expect(readOption('其他', vat.options)).toMatchObject({ ok: false, message: expect.stringContaining('小规模纳税人') });
  });

  it('splits lists on separators outside brackets', () => {
    expect(splitList('制造业、新材料，食品;物流')).toEqual(['制造业', '新材料', '食品', '物流']);
    expect(splitList('生产性服务业（邮政、电信、现代服务销售额占比超50%）、农业')).toEqual(['生产性服务业(邮政、电信、现代服务销售额占比超50%)', '农业']);
  });

  it('reads dates as sheets write them and counts years to the day', () => {
    expect(['2015-03-12', '2015/3/12', '2015.3.12', '2015年3月12日'].map((d) => readDate(d))).toEqual(Array(4).fill({ ok: true, value: '2015-03-12' }));
    expect(readDate(new Date(Date.UTC(2015, 2, 12)))).toEqual({ ok: true, value: '2015-03-12' });
    expect(readDate('2015-02-30')).toMatchObject({ ok: false, message: expect.stringContaining('不存在') });
    expect(yearsBetween('2015-03-12', '2024-03-12')).toBe(9);
    expect(yearsBetween('2015-03-12', '2024-03-11')).toBe(8.99);
    expect(yearsBetween('2024-01-01', '2024-07-01')).toBe(0.49);
  });
});

describe('统一社会信用代码', () => {
  it('checks the GB 32100 check character', () => {
    expect(readCreditCode('91350100M000100Y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
    expect(readCreditCode(' 914403001922038216 ')).toEqual({ ok: true, code: '914403001922038216' });
    expect(readCreditCode('914403001922038217')).toMatchObject({ ok: false, message: expect.stringContaining('校验位') });
    expect(readCreditCode('91440300192203821')).toMatchObject({ ok: false, message: expect.stringContaining('18位') });
    expect(readCreditCode('91440300I922038216')).toMatchObject({ ok: false });
    expect(checkCharacter('91110108551385082')).toBe('Q');
  });
});

describe('registry values', () => {
  it('reads 企业（机构）类型 as entity type and, where stated, ownership', () => {
    expect(readEntityType('有限责任公司（自然人投资或控股）')).toEqual({ entityType: 'enterprise', ownership: 'private' });
    expect(readEntityType('股份有限公司（上市、国有控股）')).toEqual({ entityType: 'enterprise', ownership: 'state' });
    expect(readEntityType('有限责任公司(台港澳与境内合资)')).toEqual({ entityType: 'enterprise', ownership: 'foreign' });
    expect(readEntityType('有限责任公司分公司')).toEqual({ entityType: 'enterprise' });
    expect(readEntityType('个体工商户')).toEqual({ entityType: 'individual_business' });
    expect(readEntityType('农民专业合作社')).toEqual({ entityType: 'farmer_coop' });
    expect(readEntityType('事业单位')).toBeNull();
    expect([closedStatus('注销'), closedStatus('吊销，未注销'), closedStatus('存续（在营、开业、在册）')]).toEqual(['注销', '吊销', null]);
  });

  it('maps GB/T 4754 sections and divisions to the catalogue tags', () => {
    expect(findSection('C 制造业')?.code).toBe('C');
    expect(findSection('批发和零售业')?.code).toBe('F');
    expect(findDivision('C39 计算机、通信和其他电子设备制造业')).toBe('39');
    expect(findDivision('医药制造业')).toBe('27');
    expect(industryValuesFor('C', '27')!.values).toEqual(['C', 'C27']);
    expect(industryValuesFor(null, '62')).toEqual({ section: 'H', division: '62', values: ['H', 'H62'] });
    expect(industryValuesFor('J', null)!.values).toEqual(['J']);
  });
});
