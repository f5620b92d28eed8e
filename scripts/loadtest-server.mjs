// The server process of `npm run loadtest`: the package's handler on node:http over one store,
// alone in its process so the load generator does not share its event loop.
//   node scripts/loadtest-server.mjs memory 10000 [seed]
//   node scripts/loadtest-server.mjs postgres postgres://…
import { createServer } from 'node:http';
import { parseTherapists } from 'therapist-match/engine';
import { createHandler, memoryStore, postgresStore } from 'therapist-match/server';
import { generateTherapists } from '../demo/sample/generate.js';

const [kind, arg, seed] = process.argv.slice(2);
let store;
if (kind === 'memory') {
  store = memoryStore(parseTherapists(generateTherapists(Number(arg), Number(seed) || undefined)).therapists);
} else if (kind === 'postgres') {
  const { default: pg } = await import('pg');
  store = postgresStore(new pg.Pool({ connectionString: arg, max: 16 }));
} else {
  console.error('usage: loadtest-server.mjs memory COUNT | postgres URL');
  process.exit(2);
}
const handle = createHandler({ store });
const server = createServer((req, res) => void handle(req, res));
server.listen(0, '127.0.0.1', () => console.log(`ready ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
