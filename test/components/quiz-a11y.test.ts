// axe on every quiz step and on the results, with the WCAG 2.2 AA tags (target size included).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch, TmQuiz } from '../../src/index.js';
import { expectAccessible } from './quiz-helpers.js';

const quizOf = (el: TherapistMatch) => el.shadowRoot!.querySelector('tm-quiz') as TmQuiz;

async function clickNext(el: TherapistMatch): Promise<void> {
  const quiz = quizOf(el);
  quiz.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
  await quizOf(el)?.updateComplete;
}

/** Clicks a control and waits until the root has passed the new answers back down. */
async function tick(el: TherapistMatch, selector: string): Promise<void> {
  quizOf(el).shadowRoot!.querySelector<HTMLInputElement>(selector)!.click();
  await el.updateComplete;
  await quizOf(el).updateComplete;
}

for (const dir of ['ltr', 'rtl']) {
  describe(`<therapist-match> accessibility (${dir})`, () => {
    it('has no axe violations on any step, with choices made, nor on the results', async function () {
      this.timeout(60000);
      const wrapper = await fixture<HTMLElement>(
        html`<div dir=${dir}>
          <therapist-match src="/demo/data/therapists.json" lang="en"></therapist-match>
        </div>`,
      );
      const el = wrapper.querySelector('therapist-match')!;
      await waitUntil(() => quizOf(el).places.length > 0, 'directory not loaded', { timeout: 5000 });
      const seen: string[] = [];

      // who: a couple, so the partner step applies too
      await tick(el, 'input[value="couple"]');
      await expectAccessible(el);
      seen.push(quizOf(el).step);
      await clickNext(el);

      // concerns: two, one with the physician note, and the primary chooser
      await tick(el, 'input[value="erectile-concerns"]');
      await tick(el, 'input[value="low-desire"]');
      expect(quizOf(el).shadowRoot!.querySelector('#primary')).not.to.equal(null);
      await expectAccessible(el);
      seen.push(quizOf(el).step);
      await clickNext(el);

      // comfort and partner: with importance radios showing
      for (const value of ['woman', 'non-binary']) {
        await tick(el, `input[value="${value}"]`);
        await expectAccessible(el);
        seen.push(quizOf(el).step);
        await clickNext(el);
      }

      // practical: a budget, so the firm-limit checkbox shows
      const budget = quizOf(el).shadowRoot!.querySelector<HTMLInputElement>('#budget')!;
      budget.value = '120';
      budget.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await quizOf(el).updateComplete;
      await expectAccessible(el);
      seen.push(quizOf(el).step);
      await clickNext(el);

      expect(seen).to.deep.equal(['who', 'concerns', 'comfort', 'partner', 'practical']);
      const results = el.shadowRoot!.querySelector('tm-results') as HTMLElement & { state: string };
      await waitUntil(() => results.state === 'ready', 'results not ready', { timeout: 5000 });
      await (results as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      await expectAccessible(el);
    });
  });
}
