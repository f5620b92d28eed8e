// Demo server middleware: `/` goes to the demo index. The directory API and the strict-CSP page
// hook in here.
export const demoMiddleware = [
  async function home(ctx, next) {
    if (ctx.path === '/') {
      ctx.redirect('/demo/');
      return;
    }
    return next();
  },
];
