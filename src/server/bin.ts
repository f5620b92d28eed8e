#!/usr/bin/env node
// `npx therapist-match import FILE --database URL`: the package's command line (docs/server.md).
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
