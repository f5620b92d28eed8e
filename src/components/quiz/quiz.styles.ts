// Styles of <tm-quiz>: native controls, roomy targets, logical properties, container queries.
import { css } from 'lit';

export const quizStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  form {
    display: grid;
    gap: calc(var(--tm-space, 1em) * 1.25);
  }
  .top {
    display: grid;
    gap: calc(var(--tm-space, 1em) * 0.5);
  }
  h2 {
    margin: 0;
    font-size: 1.3em;
    line-height: 1.3;
  }
  /* Focus moves to the step heading so a screen reader reads the new step first; the heading is not
     a control, so it shows no ring after a click on Next (controls keep their :focus-visible ring). */
  h2[tabindex='-1']:focus {
    outline: none;
  }
  .progress-text {
    margin: 0;
    color: var(--tm-color-muted, #52606d);
    font-size: 0.875em;
  }
  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.5rem;
    border: 1px solid var(--tm-color-border, #7b8794);
    border-radius: 999px;
    background: var(--tm-color-surface, #ffffff);
    overflow: hidden;
    color: var(--tm-color-primary, #0f6b5c);
  }
  progress::-webkit-progress-bar {
    background: var(--tm-color-surface, #ffffff);
  }
  progress::-webkit-progress-value {
    background: var(--tm-color-primary, #0f6b5c);
  }
  progress::-moz-progress-bar {
    background: var(--tm-color-primary, #0f6b5c);
  }
  p {
    margin: 0;
  }
  .intro {
    color: var(--tm-color-muted, #52606d);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
    display: grid;
    gap: calc(var(--tm-space, 1em) * 0.25);
  }
  legend {
    padding: 0;
    margin-block-end: calc(var(--tm-space, 1em) * 0.5);
    font-weight: 600;
  }
  fieldset.group {
    border-block-start: 1px solid var(--tm-color-border, #7b8794);
    padding-block-start: calc(var(--tm-space, 1em) * 0.75);
  }
  fieldset.group > legend {
    float: inline-start;
    inline-size: 100%;
  }
  fieldset.importance {
    margin-block-start: calc(var(--tm-space, 1em) * 0.5);
    padding-inline-start: calc(var(--tm-space, 1em) * 0.75);
    border-inline-start: 3px solid var(--tm-color-border, #7b8794);
  }
  fieldset.importance > legend {
    font-weight: 400;
    font-style: italic;
    margin-block-end: 0.25rem;
  }
  .options {
    display: grid;
    gap: calc(var(--tm-space, 1em) * 0.25) var(--tm-space, 1em);
  }
  @container (min-width: 36rem) {
    .options.wide {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .options.inline {
      grid-template-columns: repeat(3, max-content);
    }
  }
  label.choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    min-block-size: 2.75rem;
    padding-block: 0.55rem;
    cursor: pointer;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--tm-color-primary, #0f6b5c);
  }
  .field {
    display: grid;
    gap: 0.35rem;
    justify-items: start;
  }
  .field > label {
    font-weight: 600;
  }
  input[type='text'],
  input[type='number'],
  select {
    font: inherit;
    color: inherit;
    min-block-size: 2.75rem;
    max-inline-size: 100%;
    padding-block: 0.4rem;
    padding-inline: 0.6rem;
    border: 1px solid var(--tm-color-border, #7b8794);
    border-radius: calc(var(--tm-radius, 8px) * 0.75);
    background: var(--tm-color-surface, #ffffff);
  }
  input[aria-invalid='true'] {
    border-color: var(--tm-color-danger, #b42318);
    border-width: 2px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tm-space, 1em);
    align-items: end;
  }
  .hint {
    color: var(--tm-color-muted, #52606d);
    font-size: 0.875em;
  }
  .error {
    color: var(--tm-color-danger, #b42318);
    font-weight: 600;
  }
  [part~='note'] {
    padding: calc(var(--tm-space, 1em) * 0.75);
    border-inline-start: 4px solid var(--tm-color-accent, #7c5cbf);
    border-radius: calc(var(--tm-radius, 8px) * 0.5);
    background: color-mix(in srgb, var(--tm-color-accent, #7c5cbf) 8%, var(--tm-color-surface, #ffffff));
  }
  [part~='nav'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--tm-space, 1em) * 0.5);
    align-items: center;
    padding-block-start: calc(var(--tm-space, 1em) * 0.5);
    border-block-start: 1px solid var(--tm-color-border, #7b8794);
  }
  .spacer {
    flex: 1 1 auto;
  }
  button.quiet {
    border-color: transparent;
    text-decoration: underline;
  }
  @container (max-width: 24rem) {
    [part~='nav'] button.primary {
      flex: 1 1 100%;
      order: -1;
    }
  }
  @media (forced-colors: active) {
    button,
    progress {
      border: 1px solid ButtonText;
    }
  }
`;
