// <tm-match-card>: every field as a person reads it, untrusted data, reasons, meter, keyboard, RTL, axe.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { TmMatchCard } from '../../src/components/match-card/match-card.js';
import type { Match } from '../../src/engine/types.js';
import { parseTherapists } from '../../src/engine/schema.js';
import { expectAccessible, matchOf, textOf, therapist } from './results-fixtures.js';

async function card(match: Match = matchOf(), lang = 'en'): Promise<TmMatchCard> {
  return fixture<TmMatchCard>(html`<tm-match-card .match=${match} lang=${lang}></tm-match-card>`);
}
const $ = (el: TmMatchCard, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: TmMatchCard, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
/** The value shown beside a label in the facts list. */
const fact = (el: TmMatchCard, label: string) =>
  textOf(
    $$(el, 'dl > div')
      .find((row) => textOf(row.querySelector('dt')) === label)
      ?.querySelector('dd'),
  );

describe('<tm-match-card>', () => {
  it('shows every field of the record as a person reads it', async () => {
    const el = await card();
    expect(textOf($(el, 'h3'))).to.equal('Dr. Avery Brightwater');
    expect(textOf($(el, '.pronouns'))).to.equal('she/her');
    expect(textOf($(el, '[part="credentials"] p'))).to.equal(
      // Places by name, licence abbreviations spelled out where the card first names them.
      'Licences: LMFT, Licensed Marriage and Family Therapist (Oregon and Washington); PsyD, Doctor of Psychology (California)',
    );
    expect(textOf($(el, '[part="credentials"] li'))).to.equal(
      'AASECT Certified Sex Therapist (AASECT) (since Mar 15, 2015; valid until Jun 30, 2099)',
    );
    expect(fact(el, 'Sessions')).to.equal('In person and Video (telehealth)');
    // Plain English defaults to the US, so miles.
    expect(fact(el, 'Location')).to.equal(
      'Portland, Oregon · 7.6 mi away · Licensed for video sessions where you live',
    );
    expect(fact(el, 'Languages')).to.equal('English and Spanish');
    expect(fact(el, 'Fees')).to.equal('$120–$180 per session, sliding scale');
    expect(fact(el, 'Insurance')).to.equal('Aetna and Cigna');
    expect(fact(el, 'Availability')).to.equal('Accepting new clients · Free first consultation');
    expect(textOf($(el, '.verified'))).to.equal('Listing last verified Mar 5, 2026');
    const about = textOf($(el, '[part="about"]'));
    expect(about).to.contain('About Dr. Avery Brightwater');
    expect(about).to.contain('Cognitive behavioural therapy and Sensate focus (exercises done at home)');
    expect(about).to.contain('LGBTQ+ people');
  });

  it('offers booking in a new tab and the other contact channels', async () => {
    const el = await card();
    const links = $$(el, '[part="contact"] a') as HTMLAnchorElement[];
    expect(links.map((a) => [textOf(a), a.getAttribute('href')])).to.deep.equal([
      ['Book a session (opens in a new tab)', 'https://booking.example.org/avery-1'],
      ['Email', 'mailto:therapist1@example.org'],
      ['Call +1 555 0101', 'tel:+15550101'],
      ['Website (opens in a new tab)', 'https://example.org/therapists/1'],
      ['Verify licence (opens in a new tab)', 'https://licensing.example.org/verify/1'],
    ]);
    expect(links[0].target).to.equal('_blank');
    expect(links[0].rel).to.equal('noopener noreferrer');
    expect(links[1].target).to.not.equal('_blank');
  });

  it('says when the therapist is not licensed for video where the person lives, and leaves out what is missing', async () => {
    const t = therapist({ insurance: [], fees: undefined, freeConsultation: false, lastVerified: undefined });
    const el = await card(matchOf(t, { distanceKm: undefined, telehealthEligible: false }));
    expect(fact(el, 'Location')).to.equal('Portland, Oregon · Not licensed for video sessions where you live');
    expect(fact(el, 'Fees')).to.equal('');
    expect(fact(el, 'Insurance')).to.equal('');
    expect(fact(el, 'Availability')).to.equal('Accepting new clients');
    expect($(el, '.verified')).to.equal(null);
  });

  it('shows initials when there is no photo or the photo fails to load', async () => {
    const none = await card();
    expect(textOf($(none, '.initials'))).to.equal('AB');
    expect($(none, 'img')).to.equal(null);

    const broken = await card(matchOf(therapist({ photoUrl: new URL('/no-such-photo.jpg', location.href).href })));
    expect($(broken, 'img')).to.not.equal(null);
    await waitUntil(() => $(broken, '.initials'), 'initials never replaced the broken photo', { timeout: 5000 });
    expect(textOf($(broken, '.initials'))).to.equal('AB');
    expect($(broken, 'img')).to.equal(null);
  });

  it('shows the photo when it loads', async () => {
    const src = new URL('/node_modules/lit/logo.svg', location.href).href;
    const el = await card(matchOf(therapist({ photoUrl: src })));
    const img = $(el, 'img[part="photo"]') as HTMLImageElement;
    await waitUntil(() => img.complete, 'photo never loaded', { timeout: 5000 });
    expect(img.naturalWidth).to.be.greaterThan(0);
    expect(img.getAttribute('src')).to.equal(src);
    expect($(el, '.initials')).to.equal(null);
  });

  it('shows the AASECT badge only when a certification says AASECT is its body', async () => {
    const aasect = await card();
    expect($$(aasect, '[part="badge"]').map(textOf)).to.deep.equal(['AASECT']);

    const other = await card(
      matchOf(
        therapist({
          certifications: [
            { body: 'Sample Institute of Sexual Health', name: 'Sex Therapy Training Certificate' },
            { body: 'Sample Academy', name: 'AASECT-style training' },
          ],
        }),
      ),
    );
    expect($$(other, '[part="badge"]')).to.have.length(0);
    expect($$(other, '[part="credentials"] li').map(textOf)).to.deep.equal([
      'Sex Therapy Training Certificate (Sample Institute of Sexual Health)',
      'AASECT-style training (Sample Academy)',
    ]);

    const expired = await card(
      matchOf(
        therapist({ certifications: [{ body: 'AASECT', name: 'Certified Sex Therapist', expires: '2020-06-30' }] }),
      ),
    );
    expect($$(expired, '[part="badge"]')).to.have.length(0);
    expect(textOf($(expired, '[part="credentials"] li'))).to.equal(
      'Certified Sex Therapist (AASECT) (expired Jun 30, 2020)',
    );
  });

  it('shows dates at the precision the directory gave, and says when AASECT renewal is not stated', async () => {
    const thisYear = String(new Date().getUTCFullYear());
    const el = await card(
      matchOf(
        therapist({
          lastVerified: '2026-03',
          certifications: [
            // Only a year: certified since 2018, renewal (every three years) not stated.
            { body: 'AASECT', name: 'Certified Sex Therapist', since: '2018' },
            // An expiry stated as this year lasts to its end: not expired yet.
            { body: 'AASECT', name: 'Certified Sex Therapy Supervisor', since: '2019-06', expires: thisYear },
            { body: 'Sample Institute', name: 'Sex Therapy Certificate', expires: '2021' },
          ],
        }),
      ),
    );
    expect($$(el, '[part="credentials"] li').map(textOf)).to.deep.equal([
      'AASECT Certified Sex Therapist (AASECT) (since 2018; renewed every three years; current status not stated)',
      `AASECT Certified Sex Therapy Supervisor (AASECT) (since Jun 2019; valid until ${thisYear})`,
      'Sex Therapy Certificate (Sample Institute) (expired 2021)',
    ]);
    expect(textOf($(el, '.verified'))).to.equal('Listing last verified Mar 2026');
  });

  it('says the distance is unknown for an in-person office listed without coordinates', async () => {
    const t = therapist({ location: { city: 'Portland', region: 'US-OR' } });
    const el = await card(matchOf(t, { distanceKm: undefined }));
    expect(fact(el, 'Location')).to.equal(
      'Portland, Oregon · distance unknown · Licensed for video sessions where you live',
    );
    const es = await card(matchOf(t, { distanceKm: undefined }), 'es');
    await waitUntil(() => fact(es, 'Ubicación') !== '', 'Spanish messages load', { timeout: 5000 });
    expect(fact(es, 'Ubicación')).to.contain('distancia desconocida');
  });

  it('never turns hostile record data into links or markup', async () => {
    const t = therapist({
      name: '<img src=x onerror="window.__pwned=1">Eve',
      photoUrl: 'https://images.example.org/x.jpg',
    });
    // Changed after parsing, as a buggy adapter or a script on the page could.
    t.bookingUrl = 'javascript:window.__pwned=1';
    t.website = 'JavaScript:alert(1)';
    t.photoUrl = 'javascript:alert(1)';
    t.licenses[0].verifyUrl = 'data:text/html,<script>alert(1)</script>';
    const el = await card(matchOf(t));
    const hrefs = ($$(el, 'a') as HTMLAnchorElement[]).map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['mailto:therapist1@example.org', 'tel:+15550101']);
    expect($$(el, 'img')).to.have.length(0);
    expect(textOf($(el, 'h3'))).to.equal('<img src=x onerror="window.__pwned=1">Eve');
    expect($(el, 'h3')!.children).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows no link for a hostile URL in a record: reading left it out and kept the listing', async () => {
    const { therapists, problems } = parseTherapists([
      {
        ...therapist({ photoUrl: 'javascript:alert(1)' }),
        bookingUrl: 'javascript:window.__pwned=1',
        website: 'data:text/html,<script>alert(1)</script>',
        licenses: [{ type: 'LMFT', jurisdiction: 'US-OR', verifyUrl: 'vbscript:msgbox(1)' }],
      },
    ]);
    expect(problems.map((p) => [p.severity, p.path])).to.deep.equal([
      ['warning', 'photoUrl'],
      ['warning', 'licenses.0.verifyUrl'],
      ['warning', 'bookingUrl'],
      ['warning', 'website'],
    ]);
    const el = await card(matchOf(therapists[0]));
    const hrefs = ($$(el, 'a') as HTMLAnchorElement[]).map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['mailto:therapist1@example.org', 'tel:+15550101']);
    expect($$(el, 'img')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows match strength as a meter with words', async () => {
    for (const [score, words] of [
      [0.86, 'Strong match, 86%'],
      [0.6, 'Good match, 60%'],
      [0.3, 'Partial match, 30%'],
    ] as const) {
      const el = await card(matchOf(therapist(), { score }));
      const meter = $(el, 'meter') as HTMLMeterElement;
      expect(meter.value).to.equal(score);
      expect(textOf(el.shadowRoot!.getElementById(meter.getAttribute('aria-labelledby')!))).to.equal(words);
    }
  });

  it('explains the match in words and icons, naming whose wish it was for couples', async () => {
    const el = await card();
    const items = $$(el, '[part="reasons"] li');
    expect(items.map(textOf)).to.deep.equal([
      // What was met first, then partly met, then missed; criteria not used on one line at the end.
      '✓ Met: Main concern: Different levels of desire between partners (you both)',
      '✓ Met: Languages: Spanish (your wish)',
      '✓ Met: Distance: 7.6 mi away',
      '◐ Partly met: Communities: LGBTQ+ people; not listed: Kink and BDSM (your wish)',
      '✗ Not met: Therapist gender: Woman (your partner’s wish)',
      '– Not used: Budget',
    ]);
    expect(items[0].querySelector('.icon')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('does not name "your wish" for one person', async () => {
    const el = await card(
      matchOf(therapist(), {
        reasons: [
          {
            criterion: 'languages',
            status: 'met',
            who: 'you',
            importance: 'required',
            contribution: 0.2,
            details: { matched: ['es'] },
          },
        ],
      }),
    );
    expect(textOf($(el, '[part="reasons"] li'))).to.equal('✓ Met: Languages: Spanish');
  });

  it('opens "Why this match" from the keyboard and reports the selection without answers', async () => {
    const el = await card();
    const details = $(el, '[part="reasons"]') as HTMLDetailsElement;
    const reasonList = details.querySelector('ul')!;
    expect(reasonList.checkVisibility()).to.equal(false);
    (details.querySelector('summary') as HTMLElement).focus();
    const selected = oneEvent(el, 'tm-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(details.open).to.equal(true);
    expect(reasonList.checkVisibility()).to.equal(true);
    expect(event.detail).to.deep.equal({ id: 'sample-test-1' });
    expect(event.composed).to.equal(true);
    await sendKeys({ press: ' ' });
    await waitUntil(() => !details.open, 'Space did not close the disclosure', { timeout: 5000 });
  });

  it('reports a contact action with its channel', async () => {
    const el = await card();
    // Keep the test page where it is: the event is what matters here.
    el.addEventListener('click', (event) => event.preventDefault());
    const contacted = oneEvent(el, 'tm-contact');
    ($(el, 'a.book') as HTMLElement).click();
    expect((await contacted).detail).to.deep.equal({ id: 'sample-test-1', channel: 'booking' });
    const email = oneEvent(el, 'tm-contact');
    ($$(el, '[part="contact"] a')[1] as HTMLElement).click();
    expect((await email).detail).to.deep.equal({ id: 'sample-test-1', channel: 'email' });
  });

  it('speaks Spanish, with kilometres', async () => {
    const el = await card(matchOf(), 'es');
    // Spanish loads on demand; the card renders again once it is there.
    await waitUntil(() => /^Muy/.test(textOf($(el, '.score span'))), 'the Spanish messages never arrived', {
      timeout: 5000,
    });
    expect(textOf($(el, '.score span'))).to.match(/^Muy buena coincidencia, 86\s%$/);
    expect(fact(el, 'Sesiones')).to.equal('En persona y Por vídeo (telesalud)');
    expect(fact(el, 'Ubicación')).to.equal(
      'Portland, Oregón · a 12 km · Con licencia para sesiones por vídeo donde vives',
    );
    expect(fact(el, 'Idiomas')).to.equal('inglés y español');
    expect(fact(el, 'Tarifas')).to.match(/^120\sUS\$–180\sUS\$ por sesión, tarifa según ingresos$/);
    expect(textOf($(el, 'summary'))).to.equal('Por qué coincide');
    expect(textOf($(el, '[part="reasons"] li'))).to.equal(
      '✓ Se cumple: Motivo principal: Diferencias de deseo en la pareja (de ambos)',
    );
    expect(textOf($(el, 'a.book'))).to.equal('Reservar una sesión (se abre en una pestaña nueva)');
  });

  it('lays out right to left on an RTL page', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl" style="inline-size: 360px"><tm-match-card .match=${matchOf()}></tm-match-card></div>`,
    );
    const el = wrapper.querySelector('tm-match-card')!;
    await el.updateComplete;
    const photo = $(el, '[part="photo"]')!.getBoundingClientRect();
    const name = $(el, 'h3')!.getBoundingClientRect();
    const card = $(el, '.card')!.getBoundingClientRect();
    expect(photo.left).to.be.greaterThan(name.right - 1);
    expect(card.right - photo.right).to.be.lessThan(40);
  });

  it('puts the score under the name at 320px and beside it on a wide card', async () => {
    for (const [width, beside] of [
      [320, false],
      [800, true],
    ] as const) {
      const wrapper = await fixture<HTMLElement>(
        html`<div style=${`inline-size: ${width}px`}><tm-match-card .match=${matchOf()}></tm-match-card></div>`,
      );
      const el = wrapper.querySelector('tm-match-card')!;
      await el.updateComplete;
      const name = $(el, 'h3')!.getBoundingClientRect();
      const score = $(el, '[part="score"]')!.getBoundingClientRect();
      expect(score.top < name.bottom, `score beside the name at ${width}px`).to.equal(beside);
      expect(el.getBoundingClientRect().width).to.equal(width);
    }
  });

  it('is accessible (axe, WCAG 2.2 AA)', async () => {
    const el = await card();
    ($(el, '[part="reasons"]') as HTMLDetailsElement).open = true;
    await expectAccessible(el);
  });
});
