// The styling API is documented exactly: every `--tm-*` token, `::part()` name and slot used in
// src/ is documented in JSDoc (and so in custom-elements.json and docs/api.md), and nothing
// documented is missing from the code. Each public token is resolved once, on the host, into a
// private `--_tm-*` property with the documented default written once; rules read only those.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jsdocTags, sourceFiles } from '../../scripts/jsdoc-tags.mjs';
import { GENERATED, analyze, elementsOf, withGenerated } from '../../scripts/api-docs.mjs';

/** Source text without comments (JSDoc repeats token names and defaults), lines kept. */
const withoutComments = (text) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
const files = sourceFiles('src').map((file) => {
  const text = readFileSync(file, 'utf8');
  return { file, text, code: withoutComments(text) };
});
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
  tokens: [],
  parts: [],
};

/** Splits problems into those in pending places and the rest; pending places must still have one. */
function withoutPending(problems, pending) {
  const open = problems.filter((problem) => !pending.some((place) => problem.includes(place)));
  const fixed = pending.filter((place) => !problems.some((problem) => problem.includes(place)));
  assert.deepEqual(fixed, [], 'these are fixed now: remove them from PENDING in test/node/styling-api.test.js');
  return open;
}

/** The text of a `var(` call's fallback starting at `start`, up to its closing parenthesis. */
function argumentAt(text, start) {
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth-- === 0) break;
  }
  return normalise(text.slice(start, i));
}

/**
 * Every `var(--tm-…)` or `var(--_tm-…)` in the code (comments left out): the property read, its
 * fallback text (undefined if none), and the private property it resolves into when it is the
 * whole value of a `--_tm-…: var(--tm-…, …)` declaration.
 */
function varUses(prefix) {
  const uses = [];
  for (const { file, code } of files)
    for (const match of code.matchAll(new RegExp(`var\\(\\s*(${prefix}[a-z0-9-]+)\\s*(,?)`, 'g'))) {
      const fallback = match[2] ? argumentAt(code, match.index + match[0].length) : undefined;
      const into = /(--_tm-[a-z0-9-]+)\s*:\s*$/.exec(code.slice(code.lastIndexOf('\n', match.index), match.index))?.[1];
      uses.push({ name: match[1], fallback, into, file });
    }
  return uses;
}
const tokenUses = () => varUses('--tm-');
const privateName = (token) => `--_${token.slice(2)}`;

/** Static names in `attribute="a b"` (and quoted words in `attribute=${…}`), per element folder. */
/** The element a file belongs to: its folder under src/components (step views live in a subfolder). */
const elementFolder = (file) => dirname(file).replace(/^(.*\bsrc\/components\/[^/]+)\/.*$/, '$1');

