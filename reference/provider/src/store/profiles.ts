import type { SqliteDatabase } from '../../../shared/sqlite.js';

export type ProfileDoc = Record<string, unknown>;

export class ProfileRepository {
  constructor(private readonly db: SqliteDatabase) {}

  get(userId: string): ProfileDoc | null {
    const row = this.db.prepare('SELECT json FROM profiles WHERE user_id = ?').get(userId) as
      | { json: string }
      | undefined;
    return row ? (JSON.parse(row.json) as ProfileDoc) : null;
  }

  put(userId: string, profile: ProfileDoc, now: number): void {
    this.db
      .prepare(
        `INSERT INTO profiles (user_id, json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
      )
      .run(userId, JSON.stringify(profile), now);
  }

  /** Adds the profile only when the user has none (seeding never overwrites user changes). */
  putIfAbsent(userId: string, profile: ProfileDoc, now: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO profiles (user_id, json, updated_at) VALUES (?, ?, ?)')
      .run(userId, JSON.stringify(profile), now);
  }
}
