import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShippedDocument } from '../../db/rules.ts';
import { loadRuleFiles } from './load.ts';

/** The rule files of `dir` with their documents' texts, validated (throws a CorpusError naming what is wrong). */
export function readShippedRules(dir: string): ShippedDocument[] {
  return loadRuleFiles(dir).map(({ file }) => ({
    document: file.document,
    text: readFileSync(join(dir, file.document.text), 'utf8'),
    rules: file.rules,
  }));
}
