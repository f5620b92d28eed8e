// Styles of <therapist-match>: the wrapper, the explainer, the footer with the safety note and the
// privacy line.
import { css } from 'lit';
import { baseStyles, buttonStyles, themeStyles } from '../../styles/tokens.js';

export const rootStyles = [
  baseStyles,
  themeStyles,
  buttonStyles,
  css`
    /* Background and text colour come from themeStyles and baseStyles. */
    :host {
      display: block;
      container-type: inline-size;
    }
    [part~='base'] {
      display: grid;
      gap: calc(var(--_tm-space) * 1.25);
      padding: var(--_tm-space);
    }
    @container (min-width: 40rem) {
      [part~='base'] {
        padding: calc(var(--_tm-space) * 1.5);
      }
    }
    details {
      color: var(--_tm-color-muted);
    }
    summary {
      cursor: pointer;
      min-block-size: 1.5rem;
      color: var(--_tm-color-primary);
      text-decoration: underline;
      inline-size: fit-content;
    }
    details p {
      margin-block: 0.5rem 0;
    }
    p {
      margin: 0;
    }
    h2 {
      margin: 0;
      font-size: 1.3em;
    }
    /* Focus moves to the results heading so a screen reader starts there; it is not a control,
     so it shows no ring (controls keep their :focus-visible ring). */
    h2[tabindex='-1']:focus {
      outline: none;
    }
    footer {
      display: grid;
      gap: calc(var(--_tm-space) * 0.75);
      padding-block-start: var(--_tm-space);
      border-block-start: 1px solid var(--_tm-color-border);
    }
    /* The urgent-help note reads at full size and contrast; the privacy line is quieter. */
    .privacy {
      color: var(--_tm-color-muted);
      font-size: 0.875em;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
    }
  `,
];
