// The quiz's steps by name: the values of the `steps` option, in their default order.

/** The quiz steps, in their default order. Results follow the last step. */
export const QUIZ_STEPS = ['who', 'concerns', 'comfort', 'partner', 'practical'] as const;
/**
 * A step or the optional `style` step (how therapy should feel), which a site turns on by naming it
 * in its list; without it, the comfort step offers the same questions behind a link.
 */
export type QuizStep = (typeof QUIZ_STEPS)[number] | 'style';

export function isQuizStep(value: unknown): value is QuizStep {
  return value === 'style' || (QUIZ_STEPS as readonly unknown[]).includes(value);
}

/**
 * Reads a site's step list (`"who, practical"` or an array): unknown names are dropped, duplicates
 * keep their first position. An empty or missing list (or anything but a string or an array of
 * strings) means every step in the default order.
 */
export function parseSteps(value: string | readonly string[] | undefined | null): QuizStep[] {
  let names: unknown[] = [];
  try {
    names = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? [...(value as unknown[])] : [];
  } catch {
    // a Proxy list: the default steps
  }
  const steps = [...new Set(names.map((n) => (typeof n === 'string' ? n.trim() : n)).filter(isQuizStep))];
  return steps.length ? steps : [...QUIZ_STEPS];
}
