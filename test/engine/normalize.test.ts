// Forgiving reading of what clinics export: headers in any spelling, yes/no, labels for ids,
// language names, lists in one cell, dates at the precision a directory knows. Every change of a
// value is a warning that names the field; nothing is dropped without one.
import { expect } from '@open-wc/testing';
import { createVocabulary, rankTherapists, type MatchAnswers } from '../../src/engine/index.js';
import { lines, minimal, read, spreadsheetRow } from './read.js';

describe('reading a spreadsheet export', () => {
  it('reads headers in any spelling, flat location columns and compact licences, with no problem', async () => {
    const { therapists, problems } = await read([spreadsheetRow()]);
    expect(problems).to.deep.equal([]);
    expect(therapists).to.deep.equal([
      {
        id: 'th-1',
        name: 'Dr. Ana Ruiz',
        licenses: [{ type: 'LMFT', jurisdiction: 'US-CA', number: '12345' }],
        formats: ['in-person', 'telehealth'],
        location: { city: 'Oakland', region: 'CA', postalCode: '94612', lat: 37.8044, lng: -122.2712 },
      },
    ]);
  });

  it('reads every column of a full export, saying what it changed and what it could not read', async () => {
    const { therapists, problems } = await read([
      spreadsheetRow({
        Pronouns: 'she/her',
        Gender: 'Female',
        Photo: 'www.example.org/ana.jpg',
        Specialties: 'Low desire; Dolor en las relaciones (incluye vaginismo y suelo pélvico); Erectile dysfunction',
        'Client Type': 'Individuals, Couples',
        'Ages Served': 'Adults; Seniors',
        Languages: 'English, Español',
        Modalities: 'CBT; Sensate focus',
        Communities: 'LGBTQ+; Polyamory',
        'Telehealth States': 'us-ca; US-NV',
        Fee: '$150',
        'Max fee': '220',
        Currency: 'usd',
        'Sliding Scale': 'Y',
        Insurance: 'Aetna; Blue Cross, Blue Shield | Kaiser',
        'Accepting New Clients': 'no',
        'Free Consultation': 'Sí',
        'Booking Link': 'https://example.org/book',
        Email: ' ana@example.org ',
        Phone: '+1 510 555 0100',
        Website: 'https://example.org',
        'Last Verified': '2026-03',
        Certifications: 'AASECT:Certified Sex Therapist',
        Notes: 'call first',
      }),
    ]);
    expect(lines(problems)).to.deep.equal([
      'warning gender: "Female" was read as "woman"',
      'warning photoUrl: "www.example.org/ana.jpg" had no https://; it was added',
      'warning concerns.0: "Low desire" was read as "low-desire"',
      'warning concerns.1: "Dolor en las relaciones (incluye vaginismo y suelo pélvico)" was read as "pain-with-sex"',
      'warning concerns.2: "Erectile dysfunction" was read as "erectile-concerns"',
      'warning clientTypes.0: "Individuals" was read as "individual"',
      'warning clientTypes.1: "Couples" was read as "couple"',
      'warning ageGroups.0: "Adults" was read as "adult"',
      'warning ageGroups.1: "Seniors" was read as "older-adult"',
      'warning languages.0: "English" was read as "en"',
      'warning languages.1: "Español" was read as "es"',
      'warning modalities.0: "CBT" was read as "cbt"',
      'warning modalities.1: "Sensate focus" was read as "sensate-focus"',
      'warning communities.0: "LGBTQ+" was read as "lgbtq"',
      'warning communities.1: "Polyamory" was read as "polyamory"',
      'warning fees.min: "$150" was read as 150',
      'warning Notes: is not a field of the record format; it was ignored',
    ]);
    expect(therapists).to.deep.equal([
      {
        id: 'th-1',
        name: 'Dr. Ana Ruiz',
        licenses: [{ type: 'LMFT', jurisdiction: 'US-CA', number: '12345' }],
        formats: ['in-person', 'telehealth'],
        location: { city: 'Oakland', region: 'CA', postalCode: '94612', lat: 37.8044, lng: -122.2712 },
        pronouns: 'she/her',
        gender: 'woman',
        photoUrl: 'https://www.example.org/ana.jpg',
        concerns: ['low-desire', 'pain-with-sex', 'erectile-concerns'],
        clientTypes: ['individual', 'couple'],
        ageGroups: ['adult', 'older-adult'],
        languages: ['en', 'es'],
        modalities: ['cbt', 'sensate-focus'],
        communities: ['lgbtq', 'polyamory'],
        telehealthJurisdictions: ['US-CA', 'US-NV'],
        fees: { min: 150, max: 220, currency: 'USD', slidingScale: true },
        // Names of insurers hold commas, so only ; | and line breaks separate them.
        insurance: ['Aetna', 'Blue Cross, Blue Shield', 'Kaiser'],
        acceptingNewClients: false,
        freeConsultation: true,
        bookingUrl: 'https://example.org/book',
        email: 'ana@example.org',
        phone: '+1 510 555 0100',
        website: 'https://example.org',
        lastVerified: '2026-03',
        certifications: [{ body: 'AASECT', name: 'Certified Sex Therapist' }],
      },
    ]);
    // Every change names what to write instead.
    expect(problems.every((p) => p.severity === 'warning' && p.index === 0 && p.id === 'th-1' && p.fix)).to.equal(true);
    expect(problems.find((p) => p.path === 'concerns.0')?.fix).to.equal('write the id "low-desire"');
  });
});

