// Serves the strict demo page (demo/strict.html) with the strictest policy a security-conscious
// site would set: no inline scripts or styles, no eval, Trusted Types with Lit's policy only.
// Used by `npm start` and by the browser tests (test/embedding/strict.test.ts).
import { readFile } from 'node:fs/promises';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const STRICT_PAGES = new Set(['/demo/strict.html']);

/**
 * Under `default-src 'self'` a site hosts its therapists' photos itself. The sample directory's
 * portraits are on another (fictional) host, so the strict page gets a copy without them:
 * `/demo/data/therapists.self-hosted.json`.
 */
const SELF_HOSTED_DIRECTORY = '/demo/data/therapists.self-hosted.json';

let selfHosted;

export async function strictCspMiddleware(ctx, next) {
  if (ctx.path === SELF_HOSTED_DIRECTORY) {
    // Made once per server: the sample directory without its off-site photos.
    selfHosted ??= readFile('demo/data/therapists.json', 'utf8').then((text) =>
      JSON.stringify(JSON.parse(text).map(({ photoUrl: _offSite, ...record }) => record)),
    );
    ctx.type = 'json';
    ctx.body = await selfHosted;
    return;
  }
  await next();
  if (STRICT_PAGES.has(ctx.path)) ctx.set('Content-Security-Policy', STRICT_CSP);
}
