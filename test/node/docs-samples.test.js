// The docs are true to the code: every fenced block in README.md and docs/*.md names its language and
// is checked as what it claims to be. TypeScript, TSX and JavaScript (and the module scripts inside
// HTML samples) are type-checked against the built package by its name; JSON records are validated;
// HTML samples use only the elements and attributes the manifest lists; CSS uses only documented
// tokens and parts; shell lines run only npm scripts that exist; every relative link and anchor
// resolves. Needs `npm run build` first (the package's types are dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parseTherapists } from 'therapist-match/engine';

const DOCS = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
/** Where the samples are written to be compiled: inside the package, so `therapist-match` resolves to it. */
const OUT = '.test-results/docs-samples';
/** Languages a block may name, and what checks it. */
const CHECKED = new Set(['ts', 'tsx', 'js', 'html', 'css', 'sh', 'json', 'jsonc', 'sql', 'text', 'csv', 'http']);
/** Attributes every element takes (HTML's global attributes that samples use). */
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'style', 'slot', 'lang', 'dir', 'hidden', 'part', 'title']);

/** Every fenced block: its file, the line of its opening fence, language and text. */
function blocksOf(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\S*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !lines[i].startsWith(`${indent}${fence}`); i++)
      body.push(lines[i].slice(indent.length));
    blocks.push({ file, line: start + 1, lang, text: body.join('\n') });
  }
  return blocks;
}
const blocks = DOCS.flatMap(blocksOf);
const where = (block) => `${block.file}:${block.line}`;

test('the docs have code samples, and every one names a language that is checked', () => {
  assert.ok(blocks.length > 20, `only ${blocks.length} code blocks found`);
  const unnamed = blocks.filter((b) => !CHECKED.has(b.lang)).map((b) => `${where(b)} (${b.lang || 'no language'})`);
  assert.deepEqual(unnamed, []);
});

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName, d]),
);

/** The module scripts inside an HTML sample. */
const scriptsOf = (html) =>
  [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1].replace(/^ {2}/gm, ''));

test('TypeScript, TSX and JavaScript samples compile against the built package', () => {
  rmSync(OUT, { recursive: true, force: true });
  const written = [];
  const write = (block, ext, text) => {
    const name = `${block.file.replace(/[/.]/g, '_')}_${block.line}.${ext}`;
    // JavaScript is checked as TypeScript infers it (TypeScript's JavaScript checker widens literals
    // assigned to properties), without null checks: `document.querySelector(...)` may be null there.
    const folder = ext === 'js' ? 'loose' : 'strict';
    const file = ext === 'js' ? name.replace(/\.js$/, '.ts') : name;
    mkdirSync(join(OUT, folder), { recursive: true });
    // Each sample is its own module (a sample without imports would otherwise share one global scope).
    writeFileSync(join(OUT, folder, file), `${text}\nexport {};\n`);
    written.push({ name: file, at: where(block) });
  };
  // docs/adapters.md shows docs/examples/ word for word; test/node/adapter-guide.test.js compiles
  // and runs those files whole, so their excerpts are checked there.
  const examples = readdirSync('docs/examples').map((f) => readFileSync(join('docs/examples', f), 'utf8'));
  const excerpt = (block) => block.file === 'docs/adapters.md' && examples.some((e) => e.includes(block.text.trim()));
  for (const block of blocks) {
    if (excerpt(block)) continue;
    if (block.lang === 'ts' || block.lang === 'tsx') write(block, block.lang, block.text);
    if (block.lang === 'js') write(block, 'js', block.text);
    if (block.lang === 'html')
      scriptsOf(block.text).forEach((script, i) => write({ ...block, line: `${block.line}_${i}` }, 'js', script));
  }
  assert.ok(written.length >= 6, `only ${written.length} samples to compile`);
  const base = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    jsx: 'react-jsx',
    noEmit: true,
    skipLibCheck: true,
    types: [],
    resolveJsonModule: true,
  };
  const configs = {
    strict: { compilerOptions: { ...base, strict: true }, include: ['strict'] },
    loose: { compilerOptions: { ...base, strict: false }, include: ['loose'] },
  };
  const failures = [];
  for (const [folder, config] of Object.entries(configs)) {
    if (!existsSync(join(OUT, folder))) continue;
    writeFileSync(join(OUT, `tsconfig.${folder}.json`), JSON.stringify(config));
    const tsc = spawnSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', join(OUT, `tsconfig.${folder}.json`)],
      {
        encoding: 'utf8',
      },
    );
    for (const [, file, line, message] of tsc.stdout.matchAll(/^.*?([^/\\]+)\((\d+),\d+\): error (.*)$/gm)) {
      const sample = written.find((w) => w.name === file);
      failures.push(`${sample?.at ?? file} (line ${line} of the sample): ${message}`);
    }
    if (tsc.status !== 0 && !failures.length) failures.push(tsc.stdout + tsc.stderr);
  }
  assert.deepEqual(failures, []);
});

