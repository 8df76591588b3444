/**
 * Baking for tests, written by hand so each test controls every byte: a 1x1 grey PNG with `openbadges`
 * text chunks (iTXt by default), and an SVG with an <openbadges:assertion> element.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer, badCrc = false): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((crc32(body) ^ (badCrc ? 1 : 0)) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export interface PngOptions {
  /** Chunk type for the text (default iTXt). */
  type?: 'iTXt' | 'tEXt';
  /** Deflate the iTXt text (compression flag 1). */
  compressed?: boolean;
  /** How many openbadges chunks (default 1). */
  count?: number;
  /** Corrupt the CRC of the text chunk. */
  badCrc?: boolean;
  /** Leave the openbadges chunk out (a plain PNG). */
  none?: boolean;
}

export function bakePng(text: string, options: PngOptions = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey), no interlace
  const idat = deflateSync(Buffer.from([0, 0x80]));
  const keyword = Buffer.from('openbadges\0', 'latin1');
  const data =
    options.type === 'tEXt'
      ? Buffer.concat([keyword, Buffer.from(text, 'latin1')])
      : Buffer.concat([keyword, Buffer.from([options.compressed ? 1 : 0, 0]), Buffer.from('\0\0'), options.compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8')]);
  const texts = options.none ? [] : Array.from({ length: options.count ?? 1 }, () => chunk(options.type ?? 'iTXt', data, options.badCrc));
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), ...texts, chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

export interface SvgOptions {
  /** The verify attribute (omitted when undefined). */
  verify?: string;
  /** JSON (or text) inside the element, wrapped in CDATA. */
  content?: string;
  namespace?: string | null;
  count?: number;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function bakeSvg(options: SvgOptions): string {
  const ns = options.namespace === null ? '' : ` xmlns:openbadges="${options.namespace ?? 'http://openbadges.org'}"`;
  const verify = options.verify === undefined ? '' : ` verify="${attr(options.verify)}"`;
  const element = options.content === undefined ? `<openbadges:assertion${verify}/>` : `<openbadges:assertion${verify}><![CDATA[${options.content}]]></openbadges:assertion>`;
  const elements = Array.from({ length: options.count ?? 1 }, () => element).join('\n  ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"${ns} width="10" height="10">\n  ${elements}\n  <rect width="10" height="10"/>\n</svg>\n`;
}
