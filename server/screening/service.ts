/**
 * Screenings as the routes use them: create (all applicants and the job in one transaction), list, read a page of
 * results, read one applicant (stored answer, and the full explanation recomputed with the screening's own ruleset),
 * review, re-run on the current rules, and the export tables.
 */
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/jobs.ts';
import {
  applicantPage, applicantsInOrder, citiesOf, findApplicant, findScreening, fragmentsOf, insertScreening, listScreenings, recordReview, reviewHistory,
  screenedApplicantsNewestFirst,
  type ApplicantQuery, type ApplicantRow, type NewApplicant, type ScreeningWithJob,
} from '../../db/screenings.ts';
import { evaluateProfile, summarizeProfile } from '../domain/evaluate.ts';
import type { MatchResult, MatchSummary } from '../domain/match-schema.ts';
import type { Profile } from '../domain/profile.ts';
import type { ApplicantChanges } from '../domain/screening/answers.ts';
import { applicantKey, type ReviewStatus } from '../domain/screening/applicants.ts';
import type { ApplicantSource } from '../authoring/applicants.ts';
import type { ColumnUse } from '../domain/screening/columns.ts';
import { applicantTable, benefitTable, type ExportApplicant, type ExportTable } from '../domain/screening/export-rows.ts';
import type { ImportedApplicant } from '../domain/screening/rows.ts';
import { eligibleFragmentsOf, Fragments, unpackAnswer } from '../domain/screening/stored-answer.ts';
import type { RulesetVersions } from '../services/ruleset-versions.ts';
import type { ApplicantView, ScreeningView } from './schemas.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export type NewScreeningInput = {
  name: string;
  asOf: string;
  applicants: readonly (Omit<ImportedApplicant, 'row'> & { row: number | null })[];
  source: 'json' | 'csv' | 'xlsx';
  file?: { name: string | null; sha256: string; encoding: string; bytes: number };
  columns?: ColumnUse[];
  unread?: string[];
};

export type Page<T> = { items: T[]; total: number };

/**
 * Every method that reads or changes a screening takes the unit whose screenings the caller may read (null: every
 * unit, for admins and the system); a screening of another unit is not found.
 */
type Unit = string | null;

export class Screenings {
  /** Fragments of recently read screenings; a running screening's grow, so a miss reloads them. */
  readonly #fragments = new Map<number, Fragments>();
  readonly #benefits = new Map<number, { ruleId: string; title: string }[]>();

  constructor(private readonly db: Db, private readonly versions: RulesetVersions, private readonly now: () => number) {}

  /** A new screening run by the user, belonging to their unit (a re-run: to the unit of the screening it re-runs). */
  create(input: NewScreeningInput, by: { id: number; unit: string }, rerunOf: number | null = null): number {
    const applicants: NewApplicant[] = input.applicants.map((a, i) => ({
      position: i + 1,
      sheetRow: a.row,
      name: a.name,
      creditCode: a.creditCode,
      profile: a.profile as Record<string, unknown>,
      city: typeof a.profile.city === 'string' ? a.profile.city : null,
      notScreened: a.notScreened,
    }));
    return inTransaction(this.db, (tx) =>
      insertScreening(tx, {
        name: input.name,
        rulesetVersion: this.versions.current().version,
        asOf: input.asOf,
        createdBy: by.id,
        unit: by.unit,
        createdAt: this.now(),
        source: input.source,
        fileName: input.file?.name ?? null,
        fileSha256: input.file?.sha256 ?? null,
        fileEncoding: input.file?.encoding ?? null,
        fileBytes: input.file?.bytes ?? null,
        columns: input.columns ?? null,
        unread: input.unread ?? null,
        rerunOf,
      }, applicants),
    );
  }

