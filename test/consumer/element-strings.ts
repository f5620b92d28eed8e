// The root element's `strings` property is checked like `TmStrings` (a mistyped key is an error).
import 'therapist-match/define.js';

const root = document.createElement('therapist-match');
// @ts-expect-error a mistyped message key on the element
root.strings = { 'quiz.nxt': 'Continue' };
