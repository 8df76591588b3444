import type { SqliteDatabase } from '../../../shared/sqlite.js';

export interface StoredClr {
  userId: string;
  clrId: string;
  /** The Clr document (for a signed one, the JWS payload). */
  json: Record<string, unknown>;
  /** Compact JWS when the CLR is held in signed form, else null. */
  jws: string | null;
  /** False for records kept out of GET /clrs (the revoked sample). */
  listed: boolean;
  seeded: boolean;
  deletedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  user_id: string;
  clr_id: string;
  json: string;
  jws: string | null;
  listed: number;
  seeded: number;
  deleted_at: number | null;
  created_at: number;
  updated_at: number;
}

const toStored = (r: Row): StoredClr => ({
  userId: r.user_id,
  clrId: r.clr_id,
  json: JSON.parse(r.json) as Record<string, unknown>,
  jws: r.jws,
  listed: r.listed === 1,
  seeded: r.seeded === 1,
  deletedAt: r.deleted_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface ClrPageQuery {
  userId: string;
  /** Only records updated strictly after this time (ms), when given. */
  since: number | null;
  limit: number;
  offset: number;
}

export interface ClrSaveInput {
  userId: string;
  clrId: string;
  json: Record<string, unknown>;
  jws: string | null;
  now: number;
}

const LISTED = 'user_id = ? AND listed = 1 AND deleted_at IS NULL AND updated_at > ?';

/** A user's CLRs: newest update first, ties by Clr id. */
export class ClrRepository {
  constructor(private readonly db: SqliteDatabase) {}

  count(userId: string, since: number | null): number {
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM clrs WHERE ${LISTED}`).get(userId, since ?? Number.MIN_SAFE_INTEGER) as {
      n: number;
    };
    return row.n;
  }

  page(q: ClrPageQuery): StoredClr[] {
    const rows = this.db
      .prepare(`SELECT * FROM clrs WHERE ${LISTED} ORDER BY updated_at DESC, clr_id ASC LIMIT ? OFFSET ?`)
      .all(q.userId, q.since ?? Number.MIN_SAFE_INTEGER, q.limit, q.offset) as Row[];
    return rows.map(toStored);
  }

  /** The user's record for a Clr id, deleted ones included (their tombstone answers 410). */
  find(userId: string, clrId: string): StoredClr | null {
    const row = this.db.prepare('SELECT * FROM clrs WHERE user_id = ? AND clr_id = ?').get(userId, clrId) as Row | undefined;
    return row ? toStored(row) : null;
  }

  /** A seeded record by id, whoever holds it (the public endorsement documents live inside them). */
  findSeeded(clrId: string): StoredClr | null {
    const row = this.db.prepare('SELECT * FROM clrs WHERE clr_id = ? AND seeded = 1 LIMIT 1').get(clrId) as Row | undefined;
    return row ? toStored(row) : null;
  }

  /**
   * Creates the user's copy of a Clr id, or replaces it (reviving a deleted one), bumping its update time.
   * Answers whether a live record existed before.
   */
  save(input: ClrSaveInput): 'created' | 'replaced' {
    const json = JSON.stringify(input.json);
    return this.db.transaction(() => {
      const before = this.find(input.userId, input.clrId);
      if (before) {
        this.db
          .prepare('UPDATE clrs SET json = ?, jws = ?, listed = 1, deleted_at = NULL, updated_at = ? WHERE user_id = ? AND clr_id = ?')
          .run(json, input.jws, input.now, input.userId, input.clrId);
        return before.deletedAt === null ? 'replaced' : 'created';
      }
      this.db
        .prepare('INSERT INTO clrs (user_id, clr_id, json, jws, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.userId, input.clrId, json, input.jws, input.now, input.now);
      return 'created';
    })();
  }

  /** Marks the record deleted; false when the user holds no live record with this id. */
  markDeleted(userId: string, clrId: string, now: number): boolean {
    const res = this.db
      .prepare('UPDATE clrs SET deleted_at = ?, updated_at = ? WHERE user_id = ? AND clr_id = ? AND deleted_at IS NULL')
      .run(now, now, userId, clrId);
    return res.changes > 0;
  }

  /** Inserts a seed record with its own (past) creation and update times; a user's record with the id wins. */
  insertSeed(input: Omit<ClrSaveInput, 'now'> & { listed: boolean; createdAt: number; updatedAt: number }): void {
    this.db
      .prepare(
        `INSERT INTO clrs (user_id, clr_id, json, jws, listed, seeded, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (user_id, clr_id) DO NOTHING`,
      )
      .run(input.userId, input.clrId, JSON.stringify(input.json), input.jws, input.listed ? 1 : 0, input.createdAt, input.updatedAt);
  }

  /** Removes every seeded record (re-seeding after the public origin or key changed). */
  deleteSeeded(): void {
    this.db.prepare('DELETE FROM clrs WHERE seeded = 1').run();
  }
}
