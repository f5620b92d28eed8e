// Generates custom-elements.json from the elements' JSDoc (@summary @slot @csspart @cssprop @fires).
// `npm run build:cem` then writes the generated docs from it (scripts/api-docs.mjs).
import { readFileSync } from 'node:fs';
import { jsdocTags } from './scripts/jsdoc-tags.mjs';

/** The global design tokens are documented once, in src/styles/tokens.ts; list them on the root. */
function globalTokens() {
  return {
    name: 'therapist-match-global-tokens',
    packageLinkPhase({ customElementsManifest }) {
      const tokens = jsdocTags('src/styles/tokens.ts').filter((tag) => tag.kind === 'cssprop');
      for (const module of customElementsManifest.modules)
        for (const declaration of module.declarations ?? []) {
          if (declaration.tagName !== 'therapist-match') continue;
          // The global definition (with its default) replaces the element's own mention of a token.
          const global = tokens.map(({ name, default: value, description }) => ({ name, description, default: value }));
          const own = (declaration.cssProperties ?? []).filter((p) => !tokens.some((token) => token.name === p.name));
          declaration.cssProperties = [...global, ...own];
        }
    },
  };
}

/** Event details are typed once, in src/events.ts; give each documented `@fires` event its type. */
function eventDetails() {
  return {
    name: 'therapist-match-event-details',
    packageLinkPhase({ customElementsManifest }) {
      // The widget's events, and the directory checker's own (a separate entry).
      const source = ['src/events.ts', 'src/components/directory-check/directory-check.ts']
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
      const details = new Map();
      // A detail on one line, or an object over several lines up to its closing brace.
      for (const [, description, name, detail] of source.matchAll(
        /(?:\/\*\*\s*([\s\S]*?)\s*\*\/\s*)?'(tm-[a-z-]+)': (\{[^\n]*\}|\{\n[\s\S]*?\n {2}\});/g,
      ))
        details.set(name, {
          description: description?.replace(/\s*\n\s*\*\s*/g, ' '),
          detail: detail
            .replace(/\/\*\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/; \}/, ' }'),
        });
      for (const module of customElementsManifest.modules)
        for (const declaration of module.declarations ?? [])
          for (const event of declaration.events ?? []) {
            const known = details.get(event.name);
            if (!known) continue;
            event.type = { text: `CustomEvent<${known.detail}>` };
            event.description ||= known.description;
          }
    },
  };
}

/**
 * What users import: module paths become the compiled files under dist/ (the package ships no
 * src/), and the widget's internal `tmi-*` events, not part of the API, are left out.
 */
function publishedModules() {
  const published = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
  const rewrite = (value) => {
    if (Array.isArray(value)) value.forEach(rewrite);
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof item === 'string') value[key] = published(item);
        else rewrite(item);
      }
  };
  return {
    name: 'therapist-match-published-modules',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules)
        for (const declaration of module.declarations ?? [])
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => !event.name.startsWith('tmi-'));
      rewrite(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false, // package.json already names custom-elements.json
  plugins: [globalTokens(), eventDetails(), publishedModules()],
};
