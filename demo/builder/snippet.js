// @ts-check
// The embed builder's output: a clinic's choices in, the exact HTML and CSS they paste out. No DOM:
// the page (page.js) builds its live preview from these same functions, so what is shown is what
// is copied.
import { contrast, normaliseHex, readableMix, textOn } from './colours.js';

/** The package version the public-CDN address points at (a test pins it to package.json). */
export const VERSION = '0.1.0';

/** The drop-in file on a public npm CDN; its chunks/ folder is served beside it. */
export const PUBLIC_CDN = `https://cdn.jsdelivr.net/npm/therapist-match@${VERSION}/dist/cdn/therapist-match.js`;

/** The quiz steps in the widget's default order (the `steps` attribute). */
export const STEPS = /** @type {const} */ (['who', 'concerns', 'comfort', 'partner', 'practical']);

/** @typedef {(typeof STEPS)[number]} Step */
/** @typedef {'light' | 'dark' | 'auto'} Theme */
/**
 * @typedef {object} Tokens the colours of a theme, as `--tm-color-*` (src/styles/tokens.ts)
 * @property {string} surface
 * @property {string} text
 * @property {string} muted
 * @property {string} primary
 * @property {string} onPrimary
 * @property {string} accent
 * @property {string} danger
 * @property {string} border
 * @property {string} focus
 */

/** The built-in light and dark colours (a test reads them back from the widget). */
export const THEME_TOKENS = {
  /** @type {Tokens} */
  light: {
    surface: '#ffffff',
    text: '#1f2933',
    muted: '#52606d',
    primary: '#0f6b5c',
    onPrimary: '#ffffff',
    accent: '#7c5cbf',
    danger: '#b42318',
    border: '#7b8794',
    focus: '#1d4ed8',
  },
  /** @type {Tokens} */
  dark: {
    surface: '#111827',
    text: '#e5e7eb',
    muted: '#a3adba',
    primary: '#5fd4bd',
    onPrimary: '#06281f',
    accent: '#c4b5fd',
    danger: '#f7a29a',
    border: '#7b8794',
    focus: '#93c5fd',
  },
};

/** Custom property of each colour. */
const PROPERTY = {
  surface: '--tm-color-surface',
  text: '--tm-color-text',
  muted: '--tm-color-muted',
  primary: '--tm-color-primary',
  onPrimary: '--tm-color-on-primary',
  border: '--tm-color-border',
};

export const DEFAULT_RADIUS = 8;

/**
 * @typedef {object} BuilderConfig
 * @property {string} scriptUrl Where the page loads the drop-in file from.
 * @property {string} src The directory file.
 * @property {'' | 'en' | 'es'} lang `''` follows the page's `lang`.
 * @property {{ step: Step, shown: boolean }[]} steps Every step, in the chosen order.
 * @property {{ format: '' | 'telehealth' | 'in-person', couples: boolean, acceptingNewClients: boolean }} preset
 * @property {{ mode: 'default' | 'own' | 'hidden', text: string, linkUrl: string, linkText: string }} safety
 * @property {boolean} persist
 * @property {Theme} theme
 * @property {{ primary: string, text: string, surface: string }} colours `#rrggbb`
 * @property {number} radius Corner radius in px.
 * @property {string} font A CSS `font-family`; `''` keeps the widget's.
 */

/** @returns {BuilderConfig} what the widget does with no options at all */
export function defaultConfig() {
  const light = THEME_TOKENS.light;
  return {
    scriptUrl: PUBLIC_CDN,
    src: './data/therapists.json',
    lang: '',
    steps: STEPS.map((step) => ({ step, shown: true })),
    preset: { format: '', couples: false, acceptingNewClients: false },
    safety: { mode: 'default', text: '', linkUrl: '', linkText: '' },
    persist: false,
    theme: 'light',
    colours: { primary: light.primary, text: light.text, surface: light.surface },
    radius: DEFAULT_RADIUS,
    font: '',
  };
}

/** @param {BuilderConfig} config */
export function shownSteps(config) {
  return config.steps.filter((s) => s.shown).map((s) => s.step);
}

