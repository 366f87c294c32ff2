import { describe, expect, it } from 'vitest';
import { boundaryAfter, locateQuote, paginate, type Piece } from '../../web/src/pages/document/quote-locator.ts';

const text = '# Page 1:\n第一条 总则。\n# Page 2:\n第三条 新引进固定资产投资1 亿元以上\n项目，给予一次性奖励。\n第四条 其他。';

const shown = (pieces: Piece[]) => pieces.map((p) => (p.kind === 'tag' ? `[${p.ruleId}]` : p.kind === 'mark' ? `<${p.text}>` : p.text)).join('');

describe('locateQuote', () => {
  it('finds a quote across the line breaks the text has and the quote does not', () => {
    const found = locateQuote(text, '新引进固定资产投资1亿元以上项目，给予一次性奖励。');
    expect(found).not.toBeNull();
    expect(text.slice(found!.start, found!.end)).toBe('新引进固定资产投资1 亿元以上\n项目，给予一次性奖励。');
  });

  it('finds a quote that runs over a page marker', () => {
    expect(locateQuote('# Page 1:\n甲乙\n# Page 2:\n丙丁', '乙丙')).not.toBeNull();
  });

  it('answers null for a quote that is not in the text', () => {
    expect(locateQuote(text, '不存在的句子')).toBeNull();
  });
});

describe('paginate', () => {
  it('cuts the text at page markers, marks the quote and tags it where it ends', () => {
    const found = locateQuote(text, '给予一次性奖励。')!;
    const pages = paginate(text, [{ ...found, ruleId: 'r' }]);
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
    expect(pages[1]!.pieces.filter((p) => p.kind === 'mark')).toEqual([{ kind: 'mark', text: '给予一次性奖励。', ruleId: 'r', anchor: true }]);
    // The line that runs on into the next is joined; the one before the next clause is kept.
    expect(shown(pages[1]!.pieces)).toBe('第三条 新引进固定资产投资1 亿元以上项目，<给予一次性奖励。>[r]\n第四条 其他。');
  });

  it('splits a highlight that spans two pages, anchoring only its first piece, and tags it on the page it ends', () => {
    const src = '# Page 1:\n甲乙\n# Page 2:\n丙丁';
    const pages = paginate(src, [{ ...locateQuote(src, '乙丙')!, ruleId: 'r' }]);
    const marks = pages.flatMap((p) => p.pieces.filter((x) => x.kind === 'mark'));
    expect(marks.map((p) => [p.text.trim(), p.anchor])).toEqual([['乙', true], ['丙', false]]);
    expect(pages[0]!.pieces.some((p) => p.kind === 'tag')).toBe(false);
    expect(shown(pages[1]!.pieces)).toBe('<丙>丁[r]');
  });

  it('never puts a tag inside a word: a quote ending mid-sentence is tagged at the next punctuation', () => {
    const src = '# Page 1:\n对新认定的高新技术企业给予奖励，每家10万元。';
    const pages = paginate(src, [{ ...locateQuote(src, '对新认定的高新技术企业')!, ruleId: 'r' }]);
    expect(shown(pages[0]!.pieces)).toBe('<对新认定的高新技术企业>给予奖励，[r]每家10万元。');
    expect(boundaryAfter('甲乙。丙', 1)).toBe(3);
  });

  it('gives a quote held wholly inside another its anchor with its tag', () => {
    const src = '# Page 1:\n甲乙丙丁。戊';
    const pages = paginate(src, [
      { ...locateQuote(src, '甲乙丙丁。')!, ruleId: 'outer' },
      { ...locateQuote(src, '乙丙')!, ruleId: 'inner' },
    ]);
    expect(shown(pages[0]!.pieces)).toBe('<甲乙丙丁。>[outer][inner]戊');
    expect(pages[0]!.pieces.filter((p) => p.kind === 'tag').map((p) => p.kind === 'tag' && [p.ruleId, p.anchor])).toEqual([['outer', false], ['inner', true]]);
  });

  it('joins a number to its unit on the next line, and a line cut short by the extraction', () => {
    const src = [
      '# Page 1:',
      '开展地理标志运营试点工作，',
      '每年安排200',
      '万元专项资金引导企业打造地理标志品牌。对获得国外授权的注册商标，每件补助1 万元。',
      '作价入股等方式向区内民营企业特别是民营中小微企业进行转化运用。对我',
      '区引进转化运用并产生社会经济效益、实现应用价值的民营企业，按转化交易额的5%予以',
    ].join('\n');
    expect(shown(paginate(src, [])[0]!.pieces)).toBe(
      '开展地理标志运营试点工作，每年安排200万元专项资金引导企业打造地理标志品牌。对获得国外授权的注册商标，每件补助1 万元。\n' +
        '作价入股等方式向区内民营企业特别是民营中小微企业进行转化运用。对我区引进转化运用并产生社会经济效益、实现应用价值的民营企业，按转化交易额的5%予以',
    );
  });

  it('joins the printed line breaks inside a sentence and keeps those between clauses', () => {
    const src = [
      '# Page 1:',
      '第一条为进一步加大招商引资力度，持续优化营商环境，促进产业培育和高质量发展，',
      '吸引更多企业到我市投资兴业，依据国家和省市有关政策规定，制定本政策。',
      '第二条政策支持的招商引资项目须符合国家产业政策和白银市重点产业发展规划要',
      '求。本地企业改造提升新增项目同样享受。',
      '白银市人民政府',
      '2023 年3 月31 日',
    ].join('\n');
    expect(shown(paginate(src, [])[0]!.pieces)).toBe(
      [
        '第一条为进一步加大招商引资力度，持续优化营商环境，促进产业培育和高质量发展，吸引更多企业到我市投资兴业，依据国家和省市有关政策规定，制定本政策。',
        '第二条政策支持的招商引资项目须符合国家产业政策和白银市重点产业发展规划要求。本地企业改造提升新增项目同样享受。',
        '白银市人民政府',
        '2023 年3 月31 日',
      ].join('\n'),
    );
  });
});
