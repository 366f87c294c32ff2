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
} as const;

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: '惠企匹配 Huiqi Match API',
    version: '1',
    description: 'Which incentive clauses of north-west China policy documents apply to a business, how much each is worth, why, and the exact source.',
  },
} as const;
