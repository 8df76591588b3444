import type { Migration } from '../../../shared/sqlite.js';

/** Times are integer milliseconds since the epoch (the Clock's unit). Secrets are stored only as SHA-256. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    sql: `
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        metadata TEXT NOT NULL,            -- registered metadata as JSON (RFC 7591 names)
        issued_at INTEGER NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,               -- the OAuth subject
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        password_hash TEXT NOT NULL        -- scrypt$N$r$p$salt$hash
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE auth_transactions (
        id_hash TEXT PRIMARY KEY,
        csrf_hash TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('authorize', 'account')),
        client_id TEXT REFERENCES clients(id) ON DELETE CASCADE,
        redirect_uri TEXT,
        scope TEXT,
        state TEXT,
        code_challenge TEXT,
        code_challenge_method TEXT,
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE grants (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,       -- latest expiry of any token in the family
        revoked_at INTEGER
      );
      CREATE INDEX grants_user ON grants(user_id);
      CREATE TABLE authorization_codes (
        code_hash TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        redirect_uri TEXT NOT NULL,
        scope TEXT NOT NULL,
        code_challenge TEXT,
        code_challenge_method TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        grant_id TEXT REFERENCES grants(id) ON DELETE SET NULL
      );
      CREATE TABLE access_tokens (
        token_hash TEXT PRIMARY KEY,
        grant_id TEXT NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
        client_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        scope TEXT NOT NULL,
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX access_tokens_grant ON access_tokens(grant_id);
      CREATE TABLE refresh_tokens (
        token_hash TEXT PRIMARY KEY,
        grant_id TEXT NOT NULL REFERENCES grants(id) ON DELETE CASCADE,
        client_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        scope TEXT NOT NULL,
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        rotated_at INTEGER,                -- set when exchanged; presenting it again is reuse
        revoked_at INTEGER
      );
      CREATE INDEX refresh_tokens_grant ON refresh_tokens(grant_id);
    `,
  },
];
