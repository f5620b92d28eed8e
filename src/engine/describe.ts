// How error messages describe a value that is not what was expected, without printing it.

/** `null`, `an array`, `an object with keys a, b`, `an empty object`, or the `typeof`. */
export function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const keys = Object.keys(value).slice(0, 5);
    return keys.length ? `an object with keys ${keys.join(', ')}` : 'an empty object';
  }
  return typeof value;
}
