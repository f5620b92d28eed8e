// <tm-match-card>: one ranked therapist, with credentials as stated, practical facts, the match
// strength and the reasons for it, and ways to get in touch. Record data is shown as text only.
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Match, MatchReason } from '../../engine/types.js';
import { CONTACT, WEB, hasScheme } from '../../engine/rules.js';
import { periodEnd } from '../../engine/dates.js';
import type { License, Therapist } from '../../engine/schema.js';
import { defaultVocabulary, type Vocabulary } from '../../engine/vocabulary.js';
import { emit, type TmEventDetails } from '../../events.js';
import type { Catalogue } from '../../i18n/localize.js';
import { baseStyles } from '../../styles/tokens.js';
import { ResultsText, ResultsTextController } from '../results/results-text.js';
import { matchCardStyles } from './match-card.styles.js';

type Channel = TmEventDetails['tm-contact']['channel'];

/** Icons beside each reason's words, so status never rests on colour alone. */
const ICONS: Record<MatchReason['status'], string> = { met: '✓', 'partly-met': '◐', 'not-met': '✗', unused: '–' };

/** Reasons in the order a person weighs them: what was met, partly met and missed; unused ones go to one line. */
const STATUS_ORDER: MatchReason['status'][] = ['met', 'partly-met', 'not-met'];
function ordered(reasons: readonly MatchReason[]): MatchReason[] {
  return STATUS_ORDER.flatMap((status) => reasons.filter((reason) => reason.status === status));
}

/** The criteria not used for this match, named together on one line. */
function unusedLine(reasons: readonly MatchReason[], t: ResultsText) {
  const unused = reasons.filter((reason) => reason.status === 'unused');
  return unused.length
    ? html`<li class="unused">
        <span class="icon" aria-hidden="true">${ICONS.unused}</span>
        <span
          ><span class="state">${t.t('results.unusedList')}:</span> ${t.list(
            unused.map((reason) => t.criterion(reason.criterion)),
          )}</span
        >
      </li>`
    : nothing;
}

/** `url` when its scheme is allowed: the schema checks this too, but records can change after parsing. */
function safe(url: string | undefined, schemes: readonly string[]): string | undefined {
  return url && hasScheme(url, schemes) ? url : undefined;
}

/** "AB" from "Dr. Avery Brightwater": first and last words, titles with a full stop skipped. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => word && !word.endsWith('.'));
  const ends = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return ends.map((word) => [...word][0].toLocaleUpperCase()).join('');
}

/**
 * One therapist in the results: photo or initials, name, pronouns, licences and certifications
 * exactly as the listing states them, sessions, distance or video eligibility, languages, fees,
 * availability, the match strength, "Why this match", and contact actions.
 *
 * @summary A ranked therapist with the reasons for the match.
 * @tag tm-match-card
 *
 * @csspart card - The card's box.
 * @csspart photo - The photo, or the initials shown when there is none or it fails to load.
 * @csspart name - The therapist's name (a heading).
 * @csspart credentials - Licences and certifications.
 * @csspart badge - The AASECT badge, shown only when a certification's body is AASECT.
 * @csspart score - The match strength: a meter and its words.
 * @csspart facts - Sessions, location, languages, fees and availability.
 * @csspart reasons - The "Why this match" disclosure.
 * @csspart about - The disclosure with the therapist's own description.
 * @csspart contact - The contact and booking links.
 * @csspart link - Each contact, booking or licence-verification link.
 *
 * @cssprop [--tm-card-background=var(--tm-color-surface, #ffffff)] - Card background.
 * @cssprop [--tm-card-radius=var(--tm-radius, 8px)] - Card corner radius.
 * @cssprop [--tm-card-padding=var(--tm-space, 1em)] - Space inside the card.
 *
 * @fires tm-select - A person opened the card's details or reasons; `detail.id` is the therapist's id.
 * @fires tm-contact - A person used a contact action; `detail` has `id` and `channel` (`booking`, `email`, `phone`, `website`).
 */
export class TmMatchCard extends LitElement {
  static override styles = [baseStyles, matchCardStyles];

