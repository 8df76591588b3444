import type { SqliteDatabase } from '../../../shared/sqlite.js';

export interface AuthorizationCode {
  codeHash: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  /** The grant created when the code was exchanged; a replay revokes it. */
  grantId: string | null;
}

interface Row {
  code_hash: string;
  client_id: string;
  user_id: string;
  redirect_uri: string;
  scope: string;
  code_challenge: string | null;
  code_challenge_method: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  grant_id: string | null;
}

export function codeStore(db: SqliteDatabase) {
  const insert = db.prepare(`INSERT INTO authorization_codes
    (code_hash, client_id, user_id, redirect_uri, scope, code_challenge, code_challenge_method, created_at, expires_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byHash = db.prepare('SELECT * FROM authorization_codes WHERE code_hash = ?');
  const markUsed = db.prepare('UPDATE authorization_codes SET used_at = ?, grant_id = ? WHERE code_hash = ? AND used_at IS NULL');
  return {
    create(c: Omit<AuthorizationCode, 'usedAt' | 'grantId'>): void {
      insert.run(c.codeHash, c.clientId, c.userId, c.redirectUri, c.scope, c.codeChallenge, c.codeChallengeMethod, c.createdAt, c.expiresAt);
    },
    find(codeHash: string): AuthorizationCode | undefined {
      const r = byHash.get(codeHash) as Row | undefined;
      if (!r) return undefined;
      return {
        codeHash: r.code_hash,
        clientId: r.client_id,
        userId: r.user_id,
        redirectUri: r.redirect_uri,
        scope: r.scope,
        codeChallenge: r.code_challenge,
        codeChallengeMethod: r.code_challenge_method,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        usedAt: r.used_at,
        grantId: r.grant_id,
      };
    },
    /** Marks the code used; false when it already was (a concurrent exchange won). */
    markUsed(codeHash: string, now: number, grantId: string): boolean {
      return markUsed.run(now, grantId, codeHash).changes === 1;
    },
  };
}
