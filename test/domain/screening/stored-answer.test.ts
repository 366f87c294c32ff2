import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rulesetFromFiles } from '../../../server/corpus/shipped.ts';
import { summarizeProfile } from '../../../server/domain/evaluate.ts';
import type { Profile } from '../../../server/domain/profile.ts';
import { eligibleFragmentsOf, Fragments, packAnswer, unpackAnswer } from '../../../server/domain/screening/stored-answer.ts';
import { benchProfile } from '../../../bench/profile.ts';
import { profileArbitrary } from '../../support/profiles.ts';

const ruleset = rulesetFromFiles('rules');
const profiles = [benchProfile, ...fc.sample(profileArbitrary(ruleset.rules.map((r) => r.rule)), { numRuns: 150, seed: 11 })] as Profile[];

describe('stored answers', () => {
  it('packing gives back the exact JSON of the summary computed', () => {
    const fragments = new Fragments();
    let packedBytes = 0;
    let summaryBytes = 0;
    for (const profile of profiles) {
      const summary = summarizeProfile(ruleset, profile, '2024-06-01');
      const computed = JSON.stringify(summary);
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
    const summary = summarizeProfile(ruleset, benchProfile as unknown as Profile, '2024-06-01');
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
