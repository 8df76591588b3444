/** Pieces of the details page shared by badges and CLRs: alignments, evidence, endorsements, results. */
import { isObject } from '../../client/http.js';
import { esc } from '../layout.js';

type Doc = Record<string, unknown>;

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** A link only for http(s) targets; anything else is shown as text. */
export function link(url: unknown, label?: string): string {
  const u = str(url);
  if (!u) return esc(label ?? '');
  return /^https?:\/\//i.test(u) ? `<a href="${esc(u)}" rel="noopener noreferrer">${esc(label ?? u)}</a>` : esc(label ?? u);
}

export function facts(rows: [string, string | undefined][]): string {
  const present = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
  return present.length ? `<dl>${present.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>` : '';
}

export function date(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  return esc(Number.isNaN(t) ? s : new Date(t).toUTCString().replace(' 00:00:00 GMT', '').replace(' GMT', ' UTC'));
}

export function alignments(v: unknown): string {
  const items = list(v).filter(isObject);
  if (!items.length) return '';
  return `<h3>Alignments</h3><ul class="plain">${items
    .map((a) => {
      const code = str(a.targetCode);
      const framework = str(a.targetFramework) ?? str(a.educationalFramework);
      const extra = [code, framework].filter(Boolean).map((x) => esc(x!)).join(' · ');
      return `<li>${link(a.targetUrl, str(a.targetName) ?? 'Alignment')}${extra ? ` <span class="muted">(${extra})</span>` : ''}${str(a.targetDescription) ? `<br><span class="muted">${esc(str(a.targetDescription)!)}</span>` : ''}</li>`;
    })
    .join('')}</ul>`;
}

export function evidence(v: unknown): string {
  const items = list(v);
  if (!items.length) return '';
  return `<h3>Evidence</h3><ul class="plain">${items
    .map((e) => {
      if (!isObject(e)) return `<li>${link(e)}</li>`;
      const title = str(e.name) ?? str(e.id) ?? 'Evidence';
      const text = str(e.narrative) ?? str(e.description);
      return `<li>${e.id ? link(e.id, title) : esc(title)}${text ? `<br><span class="muted">${esc(text)}</span>` : ''}</li>`;
    })
    .join('')}</ul>`;
}

export function endorsements(v: unknown, signed?: unknown): string {
  const items = list(v).filter(isObject);
  const signedCount = list(signed).length;
  if (!items.length && !signedCount) return '';
  const rows = items.map((e) => {
    const issuer = isObject(e.issuer) ? (str(e.issuer.name) ?? str(e.issuer.id)) : str(e.issuer);
    const comment = isObject(e.claim) ? str(e.claim.endorsementComment) : undefined;
    return `<li><strong>${esc(issuer ?? 'Unknown endorser')}</strong>${date(e.issuedOn) ? ` <span class="muted">${date(e.issuedOn)}</span>` : ''}${comment ? `<br>${esc(comment)}` : ''}</li>`;
  });
  if (signedCount) rows.push(`<li class="muted">${signedCount} signed endorsement${signedCount === 1 ? '' : 's'}</li>`);
  return `<h3>Endorsements</h3><ul class="plain">${rows.join('')}</ul>`;
}

/** CLR results, named through the achievement's resultDescriptions. */
export function results(v: unknown, achievement: Doc | null): string {
  const items = list(v).filter(isObject);
  if (!items.length) return '';
  const descriptions = new Map<string, Doc>();
  const levels = new Map<string, string>();
  for (const d of list(achievement?.resultDescriptions).filter(isObject)) {
    if (str(d.id)) descriptions.set(d.id as string, d);
    for (const l of list(d.rubricCriterionLevels).filter(isObject)) if (str(l.id) && str(l.name)) levels.set(l.id as string, l.name as string);
  }
  return `<h3>Results</h3><ul class="plain">${items
    .map((r) => {
      const d = descriptions.get(str(r.resultDescription) ?? '');
      const name = str(d?.name) ?? str(r.resultDescription) ?? 'Result';
      const level = str(r.achievedLevel);
      const value = str(r.value) ?? str(r.status) ?? (level ? (levels.get(level) ?? level) : undefined);
      return `<li>${esc(name)}${value ? `: <strong>${esc(value)}</strong>` : ''}${str(d?.resultType) ? ` <span class="muted">(${esc(str(d?.resultType)!)})</span>` : ''}</li>`;
    })
    .join('')}</ul>`;
}
