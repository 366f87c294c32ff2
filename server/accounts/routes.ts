import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { UserSummary } from '../../db/accounts.ts';
import { errorBody, errorSchema, notFound } from '../api/errors.ts';
import { errorResponses, json } from '../api/openapi.ts';
import { newRouter } from '../api/router.ts';
import { ROLES } from '../domain/accounts.ts';
import type { AppDeps } from '../deps.ts';
import { BusyError } from './limiter.ts';
import { clearSessionCookie, clientAddress, requireRole, sessionToken, setSessionCookie, signedInUser } from './middleware.ts';
import { newUserSchema, signedInUserSchema, signInSchema, userChangeSchema, userIdParamSchema, userSchema, type UserView } from './schemas.ts';
import type { Accounts } from './service.ts';

const signedIn = { 401: json(errorSchema, 'Not signed in') };
const forbidden = { 403: json(errorSchema, 'Not allowed for this role') };
const security = [{ session: [] }];

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['accounts'],
  request: { body: { required: true, content: { 'application/json': { schema: signInSchema } } } },
  responses: {
    200: json(signedInUserSchema, 'Signed in: the session cookie `__Host-huiqi_session` is set'),
    400: errorResponses[400],
    401: json(errorSchema, 'Wrong name or password, or the account is disabled (the answer does not say which)'),
    429: json(errorSchema, 'Too many failed sign-ins for this name or address; see Retry-After'),
    503: json(errorSchema, 'Too many sign-ins at once; see Retry-After'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['accounts'],
  responses: { 204: { description: 'Signed out: the session is deleted and its cookie cleared (also when there was none)' } },
});

const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['accounts'],
  security,
  middleware: [requireRole(...ROLES)] as const,
  responses: { 200: json(signedInUserSchema, 'Who the session belongs to'), ...signedIn },
});

const listUsers = createRoute({
  method: 'get',
  path: '/users',
  tags: ['accounts'],
  security,
  middleware: [requireRole('admin')] as const,
  responses: { 200: json(z.array(userSchema), 'Every account, by name'), ...signedIn, ...forbidden },
});

const addUser = createRoute({
  method: 'post',
  path: '/users',
  tags: ['accounts'],
  security,
  middleware: [requireRole('admin')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: newUserSchema } } } },
  responses: {
    201: json(userSchema, 'The account, created'),
    400: errorResponses[400],
    ...signedIn,
    ...forbidden,
    409: json(errorSchema, 'The name is taken'),
  },
});

const changeUser = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['accounts'],
  security,
  middleware: [requireRole('admin')] as const,
  request: { params: userIdParamSchema, body: { required: true, content: { 'application/json': { schema: userChangeSchema } } } },
  responses: {
    200: json(userSchema, 'The account, changed'),
    400: errorResponses[400],
    ...signedIn,
    ...forbidden,
    404: errorResponses[404],
    409: json(errorSchema, 'The change would leave no active admin'),
  },
});

const userView = (user: UserSummary): UserView => ({ ...user, lastLoginAt: user.lastLoginAt === null ? null : new Date(user.lastLoginAt).toISOString() });

/** Password work waits for a place; when even the line is full, the answer is 503 rather than an ever longer wait. */
async function withPasswordCheck<T>(c: Context, work: () => Promise<T>): Promise<T | Response> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    c.header('Retry-After', '1');
    return c.json(errorBody('busy', '登录请求过多，请稍后再试 (too many sign-ins at once, try again shortly)'), 503);
  }
}

export function accountRoutes(deps: AppDeps, accounts: Accounts) {
  const { trustProxy } = deps.accounts;
  return newRouter()
    .openapi(login, async (c) => {
      const { name, password } = c.req.valid('json');
      const result = await withPasswordCheck(c, () => accounts.signIn(name, password, clientAddress(c, trustProxy)));
      if (result instanceof Response) return result as never;
      if (!result.ok && result.reason === 'throttled') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        const minutes = Math.ceil(result.retryAfterSeconds / 60);
        return c.json(errorBody('too_many_attempts', `登录失败次数过多，请 ${minutes} 分钟后再试 (too many failed sign-ins, try again in ${minutes} min)`), 429);
      }
      if (!result.ok) return c.json(errorBody('wrong_credentials', '名称或密码不正确，或账户已停用 (wrong name or password, or the account is disabled)'), 401);
      // A session cookie brought to sign-in is replaced, never reused (session fixation).
      const previous = sessionToken(c);
      if (previous) accounts.signOut(previous);
      setSessionCookie(c, result.token, Math.floor((result.expiresAt - deps.now()) / 1000));
      return c.json(result.user, 200);
    })
    .openapi(logout, (c) => {
      const token = sessionToken(c);
      if (token) accounts.signOut(token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(me, (c) => c.json(signedInUser(c), 200))
    .openapi(listUsers, (c) => c.json(accounts.listUsers().map(userView), 200))
    .openapi(addUser, async (c) => {
      const result = await withPasswordCheck(c, () => accounts.addUser(c.req.valid('json')));
      if (result instanceof Response) return result as never;
      if (result === 'taken') return c.json(errorBody('name_taken', '该名称已被使用 (this name is taken)', [{ path: 'name', message: '该名称已被使用 (this name is taken)' }]), 409);
      return c.json(userView(result), 201);
    })
    .openapi(changeUser, async (c) => {
      const { id } = c.req.valid('param');
      const result = await withPasswordCheck(c, () => accounts.changeUser(id, c.req.valid('json')));
      if (result instanceof Response) return result as never;
      if (result === 'not_found') return notFound(c, `用户 ${id}`);
      if (result === 'last_admin') return c.json(errorBody('last_admin', '至少要保留一名启用的管理员 (at least one active admin must remain)'), 409);
      return c.json(userView(result), 200);
    });
}
