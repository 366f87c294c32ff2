import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShippedDocument } from '../../db/rules.ts';
import { prepareRuleset, type Ruleset } from '../domain/ruleset.ts';
import { loadRuleFiles } from './load.ts';

/** The rule files of `dir` with their documents' texts, validated (throws a CorpusError naming what is wrong). */
export function readShippedRules(dir: string): ShippedDocument[] {
  return loadRuleFiles(dir).map(({ file }) => ({
    document: file.document,
    text: readFileSync(join(dir, file.document.text), 'utf8'),
    rules: file.rules,
  }));
}

/** The shipped rules prepared straight from the files, without a database: for tests, benchmarks and tools. */
export function rulesetFromFiles(dir: string): Ruleset {
  const files = loadRuleFiles(dir);
  return prepareRuleset({
    documents: files.map((f) => f.file.document),
    rules: files.flatMap((f) => f.file.rules.map((rule) => ({ documentId: f.file.document.id, rule }))),
  });
}
