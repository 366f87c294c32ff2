/**
 * An evaluator thread of the pool (evaluators.ts): judges chunks of applicants with the ruleset of the version asked
 * for, rebuilt from the database (opened read-only), and answers them packed with its own fragment numbers, sending
 * each fragment's text once. The heavy part of a screening runs here, off the thread that serves requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabaseReadOnly } from '../../db/client.ts';
import { rulesetInputAt } from '../../db/rules.ts';
import { summarizeProfile } from '../domain/evaluate.ts';
import type { Profile } from '../domain/profile.ts';
import { prepareRuleset, type Ruleset } from '../domain/ruleset.ts';
import { Fragments, packLists } from '../domain/screening/stored-answer.ts';
import type { Task, TaskAnswer } from './evaluators.ts';

const { db } = openDatabaseReadOnly((workerData as { databasePath: string }).databasePath);
const versions = new Map<string, { ruleset: Ruleset; fragments: Fragments }>();

function prepared(version: string) {
  let entry = versions.get(version);
  if (!entry) {
    const input = rulesetInputAt(db, version);
    if (!input) throw new Error(`无法重建规则集版本 ${version} (ruleset version not found)`);
    const ruleset = prepareRuleset(input);
    // A version whose documents changed since rebuilds differently: the in-process path must judge it instead.
    if (ruleset.version !== version) throw new Error(`ruleset ${version} rebuilds as ${ruleset.version}`);
    entry = { ruleset, fragments: new Fragments() };
    versions.set(version, entry);
  }
  return entry;
}

parentPort!.on('message', (task: Task) => {
  let answer: TaskAnswer;
  try {
    const { ruleset, fragments } = prepared(task.version);
    const answers = task.profiles.map((profile) => packLists(summarizeProfile(ruleset, profile as Profile, task.asOf), fragments));
    answer = { id: task.id, ok: true, answers, fresh: fragments.takeNew().map(({ json }) => json) };
  } catch (error) {
    answer = { id: task.id, ok: false, error: (error as Error).message };
  }
  parentPort!.postMessage(answer);
});
