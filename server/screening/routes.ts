/** Batch screening (contract §4): officers upload applicants, follow the job, review, re-run and export. */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { requireRole, signedInUser } from '../accounts/middleware.ts';
import { errorBody, errorSchema, notFound, validationError, type Issue } from '../api/errors.ts';
import { errorResponses, json } from '../api/openapi.ts';
import { newRouter } from '../api/router.ts';
import { screeningUnitOf } from '../domain/accounts.ts';
import { todayInChina } from '../domain/dates.ts';
import type { AppDeps } from '../deps.ts';
import { REQUEST_JSON_LIMITS } from '../domain/json-limits.ts';
import { bodyLimit } from '../http/body-limit.ts';
import { jsonDepthLimit } from '../http/json-depth.ts';
import { exportCsv, exportXlsx } from './export.ts';
import { importJson, importSheet } from './import.ts';
import { DEFAULT_IMPORT_LIMITS, refusals, UploadRefused, type ImportLimits } from './limits.ts';
import {
  applicantDetailSchema, applicantParams, applicantQuerySchema, applicantViewSchema, exportQuerySchema, idParams, newScreeningSchema, pageSchema,
  reviewSchema, screeningDetailSchema, screeningSchema, templateQuerySchema, uploadSchema,
} from './schemas.ts';
import type { Screenings } from './service.ts';
import { templateCsv, templateXlsx } from './template-file.ts';

const security = [{ session: [] }];
const denied = { 401: json(errorSchema, 'Not signed in'), 403: json(errorSchema, 'Not an officer') };
const file = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } });

const template = createRoute({
  method: 'get', path: '/screenings/template', tags: ['screening'], security, middleware: [requireRole('officer')] as const,
  request: { query: templateQuerySchema },
  responses: { 200: file('An empty import sheet generated from the fact catalogue: header, allowed values, an example'), 400: errorResponses[400], ...denied },
});

const create = (limits: ImportLimits) => createRoute({
  method: 'post', path: '/screenings', tags: ['screening'], security, middleware: [requireRole('officer')] as const,
  request: {
    // Either content type will do: `required: false` lets each validator run only for its own (see the handler).
    body: {
      required: false,
      content: { 'application/json': { schema: newScreeningSchema(limits.maxRows) }, 'multipart/form-data': { schema: uploadSchema } },
      description: 'Applicants as JSON, or a CSV/XLSX `file` (columns: the catalogue’s field names or Chinese labels; the name column `name`, 名称 or 申请人)',
    },
  },
  responses: {
    201: json(screeningSchema, 'Accepted and queued: every row was valid'),
    400: json(errorSchema, 'Refused whole, nothing stored: each issue names its row, column and reason'),
    ...denied,
    413: json(errorSchema, 'The file or request is too large, has too many rows, or unpacks too large'),
  },
});

const list = createRoute({
  method: 'get', path: '/screenings', tags: ['screening'], security, middleware: [requireRole('officer')] as const,
  request: { query: pageSchema },
  responses: { 200: json(z.array(screeningSchema), 'Screenings, newest first (the total in X-Total-Count)'), 400: errorResponses[400], ...denied },
});

const detail = createRoute({
  method: 'get', path: '/screenings/{id}', tags: ['screening'], security, middleware: [requireRole('officer')] as const,
  request: { params: idParams, query: applicantQuerySchema },
  responses: { 200: json(screeningDetailSchema, 'The screening, its progress, and a page of its applicants'), 400: errorResponses[400], ...denied, 404: errorResponses[404] },
});

const applicant = createRoute({
  method: 'get', path: '/screenings/{id}/applicants/{applicantId}', tags: ['screening'], security, middleware: [requireRole('officer')] as const,
  request: { params: applicantParams },
  responses: { 200: json(applicantDetailSchema, 'The applicant’s stored answer, its full explanation, its review and review history'), ...denied, 404: errorResponses[404] },
});

const review = createRoute({
  method: 'patch', path: '/screenings/{id}/applicants/{applicantId}', tags: ['screening'], security, middleware: [requireRole('officer')] as const,
  request: { params: applicantParams, body: { required: true, content: { 'application/json': { schema: reviewSchema } } } },
  responses: { 200: json(applicantViewSchema, 'The review, recorded with who and when'), 400: errorResponses[400], ...denied, 404: errorResponses[404] },
});

const rerun = createRoute({
  method: 'post', path: '/screenings/{id}/rerun', tags: ['screening'], security, middleware: [requireRole('officer')] as const,
  request: { params: idParams },
  responses: { 201: json(screeningSchema, 'A new screening of the same applicants on the current rules; each applicant lists what changed'), ...denied, 404: errorResponses[404] },
});

