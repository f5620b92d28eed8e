// <tm-directory-check>: a clinic admin picks or drops a directory file (CSV or JSON) and sees, in
// this browser tab only, what the widget would keep and drop, every problem with its fix, the first
// cards as people will see them, and a download of the normalised records.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Match } from '../../engine/types.js';
import type { DataProblem } from '../../engine/records.js';
import { rankTherapists } from '../../engine/rank.js';
import type { Therapist } from '../../engine/schema.js';
import { defaultVocabulary, type Vocabulary } from '../../engine/vocabulary.js';
import {
  checkDirectoryFile,
  DirectoryFileError,
  type DirectoryFileCheck,
  type DirectoryFileFormat,
} from '../../sources/directory-file.js';
import { baseStyles, buttonStyles } from '../../styles/tokens.js';
import { directoryCheckStyles } from './directory-check.styles.js';

export interface TmDirectoryCheckEventDetails {
  /** A file the person picked or dropped was checked: counts only, never the records. */
  'tm-directory-checked': {
    format: DirectoryFileFormat;
    records: number;
    kept: number;
    dropped: number;
    warned: number;
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tm-directory-checked': CustomEvent<TmDirectoryCheckEventDetails['tm-directory-checked']>;
  }
}

/** Which problems the table shows, and in what order. */
export type ProblemFilter = 'all' | 'error' | 'warning';
export type ProblemOrder = 'severity' | 'file' | 'field';

/** The problem table's columns. */
const COLUMNS = ['Severity', 'Where', 'Id', 'Field', 'Problem', 'How to fix'];

/** Rows the problem table shows at first, and adds with each "Show more". */
const PAGE = 200;

const number = new Intl.NumberFormat('en');
/** "1 record", "1,204 records". */
const count = (n: number, one: string, many = `${one}s`) => `${number.format(n)} ${n === 1 ? one : many}`;
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('en') + text.slice(1);

/** The engine words some messages as the end of a sentence about the field ("is required"): finish it. */
function sentence(problem: DataProblem): string {
  const { message, path } = problem;
  if (!/^[a-z]/.test(message)) return message;
  return `${path ? path : 'This record'} ${message}`;
}

/** Text with its `code` spans (as the record docs write values) set in code type. */
function withCode(text: string) {
  return text.split('`').map((part, k) => (k % 2 ? html`<code>${part}</code>` : part));
}

/** A field path that may break after each dot (`licenses.0.jurisdiction`), not inside a word. */
function fieldPath(path: string) {
  return path.split('.').map((part, k) => (k ? html`.<wbr />${part}` : part));
}

/** Where the problem is, as the admin finds it in the file. */
function place(problem: DataProblem, format: DirectoryFileFormat): string {
  if (problem.line !== undefined) return `Line ${number.format(problem.line)}`;
  if (problem.index >= 0) return `Record ${number.format(problem.index + 1)}`;
  return format === 'csv' && problem.path ? 'Header row' : 'Whole file';
}

/** Position in the file, for file order: whole-file problems first, then by line or record. */
const position = (p: DataProblem) => (p.index < 0 ? -1 : (p.line ?? p.index));

function ordered(problems: readonly DataProblem[], order: ProblemOrder): DataProblem[] {
  const byFile = (a: DataProblem, b: DataProblem) => position(a) - position(b);
  const severity = (p: DataProblem) => (p.severity === 'error' ? 0 : 1);
  const sorted = [...problems];
  if (order === 'severity') sorted.sort((a, b) => severity(a) - severity(b) || byFile(a, b));
  else if (order === 'field') sorted.sort((a, b) => a.path.localeCompare(b.path, 'en') || byFile(a, b));
  else sorted.sort(byFile);
  return sorted;
}

/** The card a person would see for this therapist, ranked as the widget ranks it before any answer. */
export function neutralMatch(therapist: Therapist): Match {
  const serves = therapist.clientTypes;
  const seeking = !serves || serves.includes('individual') || !serves.includes('couple') ? 'individual' : 'couple';
  const [match] = rankTherapists([therapist], { seeking }, { limit: 1, minMatches: 0 }).matches;
  return match ?? { therapist, score: 0, reasons: [] };
}

