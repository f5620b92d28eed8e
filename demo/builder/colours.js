// @ts-check
// Colour arithmetic for the embed builder: WCAG contrast ratios, mixing, and the tokens worked out
// from a clinic's own colours so the text they did not pick stays readable.

/**
 * `#abc`, `abc`, `#aabbcc` or `aabbcc` to `#aabbcc`; `undefined` when it is not a hex colour.
 * @param {string} value
 */
export function normaliseHex(value) {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value).trim());
  if (!match) return undefined;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return `#${digits.toLowerCase()}`;
}

/** @param {string} hex `#rrggbb` */
function channels(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

/** @param {number[]} rgb */
function toHex(rgb) {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance of `#rrggbb`. @param {string} hex */
export function luminance(hex) {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21.
 * @param {string} a
 * @param {string} b
 */
export function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * `weight` of `a` mixed with the rest of `b`, in sRGB (as `color-mix(in srgb, a w%, b)`).
 * @param {string} a
 * @param {string} b
 * @param {number} weight 0 to 1
 */
export function mix(a, b, weight) {
  const ca = channels(a);
  const cb = channels(b);
  return toHex(ca.map((c, i) => c * weight + cb[i] * (1 - weight)));
}

/**
 * The softest mix of `text` into `surface`, from `start` upwards, that still reaches `ratio`
 * against the surface: secondary text and borders that follow a clinic's colours.
 * @param {string} text
 * @param {string} surface
 * @param {number} start
 * @param {number} ratio
 */
export function readableMix(text, surface, start, ratio) {
  for (let weight = start; weight < 1; weight += 0.05) {
    const colour = mix(text, surface, weight);
    if (contrast(colour, surface) >= ratio) return colour;
  }
  return text;
}

/** White or near-black, whichever reads better on `background` (white when both pass). @param {string} background */
export function textOn(background) {
  const white = '#ffffff';
  const black = '#111111';
  return contrast(white, background) >= 4.5 || contrast(white, background) >= contrast(black, background)
    ? white
    : black;
}
