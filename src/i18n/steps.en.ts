// English messages for the quiz steps after the first (concerns, comfort, partner, practical):
// they arrive with those steps (see components/quiz/later-steps.ts).
import type { Catalogue } from './localize.js';
import { identityEn } from './identity.en.js';

export const quizStepsEn = {
  'quiz.adolescent':
    'For someone aged 13 to 17, a parent or guardian usually arranges therapy and gives consent; the therapist explains what stays private between them and the young person.',
  'quiz.concerns.intro': 'Choose anything that fits. You can change this later, and you do not need to be sure.',
  'quiz.concerns.notSure': 'Not sure yet',
  'quiz.concerns.primary': 'Which matters most to you?',
  'quiz.concerns.physician':
    'For concerns about how the body works, clinicians usually suggest seeing a physician too, to rule out or treat physical causes. Therapy works well alongside medical care.',
  'quiz.concerns.common': 'Most common',
  'quiz.concerns.more': { one: 'More concerns ({count})', other: 'More concerns ({count})' },
  'quiz.concerns.note.pain-with-sex':
    'For pain, a physician or a pelvic-floor physiotherapist looks after the body. A sex therapist talks with you and never examines you.',
  'quiz.comfort.intro': 'Everyone has their own comfort. Choose only what matters to you.',
  'quiz.comfort.gender': "Therapist's gender",
  'quiz.comfort.languages': 'Languages',
  'quiz.comfort.communities': 'Affirms and knows these communities',
  'quiz.comfort.background': 'The therapist’s own faith, culture and identity',
  'quiz.comfort.backgroundNote':
    'Only what therapists say about themselves is matched; nothing is guessed from a name or a photo.',
  'quiz.comfort.faith': 'Faith background',
  'quiz.comfort.culture': 'Cultural or ethnic background',
  'quiz.comfort.identity': 'Belongs to these communities',
  'quiz.step.style': 'How would you like therapy to feel?',
  'quiz.style.open': 'Tell us how you like therapy to feel',
  'quiz.style.intro':
    'There are no right answers: therapists work in different ways. This helps put first those who work the way you like; it never rules anyone out.',
  'quiz.style.lead': 'In sessions, who leads?',
  'quiz.style.lead.therapist': 'The therapist leads, with structure and suggestions',
  'quiz.style.lead.client': 'I lead, and the therapist follows',
  'quiz.style.intensity': 'How should sessions feel?',
  'quiz.style.intensity.gentle': 'Gentle, at a calm pace',
  'quiz.style.intensity.intense': 'Emotionally intense, working with strong feelings',
  'quiz.style.focus': 'What should sessions focus on?',
  'quiz.style.focus.past': 'The past, and where things come from',
  'quiz.style.focus.present': 'The present, and what to do now',
  'quiz.style.approach': 'What would help you most?',
  'quiz.style.approach.support': 'Warm support',
  'quiz.style.approach.challenge': 'Focused challenge',
  'quiz.style.none': 'No preference',
  ...identityEn,
  'quiz.language.ase': 'American Sign Language',
  'quiz.importance': 'How much does this matter?',
  'quiz.importance.required': 'Must have',
  'quiz.importance.preferred': 'Would be nice',
  'quiz.importance.none': 'No preference',
  'quiz.partner.note':
    'Couples do best when they agree beforehand on what they want in a therapist. Fill this in together, with your partner choosing for themselves.',
  'quiz.partner.numbered': 'Partner {number}',
  'quiz.partner.add': 'Add another partner',
  'quiz.partner.remove': 'Remove partner {number}',
  'quiz.practical.format': 'How would you like to meet?',
  'quiz.practical.inPerson': 'In person',
  'quiz.practical.video': 'By video',
  'quiz.practical.either': 'Either',
  'quiz.practical.location': 'Where do you live?',
  'quiz.practical.locationHint':
    'Video therapists must be licensed where you live. This stays on your device and is only used to compare with therapists\u2019 locations.',
  'quiz.practical.postal': 'Postal code or city',
  'quiz.practical.region': 'Or choose your state or province',
  'quiz.practical.regionNone': 'Choose…',
  'quiz.practical.found': 'Using: {place}',
  'quiz.practical.notFound': 'We could not find “{place}”. Try another postal code or choose your state or province.',
  'quiz.practical.distance': 'How far can you travel?',
  'quiz.practical.distanceAny': 'Any distance',
  'quiz.practical.cost': 'Cost',
  'quiz.practical.budget': 'Most I can pay per session',
  'quiz.practical.currency': 'Currency',
  'quiz.practical.budgetFirm': 'This is a firm limit',
  'quiz.practical.insurance': 'Insurance I would like to use',
  'quiz.practical.slidingScale': 'I would like a sliding-scale fee',
  'quiz.practical.accepting': 'Only show therapists who say they are accepting new clients',
} satisfies Catalogue;

export type QuizStepsMessageKey = keyof typeof quizStepsEn;
