// Numbers in messages ("Step 2 of 5") read as the platform's Intl.NumberFormat writes them for the
// page's language, in every region: the shortcut that spares the first screen the platform's number
// data must never change a digit.
import { expect } from '@open-wc/testing';
import { formatMessage } from '../../src/i18n/index.js';

/** Every two-letter language the platform names, and a few longer tags (which always ask Intl). */
function languages(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const found = ['fil', 'yue', 'zh-Hant', 'sr-Latn', 'pa-Arab', 'uz-Arab', 'en-u-nu-arab'];
  for (let a = 97; a <= 122; a++)
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      try {
        if (names.of(code)) found.push(code);
      } catch {
        // not a language code here
      }
    }
  return found;
}

/** Every region the platform names, as tags a page may use (`en-GB`, `ar-EG`, `es-419`). */
function regions(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const found = ['419'];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        if (names.of(code)) found.push(code);
      } catch {
        // not a region code here
      }
    }
  return found;
}

const NUMBERS = [0, -0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99, 512, 999, 1000, 12345, 2.5, -3];

describe('numbers in messages', () => {
  it('are written as Intl.NumberFormat writes them, for every language and region', function () {
    // Some 50,000 tags, a formatter each: seconds on a busy machine.
    this.timeout(120_000);
    const differ: string[] = [];
    const all = regions();
    for (const language of languages())
      for (const tag of [language, ...(language.length === 2 ? all.map((region) => `${language}-${region}`) : [])]) {
        let intl: Intl.NumberFormat;
        try {
          intl = new Intl.NumberFormat(tag);
        } catch {
          continue; // a tag this platform does not take
        }
        for (const n of NUMBERS) {
          const shown = formatMessage('Step {n}', tag, { n });
          if (shown !== `Step ${intl.format(n)}`) differ.push(`${tag} ${n}: ${shown}`);
        }
      }
    expect(differ).to.deep.equal([]);
  });

  it('keep the digits of languages that do not write ASCII digits', () => {
    expect(formatMessage('Step {index} of {count}', 'ar-EG', { index: 2, count: 5 })).to.equal('Step ٢ of ٥');
    expect(formatMessage('Step {index} of {count}', 'en-u-nu-thai', { index: 2, count: 5 })).to.equal('Step ๒ of ๕');
    expect(formatMessage('Step {index} of {count}', 'es', { index: 2, count: 5 })).to.equal('Step 2 of 5');
    expect(formatMessage('{count} matches', 'en', { count: 1234 })).to.equal('1,234 matches');
  });
});
