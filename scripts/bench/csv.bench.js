// `npm run bench` (after the ranking table): the CSV reader on 1 MB and 10 MB of an ordinary
// directory export and of input built to make a parser slow, in MB/s: a linear reader keeps its rate
// at 10 MB, on every kind of input. `TM_BENCH_CSV_MB=1` for the 1 MB rows alone.
import { parseCsv, readCsv } from '../../dist/sources/csv.js';
import { generateTherapists } from '../../demo/sample/generate.js';

const MB = 1024 * 1024;
const SIZES = (process.env.TM_BENCH_CSV_MB ?? '1,10').split(',').map(Number);

const HEADER = [
  'id',
  'name',
  'pronouns',
  'gender',
  'licenses',
  'licenses.0.verifyUrl',
  'certifications',
  'concerns',
  'clientTypes',
  'ageGroups',
  'languages',
  'modalities',
  'communities',
  'formats',
  'location.city',
  'location.region',
  'location.postalCode',
  'location.country',
  'location.lat',
  'location.lng',
  'telehealthJurisdictions',
  'fees.currency',
  'fees.min',
  'fees.max',
  'fees.slidingScale',
  'insurance',
  'acceptingNewClients',
  'freeConsultation',
  'collaboratesWithMedical',
  'bookingUrl',
  'email',
  'phone',
  'website',
  'lastVerified',
  'bio',
];

const cell = (value) => {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One generated therapist as the row a spreadsheet export would hold. */
function row(t) {
  const list = (items) => (items ?? []).join(';');
  return [
    t.id,
    t.name,
    t.pronouns,
    t.gender,
    t.licenses.map((l) => `${l.type}:${l.jurisdiction}:${l.number}`).join(';'),
    t.licenses[0]?.verifyUrl,
    t.certifications.map((c) => `${c.body}:${c.name}`).join(';'),
    list(t.concerns),
    list(t.clientTypes),
    list(t.ageGroups),
    list(t.languages),
    list(t.modalities),
    list(t.communities),
    list(t.formats),
    t.location?.city,
    t.location?.region,
    t.location?.postalCode,
    t.location?.country,
    t.location?.lat,
    t.location?.lng,
    list(t.telehealthJurisdictions),
    t.fees?.currency,
    t.fees?.min,
    t.fees?.max,
    t.fees?.slidingScale,
    list(t.insurance),
    t.acceptingNewClients,
    t.freeConsultation,
    t.collaboratesWithMedical,
    t.bookingUrl,
    t.email,
    t.phone,
    t.website,
    t.lastVerified,
    // Bios in real exports hold line breaks and quotes.
    `${t.bio}\nSays "hello" first.`,
  ]
    .map(cell)
    .join(',');
}

/** About `bytes` of an ordinary export: generated therapists, one row each, CRLF line ends. */
function ordinaryCsv(bytes) {
  const lines = [HEADER.join(',')];
  let length = lines[0].length;
  let batch = 0;
  while (length < bytes) {
    for (const therapist of generateTherapists(1000, 20261123 + batch++)) {
      const line = row(therapist);
      lines.push(line);
      length += line.length + 2;
      if (length >= bytes) break;
    }
  }
  return { text: lines.join('\r\n') + '\r\n', rows: lines.length - 1 };
}

/** Inputs built to make a careless parser quadratic, `bytes` long. */
const ADVERSARIAL = {
  // The reported freeze: a cell of spaces, then quotes (an even count after the opening one closes it).
  'spaces, then quotes': (bytes) => 'id,bio\nr-1,' + ' '.repeat(bytes / 2) + '"'.repeat(bytes / 2 + 2),
  'text, then quotes (unquoted cell)': (bytes) => 'id,bio\nr-1,x' + '"'.repeat(bytes),
  'doubled quotes in quoted cells': (bytes) => 'id,bio\n' + `r,"${'""'.repeat(30)}"\n`.repeat(bytes / 66),
  'one line, short cells': (bytes) => 'a,'.repeat(bytes / 2),
  'one quoted cell, many line breaks': (bytes) => 'id,bio\nr-1,"' + 'line\n'.repeat(bytes / 5) + '"\n',
  'blank cells only': (bytes) => ' ,'.repeat(bytes / 2),
};

function time(fn, runs) {
  fn(); // warm-up
  const samples = [];
  let result;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], result };
}

const rate = (text, t) => `${(text.length / MB / (t.median / 1000)).toFixed(0)}`;
const runsFor = (mb) => (mb >= 10 ? 5 : 11);

const rows = [];
for (const mb of SIZES) {
  const { text, rows: count } = ordinaryCsv(mb * MB);
  const parse = time(() => parseCsv(text), runsFor(mb));
  const read = time(() => readCsv(text), runsFor(mb));
  if (read.result.records.length !== count || read.result.problems.length)
    throw new Error(`ordinary CSV misread: ${read.result.records.length} of ${count} rows`);
  rows.push(
    `| ordinary export (${count.toLocaleString('en')} therapists) | ${mb} MB | ${parse.median.toFixed(1)} | ${rate(text, parse)} | ${read.median.toFixed(1)} | ${rate(text, read)} |`,
  );
}
for (const [name, make] of Object.entries(ADVERSARIAL)) {
  for (const mb of SIZES) {
    const text = make(mb * MB);
    const parse = time(() => parseCsv(text), runsFor(mb));
    const read = time(() => readCsv(text), runsFor(mb));
    rows.push(
      `| adversarial: ${name} | ${mb} MB | ${parse.median.toFixed(1)} | ${rate(text, parse)} | ${read.median.toFixed(1)} | ${rate(text, read)} |`,
    );
  }
}

console.log(`\nCSV reader, Node ${process.version}; times in ms (median), rates in MB/s (UTF-16 code units)\n`);
console.log('| input | size | parseCsv | MB/s | readCsv (records, warnings) | MB/s |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const line of rows) console.log(line);
