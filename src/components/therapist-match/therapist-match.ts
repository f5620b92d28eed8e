// <therapist-match>: the root element. Loads a therapist directory, ranks it, shows the matches.
import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseTherapists, type DataProblem } from '../../engine/schema.js';
import { rankTherapists } from '../../engine/rank.js';
import type { MatchAnswers, RankResult } from '../../engine/answers.js';

type LoadState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; result: RankResult; problems: DataProblem[] };

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

  @state() private load: LoadState = { status: 'idle' };

  private controller?: AbortController;
  private answers: MatchAnswers = { seeking: 'individual' };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('src') && this.src) void this.fetchDirectory();
  }

  private async fetchDirectory(): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.load = { status: 'loading' };
    try {
      const response = await fetch(this.src, { signal: controller.signal });
      if (!response.ok) throw new Error(`${this.src} answered HTTP ${response.status}`);
      const { therapists, problems } = parseTherapists(await response.json());
      if (controller.signal.aborted) return;
      this.load = { status: 'ready', result: rankTherapists(therapists, this.answers), problems };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.load = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  override render() {
    const load = this.load;
    return html`
      <div role="status">${load.status === 'ready' ? `${load.result.matched} therapists found` : ''}</div>
      ${load.status === 'loading' ? html`<p>Loading therapists…</p>` : nothing}
      ${load.status === 'error' ? html`<p role="alert">Could not load therapists: ${load.message}</p>` : nothing}
      ${
        load.status === 'ready'
          ? html`<ol>
              ${load.result.matches.map((m) => html`<li>${m.therapist.name}</li>`)}
            </ol>`
          : nothing
      }
    `;
  }
}
