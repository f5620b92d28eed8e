// @ts-check
// The embed builder page (demo/builder.html): reads the form into a configuration and keeps the
// live preview, the code, its notes and the contrast check in step with it. Every node is made
// with the DOM (no innerHTML), so the page runs under Trusted Types and a strict policy.
import { announce } from './announce.js';
import { normaliseHex } from './colours.js';
import { copyText } from './copy.js';
import { livePreview } from './preview.js';
import {
  baseTokens,
  contrastChecks,
  cssOf,
  defaultConfig,
  presetOf,
  safeFont,
  safeLink,
  safetySlotOf,
  snippetOf,
} from './snippet.js';
import { orderableSteps } from './step-order.js';

/** @typedef {import('./snippet.js').BuilderConfig} BuilderConfig */

const form = /** @type {HTMLFormElement} */ (document.getElementById('builder'));
const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const field = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
const textBox = (/** @type {string} */ id) => /** @type {HTMLTextAreaElement} */ (document.getElementById(id));

const COLOURS = /** @type {const} */ (['primary', 'text', 'surface']);

/** @param {string} name */
const checkedValue = (name) =>
  /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]:checked`))?.value ?? '';
/** @param {string} name */
const isChecked = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).checked;

/** @returns {BuilderConfig} */
function readConfig() {
  const fontChoice = /** @type {HTMLSelectElement} */ (byId('font')).value;
  const radius = Math.round(Number(field('radius').value));
  return {
    scriptUrl: field('script-url').value,
    src: field('src').value,
    lang: /** @type {BuilderConfig['lang']} */ (checkedValue('lang')),
    steps: [...byId('steps').querySelectorAll('input')].map((box) => ({
      step: /** @type {BuilderConfig['steps'][number]['step']} */ (box.value),
      shown: box.checked,
    })),
    preset: {
      format: /** @type {BuilderConfig['preset']['format']} */ (checkedValue('format')),
      couples: isChecked('couples'),
      acceptingNewClients: isChecked('accepting'),
    },
    safety: {
      mode: /** @type {BuilderConfig['safety']['mode']} */ (checkedValue('safety')),
      text: field('safety-text').value,
      linkUrl: field('safety-link').value,
      linkText: field('safety-link-text').value,
    },
    persist: isChecked('persist'),
    theme: /** @type {BuilderConfig['theme']} */ (checkedValue('theme')),
    colours: {
      primary: field('colour-primary').value,
      text: field('colour-text').value,
      surface: field('colour-surface').value,
    },
    radius: Number.isFinite(radius) ? Math.min(32, Math.max(0, radius)) : 8,
    font: fontChoice === 'custom' ? field('font-custom').value : fontChoice,
  };
}

/** Sets a colour picker and its hex field together. */
function setColour(/** @type {(typeof COLOURS)[number]} */ name, /** @type {string} */ hex) {
  field(`colour-${name}`).value = hex;
  field(`colour-${name}-hex`).value = hex;
  field(`colour-${name}-hex`).removeAttribute('aria-invalid');
}

/** Shows (or clears) the message under a field and marks the field invalid. */
function showError(/** @type {string} */ id, /** @type {string} */ message) {
  byId(`${id}-error`).textContent = message;
  if (message) field(id).setAttribute('aria-invalid', 'true');
  else field(id).removeAttribute('aria-invalid');
}

/** What a clinic should know about the code it copies, for the choices made. */
function notesFor(/** @type {BuilderConfig} */ config) {
  const notes = [];
  if (Object.keys(presetOf(config)).length)
    notes.push(
      'The answers set in advance need the small script after the tag: the widget takes them only as a JavaScript property (preset), not as an attribute. If your site blocks inline scripts (a Content-Security-Policy), save the lines between <script type="module"> and </script> as a file on your site and load that with <script type="module" src="…">.',
    );
  if (!config.lang)
    notes.push('The widget speaks your page’s language: Spanish when your page says <html lang="es">, else English.');
  if (config.persist)
    notes.push(
      'Answers are kept in the visitor’s browser tab (sessionStorage) until they close it or press “Start over”; they are never sent anywhere.',
    );
  if (config.safety.mode === 'hidden')
    notes.push('Without a safety note, visitors in crisis see no urgent-help line: consider your own note instead.');
  return notes;
}

function renderCode(/** @type {BuilderConfig} */ config) {
  const html = snippetOf(config);
  const css = cssOf(config);
  byId('html-code').textContent = html;
  byId('css-code').textContent = css;
  byId('css-block').hidden = byId('copy-css').hidden = !css;
  byId('css-none').hidden = !!css;
  if (!css) byId('css-fallback').hidden = true;
  // A fallback box left open must not hold stale code.
  textBox('html-fallback-text').value = html;
  textBox('css-fallback-text').value = css;
  byId('html-notes').replaceChildren(
    ...notesFor(config).map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
}

function renderChecks(/** @type {BuilderConfig} */ config) {
  const checks = contrastChecks(config);
  const failing = checks.filter((c) => c.ratio < c.needed);
  byId('contrast-list').replaceChildren(
    ...checks.map((check) => {
      const item = document.createElement('li');
      const ok = check.ratio >= check.needed;
      item.className = ok ? 'pass' : 'fail';
      item.textContent = `${check.label}: ${check.ratio.toFixed(1)}:1, ${ok ? 'readable' : `too low (needs ${check.needed}:1)`}`;
      return item;
    }),
  );
  byId('contrast-summary').textContent = failing.length
    ? `Contrast check: ${failing.length} of ${checks.length} colour pairs are hard to read`
    : `Contrast check: all ${checks.length} colour pairs are readable`;
  byId('colours-hint').textContent =
    config.theme === 'auto'
      ? 'With “Follow the visitor’s setting”, your colours are used in light mode; visitors who prefer dark see the built-in dark colours.'
      : 'Secondary text, borders and the text on buttons follow your colours, so they stay readable.';

  const own = config.safety.mode === 'own';
  byId('safety-fields').hidden = !own;
  const link = config.safety.linkUrl.trim();
  showError('safety-link', own && link && !safeLink(link) ? 'Use a web, tel: or mailto: address.' : '');
  byId('safety-hint').textContent = !own
    ? ''
    : safetySlotOf(config)
      ? 'A note with a link goes inside the tag (the widget’s safety slot).'
      : 'A note without a link is the tag’s safety-note attribute.';
  const customFont = /** @type {HTMLSelectElement} */ (byId('font')).value === 'custom';
  byId('font-custom-field').hidden = !customFont;
  showError(
    'font-custom',
    customFont && config.font.trim() && !safeFont(config.font)
      ? 'Use font names separated by commas, like “Lato, sans-serif”.'
      : '',
  );
  showError('src', config.src.trim() ? '' : 'Give the address of your directory file.');
  showError('script-url', config.scriptUrl.trim() ? '' : 'Give the address of therapist-match.js.');
}

const preview = livePreview(byId('preview'));

function update({ restart = true } = {}) {
  const config = readConfig();
  renderChecks(config);
  renderCode(config);
  if (restart) preview(config);
}

let theme = checkedValue('theme');

/** Colours left at the old theme's defaults follow the new theme; a clinic's own colours stay. */
function followTheme() {
  const next = /** @type {BuilderConfig['theme']} */ (checkedValue('theme'));
  const before = baseTokens(/** @type {BuilderConfig['theme']} */ (theme));
  const after = baseTokens(next);
  for (const name of COLOURS) if (field(`colour-${name}`).value === before[name]) setColour(name, after[name]);
  theme = next;
}

const initial = defaultConfig();
field('src').value = initial.src;
field('script-url').value = initial.scriptUrl;
for (const name of COLOURS) setColour(name, initial.colours[name]);
orderableSteps(/** @type {HTMLOListElement} */ (byId('steps')), byId('steps-status'), () => update());

form.addEventListener('input', (event) => {
  const target = /** @type {HTMLInputElement} */ (event.target);
  if (target.name === 'step' && !form.querySelector('input[name="step"]:checked')) {
    target.checked = true;
    announce(byId('steps-status'), 'At least one step must stay.');
  }
  if (target.name === 'theme') followTheme();
  if (target.type === 'color') field(`${target.id}-hex`).value = target.value;
  if (target.classList.contains('hex')) {
    const hex = normaliseHex(target.value);
    if (hex) {
      field(target.id.replace(/-hex$/, '')).value = hex;
      target.removeAttribute('aria-invalid');
    } else target.setAttribute('aria-invalid', 'true');
  }
  // Typed addresses and notes restart the preview when the field is left, not at every key.
  const typing = target.type === 'text' && !target.classList.contains('hex');
  update({ restart: !typing });
});
form.addEventListener('change', () => update());
form.addEventListener('submit', (event) => event.preventDefault());

byId('reset-colours').addEventListener('click', () => {
  const tokens = baseTokens(/** @type {BuilderConfig['theme']} */ (checkedValue('theme')));
  for (const name of COLOURS) setColour(name, tokens[name]);
  update();
});
for (const what of /** @type {const} */ (['html', 'css']))
  byId(`copy-${what}`).addEventListener('click', () =>
    copyText({
      text: byId(`${what}-code`).textContent ?? '',
      label: what.toUpperCase(),
      fallback: byId(`${what}-fallback`),
      box: textBox(`${what}-fallback-text`),
      status: byId('copy-status'),
    }),
  );

update();
