// Helpers for the embed builder tests: open demo/builder.html in a frame, work its controls as a
// person would (each fires the events a real click or edit fires), paste its code into a blank page,
// and describe what a widget shows so two widgets can be compared.
import { nextFrame, quizReady, until } from './embedding-helpers.js';

export interface Builder {
  frame: HTMLIFrameElement;
  win: Window;
  doc: Document;
  /** The live widget in the preview (a new element after most changes). */
  preview(): HTMLElement;
  click(selector: string): Promise<void>;
  /** Types a value and leaves the field (`input`, then `change`). */
  fill(selector: string, value: string): Promise<void>;
  html(): string;
  css(): string;
}

async function openFrame(src: string, width: number): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: 900px; border: 0; display: block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}

export async function openBuilder(width = 1280, src = '/demo/builder.html'): Promise<Builder> {
  const frame = await openFrame(src, width);
  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  const element = <T extends Element>(selector: string) => {
    const found = doc.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector} in the builder`);
    return found;
  };
  await until(
    () => win.customElements.get('therapist-match') && doc.getElementById('html-code')?.textContent,
    'the builder did not start',
  );
  const settle = async () => {
    await nextFrame(win);
    await nextFrame(win);
  };
  return {
    frame,
    win,
    doc,
    preview: () => element<HTMLElement>('#preview therapist-match'),
    async click(selector) {
      element<HTMLElement>(selector).click();
      await settle();
    },
    async fill(selector, value) {
      const input = element<HTMLInputElement>(selector);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    },
    html: () => element('#html-code').textContent ?? '',
    css: () => element('#css-code').textContent ?? '',
  };
}

/**
 * A blank page with the copied code pasted in: the HTML in the body, the CSS in a style element,
 * `<base href="/demo/">` standing for a clinic page next to its directory file.
 */
export async function pasteIntoBlankPage(
  html: string,
  css: string,
  lang = 'en',
): Promise<{ frame: HTMLIFrameElement; win: Window; doc: Document; widget: HTMLElement }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 900px; border: 0; display: block';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <base href="/demo/" />
    <title>A clinic's page</title>
    <style>${css}</style>
  </head>
  <body>
    <h1>Find a therapist</h1>
${html}
  </body>
</html>`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  const widget = await until(
    () => win.customElements.get('therapist-match') && doc.querySelector<HTMLElement>('therapist-match'),
    'the pasted widget did not load',
  );
  return { frame, win, doc, widget };
}

/**
 * What a person sees of a widget's first screen, and how it is painted. `next` is the Next
 * button's words to wait for: a language other than English arrives as a chunk.
 */
export async function describeWidget(root: HTMLElement, win: Window, next = 'Next') {
  // A preset set by the pasted script after the first render is applied once its reader has
  // loaded (a chunk in the drop-in): the element's updateComplete includes that wait.
  await (root as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  const quiz = await quizReady(root);
  await until(
    () => quiz.shadowRoot!.querySelector('[part~="next"]')?.textContent?.trim() === next,
    `the Next button never said ${next}`,
  );
  // A later step's questions come with their chunk, which may arrive after the buttons.
  await until(() => quiz.shadowRoot!.querySelector('[part~="step"] input'), 'the step never showed its questions');
  await nextFrame(win);
  const form = quiz.shadowRoot!;
  const button = form.querySelector<HTMLElement>('[part~="next"]')!;
  const heading = form.querySelector('h2')!;
  const style = (el: Element) => win.getComputedStyle(el);
  const checked = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
  const safety = root.shadowRoot!.querySelector<HTMLSlotElement>('[part~="safety"] slot')!;
  const slotted = safety.assignedElements();
  return {
    step: String((quiz as HTMLElement & { step: string }).step),
    heading: text(heading),
    next: text(button),
    format: checked('format'),
    seeking: checked('seeking'),
    safety: slotted.length ? slotted.map((el) => text(el)).join(' ') : text(safety.querySelector('p')),
    safetyLink: slotted[0]?.querySelector('a')?.getAttribute('href') ?? undefined,
    privacy: text(root.shadowRoot!.querySelector('[part~="privacy"]')),
    background: style(root).backgroundColor,
    buttonBackground: style(button).backgroundColor,
    buttonText: style(button).color,
    radius: style(button).borderTopLeftRadius,
    font: style(heading).fontFamily,
  };
}

/** `#rrggbb` to the `rgb(r, g, b)` that getComputedStyle reports. */
export function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}
