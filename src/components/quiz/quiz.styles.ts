// Styles of <tm-quiz>: its frame (heading, progress, navigation) and the first step. The later
// steps' own rules (steps/steps.styles.ts) arrive with those steps.
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
  .options {
    display: grid;
    gap: calc(var(--_tm-space) * 0.25) var(--_tm-space);
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
  .hint {
    color: var(--_tm-color-muted);
    font-size: 0.875em;
  }
  /* The first step's place field (the later steps' styles add the rest of the fields and the error). */
  input[type='text'] {
    font: inherit;
    color: inherit;
    background: inherit;
    min-block-size: 2.75rem;
    padding-inline: 0.6rem;
    border: 1px solid var(--_tm-color-border);
    border-radius: calc(var(--_tm-radius) * 0.75);
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
