// The drop-in uploaded without its chunks/ folder: the quiz's first step still shows, and each part
// that needs a chunk says so where the visitor is, with Try again, instead of an empty view; the
// developer gets a tm-error for each, naming the file that failed and the fix. (A real browser loading the real main file; every
// chunk answers 404.)
import { expect } from '@open-wc/testing';
import { pasteIntoBlankPage } from './builder-helpers.js';
import { quizReady, until } from './embedding-helpers.js';

const MAIN = '/test-embedding/no-chunks/therapist-match.js';

async function page(attributes: string) {
  const html = `<script type="module" src="${MAIN}"></script>
<therapist-match src="/demo/data/therapists.json" ${attributes}></therapist-match>
<script>
  window.errors = [];
  document.querySelector('therapist-match').addEventListener('tm-error', (e) => window.errors.push(e.detail));
</script>`;
  const { frame, win, widget } = await pasteIntoBlankPage(html, '');
  const quiz = await quizReady(widget);
  return { frame, win: win as Window & { errors: { kind: string; message: string }[] }, widget, quiz };
}

describe('the drop-in without its chunks/ folder', () => {
  it('shows the first step, then says on the next one that it could not be loaded, with Try again', async function () {
    this.timeout(20000);
    const { frame, win, quiz } = await page('');
    try {
      expect(quiz.shadowRoot!.querySelector('h2')!.textContent).to.contain('Step 1 of 4');
      // The directory's reader is a chunk too: the developer is told how to fix it.
      await until(() => win.errors.length, 'no tm-error for the missing directory reader');
      expect(win.errors[0].kind).to.equal('network');
      expect(win.errors[0].message).to.contain('serve the chunks/ folder next to therapist-match.js');
      quiz.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
      const alert = await until(
        () => quiz.shadowRoot!.querySelector('[part~="error"][role="alert"]'),
        'the second step never said it could not be loaded',
      );
      expect(alert.textContent).to.contain('This step could not be loaded');
      expect(alert.querySelector('button')!.textContent!.trim()).to.equal('Try again');
      const step = await until(
        () => win.errors.find((error) => error.message.startsWith('This quiz step could not be loaded')),
        'no tm-error for the missing step',
      );
      expect(step.kind).to.equal('network');
    } finally {
      frame.remove();
    }
  });

  it('with one step, "Show my matches" says the matches could not be shown, with Try again', async function () {
    this.timeout(20000);
    const { frame, win, widget, quiz } = await page('steps="who"');
    try {
      quiz.shadowRoot!.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
      const alert = await until(
        () => widget.shadowRoot!.querySelector('[part~="error"][role="alert"]'),
        'the results never said they could not be shown',
      );
      expect(alert.textContent).to.contain('Your matches could not be shown');
      expect(widget.shadowRoot!.querySelector('[part~="retry"]')!.textContent!.trim()).to.equal('Try again');
      expect(widget.shadowRoot!.querySelector('#results-heading')!.textContent!.trim()).to.equal('Your matches');
      const engine = await until(
        () => win.errors.find((error) => error.message.startsWith('The matching engine or the results view')),
        'no tm-error for the missing engine',
      );
      expect(engine.message).to.contain('serve the chunks/ folder next to therapist-match.js');
    } finally {
      frame.remove();
    }
  });
});
