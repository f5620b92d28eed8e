// @ts-check
// Copy buttons of the embed builder: the Clipboard API where the browser allows it; otherwise the
// code appears selected in a text box, ready for Ctrl+C. Either way a live region says what happened.
import { announce } from './announce.js';

/**
 * @param {object} parts
 * @param {string} parts.text what to copy
 * @param {string} parts.label "HTML" or "CSS", for the announcement
 * @param {HTMLElement} parts.fallback the hidden box shown when copying is blocked
 * @param {HTMLTextAreaElement} parts.box the text area inside it
 * @param {HTMLElement} parts.status the live region
 */
export async function copyText({ text, label, fallback, box, status }) {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API here');
    await navigator.clipboard.writeText(text);
    fallback.hidden = true;
    announce(status, `${label} copied. Paste it into your page.`);
  } catch {
    box.value = text;
    fallback.hidden = false;
    box.focus();
    box.select();
    announce(
      status,
      `This browser did not let the page copy. The ${label} is selected in the box below: press Ctrl+C (⌘C on a Mac) to copy it.`,
    );
  }
}
