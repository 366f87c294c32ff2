/** Screenings, their applicants, packed answers and fragments, and the review log. Times are epoch milliseconds. */
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ApplicantSort, ReviewStatus } from '../server/domain/screening/applicants.ts';
import { insertJob, type Queries } from './jobs.ts';
import { jobs, reviewEvents, screeningApplicants, screeningFragments, screenings, users } from './schema.ts';

export type ScreeningRow = typeof screenings.$inferSelect;
export type ApplicantRow = typeof screeningApplicants.$inferSelect;
export type NewScreening = Omit<typeof screenings.$inferInsert, 'applicantCount'>;
export type NewApplicant = Omit<typeof screeningApplicants.$inferInsert, 'screeningId' | 'id'>;

/** Rows per insert statement: SQLite allows 32,766 bound values per statement. */
const INSERT_BATCH = 500;

/** A screening, its applicants and its job, in the caller's transaction: all of it or none. */
export function insertScreening(tx: Queries, screening: NewScreening, applicants: readonly NewApplicant[]): number {
  const { id } = tx.insert(screenings).values({ ...screening, applicantCount: applicants.length }).returning({ id: screenings.id }).get();
  // One statement prepared for all rows: building the query per batch costs more than running it.
  const p = (name: string) => sql`${sql.placeholder(name)}`;
  const statement = tx.insert(screeningApplicants).values({
    screeningId: id, position: p('position'), sheetRow: p('sheetRow'), name: p('name'), creditCode: p('creditCode'),
    profile: p('profile'), city: p('city'), notScreened: p('notScreened'),
  }).prepare();
  for (const a of applicants) {
    statement.run({ position: a.position, sheetRow: a.sheetRow ?? null, name: a.name, creditCode: a.creditCode ?? null, profile: JSON.stringify(a.profile), city: a.city ?? null, notScreened: a.notScreened ?? null });
  }
  const total = applicants.filter((a) => !a.notScreened).length;
  insertJob(tx, { screeningId: id, total, createdAt: screening.createdAt });
  return id;
}

const screeningColumns = {
  screening: screenings,
  createdByName: users.name,
  status: jobs.status,
  done: jobs.done,
  total: jobs.total,
  error: jobs.error,
  finishedAt: jobs.finishedAt,
};

const screeningQuery = (db: Queries) =>
  db.select(screeningColumns).from(screenings).innerJoin(jobs, eq(jobs.screeningId, screenings.id)).innerJoin(users, eq(users.id, screenings.createdBy));

export type ScreeningWithJob = Awaited<ReturnType<ReturnType<typeof screeningQuery>['get']>> & {};

/** Screenings of one unit; null (or not given): of every unit. */
const ofUnit = (unit: string | null | undefined) => (unit === null || unit === undefined ? undefined : eq(screenings.unit, unit));

export const findScreening = (db: Queries, id: number, unit?: string | null) =>
  screeningQuery(db).where(and(eq(screenings.id, id), ofUnit(unit))).get() ?? null;

export const listScreenings = (db: Queries, page: { limit: number; offset: number }, unit: string | null) => ({
  rows: screeningQuery(db).where(ofUnit(unit)).orderBy(desc(screenings.id)).limit(page.limit).offset(page.offset).all(),
  total: db.select({ n: count() }).from(screenings).where(ofUnit(unit)).get()!.n,
});

/** Applicants still to screen, in file order after `afterPosition`. */
export const pendingApplicants = (db: Queries, screeningId: number, afterPosition: number, limit: number) =>
  db
    .select({ id: screeningApplicants.id, position: screeningApplicants.position, name: screeningApplicants.name, creditCode: screeningApplicants.creditCode, profile: screeningApplicants.profile })
    .from(screeningApplicants)
    .where(and(eq(screeningApplicants.screeningId, screeningId), gt(screeningApplicants.position, afterPosition), isNull(screeningApplicants.answer), isNull(screeningApplicants.notScreened)))
    .orderBy(asc(screeningApplicants.position))
    .limit(limit)
    .all();

