import { describe, expect, it } from 'vitest';
import { locateQuote, paginate } from '../../web/src/pages/document/quote-locator.ts';

const text = '# Page 1:\n第一条 总则。\n# Page 2:\n第三条 新引进固定资产投资1 亿元以上\n项目，给予一次性奖励。\n第四条 其他。';

describe('locateQuote', () => {
  it('finds a quote across the line breaks the text has and the quote does not', () => {
    const found = locateQuote(text, '新引进固定资产投资1亿元以上项目，给予一次性奖励。');
    expect(found).not.toBeNull();
    expect(text.slice(found!.start, found!.end)).toBe('新引进固定资产投资1 亿元以上\n项目，给予一次性奖励。');
  });

  it('finds a quote that runs over a page marker', () => {
    const found = locateQuote('# Page 1:\n甲乙\n# Page 2:\n丙丁', '乙丙');
    expect(found).not.toBeNull();
  });

  it('answers null for a quote that is not in the text', () => {
    expect(locateQuote(text, '不存在的句子')).toBeNull();
  });
});

describe('paginate', () => {
  it('cuts the text at page markers and marks the highlighted piece', () => {
    const found = locateQuote(text, '给予一次性奖励。')!;
    const pages = paginate(text, [{ ...found, ruleId: 'doc/art-03' }]);
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
    const marked = pages[1]!.pieces.filter((p) => p.ruleId);
    expect(marked).toEqual([{ text: '给予一次性奖励。', ruleId: 'doc/art-03', first: true }]);
    expect(pages[1]!.pieces.map((p) => p.text).join('')).toBe('第三条 新引进固定资产投资1 亿元以上\n项目，给予一次性奖励。\n第四条 其他。');
  });

  it('splits a highlight that spans two pages, anchoring only its first piece', () => {
    const src = '# Page 1:\n甲乙\n# Page 2:\n丙丁';
    const found = locateQuote(src, '乙丙')!;
    const pages = paginate(src, [{ ...found, ruleId: 'r' }]);
    const marked = pages.flatMap((p) => p.pieces.filter((x) => x.ruleId));
    expect(marked.map((p) => [p.text.trim(), p.first])).toEqual([['乙', true], ['丙', false]]);
  });
});
