// The walking skeleton: <therapist-match src> loads the sample directory and lists therapists.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';

describe('<therapist-match> loading a directory', () => {
  it('lists therapists from the sample directory', async () => {
    const el = await fixture<TherapistMatch>(
      html`<therapist-match src="/demo/data/therapists.json"></therapist-match>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li').length > 0, 'no therapists listed', { timeout: 5000 });
    const names = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(names.length).to.equal(20);
    expect(names[0]).to.match(/^(Dr\. )?\p{L}+ \p{L}/u);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('300 therapists found');
  });

  it('shows an error when the file is missing', async () => {
    const el = await fixture<TherapistMatch>(html`<therapist-match src="/demo/data/nope.json"></therapist-match>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error shown', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('404');
  });
});
