import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchSummaryJson } from '../../../server/api/match-json.ts';
import { rulesetFromFiles } from '../../../server/corpus/shipped.ts';
import { evaluateProfile } from '../../../server/domain/evaluate.ts';
import { summaryOf } from '../../../server/domain/match-schema.ts';
import type { Profile } from '../../../server/domain/profile.ts';
import { eligibleFragmentsOf, Fragments, packAnswer, unpackAnswer } from '../../../server/domain/screening/stored-answer.ts';
import { benchProfile } from '../../../bench/profile.ts';
import { profileArbitrary } from '../../support/profiles.ts';

const ruleset = rulesetFromFiles('rules');
const profiles = [benchProfile, ...fc.sample(profileArbitrary(ruleset.rules.map((r) => r.rule)), { numRuns: 150, seed: 11 })] as Profile[];

describe('stored answers', () => {
  it('the unexplained evaluation gives the same summary, and packing gives back its exact JSON', () => {
    const fragments = new Fragments();
    let packedBytes = 0;
    let summaryBytes = 0;
    for (const profile of profiles) {
      const computed = matchSummaryJson(evaluateProfile(ruleset, profile, '2024-06-01'));
      const summary = summaryOf(evaluateProfile(ruleset, profile, '2024-06-01', { explain: false }));
      expect(JSON.stringify(summary)).toBe(computed);
      const packed = packAnswer(summary, fragments);
      expect(JSON.stringify(unpackAnswer(packed, fragments))).toBe(computed);
      packedBytes += packed.length;
      summaryBytes += Buffer.byteLength(computed);
    }
    // The point of packing: a small fraction of the summary's bytes.
    expect(packedBytes * 10).toBeLessThan(summaryBytes);
  });

  it('fragments survive being stored and read back, new ones handed out once', () => {
    const fragments = new Fragments();
    const summary = summaryOf(evaluateProfile(ruleset, benchProfile as unknown as Profile, '2024-06-01', { explain: false }));
    const packed = packAnswer(summary, fragments);
    const stored = fragments.takeNew();
    expect(stored.length).toBeGreaterThan(0);
    packAnswer(summary, fragments);
    expect(fragments.takeNew()).toEqual([]);
    const reread = new Fragments(stored);
    expect(unpackAnswer(packed, reread)).toEqual(summary);
    const first = summary.eligible[0]!;
    expect(eligibleFragmentsOf(reread, first.ruleId)).toHaveLength(1);
    expect(eligibleFragmentsOf(reread, 'no/such-rule')).toEqual([]);
  });
});