/** "clinic.csv" → "clinic-normalised.json". */
function downloadName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'therapists';
  return `${base}-normalised.json`;
}

/**
 * A directory checker for clinic admins: pick or drop a CSV or JSON file of listings and see how
 * many records the widget keeps, drops and keeps with warnings; every problem by line (or record),
 * id and field, with the fix in plain words; the first cards exactly as the widget shows them; and
 * a download of the normalised records as `{ "therapists": [...] }`. The file is read in the
 * browser tab only and never uploaded. Copy is in English; the preview cards follow `lang`.
 *
 * @summary Checks a directory file and shows what the widget will make of it.
 * @tag tm-directory-check
 *
 * @csspart checker - The whole checker.
 * @csspart privacy - The note that the file stays in this browser tab.
 * @csspart drop - The area with the file picker, which also accepts a dropped file.
 * @csspart picker - The file input.
 * @csspart status - The one-line outcome (a polite live region).
 * @csspart error - Why a file could not be checked, and what to do.
 * @csspart summary - The counts and the download button.
 * @csspart counts - The list of counts: records, kept, kept with warnings, dropped.
 * @csspart button - Every button (download, show more).
 * @csspart download - The button that downloads the normalised JSON.
 * @csspart problems - The problems section: its filters and its table.
 * @csspart table - The table of problems.
 * @csspart preview - The preview of the first cards.
 *
 * @cssprop --tm-color-primary - The drop area while a file is dragged over it, buttons.
 * @cssprop --tm-color-border - The drop area's edge, table rules.
 * @cssprop --tm-color-danger - Errors.
 * @cssprop --tm-color-muted - Hints.
 *
 * @fires tm-directory-checked - A file the person picked or dropped was checked; `detail` has `format`, `records`, `kept`, `dropped` and `warned` (counts only).
 */
export class TmDirectoryCheck extends LitElement {
  static override styles = [baseStyles, buttonStyles, directoryCheckStyles];

  /** The site's vocabulary, so labels and custom terms are read as the widget on that site reads them. */
  @property({ attribute: false }) vocabulary: Vocabulary = defaultVocabulary;

  /** Licence types the site lists as clinical beyond the built-in list. */
  @property({ attribute: false }) licenseTypes: readonly string[] = [];

  /** How many cards the preview shows. */
  @property({ type: Number }) preview = 3;

  /** Language of the preview cards; inherited from the nearest `lang` when empty. */
  @property() override lang = '';

  @state() private fileName = '';
  @state() private reading = false;
  @state() private check?: DirectoryFileCheck;
  @state() private failure?: { message: string; fix?: string };
  @state() private dragging = false;
  @state() private filter: ProblemFilter = 'all';
  @state() private order: ProblemOrder = 'severity';
  @state() private shown = PAGE;

  private run?: AbortController;
  private previewMatches: Match[] = [];

  /**
   * Checks `file` as if the person had picked it (no event). Resolves when the outcome is shown; a
   * newer file replaces a check still under way.
   */
  async checkFile(file: File): Promise<DirectoryFileCheck | undefined> {
    this.run?.abort();
    const run = (this.run = new AbortController());
    this.fileName = file.name;
    this.reading = true;
    this.check = undefined;
    this.failure = undefined;
    this.filter = 'all';
    this.order = 'severity';
    this.shown = PAGE;
    try {
      const check = await checkDirectoryFile(file, {
        vocabulary: this.vocabulary,
        licenseTypes: this.licenseTypes,
        signal: run.signal,
      });
      if (run.signal.aborted) return undefined;
      this.check = check;
      return check;
    } catch (error) {
      if (run.signal.aborted) return undefined;
      this.failure =
        error instanceof DirectoryFileError
          ? { message: error.message, fix: error.fix }
          : { message: `The file could not be checked: ${error instanceof Error ? error.message : String(error)}` };
      return undefined;
    } finally {
      if (!run.signal.aborted) this.reading = false;
      await this.updateComplete;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.run?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('check') || changed.has('preview'))
      this.previewMatches = (this.check?.therapists ?? []).slice(0, Math.max(0, this.preview)).map(neutralMatch);
  }

