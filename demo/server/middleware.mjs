// Demo server middleware: only the demo's files are served (guard.mjs); `/` goes to the demo index;
// `/api/therapists` is the sample directory's search API (demo/directory.html). The strict-CSP page
// hooks in here too.
import { directoryApiMiddleware } from './directory-api.mjs';
import { demoGuardMiddleware } from './guard.mjs';

export const demoMiddleware = [
  demoGuardMiddleware,
  async function home(ctx, next) {
    if (ctx.path === '/') {
      ctx.redirect('/demo/');
      return;
    }
    return next();
  },
  directoryApiMiddleware,
];
