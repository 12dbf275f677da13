import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { isOpen, type RepairCase } from '../cases/model';
import { migrate } from './sqlite-schema';
import {
  OpenCaseExists,
  VersionConflict,
  type AuditEntry,
  type Job,
  type NewJob,
  type Store,
  type StoredReference,
} from './store';
import { checkJobsBelongTo, checkNextVersion, clipError, timeMs } from './store-rules';

/** Options of {@link SqliteStore.open}. */
export interface SqliteStoreOptions {
  /** Database file, created if missing; `':memory:'` for a private in-memory store. */
  file: string;
  /** Clock for housekeeping that has no `now` argument (tests pass a fake one). */
  now?: () => Date;
  /** How long a write waits for another process's lock before failing, in ms. */
  busyTimeoutMs?: number;
}

interface CaseRow {
  json: string;
}

interface JobRow {
  id: string;
  case_id: string;
  kind: string;
  payload: string;
  due_at: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  due_ms: number;
}

interface CaseParams {
  id: string;
  number: number;
  roomId: string;
  open: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  json: string;
}

interface JobParams {
  id: string;
  caseId: string;
  kind: string;
  payload: string;
  dueAt: string;
  dueMs: number;
}

const CASE_NUMBER_COUNTER = 'case-number';
// Expired once-keys are purged every so many markOnce calls rather than on each.
const ONCE_PURGE_EVERY = 256;

