// Styles of <tm-match-card>: one column on a phone, photo | details | score from 36rem, logical properties.
import { css } from 'lit';

export const matchCardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .card {
    display: grid;
    gap: calc(var(--tm-space, 1em) * 0.75);
    padding: var(--tm-card-padding, var(--tm-space, 1em));
    background: var(--tm-card-background, var(--tm-color-surface, #ffffff));
    border: 1px solid var(--tm-color-border, #7b8794);
    border-radius: var(--tm-card-radius, var(--tm-radius, 8px));
    box-shadow: var(--tm-shadow, 0 1px 3px rgb(0 0 0 / 0.12), 0 1px 2px rgb(0 0 0 / 0.08));
  }
  p,
  ul,
  dl,
  dd,
  h3 {
    margin: 0;
  }
  .head {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--tm-space, 1em) * 0.75);
    align-items: start;
  }
  .photo {
    inline-size: 4rem;
    block-size: 4rem;
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: grid;
    place-items: center;
    background: var(--tm-color-primary, #0f6b5c);
    color: var(--tm-color-on-primary, #ffffff);
    font-size: 1.25em;
    font-weight: 600;
  }
  h3 {
    font-size: 1.15em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .muted,
  .verified {
    color: var(--tm-color-muted, #52606d);
  }
  .verified {
    font-size: 0.875em;
  }
  .credentials ul {
    list-style: none;
    padding: 0;
  }
  .badge {
    display: inline-block;
    margin-inline-end: 0.4em;
    padding-inline: 0.5em;
    border-radius: 999px;
    background: var(--tm-color-accent, #7c5cbf);
    color: var(--tm-color-on-primary, #ffffff);
    font-size: 0.8em;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .score {
    grid-column: 1 / -1;
    display: grid;
    gap: 0.25em;
    font-weight: 600;
  }
  meter {
    inline-size: 100%;
    block-size: 0.75rem;
  }
  dl {
    display: grid;
    gap: 0.15em 1em;
  }
  dt {
    font-weight: 600;
  }
  @container (min-width: 36rem) {
    .head {
      grid-template-columns: auto 1fr minmax(9rem, 14rem);
    }
    .score {
      grid-column: auto;
    }
    dl {
      grid-template-columns: max-content 1fr;
    }
  }
  summary {
    min-block-size: 1.75rem;
    padding-block: 0.25em;
    cursor: pointer;
    color: var(--tm-color-primary, #0f6b5c);
    font-weight: 600;
  }
  .reasons {
    list-style: none;
    padding: 0;
    margin-block-start: 0.5em;
    display: grid;
    gap: 0.35em;
  }
  .reasons li {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
  }
  .icon {
    flex: none;
    inline-size: 1.25em;
    text-align: center;
    font-weight: 700;
  }
  .met .icon,
  .partly-met .icon {
    color: var(--tm-color-accent, #7c5cbf);
  }
  .not-met .icon {
    color: var(--tm-color-danger, #b42318);
  }
  .state {
    font-weight: 600;
  }
  .about {
    display: grid;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .contact a {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding-inline: 1em;
    border: 1px solid var(--tm-color-primary, #0f6b5c);
    border-radius: var(--tm-radius, 8px);
    color: var(--tm-color-primary, #0f6b5c);
    font-weight: 600;
    text-decoration: none;
  }
  .contact a:hover {
    text-decoration: underline;
  }
  .contact a.book {
    background: var(--tm-color-primary, #0f6b5c);
    color: var(--tm-color-on-primary, #ffffff);
  }
  .vh {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
