// The quiz steps after the first: concerns, comfort, partner, practical, and the optional style step. Importing this module
// defines them (the package's entries do so at once; the drop-in loads it as a chunk).
import { directoryFacts } from '../../engine/facts.js';
import { warmFormatters } from '../../i18n/format.js';
import { addMessages } from '../../i18n/index.js';
import { quizStepsEn } from '../../i18n/steps.en.js';
import { defineSteps } from './step.js';
import { renderConcerns } from './steps/concerns.js';
import { renderComfort, renderPartner } from './steps/preferences.js';
import { commitTypedPlace, placeStatus, renderPractical } from './steps/practical.js';
import { stepStyles } from './steps/steps.styles.js';
import { renderStyle } from './steps/style.js';

addMessages('en', quizStepsEn);

defineSteps(
  {
    concerns: { render: renderConcerns },
    comfort: { render: renderComfort },
    partner: { render: renderPartner },
    style: { render: renderStyle },
    practical: { render: renderPractical, beforeNext: commitTypedPlace, placeStatus },
  },
  directoryFacts,
  stepStyles,
);

// The steps and the results format numbers, dates, lists and names: the platform's first formatter
// of each kind is made while the person answers (see warmFormatters).
void warmFormatters();

/** Resolves once the formatters are made (the drop-in's loader waits for it before a step renders). */
export const ready = (): Promise<void> => warmFormatters(true);
