// <therapist-match>: the root element. Loads a therapist directory, ranks it, shows the matches.
import { LitElement, html, css, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { rankTherapists } from '../../engine/rank.js';
import type { MatchAnswers } from '../../engine/answers.js';
import { DirectoryController } from '../../sources/controller.js';
import { jsonSource } from '../../sources/json.js';
import type { TherapistSource } from '../../sources/types.js';

/**
 * Finds the right sex therapist: a short private quiz and ranked, explained matches.
 *
 * @summary Therapist matching quiz and results.
 * @tag therapist-match
 */
export class TherapistMatch extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--tm-font-family, system-ui, sans-serif);
      color: var(--tm-color-text, #1f2933);
    }
  `;

  /** URL of a JSON file of therapist records. */
  @property() src = '';

  /** A data source object; takes precedence over `src`. */
  @property({ attribute: false }) source?: TherapistSource;

  private readonly directory = new DirectoryController(this);
  private answers: MatchAnswers = { seeking: 'individual' };

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('src') || changed.has('source')) {
      const source = this.source ?? (this.src ? jsonSource(this.src) : undefined);
      if (source) void this.directory.load(source, {});
    }
  }

  override render() {
    const state = this.directory.state;
    const result = state.status === 'ready' ? rankTherapists(state.therapists, this.answers) : undefined;
    return html`
      <div role="status">${result ? `${result.matched} therapists found` : ''}</div>
      ${state.status === 'loading' ? html`<p>Loading therapists…</p>` : nothing}
      ${
        state.status === 'error' ? html`<p role="alert">Could not load therapists: ${state.error.message}</p>` : nothing
      }
      ${
        result
          ? html`<ol>
              ${result.matches.map((m) => html`<li>${m.therapist.name}</li>`)}
            </ol>`
          : nothing
      }
    `;
  }
}