function isUniqueViolation(err: unknown): boolean {
  return (
    err instanceof Error &&
    'code' in err &&
    (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

function caseParams(repairCase: RepairCase): CaseParams {
  return {
    id: repairCase.id,
    number: repairCase.number,
    roomId: repairCase.roomId,
    open: isOpen(repairCase.state) ? 1 : 0,
    version: repairCase.version,
    createdAt: repairCase.createdAt,
    updatedAt: repairCase.updatedAt,
    json: JSON.stringify(repairCase),
  };
}

function jobParams(job: NewJob): JobParams {
  return {
    id: job.id,
    caseId: job.caseId,
    kind: job.kind,
    payload: JSON.stringify(job.payload),
    dueAt: job.dueAt,
    dueMs: timeMs(job.dueAt, `dueAt of job ${job.id}`),
  };
}

function toJob(row: JobRow): Job {
  const job: Job = {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as Job['payload'],
    dueAt: row.due_at,
    attempts: row.attempts,
  };
  if (row.lease_owner !== null) job.leaseOwner = row.lease_owner;
  if (row.lease_until !== null) job.leaseUntil = row.lease_until;
  if (row.last_error !== null) job.lastError = row.last_error;
  return job;
}

function byDue(a: JobRow, b: JobRow): number {
  return a.due_ms - b.due_ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// Every statement the store runs, prepared once per connection.
function prepareStatements(db: Database.Database) {
  const prepare = <P extends unknown[] | object, R = unknown>(sql: string) => db.prepare<P, R>(sql);
  return {
    insertCase: prepare<CaseParams>(
      `INSERT INTO cases (id, number, room_id, open, version, created_at, updated_at, json)
       VALUES (@id, @number, @roomId, @open, @version, @createdAt, @updatedAt, @json)`,
    ),
    updateCase: prepare<CaseParams & { expected: number }>(
      `UPDATE cases SET number = @number, room_id = @roomId, open = @open, version = @version,
         created_at = @createdAt, updated_at = @updatedAt, json = @json
       WHERE id = @id AND version = @expected`,
    ),
    caseById: prepare<[string], CaseRow>('SELECT json FROM cases WHERE id = ?'),
    caseByNumber: prepare<[number], CaseRow>('SELECT json FROM cases WHERE number = ?'),
    caseIdByNumber: prepare<[number], { id: string }>('SELECT id FROM cases WHERE number = ?'),
    openCaseForRoom: prepare<[string], CaseRow & { id: string }>(
      'SELECT id, json FROM cases WHERE room_id = ? AND open = 1',
    ),
    openCases: prepare<[], CaseRow>(
      'SELECT json FROM cases WHERE open = 1 ORDER BY created_at DESC, number DESC',
    ),
    allCases: prepare<[], CaseRow>('SELECT json FROM cases ORDER BY created_at DESC, number DESC'),
    nextNumber: prepare<[string], { value: number }>(
      `INSERT INTO counters (name, value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1
       RETURNING value`,
    ),
    // The same effect of the same case version has the same id: inserting it again changes nothing.
    insertJob: prepare<JobParams>(
      `INSERT INTO jobs (id, case_id, kind, payload, due_at, due_ms, ready_ms)
       VALUES (@id, @caseId, @kind, @payload, @dueAt, @dueMs, @dueMs)
       ON CONFLICT (id) DO NOTHING`,
    ),
    // One statement takes the write lock before reading, so two processes never lease the same row.
    claimJobs: prepare<
      { owner: string; leaseUntil: string; leaseUntilMs: number; now: number; limit: number },
      JobRow
    >(
      `UPDATE jobs SET lease_owner = @owner, lease_until = @leaseUntil, ready_ms = @leaseUntilMs
       WHERE id IN (SELECT id FROM jobs WHERE due_ms <= @now AND ready_ms <= @now ORDER BY due_ms, id LIMIT @limit)
       RETURNING *`,
    ),
    completeJob: prepare<[string, string]>('DELETE FROM jobs WHERE id = ? AND lease_owner = ?'),
    retryJob: prepare<{ id: string; owner: string; dueAt: string; dueMs: number; error: string }>(
      `UPDATE jobs SET attempts = attempts + 1, due_at = @dueAt, due_ms = @dueMs, ready_ms = @dueMs,
         lease_owner = NULL, lease_until = NULL, last_error = @error
       WHERE id = @id AND lease_owner = @owner`,
    ),
    releaseJob: prepare<[string, string]>(
      `UPDATE jobs SET lease_owner = NULL, lease_until = NULL, ready_ms = due_ms
       WHERE id = ? AND lease_owner = ?`,
    ),
    cancelAllJobs: prepare<[string]>('DELETE FROM jobs WHERE case_id = ?'),
    cancelJobKinds: prepare<[string, string]>(
      'DELETE FROM jobs WHERE case_id = ? AND kind IN (SELECT value FROM json_each(?))',
    ),
    jobsOfCase: prepare<[string], JobRow>('SELECT * FROM jobs WHERE case_id = ? ORDER BY due_ms, id'),
    nextReady: prepare<[], { ms: number | null }>('SELECT MIN(ready_ms) AS ms FROM jobs'),
    saveReference: prepare<[string, string, string]>(
      `INSERT INTO "references" (conversation_id, json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
    ),
    getReference: prepare<[string], { json: string }>(
      'SELECT json FROM "references" WHERE conversation_id = ?',
    ),
    deleteReference: prepare<[string]>('DELETE FROM "references" WHERE conversation_id = ?'),
    appendAudit: prepare<[string, string, number, string | null, string]>(
      `INSERT INTO audit (id, at, at_ms, case_id, json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    listAudit: prepare<[number], { json: string }>(
      'SELECT json FROM audit ORDER BY at_ms DESC, seq DESC LIMIT ?',
    ),
    listCaseAudit: prepare<[string, number], { json: string }>(
      'SELECT json FROM audit WHERE case_id = ? ORDER BY at_ms DESC, seq DESC LIMIT ?',
    ),
    // Inserts the key, or takes over an expired one; `changes` is 0 only when a live key was already there.
    markOnce: prepare<{ key: string; expiresMs: number; nowMs: number }>(
      `INSERT INTO once_keys (key, expires_ms) VALUES (@key, @expiresMs)
       ON CONFLICT (key) DO UPDATE SET expires_ms = excluded.expires_ms WHERE once_keys.expires_ms <= @nowMs`,
    ),
    hasMark: prepare<[string, number], { key: string }>(
      'SELECT key FROM once_keys WHERE key = ? AND expires_ms > ?',
    ),
    purgeOnce: prepare<[number]>('DELETE FROM once_keys WHERE expires_ms <= ?'),
    ping: prepare<[], { ok: number }>('SELECT 1 AS ok'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

// Runs synchronous work behind the async port, turning a throw into a rejection.
function later<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}

/**
 * The embedded engine: one SQLite file in WAL mode. Several processes may open the same file; every write that
 * reads before it writes runs in an immediate transaction, so the checks and the write see the same data.
 */
export class SqliteStore implements Store {
  private readonly statements: Statements;
  private readonly createTx: Database.Transaction<(repairCase: RepairCase, jobs: readonly NewJob[]) => void>;
  private readonly commitTx: Database.Transaction<
    (
      repairCase: RepairCase,
      expectedVersion: number,
      jobs: readonly NewJob[],
      cancelKinds: readonly string[],
    ) => void
  >;
  private onceCalls = 0;

  private constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.statements = prepareStatements(db);
    const s = this.statements;
    const insertJobs = (jobs: readonly NewJob[]) => {
      for (const job of jobs) s.insertJob.run(jobParams(job));
    };
    // A unique-index violation on the room means another open case; the other unique keys get a plain message.
    const explainUnique = (err: unknown, repairCase: RepairCase): never => {
      if (isUniqueViolation(err)) {
        const open = s.openCaseForRoom.get(repairCase.roomId);
        if (open && open.id !== repairCase.id) throw new OpenCaseExists(repairCase.roomId, open.id);
        const sameNumber = s.caseIdByNumber.get(repairCase.number);
        if (sameNumber && sameNumber.id !== repairCase.id) {
          throw new Error(`case number ${repairCase.number} is already used by case ${sameNumber.id}`, {
            cause: err,
          });
        }
        if (s.caseById.get(repairCase.id))
          throw new Error(`case ${repairCase.id} already exists`, { cause: err });
      }
      throw err;
    };
    this.createTx = db.transaction((repairCase: RepairCase, jobs: readonly NewJob[]) => {
      const params = caseParams(repairCase);
      // Creating the very same case again (a retried request) changes nothing, as on the Azure engine.
      if (s.caseById.get(repairCase.id)?.json === params.json) return;
      try {
        s.insertCase.run(params);
      } catch (err) {
        explainUnique(err, repairCase);
      }
      insertJobs(jobs);
    });
    this.commitTx = db.transaction(
      (
        repairCase: RepairCase,
        expectedVersion: number,
        jobs: readonly NewJob[],
        cancelKinds: readonly string[],
      ) => {
        let changes = 0;
        try {
          changes = s.updateCase.run({ ...caseParams(repairCase), expected: expectedVersion }).changes;
        } catch (err) {
          explainUnique(err, repairCase);
        }
        if (changes === 0) throw new VersionConflict(repairCase.id);
        // Cancelled before the new jobs go in, so a timer rescheduled by the same commit survives.
        if (cancelKinds.length > 0) s.cancelJobKinds.run(repairCase.id, JSON.stringify(cancelKinds));
        insertJobs(jobs);
      },
    );
  }

  /** Opens the database file, creating it (and its directory) or migrating its schema as needed. */
  static open(options: SqliteStoreOptions): SqliteStore {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    const inMemory =
      options.file === ':memory:' || options.file === '' || options.file.startsWith('file::memory:');
    if (!inMemory) mkdirSync(dirname(options.file), { recursive: true });
    const db = new Database(options.file, { timeout: busyTimeoutMs });
    try {
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      return new SqliteStore(db, options.now ?? (() => new Date()));
    } catch (err) {
      db.close();
      throw err;
    }
  }

  createCase(repairCase: RepairCase, jobs: NewJob[]): Promise<void> {
    return later(() => {
      checkJobsBelongTo(repairCase, jobs);
      this.createTx.immediate(repairCase, jobs);
    });
  }

  getCase(id: string): Promise<RepairCase | undefined> {
    return later(() => parseCase(this.statements.caseById.get(id)));
  }

  getCaseByNumber(num: number): Promise<RepairCase | undefined> {
    return later(() => parseCase(this.statements.caseByNumber.get(num)));
  }

  findOpenCaseForRoom(roomId: string): Promise<RepairCase | undefined> {
    return later(() => parseCase(this.statements.openCaseForRoom.get(roomId)));
  }

  listCases(filter: { open: boolean }): Promise<RepairCase[]> {
    return later(() =>
      (filter.open ? this.statements.openCases : this.statements.allCases)
        .all()
        .map((row) => JSON.parse(row.json) as RepairCase),
    );
  }

  nextCaseNumber(): Promise<number> {
    return later(() => {
      const row = this.statements.nextNumber.get(CASE_NUMBER_COUNTER);
      if (!row) throw new Error('the case number counter returned nothing');
      return row.value;
    });
  }

  commitCase(
    repairCase: RepairCase,
    expectedVersion: number,
    jobs: NewJob[],
    cancelKinds: string[] = [],
  ): Promise<void> {
    return later(() => {
      checkNextVersion(repairCase, expectedVersion);
      checkJobsBelongTo(repairCase, jobs);
      this.commitTx.immediate(repairCase, expectedVersion, jobs, cancelKinds);
    });
  }

  claimDueJobs(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]> {
    return later(() => {
      if (limit <= 0) return [];
      const leaseUntilMs = now.getTime() + leaseMs;
      const rows = this.statements.claimJobs.all({
        owner,
        leaseUntil: new Date(leaseUntilMs).toISOString(),
        leaseUntilMs,
        now: now.getTime(),
        limit: Math.floor(limit),
      });
      // RETURNING gives rows in no promised order.
      return rows.sort(byDue).map(toJob);
    });
  }

  completeJob(job: Job, owner: string): Promise<boolean> {
    return later(() => this.statements.completeJob.run(job.id, owner).changes > 0);
  }

  retryJob(job: Job, owner: string, dueAt: Date, error: string): Promise<boolean> {
    return later(
      () =>
        this.statements.retryJob.run({
          id: job.id,
          owner,
          dueAt: dueAt.toISOString(),
          dueMs: dueAt.getTime(),
          error: clipError(error),
        }).changes > 0,
    );
  }

  releaseJob(job: Job, owner: string): Promise<void> {
    return later(() => {
      this.statements.releaseJob.run(job.id, owner);
    });
  }

  cancelJobs(caseId: string, kinds?: string[]): Promise<void> {
    return later(() => {
      if (kinds === undefined) this.statements.cancelAllJobs.run(caseId);
      else if (kinds.length > 0) this.statements.cancelJobKinds.run(caseId, JSON.stringify(kinds));
    });
  }

  listJobs(caseId: string): Promise<Job[]> {
    return later(() => this.statements.jobsOfCase.all(caseId).map(toJob));
  }

  /** The earliest time a pending job can be claimed: its due time, or its lease expiry while it is leased. */
  nextDueAt(): Promise<Date | undefined> {
    return later(() => {
      const ms = this.statements.nextReady.get()?.ms;
      return ms === null || ms === undefined ? undefined : new Date(ms);
    });
  }

  saveReference(ref: StoredReference): Promise<void> {
    return later(() => {
      this.statements.saveReference.run(ref.conversationId, JSON.stringify(ref), ref.updatedAt);
    });
  }

  getReference(conversationId: string): Promise<StoredReference | undefined> {
    return later(() => {
      const row = this.statements.getReference.get(conversationId);
      return row ? (JSON.parse(row.json) as StoredReference) : undefined;
    });
  }

  deleteReference(conversationId: string): Promise<void> {
    return later(() => {
      this.statements.deleteReference.run(conversationId);
    });
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return later(() => {
      const atMs = timeMs(entry.at, `at of audit entry ${entry.id}`);
      this.statements.appendAudit.run(entry.id, entry.at, atMs, entry.caseId ?? null, JSON.stringify(entry));
    });
  }

  listAudit(filter: { caseId?: string; limit?: number }): Promise<AuditEntry[]> {
    return later(() => {
      // SQLite reads a negative LIMIT as "no limit".
      const limit = filter.limit === undefined ? -1 : Math.max(0, Math.floor(filter.limit));
      const rows =
        filter.caseId === undefined
          ? this.statements.listAudit.all(limit)
          : this.statements.listCaseAudit.all(filter.caseId, limit);
      return rows.map((row) => JSON.parse(row.json) as AuditEntry);
    });
  }

  markOnce(key: string, ttlMs: number, now: Date): Promise<boolean> {
    return later(() => {
      const nowMs = now.getTime();
      const first = this.statements.markOnce.run({ key, expiresMs: nowMs + ttlMs, nowMs }).changes > 0;
      if (++this.onceCalls % ONCE_PURGE_EVERY === 0) {
        this.statements.purgeOnce.run(Math.min(nowMs, this.now().getTime()));
      }
      return first;
    });
  }

  /** Whether `key` was recorded by {@link markOnce} and has not expired at `now`; records nothing. */
  hasMark(key: string, now: Date): Promise<boolean> {
    return later(() => this.statements.hasMark.get(key, now.getTime()) !== undefined);
  }

  ping(): Promise<void> {
    return later(() => {
      if (this.statements.ping.get()?.ok !== 1) throw new Error('the SQLite store did not answer SELECT 1');
    });
  }

  close(): Promise<void> {
    return later(() => {
      if (this.db.open) this.db.close();
    });
  }
}

function parseCase(row: CaseRow | undefined): RepairCase | undefined {
  return row ? (JSON.parse(row.json) as RepairCase) : undefined;
}
