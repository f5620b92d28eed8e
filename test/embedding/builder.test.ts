// The embed builder (demo/builder.html), in the browser: its controls change the live widget and the
// code; the copied code pasted into a blank page renders the same widget (language, first step,
// preset, safety note, theme and colours as computed styles); copying with the Clipboard API and
// with its fallback; step reordering by keyboard; axe (WCAG 2.2 AA) at 1280 and 320 px; and no
// policy violation under the strict Content-Security-Policy.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import { PUBLIC_CDN, VERSION } from '../../demo/builder/snippet.js';
import { describeWidget, openBuilder, pasteIntoBlankPage, rgb, type Builder } from './builder-helpers.js';
import { quizReady, until } from './embedding-helpers.js';

const CDN = '/dist/cdn/therapist-match.js';
const frames: HTMLIFrameElement[] = [];
const track = <T extends { frame: HTMLIFrameElement }>(page: T): T => (frames.push(page.frame), page);

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  sessionStorage.clear(); // frames of this origin share the tab's storage (persist="session")
});

describe('embed builder: the code it gives', () => {
  it('starts as the plain two-line drop-in from the public CDN, with a working preview', async () => {
    const builder = track(await openBuilder());
    const { version } = await (await fetch('/package.json')).json();
    expect(VERSION).to.equal(version);
    expect(builder.html()).to.equal(
      `<script type="module" src="${PUBLIC_CDN}"></script>\n<therapist-match src="./data/therapists.json"></therapist-match>`,
    );
    expect(PUBLIC_CDN).to.equal(`https://cdn.jsdelivr.net/npm/therapist-match@${version}/dist/cdn/therapist-match.js`);
    expect(builder.doc.getElementById('css-none')!.hidden).to.equal(false);
    expect(builder.doc.getElementById('copy-css')!.hidden).to.equal(true);
    const seen = await describeWidget(builder.preview(), builder.win);
    expect(seen.heading).to.contain('Who is looking for help?');
    expect(seen.background).to.equal('rgb(255, 255, 255)');
  });

  it('Spanish, reordered steps, video only, own note, persist, dark, brand colour: the pasted code renders what the preview shows', async function () {
    this.timeout(30000);
    const builder = track(await openBuilder());
    await builder.click('input[name="lang"][value="es"]');
    for (const step of ['who', 'comfort', 'partner']) await builder.click(`input[name="step"][value="${step}"]`);
    for (let i = 0; i < 4; i++) await builder.click('li[data-step="practical"] [data-move="up"]');
    await builder.click('input[name="format"][value="telehealth"]');
    await builder.click('input[name="safety"][value="own"]');
    await builder.fill('#safety-text', '¿En peligro ahora? Llama o escribe al 988 & "di: ayuda"');
    await builder.click('input[name="persist"]');
    await builder.click('input[name="theme"][value="dark"]');
    await builder.fill('#colour-primary', '#f0a3c8');
    await builder.fill('#radius', '2');
    builder.doc.querySelector<HTMLSelectElement>('#font')!.value = "Georgia, 'Times New Roman', serif";
    await builder.fill('#font', "Georgia, 'Times New Roman', serif");
    await builder.fill('#script-url', CDN);

    const html = builder.html();
    const lines = html.split('\n');
    expect(lines[0]).to.equal(`<script type="module" src="${CDN}"></script>`);
    expect(lines[1]).to.equal(
      '<therapist-match src="./data/therapists.json" lang="es" steps="practical, concerns" theme="dark" persist="session" safety-note="¿En peligro ahora? Llama o escribe al 988 &amp; &quot;di: ayuda&quot;"></therapist-match>',
    );
    // The preset has no attribute: a small module script sets the property, and says so.
    expect(lines.slice(2)).to.deep.equal([
      '<script type="module">',
      "  document.querySelector('therapist-match').preset = {",
      "    formats: { value: ['telehealth'], importance: 'required' },",
      '  };',
      '</script>',
    ]);
    expect(builder.doc.getElementById('html-notes')!.textContent).to.contain('only as a JavaScript property');
    expect(builder.css()).to.equal(
      [
        'therapist-match {',
        '  --tm-color-primary: #f0a3c8;',
        '  --tm-color-on-primary: #111111;',
        '  --tm-radius: 2px;',
        "  --tm-font-family: Georgia, 'Times New Roman', serif;",
        '}',
        '',
      ].join('\n'),
    );

    const preview = await describeWidget(builder.preview(), builder.win, 'Siguiente');
    const pasted = track(await pasteIntoBlankPage(html, builder.css()));
    const seen = await describeWidget(pasted.widget, pasted.win, 'Siguiente');
    expect(seen).to.deep.equal(preview);
    expect(seen).to.include({
      step: 'practical',
      format: 'telehealth',
      next: 'Siguiente',
      safety: '¿En peligro ahora? Llama o escribe al 988 & "di: ayuda"',
      privacy: 'Tus respuestas se guardan en esta pestaña hasta que la cierres o empieces de nuevo.',
      background: 'rgb(17, 24, 39)', // the dark theme's surface
      buttonBackground: rgb('#f0a3c8'),
      buttonText: rgb('#111111'),
      radius: '2px',
    });
    expect(seen.heading).to.contain('Aspectos prácticos');
    expect(seen.font).to.contain('Georgia');
  });

  it('a couples practice with a linked safety note and the page language: the pasted code renders it too', async function () {
    this.timeout(30000);
    const builder = track(await openBuilder());
    await builder.click('input[name="couples"]');
    await builder.click('input[name="accepting"]');
    await builder.click('input[name="safety"][value="own"]');
    await builder.fill('#safety-text', 'In danger now? Call 911, or');
    await builder.fill('#safety-link', 'tel:988');
    await builder.fill('#safety-link-text', 'call or text 988');
    await builder.fill('#colour-text', '#102a43');
    await builder.fill('#script-url', CDN);

    const html = builder.html();
    expect(html.split('\n')[1]).to.equal(
      '<therapist-match src="./data/therapists.json"><p slot="safety">In danger now? Call 911, or <a href="tel:988">call or text 988</a></p></therapist-match>',
    );
    expect(html).to.contain("    seeking: 'couple',\n");
    expect(html).to.contain("    acceptingNewClients: { value: true, importance: 'required' },\n");

    const preview = await describeWidget(builder.preview(), builder.win);
    expect(preview).to.include({ step: 'who', seeking: 'couple', safetyLink: 'tel:988' });
    expect(preview.safety).to.equal('In danger now? Call 911, or call or text 988');

    // Pasted into an English page it is the same widget…
    const english = track(await pasteIntoBlankPage(html, builder.css()));
    expect(await describeWidget(english.widget, english.win)).to.deep.equal(preview);
    // …and with no lang attribute it speaks a Spanish page's language, as the builder's note says.
    expect(builder.doc.getElementById('html-notes')!.textContent).to.contain('html lang="es"');
    const spanish = track(await pasteIntoBlankPage(html, builder.css(), 'es'));
    const seen = await describeWidget(spanish.widget, spanish.win, 'Siguiente');
    expect(seen).to.include({ step: 'who', seeking: 'couple', next: 'Siguiente', safetyLink: 'tel:988' });
    const heading = spanish.widget.shadowRoot!.querySelector('[part~="quiz"]')!.shadowRoot!.querySelector('h2')!;
    expect(spanish.win.getComputedStyle(heading).color).to.equal(rgb('#102a43'));
    // The partner step applies: a couple was preset.
    const quiz = (await quizReady(spanish.widget)) as HTMLElement & { steps: string[] };
    expect(quiz.steps).to.include('partner');
  });

  it('never writes a script link into the safety note, and hides the note on request', async () => {
    const builder = track(await openBuilder());
    await builder.click('input[name="safety"][value="own"]');
    await builder.fill('#safety-text', 'Call 988');
    await builder.fill('#safety-link', 'javascript:alert(1)');
    expect(builder.doc.getElementById('safety-link-error')!.textContent).to.contain('web, tel: or mailto:');
    expect(builder.doc.getElementById('safety-link')!.getAttribute('aria-invalid')).to.equal('true');
    expect(builder.html()).not.to.contain('javascript:');
    expect(builder.html()).to.contain('safety-note="Call 988"');
    await builder.click('input[name="safety"][value="hidden"]');
    expect(builder.html()).to.contain(
      '<therapist-match src="./data/therapists.json" safety-note=""></therapist-match>',
    );
    await quizReady(builder.preview());
    expect(builder.preview().shadowRoot!.querySelector('[part~="safety"]')!.textContent!.trim()).to.equal('');
  });

  it('theme "auto": the colours are for light mode only; the shape applies in both', async () => {
    const builder = track(await openBuilder());
    await builder.click('input[name="theme"][value="auto"]');
    await builder.fill('#colour-primary-hex', '#7A1F5C');
    await builder.fill('#radius', '14');
    expect(builder.doc.querySelector<HTMLInputElement>('#colour-primary')!.value).to.equal('#7a1f5c');
    expect(builder.css()).to.equal(
      [
        'therapist-match {',
        '  --tm-radius: 14px;',
        '}',
        '@media (prefers-color-scheme: light) {',
        '  therapist-match {',
        '    --tm-color-primary: #7a1f5c;',
        '    --tm-color-on-primary: #ffffff;',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(builder.doc.getElementById('colours-hint')!.textContent).to.contain('used in light mode');
    // The preview paints with exactly this CSS.
    const next = (await quizReady(builder.preview())).shadowRoot!.querySelector('[part~="next"]')!;
    const dark = builder.win.matchMedia('(prefers-color-scheme: dark)').matches;
    expect(builder.win.getComputedStyle(next).backgroundColor).to.equal(dark ? 'rgb(95, 212, 189)' : rgb('#7a1f5c'));
    expect(builder.win.getComputedStyle(next).borderTopLeftRadius).to.equal('14px');
  });

  it('keeps colours a clinic chose when the theme changes, and moves the others with the theme', async () => {
    const builder = track(await openBuilder());
    const value = (id: string) => builder.doc.querySelector<HTMLInputElement>(id)!.value;
    await builder.fill('#colour-primary', '#7a1f5c');
    await builder.click('input[name="theme"][value="dark"]');
    expect([value('#colour-primary'), value('#colour-text'), value('#colour-surface')]).to.deep.equal([
      '#7a1f5c',
      '#e5e7eb',
      '#111827',
    ]);
    expect(builder.css()).not.to.contain('--tm-color-surface');
    // Too dark on dark: the contrast check says so.
    expect(builder.doc.getElementById('contrast-summary')!.textContent).to.match(
      /\d of 8 colour pairs are hard to read/,
    );
    await builder.click('#reset-colours');
    expect(value('#colour-primary')).to.equal('#5fd4bd');
    expect(builder.css()).to.equal('');
    expect(builder.doc.getElementById('contrast-summary')!.textContent).to.equal(
      'Contrast check: all 8 colour pairs are readable',
    );
  });
});

describe('embed builder: keyboard, copying, accessibility, strict policy', () => {
  let builder: Builder;
  const active = () => builder.doc.activeElement;
  const status = (id: string) => builder.doc.getElementById(id)!.textContent!.trim();

  it('reorders steps from the keyboard: the focus stays on the step and its new place is announced', async () => {
    builder = track(await openBuilder());
    const down = builder.doc.querySelector<HTMLButtonElement>('li[data-step="who"] [data-move="down"]')!;
    down.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    expect(active()).to.equal(down);
    expect(status('steps-status')).to.equal('“Who is looking” is now step 3 of 5.');
    expect(builder.html()).to.contain('steps="concerns, comfort, who, partner, practical"');

    // At the top, Up is disabled and the keyboard moves to Down of the same step.
    const up = builder.doc.querySelector<HTMLButtonElement>('li[data-step="practical"] [data-move="up"]')!;
    up.focus();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Enter' });
    expect(up.disabled).to.equal(true);
    expect(active()).to.equal(builder.doc.querySelector('li[data-step="practical"] [data-move="down"]'));
    expect(status('steps-status')).to.equal('“Practical matters” is now step 1 of 5.');
    expect(builder.html()).to.contain('steps="practical, concerns, comfort, who, partner"');
    expect(builder.preview().getAttribute('steps')).to.equal('practical, concerns, comfort, who, partner');

    // Space on a step's checkbox leaves it out; the last one cannot go.
    for (const step of ['practical', 'concerns', 'comfort', 'who', 'partner']) {
      builder.doc.querySelector<HTMLInputElement>(`input[name="step"][value="${step}"]`)!.focus();
      await sendKeys({ press: ' ' });
    }
    expect(builder.doc.querySelector<HTMLInputElement>('input[name="step"][value="partner"]')!.checked).to.equal(true);
    expect(status('steps-status')).to.equal('At least one step must stay.');
    expect(builder.html()).to.contain('steps="partner"');
  });

  it('copies the code with the Clipboard API and announces it', async () => {
    builder = track(await openBuilder());
    await builder.fill('#colour-primary', '#7a1f5c');
    const copied: string[] = [];
    Object.defineProperty(builder.win.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    await builder.click('#copy-html');
    await until(() => status('copy-status'), 'no announcement');
    expect(copied).to.deep.equal([builder.html()]);
    expect(status('copy-status')).to.equal('HTML copied. Paste it into your page.');
    await builder.click('#copy-css');
    await until(() => copied.length === 2, 'CSS not copied');
    expect(copied[1]).to.equal(builder.css());
    expect(copied[1]).to.contain('--tm-color-primary: #7a1f5c;');
    expect(status('copy-status')).to.equal('CSS copied. Paste it into your page.');
    expect(builder.doc.getElementById('html-fallback')!.hidden).to.equal(true);
  });

  it('where copying is blocked, shows the code selected in a text box and says how to copy it', async () => {
    builder = track(await openBuilder());
    Object.defineProperty(builder.win.navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
    await builder.click('#copy-html');
    const box = builder.doc.querySelector<HTMLTextAreaElement>('#html-fallback-text')!;
    await until(() => !builder.doc.getElementById('html-fallback')!.hidden, 'no fallback box');
    expect(box.getBoundingClientRect().height).to.be.greaterThan(40);
    expect(active()).to.equal(box);
    expect(box.value).to.equal(builder.html());
    expect([box.selectionStart, box.selectionEnd]).to.deep.equal([0, box.value.length]);
    expect(status('copy-status')).to.equal(
      'This browser did not let the page copy. The HTML is selected in the box below: press Ctrl+C (⌘C on a Mac) to copy it.',
    );
    // The box follows later changes, so it never offers stale code.
    await builder.click('input[name="lang"][value="es"]');
    expect(box.value).to.equal(builder.html());
    expect(box.value).to.contain('lang="es"');
  });

  async function expectNoAxeViolations(page: Builder) {
    const script = page.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    page.doc.head.append(script);
    await loaded;
    const axe = (page.win as unknown as { axe: { run(el: Element, o: RunOptions): Promise<AxeResults> } }).axe;
    const results = await axe.run(page.doc.documentElement, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    const found = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
    expect(found, found.join('\n')).to.deep.equal([]);
  }

  for (const width of [1280, 320])
    it(`passes axe (WCAG 2.2 AA) at ${width} px with every optional field shown, and never scrolls sideways`, async function () {
      this.timeout(30000);
      builder = track(await openBuilder(width));
      await builder.click('input[name="safety"][value="own"]');
      await builder.fill('#safety-link', 'javascript:void 0'); // an error message shown too
      builder.doc.querySelector<HTMLSelectElement>('#font')!.value = 'custom';
      await builder.fill('#font', 'custom');
      await builder.fill('#colour-primary', '#7a1f5c');
      Object.defineProperty(builder.win.navigator, 'clipboard', { configurable: true, value: undefined });
      await builder.click('#copy-css');
      builder.doc.querySelector('details')!.open = true;
      await quizReady(builder.preview());
      expect(builder.doc.documentElement.scrollWidth).to.be.at.most(width);
      await expectNoAxeViolations(builder);
    });

  it('runs under the strict Content-Security-Policy with no violation', async function () {
    this.timeout(30000);
    builder = track(await openBuilder(1280, '/test-embedding/strict-builder.html'));
    await builder.click('input[name="theme"][value="dark"]');
    await builder.fill('#colour-primary', '#f0a3c8');
    await builder.click('input[name="safety"][value="own"]');
    await builder.fill('#safety-link', 'tel:988');
    await builder.click('li[data-step="practical"] [data-move="up"]');
    Object.defineProperty(builder.win.navigator, 'clipboard', { configurable: true, value: undefined });
    await builder.click('#copy-html');
    const next = (await quizReady(builder.preview())).shadowRoot!.querySelector('[part~="next"]')!;
    expect(builder.win.getComputedStyle(next).backgroundColor).to.equal(rgb('#f0a3c8'));
    expect(builder.preview().querySelector('a[href="tel:988"]')?.textContent).to.equal('tel:988');
    const violations = (builder.win as Window & { tmViolations: { directive: string }[] }).tmViolations;
    expect(violations).to.deep.equal([]);
    // The policy is really enforced: an inline style attribute is reported.
    builder.doc.body.setAttribute('style', 'outline: 1px solid red');
    await until(() => violations.length, 'no violation reported for an inline style');
    expect(violations[0].directive).to.match(/^style-src/);
  });
});