const exportFile = createRoute({
  method: 'get', path: '/screenings/{id}/export', tags: ['screening'], security, middleware: [requireRole('officer')] as const,
  request: { params: idParams, query: exportQuerySchema },
  responses: { 200: file('CSV (UTF-8 with BOM, formulas escaped) or XLSX'), 400: errorResponses[400], ...denied, 404: errorResponses[404] },
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download: an ASCII file name for old clients, the Chinese one (RFC 5987) for the others. */
function attachment(c: Context, asciiName: string, name: string, type: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/** The unit whose screenings the signed-in user reads (null: every unit); another unit's screenings answer 404. */
const unitOf = (c: Context) => screeningUnitOf(signedInUser(c));
/** Too many applicants: the same 413 and message whether they came as JSON or in a file. */
const tooManyRows = (c: Context, limits: ImportLimits, path: 'applicants' | 'file') => {
  const { message } = refusals.tooManyRows(limits);
  return c.json(errorBody('payload_too_large', message, [{ path, message }]), 413);
};

const refusedRows = (c: Context, issues: Issue[]) =>
  c.json(errorBody('bad_rows', `有 ${issues.length} 处问题，整个文件未导入 (the upload was refused; nothing was stored)`, issues), 400);

export function screeningRoutes(deps: AppDeps, screenings: Screenings) {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...deps.screening?.limits };
  const today = () => todayInChina(new Date(deps.now()));
  const queued = () => deps.screening?.queued?.();
  const readSheet = deps.screening?.readSheet ?? importSheet;
  const router = newRouter();
  router.use('/screenings', bodyLimit(limits.maxBodyBytes), jsonDepthLimit(REQUEST_JSON_LIMITS));
  return router
    .openapi(template, async (c) => {
      const { format } = c.req.valid('query');
      if (format === 'csv') {
        attachment(c, 'screening-template.csv', '筛查导入模板.csv', 'text/csv; charset=UTF-8');
        return c.body(templateCsv(), 200) as never;
      }
      attachment(c, 'screening-template.xlsx', '筛查导入模板.xlsx', XLSX_TYPE);
      return c.body(new Uint8Array(await templateXlsx()), 200) as never;
    })
    .openapi(create(limits), async (c) => {
      const user = signedInUser(c);
      let result;
      if (c.req.header('content-type')?.startsWith('multipart/form-data')) {
        // The validator ran the schema of the request's content type; the types cannot tell which.
        const form = c.req.valid('form') as z.infer<typeof uploadSchema>;
        try {
          result = await readSheet({ bytes: new Uint8Array(await form.file.arrayBuffer()), fileName: form.file.name, name: form.name, asOf: form.asOf ?? today() }, limits);
        } catch (error) {
          if (!(error instanceof UploadRefused)) throw error;
          return c.json(errorBody(error.status === 413 ? 'payload_too_large' : 'bad_file', error.message, [{ path: 'file', message: error.message }]), error.status);
        }
      } else {
        if (!c.req.header('content-type')?.startsWith('application/json')) {
          return c.json(errorBody('bad_request', '请求体应为 JSON 或上传文件 (send JSON or a multipart upload)'), 400);
        }
        const body = c.req.valid('json') as z.infer<ReturnType<typeof newScreeningSchema>>;
        result = importJson({ ...body, asOf: body.asOf ?? today() });
      }
      if (!result.ok) return refusedRows(c, result.issues);
      const id = screenings.create(result.input, user);
      queued();
      return c.json(screenings.find(id, null)!, 201);
    }, (result, c) => {
      if (result.success) return;
      const tooMany = result.target === 'json' && result.error.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'applicants');
      if (tooMany) return tooManyRows(c, limits, 'applicants');
      return validationError(c, result.error, result.target === 'json' ? '请求体 (body)' : result.target);
    })
    .openapi(list, (c) => {
      const { items, total } = screenings.list(c.req.valid('query'), unitOf(c));
      c.header('X-Total-Count', String(total));
      return c.json(items, 200);
    })
    .openapi(detail, (c) => {
      const { id } = c.req.valid('param');
      const screening = screenings.find(id, unitOf(c));
      if (!screening) return notFound(c, `筛查 ${id}`);
      const { items, total } = screenings.applicants(id, c.req.valid('query'));
      c.header('X-Total-Count', String(total));
      // The filters' choices are final once the screening is done; while it runs, the page only polls progress.
      const done = screening.status === 'done';
      return c.json({ ...screening, applicants: items, applicantsTotal: total, cities: done ? screenings.cities(id) : [], benefits: done ? screenings.benefits(id) : [] }, 200);
    })
    .openapi(applicant, (c) => {
      const { id, applicantId } = c.req.valid('param');
      const found = screenings.applicant(id, applicantId, unitOf(c));
      if (!found) return notFound(c, `申请人 ${applicantId}`);
      return c.json(found, 200);
    })
    .openapi(review, (c) => {
      const { id, applicantId } = c.req.valid('param');
      const recorded = screenings.review(id, applicantId, signedInUser(c).id, c.req.valid('json'), unitOf(c));
      if (!recorded) return notFound(c, `申请人 ${applicantId}`);
      return c.json(screenings.applicantSummary(id, applicantId)!, 200);
    })
    .openapi(rerun, (c) => {
      const { id } = c.req.valid('param');
      const newId = screenings.rerun(id, signedInUser(c).id, unitOf(c));
      if (newId === null) return notFound(c, `筛查 ${id}`);
      queued();
      return c.json(screenings.find(newId, null)!, 201);
    })
    .openapi(exportFile, async (c) => {
      const { id } = c.req.valid('param');
      const { format, table } = c.req.valid('query');
      if (!screenings.find(id, unitOf(c))) return notFound(c, `筛查 ${id}`);
      if (format === 'csv') {
        const label = table === 'applicants' ? '申请人' : '政策明细';
        attachment(c, `screening-${id}-${table}.csv`, `筛查${id}-${label}.csv`, 'text/csv; charset=UTF-8');
        return c.body(exportCsv(screenings, id, table), 200) as never;
      }
      try {
        const xlsx = await exportXlsx(screenings, id);
        attachment(c, `screening-${id}.xlsx`, `筛查${id}-结果.xlsx`, XLSX_TYPE);
        return c.body(new Uint8Array(xlsx), 200) as never;
      } catch (error) {
        if (!(error instanceof UploadRefused)) throw error;
        return c.json(errorBody('payload_too_large', error.message), 413) as never;
      }
    });
}
