import type { Request } from 'express';
import type { AppContext } from '../context.js';
import { matchesHash, randomToken, sha256 } from '../crypto.js';
import { PageError } from '../errors.js';
import { readParams } from '../params.js';
import type { Transaction } from '../store/transactions.js';

export interface OpenTransaction {
  /** The plain id and CSRF token, to render into the next form. */
  id: string;
  csrf: string;
  tx: Transaction;
}

type TransactionFields = Pick<Transaction, 'kind' | 'clientId' | 'redirectUri' | 'scope' | 'state' | 'codeChallenge' | 'codeChallengeMethod' | 'userId'>;

export function startTransaction(ctx: AppContext, fields: TransactionFields): OpenTransaction {
  const id = randomToken();
  const csrf = randomToken();
  const now = ctx.now();
  const tx: Transaction = {
    ...fields,
    idHash: sha256(id),
    csrfHash: sha256(csrf),
    failedLogins: 0,
    createdAt: now,
    expiresAt: now + ctx.options.transactionTtlSeconds * 1000,
  };
  ctx.store.transactions.create(tx);
  return { id, csrf, tx };
}

const expired = () =>
  new PageError(400, 'This page has expired', 'Please go back to the application and start again.');

/** Loads the transaction named by the form's hidden fields and checks its CSRF token. */
export function loadTransaction(ctx: AppContext, req: Request, kind: Transaction['kind']): OpenTransaction {
  const params = readParams(req.body, ['transaction', 'csrf'], expired);
  if (!params.transaction || !params.csrf) throw expired();
  const tx = ctx.store.transactions.findActive(sha256(params.transaction), ctx.now());
  if (!tx || tx.kind !== kind || !matchesHash(params.csrf, tx.csrfHash)) throw expired();
  return { id: params.transaction, csrf: params.csrf, tx };
}
