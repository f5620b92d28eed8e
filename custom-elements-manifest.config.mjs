// Generates custom-elements.json from the elements' JSDoc (@summary @slot @csspart @cssprop @fires).
// `npm run build:cem` then writes the README's API section from it (scripts/readme-api.mjs).
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
      const source = readFileSync('src/events.ts', 'utf8');
      const details = new Map();
      for (const [, description, name, detail] of source.matchAll(
        /(?:\/\*\*\s*(.*?)\s*\*\/\s*)?'(tm-[a-z-]+)': (\{[^\n]*\});/g,
      ))
        details.set(name, { description, detail });
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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false, // package.json already names custom-elements.json
  plugins: [globalTokens(), eventDetails()],
};
