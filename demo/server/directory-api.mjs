// The demo directory's search API: the package's own server handler (`therapist-match/server`) over
// the in-memory store, loaded from the 10,000-record sample. Used by demo/directory.html through
// `npm start`; the protocol is in docs/server.md.
//
//   GET /api/therapists?clientType=couple&formats=in-person,telehealth&jurisdiction=US-CA
//                      &lat=37.76&lng=-122.41&radiusKm=27&acceptingNewClients=true&limit=1000
//     → { "therapists": [...], "total": 1234 }   (total before the page limit; also X-Total-Count)
//   GET /api/therapists/<id> → one record, or 404
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandler, memoryStore, readDirectoryFile } from 'therapist-match/server';
import { generateTherapists } from '../sample/generate.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'therapists-10k.json');

let handler;

/** The handler over the sample directory, written on first use if `npm start` has not written it yet. */
export function directoryHandler() {
  handler ??= (async () => {
    if (!existsSync(DATA)) {
      mkdirSync(dirname(DATA), { recursive: true });
      writeFileSync(DATA, JSON.stringify(generateTherapists(10000)) + '\n');
      console.log(`directory API: wrote 10000 fictional therapists to ${DATA}`);
    }
    const { therapists, problems } = await readDirectoryFile(DATA);
    if (problems.length) console.warn(`directory API: ${problems.length} problems in ${DATA}`);
    // The demo page asks for 2,000 candidates at a time to show the narrowing; the default is 1,000.
    return createHandler({ store: memoryStore(therapists), maxLimit: 5000 });
  })();
  return handler;
}

/** Koa middleware for @web/dev-server: hands /api/therapists to the node:http handler. */
export async function directoryApiMiddleware(ctx, next) {
  if (ctx.path !== '/api/therapists' && !ctx.path.startsWith('/api/therapists/')) return next();
  const handle = await directoryHandler();
  ctx.respond = false; // the handler writes the response itself
  await handle(ctx.req, ctx.res);
}
