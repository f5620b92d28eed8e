// Real HTTP endpoints the browser tests talk to, served by the test runner's own server under
// `/test-api/`. Data-source tests use these instead of mocking fetch.
export async function testServerMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const route = ctx.path.slice('/test-api/'.length);
  if (route === 'echo') {
    ctx.type = 'json';
    ctx.body = JSON.stringify({ method: ctx.method, query: ctx.query });
    return;
  }
  ctx.status = 404;
  ctx.body = 'no such test route';
}
