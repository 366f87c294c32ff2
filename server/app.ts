import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { sameOrigin, sessions } from './accounts/middleware.ts';
import { accountRoutes } from './accounts/routes.ts';
import { Accounts } from './accounts/service.ts';
import { docsPage, swaggerUiRoot } from './api/docs-page.ts';
import { errorBody, handleError } from './api/errors.ts';
import { openApiInfo } from './api/openapi.ts';
import type { AppDeps } from './deps.ts';
import { documentRoutes } from './routes/documents.ts';
import { matchRoutes } from './routes/match.ts';
import { metaRoutes } from './routes/meta.ts';
import { ruleRoutes } from './routes/rules.ts';
import { screeningRoutes } from './screening/routes.ts';
import { Screenings } from './screening/service.ts';
import { RulesetVersions } from './services/ruleset-versions.ts';

/** Builds the Hono app; no I/O happens here, so tests can call `app.request` on it directly. */
export function createApp(deps: AppDeps) {
  const accounts = new Accounts(deps.db, deps.accounts, deps.now);
  const screenings = new Screenings(deps.db, new RulesetVersions(deps.db, deps.rulesets), deps.now);
  const bodyLimited = bodyLimit({
    maxSize: deps.bodyLimitBytes ?? 1024 * 1024,
    onError: (c) => c.json(errorBody('payload_too_large', '请求体过大 (request body too large)'), 413),
  });
  const api = new OpenAPIHono().basePath('/api');
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: '__Host-huiqi_session' });
  api
    // Screening uploads have their own, larger limit (see screening/routes.ts).
    .use((c, next) => (c.req.method === 'POST' && c.req.path === '/api/screenings' ? next() : bodyLimited(c, next)))
    .use(sameOrigin(deps.accounts))
    .use(sessions(accounts))
    .route('/', metaRoutes(deps))
    .route('/', documentRoutes(deps))
    .route('/', ruleRoutes(deps))
    .route('/', matchRoutes(deps))
    .route('/', accountRoutes(deps, accounts))
    .route('/', screeningRoutes(deps, screenings));
  api.doc31('/openapi.json', openApiInfo);
  api.get('/docs', (c) => c.html(docsPage('/api/openapi.json')));

  const app = new OpenAPIHono();
  app.onError(handleError);
  // Match answers run to a few hundred KB of Chinese text; gzip shrinks them about sixfold for phones.
  app.use(compress());
  const noSuchRoute = (c: Context) => c.json(errorBody('not_found', `没有这个地址 (no such route): ${c.req.method} ${c.req.path}`), 404);
  app.notFound(noSuchRoute);
  app.route('/', api);
  app.get('/api/docs/assets/*', serveStatic({ root: relative(process.cwd(), swaggerUiRoot()), rewriteRequestPath: (p) => p.replace('/api/docs/assets', '') }));
  // Unknown API paths answer JSON, never the web app's page.
  app.all('/api/*', noSuchRoute);
  if (deps.webRoot && existsSync(deps.webRoot)) {
    app.use('/*', serveStatic({ root: deps.webRoot }));
    // The web app routes in the browser: any other page path gets its index.html.
    app.get('*', serveStatic({ root: deps.webRoot, path: 'index.html' }));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
