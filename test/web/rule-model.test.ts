import { describe, expect, it } from 'vitest';
import { authoringViewOf } from '../../web/src/pages/authoring/hrefs.ts';
import {
  clauseBefore, formCanShow, fromWan, issuesUnder, leafFor, newRule, operatorsFor, quoteOfSelection, regroup, toWan, valueFor,
} from '../../web/src/pages/authoring/rule-model.ts';
import { factView } from '../../server/api/schemas.ts';
import { factCatalogue } from '../../server/domain/facts/index.ts';
import { checkRule } from '../../server/domain/rule-lint.ts';
import { testDocument } from '../fixtures.ts';

const fact = (name: string) => factView(factCatalogue.find((f) => f.name === name)!);

describe('the rule editor’s model', () => {
  it('offers the operators that fit each fact type, and values that fit them', () => {
    expect(operatorsFor(fact('fixedAssetInvestmentYuan'))).toContain('greaterThanInclusive');
    expect(operatorsFor(fact('certifications'))).toEqual(['contains', 'doesNotContain']);
    expect(operatorsFor(fact('seriousDiscredit'))).toEqual(['equal', 'notEqual']);
    expect(leafFor(fact('size'))).toEqual({ fact: 'size', operator: 'equal', value: 'micro' });
    expect(valueFor(fact('size'), 'in', 'small')).toEqual(['small']);
    expect(valueFor(fact('size'), 'equal', ['small', 'micro'])).toBe('small');
    expect(valueFor(fact('employees'), 'greaterThan', 'x')).toBe(0);
  });

  it('turns a group into another kind, keeping its conditions', () => {
    const leaf = leafFor(fact('size'));
    expect(regroup({ all: [leaf] }, 'any')).toEqual({ any: [leaf] });
    expect(regroup({ all: [leaf] }, 'not')).toEqual({ not: leaf });
    expect(regroup({ all: [leaf, leaf] }, 'not')).toEqual({ not: { all: [leaf, leaf] } });
    expect(regroup({ not: leaf }, 'all')).toEqual({ all: [leaf] });
  });

  it('starts a new rule in the document’s region, with examples, that the checks can read', () => {
    const rule = newRule(testDocument(), 'award');
    expect(rule.conditions).toEqual({ all: [
      { fact: 'province', operator: 'equal', value: '甘肃' },
      { fact: 'city', operator: 'equal', value: '白银' },
      { fact: 'entityType', operator: 'equal', value: 'enterprise' },
    ] });
    const check = (r: unknown) => checkRule({ documentId: 'test-doc', rule: r, document: testDocument(), documentText: '# Page 1:\n第一条', published: [] });
    // Blank, it names the fields to fill in; filled in, every other check runs on it.
    expect(check(rule).errors.map((e) => e.path).sort()).toEqual(['clause', 'quote', 'summary', 'title']);
    expect(check({ ...rule, title: '奖', summary: '奖', clause: '第一条', quote: '第一条奖励' }).rule).not.toBeNull();
    expect(formCanShow(rule)).toBe(true);
    expect(formCanShow({ ...rule, conditions: { not: rule.conditions } })).toBe(false);
    expect(formCanShow({ ...rule, conditions: 5 })).toBe(false);
  });

  it('reads a selection as the quote check does, and finds the clause label before it', () => {
    expect(quoteOfSelection('新引进固定资产投资1 亿元以上（含）\n项目，市政府按实际完成')).toBe('新引进固定资产投资1 亿元以上（含）项目，市政府按实际完成');
    const text = '第二条 总则\n第三条落地投资奖。新引进项目\n（一）对新认定的企业\n16. 对标准';
    expect(clauseBefore(text, text.indexOf('新引进'))).toBe('第三条');
    expect(clauseBefore(text, text.indexOf('对新认定'))).toBe('（一）');
    expect(clauseBefore(text, text.indexOf('对标准'))).toBe('16');
  });

  it('converts 万元 and yuan both ways', () => {
    expect(fromWan(1000)).toBe(10_000_000);
    expect(toWan(2_500)).toBe(0.25);
    expect(fromWan(toWan(123_456.78))).toBe(123_456.78);
  });

  it('finds the issues under a path, not under its namesakes', () => {
    const issues = [{ path: 'conditions.all[1].value' }, { path: 'conditions.all[10]' }, { path: 'conditions.all[1]' }];
    expect(issuesUnder(issues, 'conditions.all[1]')).toEqual([issues[0], issues[2]]);
    expect(issuesUnder(issues, 'conditions.all[1]', true)).toEqual([issues[2]]);
  });

  it('routes the authoring addresses, a rule id encoded as one segment', () => {
    expect(authoringViewOf('/authoring')).toEqual({ kind: 'home' });
    expect(authoringViewOf('/authoring/documents/test-doc')).toEqual({ kind: 'document', documentId: 'test-doc' });
    expect(authoringViewOf('/authoring/documents/test-doc/new')).toEqual({ kind: 'newRule', documentId: 'test-doc' });
    expect(authoringViewOf('/authoring/rules/test-doc%2Flanding')).toEqual({ kind: 'rule', ruleId: 'test-doc/landing' });
    expect(authoringViewOf('/publications')).toEqual({ kind: 'publications' });
    expect(authoringViewOf('/documents')).toBeNull();
  });
});