describe('yes and no', () => {
  it('reads "Accepting New Clients: no" as not accepting, so the listing never looks bookable', async () => {
    // The original bug: the column was silently ignored and the therapist shown as accepting.
    const { therapists, problems } = await read([
      spreadsheetRow({ 'Therapist ID': 'full', 'Accepting New Clients': 'no' }),
      spreadsheetRow({ 'Therapist ID': 'open', 'Accepting New Clients': 'yes' }),
    ]);
    expect(problems).to.deep.equal([]);
    expect(therapists.map((t) => [t.id, t.acceptingNewClients])).to.deep.equal([
      ['full', false],
      ['open', true],
    ]);
    const answers = {
      seeking: 'individual',
      acceptingNewClients: { value: true, importance: 'required' },
    } as MatchAnswers;
    const result = rankTherapists(therapists, answers);
    expect(result.matches.map((m) => m.therapist.id)).to.deep.equal(['open']);
  });

  it('reads the header in any spelling and every common way of writing yes or no', async () => {
    const headers = ['Accepting New Clients', 'accepting_new_clients', 'ACCEPTING-NEW-CLIENTS', 'acceptingNewClients'];
    const no = ['no', 'No', 'NO', 'n', 'N', 'false', 'FALSE', '0', 'off', ' no ', 0, false];
    const yes = ['yes', 'Yes', 'Y', 'true', 'True', '1', 'x', 'on', 'sí', 'Sí', 'SÍ', 'si', 'Si\u0301', 1, true];
    for (const header of headers)
      for (const [values, expected] of [
        [no, false],
        [yes, true],
      ] as const)
        for (const value of values) {
          const { therapists, problems } = await read([minimal({ [header]: value })]);
          expect(problems, `${header}: ${JSON.stringify(value)}`).to.deep.equal([]);
          expect(therapists[0].acceptingNewClients, `${header}: ${JSON.stringify(value)}`).to.equal(expected);
        }
  });

  it('leaves out a word it cannot read as yes or no, saying so, and keeps the listing', async () => {
    const { therapists, problems } = await read([minimal({ 'Accepting New Clients': 'maybe' })]);
    expect(lines(problems)).to.deep.equal([
      'warning acceptingNewClients: must be a boolean; it was left out (was "maybe")',
    ]);
    expect(therapists).to.have.length(1);
    expect(therapists[0]).to.not.have.property('acceptingNewClients');
  });
});

