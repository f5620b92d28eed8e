// Licensed clinicians only: a listing whose licence or certification is a non-clinical role is
// dropped with that reason; a bio that merely mentions such words is kept for a person to review;
// a licence type the widget does not know is a warning, never silent.
import { expect } from '@open-wc/testing';
import { licenceKind } from '../../src/engine/index.js';
import { lines, minimal, read } from './read.js';

const licensed = (type: string, extra: Record<string, unknown> = {}) =>
  minimal({ licenses: [{ type, jurisdiction: 'US-CA' }], ...extra });

describe('clinical licences', () => {
  it('recognises clinical licences as written, US and international, without a word', async () => {
    const types = [
      'LMFT',
      'LCSW',
      'PsyD',
      'Psy.D.',
      'Psychologist',
      'Licensed Clinical Social Worker',
      'Licensed Professional Counselor',
      'Marriage and Family Therapist',
      'RP',
      'Registered Psychotherapist',
      'Psicóloga sanitaria',
      'psicologa sanitaria',
      'LMFT #12345',
      'LCSW (Oregon)',
    ];
    const { therapists, problems } = await read(types.map((type, k) => licensed(type, { id: `th-${k}` })));
    expect(problems).to.deep.equal([]);
    expect(therapists.map((t) => t.licenses[0].type)).to.deep.equal(types);
  });

  it('drops a listing whose licence is a non-clinical role, saying which role', async () => {
    for (const [type, role] of [
      ['Surrogate Partner', 'Surrogate'],
      ['Sexological Bodyworker', 'Bodywork'],
      ['Tantra Practitioner', 'Tantra'],
      ['Sex Coach', 'Coach'],
    ]) {
      const { therapists, problems } = await read([licensed(type)]);
      expect(therapists, type).to.deep.equal([]);
      expect(problems, type).to.deep.equal([
        {
          severity: 'error',
          index: 0,
          id: 'th-1',
          path: 'licenses.0.type',
          message: `"${type}" is not a clinical licence (${role}): only licensed clinicians are listed`,
          fix: 'remove this listing, or give the clinical licence the therapist holds (LMFT, LCSW, LPC, psychologist…)',
        },
      ]);
    }
  });

  it('drops the listing when any one of its licences is a non-clinical role', async () => {
    const { therapists, problems } = await read([
      minimal({
        licenses: [
          { type: 'LMFT', jurisdiction: 'US-CA' },
          { type: 'Surrogate Partner', jurisdiction: 'US-CA' },
        ],
      }),
    ]);
    expect(therapists).to.deep.equal([]);
    expect(lines(problems)).to.deep.equal([
      'error licenses.1.type: "Surrogate Partner" is not a clinical licence (Surrogate): only licensed clinicians are listed',
    ]);
  });

  it('drops a listing with a surrogate, IPSA or bodywork certification', async () => {
    for (const [body, name, role] of [
      ['IPSA', 'Surrogate Partner Therapist', 'IPSA'],
      ['International Professional Surrogates Association', 'Certified Member', 'Surrogate'],
      ['Somatica Institute', 'Sexological Bodywork', 'Bodywork'],
    ]) {
      const { therapists, problems } = await read([
        minimal({
          certifications: [
            { body: 'AASECT', name: 'Certified Sex Therapist' },
            { body, name },
          ],
        }),
      ]);
      expect(therapists, body).to.deep.equal([]);
      expect(problems, body).to.deep.equal([
        {
          severity: 'error',
          index: 0,
          id: 'th-1',
          path: 'certifications.1',
          message: `"${name}" (${body}) is a non-clinical role (${role}): surrogate partners, bodyworkers and tantra practitioners are not sex therapists`,
          fix: 'remove this listing: sex therapy is talk therapy and never involves physical contact',
        },
      ]);
    }
  });

  it('keeps a listing whose bio only mentions such words, with a warning for a person to review', async () => {
    const bio = 'I do not offer bodywork or any hands-on work: sessions are conversation only.';
    const { therapists, problems } = await read([minimal({ bio })]);
    expect(therapists.map((t) => t.bio)).to.deep.equal([bio]);
    expect(problems).to.deep.equal([
      {
        severity: 'warning',
        index: 0,
        id: 'th-1',
        path: 'bio',
        message: 'mentions "bodywork"; the listing is kept for a person to review',
        fix: 'read it: sex therapy is talk therapy, and a listing offering physical contact must be removed',
      },
    ]);
  });

  it('shows an unrecognised licence type as written, with a warning', async () => {
    const { therapists, problems } = await read([licensed('Sexologist')]);
    expect(therapists.map((t) => t.licenses)).to.deep.equal([[{ type: 'Sexologist', jurisdiction: 'US-CA' }]]);
    expect(problems).to.deep.equal([
      {
        severity: 'warning',
        index: 0,
        id: 'th-1',
        path: 'licenses.0.type',
        message: '"Sexologist" is not a licence type this widget recognises; it is shown as written',
        fix: 'check the spelling, or add the type with the licenseTypes option if it is a clinical licence',
      },
    ]);
  });

  it('recognises the types a site adds with licenseTypes, never a non-clinical role', async () => {
    const licenseTypes = ['Sexologist', 'Surrogate Partner'];
    const added = await read([licensed('Sexologist'), licensed('sexologist', { id: 'th-2' })], { licenseTypes });
    expect(added.problems).to.deep.equal([]);
    expect(added.therapists).to.have.length(2);
    const role = await read([licensed('Surrogate Partner')], { licenseTypes });
    expect(role.therapists).to.deep.equal([]);
    expect(role.problems.map((p) => [p.severity, p.path])).to.deep.equal([['error', 'licenses.0.type']]);
    // The option is the site's own: without it, the type is unknown again.
    expect(licenceKind('Sexologist')).to.equal('unknown');
  });
});
