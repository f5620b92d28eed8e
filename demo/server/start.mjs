// `npm start`: the demo on @web/dev-server, listening on the loopback interface only unless HOST
// says otherwise (HOST=0.0.0.0 to try it from a phone on the same network). The dev server itself
// would listen on every interface for "localhost", so this script binds the socket itself.
import { startDevServer } from '@web/dev-server';
import config from '../../web-dev-server.config.mjs';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);

// An empty hostname makes the dev server set everything up without listening.
const server = await startDevServer({
  config: { ...config, hostname: '', port },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const http = server.server;
await new Promise((resolve, reject) => {
  http.once('error', reject);
  http.listen(port, host, resolve);
});
const { port: bound } = http.address();
const shown = host === '127.0.0.1' || host === '::1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
console.log(`Demo: http://${shown}:${bound}/demo/ (listening on ${host}; set HOST to change it, PORT for the port)`);

for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
