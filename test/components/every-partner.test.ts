// Every partner (issue 14.6), in English and Spanish: the partner step asks each partner the comfort
// step's questions ("Add another partner" up to the site's `partners`, "Remove partner 2"), the
// results name each partner's wish by number and report the differing wishes of each pair, a preset
// may give a list of partners, and the source receives them only when the site shares them.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { TherapistMatch } from '../../src/index.js';
import type { SourceQuery, TherapistSource } from '../../src/sources/types.js';
import { arraySource } from '../../src/sources/array.js';
import { partnerLimit } from '../../src/components/quiz/steps/preferences.js';
import type { TmMatchCard } from '../../src/components/match-card/match-card.js';
import { rankTherapists } from '../../src/engine/rank.js';
import { cardsIn, textOf, therapist } from './results-fixtures.js';
import { deepActive, expectAccessible } from './quiz-helpers.js';
import { quizOf, settle, toResults } from './therapist-match-helpers.js';

const records = [
  therapist({ id: 'm', name: 'Morgan Man', gender: 'man', clientTypes: ['individual', 'couple'] }),
  therapist({ id: 'w', name: 'Wren Woman', gender: 'woman', clientTypes: ['individual', 'couple'] }),
];
const WORDS = {
  en: {
    add: 'Add another partner',
    step: ["Step 2 of 2: Your partner's preferences", "Step 2 of 2: Your partners' preferences"],
    headings: ['Partner 1', 'Partner 2'],
    remove: ['Remove partner 1', 'Remove partner 2'],
    reasons: [
      'Met: Therapist gender: Partner 1 would like Man; this therapist: Man',
      'Not met: Therapist gender: Partner 2 would like Woman; this therapist: Man',
    ],
    conflict: 'For Therapist gender, Partner 1 would like Man and Partner 2 would like Woman',
    card: ['Met: Languages: Spanish (Partner 2’s wish)', 'Met: Communities: LGBTQ+ people (you all)'],
    youAndPartner2: 'For Therapist gender, you require Non-binary and Partner 2 requires Woman',
  },
  es: {
    add: 'Añadir otra pareja',
    step: ['Paso 2 de 2: Las preferencias de tu pareja', 'Paso 2 de 2: Las preferencias de tus parejas'],
    headings: ['Pareja 1', 'Pareja 2'],
    remove: ['Quitar pareja 1', 'Quitar pareja 2'],
    reasons: [
      'Se cumple: Género del terapeuta: Pareja 1 prefiere: Hombre; en esta ficha: Hombre',
      'No se cumple: Género del terapeuta: Pareja 2 prefiere: Mujer; en esta ficha: Hombre',
    ],
    conflict: 'En Género del terapeuta, Pareja 1 prefiere Hombre y Pareja 2 prefiere Mujer',
    card: ['Se cumple: Idiomas: español (deseo de Pareja 2)', 'Se cumple: Comunidades: Personas LGBTQ+ (de todos)'],
    youAndPartner2: 'En Género del terapeuta, tú exiges No binario y Pareja 2 exige Mujer',
  },
};

/** A couple's quiz of two steps (who, partner) on the partner step. */
async function partnerStep(
  lang: 'en' | 'es',
  attributes: { partners?: string; source?: TherapistSource; persist?: string } = {},
) {
  const el = await fixture<TherapistMatch>(
    html`<therapist-match
      steps="who, partner"
      seed="off"
      lang=${lang}
      persist=${attributes.persist ?? ''}
      partners=${attributes.partners ?? ''}
      .preset=${{ seeking: 'couple' }}
      .source=${attributes.source ?? arraySource(records)}
    ></therapist-match>`,
  );
  await settle(el);
  // A stored session may already be on the partner step.
  if (quizOf(el)!.step !== 'partner')
    quizOf(el)!.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await waitUntil(() => root(el).querySelector('[part~="note"][part~="partner"]'), 'the partner step', {
    timeout: 5000,
  });
  await settle(el);
  return el;
}
const root = (el: TherapistMatch) => quizOf(el)!.shadowRoot!;
const headings = (el: TherapistMatch) => [...root(el).querySelectorAll('h3')].map((h) => textOf(h));
const stepHeading = (el: TherapistMatch) => textOf(root(el).querySelector('h2#heading'));
const addButton = (el: TherapistMatch) => root(el).querySelector<HTMLButtonElement>('[part~="add-partner"]');
const removeButtons = (el: TherapistMatch) => [
  ...root(el).querySelectorAll<HTMLButtonElement>('[part~="remove-partner"]'),
];
/** The gender checkbox `value` of partner `k` (1, 2, ...), or of the one partner when there is one. */
const genderBox = (el: TherapistMatch, value: string, k?: number) => {
  const scope = k ? root(el).querySelector(`section[aria-labelledby="partner-${k}"]`)! : root(el);
  return scope.querySelector<HTMLInputElement>(`fieldset.group input[type="checkbox"][value="${value}"]`)!;
};
async function click(el: TherapistMatch, target: HTMLElement | null) {
  if (!target) throw new Error('nothing to click');
  target.click();
  await settle(el);
}
const reasonLines = (results: Element, name: string) => {
  const card = cardsIn(results).find((c) => textOf(c.shadowRoot!.querySelector('h3')) === name);
  if (!card) return [];
  return [...card.shadowRoot!.querySelectorAll('[part="reasons"] li')].map((li) => textOf(li).replace(/^\S+ /, ''));
};

