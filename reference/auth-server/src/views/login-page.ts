import type { Response } from 'express';
import { esc, sendPage } from './layout.js';

export interface LoginPageModel {
  /** Where the form posts: /authorize/login or /account/login. */
  action: string;
  transaction: string;
  csrf: string;
  heading: string;
  /** Shown above the form, e.g. which application asked. */
  intro?: string;
  error?: string;
  username?: string;
}

/** Sign-in form; fields `username`, `password`, hidden `transaction` and `csrf`. */
export function sendLoginPage(res: Response, status: number, m: LoginPageModel): void {
  sendPage(res, status, {
    title: m.heading,
    body: `<h1>${esc(m.heading)}</h1>
${m.intro ? `<p>${esc(m.intro)}</p>` : ''}
${m.error ? `<p class="error" role="alert">${esc(m.error)}</p>` : ''}
<form method="post" action="${esc(m.action)}">
<input type="hidden" name="transaction" value="${esc(m.transaction)}">
<input type="hidden" name="csrf" value="${esc(m.csrf)}">
<label for="username">Username</label>
<input type="text" id="username" name="username" autocomplete="username" required value="${esc(m.username ?? '')}">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  });
}
