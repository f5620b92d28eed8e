// Styles of <tm-directory-check>: drop area, counts, a problem table that scrolls sideways on a
// phone rather than squeezing its words, and the preview cards. Logical properties throughout.
import { css } from 'lit';

export const directoryCheckStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .checker,
  section,
  .error {
    display: grid;
    gap: calc(var(--_tm-space) * 0.75);
  }
  .checker {
    gap: calc(var(--_tm-space) * 1.5);
  }
  h2,
  p,
  ul,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: 1.3em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .hint {
    color: var(--_tm-color-muted);
  }
  .privacy {
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border-inline-start: 0.35em solid var(--_tm-color-primary);
  }
  .drop {
    display: grid;
    gap: 0.5em;
    padding: var(--_tm-space);
    border: 2px dashed var(--_tm-color-border);
    border-radius: var(--_tm-radius);
  }
  .drop.dragging {
    border-style: solid;
    border-color: var(--_tm-color-primary);
    outline: 2px solid var(--_tm-color-primary);
  }
  label {
    font-weight: 600;
  }
  /* The native picker keeps its button; its "No file chosen" text may be cut on a narrow phone. */
  input[type='file'] {
    font: inherit;
    min-inline-size: 0;
    max-inline-size: 100%;
    overflow: hidden;
  }
  input[type='file']::file-selector-button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.75rem;
    margin-inline-end: 0.75em;
    padding-block: 0.5em;
    padding-inline: 1em;
    border-radius: var(--_tm-radius);
    border: 2px solid var(--_tm-color-primary);
    background: var(--_tm-color-primary);
    color: var(--_tm-color-on-primary);
    cursor: pointer;
  }
  .status:empty {
    display: none;
  }
  .status {
    font-size: 1.1em;
    font-weight: 600;
  }
  .error {
    padding: var(--_tm-space);
    border: 1px solid var(--_tm-color-danger);
    border-inline-start-width: 0.35em;
    border-radius: var(--_tm-radius);
  }
  .error strong {
    color: var(--_tm-color-danger);
  }
  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 0.5em;
  }
  .counts div {
    display: flex;
    flex-direction: column-reverse;
    justify-content: flex-end;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_tm-color-border);
    border-radius: var(--_tm-radius);
  }
  .counts dd {
    font-size: 1.6em;
    font-weight: 700;
    line-height: 1.2;
  }
  .counts .dropped {
    border-inline-start: 0.35em solid var(--_tm-color-danger);
  }
  .counts .kept {
    border-inline-start: 0.35em solid var(--_tm-color-primary);
  }
  button:hover {
    text-decoration: underline;
  }
  code {
    overflow-wrap: anywhere;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  .controls label {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  select {
    font: inherit;
    min-block-size: 2.75rem;
    padding-inline: 0.5em;
    border: 1px solid var(--_tm-color-border);
    border-radius: var(--_tm-radius);
    background: var(--_tm-color-surface);
    color: inherit;
  }
  .table-wrap {
    max-inline-size: 100%;
    overflow-x: auto;
    border: 1px solid var(--_tm-color-border);
    border-radius: var(--_tm-radius);
  }
  table {
    inline-size: 100%;
    min-inline-size: 44rem;
    border-collapse: collapse;
  }
  caption {
    padding: 0.5em 0.75em;
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    padding: 0.4em 0.75em;
    text-align: start;
    vertical-align: top;
    border-block-start: 1px solid var(--_tm-color-border);
  }
  th {
    white-space: nowrap;
  }
  .severity,
  .where,
  .id {
    white-space: nowrap;
  }
  .field {
    overflow-wrap: break-word;
  }
  .message,
  .fix {
    min-inline-size: 14em;
  }
  tr.row-error .severity {
    color: var(--_tm-color-danger);
    font-weight: 700;
  }
  /* A narrow screen stacks each problem's cells under its severity and place, each named. */
  @container (max-width: 40rem) {
    table,
    caption,
    tbody,
    tr,
    td {
      display: block;
    }
    table {
      min-inline-size: 0;
    }
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tr {
      padding-block: 0.5em;
      padding-inline: 0.75em;
      border-block-start: 1px solid var(--_tm-color-border);
    }
    td {
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    td.severity,
    td.where {
      display: inline-block;
      margin-inline-end: 0.75em;
      font-weight: 600;
    }
    td[data-label]:empty {
      display: none;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .cards {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_tm-space);
  }
`;
