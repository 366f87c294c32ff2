import { describe, expect, it } from 'vitest';
import { rulesetVersionOf } from '../../server/domain/ruleset.ts';
import { testDocument, testRule } from '../fixtures.ts';

describe('the ruleset version', () => {
  it('is the same hash as databases recorded (its canonical JSON keeps its bytes), whatever the key and rule order', () => {
    const document = testDocument();
    const rule = testRule();
    // The value the first form of canonicalJson gives for these fixtures (checked against it): a change here orphans
    // every recorded version.
    expect(rulesetVersionOf({ documents: [document], rules: [{ documentId: document.id, rule }] })).toBe('4bb4f3b3fb49f4fb');
    const reordered = Object.fromEntries(Object.entries(rule).reverse()) as typeof rule;
    const other = testRule({ id: 'test-doc/other', title: '另一条' });
    expect(rulesetVersionOf({ documents: [document], rules: [{ documentId: document.id, rule: reordered }] })).toBe('4bb4f3b3fb49f4fb');
    expect(rulesetVersionOf({ documents: [document], rules: [{ documentId: document.id, rule: other }, { documentId: document.id, rule }] }))
      .toBe(rulesetVersionOf({ documents: [document], rules: [{ documentId: document.id, rule }, { documentId: document.id, rule: other }] }));
  });
});