export const countAnswered = (db: Queries, screeningId: number) =>
  db.select({ n: count() }).from(screeningApplicants).where(and(eq(screeningApplicants.screeningId, screeningId), isNotNull(screeningApplicants.answer))).get()!.n;

export const countUnanswered = (db: Queries, screeningId: number) =>
  db.select({ n: count() }).from(screeningApplicants)
    .where(and(eq(screeningApplicants.screeningId, screeningId), isNull(screeningApplicants.answer), isNull(screeningApplicants.notScreened))).get()!.n;

export type AnswerWrite = { id: number; answer: string; eligibleCount: number; possibleCount: number; estimatedYuan: number; changes: unknown };

/** Writes answers; an applicant that already has one keeps it (a resumed job never rewrites what was computed). */
export function saveAnswers(tx: Queries, writes: readonly AnswerWrite[]): void {
  // One statement prepared for the batch: building the query per row costs more than running it.
  const statement = tx
    .update(screeningApplicants)
    .set({
      answer: sql`${sql.placeholder('answer')}`,
      eligibleCount: sql`${sql.placeholder('eligibleCount')}`,
      possibleCount: sql`${sql.placeholder('possibleCount')}`,
      estimatedYuan: sql`${sql.placeholder('estimatedYuan')}`,
      changes: sql`${sql.placeholder('changes')}`,
    })
    .where(and(eq(screeningApplicants.id, sql.placeholder('id')), isNull(screeningApplicants.answer)))
    .prepare();
  for (const write of writes) statement.run({ ...write, changes: write.changes === null ? null : JSON.stringify(write.changes) });
}

export const fragmentsOf = (db: Queries, screeningId: number) =>
  db.select({ no: screeningFragments.no, json: screeningFragments.json }).from(screeningFragments).where(eq(screeningFragments.screeningId, screeningId)).all();

export function insertFragments(tx: Queries, screeningId: number, fragments: readonly { no: number; json: string }[]): void {
  for (let i = 0; i < fragments.length; i += INSERT_BATCH) {
    tx.insert(screeningFragments).values(fragments.slice(i, i + INSERT_BATCH).map((f) => ({ screeningId, ...f }))).run();
  }
}

export type ApplicantQuery = {
  sort: ApplicantSort;
  order: 'asc' | 'desc';
  review?: ReviewStatus;
  city?: string;
  minYuan?: number;
  maxYuan?: number;
  /** Fragment numbers of the benefit: applicants whose eligible list holds one of them. */
  eligibleFragments?: readonly number[];
  limit: number;
  offset: number;
};

