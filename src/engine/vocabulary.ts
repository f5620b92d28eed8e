// The default vocabulary: concerns, modalities and communities with stable ids and labels.
// Plain data, so a site can rename, hide, extend and translate it without forking.
import { itemsOf, keysOf, read, readTerm, readVocabulary, textsOf, VOCABULARY_LISTS } from './read-vocabulary.js';

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
  es: string,
  flags: Pick<ConcernDefinition, 'physicianFirst' | 'couplesFocus'> = {},
): ConcernDefinition => ({ id, group, labels: { en, es }, ...flags });
const t = (id: string, en: string, es: string): TermDefinition => ({ id, labels: { en, es } });

export const defaultVocabulary: Vocabulary = {
  concernGroups: [
    { id: 'desire', labels: { en: 'Desire and arousal', es: 'Deseo y excitación' } },
    { id: 'function', labels: { en: 'Body and function', es: 'Cuerpo y funcionamiento' } },
    { id: 'relationship', labels: { en: 'Relationship', es: 'Relación de pareja' } },
    { id: 'identity', labels: { en: 'Identity and orientation', es: 'Identidad y orientación' } },
    { id: 'wellbeing', labels: { en: 'Well-being and life changes', es: 'Bienestar y cambios de vida' } },
  ],
  concerns: [
    c(
      'desire-discrepancy',
      'desire',
      'Different levels of desire between partners',
      'Diferencias de deseo en la pareja',
      { couplesFocus: true },
    ),
    c('low-desire', 'desire', 'Low desire', 'Deseo bajo'),
    c(
      'high-desire',
      'desire',
      'High desire or out-of-control sexual behaviour',
      'Deseo alto o conducta sexual fuera de control',
    ),
    c('erectile-concerns', 'function', 'Erection concerns', 'Dificultades de erección', { physicianFirst: true }),
    c('early-ejaculation', 'function', 'Early ejaculation', 'Eyaculación precoz', { physicianFirst: true }),
    c('delayed-ejaculation', 'function', 'Delayed ejaculation', 'Eyaculación retardada', { physicianFirst: true }),
    c('orgasm-difficulties', 'function', 'Difficulty reaching orgasm', 'Dificultad para llegar al orgasmo', {
      physicianFirst: true,
    }),
    c(
      'pain-with-sex',
      'function',
      'Pain with sex (including vaginismus and pelvic floor)',
      'Dolor en las relaciones (incluye vaginismo y suelo pélvico)',
      { physicianFirst: true },
    ),
    c('performance-anxiety', 'function', 'Performance anxiety', 'Ansiedad de desempeño'),
    c('sexual-inexperience', 'wellbeing', 'Little or no sexual experience', 'Poca o ninguna experiencia sexual'),
    c('body-image', 'wellbeing', 'Body image', 'Imagen corporal'),
    c('communication-about-sex', 'relationship', 'Talking about sex', 'Hablar de sexo', { couplesFocus: true }),
    c('infidelity-recovery', 'relationship', 'Recovering from infidelity', 'Recuperarse de una infidelidad', {
      couplesFocus: true,
    }),
    c(
      'differing-sexual-styles',
      'relationship',
      'Different sexual styles or interests',
      'Estilos o intereses sexuales distintos',
      { couplesFocus: true },
    ),
    c('sexual-orientation', 'identity', 'Sexual orientation', 'Orientación sexual'),
    c(
      'gender-identity',
      'identity',
      'Gender identity (trans, non-binary, intersex)',
      'Identidad de género (trans, no binaria, intersexual)',
    ),
    c(
      'kink-and-alternative-sexualities',
      'identity',
      'Kink and alternative sexualities',
      'Kink y sexualidades alternativas',
    ),
    c('sexual-trauma', 'wellbeing', 'Sexual trauma', 'Trauma sexual'),
    c('sex-after-childbirth', 'wellbeing', 'Sex after childbirth', 'Sexualidad después del parto'),
    c(
      'illness-disability-and-sex',
      'wellbeing',
      'Illness, disability and sex',
      'Enfermedad, discapacidad y sexualidad',
    ),
    c('aging-and-sex', 'wellbeing', 'Aging and sex', 'Envejecimiento y sexualidad'),
    c('sexual-shame', 'wellbeing', 'Sexual shame (religious or cultural)', 'Vergüenza sexual (religiosa o cultural)'),
    c('sexual-education-gaps', 'wellbeing', 'Gaps in sex education', 'Carencias en educación sexual'),
  ],
  modalities: [
    t('cbt', 'Cognitive behavioural therapy', 'Terapia cognitivo-conductual'),
    t('emotion-focused', 'Emotion-focused therapy', 'Terapia focalizada en las emociones'),
    t('couples-communication', 'Couples communication work', 'Trabajo de comunicación en pareja'),
    t('mindfulness', 'Mindfulness', 'Atención plena (mindfulness)'),
    t('sensate-focus', 'Sensate focus (exercises done at home)', 'Focalización sensorial (ejercicios en casa)'),
    t('psychoeducation', 'Psychoeducation', 'Psicoeducación'),
    t('trauma-informed', 'Trauma-informed care', 'Atención informada sobre el trauma'),
    t('narrative', 'Narrative therapy', 'Terapia narrativa'),
    t('solution-focused', 'Solution-focused therapy', 'Terapia centrada en soluciones'),
  ],
  communities: [
    t('lgbtq', 'LGBTQ+ people', 'Personas LGBTQ+'),
    t('trans', 'Trans and non-binary people', 'Personas trans y no binarias'),
    t('kink', 'Kink and BDSM', 'Kink y BDSM'),
    t('polyamory', 'Polyamory and open relationships', 'Poliamor y relaciones abiertas'),
    t('disability', 'People with disabilities', 'Personas con discapacidad'),
    t('faith', 'People of faith', 'Personas creyentes'),
    t('bipoc', 'Black, Indigenous and people of colour', 'Personas negras, indígenas y racializadas'),
    t('neurodivergent', 'Neurodivergent people', 'Personas neurodivergentes'),
  ],
  clientTypes: [
    t('individual', 'Individuals', 'Personas individuales'),
    t('couple', 'Couples and partners', 'Parejas'),
    t('family', 'Families', 'Familias'),
    t('group', 'Groups', 'Grupos'),
  ],
  genders: [t('woman', 'Woman', 'Mujer'), t('man', 'Man', 'Hombre'), t('non-binary', 'Non-binary', 'No binario')],
  ageGroups: [
    t('adolescent', 'Adolescent (13–17)', 'Adolescente (13–17)'),
    t('adult', 'Adult', 'Adulto'),
    t('older-adult', 'Older adult (65+)', 'Persona mayor (65+)'),
  ],
  formats: [t('in-person', 'In person', 'En persona'), t('telehealth', 'Video (telehealth)', 'Por vídeo (telesalud)')],
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

/**
 * How a site adapts the vocabulary without forking it. Ids are stable: matching uses them, labels
 * are only what people read. Plain data, so it can live in a JSON file next to the directory.
 */
export interface VocabularyCustomisation {
  /** New labels for existing terms, by id, merged into their labels: `{ 'low-desire': { en: 'Low libido' } }`. */
  rename?: Record<string, Partial<Labels>>;
  /** Ids of terms to leave out of every list (the quiz will not offer them). */
  hide?: readonly string[];
  /** New terms, added at the end of their list; an existing id is replaced. */
  extend?: { [K in VocabularyList]?: Vocabulary[K] };
  /** Labels in more languages, by language then id: `{ fr: { 'low-desire': 'Désir sexuel faible' } }`. */
  translate?: Record<string, Record<string, string>>;
}

/**
 * A new vocabulary: `base` (default `defaultVocabulary`, never modified) with terms renamed,
 * hidden, added and translated. Renames and translations apply to a term in whichever list it is.
 * Never throws: a list of `base` that is not an array is the default's; a term without an `id`
 * and an English label, and customisations of the wrong shape, are left out.
 */
export function createVocabulary(
  base: Vocabulary = defaultVocabulary,
  customisation: VocabularyCustomisation = {},
): Vocabulary {
  const from = readVocabulary(base ?? defaultVocabulary, defaultVocabulary).vocabulary;
  const hidden = new Set(itemsOf(read(customisation, 'hide')) ?? []);
  const rename = read(customisation, 'rename');
  const translate = read(customisation, 'translate');
  const extend = read(customisation, 'extend');
  const relabel = <T extends { id: string; labels: Labels }>(term: T): T => {
    const labels = { ...term.labels, ...textsOf(read(rename, term.id)) } as Labels;
    for (const lang of keysOf(translate)) {
      const label = read(read(translate, lang), term.id);
      if (typeof label === 'string' && label) Object.defineProperty(labels, lang, { value: label, enumerable: true });
    }
    return { ...term, labels };
  };
  const result = {} as Record<VocabularyList, { id: string; labels: Labels }[]>;
  for (const name of VOCABULARY_LISTS) {
    const terms: { id: string; labels: Labels }[] = [...from[name]];
    for (const item of itemsOf(read(extend, name)) ?? []) {
      const added = readTerm(item);
      if (!added) continue;
      const at = terms.findIndex((t) => t.id === added.id);
      if (at >= 0) terms[at] = added;
      else terms.push(added);
    }
    result[name] = terms.filter((t) => !hidden.has(t.id)).map(relabel);
  }
  return result as unknown as Vocabulary;
}
