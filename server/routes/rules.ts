import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { notFound } from '../api/errors.ts';
import { errorResponses, json } from '../api/openapi.ts';
import { newRouter } from '../api/router.ts';
import { idParamSchema, rulePageQuerySchema, ruleViewSchema, totalCountHeaderSchema } from '../api/schemas.ts';
import { ruleView } from '../api/views.ts';
import { searchRules } from '../domain/search.ts';

const list = createRoute({
  method: 'get',
  path: '/rules',
  tags: ['rules'],
  request: { query: rulePageQuerySchema },
  responses: {
    200: { ...json(z.array(ruleViewSchema), 'A page of the published rules that match the filter'), headers: totalCountHeaderSchema },
    400: errorResponses[400],
  },
});

const detail = createRoute({
  method: 'get',
  path: '/rules/{id}',
  tags: ['rules'],
  request: { params: idParamSchema },
  responses: { 200: json(ruleViewSchema, 'A published rule'), 404: errorResponses[404] },
});

export function ruleRoutes(deps: AppDeps) {
  const ruleById = (c: Context, id: string) => {
    const prepared = deps.rulesets.current().rulesById.get(id);
    return prepared ? c.json(ruleView(prepared), 200) : notFound(c, `规则 ${id}`);
  };
  const router = newRouter()
    .openapi(list, (c) => {
      const { limit, offset, ...filter } = c.req.valid('query');
      const found = searchRules(deps.rulesets.current(), filter);
      return c.json(found.slice(offset, offset + limit).map(ruleView), 200, { 'X-Total-Count': String(found.length) });
    })
    .openapi(detail, (c) => ruleById(c, c.req.valid('param').id) as never);
  // A rule id holds a slash; the same rule is found when it is sent unencoded as two path segments.
  router.get('/rules/:documentId/:slug', (c) => ruleById(c, `${c.req.param('documentId')}/${c.req.param('slug')}`));
  return router;
}
