// Helpers for the root element's hostile-input and fuzz tests: driving it to the results, reading
// what a person sees, checking it is usable, and catching the console warnings it gives.
import { expect, waitUntil } from '@open-wc/testing';
import type { TherapistMatch, TmQuiz } from '../../src/index.js';
import type { RankResult } from '../../src/engine/types.js';

export type ResultsElement = HTMLElement & { result?: RankResult; state?: string; updateComplete: Promise<unknown> };

export const quizOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz') as TmQuiz | null;
export const resultsOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-results') as ResultsElement | null;

export async function settle(el: TherapistMatch): Promise<void> {
  await el.updateComplete;
  await quizOf(el)?.updateComplete;
  await resultsOf(el)?.updateComplete;
}

/** The quiz's step heading as a person reads it, or `''`. */
export const stepHeading = (el: TherapistMatch) =>
  quizOf(el)?.shadowRoot?.querySelector('h2')?.textContent?.trim() ?? '';

/** True when the quiz shows its first step, in any language. */
export const onFirstStep = (el: TherapistMatch) => {
  const quiz = quizOf(el);
  return !!quiz && quiz.step === quiz.steps[0] && /\S/.test(stepHeading(el));
};

/** Clicks "Show more" until every card of the result is shown (the results show 10 at a time). */
export async function showAll(results: ResultsElement): Promise<void> {
  for (let k = 0; k < 20; k++) {
    const more = results.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more"]');
    if (!more) return;
    more.click();
    await results.updateComplete;
  }
}

/**
 * Clicks Next until the results show (at most `max` steps), waits until they leave loading, then
 * shows every card ("Show more"), so the cards are the whole result.
 */
export async function toResults(el: TherapistMatch, max = 8): Promise<ResultsElement> {
  await settle(el);
  for (let k = 0; k < max && !resultsOf(el); k++) {
    const next = quizOf(el)?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!next) throw new Error(`no Next button on "${stepHeading(el)}"`);
    next.click();
    await settle(el);
  }
  const results = resultsOf(el);
  if (!results) throw new Error('the results never showed');
  await waitUntil(() => results.state !== 'loading', 'the results kept loading', { timeout: 5000 });
  await results.updateComplete;
  await showAll(results);
  return results;
}

/** The results as a person sees them: the count line, the cards, the "showing" line, Retry. */
export function visibleResults(results: ResultsElement) {
  const root = results.shadowRoot!;
  return {
    count: root.querySelector('[part~="count"]')?.textContent?.trim() ?? '',
    cards: root.querySelectorAll('tm-match-card').length,
    showing: root.querySelector('.summary > p.muted')?.textContent?.trim() ?? '',
    retry: root.querySelector<HTMLButtonElement>('[part~="retry"]'),
  };
}

/**
 * Fails unless the widget shows something a person can use: a quiz step with a heading and a Next
 * button, ready results whose count agrees with the cards, an error with Retry, or (without any
 * directory) the no-data state.
 */
export function expectUsable(el: TherapistMatch, expectedLimit?: number): void {
  const quiz = quizOf(el);
  const results = resultsOf(el);
  if (quiz) {
    expect(stepHeading(el), 'the quiz step heading').to.match(/\S/);
    expect(quiz.shadowRoot!.querySelector('button[type="submit"]'), 'the Next button').to.not.equal(null);
    return;
  }
  expect(results, 'neither a quiz step nor results').to.not.equal(null);
  const seen = visibleResults(results!);
  if (results!.state === 'error') {
    expect(seen.retry, 'an error without Retry').to.not.equal(null);
    return;
  }
  if (results!.state === 'no-data') return;
  expect(results!.state).to.equal('ready');
  const result = results!.result!;
  expect(seen.count, 'the count line').to.match(/\S/);
  // Ten cards at a time: either every card is shown, or whole pages and a "Show more" button.
  if (results!.shadowRoot!.querySelector('[part~="more"]')) {
    expect(seen.cards % 10, 'cards shown, by pages of ten').to.equal(0);
    expect(seen.cards, 'cards shown before "Show more"').to.be.below(result.matches.length);
  } else expect(seen.cards, 'cards shown').to.equal(result.matches.length);
  if (expectedLimit !== undefined) expect(result.matches.length).to.equal(Math.min(expectedLimit, result.matched));
  if (result.matched > 0) {
    expect(seen.count).to.contain(new Intl.NumberFormat('en').format(result.matched));
    // A count that says more than the cards shown says how many are shown.
    if (seen.cards < result.matched) expect(seen.showing).to.contain(String(seen.cards));
    else expect(seen.showing).to.equal('');
  }
}

/** Every `href` rendered anywhere inside the element, shadow roots included. */
export function renderedLinks(root: Element | ShadowRoot): string[] {
  const links: string[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.querySelectorAll('*')) {
      const href = child.getAttribute('href');
      if (href !== null) links.push(href);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(root);
  return links;
}

/** Contact channels a card may link: the web, plus email and telephone (never script or data). */
export const LINK_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'];

/**
 * Collects `therapist-match:` console warnings while `run` runs; other warnings pass through. With
 * `errors`, the widget's console errors (a failing source's details) are kept out of the log too.
 */
export async function warningsDuring(run: () => Promise<void>, { errors = false } = {}): Promise<string[]> {
  const original = { warn: console.warn, error: console.error };
  const warnings: string[] = [];
  const ours = (args: unknown[]) => typeof args[0] === 'string' && args[0].startsWith('therapist-match:');
  console.warn = (...args: unknown[]) => (ours(args) ? warnings.push(args[0] as string) : original.warn(...args));
  if (errors) console.error = (...args: unknown[]) => (ours(args) ? undefined : original.error(...args));
  try {
    await run();
  } finally {
    Object.assign(console, original);
  }
  return warnings;
}
