import { describe, expect, it } from 'vitest';
import { chineseYuan, chineseYuanIn, englishYuan, parseMoney } from '../../web/src/lib/money.ts';

const yuanOf = (typed: string) => {
  const parsed = parseMoney(typed);
  return parsed.ok ? parsed.yuan : parsed.error;
};

describe('reading money as people type it in a 万元 field', () => {
  it('takes 亿, 万 and 元 at their word, and a bare number as 万元', () => {
    expect(yuanOf('3亿')).toBe(300_000_000);
    expect(yuanOf('3亿元')).toBe(300_000_000);
    expect(yuanOf('500万')).toBe(5_000_000);
    expect(yuanOf('1,200万')).toBe(12_000_000);
    expect(yuanOf('1.2亿')).toBe(120_000_000);
    expect(yuanOf('3亿5000万')).toBe(350_000_000);
    expect(yuanOf('3千万')).toBe(30_000_000);
    expect(yuanOf('3万5千')).toBe(35_000);
    expect(yuanOf('8000元')).toBe(8000);
    expect(yuanOf('20000')).toBe(200_000_000);
    expect(yuanOf('0.5')).toBe(5000);
    expect(yuanOf('１２００万')).toBe(12_000_000);
    expect(yuanOf(' 2 000 ')).toBe(20_000_000);
    expect(yuanOf('两亿')).toBe(200_000_000);
    expect(yuanOf('五百万')).toBe(5_000_000);
  });

  it('remembers the unit typed, for wording reasons in it', () => {
    expect(parseMoney('3亿')).toMatchObject({ unit: 'yi' });
    expect(parseMoney('500万')).toMatchObject({ unit: 'wan' });
    expect(parseMoney('500')).toMatchObject({ unit: 'wan' });
    expect(parseMoney('8000元')).toMatchObject({ unit: 'yuan' });
  });

  it('doubts a bare number so large that it is almost surely yuan', () => {
    expect(parseMoney('300000000')).toEqual({ ok: true, yuan: 3e12, unit: 'wan', doubtful: { asYuan: 300_000_000 } });
    expect(parseMoney('3亿')).toMatchObject({ doubtful: null });
    expect(parseMoney('20000')).toMatchObject({ doubtful: null });
  });

  it('refuses what it cannot read, and negative amounts', () => {
    expect(yuanOf('很多')).toBe('number');
    expect(yuanOf('两')).toBe('number');
    expect(yuanOf('亿')).toBe('number');
    expect(yuanOf('3亿5000')).toBe('number');
    expect(yuanOf('5000万3亿')).toBe('number');
    expect(yuanOf('12abc')).toBe('number');
    expect(yuanOf('-5')).toBe('negative');
    expect(yuanOf('－5万')).toBe('negative');
  });
});

describe('writing money', () => {
  it('reads in 亿 where exact, else 万, small sums in 元', () => {
    expect(chineseYuan(200_000_000)).toBe('2亿元');
    expect(chineseYuan(2_000_000)).toBe('200万元');
    expect(chineseYuan(123_456_789)).toBe('12345.6789万元');
    expect(chineseYuan(5000)).toBe('5000元');
    expect(chineseYuan(3e12)).toBe('3万亿元');
  });

  it('words an amount in the unit the person typed', () => {
    expect(chineseYuanIn(5000, 'wan')).toBe('0.5万元');
    expect(chineseYuanIn(0, 'wan')).toBe('0万元');
    expect(chineseYuanIn(100_000_000, 'wan')).toBe('1亿元');
    expect(chineseYuanIn(150_000_000, 'yi')).toBe('1.5亿元');
    expect(chineseYuanIn(5_000_000, 'yuan')).toBe('5000000元');
  });

  it('gives English readers the full figure and the Chinese reading', () => {
    expect(englishYuan(2_000_000)).toBe('CNY 2,000,000 (200万元)');
    expect(englishYuan(5000)).toBe('CNY 5,000');
    expect(englishYuan(5000, '0.5万元')).toBe('CNY 5,000 (0.5万元)');
  });
});
