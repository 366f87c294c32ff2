import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { notFound } from '../api/errors.ts';
import { errorResponses, json } from '../api/openapi.ts';
import { newRouter } from '../api/router.ts';
import { documentDetailSchema, documentSummarySchema, idParamSchema, ruleFilterSchema } from '../api/schemas.ts';
import { documentSummary, ruleView } from '../api/views.ts';
import { searchDocuments } from '../domain/search.ts';
import { documentText } from '../../db/rules.ts';

const list = createRoute({
  method: 'get',
  path: '/documents',
  tags: ['documents'],
  request: { query: ruleFilterSchema },
  responses: { 200: json(z.array(documentSummarySchema), 'Source documents, filtered'), 400: errorResponses[400] },
});

const detail = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags: ['documents'],
  request: { params: idParamSchema },
  responses: { 200: json(documentDetailSchema, 'A document with its published rules and its text'), 404: errorResponses[404] },
});

export function documentRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(list, (c) => {
      const ruleset = deps.rulesets.current();
      return c.json(searchDocuments(ruleset, c.req.valid('query')).map((d) => documentSummary(ruleset, d)), 200);
    })
    .openapi(detail, (c) => {
      const { id } = c.req.valid('param');
      const ruleset = deps.rulesets.current();
      const document = ruleset.documents.find((d) => d.id === id);
      const text = document && documentText(deps.db, id);
      if (!document || text == null) return notFound(c, `文件 ${id}`);
      const rules = ruleset.rulesOfDocument(id).map(ruleView);
      return c.json({ ...documentSummary(ruleset, document), rules, text }, 200);
    });
}
