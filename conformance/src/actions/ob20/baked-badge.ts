// Reading a baked badge (OB 2.0 Baking): the assertion carried by a PNG's `openbadges` text chunk or an
// SVG's <openbadges:assertion> element. The PNG chunks are read by hand with Buffer and zlib: the format
// is small, and the suite must see every chunk as it is (count, compression, CRC) to judge the baking
// itself, which an image library that hides or repairs chunks would not let it do.
import { crc32, inflateSync } from 'node:zlib';

export interface BakedBadge {
  format: 'png' | 'svg';
  /** What the image carries: assertion JSON, a compact JWS, or the URL of a hosted assertion. */
  carried: 'json' | 'jws' | 'url';
  content: string;
  /** Breaches of the baking rules (judged by ensure-baked-badge); the content is still checked. */
  problems: string[];
  /** How the assertion was found, for the report. */
  found: string;
}

export type BakedRead = { ok: true; baked: BakedBadge } | { ok: false; reason: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KEYWORD = 'openbadges';
const SVG_NAMESPACE = 'http://openbadges.org';

export const isPng = (bytes: Buffer): boolean => bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);

/** Text that is an SVG document (an XML declaration or comments may come first). */
export const isSvg = (text: string): boolean => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(text);

/** What the carried text is: JSON, a compact JWS (three base64url parts) or an http(s) URL. */
function classify(text: string): BakedBadge['carried'] | undefined {
  const t = text.trim();
  if (t.startsWith('{')) return 'json';
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(t)) return 'jws';
  if (/^https?:\/\/\S+$/i.test(t)) return 'url';
  return undefined;
}

interface TextChunk {
  type: 'iTXt' | 'tEXt' | 'zTXt';
  text: string;
  compressed: boolean;
}

/** The `openbadges` text chunks of a PNG, or why the file cannot be read as one. */
function pngTextChunks(bytes: Buffer): { chunks: TextChunk[]; problems: string[] } | { error: string } {
  const chunks: TextChunk[] = [];
  const problems: string[] = [];
  let at = 8;
  let sawEnd = false;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return { error: `truncated chunk header at byte ${at}` };
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length) return { error: `chunk ${type} at byte ${at} runs past the end of the file` };
    const data = bytes.subarray(at + 8, at + 8 + length);
    const crc = bytes.readUInt32BE(at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== crc) problems.push(`chunk ${type} at byte ${at} has a bad CRC`);
    at += 12 + length;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    const text = textChunk(type, data);
    if (text && 'error' in text) return { error: text.error };
    if (text) chunks.push(text);
  }
  if (!sawEnd) problems.push('the PNG has no IEND chunk');
  return { chunks, problems };
}

/** An `openbadges` tEXt/zTXt/iTXt chunk's text; undefined for other chunks and keywords. */
function textChunk(type: string, data: Buffer): TextChunk | { error: string } | undefined {
  if (type !== 'iTXt' && type !== 'tEXt' && type !== 'zTXt') return undefined;
  const nul = data.indexOf(0);
  if (nul < 0 || data.toString('latin1', 0, nul) !== KEYWORD) return undefined;
  try {
    if (type === 'tEXt') return { type, text: data.toString('latin1', nul + 1), compressed: false };
    if (type === 'zTXt') return { type, text: inflateSync(data.subarray(nul + 2)).toString('latin1'), compressed: true };
    // iTXt: keyword NUL, compression flag, method, language tag NUL, translated keyword NUL, UTF-8 text.
    const compressed = data[nul + 1] === 1;
    const language = data.indexOf(0, nul + 3);
    const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
    if (translated < 0) return { error: 'the openbadges iTXt chunk is malformed (missing NUL separators)' };
    const body = data.subarray(translated + 1);
    return { type, text: (compressed ? inflateSync(body) : body).toString('utf8'), compressed };
  } catch (err) {
    return { error: `the openbadges ${type} chunk does not inflate: ${(err as Error).message}` };
  }
}

