// Custom formats used by our schemas. Registered by name on every Ajv instance we create.
import type { Format } from 'ajv';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Integer representable as a signed 32-bit value (OpenAPI `int32`). */
export function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

// ISO 8601 calendar date-time with a mandatory zone designator (OB 2.0 forbids zone-less values).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO 8601 date-time that carries a time zone (`Z` or `±hh[[:]mm]`). */
export function isDateTimeWithZone(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, zh, zm] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!)) return false;
  // second 60 is a leap second; zone offsets beyond ±23:59 do not exist.
  return hour! <= 23 && minute! <= 59 && second! <= 60 && zh! <= 23 && zm! <= 59;
}

const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/i;
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;
const BLANK_NODE = /^_:\S+$/;

/** Absolute http(s) URL with a host (OB 2.0 `URL`). */
export function isHttpUrl(value: string): boolean {
  if (!HTTP_URL.test(value)) return false;
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}

/**
 * OB 2.0 node identifier: an http(s) URL, a URN (`urn:uuid:`, and `urn:example:` in fixtures) or a
 * blank node id. The reference validator accepts the same families.
 */
export function isObIri(value: string): boolean {
  return isHttpUrl(value) || URN.test(value) || BLANK_NODE.test(value);
}

// PNG or SVG data URIs are the only embedded images OB 2.0 allows.
const IMAGE_DATA_URI = /^data:image\/(?:png|svg\+xml)(?:;[^,;]+)*(?:;base64)?,\S*$/i;

export function isImageIri(value: string): boolean {
  return isObIri(value) || IMAGE_DATA_URI.test(value);
}

// BCP 47 tag, syntactic shape only (e.g. `en`, `en-US`, `zh-Hant-TW`).
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

export const customFormats: Record<string, (value: string) => boolean> = {
  'date-time': isDateTimeWithZone,
  'http-url': isHttpUrl,
  'ob-iri': isObIri,
  'image-iri': isImageIri,
  'language-tag': (v) => LANGUAGE_TAG.test(v),
};

/** Adds our formats (and `int32`, which applies to numbers) to an Ajv instance. */
export function addCustomFormats(ajv: { addFormat(name: string, format: Format): unknown }): void {
  for (const [name, validate] of Object.entries(customFormats)) ajv.addFormat(name, { type: 'string', validate });
  ajv.addFormat('int32', { type: 'number', validate: isInt32 });
}
