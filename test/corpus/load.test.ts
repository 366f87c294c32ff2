import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, loadRuleFiles } from '../../server/corpus/load.ts';
import { testDocument, testRule } from '../fixtures.ts';

const examples = [
  { name: 'ok', profile: { province: '甘肃', entityType: 'enterprise' }, expect: { status: 'eligible' } },
  { name: 'no', profile: { province: '陕西', entityType: 'enterprise' }, expect: { status: 'ineligible' } },
];

function dirWith(files: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

describe('loadRuleFiles', () => {
  it('loads valid files', () => {
    const dir = dirWith({ 'test-doc.json': { document: testDocument(), rules: [{ ...testRule(), examples }] } });
    expect(loadRuleFiles(dir).map((f) => f.file.rules.length)).toEqual([1]);
  });

  it('fails fast naming the file, the rule and the path of every problem', () => {
    const bad = { ...testRule(), examples, conditions: { all: [{ fact: 'turnover', operator: 'greaterThan', value: 1 }] } };
    const dir = dirWith({
      'test-doc.json': { document: testDocument(), rules: [bad] },
      'broken.json': '{ "document": ',
      'wrong-name.json': { document: testDocument({ id: 'other-doc' }), rules: [] },
    });
    const error = (() => {
      try {
        loadRuleFiles(dir);
      } catch (e) {
        return e as CorpusError;
      }
    })();
    expect(error).toBeInstanceOf(CorpusError);
    expect(error!.message).toContain(`${join(dir, 'test-doc.json')}: rules[0].conditions.all[0].fact: test-doc/landing: unknown fact "turnover"`);
    expect(error!.message).toContain(`${join(dir, 'broken.json')}: : not valid JSON`);
    expect(error!.message).toContain('file name must be other-doc.json');
  });
});
