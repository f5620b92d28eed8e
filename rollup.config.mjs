// The CDN build: one self-contained, minified ES module for the `<script type="module">` drop-in,
// with on-demand chunks beside it.
// It bundles the already compiled `dist/` output (tsc does the TypeScript), with Lit and zod inside.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

/**
 * Reads tsc's source map beside each compiled file, so the drop-in's map leads back to the
 * TypeScript (whose text tsc inlines as `sourcesContent`) rather than to the compiled `dist/` file.
 */
const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const typescriptSourceMaps = () => ({
  name: 'typescript-source-maps',
  load(id) {
    if (!id.startsWith(dist) || !existsSync(`${id}.map`)) return null;
    const code = readFileSync(id, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    return { code, map: readFileSync(`${id}.map`, 'utf8') };
  },
});

/** Fresh plugin instances for each build. */
const plugins = () => [
  typescriptSourceMaps(),
  // Whitespace inside html`` and css`` templates is most of what they weigh.
  minifyHTML({ failOnError: true }),
  nodeResolve({ exportConditions: ['production', 'browser', 'default'] }),
  terser({ ecma: 2020, module: true, format: { comments: false }, compress: { passes: 2 } }),
];

const main = {
  // fhir.js: fhirSource for pages on the drop-in (`import { fhirSource } from './fhir.js'`), an entry
  // of its own beside the main file so that it shares its modules (one SourceError) and adds nothing to it.
  input: { 'therapist-match': 'dist/cdn.js', fhir: 'dist/sources/fhir/index.js' },
  // Spanish, the CSV reader and zod (needed only to explain invalid records) are separate chunks
  // beside the main file, fetched relative to it only when a page needs them.
  output: {
    dir: 'dist/cdn',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Small engine modules that the record check (a first-visit chunk) shares with later ones
    // (record dates, task slicing) ride in the record check's chunk: as chunks of their own each
    // would cost a request and more bytes than its code, and in the main file every page would
    // download them (npm run size shows the trade).
    manualChunks(id) {
      if (/\/dist\/cdn\.js$/.test(id)) return 'therapist-match';
      if (/\/dist\/(internal\/record-check|engine\/(dates|slices))\.js$/.test(id)) return 'record-check';
      // The file reader stays one first-visit chunk, though fhir.js uses its HTTP code too.
      if (/\/dist\/sources\/(from-src|file|json|http)\.js$/.test(id)) return 'from-src';
      if (/\/dist\/sources\/options\.js$/.test(id)) return 'options';
      // fhirSource's reading and mapping: one chunk that fhir.js loads on the first search.
      if (/\/dist\/sources\/fhir\/(index|taxonomy)\.js$/.test(id)) return 'fhir';
      if (/\/dist\/sources\/fhir\/[^/]+\.js$/.test(id)) return 'fhir-reader';
    },
    format: 'es',
    // The maps carry the sources' text: the package ships no src/ folder to point at.
    sourcemap: true,
    sourcemapExcludeSources: false,
  },
  onwarn(warning, warn) {
    // zod's core has a harmless internal cycle; everything else is worth seeing.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules/zod'))) return;
    warn(warning);
  },
  plugins: plugins(),
};

// The directory checker (demo/check.html): its own self-contained build, so the widget's drop-in
// never grows with it and shares no chunk with it. Its chunks (zod, Spanish) are named check-*.
const checker = {
  ...main,
  input: 'dist/check.js',
  // A drop-in exports nothing a page uses: let the entry hold the shared code instead of a facade.
  preserveEntrySignatures: false,
  plugins: plugins(),
  output: {
    ...main.output,
    manualChunks: undefined,
    entryFileNames: 'check.js',
    chunkFileNames: 'chunks/check-[name]-[hash].js',
  },
};

export default [main, checker];
