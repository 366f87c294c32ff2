import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExamples, checkQuotes, parseRuleFile } from '../../server/corpus/check.ts';
import { loadRuleFiles, ruleFilePaths } from '../../server/corpus/load.ts';
import { ruleFileJsonSchema } from '../../server/domain/rule-json-schema.ts';

const RULES_DIR = join(import.meta.dirname, '../../rules');

describe.each(ruleFilePaths(RULES_DIR))('%s', (path) => {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  const { file, issues } = parseRuleFile(data);

  it('has the rule-file shape, known facts and well-typed values', () => {
    expect(issues).toEqual([]);
  });

  it('quotes its document verbatim, on the cited page', () => {
    if (!file) return expect.fail('file did not parse');
    const text = readFileSync(join(RULES_DIR, file.document.text), 'utf8');
    expect(checkQuotes(file, text)).toEqual([]);
  });

  it("passes every rule's own examples", () => {
    if (!file) return expect.fail('file did not parse');
    expect(checkExamples(file)).toEqual([]);
  });
});

describe('the corpus as a whole', () => {
  it('ships a rules/schema.json that matches the zod rule-file schema (npm run rules:schema)', () => {
    const shipped = JSON.parse(readFileSync(join(RULES_DIR, 'schema.json'), 'utf8'));
    expect(shipped).toEqual(ruleFileJsonSchema());
  });

  it('loads without errors and has unique rule ids', () => {
    expect(() => loadRuleFiles(RULES_DIR)).not.toThrow();
  });
});
