import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorSchema>;

export type Issue = { path: string; message: string };

export const errorBody = (code: string, message: string, issues?: Issue[]): ErrorBody => ({
  error: issues ? { code, message, issues } : { code, message },
});

/** zod's issues as `{ path: "profile.fixedAssetInvestmentYuan", message }`, the path people can act on. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `未知字段 (unknown field): ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_value' && 'values' in issue) message = `应为以下之一 (must be one of): ${issue.values.join(', ')}`;
    return { path: issue.path.map(String).join('.'), message };
  });
}

export const validationError = (c: Context, error: z.ZodError, where: string) =>
  c.json(errorBody('bad_request', `输入有误：${where} (invalid input)`, issuesOf(error)), 400);

export const notFound = (c: Context, what: string) => c.json(errorBody('not_found', `${what} 不存在 (not found)`), 404);

/** Every thrown error becomes the contract's error shape; nothing leaks a stack trace. */
export function handleError(error: Error, c: Context) {
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : `http_${status}`;
    return c.json(errorBody(code, error.message || 'request failed'), status);
  }
  console.error(error);
  return c.json(errorBody('internal', '服务器内部错误 (internal server error)'), 500);
}
