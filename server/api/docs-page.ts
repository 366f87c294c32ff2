import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** Swagger UI's files ship in the swagger-ui-dist package; they are served locally, never from a CDN. */
export const swaggerUiRoot = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The only files of swagger-ui-dist the page loads, and so the only ones served under /api/docs/assets/. */
export const DOCS_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js'] as const;

/** The page's start-up script, served as a file so the Content-Security-Policy needs no inline script. */
export const docsScript = (specUrl: string) =>
  `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: '#swagger-ui', deepLinking: true });\n`;

export const docsPage = (scriptUrl: string) => `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>惠企匹配 API 文档 · Huiqi Match API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="${scriptUrl}"></script>
</body>
</html>`;
