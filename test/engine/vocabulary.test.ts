// createVocabulary: sites rename, hide, extend and translate terms without forking the default.
import { expect } from '@open-wc/testing';
import { createVocabulary, defaultVocabulary, labelOf } from '../../src/engine/index.js';

const find = <T extends { id: string }>(list: T[], id: string): T | undefined => list.find((t) => t.id === id);

describe('createVocabulary', () => {
  const before = JSON.stringify(defaultVocabulary);
  const custom = createVocabulary(defaultVocabulary, {
    rename: { 'low-desire': { en: 'Low libido' }, cbt: { es: 'TCC' } },
    hide: ['high-desire', 'faith'],
    extend: {
      concerns: [
        { id: 'fertility-stress', group: 'wellbeing', labels: { en: 'Fertility stress', es: 'Estrés por fertilidad' } },
      ],
      communities: [{ id: 'sex-workers', labels: { en: 'Sex workers' } }],
      formats: [{ id: 'telehealth', labels: { en: 'Online' } }],
    },
    translate: { fr: { 'low-desire': 'Désir faible', couple: 'Couples' } },
  });

  it('renames terms, keeping other languages', () => {
    const term = find(custom.concerns, 'low-desire');
    expect(labelOf(term, 'en')).to.equal('Low libido');
    expect(labelOf(term, 'es')).to.equal('Deseo bajo');
    expect(labelOf(find(custom.modalities, 'cbt'), 'es')).to.equal('TCC');
  });

  it('hides terms from every list', () => {
    expect(find(custom.concerns, 'high-desire')).to.equal(undefined);
    expect(find(custom.communities, 'faith')).to.equal(undefined);
    expect(custom.concerns.length).to.equal(defaultVocabulary.concerns.length);
  });

  it('adds terms at the end and replaces an existing id in place', () => {
    expect(custom.concerns.at(-1)?.id).to.equal('fertility-stress');
    expect(custom.communities.at(-1)?.labels).to.deep.equal({ en: 'Sex workers' });
    expect(custom.formats.map((f) => [f.id, f.labels.en])).to.deep.equal([
      ['in-person', 'In person'],
      ['telehealth', 'Online'],
    ]);
  });

  it('translates into new languages, falling back to English where missing', () => {
    expect(labelOf(find(custom.concerns, 'low-desire'), 'fr')).to.equal('Désir faible');
    expect(labelOf(find(custom.clientTypes, 'couple'), 'fr-CA')).to.equal('Couples');
    expect(labelOf(find(custom.concerns, 'body-image'), 'fr')).to.equal('Body image');
  });

  it('never changes the default vocabulary', () => {
    expect(JSON.stringify(defaultVocabulary)).to.equal(before);
    expect(createVocabulary()).to.deep.equal(defaultVocabulary);
  });
});
