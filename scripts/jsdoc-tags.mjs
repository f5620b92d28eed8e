// Reads `@cssprop` and `@csspart` tags out of source comments, for the manifest plugin that adds the
// global design tokens to <therapist-match> and for the test that every used token is documented.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const TAG = /@(cssprop|cssproperty|csspart|part|slot)\s+(?:\[([^\]=\s]+)(?:=([^\]]*))?\]|(\S+))(?:\s+-)?\s*(.*)$/;

/** `{ kind: 'cssprop' | 'csspart' | 'slot', name, default?, description, file }` for each tag in a file. */
export function jsdocTags(file, text = readFileSync(file, 'utf8')) {
  const tags = [];
  for (const line of text.split('\n')) {
    const match = TAG.exec(line.replace(/^\s*\*\s?/, ''));
    if (!match) continue;
    const [, tag, optionalName, defaultValue, name, description] = match;
    const kind = { cssproperty: 'cssprop', part: 'csspart' }[tag] ?? tag;
    tags.push({
      kind,
      name: optionalName ?? name,
      default: defaultValue?.trim(),
      description: description.trim(),
      file,
    });
  }
  return tags;
}

/** Every `.ts` file under a folder, recursively. */
export function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}
