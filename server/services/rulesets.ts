import { rulesetGeneration } from '../../db/authoring.ts';
import type { Db } from '../../db/client.ts';
import { publishedRules, recordRulesetSnapshot } from '../../db/rules.ts';
import { prepareRuleset, type Ruleset } from '../domain/ruleset.ts';
import type { RulesetSource } from '../deps.ts';

/**
 * How often, by default, a process asks whether another one published: a one-row read, so it can be often. A publish
 * reaches another process after at most this, plus its ruleset rebuild (see the README for measured figures).
 */
export const DEFAULT_RULESET_CHECK_MS = 250;

type Options = {
  /** The clock, epoch milliseconds. */
  now?: () => number;
  /** How often `current()` asks the database whether the published rules changed (another process may publish). */
  checkEveryMs?: number;
};

/**
 * Holds the ruleset built from the published rules. Publishing in this process calls `reload`; a publish in another
 * process serving the same database moves the ruleset generation, which `current()` reads at most once per
 * `checkEveryMs` (a one-row read) and then rebuilds in the request that found it moved.
 */
export class PublishedRulesets implements RulesetSource {
  #current: Ruleset;
  #generation: number;
  #checkedAt: number;
  readonly #now: () => number;
  readonly #checkEveryMs: number;

  constructor(private readonly db: Db, { now = Date.now, checkEveryMs = DEFAULT_RULESET_CHECK_MS }: Options = {}) {
    this.#now = now;
    this.#checkEveryMs = checkEveryMs;
    this.#generation = rulesetGeneration(db);
    this.#checkedAt = now();
    this.#current = this.build();
  }

  current(): Ruleset {
    if (this.#now() - this.#checkedAt >= this.#checkEveryMs) this.refresh();
    return this.#current;
  }

  /** Rebuilds now, whatever the generation says. */
  reload(): Ruleset {
    this.#generation = rulesetGeneration(this.db);
    this.#checkedAt = this.#now();
    this.#current = this.build();
    return this.#current;
  }

  /** Rebuilds when the generation moved since the last build. */
  refresh(): Ruleset {
    this.#checkedAt = this.#now();
    if (rulesetGeneration(this.db) !== this.#generation) this.reload();
    return this.#current;
  }

  private build(): Ruleset {
    const { ruleVersions, ...input } = publishedRules(this.db);
    const ruleset = prepareRuleset(input);
    recordRulesetSnapshot(this.db, ruleset.version, ruleVersions);
    return ruleset;
  }
}
