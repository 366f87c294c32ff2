/** How a fact of the company profile is described: the one list the profile schema, the API's fact
 * catalogue, the web form, the CSV template and the rule validator are all derived from. */

export type Label = { readonly zh: string; readonly en: string };
export type Option = { readonly value: string; readonly label: Label };

/** Questionnaire sections, in the order a person is asked them. */
export const FACT_GROUPS = ['location', 'identity', 'scale', 'investment', 'innovation', 'ip', 'people', 'situations', 'compliance'] as const;
export type FactGroup = (typeof FACT_GROUPS)[number];

type Common = {
  readonly name: string;
  readonly label: Label;
  readonly help?: Label;
  readonly group: FactGroup;
  /** Only `province` and `entityType` are required; everything else may be left unanswered. */
  readonly required?: boolean;
  /**
   * A status a business can come to hold (a certification, a listing, 规上): a near miss may name it. Reaching a
   * higher number is always attainable; other statuses (being newly introduced, a project type) are not.
   */
  readonly attainable?: boolean;
};

export type NumberUnit = 'yuan' | 'count' | 'years' | 'people' | 'percent' | 'kw';

export type NumberFact = Common & {
  readonly type: 'number';
  readonly unit?: NumberUnit;
  readonly integer?: boolean;
  /** A plausible upper limit, when the unit's own (PLAUSIBLE_MAX) does not fit. */
  readonly max?: number;
};

/** The largest value a profile may give in each unit: beyond it an answer is a typing error, and amounts stay finite. */
export const PLAUSIBLE_MAX: Readonly<Record<NumberUnit, number>> = {
  yuan: 1e12, // 1万亿元
  count: 100_000,
  years: 200,
  people: 10_000_000,
  percent: 100,
  kw: 100_000_000,
};
export type BooleanFact = Common & { readonly type: 'boolean' };
/** `divisions`: the value is a city or county of the profile's province (see domain/regions). */
export type StringFact = Common & { readonly type: 'string'; readonly divisions?: 'city' | 'county' };
export type EnumFact = Common & { readonly type: 'enum'; readonly options: readonly Option[] };
/** A set of values from `options`; `repeatable` lists may hold a value more than once (one entry per standard led). */
export type EnumListFact = Common & { readonly type: 'enumList'; readonly options: readonly Option[]; readonly repeatable?: boolean };

export type FactDefinition = NumberFact | BooleanFact | StringFact | EnumFact | EnumListFact;
export type FactType = FactDefinition['type'];

export const option = (value: string, zh: string, en: string): Option => ({ value, label: { zh, en } });
