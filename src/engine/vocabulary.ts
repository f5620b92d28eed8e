// The default vocabulary: concerns, modalities and communities with stable ids and labels.
// Plain data, so a site can rename, hide, extend and translate it without forking.
import { read } from './read-vocabulary.js';

export type Labels = Record<string, string> & { en: string };

export type ConcernGroup = 'desire' | 'function' | 'relationship' | 'identity' | 'wellbeing';

export interface ConcernDefinition {
  id: string;
  group: ConcernGroup;
  /** Function concerns: clinicians suggest seeing a physician first to rule out physical causes. */
  physicianFirst?: boolean;
  /** Concerns usually brought by partners together. */
  couplesFocus?: boolean;
  labels: Labels;
}

export interface TermDefinition {
  id: string;
  labels: Labels;
}

export interface Vocabulary {
  concernGroups: (TermDefinition & { id: ConcernGroup })[];
  concerns: ConcernDefinition[];
  modalities: TermDefinition[];
  communities: TermDefinition[];
  clientTypes: TermDefinition[];
  genders: TermDefinition[];
  ageGroups: TermDefinition[];
  formats: TermDefinition[];
}

const c = (
  id: string,
  group: ConcernGroup,
  en: string,
  flags: Pick<ConcernDefinition, 'physicianFirst' | 'couplesFocus'> = {},
): ConcernDefinition => ({ id, group, labels: { en }, ...flags });
const t = (id: string, en: string): TermDefinition => ({ id, labels: { en } });

/**
 * The default vocabulary. Its Spanish labels live in `vocabulary.es.ts`, so the drop-in's main file
 * carries English only; they are added to these terms (once, in place) by `addSpanishLabels`,
 * which runs when the Spanish messages load, when records are read, in `createVocabulary`, and on
 * importing `therapist-match/engine` or the package root.
 */
export const defaultVocabulary: Vocabulary = {
  concernGroups: [
    { id: 'desire', labels: { en: 'Desire and arousal' } },
    { id: 'function', labels: { en: 'Body and function' } },
    { id: 'relationship', labels: { en: 'Relationship' } },
    { id: 'identity', labels: { en: 'Identity and orientation' } },
    { id: 'wellbeing', labels: { en: 'Well-being and life changes' } },
  ],
  concerns: [
    c('desire-discrepancy', 'desire', 'Different levels of desire between partners', { couplesFocus: true }),
    c('low-desire', 'desire', 'Low desire'),
    c('high-desire', 'desire', 'High desire or out-of-control sexual behaviour'),
    c('erectile-concerns', 'function', 'Erection concerns', { physicianFirst: true }),
    c('early-ejaculation', 'function', 'Early ejaculation', { physicianFirst: true }),
    c('delayed-ejaculation', 'function', 'Delayed ejaculation', { physicianFirst: true }),
    c('orgasm-difficulties', 'function', 'Difficulty reaching orgasm', {
      physicianFirst: true,
    }),
    c('pain-with-sex', 'function', 'Pain with sex (including vaginismus and pelvic floor)', { physicianFirst: true }),
    c('performance-anxiety', 'function', 'Performance anxiety'),
    c('sexual-inexperience', 'wellbeing', 'Little or no sexual experience'),
    c('body-image', 'wellbeing', 'Body image'),
    c('communication-about-sex', 'relationship', 'Talking about sex', { couplesFocus: true }),
    c('infidelity-recovery', 'relationship', 'Recovering from infidelity', {
      couplesFocus: true,
    }),
    c('differing-sexual-styles', 'relationship', 'Different sexual styles or interests', { couplesFocus: true }),
    c('sexual-orientation', 'identity', 'Sexual orientation'),
    c('gender-identity', 'identity', 'Gender identity (trans, non-binary, intersex)'),
    c('kink-and-alternative-sexualities', 'identity', 'Kink and alternative sexualities'),
    c('sexual-trauma', 'wellbeing', 'Sexual trauma'),
    c('sex-after-childbirth', 'wellbeing', 'Sex after childbirth'),
    c('illness-disability-and-sex', 'wellbeing', 'Illness, disability and sex'),
    c('aging-and-sex', 'wellbeing', 'Aging and sex'),
    c('sexual-shame', 'wellbeing', 'Sexual shame (religious or cultural)'),
    c('sexual-education-gaps', 'wellbeing', 'Gaps in sex education'),
  ],
  modalities: [
    t('cbt', 'Cognitive behavioural therapy'),
    t('emotion-focused', 'Emotion-focused therapy'),
    t('couples-communication', 'Couples communication work'),
    t('mindfulness', 'Mindfulness'),
    t('sensate-focus', 'Sensate focus (exercises done at home)'),
    t('psychoeducation', 'Psychoeducation'),
    t('trauma-informed', 'Trauma-informed care'),
    t('narrative', 'Narrative therapy'),
    t('solution-focused', 'Solution-focused therapy'),
  ],
  communities: [
    t('lgbtq', 'LGBTQ+ people'),
    t('trans', 'Trans and non-binary people'),
    t('kink', 'Kink and BDSM'),
    t('polyamory', 'Polyamory and open relationships'),
    t('disability', 'People with disabilities'),
    t('faith', 'People of faith'),
    t('bipoc', 'Black, Indigenous and people of colour'),
    t('neurodivergent', 'Neurodivergent people'),
  ],
  clientTypes: [
    t('individual', 'Individuals'),
    t('couple', 'Couples and partners'),
    t('family', 'Families'),
    t('group', 'Groups'),
  ],
  genders: [t('woman', 'Woman'), t('man', 'Man'), t('non-binary', 'Non-binary')],
  ageGroups: [t('adolescent', 'Adolescent (13–17)'), t('adult', 'Adult'), t('older-adult', 'Older adult (65+)')],
  formats: [t('in-person', 'In person'), t('telehealth', 'Video (telehealth)')],
};

/**
 * The label of `term` in `lang` (falling back to the base language, then English, then
 * `fallback` when the term has no label that is text). Never throws.
 */
export function labelOf(term: { labels: Labels } | undefined, lang: string, fallback = ''): string {
  const labels = read(term, 'labels');
  const tag = typeof lang === 'string' ? lang : '';
  for (const key of [tag, tag.split('-')[0], 'en']) {
    const label = read(labels, key);
    if (typeof label === 'string') return label;
  }
  return fallback;
}

/** The lists of a vocabulary, by name. */
export type VocabularyList = Exclude<keyof Vocabulary, 'concernGroups'> | 'concernGroups';
