import { describe, expect, it } from 'vitest';
import { numberNote } from '../../web/src/lib/document-number.ts';
import { highlight, searchTerms, snippet } from '../../web/src/lib/highlight.ts';

describe('search terms highlighted', () => {
  it('marks every occurrence of every term, case-insensitive, the longer term first', () => {
    expect(highlight('电费补贴与电费减免', searchTerms('电费'))).toEqual([
      { text: '电费', hit: true }, { text: '补贴与', hit: false }, { text: '电费', hit: true }, { text: '减免', hit: false },
    ]);
    expect(highlight('PPP项目', searchTerms('ppp')).filter((r) => r.hit).map((r) => r.text)).toEqual(['PPP']);
    expect(searchTerms(' 专利  发明专利 ')).toEqual(['发明专利', '专利']);
    expect(highlight('正文', [])).toEqual([{ text: '正文', hit: false }]);
    // Characters that mean something in a regular expression are searched as themselves.
    expect(highlight('a+b', ['+']).filter((r) => r.hit)).toHaveLength(1);
  });

  it('cuts a snippet around the first occurrence', () => {
    const text = `${'甲'.repeat(50)}电费${'乙'.repeat(50)}`;
    const cut = snippet(text, ['电费'], 20)!;
    expect(cut).toContain('电费');
    expect(cut.startsWith('…') && cut.endsWith('…')).toBe(true);
    expect(snippet('无关', ['电费'])).toBeNull();
  });
});

describe('a 文号 with another province\'s prefix', () => {
  it('is noted on a 甘肃 document numbered 湘…', () => {
    expect(numberNote({ number: '湘政务函〔2023〕9 号', province: '甘肃', city: null })).toEqual({ prefix: '湘', prefixProvince: '湖南', province: '甘肃' });
  });

  it('is not noted for the province\'s own prefix, a city\'s own, or a prefix that names no province', () => {
    expect(numberNote({ number: '甘政办发〔2023〕29 号', province: '甘肃', city: null })).toBeNull();
    expect(numberNote({ number: '陇政办发〔2023〕44 号', province: '甘肃', city: '陇南' })).toBeNull();
    expect(numberNote({ number: '甘办发〔2023〕27 号', province: '四川', city: '甘孜' })).toBeNull();
    expect(numberNote({ number: '银政办发〔2023〕17 号', province: '宁夏', city: '银川' })).toBeNull();
    expect(numberNote({ number: '市建发〔2023〕81 号', province: '陕西', city: '西安' })).toBeNull();
    expect(numberNote({ number: null, province: '宁夏', city: null })).toBeNull();
  });
});
