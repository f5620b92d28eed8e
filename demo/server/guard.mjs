// What `npm start` serves: the demo pages, the built drop-in and the demo API, nothing else of the
// project (no .git/, no dotfiles, no sources or package files). Anything else is 404; a path that
// is not valid percent-encoding is 400.

/** Path prefixes the demo needs. */
export const SERVED = ['/demo/', '/dist/cdn/'];

export async function demoGuardMiddleware(ctx, next) {
  const raw = ctx.path;
  if (raw === '/') return next(); // redirected to /demo/
  if (raw === '/api/therapists' || raw.startsWith('/api/therapists/')) return next(); // the API checks its own paths
  let segments;
  try {
    segments = raw.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    ctx.status = 400;
    ctx.type = 'text/plain';
    ctx.body = 'Bad request: the path is not valid percent-encoding.';
    return;
  }
  const hidden = segments.some((segment) => segment.startsWith('.') || /[\\/\0]/.test(segment));
  if (hidden || !SERVED.some((prefix) => raw === prefix.replace(/\/$/, '') || raw.startsWith(prefix))) {
    ctx.status = 404;
    ctx.type = 'text/plain';
    ctx.body = 'Not found. The demo is at /demo/.';
    return;
  }
  return next();
}
