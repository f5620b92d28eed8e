// Styles of <tm-quiz>: native controls, roomy targets, logical properties, container queries.
import { css } from 'lit';

export const quizStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  form {
    display: grid;
    gap: calc(var(--_tm-space) * 1.25);
  }
  .top {
    display: grid;
    gap: calc(var(--_tm-space) * 0.5);
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
    color: var(--_tm-color-muted);
    font-size: 0.875em;
  }
  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 0.5rem;
    border: 1px solid var(--_tm-color-border);
    border-radius: 999px;
    background: var(--_tm-color-surface);
    overflow: hidden;
    color: var(--_tm-color-primary);
  }
  progress::-webkit-progress-bar {
    background: var(--_tm-color-surface);
  }
  progress::-webkit-progress-value {
    background: var(--_tm-color-primary);
  }
  progress::-moz-progress-bar {
    background: var(--_tm-color-primary);
  }
  p {
    margin: 0;
  }
  .intro {
    color: var(--_tm-color-muted);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
    display: grid;
    gap: calc(var(--_tm-space) * 0.25);
  }
  legend {
    padding: 0;
    margin-block-end: calc(var(--_tm-space) * 0.5);
    font-weight: 600;
  }
  fieldset.group {
    border-block-start: 1px solid var(--_tm-color-border);
    padding-block-start: calc(var(--_tm-space) * 0.75);
  }
  fieldset.group > legend {
    float: inline-start;
    inline-size: 100%;
  }
  fieldset.importance {
    margin-block-start: calc(var(--_tm-space) * 0.5);
    padding-inline-start: calc(var(--_tm-space) * 0.75);
    border-inline-start: 3px solid var(--_tm-color-border);
  }
  fieldset.importance > legend {
    font-weight: 400;
    font-style: italic;
    margin-block-end: 0.25rem;
  }
  .options {
    display: grid;
    gap: calc(var(--_tm-space) * 0.25) var(--_tm-space);
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
    accent-color: var(--_tm-color-primary);
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
    border: 1px solid var(--_tm-color-border);
    border-radius: calc(var(--_tm-radius) * 0.75);
    background: var(--_tm-color-surface);
  }
  input[aria-invalid='true'] {
    border-color: var(--_tm-color-danger);
    border-width: 2px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_tm-space);
    align-items: end;
  }
  .hint {
    color: var(--_tm-color-muted);
    font-size: 0.875em;
  }
  .error {
    color: var(--_tm-color-danger);
    font-weight: 600;
  }
  [part~='note'] {
    padding: calc(var(--_tm-space) * 0.75);
    border-inline-start: 4px solid var(--_tm-color-accent);
    border-radius: calc(var(--_tm-radius) * 0.5);
    background: color-mix(in srgb, var(--_tm-color-accent) 8%, var(--_tm-color-surface));
  }
  [part~='nav'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_tm-space) * 0.5);
    align-items: center;
    padding-block-start: calc(var(--_tm-space) * 0.5);
    border-block-start: 1px solid var(--_tm-color-border);
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
