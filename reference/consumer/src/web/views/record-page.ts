import type { Response } from 'express';
import { isObject } from '../../client/http.js';
import { decodeJwsPayload } from '../../client/records.js';
import type { Connection } from '../../store/connections.js';
import type { StoredRecord } from '../../store/records.js';
import { STATUS_LABELS } from '../../verify.js';
import { esc, sendPage } from '../layout.js';
import { originsOf } from './dashboard.js';
import { alignments, date, endorsements, evidence, facts, link, list, results, str } from './record-parts.js';

export interface RecordPageModel {
  csrf: string;
  record: StoredRecord;
  source: Connection | null;
  /** Other connected Badge Connect providers the badge can be sent to. */
  targets: Connection[];
  connections: Connection[];
  notice?: string | null;
  error?: string | null;
}

function verificationSection(r: StoredRecord): string {
  const v = r.verification;
  const rows = v.steps
    .map((s) => `<tr><td class="outcome ${esc(s.outcome)}">${esc(s.outcome)}</td><td><code>${esc(s.code)}</code></td><td>${esc(s.message)}</td></tr>`)
    .join('');
  return `<div class="card"><h2>Verification</h2>
<p><span class="status ${esc(v.status)}">${esc(STATUS_LABELS[v.status])}</span>
<span class="muted">method: ${esc(v.method)}${r.form === 'jws' ? ', received signed (JWS)' : ', received as JSON'}</span></p>
${v.reasons.length ? `<ul class="plain">${v.reasons.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '<p>Every check passed.</p>'}
${rows ? `<details><summary>All checks (${v.steps.length})</summary><table><tbody>${rows}</tbody></table></details>` : ''}
</div>`;
}

function badgeBody(r: StoredRecord): string {
  const doc = r.document;
  const badge = r.display.badgeClass ?? (isObject(doc.badge) ? doc.badge : null);
  const criteria = badge && isObject(badge.criteria) ? badge.criteria : null;
  const tags = list(badge?.tags).map(str).filter(Boolean) as string[];
  return `${facts([
    ['Issuer', r.display.issuerName ? esc(r.display.issuerName) : undefined],
    ['Issued', date(doc.issuedOn)],
    ['Expires', date(doc.expires)],
    ['Criteria', criteria ? (str(criteria.narrative) ? esc(str(criteria.narrative)!) : link(criteria.id)) : badge ? link(badge.criteria) : undefined],
    ['Tags', tags.length ? esc(tags.join(', ')) : undefined],
    ['Assertion', link(doc.id)],
  ])}
${str(doc.narrative) ? `<h3>Narrative</h3><p>${esc(str(doc.narrative)!)}</p>` : ''}
${alignments(badge?.alignment)}
${evidence(doc.evidence)}
${endorsements([...list(doc.endorsement), ...list(badge?.endorsement)])}`;
}

function clrBody(r: StoredRecord): string {
  const doc = r.document;
  const learner = isObject(doc.learner) ? doc.learner : {};
  const publisher = isObject(doc.publisher) ? doc.publisher : {};
  // Signed assertions are shown from their decoded payload; the verification section says whether they verify.
  const signed = list(doc.signedAssertions).map((j) => (typeof j === 'string' ? decodeJwsPayload(j) : null));
  const assertions = [...list(doc.assertions).filter(isObject).map((a) => ({ a, signed: false })), ...signed.filter(isObject).map((a) => ({ a, signed: true }))];
  const achievements = assertions
    .map(({ a, signed: isSigned }) => {
      const ach = isObject(a.achievement) ? a.achievement : null;
      const issuer = ach && isObject(ach.issuer) ? str(ach.issuer.name) : undefined;
      return `<div class="card"><h3>${esc(str(ach?.name) ?? (typeof a.badge === 'string' ? 'Open Badge' : 'Achievement'))} ${str(ach?.achievementType) ? `<span class="kind">${esc(str(ach?.achievementType)!)}</span>` : ''}${isSigned ? ' <span class="kind">signed</span>' : ''}</h3>
${str(ach?.description) ? `<p>${esc(str(ach?.description)!)}</p>` : ''}
${facts([
  ['Issuer', issuer ? esc(issuer) : undefined],
  ['Issued', date(a.issuedOn)],
  ['Badge class', typeof a.badge === 'string' ? link(a.badge) : undefined],
  ['Credits', str(a.creditsEarned)],
  ['Code', str(ach?.humanCode) ? esc(str(ach?.humanCode)!) : undefined],
])}
${results(a.results, ach)}${alignments(ach?.alignments)}${evidence(a.evidence)}${endorsements(a.endorsements, a.signedEndorsements)}</div>`;
    })
    .join('\n');
  return `${facts([
    ['Learner', esc(str(learner.name) ?? str(learner.email) ?? str(learner.id) ?? 'unknown')],
    ['Publisher', esc(str(publisher.name) ?? str(publisher.id) ?? 'unknown')],
    ['Issued', date(doc.issuedOn)],
    ['Record', link(doc.id)],
    ['Complete', doc.partial === true ? 'No (partial record)' : undefined],
  ])}
${endorsements(doc.endorsements, doc.signedEndorsements)}
<h2>Achievements <span class="muted">(${assertions.length})</span></h2>
${achievements || '<p class="muted">This record lists no achievements.</p>'}
`;
}

function sendForm(m: RecordPageModel): string {
  if (m.record.kind !== 'assertion') return '';
  if (!m.targets.length) {
    return '<div class="card"><h2>Send to another provider</h2><p class="muted">Connect a second Badge Connect provider to send this badge there.</p></div>';
  }
  const options = m.targets.map((t) => `<option value="${esc(t.id)}">${esc(t.description.name)} (${esc(new URL(t.description.apiBase).host)})</option>`).join('');
  return `<div class="card"><h2>Send to another provider</h2>
<form method="post" action="/records/${esc(m.record.localId)}/send">
<input type="hidden" name="csrf" value="${esc(m.csrf)}">
<div class="row"><div class="grow"><label for="target">Provider</label><select id="target" name="target">${options}</select></div>
<button type="submit">Send badge</button></div></form></div>`;
}

export function sendRecordPage(res: Response, status: number, m: RecordPageModel): void {
  const r = m.record;
  const image = r.display.image ? `<img src="${esc(r.display.image)}" alt="">` : '';
  sendPage(res, status, {
    title: r.display.name,
    csrf: m.csrf,
    imageOrigins: originsOf(m.connections),
    body: `<p><a href="/">&larr; All records</a></p>
${m.notice ? `<p class="notice" role="status">${esc(m.notice)}</p>` : ''}
${m.error ? `<p class="error" role="alert">${esc(m.error)}</p>` : ''}
<div class="card detail">${image}<div class="body">
<h1>${esc(r.display.name)}</h1>
${r.display.description ? `<p>${esc(r.display.description)}</p>` : ''}
<p class="muted">From ${esc(m.source?.description.name ?? 'a removed provider')} · ${r.kind === 'clr' ? 'Comprehensive Learner Record' : 'Open Badge'}</p>
${r.kind === 'clr' ? clrBody(r) : badgeBody(r)}
</div></div>
${verificationSection(r)}
${sendForm(m)}
<div class="card"><details><summary>Document as received</summary><pre>${esc(JSON.stringify(r.document, null, 2))}</pre></details></div>`,
  });
}
