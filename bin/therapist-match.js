#!/usr/bin/env node
// `npx therapist-match import FILE --database URL`: see docs/server.md.
import { main } from '../dist/server/cli.js';

process.exitCode = await main(process.argv.slice(2));
