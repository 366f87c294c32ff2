import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { json } from '../api/openapi.ts';
import { factView, factViewSchema } from '../api/schemas.ts';
import { factCatalogue } from '../domain/facts/index.ts';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['meta'],
  responses: { 200: json(z.object({ ok: z.literal(true), rulesetVersion: z.string() }), 'Up, with the ruleset version in use') },
});

const facts = createRoute({
  method: 'get',
  path: '/facts',
  tags: ['meta'],
  responses: { 200: json(z.array(factViewSchema), 'The fact catalogue: every profile field with type, unit, labels, options and help') },
});

export function metaRoutes(deps: AppDeps) {
  const catalogue = factCatalogue.map(factView);
  return new OpenAPIHono()
    .openapi(health, (c) => c.json({ ok: true as const, rulesetVersion: deps.rulesets.current().version }, 200))
    .openapi(facts, (c) => c.json(catalogue, 200));
}
