// The styling API is documented exactly: every `--tm-*` token, `::part()` name and slot used in
// src/ is documented in JSDoc (and so in custom-elements.json and the README), and nothing
// documented is missing from the code. Global tokens repeat the documented default as fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jsdocTags, sourceFiles } from '../tools/jsdoc-tags.mjs';
import { analyze, elementsOf, withApiSection } from '../tools/readme-api.mjs';

const files = sourceFiles('src').map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const tags = files.flatMap(({ file, text }) => jsdocTags(file, text));
const documented = (kind) => tags.filter((tag) => tag.kind === kind);
const globalTokens = documented('cssprop').filter((tag) => tag.file === 'src/styles/tokens.ts');
const normalise = (value) => value.replace(/\s+/g, ' ').trim();

/**
 * Known gaps, each owned by the element's author and tracked in the embedding report. A listed
 * file or folder may still break its rule; the test fails once it no longer does, so the list
 * only shrinks. Never add to it to make a new problem pass.
 */
const PENDING = {
  fallbacks: [],
  parts: [],
};

/** Splits problems into those in pending places and the rest; pending places must still have one. */
function withoutPending(problems, pending) {
  const open = problems.filter((problem) => !pending.some((place) => problem.includes(place)));
  const fixed = pending.filter((place) => !problems.some((problem) => problem.includes(place)));
  assert.deepEqual(fixed, [], 'these are fixed now: remove them from PENDING in test/node/styling-api.test.js');
  return open;
}

/** Every `var(--tm-…, fallback)` in the sources, with its fallback text (undefined if none). */
function tokenUses() {
  const uses = [];
  for (const { file, text } of files)
    for (const match of text.matchAll(/var\(\s*(--tm-[a-z0-9-]+)\s*(,?)/g)) {
      let fallback;
      if (match[2]) {
        let depth = 0;
        let i = match.index + match[0].length;
        const start = i;
        for (; i < text.length; i++) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')' && depth-- === 0) break;
        }
        fallback = normalise(text.slice(start, i));
      }
      uses.push({ name: match[1], fallback, file });
    }
  return uses;
}

/** Static names in `attribute="a b"` (and quoted words in `attribute=${…}`), per element folder. */
function namesIn(attribute) {
  const byFolder = new Map();
  for (const { file, text } of files) {
    const names = byFolder.get(dirname(file)) ?? new Set();
    for (const match of text.matchAll(new RegExp(`\\b${attribute}="([^"]*)"`, 'g')))
      for (const word of match[1].split(/\s+/)) if (word && !/[${}]/.test(word)) names.add(word);
    for (const match of text.matchAll(new RegExp(`\\b${attribute}=\\$\\{([^}]*)\\}`, 'g')))
      for (const literal of match[1].matchAll(/'([^']*)'/g))
        for (const word of literal[1].split(/\s+/)) names.add(word);
    byFolder.set(dirname(file), names);
  }
  return byFolder;
}

test('every --tm-* token used in src/ is documented with @cssprop', () => {
  const names = new Set(documented('cssprop').map((tag) => tag.name));
  const undocumented = tokenUses().filter((use) => !names.has(use.name));
  assert.deepEqual(
    [...new Set(undocumented.map((use) => `${use.name} (${use.file})`))],
    [],
    'document these with `@cssprop [--name=default] - description` in the element JSDoc (global ones in src/styles/tokens.ts)',
  );
});

test('every documented token is used in src/', () => {
  const used = new Set(tokenUses().map((use) => use.name));
  const unused = documented('cssprop').filter((tag) => !used.has(tag.name));
  assert.deepEqual(
    unused.map((tag) => `${tag.name} (${tag.file})`),
    [],
    'documented but no `var()` reads it: remove the @cssprop tag or use the token',
  );
});

test('every token has a literal fallback, and global tokens repeat the documented default', () => {
  const defaults = new Map(globalTokens.map((tag) => [tag.name, normalise(tag.default ?? '')]));
  const problems = [];
  for (const use of tokenUses()) {
    if (!use.fallback) problems.push(`${use.name} has no fallback in ${use.file}`);
    else if (defaults.has(use.name) && !use.fallback.startsWith('var(') && use.fallback !== defaults.get(use.name))
      problems.push(
        `${use.name} falls back to "${use.fallback}" in ${use.file}, documented "${defaults.get(use.name)}"`,
      );
  }
  assert.deepEqual(withoutPending(problems, PENDING.fallbacks), []);
  for (const [name, value] of defaults) assert.ok(value, `${name} has no documented default`);
});

for (const [attribute, kind, tag] of [
  ['part', 'csspart', '@csspart'],
  ['slot name', 'slot', '@slot'],
]) {
  test(`every ${attribute}="…" in a template is documented with ${tag} on its element, and the reverse`, () => {
    const used = namesIn(attribute);
    const problems = [];
    const byFolder = new Map();
    for (const doc of documented(kind).filter((doc) => doc.name !== '-')) {
      const folder = dirname(doc.file);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), doc.name]);
    }
    for (const [folder, names] of used)
      for (const name of names)
        if (!byFolder.get(folder)?.includes(name)) problems.push(`${attribute}="${name}" in ${folder} is undocumented`);
    for (const [folder, names] of byFolder)
      for (const name of names)
        if (!used.get(folder)?.has(name)) problems.push(`${tag} ${name} in ${folder} is not in a template`);
    assert.deepEqual(withoutPending(problems, kind === 'csspart' ? PENDING.parts : []), []);
  });
}

test('custom-elements.json lists every documented token, part and slot, and the README API section is current', async () => {
  const manifest = await analyze();
  const elements = elementsOf(manifest);
  const root = elements.find((element) => element.tagName === 'therapist-match');
  assert.ok(root, 'the manifest has <therapist-match>');
  const inManifest = new Set(elements.flatMap((element) => (element.cssProperties ?? []).map((p) => p.name)));
  for (const token of documented('cssprop'))
    assert.ok(inManifest.has(token.name), `${token.name} missing from the manifest`);
  for (const token of globalTokens)
    assert.ok(
      root.cssProperties.some((p) => p.name === token.name && p.default === token.default),
      `${token.name} missing on <therapist-match>`,
    );
  const parts = new Set(elements.flatMap((element) => (element.cssParts ?? []).map((p) => p.name)));
  for (const part of documented('csspart'))
    assert.ok(parts.has(part.name), `part ${part.name} missing from the manifest`);

  const readme = readFileSync('README.md', 'utf8');
  const expected = await withApiSection(readme, manifest);
  assert.ok(expected === readme, 'README.md API section is stale: run `npm run docs`');
  for (const token of globalTokens) assert.ok(readme.includes(`\`${token.name}\``), `README lacks ${token.name}`);
});
