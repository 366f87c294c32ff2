import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import './zod-messages.ts';

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

/** An error answer stays small whatever the request held: a few dozen issues, short paths and messages. */
export const ERROR_LIMITS = { issues: 50, keys: 10, path: 200, message: 500 } as const;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function bounded(issues: Issue[]): Issue[] {
  const shown = issues.slice(0, ERROR_LIMITS.issues).map(({ path, message }) => ({ path: cut(path, ERROR_LIMITS.path), message: cut(message, ERROR_LIMITS.message) }));
  const more = issues.length - shown.length;
  return more > 0 ? [...shown, { path: '', message: `另有 ${more} 个问题未列出 (${more} more issues not listed)` }] : shown;
}

export const errorBody = (code: string, message: string, issues?: Issue[]): ErrorBody => ({
  error: issues ? { code, message: cut(message, ERROR_LIMITS.message), issues: bounded(issues) } : { code, message: cut(message, ERROR_LIMITS.message) },
});

/** The first few of a list of names, and how many more there are. */
function someOf(names: readonly string[]): string {
  const shown = names.slice(0, ERROR_LIMITS.keys).map((name) => cut(name, 40)).join(', ');
  const more = names.length - ERROR_LIMITS.keys;
  return more > 0 ? `${shown} … 另有 ${more} 个 (and ${more} more)` : shown;
}

/** zod's issues as `{ path: "profile.fixedAssetInvestmentYuan", message }`, the path people can act on. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `未知字段 (unknown field): ${someOf(issue.keys)}`;
    if (issue.code === 'invalid_value' && 'values' in issue) message = `应为以下之一 (must be one of): ${issue.values.join(', ')}`;
    return { path: issue.path.map(String).join('.'), message };
  });
}

export const validationError = (c: Context, error: z.ZodError, where: string) =>
  c.json(errorBody('bad_request', `输入有误：${where} (invalid input)`, issuesOf(error)), 400);

export const notFound = (c: Context, what: string) => c.json(errorBody('not_found', `${what} 不存在 (not found)`), 404);

/** What hono's own HTTP errors say, in the API's words. */
function httpError(error: HTTPException): { code: string; message: string } {
  switch (error.status) {
    case 400:
      return /json/i.test(error.message)
        ? { code: 'bad_request', message: '请求体不是有效的 JSON (malformed JSON in request body)' }
        : { code: 'bad_request', message: '请求有误 (bad request)' };
    case 413:
      return { code: 'payload_too_large', message: '请求体过大 (request body too large)' };
    case 415:
      return { code: 'unsupported_media_type', message: '不支持的请求体类型 (unsupported media type): 请发送 application/json (send application/json)' };
    default:
      return { code: `http_${error.status}`, message: error.message || '请求失败 (request failed)' };
  }
}

/**
 * Every thrown error becomes the contract's error shape; nothing leaks a stack trace. The request log
 * (server/http/request-log.ts) writes the one line about it, with the stack only for unexpected errors.
 */
export function handleError(error: Error, c: Context) {
  if (error instanceof HTTPException) {
    const { code, message } = httpError(error);
    return c.json(errorBody(code, message), error.status as ContentfulStatusCode);
  }
  return c.json(errorBody('internal', '服务器内部错误 (internal server error)'), 500);
}
