// A labelled checkbox for the later quiz steps (the first step has radios only, so this stays out
// of the drop-in's main file).
import { html, type TemplateResult } from 'lit';

export function checkbox(
  value: string,
  checked: boolean,
  text: string,
  onToggle: (checked: boolean) => void,
): TemplateResult {
  return html`<label class="choice"
    ><input
      type="checkbox"
      .value=${value}
      .checked=${checked}
      @change=${(e: Event) => onToggle((e.target as HTMLInputElement).checked)}
    /><span>${text}</span></label
  >`;
}
