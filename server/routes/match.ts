import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { matchResultJson } from '../api/match-json.ts';
import { errorResponses, json } from '../api/openapi.ts';
import { newRouter } from '../api/router.ts';
import { todayInChina } from '../domain/dates.ts';
import { evaluateProfile } from '../domain/evaluate.ts';
import { matchRequestSchema, matchResultSchema } from '../domain/match-schema.ts';

const match = createRoute({
  method: 'post',
  path: '/match',
  tags: ['match'],
  request: { body: { required: true, content: { 'application/json': { schema: matchRequestSchema } } } },
  responses: {
    200: json(matchResultSchema, 'Eligible, possibly eligible, near-miss and expired benefits, with amounts, reasons and sources'),
    400: errorResponses[400],
  },
});

export function matchRoutes(deps: AppDeps) {
  return newRouter().openapi(match, (c) => {
    const { profile, asOf } = c.req.valid('json');
    const ruleset = deps.rulesets.current();
    const result = evaluateProfile(ruleset, profile, asOf ?? todayInChina());
    // The text is the declared MatchResult, written by the cached serializer (the cast only bridges the typing).
    return c.body(matchResultJson(ruleset, result), 200, { 'content-type': 'application/json; charset=UTF-8' }) as never;
  });
}
