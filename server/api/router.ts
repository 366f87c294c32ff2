import { OpenAPIHono } from '@hono/zod-openapi';
import { validationError } from './errors.ts';

/** A router whose request validation failures answer 400 in the contract's error shape. */
export const newRouter = () =>
  new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return validationError(c, result.error, result.target === 'json' ? '请求体 (body)' : result.target);
    },
  });
