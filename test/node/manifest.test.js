// custom-elements.json against what the package really is: module paths are files users import,
// every public event of every element has a detail type, is dispatched by the code and is heard by
// a browser test, no internal `tmi-*` event and no event named like an element is listed, and every
// part an element documents is in one of its templates (that half is styling-api.test.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(repo, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((d) => d.customElement).map((d) => ({ ...d, path: module.path })),
);

/** Every file under `dir` whose name ends with one of `endings`. */
function files(dir, endings) {
  const out = [];
  for (const entry of readdirSync(join(repo, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path, endings));
    else if (endings.some((ending) => entry.name.endsWith(ending))) out.push(path);
  }
  return out;
}
const source = files('src', ['.ts'])
  .map((file) => readFileSync(join(repo, file), 'utf8'))
  .join('\n');
const tests = files('test', ['.ts', '.tsx', '.js'])
  .map((file) => readFileSync(join(repo, file), 'utf8'))
  .join('\n');

test('module paths are the compiled files users import, and they exist after a build', () => {
  assert.ok(elements.length >= 5, 'every element is in the manifest');
  for (const module of manifest.modules) {
    assert.match(module.path, /^dist\/.+\.js$/, module.path);
    if (existsSync(join(repo, 'dist'))) assert.ok(existsSync(join(repo, module.path)), `${module.path} missing`);
  }
});

test('every public event is typed, dispatched by the code and heard by a test; no internal or element-named event', () => {
  const tags = new Set(elements.map((element) => element.tagName));
  const problems = [];
  for (const element of elements)
    for (const event of element.events ?? []) {
      const where = `${element.tagName}: ${event.name}`;
      if (event.name.startsWith('tmi-')) problems.push(`${where} is internal`);
      if (tags.has(event.name)) problems.push(`${where} is named like an element`);
      if (!event.type?.text?.startsWith('CustomEvent<{')) problems.push(`${where} has no detail type`);
      if (!source.includes(`'${event.name}'`)) problems.push(`${where} is never dispatched in src/`);
      const heard = new RegExp(`(oneEvent\\([^)]*|addEventListener\\(|on)'${event.name}'|'on${event.name}'`);
      if (!heard.test(tests)) problems.push(`${where} is never listened to in a test`);
    }
  assert.deepEqual(problems, []);
});

test('the root lists every public event of the widget, including those its cards and data source send', () => {
  const root = elements.find((element) => element.tagName === 'therapist-match');
  const events = (root.events ?? []).map((event) => event.name).sort();
  const declared = [...readFileSync(join(repo, 'src/events.ts'), 'utf8').matchAll(/^ {2}'(tm-[a-z-]+)':/gm)]
    .map((match) => match[1])
    .filter((name) => name !== 'tm-directory-checked')
    .sort();
  assert.deepEqual(events, declared);
});
