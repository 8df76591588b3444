import type { Response } from 'express';
import type { Connection } from '../../store/connections.js';
import type { StoredRecord } from '../../store/records.js';
import { STATUS_LABELS } from '../../verify.js';
import { esc, sendPage } from '../layout.js';

export interface DashboardModel {
  csrf: string;
  connections: Connection[];
  records: StoredRecord[];
  notice?: string | null;
  error?: string | null;
  url?: string;
}

const KIND_LABEL = { 'badge-connect': 'Badge Connect', clr: 'CLR 1.0' } as const;

export function originsOf(connections: Connection[]): string[] {
  const origins = new Set<string>();
  for (const c of connections) {
    for (const u of [c.description.discoveryUrl, c.description.apiBase, c.description.image]) {
      if (u) origins.add(new URL(u).origin);
    }
  }
  return [...origins];
}

function when(ms: number | null): string {
  return ms === null ? 'never' : new Date(ms).toUTCString().replace(' GMT', ' UTC');
}

function providerCard(c: Connection, records: StoredRecord[], csrf: string): string {
  const d = c.description;
  const mine = records.filter((r) => r.connectionId === c.id);
  const hidden = `<input type="hidden" name="csrf" value="${esc(csrf)}">`;
  const state =
    c.status === 'connected'
      ? `${mine.length} record${mine.length === 1 ? '' : 's'} · last synced ${esc(when(c.syncedAt))}`
      : 'Waiting for you to approve access at the provider';
  return `<div class="card provider" data-connection="${esc(c.id)}">
${d.image ? `<img src="${esc(d.image)}" alt="">` : '<span class="logo"></span>'}
<div><strong>${esc(d.name)}</strong> <span class="kind">${KIND_LABEL[d.kind]}</span>
<div class="muted">${esc(new URL(d.apiBase).host)} · ${state}</div>
${c.lastError ? `<div class="error">${esc(c.lastError)}</div>` : ''}
${c.status === 'connected' ? `<form method="post" action="/connections/${esc(c.id)}/sync">${hidden}<button type="submit" class="secondary">Sync now</button></form>` : ''}
<form method="post" action="/connections/${esc(c.id)}/disconnect">${hidden}<button type="submit" class="danger">Disconnect</button></form>
</div></div>`;
}

export function recordCard(r: StoredRecord): string {
  const v = r.verification;
  const image = r.display.image ? `<img src="${esc(r.display.image)}" alt="">` : '<span class="placeholder"></span>';
  return `<a class="record" href="/records/${esc(r.localId)}" data-status="${esc(v.status)}">
<span class="top">${image}<span><strong>${esc(r.display.name)}</strong>
<span class="muted">${esc(r.display.issuerName ?? 'Unknown issuer')}${r.form === 'jws' ? ' · signed' : ''}</span></span></span>
<span class="status ${esc(v.status)}" title="${esc(v.reasons.join(' '))}">${esc(STATUS_LABELS[v.status])}</span>
</a>`;
}

/** One section per connected provider, so badges from two same-named providers stay apart. */
function sections(connections: Connection[], records: StoredRecord[]): string {
  const out = connections
    .filter((c) => c.status === 'connected')
    .map((c) => {
      const mine = records.filter((r) => r.connectionId === c.id);
      const what = c.description.kind === 'clr' ? 'Learner records' : 'Badges';
      return `<h2>${what} from ${esc(c.description.name)} <span class="muted">(${mine.length}) · ${esc(new URL(c.description.apiBase).host)}</span></h2>
${mine.length ? `<div class="grid">${mine.map(recordCard).join('\n')}</div>` : `<p class="muted">Nothing here yet.</p>`}`;
    });
  return out.join('\n');
}

export function sendDashboard(res: Response, status: number, m: DashboardModel): void {
  sendPage(res, status, {
    title: 'Your wallet',
    csrf: m.csrf,
    imageOrigins: originsOf(m.connections),
    body: `${m.notice ? `<p class="notice" role="status">${esc(m.notice)}</p>` : ''}
${m.error ? `<p class="error" role="alert">${esc(m.error)}</p>` : ''}
<h1>Your wallet</h1>
<div class="card">
<form method="post" action="/connections">
<input type="hidden" name="csrf" value="${esc(m.csrf)}">
<div class="row"><div class="grow">
<label for="url">Add a provider</label>
<input type="url" id="url" name="url" required placeholder="https://badges.example.org or its manifest / CLR discovery URL" value="${esc(m.url ?? '')}">
</div><button type="submit">Connect</button></div>
<p class="muted">A Badge Connect manifest URL, a CLR 1.0 discovery URL, or the provider's address.</p>
</form>
</div>
<h2>Connected providers</h2>
${m.connections.length ? `<div class="providers">${m.connections.map((c) => providerCard(c, m.records, m.csrf)).join('\n')}</div>` : '<p class="muted">None yet. Add one above.</p>'}
${sections(m.connections, m.records)}`,
  });
}
