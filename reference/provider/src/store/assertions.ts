import type { SqliteDatabase } from '../../../shared/sqlite.js';

export interface StoredAssertion {
  userId: string;
  assertionId: string;
  /** The assertion document (for a signed one, the JWS payload). */
  json: Record<string, unknown>;
  /** Compact JWS when the assertion is held in signed form, else null. */
  jws: string | null;
  seeded: boolean;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  user_id: string;
  assertion_id: string;
  json: string;
  jws: string | null;
  seeded: number;
  created_at: number;
  updated_at: number;
}

const toStored = (r: Row): StoredAssertion => ({
  userId: r.user_id,
  assertionId: r.assertion_id,
  json: JSON.parse(r.json) as Record<string, unknown>,
  jws: r.jws,
  seeded: r.seeded === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface PageQuery {
  userId: string;
  /** Only records updated strictly after this time (ms), when given. */
  since: number | null;
  limit: number;
  offset: number;
}

export interface SaveInput {
  userId: string;
  assertionId: string;
  json: Record<string, unknown>;
  jws: string | null;
  seeded: boolean;
  now: number;
}

/** A user's backpack: newest update first, ties by assertion id. */
export class AssertionRepository {
  constructor(private readonly db: SqliteDatabase) {}

  count(userId: string, since: number | null): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM assertions WHERE user_id = ? AND updated_at > ?')
      .get(userId, since ?? Number.MIN_SAFE_INTEGER) as { n: number };
    return row.n;
  }

  page(q: PageQuery): StoredAssertion[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM assertions WHERE user_id = ? AND updated_at > ?
         ORDER BY updated_at DESC, assertion_id ASC, seq ASC LIMIT ? OFFSET ?`,
      )
      .all(q.userId, q.since ?? Number.MIN_SAFE_INTEGER, q.limit, q.offset) as Row[];
    return rows.map(toStored);
  }

  find(userId: string, assertionId: string): StoredAssertion | null {
    const row = this.db
      .prepare('SELECT * FROM assertions WHERE user_id = ? AND assertion_id = ? ORDER BY seq LIMIT 1')
      .get(userId, assertionId) as Row | undefined;
    return row ? toStored(row) : null;
  }

  /** A seeded (issued by us) assertion, for the public hosted copy. */
  findSeeded(assertionId: string): StoredAssertion | null {
    const row = this.db
      .prepare('SELECT * FROM assertions WHERE assertion_id = ? AND seeded = 1 ORDER BY seq LIMIT 1')
      .get(assertionId) as Row | undefined;
    return row ? toStored(row) : null;
  }

  /**
   * Creates or replaces the user's copy of an assertion id (never two copies), bumping its update time.
   * `allowDuplicate` is the post-assertion-duplicates fault: insert regardless.
   */
  save(input: SaveInput, allowDuplicate = false): void {
    const json = JSON.stringify(input.json);
    this.db.transaction(() => {
      if (!allowDuplicate) {
        const updated = this.db
          .prepare(
            `UPDATE assertions SET json = ?, jws = ?, seeded = ?, updated_at = ?
             WHERE user_id = ? AND assertion_id = ?`,
          )
          .run(json, input.jws, input.seeded ? 1 : 0, input.now, input.userId, input.assertionId);
        if (updated.changes > 0) return;
      }
      this.db
        .prepare(
          `INSERT INTO assertions (user_id, assertion_id, json, jws, seeded, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.userId, input.assertionId, json, input.jws, input.seeded ? 1 : 0, input.now, input.now);
    })();
  }

  /** Inserts a seed record with its own (past) creation and update times. */
  insertSeed(input: Omit<SaveInput, 'now' | 'seeded'> & { createdAt: number; updatedAt: number }): void {
    this.db
      .prepare(
        `INSERT INTO assertions (user_id, assertion_id, json, jws, seeded, created_at, updated_at)
         VALUES (?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(input.userId, input.assertionId, JSON.stringify(input.json), input.jws, input.createdAt, input.updatedAt);
  }

  /** Removes every seeded record (re-seeding after the public origin changed). */
  deleteSeeded(): void {
    this.db.prepare('DELETE FROM assertions WHERE seeded = 1').run();
  }
}