  /** A new screening of the same applicants on the same date, with the rules current now. */
  rerun(id: number, userId: number, unit: Unit): number | null {
    const found = findScreening(this.db, id, unit);
    if (!found) return null;
    const { screening } = found;
    const applicants: NewScreeningInput['applicants'][number][] = [];
    for (let after = 0; ; ) {
      const batch = applicantsInOrder(this.db, id, after, 1000);
      if (!batch.length) break;
      for (const { applicant: a } of batch) applicants.push({ row: a.sheetRow, name: a.name, creditCode: a.creditCode, profile: a.profile as Profile, notScreened: a.notScreened });
      after = batch.at(-1)!.applicant.position;
    }
    return this.create({
      name: screening.name, asOf: screening.asOf, applicants, source: screening.source,
      ...(screening.fileSha256 ? { file: { name: screening.fileName, sha256: screening.fileSha256, encoding: screening.fileEncoding!, bytes: screening.fileBytes! } } : {}),
      columns: screening.columns ?? undefined, unread: screening.unread ?? undefined,
    }, { id: userId, unit: screening.unit }, id);
  }

  list(page: { limit: number; offset: number }, unit: Unit): Page<ScreeningView> {
    const { rows, total } = listScreenings(this.db, page, unit);
    return { items: rows.map(screeningView), total };
  }

  find(id: number, unit: Unit): ScreeningView | null {
    const found = findScreening(this.db, id, unit);
    return found && screeningView(found);
  }