describe('vocabulary terms', () => {
  it('reads English and Spanish labels, ids in any spelling, and comma-joined labels as ids', async () => {
    const { therapists, problems } = await read([
      minimal({
        concerns: ['Low desire', 'Deseo bajo', 'DESIRE_DISCREPANCY', 'Body image, Sexual trauma', 'sexual-shame'],
      }),
    ]);
    expect(lines(problems)).to.deep.equal([
      'warning concerns.0: "Low desire" was read as "low-desire"',
      'warning concerns.1: "Deseo bajo" was read as "low-desire"',
      'warning concerns.2: "DESIRE_DISCREPANCY" was read as "desire-discrepancy"',
      'warning concerns.3: "Body image, Sexual trauma" was read as "body-image", "sexual-trauma"',
    ]);
    expect(therapists[0].concerns).to.deep.equal([
      'low-desire',
      'desire-discrepancy',
      'body-image',
      'sexual-trauma',
      'sexual-shame',
    ]);
  });

  it('keeps an unknown concern with a warning, because a site may match on its own words', async () => {
    const { therapists, problems } = await read([minimal({ Specialties: 'Low desire; Fertility stress' })]);
    expect(lines(problems)).to.deep.equal([
      'warning concerns.0: "Low desire" was read as "low-desire"',
      'warning concerns.1: "Fertility stress" is not in the concerns vocabulary; it was kept, but no quiz answer will match it',
    ]);
    expect(problems[1].fix).to.equal(
      "write one of the ids in docs/records.md, or add the term to the site's vocabulary",
    );
    expect(therapists[0].concerns).to.deep.equal(['low-desire', 'Fertility stress']);
  });

  it('drops an unknown client type with a warning, keeping the others and the listing', async () => {
    const { therapists, problems } = await read([minimal({ 'Client Type': 'Couples; Toddlers' })]);
    expect(lines(problems)).to.deep.equal([
      'warning clientTypes.0: "Couples" was read as "couple"',
      'warning clientTypes.1: "Toddlers" is not one of "individual", "couple", "family", "group"; it was ignored',
    ]);
    expect(problems[1].fix).to.equal('write one of individual, couple, family, group');
    expect(therapists[0].clientTypes).to.deep.equal(['couple']);
  });

  it("knows a site's own terms when read with its vocabulary", async () => {
    const vocabulary = createVocabulary(undefined, {
      extend: {
        concerns: [
          {
            id: 'fertility-stress',
            group: 'wellbeing',
            labels: { en: 'Fertility stress', es: 'Estrés por fertilidad' },
          },
        ],
      },
    });
    const row = minimal({ Specialties: 'Estrés por fertilidad; low-desire' });
    const site = await read([row], { vocabulary });
    expect(lines(site.problems)).to.deep.equal([
      'warning concerns.0: "Estrés por fertilidad" was read as "fertility-stress"',
    ]);
    expect(site.therapists[0].concerns).to.deep.equal(['fertility-stress', 'low-desire']);
    // Already written as ids: nothing to say with the site's vocabulary, a warning without it.
    const ids = minimal({ concerns: ['fertility-stress'] });
    expect((await read([ids], { vocabulary })).problems).to.deep.equal([]);
    expect(lines((await read([ids])).problems)).to.deep.equal([
      'warning concerns.0: "fertility-stress" is not in the concerns vocabulary; it was kept, but no quiz answer will match it',
    ]);
  });

  it('reads the words directories use for common terms', async () => {
    const { therapists, problems } = await read([
      minimal({
        concerns: 'Premature ejaculation; Vaginismus; Low libido; Infidelity',
        modalities: 'Cognitive Behavioral Therapy; EFT',
        communities: 'Transgender; Ethical non-monogamy; BDSM',
      }),
    ]);
    expect(therapists[0].concerns).to.deep.equal([
      'early-ejaculation',
      'pain-with-sex',
      'low-desire',
      'infidelity-recovery',
    ]);
    expect(therapists[0].modalities).to.deep.equal(['cbt', 'emotion-focused']);
    expect(therapists[0].communities).to.deep.equal(['trans', 'polyamory', 'kink']);
    expect(problems.map((p) => p.message)).to.have.length(9);
    expect(problems.every((p) => p.severity === 'warning' && / was read as /.test(p.message))).to.equal(true);
  });
});

