import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { requireRole, signedInUser } from '../accounts/middleware.ts';
import { errorSchema } from '../api/errors.ts';
import { applicantReach } from '../domain/accounts.ts';
import { totalsOnly, type ApplicantDetail } from '../domain/impact.ts';
import { errorResponses, json } from '../api/openapi.ts';
import { newRouter } from '../api/router.ts';
import { idParamSchema } from '../api/schemas.ts';
import type { AppDeps } from '../deps.ts';
import { noStoredApplicants } from './applicants.ts';
import { addDocument, authoringDocument, authoringDocuments } from './documents.ts';
import { authoringErrors } from './errors.ts';
import { publicationCsv, publicationImpact, publications } from './publications.ts';
import {
  auditEntrySchema, auditQuerySchema, authoringDocumentDetailSchema, authoringDocumentSchema, checkReportSchema, conflictSchema,
  createRuleSchema, diffQuerySchema, exportQuerySchema, historyItemSchema, impactRequestSchema, impactSchema, newDocumentSchema,
  publicationImpactSchema, publicationParamSchema, publicationQuerySchema, publicationSchema, publishedSchema, publishSchema,
  ruleDiffSchema, ruleVersionSchema, savedRuleSchema, testRequestSchema, testResultSchema, updateRuleSchema, validateRequestSchema,
  withdrawnSchema, withdrawSchema,
} from './schemas.ts';
import { Authoring } from './service.ts';