  /** The match to show: a therapist with its score and reasons, as the engine returns it. */
  @property({ attribute: false }) match?: Match;

  /** Language of the card; inherited from the nearest `lang` when empty. */
  @property() override lang = '';

  /** Overrides for any `results.*` message. */
  @property({ attribute: false }) strings: Partial<Catalogue> = {};

  /** Labels of concerns, formats, genders, communities and modalities. */
  @property({ attribute: false }) vocabulary: Vocabulary = defaultVocabulary;

  /** The person contacted this therapist during this visit: the card says so. */
  @property({ type: Boolean }) contacted = false;

  @state() private photoFailed = false;

  private readonly texts = new ResultsTextController(this);
  private get text(): ResultsText {
    return this.texts.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('match') && changed.get('match')?.therapist.photoUrl !== this.match?.therapist.photoUrl)
      this.photoFailed = false;
  }

  private contact(channel: Channel) {
    emit(this, 'tm-contact', { id: this.match!.therapist.id, channel });
  }

  private toggled(event: Event) {
    if ((event.target as HTMLDetailsElement).open) emit(this, 'tm-select', { id: this.match!.therapist.id });
  }

  protected override render() {
    const match = this.match;
    if (!match) return nothing;
    const t = this.text;
    const th = match.therapist;
    const strength = match.score >= 0.75 ? 'strong' : match.score >= 0.5 ? 'good' : 'partial';
    const unknown = match.reasons.filter(
      (reason) =>
        reason.status !== 'unused' && (reason.details?.unknown === true || reason.details?.gender === 'unknown'),
    ).length;
    const stale = match.reasons.some((reason) => reason.criterion === 'listingAge' && reason.details?.stale === true);
    return html`
      <article part="card" class="card" aria-labelledby="name" lang=${t.lang}>
        <div class="head">
          ${this.renderPhoto(th)}
          <div>
            <h3 part="name" id="name">${th.name}</h3>
            ${th.pronouns ? html`<p class="muted pronouns">${th.pronouns}</p>` : nothing}
            ${this.contacted ? html`<p class="contacted">✓ ${t.t('results.contacted')}</p>` : nothing}
            ${this.renderCredentials(match, t)}
          </div>
          <div part="score" class="score">
            <span id="score"
              >${t.t(`results.score.${strength}`, { percent: t.percent(match.score) })}${
                // Wishes the listing does not state count as unmet in the percentage: say how many.
                unknown ? `. ${t.t('results.score.unknown', { count: unknown })}` : ''
              }</span
            >
            <meter aria-labelledby="score" min="0" max="1" .value=${match.score}></meter>
            ${th.acceptingNewClients === false ? html`<p class="full">${t.t('results.notAccepting')}</p>` : nothing}
          </div>
        </div>
        ${this.renderFacts(match, t)}
        <details part="reasons" @toggle=${this.toggled}>
          <summary>${t.t('results.why')}</summary>
          <ul class="reasons">
            ${ordered(match.reasons).map((reason) => this.renderReason(reason, t, match.reasons))}
            ${unusedLine(match.reasons, t)}
          </ul>
        </details>
        ${this.renderAbout(th, t)} ${this.renderContact(th, t, !!(match.license && th.licenses[match.license.index]))}
        ${
          th.lastVerified
            ? html`<p class="verified">
                ${t.t('results.verified', { date: t.recordDate(th.lastVerified) })}${
                  // Old listings are marked, never dropped: the engine says which (staleAfterMonths).
                  stale ? html`${' · '}<strong class="outdated">${t.t('results.outdated')}</strong>` : nothing
                }
              </p>`
            : nothing
        }
      </article>
    `;
  }

  private renderPhoto(th: Therapist) {
    const src = safe(th.photoUrl, WEB);
    return src && !this.photoFailed
      ? html`<img
          part="photo"
          class="photo"
          src=${src}
          alt=""
          width="64"
          height="64"
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          @error=${() => (this.photoFailed = true)}
        />`
      : html`<span part="photo" class="photo initials" aria-hidden="true">${initialsOf(th.name)}</span>`;
  }

  private renderCredentials(match: Match, t: ResultsText) {
    const th = match.therapist;
    const applies = match.license && th.licenses[match.license.index];
    const today = new Date().toISOString().slice(0, 10);
    return html`<div part="credentials" class="credentials">
      ${applies ? this.renderLicences(match, t) : this.renderLicenceTypes(th, t)}
      ${
        th.certifications?.length
          ? html`<ul aria-label=${t.t('results.certifications')}>
              ${th.certifications.map((cert) => {
                // A date given as a month or a year lasts to its end.
                const end = cert.expires !== undefined ? periodEnd(cert.expires) : undefined;
                const expired = end !== undefined && end < today;
                const aasect = cert.body.trim().toUpperCase() === 'AASECT';
                const notes = [
                  cert.since ? t.t('results.since', { date: t.recordDate(cert.since) }) : '',
                  expired
                    ? t.t('results.expired', { date: t.recordDate(cert.expires!) })
                    : cert.expires
                      ? t.t('results.validUntil', { date: t.recordDate(cert.expires) })
                      : aasect
                        ? t.t('results.renewalUnknown')
                        : '',
                ].filter(Boolean);
                return html`<li>
                  ${aasect && !expired ? html`<span part="badge" class="badge">AASECT</span> ` : nothing}${t.t(
                    'results.certification',
                    { name: cert.name, body: cert.body },
                  )}${
                    // The space is data, not template text: the build's HTML minifier drops it before a tag.
                    notes.length ? html`<span class="muted">${` (${notes.join('; ')})`}</span>` : nothing
                  }
                </li>`;
              })}
            </ul>`
          : nothing
      }
    </div>`;
  }

  /** Every licence by type, with the places each covers, when none is known to be the one for this person. */
  private renderLicenceTypes(th: Therapist, t: ResultsText) {
    const byType = new Map<string, string[]>();
    for (const licence of th.licenses)
      byType.set(licence.type, [...(byType.get(licence.type) ?? []), licence.jurisdiction]);
    return html`<p>
      <span class="vh">${t.t('results.licences')}: </span>${[...byType]
        .map(([type, places]) => `${t.licence(type)} (${t.list(places.map((place) => t.place(place)))})`)
        .join('; ')}
    </p>`;
  }

  /**
   * The licence that lets this therapist see this person first, with its number and its own verify
   * link; the others in a disclosure, each with theirs.
   */
  private renderLicences(match: Match, t: ResultsText) {
    const { index, for: format } = match.license!;
    const licences = match.therapist.licenses;
    const line = (licence: License) => {
      const text = `${t.licence(licence.type)} (${t.place(licence.jurisdiction)})${
        licence.number ? `, ${t.t('results.licenceNumber', { number: licence.number })}` : ''
      }`;
      const verify = safe(licence.verifyUrl, WEB);
      // Spaces are data, not template text: the build's HTML minifier drops them before a tag.
      return html`${verify ? `${text} ` : text}${
        verify
          ? html`<a part="link" href=${verify} target="_blank" rel="noopener noreferrer"
              >${t.t('results.verifyLicence')}<span class="vh"> ${t.t('results.newTab')}</span></a
            >`
          : nothing
      }`;
    };
    const others = licences.filter((_, k) => k !== index);
    return html`<p class="licence">
        <strong
          >${t.t(format === 'telehealth' ? 'results.licenceFor.telehealth' : 'results.licenceFor.in-person')}</strong
        >${' '}${line(licences[index])}
      </p>
      ${
        others.length
          ? html`<details class="licences">
              <summary>${t.t('results.otherLicences', { count: others.length })}</summary>
              <ul>
                ${others.map((licence) => html`<li>${line(licence)}</li>`)}
              </ul>
            </details>`
          : nothing
      }`;
  }

  private renderFacts(match: Match, t: ResultsText) {
    const th = match.therapist;
    const row = (label: string, value: unknown) =>
      value
        ? html`<div class="row">
            <dt>${label}</dt>
            <dd>${value}</dd>
          </div>`
        : nothing;
    const region = th.location?.region;
    const place = [th.location?.city, region && t.place(region)].filter(Boolean).join(', ');
    const where = [
      place,
      match.distanceKm !== undefined
        ? t.t('results.distance', { distance: t.distance(match.distanceKm) })
        : th.formats.includes('in-person') && (th.location?.lat === undefined || th.location?.lng === undefined)
          ? t.t('results.distanceUnknown')
          : '',
      match.telehealthEligible === undefined || !th.formats.includes('telehealth')
        ? ''
        : t.t(match.telehealthEligible ? 'results.telehealthEligible' : 'results.telehealthNotEligible'),
    ].filter(Boolean);
    const fees = th.fees;
    const feeText = fees
      ? [
          fees.max !== undefined && fees.max > fees.min
            ? t.t('results.feeRange', { min: t.money(fees.min, fees.currency), max: t.money(fees.max, fees.currency) })
            : t.t('results.feeFrom', { min: t.money(fees.min, fees.currency) }),
          fees.slidingScale ? t.t('results.slidingScale') : '',
        ]
          .filter(Boolean)
          .join(', ')
      : '';
    const availability = [
      // Not saying is shown as such: it never reads as accepting.
      t.t(
        th.acceptingNewClients === undefined
          ? 'results.acceptingUnknown'
          : th.acceptingNewClients
            ? 'results.accepting'
            : 'results.notAccepting',
      ),
      th.freeConsultation ? t.t('results.freeConsultation') : '',
    ].filter(Boolean);
    // Rows are wrapped in <div> so the grid keeps label and value together (allowed in <dl>).
    return html`<dl part="facts">
      ${row(t.t('results.sessions'), t.list(th.formats.map((format) => t.term('formats', format))))}
      ${row(t.t('results.location'), where.join(' · '))}
      ${row(t.t('results.languages'), th.languages?.length && t.list(th.languages.map((tag) => t.language(tag))))}
      ${row(t.t('results.fees'), feeText)}
      ${row(t.t('results.insurance'), th.insurance?.length && t.list(th.insurance))}
      ${row(t.t('results.availability'), availability.join(' · '))}
    </dl>`;
  }

  private renderReason(reason: MatchReason, t: ResultsText, all: MatchReason[]): TemplateResult {
    const d = reason.details ?? {};
    const term = (id: string) => t.term(reason.criterion, id);
    const facts: string[] = [];
    if (typeof d.concern === 'string') facts.push(t.term('concerns', d.concern));
    if (typeof d.seeking === 'string') facts.push(t.term('clientTypes', d.seeking));
    if (typeof d.ageGroup === 'string') facts.push(t.term('ageGroups', d.ageGroup));
    // Whose wish and what the therapist is, named apart: "your partner would like Woman; this therapist: Man".
    // With several partners, each by number: "Partner 2 would like Woman; this therapist: Man".
    const number = reason.partner;
    const wish = Array.isArray(d.wanted) && reason.who ? d.wanted : undefined;
    if (wish)
      facts.push(
        t.t(number ? 'results.wish.partnerN' : `results.wish.${reason.who!}`, {
          wanted: t.list(wish.map(term), 'disjunction'),
          number: number ?? 0,
        }),
      );
    if (typeof d.gender === 'string' && d.gender !== 'unknown')
      facts.push(wish ? t.t('results.therapistIs', { gender: term(d.gender) }) : t.term('genders', d.gender));
    // The listing's own words for its faith, culture or identity; its style in the widget's words.
    const own = Array.isArray(d.therapist) ? d.therapist : undefined;
    if (reason.criterion === 'therapyStyle' && Array.isArray(d.wanted)) {
      facts.push(t.t('results.style.wish', { wanted: t.list(d.wanted.map(term)) }));
      if (own) facts.push(t.t('results.style.therapist', { style: t.list(own.map(term)) }));
    } else if (own) facts.push(t.t('results.therapistIs', { gender: t.list(own.map(term)) }));
    if (Array.isArray(d.matched) && d.matched.length) facts.push(t.list(d.matched.map(term)));
    if (Array.isArray(d.missing) && d.missing.length)
      facts.push(t.t('results.detail.missing', { list: t.list(d.missing.map(term)) }));
    if (typeof d.km === 'number') facts.push(t.t('results.distance', { distance: t.distance(d.km) }));
    if (typeof d.min === 'number' && typeof d.currency === 'string')
      facts.push(t.t('results.feeFrom', { min: t.money(d.min, d.currency) }));
    if (reason.criterion === 'formats') {
      const offered = (['in-person', 'telehealth'] as const).filter((f) => d[f === 'in-person' ? 'inPerson' : f]);
      if (offered.length) facts.push(t.list(offered.map(term)));
    }
    if (typeof d.months === 'number')
      facts.push(
        d.months ? t.t('results.detail.verifiedAgo', { count: d.months }) : t.t('results.detail.verifiedRecently'),
      );
    if (d.stale === true) facts.push(t.t('results.outdated'));
    if (d.unknown === true || d.gender === 'unknown' || d.stated === false) facts.push(t.t('results.detail.unknown'));
    // Name whose wish it was only for couples, where it tells the partners apart.
    const couple = all.some((r) => r.who && r.who !== 'you');
    const whose = () => (number ? t.t('results.who.partnerN', { number }) : t.t(`results.who.${reason.who!}`));
    const who = couple && reason.who && !wish ? ` (${whose()})` : '';
    return html`<li class=${reason.status}>
      <span class="icon" aria-hidden="true">${ICONS[reason.status] ?? ''}</span>
      <span
        ><span class="state">${t.t(`results.status.${reason.status}`)}:</span> ${t.criterion(reason.criterion)}${
          facts.length ? `: ${facts.join('; ')}` : ''
        }${who}</span
      >
    </li>`;
  }

  private renderAbout(th: Therapist, t: ResultsText) {
    const terms = (list: 'modalities' | 'communities', ids?: string[]) =>
      ids?.length
        ? html`<p><strong>${t.t(`results.${list}`)}:</strong> ${t.list(ids.map((id) => t.term(list, id)))}</p>`
        : nothing;
    if (!th.bio && !th.modalities?.length && !th.communities?.length) return nothing;
    return html`<details part="about" @toggle=${this.toggled}>
      <summary>${t.t('results.about', { name: th.name })}</summary>
      <div class="about">
        ${th.bio ? html`<p>${th.bio}</p>` : nothing} ${terms('modalities', th.modalities)}
        ${terms('communities', th.communities)}
      </div>
    </details>`;
  }

  private renderContact(th: Therapist, t: ResultsText, licensed: boolean) {
    const link = (href: string | undefined, label: string, channel?: Channel, css = '') => {
      if (!href) return nothing;
      const web = hasScheme(href, WEB);
      return html`<a
        part="link"
        class=${css}
        href=${href}
        target=${web ? '_blank' : '_self'}
        rel=${web ? 'noopener noreferrer' : ''}
        aria-describedby="name"
        @click=${channel ? () => this.contact(channel) : undefined}
        >${label}${web ? html`<span class="vh"> ${t.t('results.newTab')}</span>` : nothing}</a
      >`;
    };
    const phone = th.phone?.replace(/[^+\d]/g, '');
    // With the licence for this person known, each verify link sits beside its own licence.
    const verifyUrl = licensed ? undefined : th.licenses.map((licence) => safe(licence.verifyUrl, WEB)).find(Boolean);
    return html`<div part="contact" class="contact">
      ${link(
        safe(th.bookingUrl, CONTACT),
        // Not taking new clients: the main action says what it can still do.
        t.t(th.acceptingNewClients === false ? 'results.bookWaitlist' : 'results.book'),
        'booking',
        'book',
      )}
      ${link(th.email ? `mailto:${th.email}` : undefined, t.t('results.email'), 'email')}
      ${link(phone ? `tel:${phone}` : undefined, t.t('results.phone', { phone: th.phone! }), 'phone')}
      ${link(safe(th.website, WEB), t.t('results.website'), 'website')} ${link(verifyUrl, t.t('results.verifyLicence'))}
    </div>`;
  }
}
