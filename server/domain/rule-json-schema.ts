import { z } from 'zod';
import { ruleFileSchema } from './rule-schema.ts';

/** The JSON Schema of a rule file, derived from the zod schema (input side: what a file may contain). */
export function ruleFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ruleFileSchema, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'ref' });
}
