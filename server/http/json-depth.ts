import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../api/errors.ts';
import { jsonLimitIssues, jsonTextDeeperThan, type JsonLimits } from '../domain/json-limits.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Refuses a JSON request body nested deeper than `limits.depth` with a 400 naming where, before any route parses it
 * with a schema (recursive code would overflow the call stack on it). The text is scanned first; only a body found too
 * deep is parsed, to name the path. A body that is not JSON at all is left to the route's validator.
 */
export function jsonDepthLimit(limits: JsonLimits): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !JSON_TYPE.test(c.req.header('content-type') ?? '')) return next();
    const text = await c.req.text();
    if (!jsonTextDeeperThan(text, limits.depth)) return next();
    let issues;
    try {
      issues = jsonLimitIssues(JSON.parse(text), limits);
    } catch {
      return next();
    }
    const shown = issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    return c.json(errorBody('bad_request', '输入有误：请求体 (body) 嵌套过深 (nested too deeply)', shown), 400);
  };
}
