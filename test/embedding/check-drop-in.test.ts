// The directory checker's drop-in file, as a clinic hosts it beside its directory: one
// <script type="module" src=".../check.js"> and one tag, no build step. It checks the demo's
// problem file with zod fetched from its own chunks/, shows the widget's cards, and defines
// nothing of the quiz widget.
import { expect } from '@open-wc/testing';
import { cardNames, counts, fileOf, pick, rows, type Checker } from '../components/directory-check-helpers.js';

const CHECKER = '/dist/cdn/check.js';

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`${src} failed to load`)));
    document.head.append(script);
  });
}

describe('the checker drop-in <script type="module" src="dist/cdn/check.js">', () => {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  let el: Checker;

  before(async () => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    el = document.body.appendChild(document.createElement('tm-directory-check')) as Checker;
    await loadScript(CHECKER);
  });

  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    el.remove();
  });

  it('defines the checker and the card, and nothing of the quiz widget', () => {
    expect(customElements.get('tm-directory-check')).to.be.a('function');
    expect(customElements.get('tm-match-card')).to.be.a('function');
    expect(customElements.get('therapist-match')).to.equal(undefined);
    expect(customElements.get('tm-quiz')).to.equal(undefined);
  });

  it("checks the demo's problem file, explaining errors with zod from chunks/check-*", async () => {
    const response = await fetch('/demo/data/directory-with-problems.csv');
    const file = fileOf([await response.arrayBuffer()], 'directory-with-problems.csv', 'text/csv');
    expect(await pick(el, file)).to.equal(
      'Checked directory-with-problems.csv: 7 records. 4 kept, 4 of them with warnings; 3 dropped because of errors.',
    );
    expect(counts(el)).to.deep.equal({
      'Records in the file': '7',
      Kept: '4',
      'Kept with warnings': '4',
      'Dropped (errors)': '3',
    });
    expect(rows(el)[0].slice(0, 4)).to.deep.equal(['✗ Error', 'Line 4', 'ck-003', 'licenses.0.type']);
    expect(cardNames(el)).to.deep.equal(['Marisol Quillfeather', 'Benedict Okafor', 'Wren Alderbrook']);
    const chunks = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/cdn/'));
    expect(chunks.some((path) => /^\/dist\/cdn\/chunks\/check-schema-[\w-]+\.js$/.test(path))).to.equal(true);
    expect(chunks.filter((path) => !/^\/dist\/cdn\/(check\.js|chunks\/check-)/.test(path))).to.deep.equal([]);
    expect(({} as Record<string, unknown>).bookingUrl).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  });
});
