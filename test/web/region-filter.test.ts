import { describe, expect, it } from 'vitest';
import { factView } from '../../server/api/schemas.ts';
import { factsByName } from '../../server/domain/facts/index.ts';
import { exactRegion, filterRegions, type RegionChoice } from '../../web/src/lib/region-filter.ts';

const cities = factView(factsByName.get('city')!).options as RegionChoice[];
const ningxia = cities.filter((c) => c.province === '宁夏');
const names = (typed: string, choices = ningxia) => filterRegions(choices, typed).map((c) => c.value);

describe('finding a city in the pick list', () => {
  it('by Chinese, with or without 市 or the province before it', () => {
    expect(names('银川')[0]).toBe('银川');
    expect(names('银川市')[0]).toBe('银川');
    expect(names('宁夏银川')[0]).toBe('银川');
    expect(names('吴')).toEqual(['吴忠']);
  });

  it('by pinyin or its initials, in any case', () => {
    expect(names('yinchuan')).toEqual(['银川']);
    expect(names('Yin')[0]).toBe('银川');
    expect(names('yc')[0]).toBe('银川');
    expect(names('shizui')).toEqual(['石嘴山']);
  });

  it('lists everything for an empty search and nothing for a name elsewhere', () => {
    expect(names('')).toEqual(ningxia.map((c) => c.value));
    expect(names('西安')).toEqual([]);
    expect(names('xian')).toEqual([]);
  });

  it('names the one choice typed outright, or none', () => {
    expect(exactRegion(ningxia, 'yinchuan')?.value).toBe('银川');
    expect(exactRegion(ningxia, '银川市')?.value).toBe('银川');
    expect(exactRegion(ningxia, '银')).toBeNull();
  });
});
