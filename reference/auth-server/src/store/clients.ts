import type { SqliteDatabase } from '../../../shared/sqlite.js';

/** Registered client metadata, in RFC 7591 names, as echoed by the registration response. */
export interface ClientMetadata {
  client_name: string;
  client_uri: string;
  logo_uri: string;
  tos_uri: string;
  policy_uri: string;
  software_id: string;
  software_version: string;
  redirect_uris: string[];
  token_endpoint_auth_method: string;
  grant_types: string[];
  response_types: string[];
  scope: string;
}

export interface Client {
  id: string;
  secretHash: string;
  issuedAt: number;
  metadata: ClientMetadata;
}

interface Row {
  id: string;
  secret_hash: string;
  metadata: string;
  issued_at: number;
}

export function clientStore(db: SqliteDatabase) {
  const insert = db.prepare('INSERT INTO clients (id, secret_hash, metadata, issued_at) VALUES (?, ?, ?, ?)');
  const byId = db.prepare('SELECT * FROM clients WHERE id = ?');
  return {
    create(client: Client): void {
      insert.run(client.id, client.secretHash, JSON.stringify(client.metadata), client.issuedAt);
    },
    find(id: string): Client | undefined {
      const row = byId.get(id) as Row | undefined;
      if (!row) return undefined;
      return { id: row.id, secretHash: row.secret_hash, issuedAt: row.issued_at, metadata: JSON.parse(row.metadata) as ClientMetadata };
    },
  };
}