for (const lang of ['en', 'es'] as const)
  describe(`<therapist-match> every partner (${lang})`, () => {
    const words = WORDS[lang];

    it('starts with one partner, adds another up to `partners`, and names each one’s wish in the results', async () => {
      const el = await partnerStep(lang, { partners: '2' });
      await waitUntil(() => textOf(addButton(el)) === words.add, `the add button: ${textOf(addButton(el))}`, {
        timeout: 5000,
      });
      expect(headings(el)).to.deep.equal([]);
      expect(stepHeading(el)).to.equal(words.step[0]);
      expect(removeButtons(el)).to.have.length(0);
      await click(el, genderBox(el, 'man'));
      await click(el, addButton(el));
      expect(headings(el)).to.deep.equal(words.headings);
      // The step's own heading says partners, in the plural, once there are two.
      expect(stepHeading(el)).to.equal(words.step[1]);
      expect(removeButtons(el).map((b) => textOf(b))).to.deep.equal(words.remove);
      // Focus lands on the new partner's heading; the limit (2) is reached: no more Add.
      expect(deepActive()?.textContent?.trim()).to.equal(words.headings[1]);
      expect(addButton(el)).to.equal(null);
      // Partner 1 kept their choice; partner 2 has a form of their own.
      expect(genderBox(el, 'man', 1).checked).to.equal(true);
      expect(genderBox(el, 'man', 2).checked).to.equal(false);
      await click(el, genderBox(el, 'woman', 2));
      await expectAccessible(el);

      const results = await toResults(el);
      await waitUntil(
        () => reasonLines(results, 'Morgan Man').some((line) => line === words.reasons[1]),
        `reasons: ${reasonLines(results, 'Morgan Man').join(' | ')}`,
        { timeout: 5000 },
      );
      const gender = reasonLines(results, 'Morgan Man').filter((line) => words.reasons.includes(line));
      expect(gender.sort()).to.deep.equal([...words.reasons].sort());
      expect(
        textOf(el.shadowRoot!.querySelector('tm-results')!.shadowRoot!.querySelector('[part~="conflicts"]')),
      ).to.contain(words.conflict);
    });

    it('a card names whose wish each reason is: a partner by number, or everyone', async () => {
      const lgbtq = { communities: { value: ['lgbtq'], importance: 'preferred' as const } };
      const match = rankTherapists(records, {
        seeking: 'couple',
        preferences: lgbtq,
        partnerPreferences: [lgbtq, { ...lgbtq, languages: { value: ['es'], importance: 'required' } }],
      }).matches[0];
      const card = await fixture<TmMatchCard>(html`<tm-match-card .match=${match} lang=${lang}></tm-match-card>`);
      const lines = () =>
        [...card.shadowRoot!.querySelectorAll('[part="reasons"] li')].map((li) => textOf(li).replace(/^\S+ /, ''));
      await waitUntil(() => lines().includes(words.card[0]), `reasons: ${lines().join(' | ')}`, { timeout: 5000 });
      expect(lines()).to.include.members(words.card);
    });

    it('removes a partner: the next one takes its number and its answers stay theirs', async () => {
      const el = await partnerStep(lang);
      await waitUntil(() => addButton(el), 'the add button', { timeout: 5000 });
      await click(el, addButton(el));
      await click(el, genderBox(el, 'woman', 2));
      await click(el, addButton(el));
      // The default limit is 3 partners.
      expect(headings(el)).to.have.length(3);
      expect(addButton(el)).to.equal(null);
      await click(el, removeButtons(el)[0]);
      expect(headings(el)).to.deep.equal(words.headings);
      expect(genderBox(el, 'woman', 1).checked).to.equal(true);
      expect(deepActive()?.textContent?.trim()).to.equal(words.headings[0]);
      await click(el, removeButtons(el)[1]);
      // One partner again: no headings, no Remove, Add is back; focus on the step's heading.
      expect(headings(el)).to.deep.equal([]);
      expect(removeButtons(el)).to.have.length(0);
      expect(textOf(addButton(el))).to.equal(words.add);
      expect(genderBox(el, 'woman').checked).to.equal(true);
      expect(deepActive()?.tagName).to.equal('H2');
      expect(stepHeading(el)).to.equal(words.step[0]);
    });

    it('offers no second partner with partners="1", and the default 3 for a value it cannot use', async () => {
      const one = await partnerStep(lang, { partners: '1' });
      expect(root(one).querySelector('fieldset.group')).to.not.equal(null);
      expect(addButton(one)).to.equal(null);
      const odd = await partnerStep(lang, { partners: 'lots' });
      await click(odd, addButton(odd));
      await click(odd, addButton(odd));
      expect(headings(odd)).to.have.length(3);
      expect(addButton(odd)).to.equal(null);
    });

    it('with persist, a new widget in the same tab resumes each partner’s answers', async () => {
      let second: TherapistMatch | undefined;
      try {
        const first = await partnerStep(lang, { persist: 'session' });
        await waitUntil(() => addButton(first), 'the add button', { timeout: 5000 });
        await click(first, addButton(first));
        await click(first, genderBox(first, 'non-binary', 2));
        first.remove();
        second = await partnerStep(lang, { persist: 'session' });
        const resumed = second;
        await waitUntil(() => headings(resumed).length === 2, `headings: ${headings(resumed).join(', ')}`, {
          timeout: 5000,
        });
        expect(headings(second)).to.deep.equal(words.headings);
        expect(genderBox(second, 'non-binary', 2).checked).to.equal(true);
        expect(genderBox(second, 'non-binary', 1).checked).to.equal(false);
      } finally {
        // Removed first: a widget left on the page would store its snapshot again when its
        // directory arrives, and the next test would resume it.
        second?.remove();
        sessionStorage.clear();
      }
    });

    it('reads a preset’s list of partners and reports you and partner 2 apart', async () => {
      const el = await fixture<TherapistMatch>(
        html`<therapist-match
          steps="who"
          seed="off"
          lang=${lang}
          .preset=${{
            seeking: 'couple',
            preferences: { therapistGender: { value: ['non-binary'], importance: 'required' } },
            partnerPreferences: [{}, { therapistGender: { value: ['woman'], importance: 'required' } }],
          }}
          .source=${arraySource(records)}
        ></therapist-match>`,
      );
      await toResults(el);
      const conflicts = () =>
        textOf(el.shadowRoot!.querySelector('tm-results')!.shadowRoot!.querySelector('[part~="conflicts"]'));
      await waitUntil(() => conflicts().includes(words.youAndPartner2), `conflicts: ${conflicts()}`, {
        timeout: 5000,
      });
    });
  });

