/** RFC 8288 §3 Link header parsing: `<uri-reference>; rel="a b"; other=param, <...>; ...`. */
export interface LinkValue {
  target: string;
  rels: string[];
  params: Record<string, string>;
}

export type LinkParse = { ok: true; links: LinkValue[] } | { ok: false; error: string };

/** Parses a Link header value; commas inside `<...>` and quoted strings do not split links. */
export function parseLinkHeader(value: string): LinkParse {
  const links: LinkValue[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < value.length && /[\s,]/.test(value[i] as string)) i++;
  };
  skipSpace();
  while (i < value.length) {
    if (value[i] !== '<') return { ok: false, error: `expected "<" at position ${i}` };
    const end = value.indexOf('>', i);
    if (end < 0) return { ok: false, error: 'unterminated "<" in Link header' };
    const target = value.slice(i + 1, end).trim();
    i = end + 1;
    const params: Record<string, string> = {};
    for (;;) {
      while (i < value.length && /\s/.test(value[i] as string)) i++;
      if (i >= value.length || value[i] === ',') break;
      if (value[i] !== ';') return { ok: false, error: `expected ";" or "," at position ${i}` };
      i++;
      const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+\*?)\s*(=\s*)?/.exec(value.slice(i));
      if (!m) return { ok: false, error: `bad link parameter at position ${i}` };
      i += m[0].length;
      const name = (m[1] as string).toLowerCase();
      let v = '';
      if (m[2]) {
        if (value[i] === '"') {
          let j = i + 1;
          while (j < value.length && value[j] !== '"') j += value[j] === '\\' ? 2 : 1;
          if (j >= value.length) return { ok: false, error: 'unterminated quoted string in Link header' };
          v = value.slice(i + 1, j).replace(/\\(.)/g, '$1');
          i = j + 1;
        } else {
          const t = /^[^;,\s]*/.exec(value.slice(i))?.[0] ?? '';
          v = t;
          i += t.length;
        }
      }
      // RFC 8288 §3: only the first occurrence of a parameter counts.
      if (!(name in params)) params[name] = v;
    }
    const rels = (params.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    links.push({ target, rels, params });
    skipSpace();
  }
  return { ok: true, links };
}

/** The first link with a relation type, if any. */
export function findRel(links: LinkValue[], rel: string): LinkValue | undefined {
  return links.find((l) => l.rels.includes(rel));
}
