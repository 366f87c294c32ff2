import { rulesetFromFiles } from '../server/corpus/shipped.ts';
import { summarizeProfile, evaluateProfile } from '../server/domain/evaluate.ts';
import { matchResultJson } from '../server/api/match-json.ts';
import { benchProfiles } from '../bench/profile.ts';
const ruleset = rulesetFromFiles('rules');
const profiles = benchProfiles(ruleset.rules.map((r) => r.rule));
const mode = process.argv[2];
for (let i = 0; i < 4000; i++) {
  const p = profiles[i % 200]!;
  if (mode === 'summary') JSON.stringify(summarizeProfile(ruleset, p, '2024-06-01'));
  else matchResultJson(ruleset, evaluateProfile(ruleset, p, '2024-06-01'));
}
