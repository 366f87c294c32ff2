import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sameOrigin, sessions } from './accounts/middleware.ts';
import { accountRoutes } from './accounts/routes.ts';
import { Accounts } from './accounts/service.ts';
import { authoringRoutes } from './authoring/routes.ts';
import { DOCS_ASSETS, docsPage, docsScript, swaggerUiRoot } from './api/docs-page.ts';
import { errorBody, handleError } from './api/errors.ts';
import { openApiInfo, withBodyErrors } from './api/openapi.ts';
import type { AppDeps } from './deps.ts';
import { REQUEST_JSON_LIMITS } from './domain/json-limits.ts';
import { bodyLimit } from './http/body-limit.ts';
import { apiEtags, IMMUTABLE, REVALIDATE, staticCaching } from './http/caching.ts';
import { compression } from './http/compression.ts';
import { hostCheck } from './http/host-check.ts';
import { jsonDepthLimit } from './http/json-depth.ts';
import { consoleLog, requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { documentRoutes } from './routes/documents.ts';
import { matchRoutes } from './routes/match.ts';
import { metaRoutes } from './routes/meta.ts';
import { ruleRoutes } from './routes/rules.ts';
import { screeningRoutes } from './screening/routes.ts';
import { Screenings, storedScreeningApplicants } from './screening/service.ts';
import { RulesetVersions } from './services/ruleset-versions.ts';

/** Builds the Hono app; no I/O happens here, so tests can call `app.request` on it directly. */
export function createApp(deps: AppDeps) {
  const accounts = new Accounts(deps.db, deps.accounts, deps.now);
  const screenings = new Screenings(deps.db, new RulesetVersions(deps.db, deps.rulesets), deps.now);
  const bodyLimited = bodyLimit(deps.bodyLimitBytes ?? 1024 * 1024);
  const tooDeepRefused = jsonDepthLimit(REQUEST_JSON_LIMITS);
  // Screening uploads have their own, larger limit, and check depth after it (see screening/routes.ts).
  const ownBodyChecks = (c: Context) => c.req.method === 'POST' && c.req.path === '/api/screenings';
  // The impact preview and "who newly qualifies" read the applicants of the stored screenings.
  const withApplicants = { ...deps, applicants: deps.applicants ?? storedScreeningApplicants(deps.db) };
  const api = new OpenAPIHono().basePath('/api');
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: '__Host-huiqi_session' });
  api
    .use((c, next) => (ownBodyChecks(c) ? next() : bodyLimited(c, next)))
    .use((c, next) => (ownBodyChecks(c) ? next() : tooDeepRefused(c, next)))
    .use(sameOrigin(deps.accounts))
    .use(sessions(accounts))
    .route('/', metaRoutes(deps))
    .route('/', documentRoutes(deps))
    // Before ruleRoutes: its `/rules/:documentId/:slug` would otherwise take `/rules/<id>/history`.
    .route('/', authoringRoutes(withApplicants))
    .route('/', ruleRoutes(deps))
    .route('/', matchRoutes(deps))
    .route('/', accountRoutes(deps, accounts))
    .route('/', screeningRoutes(deps, screenings));
  let openApiDocument: ReturnType<typeof api.getOpenAPI31Document> | undefined;
  api.get('/openapi.json', (c) => c.json((openApiDocument ??= withBodyErrors(api.getOpenAPI31Document(openApiInfo)))));
  api.get('/docs', (c) => c.html(docsPage('/api/docs/start.js')));
  api.get('/docs/start.js', (c) => c.body(docsScript('/api/openapi.json'), 200, { 'Content-Type': 'text/javascript; charset=UTF-8' }));

  const app = new OpenAPIHono();
  app.onError(handleError);
  // Every route, present and future: request id and failure log, security headers, Host check, compression.
  app.use(...requestLog(deps.log ?? consoleLog), securityHeaders(deps), hostCheck(deps.allowedHosts ?? null), compression());
  app.use('/api/*', apiEtags(() => deps.rulesets.current().version));
  const noSuchRoute = (c: Context) => c.json(errorBody('not_found', `没有这个地址 (no such route): ${c.req.method} ${c.req.path}`), 404);
  app.notFound(noSuchRoute);
  app.route('/', api);
  for (const name of DOCS_ASSETS) {
    app.get(`/api/docs/assets/${name}`, staticCaching(() => REVALIDATE), serveStatic({ path: join(swaggerUiRoot(), name) }));
  }
  // Unknown API paths answer JSON, never the web app's page.
  app.all('/api/*', noSuchRoute);
  if (deps.webRoot && existsSync(deps.webRoot)) {
    app.use('/*', staticCaching((path) => (path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE)), serveStatic({ root: deps.webRoot }));
    // A missing build asset is a 404: the page in its place would be cached as that asset for a year.
    app.get('/assets/*', noSuchRoute);
    // The web app routes in the browser: any other page path gets its index.html.
    app.get('*', serveStatic({ root: deps.webRoot, path: 'index.html' }));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