describe('languages', () => {
  it('reads names in English, Spanish or the language itself, and tags in any case', async () => {
    const { therapists, problems } = await read([
      minimal({ Languages: 'English, Español; Français | ASL; es-mx; PT-br; Mandarin' }),
    ]);
    expect(therapists[0].languages).to.deep.equal(['en', 'es', 'fr', 'ase', 'es-MX', 'pt-BR', 'zh']);
    expect(lines(problems)).to.deep.equal([
      'warning languages.0: "English" was read as "en"',
      'warning languages.1: "Español" was read as "es"',
      'warning languages.2: "Français" was read as "fr"',
      'warning languages.3: "ASL" was read as "ase"',
      'warning languages.6: "Mandarin" was read as "zh"',
    ]);
  });

  it('drops a language it does not know with a warning and keeps the listing', async () => {
    for (const unknown of ['Klingon', 'english!', 'Elvish (Sindarin)', 'xx', 'zz-ZZ']) {
      const { therapists, problems } = await read([minimal({ languages: ['en', unknown] })]);
      expect(therapists.map((t) => t.languages)).to.deep.equal([['en']]);
      expect(lines(problems)).to.deep.equal([
        `warning languages.1: "${unknown}" is not a language this widget knows; it was ignored`,
      ]);
      expect(problems[0].fix).to.equal('write a language tag such as "en" or "es-MX", or its English name');
    }
  });

  it('reads tags in their usual case, with underscores, and withdrawn codes as their successors', async () => {
    const { therapists, problems } = await read([minimal({ languages: ['EN', 'en_US', 'zh-hant-tw', 'iw'] })]);
    expect(therapists[0].languages).to.deep.equal(['en', 'en-US', 'zh-Hant-TW', 'he']);
    expect(lines(problems)).to.deep.equal(['warning languages.3: "iw" was read as "he"']);
  });

  it('checks the tags of a record that needs nothing else, too', async () => {
    // Otherwise clean records skip the normaliser: their language tags must not.
    const { therapists, problems } = await read([minimal({ languages: ['es', 'xx'] })]);
    expect(therapists[0].languages).to.deep.equal(['es']);
    expect(lines(problems)).to.deep.equal([
      'warning languages.1: "xx" is not a language this widget knows; it was ignored',
    ]);
  });

  it('reads a name and its code as the same tag, so the two listings match the same person', async () => {
    const { therapists } = await read([
      minimal({ id: 'by-name', languages: ['Tagalog', 'Hebrew'] }),
      minimal({ id: 'by-code', languages: ['tl', 'he'] }),
      minimal({ id: 'by-other-name', languages: ['Filipino', 'Hebreo'] }),
    ]);
    const [byName, byCode, byOtherName] = therapists.map((t) => t.languages);
    expect(byName).to.deep.equal(byCode);
    expect(byOtherName).to.deep.equal(byCode);
  });
});

describe('lists in one cell', () => {
  it('splits on semicolons, pipes and line breaks, and on commas where items never hold one', async () => {
    const { therapists, problems } = await read([
      minimal({
        'Client Type': 'individual, couple',
        Insurance: 'Aetna;Cigna |Blue Cross, Blue Shield\nKaiser Permanente',
        'Telehealth States': 'US-CA, US-OR;US-WA',
        Concerns: 'low-desire; desire-discrepancy',
      }),
    ]);
    expect(problems).to.deep.equal([]);
    const [t] = therapists;
    expect(t.clientTypes).to.deep.equal(['individual', 'couple']);
    expect(t.insurance).to.deep.equal(['Aetna', 'Cigna', 'Blue Cross, Blue Shield', 'Kaiser Permanente']);
    expect(t.telehealthJurisdictions).to.deep.equal(['US-CA', 'US-OR', 'US-WA']);
    expect(t.concerns).to.deep.equal(['low-desire', 'desire-discrepancy']);
  });

  it('drops empty and repeated entries', async () => {
    const { therapists, problems } = await read([minimal({ concerns: 'low-desire;; low-desire ; ;body-image' })]);
    expect(problems).to.deep.equal([]);
    expect(therapists[0].concerns).to.deep.equal(['low-desire', 'body-image']);
  });
});

