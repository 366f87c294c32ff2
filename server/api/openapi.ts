import type { z } from 'zod';
import { errorSchema } from './errors.ts';

/** A JSON response entry for createRoute. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const errorResponses = {
  400: json(errorSchema, 'Bad input: the field path and the reason'),
  404: json(errorSchema, 'Not found'),
  413: json(errorSchema, 'Request body too large'),
  415: json(errorSchema, 'Unsupported media type: the body must be one of the request content types listed'),
} as const;

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: '惠企匹配 Huiqi Match API',
    version: '1',
    description: 'Which incentive clauses of north-west China policy documents apply to a business, how much each is worth, why, and the exact source.',
  },
} as const;

type Operation = { requestBody?: unknown; responses?: Record<string, unknown> };

/**
 * Every operation that takes a body can answer 413 (the body limit) and 415 (a content type it does not take):
 * the app checks both for all of them, so the document lists both for all of them.
 */
export function withBodyErrors<T extends { paths?: object }>(document: T): T {
  const error = { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  for (const operations of Object.values((document.paths ?? {}) as Record<string, Record<string, Operation>>)) {
    for (const operation of Object.values(operations)) {
      if (!operation.requestBody) continue;
      operation.responses ??= {};
      operation.responses['413'] ??= { ...error, description: errorResponses[413].description };
      operation.responses['415'] ??= { ...error, description: errorResponses[415].description };
    }
  }
  return document;
}
