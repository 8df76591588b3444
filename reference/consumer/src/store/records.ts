/** Badges and CLRs received from a connection, with their verification and what the pages show. */
import { randomBytes } from 'node:crypto';
import type { SqliteDatabase } from '../../../shared/sqlite.js';
import type { ReceivedRecord } from '../client/records.js';
import type { WalletVerification } from '../verify.js';

/** Facts about a record gathered at sync time for display (badge class, issuer names). */
export interface RecordDisplay {
  name: string;
  description?: string;
  image?: string;
  issuerName?: string;
  issuedOn?: string;
  badgeClass?: Record<string, unknown>;
}

export interface StoredRecord extends ReceivedRecord {
  localId: string;
  connectionId: string;
  verification: WalletVerification;
  display: RecordDisplay;
}

interface Row {
  local_id: string;
  connection_id: string;
  kind: 'assertion' | 'clr';
  record_id: string;
  form: 'json' | 'jws';
  raw: string;
  document: string;
  verification: string;
  display: string;
}

const fromRow = (r: Row): StoredRecord => ({
  localId: r.local_id,
  connectionId: r.connection_id,
  kind: r.kind,
  id: r.record_id,
  form: r.form,
  raw: r.raw,
  document: JSON.parse(r.document) as Record<string, unknown>,
  verification: JSON.parse(r.verification) as WalletVerification,
  display: JSON.parse(r.display) as RecordDisplay,
});

export class RecordRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** Replaces what a connection holds with the records of the latest sync, keeping local ids stable. */
  replaceAll(connectionId: string, records: { record: ReceivedRecord; verification: WalletVerification; display: RecordDisplay }[]): void {
    const existing = new Map(
      (this.db.prepare('SELECT local_id, kind, record_id FROM records WHERE connection_id = ?').all(connectionId) as Row[]).map((r) => [
        `${r.kind} ${r.record_id}`,
        r.local_id,
      ]),
    );
    const insert = this.db.prepare(
      `INSERT INTO records (local_id, connection_id, kind, record_id, form, raw, document, verification, display, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM records WHERE connection_id = ?').run(connectionId);
      records.forEach(({ record, verification, display }, position) => {
        const localId = existing.get(`${record.kind} ${record.id}`) ?? randomBytes(9).toString('base64url');
        insert.run(localId, connectionId, record.kind, record.id, record.form, record.raw, JSON.stringify(record.document),
          JSON.stringify(verification), JSON.stringify(display), position);
      });
    })();
  }

  get(localId: string): StoredRecord | null {
    const row = this.db.prepare('SELECT * FROM records WHERE local_id = ?').get(localId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  list(): StoredRecord[] {
    return (this.db.prepare('SELECT r.* FROM records r JOIN connections c ON c.id = r.connection_id ORDER BY c.created_at, r.kind, r.position').all() as Row[]).map(fromRow);
  }
}