/**
 * Answers fixed in advance, as the widget's `preset` property (`Partial<MatchAnswers>`).
 * @param {BuilderConfig} config
 * @returns {Record<string, unknown>}
 */
export function presetOf(config) {
  /** @type {Record<string, unknown>} */
  const preset = {};
  const { format, couples, acceptingNewClients } = config.preset;
  if (couples) preset.seeking = 'couple';
  if (format) preset.formats = { value: [format], importance: 'required' };
  if (acceptingNewClients) preset.acceptingNewClients = { value: true, importance: 'required' };
  return preset;
}

/**
 * A link a visitor may follow: web, phone or mail, absolute or relative to the page; never script.
 * @param {string} value
 */
export function safeLink(value) {
  const text = String(value).trim();
  if (!text) return undefined;
  try {
    const url = new URL(text, 'https://clinic.example/');
    return ['https:', 'http:', 'tel:', 'mailto:'].includes(url.protocol) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A `font-family` list of names only (nothing that could end the declaration). @param {string} value */
export function safeFont(value) {
  const text = String(value).trim();
  return /^[\p{L}\p{N} ,'"._-]+$/u.test(text) ? text : undefined;
}

/**
 * The safety note as slot content, when the clinic's own note has a link (an attribute holds
 * text only).
 * @param {BuilderConfig} config
 * @returns {{ text: string, href: string, linkText: string } | undefined}
 */
export function safetySlotOf(config) {
  const { mode, text, linkUrl, linkText } = config.safety;
  const href = safeLink(linkUrl);
  if (mode !== 'own' || !href) return undefined;
  return { text: text.trim(), href, linkText: linkText.trim() || href };
}

/**
 * The tag's attributes, in the order they are written. Options left at the widget's default are
 * left out, so the snippet says only what the clinic chose.
 * @param {BuilderConfig} config
 * @returns {[string, string][]}
 */
export function attributesOf(config) {
  /** @type {[string, string][]} */
  const attributes = [['src', config.src.trim()]];
  if (config.lang) attributes.push(['lang', config.lang]);
  const steps = shownSteps(config);
  if (steps.join() !== STEPS.join()) attributes.push(['steps', steps.join(', ')]);
  if (config.theme !== 'light') attributes.push(['theme', config.theme]);
  if (config.persist) attributes.push(['persist', 'session']);
  const { mode, text } = config.safety;
  if (mode === 'hidden') attributes.push(['safety-note', '']);
  else if (mode === 'own' && text.trim() && !safetySlotOf(config)) attributes.push(['safety-note', text.trim()]);
  return attributes;
}

const escapeText = (/** @type {string} */ value) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (/** @type {string} */ value) => escapeText(value).replace(/"/g, '&quot;');

/**
 * A JavaScript literal of a preset value, on one line, in the README's style.
 * @param {unknown} value
 * @returns {string}
 */
function literal(value) {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([key, v]) => `${key}: ${literal(v)}`)
      .join(', ')} }`;
  return String(value);
}

/** @param {BuilderConfig} config the `<therapist-match>` tag on one line */
export function tagOf(config) {
  const attributes = attributesOf(config)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
  const slot = safetySlotOf(config);
  const content = slot
    ? `<p slot="safety">${slot.text ? `${escapeText(slot.text)} ` : ''}<a href="${escapeAttribute(slot.href)}">${escapeText(slot.linkText)}</a></p>`
    : '';
  return `<therapist-match ${attributes}>${content}</therapist-match>`;
}

/**
 * The HTML to paste: the script and the tag, then (only with a preset) a small module script that
 * sets the `preset` property, which has no attribute.
 * @param {BuilderConfig} config
 */
export function snippetOf(config) {
  const lines = [`<script type="module" src="${escapeAttribute(config.scriptUrl.trim())}"></script>`, tagOf(config)];
  const preset = Object.entries(presetOf(config));
  if (preset.length)
    lines.push(
      '<script type="module">',
      "  document.querySelector('therapist-match').preset = {",
      ...preset.map(([key, value]) => `    ${key}: ${literal(value)},`),
      '  };',
      '</script>',
    );
  return lines.join('\n');
}

/** @param {Theme} theme the built-in colours custom ones are measured against (auto: light, see cssOf) */
export const baseTokens = (theme) => THEME_TOKENS[theme === 'dark' ? 'dark' : 'light'];

/**
 * The colours the widget paints with: the theme's, the clinic's, and those worked out from them
 * (text on the primary colour, secondary text and borders) so everything stays readable.
 * @param {BuilderConfig} config
 * @returns {{ tokens: Tokens, changed: (keyof typeof PROPERTY)[] }}
 */
export function tokensOf(config) {
  const base = baseTokens(config.theme);
  const tokens = { ...base };
  /** @type {(keyof typeof PROPERTY)[]} */
  const changed = [];
  for (const name of /** @type {const} */ (['primary', 'text', 'surface'])) {
    const colour = normaliseHex(config.colours[name]);
    if (colour && colour !== base[name]) {
      tokens[name] = colour;
      changed.push(name);
    }
  }
  if (changed.includes('primary')) {
    tokens.onPrimary = textOn(tokens.primary);
    changed.push('onPrimary');
  }
  if (changed.includes('text') || changed.includes('surface')) {
    tokens.muted = readableMix(tokens.text, tokens.surface, 0.7, 4.5);
    tokens.border = readableMix(tokens.text, tokens.surface, 0.45, 3);
    changed.push('muted', 'border');
  }
  return { tokens, changed };
}

/**
 * The CSS for the chosen colours, corner radius and font, or `''` when there is nothing to set.
 * With `theme="auto"` the colours are for light mode only: readers who prefer dark keep the
 * built-in dark colours, which a light brand palette would otherwise make unreadable.
 * @param {BuilderConfig} config
 */
export function cssOf(config) {
  const { tokens, changed } = tokensOf(config);
  const colours = changed.map((name) => `${PROPERTY[name]}: ${tokens[name]};`);
  const shape = [];
  if (config.radius !== DEFAULT_RADIUS) shape.push(`--tm-radius: ${config.radius}px;`);
  const font = safeFont(config.font);
  if (font) shape.push(`--tm-font-family: ${font};`);
  const rule = (/** @type {string[]} */ declarations, indent = '') =>
    [`${indent}therapist-match {`, ...declarations.map((d) => `${indent}  ${d}`), `${indent}}`].join('\n');
  if (config.theme !== 'auto' || !colours.length)
    return colours.length || shape.length ? rule([...colours, ...shape]) + '\n' : '';
  const parts = shape.length ? [rule(shape)] : [];
  parts.push(`@media (prefers-color-scheme: light) {\n${rule(colours, '  ')}\n}`);
  return parts.join('\n') + '\n';
}

/**
 * @typedef {object} ContrastCheck
 * @property {string} label What is read against what.
 * @property {number} ratio
 * @property {number} needed WCAG 2.2 AA: 4.5 for text, 3 for borders and the focus ring.
 */

/**
 * Every colour pair the widget shows, measured, so a clinic sees when its palette is hard to read.
 * @param {BuilderConfig} config
 * @returns {ContrastCheck[]}
 */
export function contrastChecks(config) {
  const t = tokensOf(config).tokens;
  /** @type {[string, string, string, number][]} */
  const pairs = [
    ['Text on the background', t.text, t.surface, 4.5],
    ['Buttons and links on the background', t.primary, t.surface, 4.5],
    ['Button text on the primary colour', t.onPrimary, t.primary, 4.5],
    ['Hints on the background', t.muted, t.surface, 4.5],
    ['Match scores on the background', t.accent, t.surface, 4.5],
    ['Safety note and errors on the background', t.danger, t.surface, 4.5],
    ['Borders on the background', t.border, t.surface, 3],
    ['Keyboard focus ring on the background', t.focus, t.surface, 3],
  ];
  return pairs.map(([label, fg, bg, needed]) => ({ label, ratio: contrast(fg, bg), needed }));
}
