import type { Response } from 'express';
import { describeScope } from '../scopes.js';
import type { ClientMetadata } from '../store/clients.js';
import { esc, sendPage } from './layout.js';

export interface ConsentPageModel {
  client: ClientMetadata;
  userName: string;
  scopes: string[];
  transaction: string;
  csrf: string;
  redirectOrigin: string;
}

/**
 * Consent form naming the client; hidden `transaction` and `csrf`, and two submit buttons named
 * `decision`: `approve` first (headless clients press the first button), then `deny`.
 */
export function sendConsentPage(res: Response, m: ConsentPageModel): void {
  const c = m.client;
  const scopes = m.scopes.map((s) => `<li>${esc(describeScope(s))} <span class="muted">(${esc(s)})</span></li>`).join('\n');
  sendPage(res, 200, {
    title: `Authorize ${c.client_name}`,
    images: true,
    formTargets: [m.redirectOrigin],
    body: `<div class="client">
<img src="${esc(c.logo_uri)}" alt="${esc(c.client_name)} logo">
<div><h1>${esc(c.client_name)}</h1><a href="${esc(c.client_uri)}" rel="noopener noreferrer">${esc(c.client_uri)}</a></div>
</div>
<p>Signed in as <strong>${esc(m.userName)}</strong>.</p>
<p><strong>${esc(c.client_name)}</strong> asks to:</p>
<ul class="scopes">
${scopes}
</ul>
<p class="muted">Read its <a href="${esc(c.tos_uri)}" rel="noopener noreferrer">terms of service</a> and
<a href="${esc(c.policy_uri)}" rel="noopener noreferrer">privacy policy</a>. You can revoke this access at any time on your <a href="/account">account page</a>.</p>
<form method="post" action="/authorize/consent">
<input type="hidden" name="transaction" value="${esc(m.transaction)}">
<input type="hidden" name="csrf" value="${esc(m.csrf)}">
<button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`,
  });
}
