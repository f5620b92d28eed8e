// Demo server middleware: `/` goes to the demo index; `/api/therapists` is the sample directory's
// search API (demo/directory.html). The strict-CSP page hooks in here too.
import { directoryApiMiddleware } from './directory-api.mjs';

export const demoMiddleware = [
  async function home(ctx, next) {
    if (ctx.path === '/') {
      ctx.redirect('/demo/');
      return;
    }
    return next();
  },
  directoryApiMiddleware,
];
