// Test-server routes for the embedding tests:
// - a second copy of the CDN file under another URL, as a page gets when two plugins each bring
//   "their" version of the widget;
// - React 19 (CommonJS only) and Vue 3 bundled to one ES module each by esbuild, the way a site's
//   own build would ship them, so the browser tests can mount the widget from them;
// - the drop-in's main file without its chunks/ folder (every chunk answers 404);
// - the embed builder (demo/builder.html) under the strict policy, with demo/strict.js counting
//   violations from the first byte.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { STRICT_CSP } from '../../demo/server/csp.mjs';

const FRAMEWORKS = {
  '/test-embedding/react.js': `export { createElement } from 'react';
    export { flushSync } from 'react-dom';
    export { createRoot } from 'react-dom/client';`,
  '/test-embedding/vue.js': `export { createApp, h } from 'vue';`,
};
const bundles = new Map();

async function bundle(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  return result.outputFiles[0].text;
}

export async function embeddingTestMiddleware(ctx, next) {
  if (ctx.path === '/test-embedding/strict-builder.html') {
    const page = await readFile('demo/builder.html', 'utf8');
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.body = page.replace('<head>', '<head>\n<base href="/demo/" />\n<script src="/demo/strict.js"></script>');
    return;
  }
  // A second copy of the drop-in build under another URL, with its chunks beside it.
  const copy = /^\/test-embedding\/other-version\/((?:chunks\/)?[\w.-]+\.js)$/.exec(ctx.path);
  if (copy) {
    const code = await readFile(`dist/cdn/${copy[1]}`, 'utf8').catch(() => undefined);
    if (code === undefined) return next();
    ctx.type = 'js';
    ctx.body = code.replace(/\/\/# sourceMappingURL=.*$/m, '');
    return;
  }
  // The drop-in's main file alone, as a site that uploaded it without its chunks/ folder serves it.
  if (ctx.path === '/test-embedding/no-chunks/therapist-match.js') {
    ctx.type = 'js';
    ctx.body = (await readFile('dist/cdn/therapist-match.js', 'utf8')).replace(/\/\/# sourceMappingURL=.*$/m, '');
    return;
  }
  if (ctx.path.startsWith('/test-embedding/no-chunks/')) {
    ctx.status = 404;
    ctx.body = 'not found';
    return;
  }
  const source = FRAMEWORKS[ctx.path];
  if (!source) return next();
  if (!bundles.has(ctx.path)) bundles.set(ctx.path, bundle(source));
  ctx.type = 'js';
  ctx.body = await bundles.get(ctx.path);
}
