// demo/fhir.html as a visitor opens it (in a same-origin frame, on the built drop-in and
// dist/cdn/fhir.js): the Plan-Net example directory is read, the other providers are left out,
// and the quiz ends in cards for the directory's behavioural health clinicians.
import { expect } from '@open-wc/testing';
import { completeQuiz, deepElements, quizReady, until } from '../embedding/embedding-helpers.js';

const CLINICIANS = [
  'Amara Osei',
  'Tomás Herrera',
  'Grace Lindqvist',
  'Devon Brooks',
  'Mei Chen',
  'Samuel Adeyemi',
  'Rachel Katz',
];

describe('demo/fhir.html', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('reads the Plan-Net example directory and matches its behavioural health clinicians only', async () => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 900px; border: 0';
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    frame.src = '/demo/fhir.html';
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow!;
    const status = win.document.getElementById('directory-status')!;
    await until(() => /clinicians read/.test(status.textContent ?? ''), 'the directory was not read');
    expect(status.textContent).to.equal(
      '7 behavioural health clinicians read from the directory; 3 other providers left out.',
    );
    const root = await until(
      () => win.customElements.get('therapist-match') && win.document.querySelector<HTMLElement>('therapist-match'),
      'the widget did not load',
    );
    await quizReady(root);
    await completeQuiz(root, win);
    const results = root.shadowRoot!.querySelector('[part~="results"]')!;
    await until(() => results.shadowRoot?.querySelectorAll('tm-match-card').length, 'no match cards');
    const names = await until(() => {
      const found = deepElements(results.shadowRoot!)
        .filter((element) => element.matches('[part~="name"]'))
        .map((element) => element.textContent!.trim());
      return found.length && found.every(Boolean) ? found : undefined;
    }, 'cards without names');
    for (const name of names) expect(CLINICIANS, `${name} is a clinician of the directory`).to.include(name);
    expect(names).to.not.include('Joe Smith');
  });
});
