// @ts-check
// Screen-reader announcements for the embed builder, through live regions that are in the page
// from the start (a region added with its text is not read).

/** Replaces a live region's text; the same message twice is still read (it changes by a space). */
export function announce(/** @type {HTMLElement} */ region, /** @type {string} */ message) {
  region.textContent = region.textContent === message ? `${message}\u00a0` : message;
}