describe('the partner step at 320 px, left to right and right to left', () => {
  it('fits without horizontal scrolling, each Remove after its heading, targets of at least 24 px', async () => {
    for (const dir of ['ltr', 'rtl']) {
      const el = await partnerStep('en');
      const wrapper = el.parentElement!;
      wrapper.setAttribute('dir', dir);
      wrapper.style.setProperty('inline-size', '320px');
      await waitUntil(() => addButton(el), 'the add button', { timeout: 5000 });
      await click(el, addButton(el));
      const quiz = quizOf(el)!;
      expect(el.scrollWidth, dir).to.be.at.most(320);
      expect(quiz.scrollWidth, dir).to.be.at.most(quiz.clientWidth);
      for (const control of root(el).querySelectorAll('section.partner button, section.partner label.choice')) {
        const box = control.getBoundingClientRect();
        expect(box.height, control.textContent!).to.be.at.least(24);
        expect(box.width, control.textContent!).to.be.at.least(24);
      }
      const heading = root(el).querySelector('#partner-2')!.getBoundingClientRect();
      const remove = removeButtons(el)[1].getBoundingClientRect();
      // The heading leads (beside it or, when narrow, above it): from the left in English, from
      // the right in a right-to-left page.
      if (dir === 'ltr') expect(remove.left).to.be.at.least(heading.left);
      else expect(remove.right).to.be.at.most(heading.right);
      expect(remove.top).to.be.at.least(heading.top);
    }
  });
});

describe('the `partners` option', () => {
  it('is a whole number from 1 to 10; anything else is the default, 3', () => {
    const read = (value: unknown) => partnerLimit(value);
    expect([1, 2.9, '4', ' 5 ', 10, 11, '1e10', Infinity].map(read)).to.deep.equal([1, 2, 4, 5, 10, 10, 10, 10]);
    expect([0, -1, NaN, '', ' ', 'lots', null, undefined, {}, [2], true].map(read)).to.deep.equal(Array(11).fill(3));
  });
});

describe('<therapist-match> partners and the source', () => {
  /** A source that records each query it is asked. */
  const recording = (queries: SourceQuery[]): TherapistSource => ({
    async search(query) {
      queries.push(structuredClone(query));
      return records;
    },
  });

  it('sends no partner’s wishes unless the site shares them, and then each partner’s', async () => {
    for (const share of ['', 'partnerPreferences']) {
      const queries: SourceQuery[] = [];
      const el = await partnerStep('en', { source: recording(queries) });
      if (share) el.setAttribute('source-share', share);
      await waitUntil(() => addButton(el), 'the add button', { timeout: 5000 });
      await click(el, genderBox(el, 'man'));
      await click(el, addButton(el));
      await click(el, genderBox(el, 'woman', 2));
      await toResults(el);
      const last = queries.at(-1)!;
      expect(queries.length).to.be.greaterThan(1);
      if (!share) expect(queries.every((q) => !JSON.stringify(q).includes('woman'))).to.equal(true);
      else
        expect(last.shared).to.deep.equal({
          partnerPreferences: [
            { therapistGender: { value: ['man'], importance: 'preferred' } },
            { therapistGender: { value: ['woman'], importance: 'preferred' } },
          ],
        });
    }
  });
});
