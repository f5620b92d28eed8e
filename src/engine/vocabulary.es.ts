// The default vocabulary's Spanish labels, by term id (ids are unique across the lists). Apart from
// vocabulary.ts so that the drop-in's main file carries English only: the Spanish messages, the
// record reader (which reads labels in any language), `createVocabulary` and the package's entries
// call `addSpanishLabels(defaultVocabulary)`, which puts them on the default terms once.

const SPANISH: Record<string, string> = {
  'desire-discrepancy': 'Diferencias de deseo en la pareja',
  'low-desire': 'Deseo bajo',
  'high-desire': 'Deseo alto o conducta sexual fuera de control',
  'erectile-concerns': 'Dificultades de erección',
  'early-ejaculation': 'Eyaculación precoz',
  'delayed-ejaculation': 'Eyaculación retardada',
  'orgasm-difficulties': 'Dificultad para llegar al orgasmo',
  'pain-with-sex': 'Dolor en las relaciones (incluye vaginismo y suelo pélvico)',
  'performance-anxiety': 'Ansiedad de desempeño',
  'sexual-inexperience': 'Poca o ninguna experiencia sexual',
  'body-image': 'Imagen corporal',
  'communication-about-sex': 'Hablar de sexo',
  'infidelity-recovery': 'Recuperarse de una infidelidad',
  'differing-sexual-styles': 'Estilos o intereses sexuales distintos',
  'sexual-orientation': 'Orientación sexual',
  'gender-identity': 'Identidad de género (trans, no binaria, intersexual)',
  'kink-and-alternative-sexualities': 'Kink y sexualidades alternativas',
  'sexual-trauma': 'Trauma sexual',
  'sex-after-childbirth': 'Sexualidad después del parto',
  'illness-disability-and-sex': 'Enfermedad, discapacidad y sexualidad',
  'aging-and-sex': 'Envejecimiento y sexualidad',
  'sexual-shame': 'Vergüenza sexual (religiosa o cultural)',
  'sexual-education-gaps': 'Carencias en educación sexual',
  cbt: 'Terapia cognitivo-conductual',
  'emotion-focused': 'Terapia focalizada en las emociones',
  'couples-communication': 'Trabajo de comunicación en pareja',
  mindfulness: 'Atención plena (mindfulness)',
  'sensate-focus': 'Focalización sensorial (ejercicios en casa)',
  psychoeducation: 'Psicoeducación',
  'trauma-informed': 'Atención informada sobre el trauma',
  narrative: 'Terapia narrativa',
  'solution-focused': 'Terapia centrada en soluciones',
  lgbtq: 'Personas LGBTQ+',
  trans: 'Personas trans y no binarias',
  kink: 'Kink y BDSM',
  polyamory: 'Poliamor y relaciones abiertas',
  disability: 'Personas con discapacidad',
  faith: 'Personas creyentes',
  bipoc: 'Personas negras, indígenas y racializadas',
  neurodivergent: 'Personas neurodivergentes',
  individual: 'Personas individuales',
  couple: 'Parejas',
  family: 'Familias',
  group: 'Grupos',
  woman: 'Mujer',
  man: 'Hombre',
  'non-binary': 'No binario',
  adolescent: 'Adolescente (13–17)',
  adult: 'Adulto',
  'older-adult': 'Persona mayor (65+)',
  'in-person': 'En persona',
  telehealth: 'Por vídeo (telesalud)',
  desire: 'Deseo y excitación',
  function: 'Cuerpo y funcionamiento',
  relationship: 'Relación de pareja',
  identity: 'Identidad y orientación',
  wellbeing: 'Bienestar y cambios de vida',
};

const done = new WeakSet<object>();

/** Adds the Spanish labels to the default vocabulary's terms, in place (once; a label already there is kept). */
export function addSpanishLabels(vocabulary: object): void {
  if (done.has(vocabulary)) return;
  done.add(vocabulary);
  for (const terms of Object.values(vocabulary) as { id: string; labels: Record<string, string> }[][])
    for (const term of terms)
      if (Object.hasOwn(SPANISH, term.id) && !Object.hasOwn(term.labels, 'es')) term.labels.es = SPANISH[term.id];
}
