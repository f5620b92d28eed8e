// `npm start`: serves the demo pages and the built widget on localhost.
import { demoMiddleware } from './demo/server/middleware.mjs';
import { strictCspMiddleware } from './demo/server/csp.mjs';

const port = Number(process.env.PORT ?? 8000);

export default {
  rootDir: '.',
  port,
  open: false,
  nodeResolve: true,
  appIndex: undefined,
  middleware: [...demoMiddleware, strictCspMiddleware],
};
