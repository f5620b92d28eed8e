// The demo's dev server settings; `npm start` runs them through demo/server/start.mjs, which
// listens on localhost only unless HOST says otherwise. Only what the demo needs is served (the
// pages, the built drop-in and the demo API): see demo/server/guard.mjs.
import { demoMiddleware } from './demo/server/middleware.mjs';
import { strictCspMiddleware } from './demo/server/csp.mjs';

export default {
  rootDir: '.',
  hostname: process.env.HOST || '127.0.0.1',
  port: Number(process.env.PORT ?? 8000),
  open: false,
  nodeResolve: false,
  appIndex: undefined,
  middleware: [...demoMiddleware, strictCspMiddleware],
};
