// Styles of <tm-results>: summary, relaxation buttons, the ranked list and its skeleton.
import { css } from 'lit';

export const resultsStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .results,
  .summary,
  .empty,
  .error {
    display: grid;
    gap: calc(var(--_tm-space) * 0.75);
  }
  .results {
    gap: var(--_tm-space);
  }
  h2,
  h3,
  p,
  ul {
    margin: 0;
  }
  h2 {
    font-size: 1.3em;
    line-height: 1.3;
  }
  h3 {
    font-size: 1em;
  }
  .count {
    font-size: 1.1em;
    font-weight: 600;
  }
  .muted,
  .notes {
    color: var(--_tm-color-muted);
  }
  .notes {
    padding-inline-start: 1.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button {
    text-align: start;
  }
  button:hover {
    text-decoration: underline;
  }
  .tally {
    font-weight: 600;
  }
  .follow-up ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .physician {
    border-inline-start: 3px solid var(--_tm-color-primary);
    padding-inline-start: 0.75em;
  }
  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em 1.5em;
  }
  .tools label {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: 2.75rem;
  }
  .tools select {
    font: inherit;
    min-block-size: 2.75rem;
  }
  .tools input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    float: inline-start;
    padding: 0;
    margin-inline-end: 0.5em;
    align-self: center;
    font-weight: 600;
  }
  li[tabindex='-1']:focus {
    outline: 2px solid var(--_tm-color-primary);
    outline-offset: 2px;
  }
  .empty,
  .error {
    padding: var(--_tm-space);
    border: 1px solid var(--_tm-color-border);
    border-radius: var(--_tm-radius);
  }
  .error {
    border-color: var(--_tm-color-danger);
    border-inline-start-width: 0.35em;
  }
  .error strong {
    color: var(--_tm-color-danger);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_tm-space);
  }
  @container (min-width: 72rem) {
    ol {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .skeleton {
    display: grid;
    grid-template-columns: 4rem 1fr;
    gap: 0.75em;
    padding: var(--_tm-space);
    border: 1px solid var(--_tm-color-border);
    border-radius: var(--_tm-radius);
  }
  .skeleton span {
    display: block;
    block-size: 1em;
    border-radius: 4px;
    background: var(--_tm-color-border);
    opacity: 0.25;
    animation: tm-pulse 1.2s ease-in-out infinite alternate;
  }
  .skeleton .photo {
    grid-row: span 3;
    block-size: 4rem;
    border-radius: 50%;
  }
  .skeleton span:last-child {
    inline-size: 60%;
  }
  @keyframes tm-pulse {
    to {
      opacity: 0.1;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }
`;
