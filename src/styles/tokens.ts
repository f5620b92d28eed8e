// Design tokens and shared styles: the global custom properties a site sets to theme the widget,
// the light/dark themes, and the shielding that keeps a host page's inherited styles out.
import { css, unsafeCSS } from 'lit';

/**
 * Global design tokens. Set them on `therapist-match` (or any ancestor) to theme every element;
 * component tokens default to these. The custom-elements manifest lists these on
 * `<therapist-match>` (see `custom-elements-manifest.config.mjs`), and a test checks that every
 * token used in `src/` is documented here or on its element, and every documented one is used.
 *
 * The shared base of every element. Notes on its rules, in order:
 * - `:host` resolves each token once, on the element's own host, into a private `--_tm-*`
 *   property that carries the default below (a host page loads no theme file); every other rule
 *   reads only the private properties, `color: var(--_tm-color-primary)`. Nested elements resolve
 *   the public tokens again on their own hosts, so they work standalone, and tokens a page (or a
 *   theme, which sets the public ones) puts on the root reach them by inheritance. A test checks
 *   each token is resolved once and no other rule reads a public one.
 * - A host page can force inherited properties onto the host element (`* { color: red
 *   !important }`, `body { letter-spacing: .1em }`); the shadow tree's top-level elements take
 *   their text styles from the tokens instead. In a layer, so any rule of an element wins.
 * - `box-sizing` is not `inherit`: a page's `* { box-sizing: content-box !important }` reaches
 *   the host.
 * - Windows High Contrast and other forced palettes drop backgrounds and box shadows: every
 *   control gets a system-coloured edge, and the chosen option the system highlight.
 *
 * @cssprop [--tm-color-surface=#ffffff] - Background of the widget and its cards.
 * @cssprop [--tm-color-text=#1f2933] - Body text.
 * @cssprop [--tm-color-muted=#52606d] - Secondary text: hints, counts, meta lines.
 * @cssprop [--tm-color-primary=#0f6b5c] - Primary buttons, selected options, links.
 * @cssprop [--tm-color-on-primary=#ffffff] - Text and icons on the primary colour.
 * @cssprop [--tm-color-accent=#7c5cbf] - Highlights: match scores, badges, notes.
 * @cssprop [--tm-color-danger=#b42318] - Errors and the urgent-help safety note.
 * @cssprop [--tm-color-border=#7b8794] - Borders of inputs, cards and dividers (3:1 against the surface).
 * @cssprop [--tm-color-focus=#1d4ed8] - The keyboard focus ring.
 * @cssprop [--tm-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Every text in the widget.
 * @cssprop [--tm-font-size=medium] - Base text size; `medium` is the reader's browser setting, whatever the page's root size. Headings scale from it in `em`.
 * @cssprop [--tm-radius=8px] - Corner radius of buttons, inputs and cards.
 * @cssprop [--tm-space=1em] - Spacing unit; gaps and padding are multiples of it.
 * @cssprop [--tm-shadow=0 1px 3px rgb(0 0 0 / 0.12), 0 1px 2px rgb(0 0 0 / 0.08)] - Elevation of cards and popovers.
 */
export const baseStyles = css`
  :host {
    --_tm-color-surface: var(--tm-color-surface, #ffffff);
    --_tm-color-text: var(--tm-color-text, #1f2933);
    --_tm-color-muted: var(--tm-color-muted, #52606d);
    --_tm-color-primary: var(--tm-color-primary, #0f6b5c);
    --_tm-color-on-primary: var(--tm-color-on-primary, #ffffff);
    --_tm-color-accent: var(--tm-color-accent, #7c5cbf);
    --_tm-color-danger: var(--tm-color-danger, #b42318);
    --_tm-color-border: var(--tm-color-border, #7b8794);
    --_tm-color-focus: var(--tm-color-focus, #1d4ed8);
    --_tm-font-family: var(--tm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_tm-font-size: var(--tm-font-size, medium);
    --_tm-radius: var(--tm-radius, 8px);
    --_tm-space: var(--tm-space, 1em);
    --_tm-shadow: var(--tm-shadow, 0 1px 3px rgb(0 0 0 / 0.12), 0 1px 2px rgb(0 0 0 / 0.08));
    box-sizing: border-box;
    font-family: var(--_tm-font-family);
    font-size: var(--_tm-font-size);
    line-height: 1.5;
    color: var(--_tm-color-text);
  }
  @layer tm-shield {
    :host > * {
      color: var(--_tm-color-text);
      font-family: var(--_tm-font-family);
      font-size: var(--_tm-font-size);
      font-style: normal;
      font-weight: 400;
      font-variant: normal;
      line-height: 1.5;
      letter-spacing: normal;
      word-spacing: normal;
      text-align: start;
      text-indent: 0;
      text-transform: none;
      text-shadow: none;
      white-space: normal;
      visibility: visible;
      cursor: auto;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_tm-color-focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
  @media (forced-colors: active) {
    button,
    input,
    select,
    textarea,
    [role='button'],
    [role='radio'],
    [role='checkbox'],
    [role='option'],
    [role='tab'] {
      border: 1px solid ButtonText;
    }
    button:disabled,
    [aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }
    [aria-checked='true'],
    [aria-pressed='true'],
    [aria-selected='true'],
    [aria-current]:not([aria-current='false']) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** The dark theme's values of the public tokens, set on the host by `theme="dark"` and `"auto"`. */
const darkTokens = unsafeCSS(
  [
    'color-scheme: dark',
    '--tm-color-surface: #111827',
    '--tm-color-text: #e5e7eb',
    '--tm-color-muted: #a3adba',
    '--tm-color-primary: #5fd4bd',
    '--tm-color-on-primary: #06281f',
    '--tm-color-accent: #c4b5fd',
    '--tm-color-danger: #f7a29a',
    '--tm-color-border: #7b8794',
    '--tm-color-focus: #93c5fd',
    '--tm-shadow: 0 1px 3px rgb(0 0 0 / 0.6), 0 1px 2px rgb(0 0 0 / 0.4)',
  ].join(';'),
);

/**
 * The root element's theme: `theme="light"` (the default), `"dark"`, or `"auto"` (follows the
 * reader's `prefers-color-scheme`). Themes set the public global tokens on the host (which its
 * `:host` then resolves into the private ones, like a page's), so tokens a site sets on
 * `therapist-match` itself still win (style `therapist-match[theme='dark']` for a dark brand).
 * Only the root includes this; nested elements inherit the public tokens and resolve them.
 */
export const themeStyles = css`
  :host {
    color-scheme: light;
    background-color: var(--_tm-color-surface);
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
`;

/**
 * The widget's buttons, shared by every element so the quiz, the root and the results look and size
 * alike: outlined by default, filled with `.primary`, at least 44 px tall (target size).
 */
export const buttonStyles = css`
  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding-block: 0.5em;
    padding-inline: 1em;
    border-radius: var(--_tm-radius);
    border: 2px solid var(--_tm-color-primary);
    background: var(--_tm-color-surface);
    color: var(--_tm-color-primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--_tm-color-primary);
    color: var(--_tm-color-on-primary);
  }
`;
