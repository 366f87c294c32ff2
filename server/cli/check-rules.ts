/** `npm run rules:check [rules/<id>.json ...]`: shape, meaning, verbatim quotes and examples of rule files. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkExamples, checkQuotes, parseRuleFile, type RuleIssue } from '../corpus/check.ts';
import { ruleFilePaths } from '../corpus/load.ts';

function checkPath(path: string): RuleIssue[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return [{ path: '', message: `not valid JSON: ${(error as Error).message}` }];
  }
  const { file, issues } = parseRuleFile(data);
  if (!file) return issues;
  const text = readFileSync(join(dirname(path), file.document.text), 'utf8');
  return [...checkQuotes(file, text), ...checkExamples(file)];
}

const args = process.argv.slice(2);
const paths = args.length ? args.map((p) => resolve(p)) : ruleFilePaths(resolve('rules'));
let failed = 0;
for (const path of paths) {
  const issues = checkPath(path);
  if (issues.length === 0) {
    console.log(`ok   ${path}`);
    continue;
  }
  failed++;
  console.log(`FAIL ${path}`);
  for (const issue of issues) console.log(`     ${issue.path}: ${issue.message}`);
}
console.log(`${paths.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
