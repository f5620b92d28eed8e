// Design tokens: the global custom properties a site sets to theme the widget. Every `var()` in
// the components has a literal fallback because a host page loads no theme file.
import { css } from 'lit';

/**
 * Shared base styles every element includes: box sizing, focus ring, reduced motion, and the
 * literal defaults of the global tokens (documented in the README's Theming section).
 */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--tm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--tm-font-size, 1rem);
    line-height: 1.5;
    color: var(--tm-color-text, #1f2933);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--tm-color-focus, #1d4ed8);
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
`;
