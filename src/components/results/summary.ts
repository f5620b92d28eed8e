// Above the cards of <tm-results>: the counts and what shaped them (what was left out and why,
// partners' differing wishes, the physician note).
import { html, nothing } from 'lit';
import type { MatchAnswers } from '../../engine/answers.js';
import { physicianFirstConcerns } from '../../engine/physician.js';
import type { RankResult } from '../../engine/types.js';
import type { ResultsText } from './results-text.js';

/** What the summary needs of the results view besides the result. */
export interface SummaryView {
  /** Matches left after the quick filters. */
  kept: number;
  /** Cards on screen. */
  shown: number;
  /** Whether a quick filter is on. */
  filtered: boolean;
  answers?: MatchAnswers;
}

/**
 * Above the cards: how many are shown of how many matched, how many listings were checked and left
 * out, what left them out (each counted once, under its first unmet requirement), where partners'
 * wishes differ, and the physician note when a concern about how the body works was chosen.
 */
export function renderSummary(result: RankResult, t: ResultsText, view: SummaryView) {
  const { kept, shown, filtered } = view;
  const exclusions = result.exclusions.filter((exclusion) => exclusion.count > 0);
  // Each listing left out is counted once (under its first unmet requirement), so these add up.
  const excluded = exclusions.reduce((sum, exclusion) => sum + exclusion.count, 0);
  return html`
    ${
      filtered
        ? html`<p class="muted">
            ${t.t('results.showingFiltered', { count: kept, listed: result.matches.length, shown })}
          </p>`
        : shown > 0 && shown < result.matched
          ? html`<p class="muted">${t.t('results.showing', { shown, matched: result.matched })}</p>`
          : nothing
    }
    ${
      excluded
        ? html`<p class="tally">${t.t('results.tally', { checked: result.total, count: result.matched, excluded })}</p>`
        : nothing
    }
    ${
      exclusions.length
        ? html`<ul part="exclusions" class="notes" aria-label=${t.t('results.excludedHeading')}>
            ${exclusions.map((exclusion) => {
              const d = exclusion.details ?? {};
              const count = exclusion.count;
              if (exclusion.criterion === 'telehealthJurisdiction' && d.jurisdiction)
                return html`<li>
                  ${t.t('results.excluded.telehealthJurisdiction', { count, jurisdiction: t.place(String(d.jurisdiction)) })}
                </li>`;
              if (exclusion.criterion === 'distance' && d.location === 'unknown')
                return html`<li>${t.t('results.excluded.placeUnknown', { count })}</li>`;
              if (exclusion.criterion === 'distance' && typeof d.maxDistanceKm === 'number')
                return html`<li>
                  ${t.t('results.excluded.distance', { count, distance: t.distance(d.maxDistanceKm) })}
                </li>`;
              if (exclusion.criterion === 'formats' && d.formats)
                return html`<li>
                  ${t.t('results.excluded.formats', { count, formats: terms('formats', d.formats, t) })}
                </li>`;
              // Who is seeking and the age group are facts about the person: said as a sentence.
              if (exclusion.criterion === 'clientType' && d.required)
                return html`<li>
                  ${t.t('results.excluded.clientType', { count, seeking: terms('clientTypes', d.required, t) })}
                </li>`;
              if (exclusion.criterion === 'ageGroup' && d.required)
                return html`<li>
                  ${t.t('results.excluded.ageGroup', { count, ageGroup: terms('ageGroups', d.required, t) })}
                </li>`;
              const required = d.required ? ` (${terms(exclusion.criterion, d.required, t)})` : '';
              return html`<li>
                ${t.t('results.excluded.other', { count, criterion: t.criterion(exclusion.criterion) + required })}
              </li>`;
            })}
          </ul>`
        : nothing
    }
    ${
      result.conflicts.length
        ? html`<ul part="conflicts" class="notes" aria-label=${t.t('results.conflictsHeading')}>
            ${result.conflicts.map((conflict) => {
              const values = (ids: string[]) =>
                t.list(
                  ids.map((id) => t.term(conflict.criterion, id)),
                  'disjunction',
                );
              // With several partners, `between` names the two: you (0) or partner k.
              const [first, second] = conflict.between ?? [0, 0];
              const pair = !second ? '' : first ? 'partners.' : 'partnerN.';
              return html`<li>
                ${t.t(`results.conflict.${pair}${conflict.importance === 'required' ? 'required' : 'preferred'}`, {
                  criterion: t.criterion(conflict.criterion),
                  you: values(conflict.you),
                  partner: values(conflict.partner),
                  first,
                  second,
                })}
              </li>`;
            })}
          </ul>`
        : nothing
    }
    ${
      // Where the person decides: the note the concerns step showed, for the site's own vocabulary too.
      view.answers && physicianFirstConcerns(view.answers, t.vocabulary).length
        ? html`<p part="physician" class="physician">${t.t('results.physician')}</p>`
        : nothing
    }
  `;
}

/** Comma-separated ids from exclusion details as their labels, e.g. "In person or Video". */
function terms(criterion: Parameters<ResultsText['term']>[0], ids: string | number, t: ResultsText): string {
  return t.list(
    String(ids)
      .split(',')
      .map((id) => t.term(criterion, id)),
    'disjunction',
  );
}
