/** Request and answer shapes of the screening routes. */
import { z } from 'zod';
import { isoDate } from '../domain/dates.ts';
import { matchResultSchema, matchSummarySchema } from '../domain/match-schema.ts';
import { profileSchema } from '../domain/profile.ts';
import { APPLICANT_SORTS, REVIEW_STATUSES } from '../domain/screening/applicants.ts';
import { readCreditCode } from '../domain/screening/credit-code.ts';

export const SCREENING_NAME_MAX = 100;
export const screeningNameSchema = z.string().trim().min(1, '请填写筛查名称 (name is required)').max(SCREENING_NAME_MAX, `名称最多 ${SCREENING_NAME_MAX} 字 (at most ${SCREENING_NAME_MAX} characters)`);

/**
 * The name of a screening named after its file: the file name without .csv or .xlsx, cut to SCREENING_NAME_MAX with
 * an ellipsis (nobody typed it, so it is not refused as a typed name over the limit is).
 */
export function screeningNameOfFile(fileName: string): string {
  const name = fileName.replace(/\.(csv|xlsx)$/i, '').trim() || '未命名 (unnamed)';
  if (name.length <= SCREENING_NAME_MAX) return name;
  let cut = '';
  for (const character of name) {
    if (cut.length + character.length > SCREENING_NAME_MAX - 1) break;
    cut += character;
  }
  return `${cut}…`;
}

const creditCodeSchema = z.string().transform((value, ctx) => {
  const result = readCreditCode(value);
  if (result.ok) return result.code;
  ctx.addIssue({ code: 'custom', message: result.message });
  return z.NEVER;
});

export const jsonApplicantSchema = z.strictObject({
  name: z.string().trim().min(1, '请填写申请人名称 (name is required)').max(200),
  creditCode: creditCodeSchema.optional().meta({ description: '统一社会信用代码: identifies the company across screenings' }),
  profile: profileSchema,
});

export const newScreeningSchema = (maxApplicants: number) =>
  z
    .strictObject({
      name: screeningNameSchema,
      asOf: isoDate.optional().meta({ description: 'Judge validity on this date (default: today in China)' }),
      applicants: z.array(jsonApplicantSchema).min(1, '至少一个申请人 (at least one applicant)').max(maxApplicants, `一次最多 ${maxApplicants} 个申请人 (at most ${maxApplicants})`),
    })
    .meta({ id: 'NewScreening' });

export const uploadSchema = z.object({
  file: z.instanceof(File, { message: '请选择 CSV 或 XLSX 文件 (a CSV or XLSX file is required)' }).meta({ type: 'string', format: 'binary' }),
  name: screeningNameSchema.optional().meta({ description: 'Default: the file name' }),
  asOf: isoDate.optional(),
});

export const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });
export const applicantParams = idParams.extend({
  applicantId: z.coerce.number().int().positive().meta({ param: { name: 'applicantId', in: 'path' }, example: 1 }),
});

const money = z.coerce.number().finite().nonnegative();
export const applicantQuerySchema = z.object({
  sort: z.enum(APPLICANT_SORTS).default('position'),
  order: z.enum(['asc', 'desc']).default('asc'),
  review: z.enum(REVIEW_STATUSES).optional(),
  city: z.string().min(1).max(60).optional(),
  minYuan: money.optional(),
  maxYuan: money.optional(),
  benefit: z.string().min(1).max(200).optional().meta({ description: 'A rule id: only applicants eligible for it' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const exportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  table: z.enum(['applicants', 'benefits']).default('applicants').meta({ description: 'For CSV, which table (XLSX has both sheets)' }),
});

export const templateQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

export const reviewSchema = z
  .strictObject({
    status: z.enum(REVIEW_STATUSES).meta({ description: 'pending 待审核, qualified 符合, rejected 不符合, needs_documents 需补充材料' }),
    note: z.string().trim().max(1000, '意见最多 1000 字 (at most 1000 characters)').default(''),
  })
  .meta({ id: 'ReviewChange' });

const reviewView = z.object({
  status: z.enum(REVIEW_STATUSES),
  note: z.string(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});

const changeSchema = z.object({ ruleId: z.string(), title: z.string(), amountYuan: z.number().nullable() });

export const applicantViewSchema = z
  .object({
    id: z.number().int(),
    row: z.number().int().nullable().meta({ description: 'The row in the uploaded sheet' }),
    name: z.string(),
    creditCode: z.string().nullable(),
    status: z.enum(['pending', 'screened', 'not_screened']),
    notScreened: z.string().nullable().meta({ description: 'Why the applicant was not screened (登记状态：注销)' }),
    eligibleCount: z.number().int().nullable(),
    possibleCount: z.number().int().nullable(),
    estimatedYuan: z.number().nullable(),
    profile: z.record(z.string(), z.unknown()),
    review: reviewView,
    changes: z
      .object({ newlyEligible: z.array(changeSchema), noLongerEligible: z.array(changeSchema), estimatedYuanBefore: z.number(), estimatedYuanAfter: z.number() })
      .nullable()
      .meta({ description: 'For a re-run: what changed for this applicant against the screening it re-ran' }),
  })
  .meta({ id: 'ScreeningApplicant' });
export type ApplicantView = z.infer<typeof applicantViewSchema>;

export const screeningSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    error: z.string().nullable().meta({ description: 'Why a failed screening failed' }),
    rulesetVersion: z.string(),
    asOf: z.string(),
    createdBy: z.string(),
    unit: z.string().meta({ description: 'The unit (部门 / 区县) it belongs to: its officers, and admins, read it' }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    applicantCount: z.number().int(),
    source: z.enum(['json', 'csv', 'xlsx']),
    file: z.object({ name: z.string().nullable(), sha256: z.string(), encoding: z.string(), bytes: z.number().int() }).nullable(),
    columns: z.array(z.object({ column: z.string(), reads: z.string(), note: z.string().optional() })).nullable()
      .meta({ description: 'Which fact each sheet column was read as' }),
    unread: z.array(z.string()).nullable().meta({ description: 'Sheet columns that were left unread' }),
    rerunOf: z.number().int().nullable(),
  })
  .meta({ id: 'Screening' });
export type ScreeningView = z.infer<typeof screeningSchema>;

export const screeningDetailSchema = screeningSchema
  .extend({
    applicants: z.array(applicantViewSchema),
    applicantsTotal: z.number().int().meta({ description: 'Applicants matching the filters (the page holds at most `limit`)' }),
    cities: z.array(z.string()).meta({ description: 'The cities of the applicants, for the city filter' }),
    benefits: z.array(z.object({ ruleId: z.string(), title: z.string() })).meta({ description: 'The benefits some applicant is eligible for, for the benefit filter' }),
  })
  .meta({ id: 'ScreeningDetail' });

export const applicantDetailSchema = applicantViewSchema
  .extend({
    screeningId: z.number().int(),
    answer: matchSummarySchema.nullable().meta({ description: 'The stored match answer (summary view), exactly as computed' }),
    explained: matchResultSchema.nullable().meta({ description: 'The full answer, recomputed with the screening’s own ruleset version and date' }),
    reproduced: z.boolean().nullable().meta({ description: 'Whether the recomputation gives exactly the stored answer' }),
    history: z.array(z.object({ at: z.string(), by: z.string(), fromStatus: z.enum(REVIEW_STATUSES), toStatus: z.enum(REVIEW_STATUSES), fromNote: z.string(), toNote: z.string() })),
  })
  .meta({ id: 'ScreeningApplicantDetail' });

