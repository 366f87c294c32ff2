import { performance } from 'node:perf_hooks';
import { rulesetFromFiles } from '../server/corpus/shipped.ts';
import { evaluateProfile, judgeRule, summarizeProfile } from '../server/domain/evaluate.ts';
import { factVector } from '../server/domain/facts/index.ts';
import { matchResultJson } from '../server/api/match-json.ts';
import { benchProfiles } from '../bench/profile.ts';
const ruleset = rulesetFromFiles('rules');
const profiles = benchProfiles(ruleset.rules.map((r) => r.rule));
const time = (label: string, f: (p: any) => void) => {
  for (let i = 0; i < 400; i++) f(profiles[i % 200]);
  const n = 3000; const t = performance.now();
  for (let i = 0; i < n; i++) f(profiles[i % 200]);
  console.log(label.padEnd(30), ((performance.now() - t) / n * 1000).toFixed(0), 'µs');
};
let items = 0, bytesF = 0, bytesS = 0;
for (const p of profiles) { const r = evaluateProfile(ruleset, p, '2024-06-01'); items += r.eligible.length + r.possible.length + r.nearMisses.length + r.expired.length + r.notYetValid.length + r.excluded.length; bytesF += matchResultJson(ruleset, r).length; bytesS += JSON.stringify(summarizeProfile(ruleset, p, '2024-06-01')).length; }
console.log('avg items', items / 200, 'avg full chars', bytesF / 200 | 0, 'avg summary chars', bytesS / 200 | 0);
time('judge only', (p) => { const v = factVector(p); for (const r of ruleset.rulesForProvince(p.province)) judgeRule(r, v, '2024-06-01'); });
time('evaluateProfile', (p) => evaluateProfile(ruleset, p, '2024-06-01'));
time('evaluate + full json', (p) => matchResultJson(ruleset, evaluateProfile(ruleset, p, '2024-06-01')));
time('evaluate + summary json', (p) => JSON.stringify(summarizeProfile(ruleset, p, '2024-06-01')));
