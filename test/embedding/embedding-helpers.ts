// Shared helpers for the embedding tests: walk the widget's shadow trees and answer the quiz the
// way a person would (click Next; pick the first option when a step needs an answer).

type Lit = HTMLElement & { updateComplete?: Promise<unknown>; step?: string };

/** Every element inside `root`, descending into open shadow roots. */
export function deepElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

export const nextFrame = (win: Window = window) =>
  new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));

export async function until<T>(check: () => T, message: string, timeout = 8000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const quizOf = (root: Element) => root.shadowRoot?.querySelector<Lit>('[part~="quiz"]') ?? null;
const resultsOf = (root: Element) => root.shadowRoot?.querySelector<Lit>('[part~="results"]') ?? null;

/** Waits for the first quiz step to be ready (the directory loaded). */
export async function quizReady(root: Element): Promise<Lit> {
  return until(() => {
    const quiz = quizOf(root);
    return quiz?.shadowRoot?.querySelector('[part~="next"]') ? quiz : null;
  }, 'the quiz did not show its first step');
}

function answerSomething(quiz: Lit): void {
  const form = quiz.shadowRoot!;
  const groups = new Set([...form.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.name));
  for (const name of groups) {
    const radios = [...form.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`)];
    if (!radios.some((r) => r.checked)) radios[0]?.click();
  }
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  if (boxes.length && !boxes.some((b) => b.checked)) boxes[0].click();
}

/** Clicks through every quiz step until results show; returns the steps seen. */
export async function completeQuiz(root: Element, win: Window = window): Promise<string[]> {
  const seen: string[] = [];
  for (let turn = 0; turn < 30 && !resultsOf(root); turn++) {
    const quiz = await quizReady(root);
    await quiz.updateComplete;
    const step = String(quiz.step);
    if (seen.at(-1) !== step) seen.push(step);
    const button = (part: string) => quiz.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
    const attempts = [() => button('next')?.click(), () => answerSomething(quiz), () => button('next')?.click()];
    for (const attempt of attempts) {
      attempt();
      await nextFrame(win);
      await quiz.updateComplete;
      if (resultsOf(root) || quizOf(root)?.step !== step) break;
    }
    if (!resultsOf(root) && quizOf(root)?.step === step) button('skip')?.click();
    await nextFrame(win);
  }
  const results = await until(() => resultsOf(root), 'no results after the last step');
  await results.updateComplete;
  return seen;
}
