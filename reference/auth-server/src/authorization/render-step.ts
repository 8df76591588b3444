import type { Response } from 'express';
import type { AppContext } from '../context.js';
import { PageError } from '../errors.js';
import type { User } from '../store/users.js';
import { sendConsentPage } from '../views/consent-page.js';
import { sendLoginPage } from '../views/login-page.js';
import type { OpenTransaction } from './transaction.js';

function clientOf(ctx: AppContext, open: OpenTransaction) {
  const client = open.tx.clientId ? ctx.store.clients.find(open.tx.clientId) : undefined;
  if (!client || !open.tx.redirectUri || !open.tx.scope) {
    throw new PageError(400, 'This page has expired', 'Please go back to the application and start again.');
  }
  return client;
}

/** The sign-in step of an authorization transaction. */
export function renderLogin(ctx: AppContext, res: Response, open: OpenTransaction, status = 200, error?: string, username?: string): void {
  const client = clientOf(ctx, open);
  sendLoginPage(res, status, {
    action: '/authorize/login',
    transaction: open.id,
    csrf: open.csrf,
    heading: 'Sign in',
    intro: `Sign in to continue to ${client.metadata.client_name}.`,
    error,
    username,
  });
}

/** The consent step, once the transaction knows the user. */
export function renderConsent(ctx: AppContext, res: Response, open: OpenTransaction, user: User): void {
  const client = clientOf(ctx, open);
  sendConsentPage(res, {
    client: client.metadata,
    userName: user.name,
    scopes: (open.tx.scope ?? '').split(' '),
    transaction: open.id,
    csrf: open.csrf,
    redirectOrigin: new URL(open.tx.redirectUri ?? '').origin,
  });
}
