import type { Response } from 'express';
import type { ProviderDescription } from '../../client/discovery.js';
import { esc, sendPage } from '../layout.js';

const SCOPE_WORDS: Record<string, string> = {
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly': 'Read your badges',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create': 'Add badges you send from this wallet',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly': 'Read your profile (name and email)',
  'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly': 'Read your learner records (CLRs)',
  offline_access: 'Keep access while you are away, until you disconnect',
};

/**
 * Step between registering and the provider's sign-in: says what will be asked and links the provider's
 * terms and privacy policy (OB 2.1 asks consumers to show them). A link, not a form, leads on.
 */
export function sendConnectPage(res: Response, m: { description: ProviderDescription; scope: string; authorizationUrl: string; csrf: string }): void {
  const d = m.description;
  const scopes = m.scope.split(' ').filter(Boolean).map((s) => `<li>${esc(SCOPE_WORDS[s] ?? s)}</li>`).join('');
  const links = [
    d.termsOfServiceUrl ? `<a href="${esc(d.termsOfServiceUrl)}" rel="noopener noreferrer">terms of service</a>` : '',
    d.privacyPolicyUrl ? `<a href="${esc(d.privacyPolicyUrl)}" rel="noopener noreferrer">privacy policy</a>` : '',
  ].filter(Boolean);
  sendPage(res, 200, {
    title: `Connect ${d.name}`,
    narrow: true,
    csrf: m.csrf,
    imageOrigins: d.image ? [new URL(d.image).origin] : [],
    body: `<div class="card">
<div class="provider">${d.image ? `<img src="${esc(d.image)}" alt="">` : ''}<div><h1>${esc(d.name)}</h1>
<span class="kind">${d.kind === 'clr' ? 'CLR 1.0' : 'Badge Connect'}</span></div></div>
<p>The wallet is registered with this provider. Next you sign in there and approve access. The wallet asks to:</p>
<ul class="plain">${scopes}</ul>
${links.length ? `<p class="muted">Read the provider's ${links.join(' and ')}.</p>` : ''}
${d.alsoOffers ? `<p class="muted">This provider also offers CLR 1.0 learner records: add <code>${esc(d.alsoOffers)}</code> to connect them too.</p>` : ''}
<p><a id="continue" class="button" href="${esc(m.authorizationUrl)}" rel="noreferrer">Continue to ${esc(d.name)}</a></p>
<p class="muted"><a href="/">Cancel</a></p>
</div>`,
  });
}
