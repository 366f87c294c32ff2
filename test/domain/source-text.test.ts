import { describe, expect, it } from 'vitest';
import { indexSourceText, quotePages } from '../../server/domain/source-text.ts';

const text = ['# Page 10:', '第三条落地投资奖。新引进固定资产投资1 亿元以上', '（含）项目，给予奖励。', '', '# Page 11:', '第四条达产奖。'].join('\n');

describe('source text', () => {
  const source = indexSourceText(text);

  it('finds a quote across a line break, on the page where it starts', () => {
    expect(quotePages(source, '1 亿元以上（含）项目')).toEqual([10]);
    expect(quotePages(source, '第四条达产奖')).toEqual([11]);
  });

  it('finds a quote across a page break', () => {
    expect(quotePages(source, '给予奖励。第四条')).toEqual([10]);
  });

  it('does not find words the document does not print', () => {
    expect(quotePages(source, '1亿元以上')).toEqual([]);
  });
});
