// The embed builder's output functions (demo/builder/snippet.js, colours.js): escaping that a
// clinic's text cannot break out of, links that are never script, CSS that cannot end its rule,
// colours worked out to stay readable, and the theme colours it assumes read back from the widget.
import { expect } from '@open-wc/testing';
import { contrast, normaliseHex } from '../../demo/builder/colours.js';
import {
  DEFAULT_RADIUS,
  THEME_TOKENS,
  attributesOf,
  contrastChecks,
  cssOf,
  defaultConfig,
  safeFont,
  safeLink,
  snippetOf,
  tagOf,
  tokensOf,
  type BuilderConfig,
} from '../../demo/builder/snippet.js';
import { quizReady } from './embedding-helpers.js';
import { rgb } from './builder-helpers.js';

const config = (change: (c: BuilderConfig) => void = () => {}) => {
  const c = defaultConfig();
  change(c);
  return c;
};

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

describe('embed builder output', () => {
  it('writes only what differs from the widget defaults, in a fixed order', () => {
    expect(attributesOf(config())).to.deep.equal([['src', './data/therapists.json']]);
    const chosen = config((c) => {
      c.steps = [...c.steps].reverse();
      c.steps[0].shown = false;
      c.lang = 'es';
      c.theme = 'auto';
      c.persist = true;
      c.safety.mode = 'hidden';
    });
    expect(attributesOf(chosen)).to.deep.equal([
      ['src', './data/therapists.json'],
      ['lang', 'es'],
      ['steps', 'partner, comfort, concerns, who'],
      ['theme', 'auto'],
      ['persist', 'session'],
      ['safety-note', ''],
    ]);
  });

  it("escapes a clinic's note so it stays text in an attribute or in the slot", () => {
    const hostile = `Call "988" <b>now</b> & 'stay' ></therapist-match><script>alert(1)</script>`;
    const attribute = parse(tagOf(config((c) => ((c.safety.mode = 'own'), (c.safety.text = hostile)))));
    expect(attribute.body.children.length).to.equal(1);
    expect(attribute.querySelector('therapist-match')!.getAttribute('safety-note')).to.equal(hostile);

    const slot = parse(
      tagOf(
        config((c) => {
          c.safety.mode = 'own';
          c.safety.text = hostile;
          c.safety.linkUrl = 'https://crisis.example/?a=1&b="2"';
          c.safety.linkText = '<img src=x onerror=alert(1)>';
        }),
      ),
    );
    const note = slot.querySelector('therapist-match > p[slot="safety"]')!;
    expect(slot.querySelectorAll('script, img, b').length).to.equal(0);
    expect(note.firstChild!.textContent).to.equal(`${hostile} `);
    expect(note.querySelector('a')!.getAttribute('href')).to.equal('https://crisis.example/?a=1&b="2"');
    expect(note.querySelector('a')!.textContent).to.equal('<img src=x onerror=alert(1)>');
  });

  it('accepts web, phone and mail links, never script or data', () => {
    for (const ok of ['https://988lifeline.org', 'tel:988', 'mailto:help@clinic.example', '/crisis', 'crisis.html'])
      expect(safeLink(ok), ok).to.equal(ok);
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<p>', 'vbscript:x', ''])
      expect(safeLink(bad), bad).to.equal(undefined);
  });

  it('writes a font only as a list of names, never something that ends the rule', () => {
    expect(safeFont("'Source Sans 3', sans-serif")).to.equal("'Source Sans 3', sans-serif");
    expect(safeFont('Arial; } body { display: none')).to.equal(undefined);
    expect(cssOf(config((c) => (c.font = 'Arial; } body { display: none')))).to.equal('');
  });

  it('writes the preset as a module script only when there is one', () => {
    expect(snippetOf(config()).split('\n')).to.have.length(2);
    const lines = snippetOf(config((c) => (c.preset.format = 'in-person'))).split('\n');
    expect(lines.slice(2)).to.deep.equal([
      '<script type="module">',
      "  document.querySelector('therapist-match').preset = {",
      "    formats: { value: ['in-person'], importance: 'required' },",
      '  };',
      '</script>',
    ]);
  });

  it('measures contrast as WCAG does, and reads hex colours as people type them', () => {
    expect(contrast('#ffffff', '#000000')).to.be.closeTo(21, 0.001);
    expect(contrast('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
    expect(contrast('#767676', '#ffffff')).to.be.closeTo(4.54, 0.01);
    expect(['#ABC', 'abc', '#AaBbCc', ' #aabbcc ', 'red', '#abcd'].map(normaliseHex)).to.deep.equal([
      '#aabbcc',
      '#aabbcc',
      '#aabbcc',
      '#aabbcc',
      undefined,
      undefined,
    ]);
  });

  it("keeps hints, borders and button text readable on a clinic's own colours", () => {
    const palettes = [
      ['#2b2118', '#fdf6e3', '#7a1f5c'],
      ['#f5f5f5', '#202020', '#ffb347'],
      ['#000000', '#fafafa', '#767676'],
      ['#3b2f2f', '#e8f1f2', '#2a9d8f'],
    ];
    for (const [text, surface, primary] of palettes) {
      const c = config((c) => (c.colours = { text, surface, primary }));
      const { tokens, changed } = tokensOf(c);
      expect(changed).to.include.members(['text', 'surface', 'primary', 'onPrimary', 'muted', 'border']);
      expect(contrast(tokens.muted, surface), `muted on ${surface}`).to.be.at.least(4.5);
      expect(contrast(tokens.border, surface), `border on ${surface}`).to.be.at.least(3);
      expect(contrast(tokens.onPrimary, primary), `on ${primary}`).to.be.at.least(4.5);
      expect(tokens.muted, 'muted is softer than the text').not.to.equal(text);
    }
    // A clash is reported, not hidden.
    const clash = contrastChecks(config((c) => (c.colours.primary = '#f0f0f0')));
    expect(clash.find((check) => check.label.startsWith('Buttons'))!.ratio).to.be.below(1.2);
  });

  it('assumes the light defaults and the radius the manifest documents', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const root = manifest.modules
      .flatMap((m: { declarations?: { tagName?: string }[] }) => m.declarations ?? [])
      .find((d: { tagName?: string }) => d.tagName === 'therapist-match');
    const documented = new Map<string, string>(
      root.cssProperties.map((p: { name: string; default: string }) => [p.name, p.default]),
    );
    const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const [name, value] of Object.entries(THEME_TOKENS.light))
      expect(documented.get(`--tm-color-${kebab(name)}`), name).to.equal(value);
    expect(documented.get('--tm-radius')).to.equal(`${DEFAULT_RADIUS}px`);
  });

  describe('the theme colours it assumes are the widget’s', () => {
    before(async () => {
      if (customElements.get('therapist-match')) return;
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/dist/cdn/therapist-match.js';
      const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
      document.head.append(script);
      await loaded;
    });

    for (const theme of ['light', 'dark'] as const)
      it(`theme="${theme}"`, async () => {
        const root = document.createElement('therapist-match');
        root.setAttribute('src', '/demo/data/therapists.json');
        root.setAttribute('theme', theme);
        document.body.append(root);
        try {
          const quiz = await quizReady(root);
          const next = quiz.shadowRoot!.querySelector('[part~="next"]')!;
          const heading = quiz.shadowRoot!.querySelector('h2')!;
          const tokens = THEME_TOKENS[theme];
          expect(getComputedStyle(root).backgroundColor).to.equal(rgb(tokens.surface));
          expect(getComputedStyle(heading).color).to.equal(rgb(tokens.text));
          expect(getComputedStyle(next).backgroundColor).to.equal(rgb(tokens.primary));
          expect(getComputedStyle(next).color).to.equal(rgb(tokens.onPrimary));
          if (theme === 'dark') {
            const style = getComputedStyle(root);
            const names = { muted: 'muted', accent: 'accent', danger: 'danger', border: 'border', focus: 'focus' };
            for (const [key, name] of Object.entries(names))
              expect(style.getPropertyValue(`--tm-color-${name}`).trim(), key).to.equal(
                tokens[key as keyof typeof tokens],
              );
          }
        } finally {
          root.remove();
        }
      });
  });
});
