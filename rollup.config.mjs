// The CDN build: one self-contained, minified ES module for the `<script type="module">` drop-in.
// It bundles the already compiled `dist/` output (tsc does the TypeScript), with Lit and zod inside.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: 'dist/define.js',
  output: { file: 'dist/cdn/therapist-match.js', format: 'es', sourcemap: true },
  onwarn(warning, warn) {
    // zod's core has a harmless internal cycle; everything else is worth seeing.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules/zod'))) return;
    warn(warning);
  },
  plugins: [
    nodeResolve({ exportConditions: ['production', 'browser', 'default'] }),
    terser({ ecma: 2020, module: true, format: { comments: false }, compress: { passes: 2 } }),
  ],
};
