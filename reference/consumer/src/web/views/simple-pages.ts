import type { Response } from 'express';
import { SOFTWARE_VERSION, WALLET_NAME } from '../../defaults.js';
import { esc, sendPage } from '../layout.js';

export function sendErrorPage(res: Response, status: number, title: string, detail: string, csrf?: string): void {
  sendPage(res, status, {
    title,
    narrow: true,
    ...(csrf ? { csrf } : {}),
    body: `<div class="card"><h1>${esc(title)}</h1>
<p class="error" role="alert">${esc(detail)}</p>
<p><a href="/">Back to your wallet</a></p></div>`,
  });
}

export function sendLoginPage(res: Response, status: number, m: { csrf: string; error?: string; username?: string; demoHint?: string }): void {
  sendPage(res, status, {
    title: 'Sign in',
    narrow: true,
    body: `<div class="card"><h1>Sign in to your wallet</h1>
<p class="muted">This wallet keeps badges and learner records for one person on this computer.</p>
${m.error ? `<p class="error" role="alert">${esc(m.error)}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="csrf" value="${esc(m.csrf)}">
<label for="username">Username</label>
<input type="text" id="username" name="username" autocomplete="username" required value="${esc(m.username ?? '')}">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
${m.demoHint ? `<p class="muted">${esc(m.demoHint)}</p>` : ''}</div>`,
  });
}

const INFO: Record<string, { title: string; body: string }> = {
  about: {
    title: `About ${WALLET_NAME}`,
    body: `<p>${esc(WALLET_NAME)} (version ${esc(SOFTWARE_VERSION)}) is the demonstration wallet of the LRC conformance project.
It connects to Open Badges 2.1 (Badge Connect) and CLR 1.0 providers, shows your badges and learner records with their
verification status, and can send a badge to another Badge Connect provider.</p>`,
  },
  terms: {
    title: 'Terms of service',
    body: `<p>This is demonstration software. It comes with no warranty. Use it with demo accounts only.</p>`,
  },
  privacy: {
    title: 'Privacy policy',
    body: `<p>The wallet stores what your providers send it (badges, learner records, your profile) and the access tokens
they issue, in a database on this computer. Nothing is sent anywhere except back to the provider it came from, or to a
provider you choose when you send a badge. Disconnecting a provider deletes its tokens and records here.</p>`,
  },
};

/** The public pages named in the wallet's registration (client_uri, tos_uri, policy_uri). */
export function sendInfoPage(res: Response, which: keyof typeof INFO): void {
  const page = INFO[which]!;
  sendPage(res, 200, { title: page.title, narrow: true, body: `<div class="card"><h1>${esc(page.title)}</h1>${page.body}</div>` });
}
