// English messages for the quiz and the root element.
import type { Catalogue } from './localize.js';

export const quizEn = {
  'quiz.stepHeading': 'Step {index} of {count}: {title}',
  'quiz.progress': 'Quiz progress',
  'quiz.progressText': 'Step {index} of {count}',
  'quiz.next': 'Next',
  'quiz.showMatches': 'Show my matches',
  'quiz.back': 'Back',
  'quiz.skip': 'Skip this step',
  'quiz.startOver': 'Start over',
  'quiz.resultsHeading': 'Your matches',
  // Shown by the root when the results view itself could not be loaded (no <tm-results> to say it).
  'quiz.resultsUnavailable': 'Your matches could not be shown. Check your internet connection, then try again.',
  'quiz.retry': 'Try again',
  'quiz.privacy': 'Your answers stay in this browser tab. They are not stored or shared.',
  'quiz.privacySession': 'Your answers are kept in this browser tab until you close it or start over.',
  'quiz.explainerTitle': 'What is sex therapy?',
  'quiz.explainer':
    'Sex therapy is talk therapy with a licensed clinician, alone or with a partner. Sessions are conversation, education and exercises to try at home. There is never physical contact in a session.',
  'quiz.safety':
    'If you are in danger or in crisis right now, call your local emergency number or a crisis line. In the US, call or text 988.',
  'quiz.safetyLabel': 'If you need help now',

  'quiz.step.who': 'Who is looking for help?',
  'quiz.step.concerns': 'What brings you here?',
  'quiz.step.comfort': 'Who would you feel comfortable with?',
  'quiz.step.partner': "Your partner's preferences",
  'quiz.step.practical': 'Practical matters',

  'quiz.who.seeking': 'Who will come to therapy?',
  'quiz.who.individual': 'Just me',
  'quiz.who.couple': 'Me and my partner(s)',
  'quiz.who.age': 'Age group of the person or people coming',
  'quiz.who.ageUnsaid': 'Prefer not to say',

  'quiz.concerns.intro': 'Choose anything that fits. You can change this later, and you do not need to be sure.',
  'quiz.concerns.notSure': 'Not sure yet',
  'quiz.concerns.primary': 'Which matters most to you?',
  'quiz.concerns.physician':
    'For concerns about how the body works, clinicians usually suggest seeing a physician too, to rule out or treat physical causes. Therapy works well alongside medical care.',

  'quiz.comfort.intro': 'Everyone has their own comfort. Choose only what matters to you.',
  'quiz.comfort.gender': "Therapist's gender",
  'quiz.comfort.languages': 'Languages',
  'quiz.comfort.communities': 'Affirms and knows these communities',
  'quiz.language.ase': 'American Sign Language',
  'quiz.importance': 'How much does this matter?',
  'quiz.importance.required': 'Must have',
  'quiz.importance.preferred': 'Would be nice',
  'quiz.importance.none': 'No preference',

  'quiz.partner.note':
    'Couples do best when they agree beforehand on what they want in a therapist. Fill this in together, with your partner choosing for themselves.',

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
  'quiz.practical.accepting': 'Only show therapists accepting new clients',
} satisfies Catalogue;

export type QuizMessageKey = keyof typeof quizEn;
