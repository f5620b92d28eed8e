// Styles of <tm-match-card>: one column on a phone, photo | details | score from 36rem, logical properties.
import { css } from 'lit';

export const matchCardStyles = css`
  /* The card's own tokens, resolved once like the global ones (see src/styles/tokens.ts); each
     defaults to a global token. */
  :host {
    --_tm-card-background: var(--tm-card-background, var(--_tm-color-surface));
    --_tm-card-radius: var(--tm-card-radius, var(--_tm-radius));
    --_tm-card-padding: var(--tm-card-padding, var(--_tm-space));
    display: block;
    container-type: inline-size;
  }
  .card {
    display: grid;
    gap: calc(var(--_tm-space) * 0.75);
    padding: var(--_tm-card-padding);
    background: var(--_tm-card-background);
    border: 1px solid var(--_tm-color-border);
    border-radius: var(--_tm-card-radius);
    box-shadow: var(--_tm-shadow);
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
    gap: calc(var(--_tm-space) * 0.75);
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
    background: var(--_tm-color-primary);
    color: var(--_tm-color-on-primary);
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
    color: var(--_tm-color-muted);
  }
  .verified {
    font-size: 0.875em;
  }
  .contacted {
    font-weight: 600;
    color: var(--_tm-color-primary);
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
    background: var(--_tm-color-accent);
    color: var(--_tm-color-on-primary);
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
  .full {
    margin: 0;
    color: var(--_tm-color-danger);
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
    color: var(--_tm-color-primary);
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
    color: var(--_tm-color-accent);
  }
  .not-met .icon {
    color: var(--_tm-color-danger);
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
  /* Links in the theme's colour (a browser's own blue can be unreadable on a site's or the dark surface). */
  a {
    color: var(--_tm-color-primary);
  }
  .contact a {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding-inline: 1em;
    border: 1px solid var(--_tm-color-primary);
    border-radius: var(--_tm-radius);
    color: var(--_tm-color-primary);
    font-weight: 600;
    text-decoration: none;
  }
  .contact a:hover {
    text-decoration: underline;
  }
  .contact a.book {
    background: var(--_tm-color-primary);
    color: var(--_tm-color-on-primary);
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
