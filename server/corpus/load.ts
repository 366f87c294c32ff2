import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleFile } from '../domain/rule-schema.ts';
import { parseRuleFile, type RuleIssue } from './check.ts';

export type LoadedRuleFile = { path: string; file: RuleFile };

export class CorpusError extends Error {
  constructor(readonly problems: { path: string; issues: RuleIssue[] }[]) {
    super(
      `invalid rule files:\n${problems
        .flatMap((p) => p.issues.map((issue) => `  ${p.path}: ${issue.path}: ${issue.message}`))
        .join('\n')}`,
    );
  }
}

export const ruleFilePaths = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .sort()
    .map((name) => join(dir, name));

/** Reads and validates every rule file in `dir`; throws a CorpusError naming each file, rule and path at fault. */
export function loadRuleFiles(dir: string): LoadedRuleFile[] {
  const loaded: LoadedRuleFile[] = [];
  const problems: CorpusError['problems'] = [];
  const ruleIds = new Map<string, string>();
  for (const path of ruleFilePaths(dir)) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({ path, issues: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] });
      continue;
    }
    const { file, issues } = parseRuleFile(data);
    if (!file) {
      problems.push({ path, issues });
      continue;
    }
    if (!path.endsWith(`/${file.document.id}.json`)) {
      problems.push({ path, issues: [{ path: 'document.id', message: `file name must be ${file.document.id}.json` }] });
    }
    for (const rule of file.rules) {
      const other = ruleIds.get(rule.id);
      if (other) problems.push({ path, issues: [{ path: rule.id, message: `rule id also used in ${other}` }] });
      ruleIds.set(rule.id, path);
    }
    loaded.push({ path, file });
  }
  if (problems.length) throw new CorpusError(problems);
  return loaded;
}
