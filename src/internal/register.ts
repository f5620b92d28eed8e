// Guarded registration: loading the widget twice, even two versions on one page, never throws.
let warned = false;

/** Defines each tag not yet defined; warns once when another copy of the widget got there first. */
export function register(elements: Record<string, CustomElementConstructor>): void {
  for (const [tag, element] of Object.entries(elements)) {
    const existing = customElements.get(tag);
    if (!existing) customElements.define(tag, element);
    else if (existing !== element && !warned) {
      warned = true;
      console.warn(
        `therapist-match: <${tag}> is already defined by another copy of the widget; keeping the first one.`,
      );
    }
  }
}