export function readBakedPng(bytes: Buffer): BakedRead {
  const read = pngTextChunks(bytes);
  if ('error' in read) return { ok: false, reason: `not a readable PNG: ${read.error}` };
  const { chunks, problems } = read;
  const first = chunks[0];
  if (!first) return { ok: false, reason: 'a PNG without an openbadges text chunk: not a baked badge' };
  const itxt = chunks.filter((c) => c.type === 'iTXt');
  if (itxt.length === 0) problems.push(`the assertion is in a ${first.type} chunk; OB 2.0 bakes it into an iTXt chunk`);
  if (chunks.length > 1) problems.push(`${chunks.length} openbadges text chunks; a baked PNG has exactly one`);
  const chosen = itxt[0] ?? first;
  if (chosen.compressed) problems.push(`the openbadges ${chosen.type} chunk is compressed; OB 2.0 baking leaves it uncompressed`);
  const carried = classify(chosen.text);
  if (!carried) return { ok: false, reason: `the openbadges ${chosen.type} chunk holds neither assertion JSON, a compact JWS nor a URL` };
  return { ok: true, baked: { format: 'png', carried, content: chosen.text.trim(), problems, found: `${chosen.type} chunk "${KEYWORD}"` } };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : XML_ENTITIES[e.toLowerCase()]!,
  );

export function readBakedSvg(text: string): BakedRead {
  const elements = [...text.matchAll(/<openbadges:assertion\b([^>]*?)(?:\/>|>([\s\S]*?)<\/openbadges:assertion\s*>)/g)];
  const first = elements[0];
  if (!first) return { ok: false, reason: 'an SVG without an <openbadges:assertion> element: not a baked badge' };
  const problems: string[] = [];
  const svgTag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const ns = /\bxmlns:openbadges\s*=\s*(["'])(.*?)\1/.exec(svgTag)?.[2];
  if (ns !== SVG_NAMESPACE) problems.push(ns === undefined ? `the <svg> element declares no xmlns:openbadges="${SVG_NAMESPACE}"` : `xmlns:openbadges is "${ns}", not "${SVG_NAMESPACE}"`);
  if (elements.length > 1) problems.push(`${elements.length} <openbadges:assertion> elements; a baked SVG has exactly one`);
  const verify = /\bverify\s*=\s*(["'])([\s\S]*?)\1/.exec(first[1] ?? '')?.[2];
  const verifyValue = verify === undefined ? undefined : unescapeXml(verify).trim();
  const inner = (first[2] ?? '').trim();
  const cdata = /^<!\[CDATA\[([\s\S]*?)\]\]>$/.exec(inner);
  const body = cdata ? cdata[1]!.trim() : unescapeXml(inner);
  if (verifyValue === undefined) problems.push('the <openbadges:assertion> element has no verify attribute');
  const verifyKind = verifyValue ? classify(verifyValue) : undefined;
  if (verifyValue && verifyKind !== 'jws' && verifyKind !== 'url') problems.push('the verify attribute is neither a compact JWS nor an assertion URL');
  // A signed badge is the JWS in verify; a hosted one may carry its JSON as the element's content.
  if (verifyKind === 'jws') return { ok: true, baked: { format: 'svg', carried: 'jws', content: verifyValue!, problems, found: 'verify attribute (compact JWS)' } };
  if (body) {
    if (classify(body) !== 'json') return { ok: false, reason: 'the <openbadges:assertion> element holds text that is not assertion JSON' };
    try {
      const id = (JSON.parse(body) as { id?: unknown }).id;
      if (verifyKind === 'url' && id !== verifyValue) problems.push(`the verify attribute ${verifyValue} is not the carried assertion's id ${JSON.stringify(id)}`);
    } catch {
      // unparsable JSON is reported by the document checks
    }
    return { ok: true, baked: { format: 'svg', carried: 'json', content: body, problems, found: 'element content (assertion JSON)' } };
  }
  if (verifyKind === 'url') return { ok: true, baked: { format: 'svg', carried: 'url', content: verifyValue!, problems, found: 'verify attribute (assertion URL)' } };
  return { ok: false, reason: 'the <openbadges:assertion> element carries no assertion (no JSON content and no usable verify attribute)' };
}
