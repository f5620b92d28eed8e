// Helpers shared by the quiz and root element tests: deep focus, keyboard moves, axe with WCAG 2.2 tags.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, failing after `max` presses. */
export async function tabTo(matches: (el: Element) => boolean, what: string, max = 80): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const active = deepActive();
    if (active && matches(active)) return active;
    await press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Matches an input by type and value. */
export const input =
  (type: string, value: string) =>
  (el: Element): boolean =>
    el instanceof HTMLInputElement && el.type === type && el.value === value;

/** Matches a button by its visible text. */
export const button =
  (text: string) =>
  (el: Element): boolean =>
    el instanceof HTMLButtonElement && el.textContent!.trim() === text;

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe with the WCAG 2.2 AA tags (target size included) and expects no violations. */
export async function expectNoWcagViolations(el: Element): Promise<void> {
  // @ts-expect-error the browser bundle has no types; it registers `window.axe` (as chai-a11y-axe does)
  await import('axe-core/axe.min.js');
  const axe = (window as unknown as { axe: { run(el: Element, o: RunOptions): Promise<AxeResults> } }).axe;
  const results = await axe.run(el, { runOnly: { type: 'tag', values: WCAG_TAGS } });
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
  expect(found, found.join('\n')).to.deep.equal([]);
}

/** Both accessibility checks: chai-a11y-axe's defaults and the WCAG 2.2 AA tag set. */
export async function expectAccessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
  await expectNoWcagViolations(el);
}
