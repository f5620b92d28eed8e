// The CDN build: one self-contained, minified ES module for the `<script type="module">` drop-in,
// with on-demand chunks beside it.
// It bundles the already compiled `dist/` output (tsc does the TypeScript), with Lit and zod inside.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

export default {
  input: 'dist/cdn.js',
  // Spanish, the CSV reader and zod (needed only to explain invalid records) are separate chunks
  // beside the main file, fetched relative to it only when a page needs them.
  output: {
    dir: 'dist/cdn',
    entryFileNames: 'therapist-match.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    format: 'es',
    sourcemap: true,
  },
  onwarn(warning, warn) {
    // zod's core has a harmless internal cycle; everything else is worth seeing.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules/zod'))) return;
    warn(warning);
  },
  plugins: [
    // Whitespace inside html`` and css`` templates is most of what they weigh.
    // (tokens.js composes a declaration-only fragment that the CSS minifier cannot parse alone.)
    minifyHTML({ failOnError: true, exclude: ['**/styles/tokens.js'] }),
    nodeResolve({ exportConditions: ['production', 'browser', 'default'] }),
    terser({ ecma: 2020, module: true, format: { comments: false }, compress: { passes: 2 } }),
  ],
};
