import type { Db } from '../../db/client.ts';
import { publishedRules, recordRulesetSnapshot } from '../../db/rules.ts';
import { prepareRuleset, type Ruleset } from '../domain/ruleset.ts';
import type { RulesetSource } from '../deps.ts';

/** Holds the ruleset built from the published rules; `reload` after publishing prepares the next version once. */
export class PublishedRulesets implements RulesetSource {
  #current: Ruleset;

  constructor(private readonly db: Db) {
    this.#current = this.build();
  }

  current(): Ruleset {
    return this.#current;
  }

  reload(): Ruleset {
    this.#current = this.build();
    return this.#current;
  }

  private build(): Ruleset {
    const { ruleVersions, ...input } = publishedRules(this.db);
    const ruleset = prepareRuleset(input);
    recordRulesetSnapshot(this.db, ruleset.version, ruleVersions);
    return ruleset;
  }
}
