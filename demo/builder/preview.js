// @ts-check
// The embed builder's live widget, made from the same functions as the copied code: the tag's
// attributes, the preset property and the safety slot, and the CSS as an adopted stylesheet (which
// a strict Content-Security-Policy allows, unlike a <style> element or a style attribute).
import { attributesOf, cssOf, presetOf, safetySlotOf } from './snippet.js';

/** @typedef {import('./snippet.js').BuilderConfig} BuilderConfig */

/**
 * Keeps `container` showing a `<therapist-match>` configured as `config`. The widget is made anew
 * only when its tag, preset or slot changes (as on a freshly loaded page); colours apply in place.
 * @param {HTMLElement} container
 * @returns {(config: BuilderConfig) => void}
 */
export function livePreview(container) {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  let shown = '';
  return (config) => {
    sheet.replaceSync(cssOf(config));
    const attributes = attributesOf(config);
    const preset = presetOf(config);
    const slot = safetySlotOf(config);
    const key = JSON.stringify([attributes, preset, slot]);
    if (key === shown) return;
    shown = key;
    const widget = /** @type {HTMLElement & { preset?: object }} */ (document.createElement('therapist-match'));
    for (const [name, value] of attributes) widget.setAttribute(name, value);
    if (Object.keys(preset).length) widget.preset = preset;
    if (slot) {
      const note = document.createElement('p');
      note.slot = 'safety';
      const link = document.createElement('a');
      link.href = slot.href;
      link.textContent = slot.linkText;
      note.append(slot.text ? `${slot.text} ` : '', link);
      widget.append(note);
    }
    container.replaceChildren(widget);
  };
}
