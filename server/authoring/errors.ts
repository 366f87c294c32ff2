import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorBody, handleError, type Issue } from '../api/errors.ts';

/** A refusal the authoring service explains: the status, the contract's error shape, and extra fields beside it. */
export class AuthoringError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFoundError = (what: string) => new AuthoringError(404, 'not_found', `${what} 不存在 (not found)`);

/** The authoring routers' error handler: service refusals as JSON, anything else as the app answers it. */
export function authoringErrors(error: Error, c: Context) {
  if (!(error instanceof AuthoringError)) return handleError(error, c);
  return c.json({ ...errorBody(error.code, error.message, error.issues), ...error.extra }, error.status);
}
