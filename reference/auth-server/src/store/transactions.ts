import type { SqliteDatabase } from '../../../shared/sqlite.js';

/**
 * The server-side state between GET /authorize and the final redirect (or between the account
 * sign-in page and its POST). The page carries the transaction id and a CSRF token; both are
 * stored only hashed.
 */
export interface Transaction {
  idHash: string;
  csrfHash: string;
  kind: 'authorize' | 'account';
  clientId: string | null;
  redirectUri: string | null;
  scope: string | null;
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  userId: string | null;
  failedLogins: number;
  createdAt: number;
  expiresAt: number;
}

interface Row {
  id_hash: string;
  csrf_hash: string;
  kind: 'authorize' | 'account';
  client_id: string | null;
  redirect_uri: string | null;
  scope: string | null;
  state: string | null;
  code_challenge: string | null;
  code_challenge_method: string | null;
  user_id: string | null;
  failed_logins: number;
  created_at: number;
  expires_at: number;
}

const fromRow = (r: Row): Transaction => ({
  idHash: r.id_hash,
  csrfHash: r.csrf_hash,
  kind: r.kind,
  clientId: r.client_id,
  redirectUri: r.redirect_uri,
  scope: r.scope,
  state: r.state,
  codeChallenge: r.code_challenge,
  codeChallengeMethod: r.code_challenge_method,
  userId: r.user_id,
  failedLogins: r.failed_logins,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export function transactionStore(db: SqliteDatabase) {
  const insert = db.prepare(`INSERT INTO auth_transactions
    (id_hash, csrf_hash, kind, client_id, redirect_uri, scope, state, code_challenge, code_challenge_method, user_id, failed_logins, created_at, expires_at)
    VALUES (@idHash, @csrfHash, @kind, @clientId, @redirectUri, @scope, @state, @codeChallenge, @codeChallengeMethod, @userId, @failedLogins, @createdAt, @expiresAt)`);
  const byHash = db.prepare('SELECT * FROM auth_transactions WHERE id_hash = ? AND expires_at > ?');
  const setUser = db.prepare('UPDATE auth_transactions SET user_id = ? WHERE id_hash = ?');
  const countFailure = db.prepare('UPDATE auth_transactions SET failed_logins = failed_logins + 1 WHERE id_hash = ? RETURNING failed_logins');
  const remove = db.prepare('DELETE FROM auth_transactions WHERE id_hash = ?');
  return {
    create(tx: Transaction): void {
      insert.run(tx);
    },
    findActive(idHash: string, now: number): Transaction | undefined {
      const row = byHash.get(idHash, now) as Row | undefined;
      return row && fromRow(row);
    },
    setUser(idHash: string, userId: string): void {
      setUser.run(userId, idHash);
    },
    /** Returns the number of failed sign-ins so far. */
    recordFailedLogin(idHash: string): number {
      const row = countFailure.get(idHash) as { failed_logins: number } | undefined;
      return row?.failed_logins ?? Number.POSITIVE_INFINITY;
    },
    delete(idHash: string): void {
      remove.run(idHash);
    },
  };
}