function namesIn(attribute) {
  const byFolder = new Map();
  for (const { file, text } of files) {
    const names = byFolder.get(elementFolder(file)) ?? new Set();
    for (const match of text.matchAll(new RegExp(`\\b${attribute}="([^"]*)"`, 'g')))
      for (const word of match[1].split(/\s+/)) if (word && !/[${}]/.test(word)) names.add(word);
    for (const match of text.matchAll(new RegExp(`\\b${attribute}=\\$\\{([^}]*)\\}`, 'g')))
      for (const literal of match[1].matchAll(/'([^']*)'/g))
        for (const word of literal[1].split(/\s+/)) names.add(word);
    byFolder.set(elementFolder(file), names);
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

test('each public token is resolved exactly once, into its private --_tm-* property, with the documented default', () => {
  const resolutions = tokenUses().filter((use) => use.into);
  const problems = [];
  // Elements list the global tokens they read too (no default there); the tag that defines a token
  // is the one in src/styles/tokens.ts, or else the one with a default on the element that owns it.
  const owners = new Map();
  for (const token of [...globalTokens, ...documented('cssprop').filter((tag) => tag.default)])
    if (!owners.has(token.name)) owners.set(token.name, token);
  for (const tag of documented('cssprop')) if (!owners.has(tag.name)) owners.set(tag.name, tag);
  for (const token of owners.values()) {
    const own = resolutions.filter((use) => use.name === token.name);
    if (own.length !== 1) {
      problems.push(`${token.name} is resolved ${own.length} times (${own.map((use) => use.file).join(', ')})`);
      continue;
    }
    const [use] = own;
    if (use.into !== privateName(token.name))
      problems.push(`${token.name} resolves into ${use.into} in ${use.file}, expected ${privateName(token.name)}`);
    if (dirname(use.file) !== dirname(token.file))
      problems.push(`${token.name} is documented in ${token.file} but resolved in ${use.file}`);
    // A component token documented as defaulting to a global one, `var(--tm-x, …)`, falls back to
    // that token's private property, which carries the global default.
    const documentedDefault = normalise(token.default ?? '');
    const globalDefault = /^var\(\s*(--tm-[a-z0-9-]+)\s*,/.exec(documentedDefault)?.[1];
    const expected = globalDefault ? `var(${privateName(globalDefault)})` : documentedDefault;
    if (!documentedDefault) problems.push(`${token.name} has no documented default (in ${token.file})`);
    else if (use.fallback !== expected)
      problems.push(`${token.name} falls back to "${use.fallback}" in ${use.file}, expected "${expected}"`);
  }
  assert.deepEqual(withoutPending(problems, PENDING.tokens), []);
  for (const token of globalTokens)
    assert.equal(
      resolutions.find((use) => use.name === token.name)?.file,
      'src/styles/tokens.ts',
      `global ${token.name} is resolved in src/styles/tokens.ts, which every element includes`,
    );
});

test('no rule reads a public --tm-* token directly: only the resolutions do', () => {
  const direct = tokenUses().filter((use) => use.into !== privateName(use.name));
  assert.deepEqual(
    withoutPending(
      direct.map((use) => `var(${use.name}) in ${use.file}`),
      PENDING.tokens,
    ),
    [],
    'read the private property instead: `var(--_tm-…)`, resolved once in src/styles/tokens.ts (or the element styles for its own tokens)',
  );
});

test('every private --_tm-* property read is resolved, read without a fallback, and every resolved one is read', () => {
  const resolved = new Set(tokenUses().flatMap((use) => (use.into ? [use.into] : [])));
  const reads = varUses('--_tm-');
  const problems = [];
  for (const use of reads) {
    if (!resolved.has(use.name)) problems.push(`${use.name} is read in ${use.file} but never resolved`);
    if (use.fallback !== undefined)
      problems.push(`${use.name} is read with a fallback in ${use.file}: the default belongs in its resolution`);
  }
  for (const name of resolved)
    if (!reads.some((use) => use.name === name)) problems.push(`${name} is resolved but never read`);
  assert.deepEqual(problems, []);
});

test('each global default is written once: no colour, font stack or shadow repeats outside its resolution', () => {
  // Left out: the resolutions themselves, and the themes' own values for the public tokens
  // (`--tm-color-border: #7b8794;` in the dark theme). Short defaults (`1em`, `8px`, `medium`) are
  // ordinary CSS values elsewhere, so only the distinctive ones are counted.
  const rest = files.map(({ file, code }) => ({
    file,
    code: code.replace(/--_tm-[a-z0-9-]+\s*:\s*var\(\s*--tm-[^;]*;/g, '').replace(/--tm-[a-z0-9-]+\s*:[^;]*;/g, ''),
  }));
  const problems = [];
  for (const token of globalTokens) {
    const value = normalise(token.default ?? '');
    if (!/[#,\s]/.test(value)) continue;
    for (const { file, code } of rest)
      if (normalise(code).includes(value)) problems.push(`${token.name}'s default ${value} is repeated in ${file}`);
  }
  assert.deepEqual(problems, []);
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
      const folder = elementFolder(doc.file);
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

test('custom-elements.json lists every documented token, part and slot, and the generated docs (docs/api.md, docs/theming.md) are current', async () => {
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

  for (const { file } of GENERATED) {
    const text = readFileSync(file, 'utf8');
    assert.ok(
      (await withGenerated(file, text, manifest)) === text,
      `${file}: the generated part is stale: run \`npm run docs\``,
    );
  }
  const theming = readFileSync('docs/theming.md', 'utf8');
  for (const token of globalTokens)
    assert.ok(theming.includes(`\`${token.name}\``), `docs/theming.md lacks ${token.name}`);
});
