import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

/** One schema step; applied once, in order, and recorded in `schema_migrations`. */
export interface Migration {
  id: number;
  sql: string;
}

/**
 * Opens (or creates) an embedded SQLite database.
 * `location` is a file path, or ':memory:' for tests. Files use WAL so readers never block the writer.
 */
export function openDatabase(location: string, migrations: readonly Migration[]): SqliteDatabase {
  if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  const db = new Database(location);
  if (location !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id),
  );
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, new Date().toISOString());
    })();
  }
  return db;
}