  applicants(id: number, query: Omit<ApplicantQuery, 'eligibleFragments'> & { benefit?: string }) {
    const eligibleFragments = query.benefit === undefined ? undefined : eligibleFragmentsOf(this.#fragmentsOf(id, true), query.benefit);
    const { rows, total } = applicantPage(this.db, id, { ...query, eligibleFragments });
    return { items: rows.map(({ applicant, reviewedByName }) => applicantView(applicant, reviewedByName)), total };
  }

  cities(id: number): string[] {
    return citiesOf(this.db, id);
  }

  /** The benefits some applicant of a done screening is eligible for (a done screening's fragments never change). */
  benefits(id: number): { ruleId: string; title: string }[] {
    let benefits = this.#benefits.get(id);
    if (!benefits) {
      const fragments = this.#fragmentsOf(id, true);
      const seen = new Map<string, string>();
      fragments.entries().forEach((_, no) => {
        const item = fragments.item(no);
        if (item.status === 'eligible') seen.set(item.ruleId, item.title);
      });
      benefits = [...seen].map(([ruleId, title]) => ({ ruleId, title })).sort((a, b) => (a.title < b.title ? -1 : 1));
      this.#benefits.set(id, benefits);
    }
    return benefits;
  }

  /**
   * One applicant: the stored answer as computed, and the full answer recomputed with the screening's ruleset version
   * and date; `reproduced` says whether the recomputation's summary is exactly the stored one.
   */
  applicant(screeningId: number, applicantId: number, unit: Unit) {
    const screening = findScreening(this.db, screeningId, unit);
    const found = findApplicant(this.db, screeningId, applicantId);
    if (!screening || !found) return null;
    const { applicant, reviewedByName } = found;
    const answer = applicant.answer === null ? null : this.#unpack(screeningId, applicant.answer);
    let explained: MatchResult | null = null;
    let reproduced: boolean | null = null;
    const ruleset = answer ? this.versions.at(screening.screening.rulesetVersion) : null;
    if (answer && ruleset) {
      const profile = applicant.profile as Profile;
      explained = evaluateProfile(ruleset, profile, screening.screening.asOf);
      reproduced = JSON.stringify(summarizeProfile(ruleset, profile, screening.screening.asOf)) === JSON.stringify(answer);
    } else if (answer) reproduced = false;
    const history = reviewHistory(this.db, applicant.id).map((h) => ({ ...h, at: iso(h.at)! }));
    return { ...applicantView(applicant, reviewedByName), screeningId, answer, explained, reproduced, history };
  }

  /** The applicant as the results table shows it (no answer, no explanation). */
  applicantSummary(screeningId: number, applicantId: number): ApplicantView | null {
    const found = findApplicant(this.db, screeningId, applicantId);
    return found && applicantView(found.applicant, found.reviewedByName);
  }

  review(screeningId: number, applicantId: number, userId: number, change: { status: ReviewStatus; note: string }, unit: Unit): boolean {
    return inTransaction(this.db, (tx) => {
      const found = findScreening(tx, screeningId, unit) && findApplicant(tx, screeningId, applicantId);
      if (!found) return false;
      recordReview(tx, { applicant: found.applicant, userId, at: this.now(), ...change });
      return true;
    });
  }

  /** The export tables, a batch of applicants at a time, so a large screening is never held whole. */
  *exportBatches(id: number, batchSize = 500): Generator<{ applicants: ExportTable; benefits: ExportTable }> {
    const documents = new Map(this.versions.current().documents.map((d) => [d.id, { title: d.title, number: d.number }]));
    for (let after = 0; ; ) {
      const batch = applicantsInOrder(this.db, id, after, batchSize);
      if (!batch.length) return;
      const rows: ExportApplicant[] = batch.map(({ applicant: a, reviewedByName }) => ({
        row: a.sheetRow, name: a.name, creditCode: a.creditCode, profile: a.profile, notScreened: a.notScreened,
        answer: a.answer === null ? null : this.#unpack(id, a.answer),
        review: { status: a.reviewStatus, note: a.reviewNote, by: reviewedByName, at: iso(a.reviewedAt) },
      }));
      yield { applicants: applicantTable(rows), benefits: benefitTable(rows, (documentId) => documents.get(documentId)) };
      after = batch.at(-1)!.applicant.position;
    }
  }

  #fragmentsOf(screeningId: number, fresh = false): Fragments {
    let fragments = this.#fragments.get(screeningId);
    if (!fragments || fresh) {
      fragments = new Fragments(fragmentsOf(this.db, screeningId));
      if (this.#fragments.size >= 8) this.#fragments.delete(this.#fragments.keys().next().value!);
      this.#fragments.set(screeningId, fragments);
    }
    return fragments;
  }

  #unpack(screeningId: number, packed: string): MatchSummary {
    try {
      return unpackAnswer(packed, this.#fragmentsOf(screeningId));
    } catch {
      // Written after the fragments were read (the screening is running): read them again.
      return unpackAnswer(packed, this.#fragmentsOf(screeningId, true));
    }
  }
}

export function screeningView({ screening: s, createdByName, status, done, total, error, finishedAt }: ScreeningWithJob): ScreeningView {
  return {
    id: s.id,
    name: s.name,
    status,
    progress: { done, total },
    error,
    rulesetVersion: s.rulesetVersion,
    asOf: s.asOf,
    createdBy: createdByName,
    unit: s.unit,
    createdAt: iso(s.createdAt)!,
    finishedAt: iso(finishedAt),
    applicantCount: s.applicantCount,
    source: s.source,
    file: s.fileSha256 ? { name: s.fileName, sha256: s.fileSha256, encoding: s.fileEncoding ?? '', bytes: s.fileBytes ?? 0 } : null,
    columns: s.columns,
    unread: s.unread,
    rerunOf: s.rerunOf,
  };
}

export function applicantView(a: ApplicantRow, reviewedByName: string | null): ApplicantView {
  return {
    id: a.id,
    row: a.sheetRow,
    name: a.name,
    creditCode: a.creditCode,
    status: a.notScreened ? 'not_screened' : a.answer === null ? 'pending' : 'screened',
    notScreened: a.notScreened,
    eligibleCount: a.eligibleCount,
    possibleCount: a.possibleCount,
    estimatedYuan: a.estimatedYuan,
    profile: a.profile,
    review: { status: a.reviewStatus, note: a.reviewNote, by: reviewedByName, at: iso(a.reviewedAt) },
    changes: (a.changes as ApplicantChanges | null) ?? null,
  };
}

/**
 * The applicants of every stored screening (or of one unit's), for the impact preview and "who newly qualifies": each
 * company once (by credit code, or name), as its newest screening has it; applicants not screened (注销) are left out.
 * Read a batch at a time.
 */
export function storedScreeningApplicants(db: Db): ApplicantSource {
  return {
    *storedApplicants(unit = null) {
      const seen = new Set<string>();
      for (let before = Number.MAX_SAFE_INTEGER; ; ) {
        const batch = screenedApplicantsNewestFirst(db, before, 1000, unit);
        if (!batch.length) return;
        for (const a of batch) {
          const key = applicantKey(a);
          if (seen.has(key)) continue;
          seen.add(key);
          yield { screeningId: String(a.screeningId), applicantId: String(a.id), name: a.name, profile: a.profile as Profile };
        }
        before = batch.at(-1)!.id;
      }
    },
  };
}
