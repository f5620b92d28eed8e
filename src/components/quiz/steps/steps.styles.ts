// Styles of the quiz steps after the first: their notes, groups with an importance choice, text
// fields and menus, rows of fields, the location error. Adopted by <tm-quiz> once these steps have loaded.
import { css } from 'lit';

export const stepStyles = css`
  [part~='note'] {
    padding: calc(var(--_tm-space) * 0.75);
    border-inline-start: 4px solid var(--_tm-color-accent);
    border-radius: calc(var(--_tm-radius) * 0.5);
    background: color-mix(in srgb, var(--_tm-color-accent) 8%, var(--_tm-color-surface));
  }
  [part~='help'] {
    border-inline-start-color: var(--_tm-color-danger);
  }
  details.more > summary {
    cursor: pointer;
    min-block-size: 2.75rem;
    display: flex;
    align-items: center;
    color: var(--_tm-color-primary);
    font-weight: 600;
  }
  /* Next stays within reach on a long step: the buttons stick to the bottom of the screen. */
  [part~='nav'] {
    position: sticky;
    inset-block-end: 0;
    z-index: 1;
    padding-block-end: calc(var(--_tm-space) * 0.5);
    background: var(--_tm-color-surface);
  }
  /* A control that receives focus is scrolled clear of those buttons (focus not obscured). */
  input,
  select,
  summary {
    scroll-margin-block-end: 6rem;
  }
  .intro {
    color: var(--_tm-color-muted);
  }
  /* Each partner's questions, when there are several: a heading and its Remove button. */
  section.partner {
    border-block-start: 2px solid var(--_tm-color-border);
    margin-block-start: var(--_tm-space);
  }
  .partner-heading {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_tm-space) * 0.5);
    align-items: center;
    justify-content: space-between;
  }
  .partner-heading > h3 {
    margin: 0;
    font-size: 1.1rem;
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
  @container (min-width: 36rem) {
    .options.wide {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .options.inline {
      grid-template-columns: repeat(3, max-content);
    }
  }
  .field {
    display: grid;
    /* A menu with a long choice wraps inside the step instead of widening it past a phone's screen. */
    grid-template-columns: minmax(0, 1fr);
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
  .error {
    color: var(--_tm-color-danger);
    font-weight: 600;
  }
`;
