import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { errorResponses, json } from '../api/openapi.ts';
import { newRouter } from '../api/router.ts';
import { todayInChina } from '../domain/dates.ts';
import { fullAnswerJson, summaryAnswerJson } from '../domain/answer-json.ts';
import { matchRequestSchema, matchResultSchema, matchSummarySchema } from '../domain/match-schema.ts';
import { z } from 'zod';

const match = createRoute({
  method: 'post',
  path: '/match',
  tags: ['match'],
  request: { body: { required: true, content: { 'application/json': { schema: matchRequestSchema } } } },
  responses: {
    200: json(
      z.union([matchResultSchema, matchSummarySchema]),
      'Eligible, possibly eligible, near-miss, expired, not-yet-valid and excluded benefits, with amounts, reasons, caveats and sources (MatchSummary for "view": "summary")',
    ),
    400: errorResponses[400],
  },
});

export function matchRoutes(deps: AppDeps) {
  return newRouter().openapi(match, (c) => {
    const { profile, asOf, view } = c.req.valid('json');
    const ruleset = deps.rulesets.current();
    const on = asOf ?? todayInChina();
    const body = view === 'summary' ? summaryAnswerJson(ruleset, profile, on) : fullAnswerJson(ruleset, profile, on);
    // The text is the declared answer, written by the serializers (the cast only bridges the typing).
    return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' }) as never;
  });
}