const reviewer = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${screeningApplicants.reviewedBy})`;

/** A page of a screening's applicants, sorted and filtered, and how many match in all. */
export function applicantPage(db: Queries, screeningId: number, query: ApplicantQuery) {
  const where: SQL[] = [eq(screeningApplicants.screeningId, screeningId)];
  if (query.review) where.push(eq(screeningApplicants.reviewStatus, query.review));
  if (query.city) where.push(eq(screeningApplicants.city, query.city));
  if (query.minYuan !== undefined) where.push(gte(screeningApplicants.estimatedYuan, query.minYuan));
  if (query.maxYuan !== undefined) where.push(lte(screeningApplicants.estimatedYuan, query.maxYuan));
  if (query.eligibleFragments) {
    const numbers = query.eligibleFragments.length ? query.eligibleFragments.join(',') : '-1';
    // The packed answer's first list holds the eligible items as [fragment, amount] pairs.
    where.push(sql`exists (select 1 from json_each(${screeningApplicants.answer}, '$.l[0]') where json_extract(value, '$[0]') in (${sql.raw(numbers)}))`);
  }
  const column = { position: screeningApplicants.position, name: screeningApplicants.name, estimatedYuan: screeningApplicants.estimatedYuan, eligibleCount: screeningApplicants.eligibleCount, reviewStatus: screeningApplicants.reviewStatus }[query.sort];
  const direction = query.order === 'desc' ? desc : asc;
  const filter = and(...where);
  const rows = db
    .select({ applicant: screeningApplicants, reviewedByName: reviewer })
    .from(screeningApplicants)
    .where(filter)
    .orderBy(direction(column), asc(screeningApplicants.position))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  return { rows, total: db.select({ n: count() }).from(screeningApplicants).where(filter).get()!.n };
}

export const findApplicant = (db: Queries, screeningId: number, applicantId: number) =>
  db
    .select({ applicant: screeningApplicants, reviewedByName: reviewer })
    .from(screeningApplicants)
    .where(and(eq(screeningApplicants.screeningId, screeningId), eq(screeningApplicants.id, applicantId)))
    .get() ?? null;

/** Every applicant of a screening in file order, a batch at a time (exports, re-runs). */
export const applicantsInOrder = (db: Queries, screeningId: number, afterPosition: number, limit: number) =>
  db
    .select({ applicant: screeningApplicants, reviewedByName: reviewer })
    .from(screeningApplicants)
    .where(and(eq(screeningApplicants.screeningId, screeningId), gt(screeningApplicants.position, afterPosition)))
    .orderBy(asc(screeningApplicants.position))
    .limit(limit)
    .all();

/** The answers of the applicants of a screening that have one of the credit codes or (lacking a code) names. */
export function answersByIdentity(db: Queries, screeningId: number, codes: readonly string[], names: readonly string[]) {
  if (!codes.length && !names.length) return [];
  const identity = or(
    codes.length ? inArray(screeningApplicants.creditCode, [...codes]) : undefined,
    names.length ? and(isNull(screeningApplicants.creditCode), inArray(screeningApplicants.name, [...names])) : undefined,
  );
  return db
    .select({ name: screeningApplicants.name, creditCode: screeningApplicants.creditCode, answer: screeningApplicants.answer })
    .from(screeningApplicants)
    .where(and(eq(screeningApplicants.screeningId, screeningId), identity))
    .all();
}

/** Screened applicants of every screening (of one unit, when given), newest first (by id, below `beforeId`), a batch at a time. */
export const screenedApplicantsNewestFirst = (db: Queries, beforeId: number, limit: number, unit: string | null = null) =>
  db
    .select({ id: screeningApplicants.id, screeningId: screeningApplicants.screeningId, name: screeningApplicants.name, creditCode: screeningApplicants.creditCode, profile: screeningApplicants.profile })
    .from(screeningApplicants)
    .innerJoin(screenings, eq(screenings.id, screeningApplicants.screeningId))
    .where(and(lt(screeningApplicants.id, beforeId), isNull(screeningApplicants.notScreened), ofUnit(unit)))
    .orderBy(desc(screeningApplicants.id))
    .limit(limit)
    .all();

/** The distinct cities of a screening's applicants, for the results table's filter. */
export const citiesOf = (db: Queries, screeningId: number) =>
  db.selectDistinct({ city: screeningApplicants.city }).from(screeningApplicants)
    .where(and(eq(screeningApplicants.screeningId, screeningId), isNotNull(screeningApplicants.city)))
    .orderBy(asc(screeningApplicants.city)).all().map((r) => r.city!);

/** Sets an applicant's review and logs the change, in the caller's transaction. */
export function recordReview(tx: Queries, change: { applicant: ApplicantRow; userId: number; at: number; status: ReviewStatus; note: string }): void {
  const { applicant, userId, at, status, note } = change;
  tx.update(screeningApplicants).set({ reviewStatus: status, reviewNote: note, reviewedBy: userId, reviewedAt: at }).where(eq(screeningApplicants.id, applicant.id)).run();
  tx.insert(reviewEvents).values({
    applicantId: applicant.id, userId, at, fromStatus: applicant.reviewStatus, toStatus: status, fromNote: applicant.reviewNote, toNote: note,
  }).run();
}

export const reviewHistory = (db: Queries, applicantId: number) =>
  db
    .select({ at: reviewEvents.at, by: users.name, fromStatus: reviewEvents.fromStatus, toStatus: reviewEvents.toStatus, fromNote: reviewEvents.fromNote, toNote: reviewEvents.toNote })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.userId))
    .where(eq(reviewEvents.applicantId, applicantId))
    .orderBy(desc(reviewEvents.at), desc(reviewEvents.id))
    .all();
