// Parsing an official schema file, with the one published syntax defect tolerated.
import type { OfficialFile } from './manifest.js';

/** Removes commas that directly precede a closing brace or bracket (outside strings). */
export function stripTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      const next = text.slice(i + 1).match(/^\s*([}\]])/);
      if (next) continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Parses a downloaded file as a JSON Schema object. Only the file with a known syntax erratum (ERRATA.md
 * E1) gets its trailing comma stripped; any other unparsable file is an error.
 */
export function parseOfficialFile(file: OfficialFile, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(file.syntaxErratum ? stripTrailingCommas(text) : text);
  } catch (err) {
    throw new Error(`not JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON Schema object');
  const dialect = (value as Record<string, unknown>).$schema;
  if (typeof dialect !== 'string' || !dialect.includes(`draft-${file.draft}`)) {
    throw new Error(`expected a draft-${file.draft} schema, $schema is ${JSON.stringify(dialect)}`);
  }
  return value as Record<string, unknown>;
}
