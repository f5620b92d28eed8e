// The package's public surface, listed in one place: docs/api.json. Each entry of package.json
// `exports` that holds code is imported from dist/ and its names (values, and types read from its
// .d.ts with the TypeScript compiler) compared with the list. Adding or removing an export fails
// here until docs/api.json says so (and CHANGELOG.md, for a removal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const repo = resolve(import.meta.dirname, '../..');
const api = JSON.parse(readFileSync(resolve(repo, 'docs/api.json'), 'utf8'));
const ENTRIES = {
  '.': 'index',
  './engine': 'engine/index',
  './define.js': 'define',
  './check.js': 'check',
  './react': 'react',
  './vue': 'vue',
  './server': 'server/index',
};

test('every code entry of package.json `exports` is listed', () => {
  const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8'));
  const code = Object.keys(pkg.exports).filter((key) => pkg.exports[key]?.types && key !== './cdn');
  assert.deepEqual(code.sort(), Object.keys(ENTRIES).sort());
  assert.deepEqual(Object.keys(api.entries).sort(), Object.keys(ENTRIES).sort());
});

for (const [entry, file] of Object.entries(ENTRIES)) {
  test(`${entry}: values as listed in docs/api.json`, async () => {
    assert.ok(existsSync(resolve(repo, `dist/${file}.js`)), 'run `npm run build` first');
    const module = await import(resolve(repo, `dist/${file}.js`));
    assert.deepEqual(Object.keys(module).sort(), [...api.entries[entry].values].sort());
  });
}

test('types of each entry as listed in docs/api.json', () => {
  const files = Object.values(ENTRIES).map((file) => resolve(repo, `dist/${file}.d.ts`));
  const program = ts.createProgram(files, {
    skipLibCheck: true,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(resolve(repo, `dist/${file}.d.ts`));
    const symbol = source && checker.getSymbolAtLocation(source);
    const names = symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : [];
    const values = new Set(api.entries[entry].values);
    assert.deepEqual(names.filter((name) => !values.has(name)).sort(), [...api.entries[entry].types].sort(), entry);
  }
});
