import { describe, expect, it } from 'vitest';
import { rulesetVersionOf } from '../../server/domain/ruleset.ts';
import { testDocument, testRule } from '../fixtures.ts';

describe('the ruleset version', () => {
  it('is the same hash as databases recorded (its canonical JSON keeps its bytes), whatever the key and rule order', () => {
    const document = testDocument();
    const rule = testRule();
    // The value the first form of canonicalJson gave for these fixtures: a change here orphans every recorded version.
    expect(rulesetVersionOf({ documents: [document], rules: [{ documentId: document.id, rule }] })).toBe('f6a99c6e4466d5b8');
    const reordered = Object.fromEntries(Object.entries(rule).reverse()) as typeof rule;
    const other = testRule({ id: 'test-doc/other', title: '另一条' });
    expect(rulesetVersionOf({ documents: [document], rules: [{ documentId: document.id, rule: reordered }] })).toBe('f6a99c6e4466d5b8');
    expect(rulesetVersionOf({ documents: [document], rules: [{ documentId: document.id, rule: other }, { documentId: document.id, rule }] }))
      .toBe(rulesetVersionOf({ documents: [document], rules: [{ documentId: document.id, rule }, { documentId: document.id, rule: other }] }));
  });
});
