// Generates custom-elements.json from the elements' JSDoc (@summary @slot @csspart @cssprop @fires).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
