import type { Db } from '../../db/client.ts';
import { rulesetInputAt } from '../../db/rules.ts';
import type { RulesetSource } from '../deps.ts';
import { prepareRuleset, type Ruleset } from '../domain/ruleset.ts';

/**
 * Rulesets by version: the current one, or a past one rebuilt from its snapshot's rule versions, prepared once and
 * kept (a few at a time). A screening is worked, reopened and explained with the version it recorded.
 */
export class RulesetVersions {
  readonly #cache = new Map<string, Ruleset>();

  constructor(private readonly db: Db, private readonly published: RulesetSource, private readonly keep = 4) {}

  current(): Ruleset {
    return this.published.current();
  }

  /** The ruleset of that version, or null when no snapshot of it exists. */
  at(version: string): Ruleset | null {
    const current = this.published.current();
    if (current.version === version) return current;
    const cached = this.#cache.get(version);
    if (cached) return cached;
    const input = rulesetInputAt(this.db, version);
    if (!input) return null;
    const ruleset = prepareRuleset(input);
    if (this.#cache.size >= this.keep) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(version, ruleset);
    return ruleset;
  }
}
