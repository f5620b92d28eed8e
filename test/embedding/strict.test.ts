// demo/strict.html under the strict policy (served by demo/server/csp.mjs): the whole quiz runs with
// zero `securitypolicyviolation` events. The page opens in a same-origin iframe because the test
// page itself has inline scripts; the iframe's own document gets the header, and demo/strict.js
// records violations from before the widget loads.
import { expect } from '@open-wc/testing';
import { completeQuiz, quizReady, until } from './embedding-helpers.js';

type StrictWindow = Window & { tmViolations: { directive: string; blocked: string; sample: string }[] };

async function openStrictPage(): Promise<{ frame: HTMLIFrameElement; win: StrictWindow; root: HTMLElement }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/demo/strict.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as StrictWindow;
  const root = await until(
    () => win.customElements.get('therapist-match') && win.document.querySelector<HTMLElement>('therapist-match'),
    'the widget did not load in the strict page',
  );
  return { frame, win, root };
}

describe('demo/strict.html under a strict Content-Security-Policy', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('is served with the strict policy', async () => {
    const response = await fetch('/demo/strict.html');
    expect(response.headers.get('content-security-policy')).to.equal(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
    );
  });

  it('runs the whole quiz to the results with zero policy violations', async () => {
    const page = await openStrictPage();
    frame = page.frame;
    await quizReady(page.root);
    const steps = await completeQuiz(page.root, page.win);
    expect(steps.length).to.be.greaterThan(2);
    const results = page.root.shadowRoot!.querySelector('[part~="results"]')!;
    // The cards themselves must render under the policy (loading or error text would not do).
    const cards = await until(() => results.shadowRoot?.querySelectorAll('tm-match-card').length, 'no match cards');
    expect(cards).to.be.greaterThan(0);
    const card = results.shadowRoot!.querySelector('tm-match-card')!;
    await until(() => card.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim(), 'a card without a name');
    await new Promise((resolve) => page.win.requestAnimationFrame(resolve));
    expect(page.win.tmViolations).to.deep.equal([]);
    expect(page.win.document.getElementById('violations')!.textContent).to.equal('No policy violations so far.');
  });

  it('would notice a violation: the policy is really enforced in the page', async () => {
    const page = await openStrictPage();
    frame = page.frame;
    await quizReady(page.root);
    expect(page.win.tmViolations).to.deep.equal([]);
    // An inline style attribute is what a careless `style=${...}` binding would produce.
    page.win.document.body.setAttribute('style', 'outline: 1px solid red');
    await until(() => page.win.tmViolations.length, 'no violation was reported for an inline style');
    expect(page.win.tmViolations[0].directive).to.match(/^style-src/);
  });
});
