// The FHIR demo: a Plan-Net-style payer directory (demo/data/plan-net-directory.json, fictional
// people) read by fhirSource, which loads beside the drop-in (dist/cdn/fhir.js).
import { fhirSource } from '../dist/cdn/fhir.js';

/**
 * This directory's own extension for sexual-health focus areas: FHIR has no code for them, so the
 * site maps it to the widget's concerns (any field or extension could be read the same way).
 */
const FOCUS = 'https://directory.example.org/fhir/StructureDefinition/sexual-health-focus';

const source = fhirSource({
  bundle: new URL('./data/plan-net-directory.json', import.meta.url),
  label: 'the Plan-Net example directory',
  mapRecord(record, context) {
    const concerns = context.extensionValues(FOCUS).filter((value) => typeof value === 'string');
    if (concerns.length) record.concerns = concerns;
  },
});

const status = document.getElementById('directory-status');
const widget = document.querySelector('therapist-match');
widget.source = source;
widget.addEventListener('tm-error', (event) => {
  status.textContent = `The directory could not be read: ${event.detail.message}`;
});

// The Bundle is fetched once, whoever asks first: this reads the same answer the widget gets.
source.search({}, { signal: new AbortController().signal }).then(
  ({ records, skipped }) => {
    status.textContent = `${records.length} behavioural health clinicians read from the directory; ${skipped} other providers left out.`;
  },
  () => {}, // tm-error says it
);