describe('dates at the precision a directory knows', () => {
  const certified = (since: unknown, expires: unknown, lastVerified: unknown) =>
    minimal({
      certifications: [{ body: 'AASECT', name: 'Certified Sex Therapist', since, expires }],
      lastVerified,
    });

  it('accepts a year, a month, a day and a time wherever a date appears', async () => {
    for (const date of [
      '2018',
      '2018-06',
      '2018-06-30',
      '2018-06-30T09:15',
      '2018-06-30T09:15:00Z',
      '2018-06-30T09:15:00.5+02:00',
    ]) {
      const { therapists, problems } = await read([certified(date, date, date)]);
      expect(problems, date).to.deep.equal([]);
      expect(therapists[0].certifications).to.deep.equal([
        { body: 'AASECT', name: 'Certified Sex Therapist', since: date, expires: date },
      ]);
      expect(therapists[0].lastVerified).to.equal(date);
    }
  });

  it('reads a year written as a number, and a date with slashes in ISO order', async () => {
    const { therapists, problems } = await read([
      minimal({
        Certifications: [{ Issuer: 'AASECT', Title: 'Certified Sex Therapist', Year: 2018 }],
        'Last Verified': '2026/3/14',
      }),
    ]);
    expect(lines(problems)).to.deep.equal(['warning lastVerified: "2026/3/14" was read as "2026-03-14"']);
    expect(therapists[0].certifications).to.deep.equal([
      { body: 'AASECT', name: 'Certified Sex Therapist', since: '2018' },
    ]);
    expect(therapists[0].lastVerified).to.equal('2026-03-14');
  });

  it('leaves out a date that does not exist, with a warning, and keeps the listing and its certification', async () => {
    const { therapists, problems } = await read([certified('2026-02-30', '2026-01-01T99:99', '2026-13')]);
    const must = 'must be an ISO 8601 date such as 2026, 2026-01 or 2026-01-31; it was left out';
    expect(lines(problems)).to.deep.equal([
      `warning certifications.0.since: ${must} (was "2026-02-30")`,
      `warning certifications.0.expires: ${must} (was "2026-01-01T99:99")`,
      `warning lastVerified: ${must} (was "2026-13")`,
    ]);
    expect(therapists[0].certifications).to.deep.equal([{ body: 'AASECT', name: 'Certified Sex Therapist' }]);
    expect(therapists[0]).to.not.have.property('lastVerified');
  });

  it('knows leap years', async () => {
    expect((await read([minimal({ lastVerified: '2024-02-29' })])).problems).to.deep.equal([]);
    expect(lines((await read([minimal({ lastVerified: '2023-02-29' })])).problems)).to.deep.equal([
      'warning lastVerified: must be an ISO 8601 date such as 2026, 2026-01 or 2026-01-31; it was left out (was "2023-02-29")',
    ]);
  });
});

describe('other values written for people', () => {
  it('reads fees with currency signs and thousands separators, and codes in any case', async () => {
    const { therapists, problems } = await read([
      minimal({ Fee: '$1,200', 'Fee max': '1500 USD', Currency: 'usd', location: { country: 'us', city: 'Oakland' } }),
    ]);
    expect(lines(problems)).to.deep.equal([
      'warning fees.min: "$1,200" was read as 1200',
      'warning fees.max: "1500 USD" was read as 1500',
    ]);
    expect(therapists[0].fees).to.deep.equal({ min: 1200, max: 1500, currency: 'USD' });
    expect(therapists[0].location).to.deep.equal({ country: 'US', city: 'Oakland' });
  });

  it('quotes a code it cannot read as the directory wrote it', async () => {
    const { problems } = await read([minimal({ 'Telehealth States': 'Atlantis', location: { country: 'USA' } })]);
    expect(lines(problems)).to.deep.equal([
      'warning location.country: must be an ISO 3166-1 alpha-2 code such as US; it was left out (was "USA")',
      'warning telehealthJurisdictions.0: must be an ISO 3166-2 code such as US-CA or CA-ON; it was left out (was "Atlantis")',
    ]);
  });

  it('warns about a second column for the same field and keeps the first', async () => {
    const { therapists, problems } = await read([minimal({ 'Full Name': 'Ana R.' })]);
    expect(therapists[0].name).to.equal('Dr. Ana Ruiz');
    expect(problems).to.deep.equal([
      {
        severity: 'warning',
        index: 0,
        id: 'th-1',
        path: 'Full Name',
        message: 'is a second source for name; the first one was kept',
        fix: 'keep one of the two',
      },
    ]);
  });
});
