// After a contact: the therapists contacted during this visit (ids), in memory, and in
// sessionStorage only when the site chose `persist="session"`; what to do if there is no reply, and
// the next best matches to try.
import { html, nothing } from 'lit';
import type { Match } from '../../engine/types.js';
import type { TmEventDetails } from '../../events.js';
import { CONTACTED_KEY } from '../../internal/contacted-key.js';
import type { ResultsText } from './results-text.js';

/** Most ids kept: a person contacts a handful; a tampered store cannot grow the set without end. */
const MAX_CONTACTED = 100;

/** Adds the ids stored with `persist="session"` to `contacted`; anything but a list of ids is removed. */
export function restoreContacted(contacted: Set<string>): void {
  try {
    const stored = sessionStorage.getItem(CONTACTED_KEY);
    if (stored === null) return;
    const ids: unknown = JSON.parse(stored);
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error('not a list of ids');
    for (const id of ids.slice(0, MAX_CONTACTED) as string[]) contacted.add(id);
  } catch {
    try {
      sessionStorage.removeItem(CONTACTED_KEY);
    } catch {
      // storage blocked: nothing to remove
    }
  }
}

/** Keeps `contacted` in sessionStorage (only called with `persist="session"`). */
export function storeContacted(contacted: ReadonlySet<string>): void {
  try {
    sessionStorage.setItem(CONTACTED_KEY, JSON.stringify([...contacted].slice(0, MAX_CONTACTED)));
  } catch {
    // storage full or blocked: the visit's memory still has them
  }
}

/** The next best matches to try, in the order shown: not contacted yet and not closed to new clients. */
export function nextBest(matches: readonly Match[], contacted: ReadonlySet<string>, count = 3): Match[] {
  return matches
    .filter((m) => !contacted.has(m.therapist.id) && m.therapist.acceptingNewClients !== false)
    .slice(0, count);
}

/**
 * After a contact: the site's words (from the last contact's event) or "If you don't hear back in
 * 2 business days…", and the next best matches.
 */
export function renderFollowUp(
  arranged: readonly Match[],
  contacted: ReadonlySet<string>,
  contact: TmEventDetails['tm-contact'] | undefined,
  t: ResultsText,
  showCard: (index: number) => void,
) {
  // Offered while a match shown was contacted this visit (also after Undo, or a reload with persist).
  if (!contact && !arranged.some((m) => contacted.has(m.therapist.id))) return nothing;
  const next = nextBest(arranged, contacted);
  const own = typeof contact?.followUp === 'string' && contact.followUp.trim() ? contact.followUp : '';
  return html`<section part="follow-up" class="follow-up" aria-labelledby="follow-up-heading">
    <h3 id="follow-up-heading">${own || t.t(next.length ? 'results.followUp' : 'results.followUpNone')}</h3>
    ${
      next.length
        ? html`<ul class="actions">
            ${next.map(
              (match) =>
                html`<li>
                  <button type="button" part="button" @click=${() => showCard(arranged.indexOf(match))}>
                    ${match.therapist.name}
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </section>`;
}