const security = [{ session: [] }];
const staff = { 401: json(errorSchema, 'Not signed in'), 403: json(errorSchema, 'Not allowed for this role') };
const author = { tags: ['authoring'], security, middleware: requireRole('author') };
const officer = { tags: ['authoring'], security, middleware: requireRole('officer') };
/** Officers and admins read names (officers: of their unit's screenings); authors read counts and sums only. */
const staffReaders = { tags: ['authoring'], security, middleware: requireRole('officer', 'author') };
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const validate = createRoute({
  ...author, method: 'post', path: '/rules/validate', request: body(validateRequestSchema),
  responses: { 200: json(checkReportSchema, 'Every check: errors block publishing, warnings do not'), 400: errorResponses[400], ...staff },
});
const create = createRoute({
  ...author, method: 'post', path: '/rules', request: body(createRuleSchema),
  responses: { 201: json(savedRuleSchema, 'A new rule, its first version a draft'), 400: errorResponses[400], ...staff, 409: json(errorSchema, 'A rule with this id exists') },
});
const update = createRoute({
  ...author, method: 'put', path: '/rules/{id}', request: { params: idParamSchema, ...body(updateRuleSchema) },
  responses: {
    200: json(savedRuleSchema, 'The next version, a draft'), 400: errorResponses[400], ...staff, 404: errorResponses[404],
    409: json(conflictSchema, 'baseVersion is not the latest: what was saved since'),
  },
});
const publish = createRoute({
  ...author, method: 'post', path: '/rules/{id}/publish', request: { params: idParamSchema, ...body(publishSchema) },
  responses: { 200: json(publishedSchema, 'The version is what /api/match uses, in every process'), 400: json(errorSchema, 'The version fails its checks'), ...staff, 404: errorResponses[404] },
});
const withdraw = createRoute({
  ...author, method: 'post', path: '/rules/{id}/withdraw', request: { params: idParamSchema, ...body(withdrawSchema) },
  responses: { 200: json(withdrawnSchema, '/api/match no longer uses the rule'), 400: json(errorSchema, 'Not published'), ...staff, 404: errorResponses[404] },
});
const history = createRoute({
  ...author, method: 'get', path: '/rules/{id}/history', request: { params: idParamSchema },
  responses: { 200: json(z.array(historyItemSchema), 'Every version, oldest first'), ...staff, 404: errorResponses[404] },
});
const diff = createRoute({
  ...author, method: 'get', path: '/rules/{id}/diff', request: { params: idParamSchema, query: diffQuerySchema },
  responses: { 200: json(ruleDiffSchema, 'The difference between two versions'), 400: errorResponses[400], ...staff, 404: errorResponses[404] },
});
const version = createRoute({
  ...author, method: 'get', path: '/rules/{id}/versions/{version}',
  request: { params: z.object({ id: idParamSchema.shape.id, version: z.coerce.number().int().positive() }) },
  responses: { 200: json(ruleVersionSchema, 'One version with its checks'), 400: errorResponses[400], ...staff, 404: errorResponses[404] },
});
const test = createRoute({
  ...author, method: 'post', path: '/rules/{id}/test', request: { params: idParamSchema, ...body(testRequestSchema) },
  responses: { 200: json(testResultSchema, 'Its examples run, and the profile tried'), 400: errorResponses[400], ...staff, 404: errorResponses[404] },
});
const impact = createRoute({
  ...author, method: 'post', path: '/rules/{id}/impact', request: { params: idParamSchema, ...body(impactRequestSchema) },
  responses: { 200: json(impactSchema, 'How outcomes for stored applicants would change: by name for admins, as totals by benefit and city for authors'), 400: errorResponses[400], ...staff, 404: errorResponses[404] },
});
const documents = createRoute({
  ...author, method: 'get', path: '/authoring/documents',
  responses: { 200: json(z.array(authoringDocumentSchema), 'Every document with the state of each of its rules'), ...staff },
});
const document = createRoute({
  ...author, method: 'get', path: '/authoring/documents/{id}', request: { params: idParamSchema },
  responses: { 200: json(authoringDocumentDetailSchema, 'A document, its text and the state of its rules'), ...staff, 404: errorResponses[404] },
});
const newDocument = createRoute({
  ...author, method: 'post', path: '/authoring/documents', request: body(newDocumentSchema),
  responses: { 201: json(authoringDocumentSchema, 'The document, added'), 400: errorResponses[400], ...staff, 409: json(errorSchema, 'A document with this id exists') },
});
const audit = createRoute({
  ...author, method: 'get', path: '/authoring/audit', request: { query: auditQuerySchema },
  responses: { 200: json(z.array(auditEntrySchema), 'The audit log, newest first'), 400: errorResponses[400], ...staff },
});
const publicationList = createRoute({
  ...staffReaders, method: 'get', path: '/publications', request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: json(z.array(publicationSchema), 'Rule publications, newest first'), 400: errorResponses[400], ...staff },
});
const publication = createRoute({
  ...staffReaders, method: 'get', path: '/publications/{id}', request: { params: publicationParamSchema, query: publicationQuerySchema },
  responses: { 200: json(publicationImpactSchema, 'Stored applicants who newly qualify (or no longer do) under the published version: by name for officers (their unit’s) and admins, as totals for authors'), 400: errorResponses[400], ...staff, 404: errorResponses[404] },
});
const publicationExport = createRoute({
  ...officer, method: 'get', path: '/publications/{id}/export', request: { params: publicationParamSchema, query: exportQuerySchema },
  responses: {
    200: { description: 'The same lists as CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
    400: errorResponses[400], ...staff, 404: errorResponses[404],
  },
});

/** Writing, checking, testing and publishing rules (authors); who newly qualifies after a publish (officers). */
export function authoringRoutes(deps: AppDeps) {
  const applicants = deps.applicants ?? noStoredApplicants;
  const service = new Authoring({ db: deps.db, rulesets: deps.rulesets, now: deps.now, applicants });
  const who = (c: Parameters<typeof signedInUser>[0]) => signedInUser(c).name;
  const reachOf = (c: Parameters<typeof signedInUser>[0]) => applicantReach(signedInUser(c));
  /** An impact as the reader may see it: by name, or (authors) only its counts and sums by benefit and city. */
  const forReader = <T extends Partial<ApplicantDetail>>(c: Parameters<typeof signedInUser>[0], impact: T) => (reachOf(c).names ? impact : totalsOnly(impact));
  const router = newRouter()
    .openapi(validate, (c) => {
      const { documentId, rule } = c.req.valid('json');
      return c.json(service.validate(documentId, rule), 200);
    })
    .openapi(create, (c) => {
      const { documentId, rule, message } = c.req.valid('json');
      return c.json(service.create(who(c), documentId, rule, message || undefined), 201);
    })
    .openapi(update, (c) => {
      const { rule, baseVersion, message } = c.req.valid('json');
      return c.json(service.update(who(c), c.req.valid('param').id, rule, baseVersion, message || undefined), 200);
    })
    .openapi(publish, (c) => {
      const { version: n, message } = c.req.valid('json');
      return c.json(service.publish(who(c), c.req.valid('param').id, n, message || undefined), 200);
    })
    .openapi(withdraw, (c) => c.json(service.withdraw(who(c), c.req.valid('param').id, c.req.valid('json').message || undefined), 200))
    .openapi(history, (c) => c.json(service.history(c.req.valid('param').id), 200))
    .openapi(diff, (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(service.diff(c.req.valid('param').id, from, to), 200);
    })
    .openapi(version, (c) => {
      const { id, version: n } = c.req.valid('param');
      return c.json(service.version(id, n), 200);
    })
    .openapi(test, (c) => c.json(service.test(c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(impact, (c) => c.json(forReader(c, service.impact(c.req.valid('param').id, c.req.valid('json'), reachOf(c).unit)), 200))
    .openapi(documents, (c) => c.json(authoringDocuments(deps.db), 200))
    .openapi(document, (c) => c.json(authoringDocument(deps.db, c.req.valid('param').id), 200))
    .openapi(newDocument, (c) => {
      const { document: metadata, text } = c.req.valid('json');
      return c.json(addDocument(deps.db, who(c), metadata, text, deps.now()), 201);
    })
    .openapi(audit, (c) => c.json(service.audit(c.req.valid('query')), 200))
    .openapi(publicationList, (c) => c.json(publications(deps.db, c.req.valid('query').limit), 200))
    .openapi(publication, (c) => c.json(forReader(c, publicationImpact(deps.db, applicants, c.req.valid('param').id, reachOf(c).unit, c.req.valid('query').asOf)), 200))
    .openapi(publicationExport, (c) => {
      const { id } = c.req.valid('param');
      // Behind requireRole('officer'): the reader may read the names of their unit's applicants.
      const csv = publicationCsv(publicationImpact(deps.db, applicants, id, reachOf(c).unit, c.req.valid('query').asOf));
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=UTF-8', 'content-disposition': `attachment; filename="publication-${id}.csv"` }) as never;
    });
  router.onError(authoringErrors);
  return router;
}