  private async picked(file: File | undefined): Promise<void> {
    if (!file) return;
    const check = await this.checkFile(file);
    if (!check) return;
    const detail = {
      format: check.format,
      records: check.records,
      kept: check.therapists.length,
      dropped: check.dropped,
      warned: check.warned,
    };
    this.dispatchEvent(new CustomEvent('tm-directory-checked', { detail, bubbles: true }));
  }

  private onChange(event: Event): void {
    void this.picked((event.target as HTMLInputElement).files?.[0]);
  }

  private onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDragLeave(event: DragEvent): void {
    const zone = event.currentTarget as HTMLElement;
    if (!zone.contains(event.relatedTarget as Node | null)) this.dragging = false;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    void this.picked(event.dataTransfer?.files[0]);
  }

  /** Saves `{ "therapists": [...] }` through a Blob URL, revoked once the download has it. */
  private download(): void {
    const check = this.check;
    if (!check) return;
    const json = JSON.stringify({ therapists: check.therapists }, null, 2) + '\n';
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName(this.fileName);
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // The click has resolved the URL to its Blob already (HTML's "follow the hyperlink").
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private get statusText(): string {
    if (this.reading) return `Reading ${this.fileName}…`;
    if (this.failure) return `${this.fileName} could not be checked. ${this.failure.message}`;
    const check = this.check;
    if (!check) return '';
    const kept = check.therapists.length;
    return [
      `Checked ${this.fileName}: ${count(check.records, 'record')}.`,
      `${number.format(kept)} kept${check.warned ? `, ${number.format(check.warned)} of them with warnings` : ''};`,
      `${number.format(check.dropped)} dropped because of errors.`,
    ].join(' ');
  }

  protected override render() {
    return html`<div part="checker" class="checker">
      <p part="privacy" class="privacy">
        <strong>Nothing is uploaded.</strong> The file is read in this browser tab only; it never leaves this computer.
      </p>
      <div
        part="drop"
        class="drop ${this.dragging ? 'dragging' : ''}"
        @dragenter=${this.onDragOver}
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <label for="file">Directory file (CSV or JSON)</label>
        <input
          part="picker"
          id="file"
          type="file"
          accept=".csv,.tsv,.json,.txt,text/csv,text/tab-separated-values,application/json"
          aria-describedby="file-hint"
          @change=${this.onChange}
        />
        <p id="file-hint" class="hint">
          Or drop the file here. A spreadsheet's CSV export (commas, semicolons or tabs) and a JSON list of records both
          work.
        </p>
      </div>
      <p part="status" class="status" role="status">${this.statusText}</p>
      ${this.failure ? this.renderFailure(this.failure) : nothing}
      ${this.check ? this.renderCheck(this.check) : nothing}
    </div>`;
  }

  private renderFailure(failure: { message: string; fix?: string }) {
    return html`<div part="error" class="error">
      <p><strong>${this.fileName} could not be checked.</strong> ${failure.message}</p>
      ${failure.fix ? html`<p><strong>What to do:</strong> ${failure.fix}</p>` : nothing}
    </div>`;
  }

  private renderCheck(check: DirectoryFileCheck) {
    const kept = check.therapists.length;
    return html`
      <section part="summary" class="summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">${this.fileName}</h2>
        <dl part="counts" class="counts">
          <div>
            <dt>Records in the file</dt>
            <dd>${number.format(check.records)}</dd>
          </div>
          <div class="kept">
            <dt>Kept</dt>
            <dd>${number.format(kept)}</dd>
          </div>
          <div class="warned">
            <dt>Kept with warnings</dt>
            <dd>${number.format(check.warned)}</dd>
          </div>
          <div class="dropped">
            <dt>Dropped (errors)</dt>
            <dd>${number.format(check.dropped)}</dd>
          </div>
        </dl>
        ${
          kept
            ? html`<p>
                  <button part="button download" class="primary" type="button" @click=${this.download}>
                    Download the normalised JSON (${count(kept, 'record')})
                  </button>
                </p>
                <p class="hint">
                  The records the widget keeps, with labels turned into ids and yes/no into true/false, as
                  <code>{ "therapists": [...] }</code>. Dropped records are not in it.
                </p>`
            : html`<p>No record can be used yet: fix the errors below and check the file again.</p>`
        }
      </section>
      ${this.renderProblems(check)} ${this.renderPreview(kept)}
    `;
  }

  private renderProblems(check: DirectoryFileCheck) {
    const problems = check.problems;
    if (!problems.length)
      return html`<section part="problems" class="problems" aria-labelledby="problems-heading">
        <h2 id="problems-heading">Problems</h2>
        <p>None: every record is used as it is.</p>
      </section>`;
    const errors = problems.filter((p) => p.severity === 'error').length;
    const listed = ordered(
      this.filter === 'all' ? problems : problems.filter((p) => p.severity === this.filter),
      this.order,
    );
    const rows = listed.slice(0, this.shown);
    const more = Math.min(PAGE, listed.length - rows.length);
    return html`<section part="problems" class="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">Problems</h2>
      <p>
        ${count(errors, 'error')} (the record is dropped) and ${count(problems.length - errors, 'warning')} (a value was
        changed or left out, and the record is kept).
      </p>
      <div class="controls">
        <label
          >Show
          <select
            id="filter"
            @change=${(e: Event) => {
              this.filter = (e.target as HTMLSelectElement).value as ProblemFilter;
              this.shown = PAGE;
            }}
          >
            <option value="all" ?selected=${this.filter === 'all'}>All problems</option>
            <option value="error" ?selected=${this.filter === 'error'}>Errors only</option>
            <option value="warning" ?selected=${this.filter === 'warning'}>Warnings only</option>
          </select></label
        >
        <label
          >Order
          <select
            id="order"
            @change=${(e: Event) => (this.order = (e.target as HTMLSelectElement).value as ProblemOrder)}
          >
            <option value="severity" ?selected=${this.order === 'severity'}>Errors first</option>
            <option value="file" ?selected=${this.order === 'file'}>As in the file</option>
            <option value="field" ?selected=${this.order === 'field'}>By field</option>
          </select></label
        >
      </div>
      <div class="table-wrap" role="region" aria-labelledby="problems-caption" tabindex="0">
        <!-- Explicit roles keep the table a table for screen readers when a narrow layout stacks its cells. -->
        <table part="table" role="table">
          <caption id="problems-caption">
            ${
              rows.length < listed.length
                ? `Problems ${number.format(1)}–${number.format(rows.length)} of ${number.format(listed.length)}`
                : `${count(listed.length, 'problem')}`
            }${this.order === 'severity' ? ', errors first' : this.order === 'field' ? ', by field' : ', in file order'}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              ${COLUMNS.map((column) => html`<th role="columnheader" scope="col">${column}</th>`)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${rows.map(
              (p) =>
                html`<tr role="row" class=${`row-${p.severity}`}>
                  <td role="cell" class="severity">
                    <span aria-hidden="true">${p.severity === 'error' ? '✗' : '!'}</span>
                    ${p.severity === 'error' ? 'Error' : 'Warning'}
                  </td>
                  <td role="cell" class="where">${place(p, check.format)}</td>
                  <td role="cell" class="id" data-label="Id">${p.id ?? ''}</td>
                  <td role="cell" class="field" data-label="Field">${fieldPath(p.path)}</td>
                  <td role="cell" class="message" data-label="Problem">${withCode(sentence(p))}</td>
                  <td role="cell" class="fix" data-label="How to fix">${p.fix ? withCode(capitalised(p.fix)) : ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        more > 0
          ? html`<p class="more">
              Showing ${number.format(rows.length)} of ${number.format(listed.length)}.
              <button part="button" type="button" @click=${() => (this.shown += PAGE)}>
                Show ${number.format(more)} more
              </button>
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderPreview(kept: number) {
    if (!this.previewMatches.length) return nothing;
    return html`<section part="preview" class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        Preview: the first ${count(this.previewMatches.length, 'card')} of ${number.format(kept)}
      </h2>
      <p class="hint">
        Exactly as the widget shows them, for a person who has not answered any question yet (so every match looks
        strong).
      </p>
      <ul class="cards">
        ${this.previewMatches.map(
          (match) => html`<li><tm-match-card .match=${match} lang=${this.lang || nothing}></tm-match-card></li>`,
        )}
      </ul>
    </section>`;
  }
}
