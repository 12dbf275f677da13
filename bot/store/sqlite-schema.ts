import type Database from 'better-sqlite3';

/**
 * Ordered schema migrations. Append new steps at the end and never edit a released one: a database records the
 * last step it ran in `schema_version` and runs only the later ones.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        room_id TEXT NOT NULL,
        open INTEGER NOT NULL CHECK (open IN (0, 1)),
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        json TEXT NOT NULL
      );
      -- The one-open-case-per-room rule lives here so that concurrent writers cannot break it.
      CREATE UNIQUE INDEX cases_open_room ON cases (room_id) WHERE open = 1;
      CREATE INDEX cases_created ON cases (created_at, number);
      CREATE INDEX cases_open_created ON cases (created_at, number) WHERE open = 1;

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        due_at TEXT NOT NULL,
        due_ms INTEGER NOT NULL,
        -- When the job can next be claimed: due_ms, or the lease expiry while leased.
        ready_ms INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_until TEXT,
        last_error TEXT
      );
      CREATE INDEX jobs_due ON jobs (due_ms, id);
      CREATE INDEX jobs_ready ON jobs (ready_ms);
      CREATE INDEX jobs_case ON jobs (case_id, kind);

      CREATE TABLE "references" (
        conversation_id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        case_id TEXT,
        json TEXT NOT NULL
      );
      CREATE INDEX audit_at ON audit (at_ms);
      CREATE INDEX audit_case ON audit (case_id, at_ms);

      CREATE TABLE once_keys (
        key TEXT PRIMARY KEY,
        expires_ms INTEGER NOT NULL
      );
      CREATE INDEX once_keys_expiry ON once_keys (expires_ms);

      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
    `,
  },
];

/**
 * Brings the schema up to date. Runs under an immediate transaction so that two processes opening a new file at
 * the same time do not both migrate it.
 */
export function migrate(db: Database.Database): number {
  const run = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_version').get();
    const current = row?.v ?? 0;
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    if (current > latest) {
      throw new Error(
        `the SQLite store ${db.name} has schema version ${current}, newer than this bot knows (${latest}): ` +
          'upgrade the bot or point it at another file',
      );
    }
    const record = db.prepare<[number]>('INSERT INTO schema_version (version) VALUES (?)');
    for (const step of MIGRATIONS) {
      if (step.version <= current) continue;
      db.exec(step.sql);
      record.run(step.version);
    }
    return latest;
  });
  return run.immediate();
}