test('JSON samples parse, and sample records are valid records', () => {
  const problems = [];
  let records = 0;
  for (const block of blocks.filter((b) => b.lang === 'json')) {
    let data;
    try {
      data = JSON.parse(block.text);
    } catch (error) {
      problems.push(`${where(block)}: ${error.message}`);
      continue;
    }
    const list = Array.isArray(data) ? data : data && typeof data === 'object' && 'licenses' in data ? [data] : [];
    if (!list.length || !list.every((r) => r && typeof r === 'object' && 'name' in r && 'licenses' in r)) continue;
    records += list.length;
    const result = parseTherapists(list);
    for (const p of result.problems) problems.push(`${where(block)}: ${p.path}: ${p.message}`);
  }
  assert.ok(records >= 2, 'the README and docs/records.md each show a record');
  assert.deepEqual(problems, []);
});

test('HTML samples use only the elements and attributes the manifest lists', () => {
  const problems = [];
  for (const block of blocks.filter((b) => b.lang === 'html')) {
    const markup = block.text.replace(/<!--[\s\S]*?-->/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
    for (const [, tag, attributes] of markup.matchAll(/<((?:therapist-match|tm-)[a-z-]*)(\s[^>]*)?>/g)) {
      const element = elements.get(tag);
      if (!element) {
        problems.push(`${where(block)}: <${tag}> is not an element of the package`);
        continue;
      }
      const known = new Set((element.attributes ?? []).map((a) => a.name));
      for (const [, name] of (attributes ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g))
        if (!known.has(name) && !GLOBAL_ATTRIBUTES.has(name))
          problems.push(`${where(block)}: <${tag} ${name}> is not an attribute`);
    }
  }
  assert.deepEqual(problems, []);
});

test('CSS in the docs names only documented tokens and parts', () => {
  const tokens = new Set([...elements.values()].flatMap((e) => (e.cssProperties ?? []).map((p) => p.name)));
  const parts = new Set([...elements.values()].flatMap((e) => (e.cssParts ?? []).map((p) => p.name)));
  const problems = [];
  const css = blocks.filter((b) => b.lang === 'css' || b.lang === 'html');
  for (const block of css) {
    for (const [token] of block.text.matchAll(/--tm-[a-z0-9-]+/g))
      if (!tokens.has(token)) problems.push(`${where(block)}: ${token} is not a documented token`);
    for (const [, part] of block.text.matchAll(/::part\(([a-z0-9-]+)\)/g))
      if (!parts.has(part)) problems.push(`${where(block)}: ::part(${part}) is not a documented part`);
  }
  // Prose claims count too: `::part(name)` anywhere in the docs.
  for (const file of DOCS)
    for (const [, part] of readFileSync(file, 'utf8').matchAll(/::part\(([a-z0-9-]+)\)/g))
      if (!parts.has(part)) problems.push(`${file}: ::part(${part}) is not a documented part`);
  assert.deepEqual(problems, []);
});

test('shell samples run only npm scripts that exist', () => {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
  const problems = [];
  for (const block of blocks.filter((b) => b.lang === 'sh'))
    for (const [, name] of block.text.matchAll(/npm run ([a-z:-]+)/g))
      if (!Object.hasOwn(scripts, name)) problems.push(`${where(block)}: npm run ${name} is not a script`);
  assert.deepEqual(problems, []);
});

/** GitHub's anchor for a heading. */
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const anchorsOf = (file) => {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.*)$/gm)].map(([, h]) => slug(h)));
};

test('every relative link in the docs reaches a file, and every anchor a heading', () => {
  const problems = [];
  for (const file of DOCS) {
    const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const resolved = path ? normalize(join(dirname(file), path)) : file;
      if (!existsSync(resolved)) {
        problems.push(`${file}: ${target} does not exist`);
        continue;
      }
      if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor))
        problems.push(`${file}: ${target} has no heading #${anchor}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the README stays short: the rest lives in docs/', () => {
  const size = Buffer.byteLength(readFileSync('README.md', 'utf8'));
  assert.ok(size <= 12 * 1024, `README.md is ${size} bytes; move detail into docs/`);
});
