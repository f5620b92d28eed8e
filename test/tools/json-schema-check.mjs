// A small JSON Schema (2020-12) checker for the keywords scripts/record-schema.mjs writes, so
// the tests can hold dist/schema.json against the validator without a validator dependency. A
// keyword it does not know is an error, never silently passed.

const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description', 'examples', 'default']);

const typeOf = (value) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && Number.isInteger(value)
        ? 'integer'
        : typeof value;

const fits = (value, type) => {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
};

/** Unicode code points, as JSON Schema counts string length. */
const lengthOf = (text) => [...text].length;

/**
 * The places where `value` breaks `schema` (`root` resolves `$ref`s), as `path: reason` strings;
 * empty when it is valid.
 */
export function checkJsonSchema(schema, value, root = schema, path = '') {
  const errors = [];
  const fail = (reason) => errors.push(`${path || '(root)'}: ${reason}`);
  for (const [keyword, expected] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case '$ref': {
        const match = /^#\/\$defs\/([^/]+)$/.exec(expected);
        if (!match || !root.$defs?.[match[1]]) throw new Error(`unsupported $ref ${expected}`);
        errors.push(...checkJsonSchema(root.$defs[match[1]], value, root, path));
        break;
      }
      case 'type':
        if (!fits(value, expected)) fail(`must be ${expected}, is ${typeOf(value)}`);
        break;
      case 'enum':
        if (!expected.includes(value)) fail(`must be one of ${expected.join(', ')}`);
        break;
      case 'anyOf':
        if (!expected.some((option) => checkJsonSchema(option, value, root, path).length === 0))
          fail('matches none of anyOf');
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(expected, 'u').test(value)) fail(`must match ${expected}`);
        break;
      case 'format':
        if (typeof value !== 'string') break;
        if (expected === 'uri') {
          if (!URL.canParse(value)) fail('must be a URI');
        } else if (expected !== 'email') throw new Error(`unsupported format ${expected}`); // email: its pattern decides
        break;
      case 'minLength':
        if (typeof value === 'string' && lengthOf(value) < expected) fail(`must be at least ${expected} long`);
        break;
      case 'maxLength':
        if (typeof value === 'string' && lengthOf(value) > expected) fail(`must be at most ${expected} long`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < expected) fail(`must be at least ${expected}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > expected) fail(`must be at most ${expected}`);
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < expected) fail(`must have at least ${expected} entries`);
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > expected) fail(`must have at most ${expected} entries`);
        break;
      case 'items':
        if (Array.isArray(value))
          value.forEach((item, i) => errors.push(...checkJsonSchema(expected, item, root, `${path}.${i}`)));
        break;
      case 'properties':
        if (typeOf(value) === 'object')
          for (const [key, inner] of Object.entries(expected))
            if (Object.hasOwn(value, key))
              errors.push(...checkJsonSchema(inner, value[key], root, path ? `${path}.${key}` : key));
        break;
      case 'required':
        if (typeOf(value) === 'object')
          for (const key of expected) if (!Object.hasOwn(value, key)) fail(`lacks required ${key}`);
        break;
      case 'additionalProperties':
        if (typeOf(value) !== 'object') break;
        for (const key of Object.keys(value)) {
          if (Object.hasOwn(schema.properties ?? {}, key)) continue;
          if (expected === false) fail(`has unknown property ${key}`);
          else if (expected !== true) errors.push(...checkJsonSchema(expected, value[key], root, `${path}.${key}`));
        }
        break;
      case 'dependentRequired':
        if (typeOf(value) === 'object')
          for (const [key, needs] of Object.entries(expected))
            if (Object.hasOwn(value, key))
              for (const need of needs) if (!Object.hasOwn(value, need)) fail(`has ${key} without ${need}`);
        break;
      default:
        throw new Error(`json-schema-check does not know the keyword ${keyword}`);
    }
  }
  return errors;
}
