// English messages for the root element and the quiz's frame and first step (the later steps'
// messages are in steps.en.ts).
import type { Catalogue } from './localize.js';
import type { PrivacyMessageKey } from './privacy.en.js';
import type { QuizStepsMessageKey } from './steps.en.js';

export const quizEn = {
  'quiz.stepHeading': 'Step {index} of {count}: {title}',
  'quiz.progress': 'Quiz progress',
  'quiz.progressText': 'Step {index} of {count}',
  'quiz.next': 'Next',
  'quiz.showMatches': 'Show my matches',
  'quiz.back': 'Back',
  'quiz.skip': 'Skip this step',
  'quiz.startOver': 'Start over',
  'quiz.cleared': 'Your answers were cleared.',
  'quiz.undo': 'Undo',
  'quiz.resultsHeading': 'Your matches',
  // Shown by the root when the results view itself could not be loaded (no <tm-results> to say it).
  'quiz.resultsUnavailable': 'Your matches could not be shown. Check your internet connection, then try again.',
  'quiz.loading': 'Loading…',
  'quiz.stepUnavailable': 'This step could not be loaded. Check your internet connection, then try again.',
  'quiz.retry': 'Try again',
  'quiz.privacy': 'Your answers stay in this browser tab. They are not stored or shared.',
  'quiz.privacySession': 'Your answers are kept in this browser tab until you close it or start over.',
  'quiz.privacyKept': 'Your answers are not stored.',
  // Visible on every step: the one thing people most need to know before they start.
  'quiz.explainerTitle': 'Sex therapy is talk therapy: there is never physical contact',
  'quiz.explainer':
    'Sex therapy is talk therapy with a licensed clinician, alone or with a partner: conversation, education and exercises to try at home.',
  'quiz.safety':
    'If you are in danger or in crisis right now, call your local emergency number or a crisis line. In the US, call or text 988.',
  'quiz.safetyLabel': 'If you need help now',

  'quiz.step.who': 'Who is looking for help?',
  'quiz.step.concerns': 'What brings you here?',
  'quiz.step.comfort': 'Who would you feel comfortable with?',
  'quiz.step.partner': "Your partner's preferences",
  'quiz.step.partners': "Your partners' preferences",
  'quiz.step.practical': 'Practical matters',

  'quiz.who.seeking': 'Who will come to therapy?',
  'quiz.who.individual': 'Just me',
  'quiz.who.couple': 'Me and my partner(s)',
  'quiz.who.age': 'Age group of the person or people coming',
  'quiz.who.ageUnsaid': 'Prefer not to say',
  // Asked first: until the place is known, therapists seen only in person are not matches.
  'quiz.where': 'Where are you?',
  'quiz.where.hint': 'For video, a state or country is enough. It stays on this page.',
  'quiz.where.place': 'Postal code, city, state or country',
  'quiz.where.video': 'Video sessions only',
} satisfies Catalogue;

export type QuizMessageKey = keyof typeof quizEn | QuizStepsMessageKey | PrivacyMessageKey;
