import type { Response } from 'express';
import { describeScope } from '../scopes.js';
import type { GrantListing } from '../store/grants.js';
import { esc, sendPage } from './layout.js';

export interface AccountPageModel {
  userName: string;
  csrf: string;
  grants: GrantListing[];
  notice?: string;
}

/** The signed-in user's authorized applications, each with a revoke form (fields `grant`, `csrf`). */
export function sendAccountPage(res: Response, m: AccountPageModel): void {
  const rows = m.grants
    .map((g) => {
      const scopes = g.scope.split(' ').map((s) => `<li>${esc(describeScope(s))}</li>`).join('');
      return `<tr>
<td><strong>${esc(g.clientName)}</strong><br><a class="muted" href="${esc(g.clientUri)}" rel="noopener noreferrer">${esc(g.clientUri)}</a></td>
<td><time datetime="${new Date(g.createdAt).toISOString()}">${esc(new Date(g.createdAt).toUTCString())}</time></td>
<td><ul class="scopes">${scopes}</ul></td>
<td><form class="inline" method="post" action="/account/revoke">
<input type="hidden" name="grant" value="${esc(g.id)}">
<input type="hidden" name="csrf" value="${esc(m.csrf)}">
<button type="submit" class="danger">Revoke</button>
</form></td>
</tr>`;
    })
    .join('\n');
  const table = m.grants.length
    ? `<table>
<thead><tr><th>Application</th><th>Authorized</th><th>Access</th><th></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p class="muted">You have not authorized any applications.</p>';
  sendPage(res, 200, {
    title: 'Your authorized applications',
    wide: true,
    body: `<h1>Authorized applications</h1>
<p>Signed in as <strong>${esc(m.userName)}</strong>.</p>
${m.notice ? `<p role="status">${esc(m.notice)}</p>` : ''}
${table}
<form method="post" action="/account/logout">
<input type="hidden" name="csrf" value="${esc(m.csrf)}">
<button type="submit" class="secondary">Sign out</button>
</form>`,
  });
}
