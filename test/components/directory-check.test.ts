// <tm-directory-check>: real files through the real file input (a spreadsheet export with every
// kind of problem, a JSON export, UTF-16, files that are not data), what the admin sees (counts,
// problem rows, preview cards, the download), dropping, keyboard and axe with WCAG 2.2 AA tags.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/check.js';
import type { TmDirectoryCheck } from '../../src/components/directory-check/directory-check.js';
import { deepActive, expectAccessible, press, tabTo } from './quiz-helpers.js';
import {
  $,
  $$,
  cardNames,
  counts,
  download,
  fileOf,
  headers,
  JSON_EXPORT,
  jsonRecord,
  pick,
  PNG_BYTES,
  rows,
  settled,
  SPREADSHEET_CSV,
  status,
  text,
  utf16le,
  XLSX_BYTES,
  type Checker,
} from './directory-check-helpers.js';

const checker = () => fixture<TmDirectoryCheck>(html`<tm-directory-check></tm-directory-check>`);
const row = (el: Element, where: string, field: string) =>
  rows(el).find((cells) => cells[1] === where && cells[3] === field);

describe('<tm-directory-check>', () => {
  it('says plainly that nothing is uploaded, and offers a labelled file picker', async () => {
    const el = await checker();
    expect(text($(el, '[part="privacy"]'))).to.equal(
      'Nothing is uploaded. The file is read in this browser tab only; it never leaves this computer.',
    );
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    expect(input.labels![0].textContent!.trim()).to.equal('Directory file (CSV or JSON)');
    expect(input.accept).to.contain('.csv').and.contain('.json');
    // The live region is there, empty, before anything is announced.
    expect($(el, '[role="status"]')?.getAttribute('part')).to.equal('status');
    expect(status(el)).to.equal('');
    await expectAccessible(el);
  });

  describe('a spreadsheet export with every kind of problem (semicolons, BOM, labels, yes/no…)', () => {
    let el: Checker;
    // One check for the whole group, in the page until the end (fixtures are removed after each test).
    before(async () => {
      el = document.body.appendChild(document.createElement('tm-directory-check'));
      expect(await pick(el, fileOf(SPREADSHEET_CSV, 'clinic-export.csv', 'text/csv'))).to.equal(
        'Checked clinic-export.csv: 7 records. 4 kept, 4 of them with warnings; 3 dropped because of errors.',
      );
    });
    after(() => el.remove());

    it('shows how many records were kept, kept with warnings and dropped', () => {
      expect(counts(el)).to.deep.equal({
        'Records in the file': '7',
        Kept: '4',
        'Kept with warnings': '4',
        'Dropped (errors)': '3',
      });
      expect(text($(el, 'h2'))).to.equal('clinic-export.csv');
    });

    it('lists every problem by line, id and field, errors first, with the fix in plain words', () => {
      expect(headers(el)).to.deep.equal(['Severity', 'Where', 'Id', 'Field', 'Problem', 'How to fix']);
      const all = rows(el);
      const severities = all.map((cells) => cells[0]);
      expect(severities.slice(0, 4)).to.deep.equal(['✗ Error', '✗ Error', '✗ Error', '✗ Error']);
      expect(severities.slice(4).every((s) => s === '! Warning')).to.equal(true);
      // The surrogate-partner listing: dropped for its licence and its certification.
      const surrogate = row(el, 'Line 4', 'licenses.0.type')!;
      expect(surrogate.slice(0, 4)).to.deep.equal(['✗ Error', 'Line 4', 'ck-003', 'licenses.0.type']);
      expect(surrogate[4]).to.contain('"Sexual Surrogate" is not a clinical licence');
      expect(surrogate[5]).to.match(/^Remove this listing/);
      expect(row(el, 'Line 4', 'certifications.0')![4]).to.contain('surrogate partners');
      // The record without a name.
      const nameless = row(el, 'Line 5', 'name')!;
      expect(nameless.slice(0, 4)).to.deep.equal(['✗ Error', 'Line 5', 'ck-004', 'name']);
      expect(nameless[4]).to.equal('name is missing');
      expect(nameless[5]).to.match(/^Write it as docs\/records\.md describes/);
      // A place that is not a jurisdiction code: the licence goes, then the record has none.
      expect(row(el, 'Line 8', 'licenses')![0]).to.equal('✗ Error');
      expect(row(el, 'Line 8', 'licenses.0.jurisdiction')![4]).to.contain('ISO 3166-2');
      // The unknown column and the hostile header, named on the header row.
      const notes = row(el, 'Header row', 'Internal notes')!;
      expect(notes[0]).to.equal('! Warning');
      expect(notes[4]).to.contain('"Internal notes" is not a field of the record format');
      expect(row(el, 'Header row', '__proto__.bookingUrl')![4]).to.contain('reserved name');
      // The office without coordinates is kept, with a warning.
      expect(row(el, 'Line 3', 'location')!.slice(0, 3)).to.deep.equal(['! Warning', 'Line 3', 'ck-002']);
      expect(row(el, 'Line 3', 'location')![4]).to.contain('has no coordinates');
      // Labels read as ids, unknown terms and values that could not be used.
      expect(row(el, 'Line 2', 'concerns.0')![4]).to.equal('"Desire discrepancy" was read as "desire-discrepancy"');
      expect(row(el, 'Line 6', 'concerns.1')![4]).to.contain('"Unicorn therapy" is not in the concerns vocabulary');
      expect(row(el, 'Line 6', 'fees.slidingScale')![4]).to.contain('(was "maybe")');
      expect(row(el, 'Line 6', 'lastVerified')![4]).to.contain('(was "last spring")');
      expect(text($(el, 'caption'))).to.equal(`${all.length} problems, errors first`);
    });

    it('never writes the hostile header into Object.prototype', () => {
      expect(({} as Record<string, unknown>).bookingUrl).to.equal(undefined);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'bookingUrl')).to.equal(false);
    });

    it('previews the first cards exactly as the widget shows them', () => {
      expect(cardNames(el)).to.deep.equal(['Marisol Quillfeather', 'Benedict Okafor', 'Wren Alderbrook']);
      expect(text($(el, '#preview-heading'))).to.equal('Preview: the first 3 cards of 4');
      const first = $(el, 'tm-match-card')!.shadowRoot!;
      // "no" in Accepting New Clients is read, not ignored.
      expect(text(first.querySelector('[part="facts"]'))).to.contain('Not accepting new clients');
      expect(text(first.querySelector('[part="credentials"]'))).to.contain(
        'LMFT, Licensed Marriage and Family Therapist (California)',
      );
    });

    it('downloads the normalised JSON, with real content, and revokes the URL', async () => {
      const saved = await download(el);
      expect(saved.name).to.equal('clinic-export-normalised.json');
      expect(saved.type).to.equal('application/json');
      expect(saved.revoked).to.equal(true);
      const { therapists } = JSON.parse(saved.json);
      expect(therapists.map((t: { id: string }) => t.id)).to.deep.equal(['ck-001', 'ck-002', 'ck-005', 'ck-006']);
      const [marisol, benedict, wren, tomasz] = therapists;
      expect(marisol.concerns).to.deep.equal(['desire-discrepancy', 'low-desire']);
      expect(marisol.languages).to.deep.equal(['en', 'es']);
      expect(marisol.formats).to.deep.equal(['in-person', 'telehealth']);
      expect(marisol.acceptingNewClients).to.equal(false);
      expect(marisol.location).to.deep.include({ city: 'Oakland', lat: 37.8044, lng: -122.2712 });
      expect(marisol).to.not.have.property('bookingUrl');
      expect(benedict.lastVerified).to.equal('2025');
      expect(benedict.location).to.not.have.property('lat');
      expect(wren.languages).to.deep.equal(['en']);
      expect(wren.fees).to.deep.equal({ min: 150, currency: 'CAD' });
      expect(tomasz.freeConsultation).to.equal(true);
    });

    it('filters and reorders the problem table', async () => {
      const select = (id: string, value: string) => {
        const control = $<HTMLSelectElement>(el, `#${id}`)!;
        control.value = value;
        control.dispatchEvent(new Event('change'));
        return el.updateComplete;
      };
      await select('filter', 'error');
      expect(rows(el).map((cells) => cells[1])).to.deep.equal(['Line 4', 'Line 4', 'Line 5', 'Line 8']);
      expect(text($(el, 'caption'))).to.equal('4 problems, errors first');
      await select('filter', 'warning');
      expect(rows(el).every((cells) => cells[0] === '! Warning')).to.equal(true);
      await select('filter', 'all');
      await select('order', 'file');
      const lines = rows(el).map((cells) => cells[1]);
      expect(lines.slice(0, 2)).to.deep.equal(['Header row', 'Header row']);
      const numbers = lines.slice(2).map((line) => Number(line.replace('Line ', '')));
      expect(numbers).to.deep.equal([...numbers].sort((a, b) => a - b));
      await select('order', 'severity');
    });

    it('passes axe (WCAG 2.2 AA) with the table and the cards', async () => {
      await expectAccessible(el);
    });
  });

  it('reads a JSON export with one bad record among good ones, by record number', async () => {
    const el = await checker();
    expect(await pick(el, fileOf(JSON_EXPORT, 'directory.json', 'application/json'))).to.equal(
      'Checked directory.json: 4 records. 3 kept; 1 dropped because of errors.',
    );
    expect(counts(el)).to.deep.equal({
      'Records in the file': '4',
      Kept: '3',
      'Kept with warnings': '0',
      'Dropped (errors)': '1',
    });
    const [bad] = rows(el);
    expect(bad.slice(0, 4)).to.deep.equal(['✗ Error', 'Record 3', 'js-3', 'licenses']);
    expect(cardNames(el)).to.deep.equal(['Ada Fernhill', 'Bruno Castellane', 'Dmitri Ashdown']);
    const { therapists } = JSON.parse((await download(el)).json);
    expect(therapists.map((t: { id: string }) => t.id)).to.deep.equal(['js-1', 'js-2', 'js-4']);
  });

  it('tells JSON from CSV by content when the name has no extension', async () => {
    const el = await checker();
    await pick(el, fileOf(JSON.stringify([jsonRecord('x-1', 'Esme Thornbury')]), 'export'));
    expect(counts(el).Kept).to.equal('1');
    await pick(el, fileOf('id,name,licenses,formats\nc-1,Fenna Brookside,LPC:US-NV,telehealth\n', 'export'));
    expect(status(el)).to.equal('Checked export: 1 record. 1 kept; 0 dropped because of errors.');
    expect(cardNames(el)).to.deep.equal(['Fenna Brookside']);
  });

  it('reads a UTF-16 file (Excel\'s "Unicode Text"), tabs and accents included', async () => {
    const el = await checker();
    const tsv = 'id\tname\tlicenses\tformats\tlanguages\nu-1\tÓlafur Þórsson\tPsyD:US-WA\ttelehealth\tIcelandic|en\n';
    expect(await pick(el, fileOf([utf16le(tsv)], 'unicode.txt'))).to.equal(
      'Checked unicode.txt: 1 record. 1 kept, 1 of them with warnings; 0 dropped because of errors.',
    );
    expect(cardNames(el)).to.deep.equal(['Ólafur Þórsson']);
    expect(row(el, 'Line 2', 'languages.0')![4]).to.equal('"Icelandic" was read as "is"');
  });

  it('reads a Windows "CSV" (not UTF-8) as Windows-1252 and says so', async () => {
    const el = await checker();
    const csv = 'id,name,licenses,formats\nw-1,Jos\u00e9 Pe\u00f1a,LMFT:US-CA,telehealth\n';
    const bytes = Uint8Array.from(csv, (char) => char.charCodeAt(0)); // é and ñ as single bytes
    await pick(el, fileOf([bytes], 'excel.csv'));
    expect(cardNames(el)).to.deep.equal(['Jos\u00e9 Pe\u00f1a']);
    const [whole] = rows(el).filter((cells) => cells[1] === 'Whole file');
    expect(whole[0]).to.equal('! Warning');
    expect(whole[4]).to.contain('read as Windows-1252');
    expect(whole[5]).to.contain('"CSV UTF-8"');
  });

  describe('files it cannot check say why and what to do', () => {
    const cases: [string, File, RegExp, RegExp][] = [
      [
        'an image',
        fileOf([PNG_BYTES], 'logo.png', 'image/png'),
        /This is an image, not a CSV or JSON file\./,
        /Pick the CSV or JSON file/,
      ],
      [
        'an Excel workbook',
        fileOf([XLSX_BYTES], 'directory.xlsx'),
        /spreadsheet workbook \(\.xlsx, \.ods or \.numbers\)/,
        /"CSV UTF-8"/,
      ],
      ['an empty file', fileOf('', 'empty.csv'), /The file is empty\./, /export finished/],
      [
        'a CSV with only its header',
        fileOf('id,name,licenses,formats\n', 'template.csv'),
        /header row but no rows/,
        /not an empty template/,
      ],
      [
        'broken JSON',
        fileOf('{\n  "therapists": [\n    { "id": "a", }\n  ]\n}', 'broken.json'),
        /syntax error on line 3/,
        /missing comma, quote or bracket/,
      ],
      [
        'JSON that is not a list of therapists',
        fileOf('{"listings": []}', 'other.json'),
        /no list of therapists/,
        /\{ "therapists": \[ … \] \}/,
      ],
      ['plain notes', fileOf('Call the clinic on Monday\n', 'notes'), /does not look like CSV or JSON/, /CSV UTF-8/],
    ];
    for (const [what, file, message, fix] of cases)
      it(`${what}`, async () => {
        const el = await checker();
        const said = await pick(el, file);
        expect(said).to.match(new RegExp(`^${file.name.replace('.', '\\.')} could not be checked\\.`));
        expect(said).to.match(message);
        const error = $(el, '[part="error"]')!;
        expect(text(error)).to.match(message);
        expect(text(error)).to.match(fix);
        expect($(el, 'table')).to.equal(null);
        expect($(el, 'tm-match-card')).to.equal(null);
      });

    it('a file the browser cannot read (moved, or still downloading)', async () => {
      const el = await checker();
      const gone = Object.assign(new Blob(['x']), {
        name: 'moved.csv',
        arrayBuffer: () => Promise.reject(new DOMException('The file could not be read', 'NotReadableError')),
      }) as unknown as File;
      expect(await el.checkFile(gone)).to.equal(undefined);
      expect(status(el)).to.equal('moved.csv could not be checked. The browser could not read this file.');
      expect(text($(el, '[part="error"]'))).to.contain('Pick it again');
    });

    it('passes axe in the error state', async () => {
      const el = await checker();
      await pick(el, fileOf([PNG_BYTES], 'logo.png'));
      await expectAccessible(el);
    });
  });

  it('keeps a long table usable: 200 rows at first, then more on request', async () => {
    const lines = ['id,name,licenses,formats,languages'];
    for (let i = 1; i <= 260; i++) lines.push(`r-${i},Therapist ${i},LMFT:US-CA,telehealth,English`);
    const el = await checker();
    await pick(el, fileOf(lines.join('\n'), 'big.csv'));
    expect(rows(el)).to.have.length(200);
    expect(text($(el, 'caption'))).to.equal('Problems 1–200 of 260, errors first');
    expect(text($(el, '.more'))).to.equal('Showing 200 of 260. Show 60 more');
    $<HTMLButtonElement>(el, '.more button')!.click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(260);
    expect(rows(el)[259].slice(1, 4)).to.deep.equal(['Line 261', 'r-260', 'languages.0']);
    expect($(el, '.more')).to.equal(null);
  });

  it('accepts a dropped file, and fires tm-directory-check with counts only', async () => {
    const el = await checker();
    const zone = $(el, '[part="drop"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(fileOf(JSON_EXPORT, 'dropped.json'));
    const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented, 'dragover accepted').to.equal(true);
    await el.updateComplete;
    expect(zone.classList.contains('dragging')).to.equal(true);
    const event = oneEvent(el, 'tm-directory-checked');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    const { detail } = await event;
    expect(detail).to.deep.equal({ format: 'json', records: 4, kept: 3, dropped: 1, warned: 0 });
    expect(await settled(el)).to.match(/^Checked dropped\.json/);
    expect(zone.classList.contains('dragging')).to.equal(false);
  });

  it('shows the newest file when a second is picked before the first is done; checkFile() fires no event', async () => {
    const el = await checker();
    let fired = 0;
    el.addEventListener('tm-directory-checked', () => fired++);
    const first = el.checkFile(fileOf(SPREADSHEET_CSV, 'first.csv'));
    const second = el.checkFile(fileOf(JSON_EXPORT, 'second.json'));
    expect(await first).to.equal(undefined);
    expect((await second)!.records).to.equal(4);
    expect(status(el)).to.match(/^Checked second\.json/);
    expect(fired).to.equal(0);
  });

  it('works from the keyboard: the picker, the filters, the scrolling table and the download', async () => {
    const el = await checker();
    const input = await tabTo((a) => a instanceof HTMLInputElement && a.type === 'file', 'the file input');
    expect(input.getRootNode()).to.equal(el.shadowRoot);
    await pick(el, fileOf(SPREADSHEET_CSV, 'clinic.csv'));
    (input as HTMLElement).focus();
    await tabTo((a) => a.matches('button[part~="download"]'), 'the download button');
    await tabTo((a) => a.id === 'filter', 'the severity filter');
    await tabTo((a) => a.id === 'order', 'the order');
    const region = await tabTo((a) => a.classList.contains('table-wrap'), 'the scrolling table');
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('aria-labelledby')).to.equal('problems-caption');
    // Enter on the download button saves the file.
    const button = $<HTMLButtonElement>(el, 'button[part~="download"]')!;
    button.focus();
    expect(deepActive()).to.equal(button);
    const saved = await download(el, () => press('Enter'));
    expect(JSON.parse(saved.json).therapists).to.have.length(4);
    expect(deepActive(), 'focus stays on the button').to.equal(button);
    await press('Tab');
    expect(deepActive()).to.not.equal(button);
  });

  it('fits a 320 px wide screen: nothing scrolls sideways, each problem is stacked with its labels', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px"><tm-directory-check></tm-directory-check></div>`,
    );
    const el = wrapper.querySelector('tm-directory-check') as TmDirectoryCheck;
    await pick(el, fileOf(SPREADSHEET_CSV, 'a-rather-long-file-name-from-the-clinic-export.csv'));
    expect(el.scrollWidth).to.be.at.most(320);
    for (const part of ['privacy', 'drop', 'summary', 'problems', 'preview'])
      expect($(el, `[part~="${part}"]`)!.getBoundingClientRect().width, part).to.be.at.most(320);
    const region = $(el, '.table-wrap')!;
    expect(region.scrollWidth).to.be.at.most(region.clientWidth);
    const edge = region.getBoundingClientRect().right;
    const cells = $$(el, 'tbody tr:first-child td');
    for (const cell of cells) expect(cell.getBoundingClientRect().right, cell.className).to.be.at.most(edge);
    const message = cells.find((cell) => cell.classList.contains('message'))!;
    // Chromium resolves attr() in computed style, Firefox reports it as written.
    expect(getComputedStyle(message, '::before').content).to.be.oneOf(['"Problem: "', 'attr(data-label) ": "']);
    expect(message.dataset.label).to.equal('Problem');
    // Still a table for screen readers: explicit roles survive the stacked display.
    expect($(el, 'table')!.getAttribute('role')).to.equal('table');
    expect(message.getAttribute('role')).to.equal('cell');
    await expectAccessible(el);
  });

  it('scrolls the table inside its labelled region, not the page, when columns do not fit', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 42rem"><tm-directory-check></tm-directory-check></div>`,
    );
    const el = wrapper.querySelector('tm-directory-check') as TmDirectoryCheck;
    await pick(el, fileOf(SPREADSHEET_CSV, 'clinic.csv'));
    const region = $(el, '.table-wrap')!;
    expect(getComputedStyle($(el, 'tbody tr')!).display).to.equal('table-row');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('is laid out with logical properties: right to left mirrors the privacy note', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><tm-directory-check></tm-directory-check></div>`);
    const el = wrapper.querySelector('tm-directory-check')!;
    const style = getComputedStyle($(el, '[part="privacy"]')!);
    expect(style.borderRightWidth).to.not.equal('0px');
    expect(style.borderLeftWidth).to.equal('0px');
    expect($$(el, '[style]')).to.deep.equal([]);
  });
});
