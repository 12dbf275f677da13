import { odata, type TransactionAction } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { isOpen, type RepairCase } from '../cases/model';
import {
  OpenCaseExists,
  VersionConflict,
  type AuditEntry,
  type Job,
  type NewJob,
  type Store,
  type StoredReference,
} from './store';
import { checkJobsBelongTo, checkNextVersion, clipError, newestFirst, timeMs } from './store-rules';
import { joinText, sortable, splitText, tableKey } from './table-codec';
import {
  openTable,
  statusOf,
  StoreUnavailable,
  type Entity,
  type StoredEntity,
  type Table,
} from './table-access';

/** Options of {@link TableStore.open}. */
export interface TableStoreOptions {
  /** A storage account connection string (account key or SAS); takes precedence over `endpoint`. */
  connectionString?: string;
  /** The table endpoint, e.g. `https://ACCOUNT.table.core.windows.net`, used with `credential`. */
  endpoint?: string;
  /** A managed identity (or any Entra credential) with the Storage Table Data Contributor role. */
  credential?: TokenCredential;
  /** Prepended to every table name, so several bots can share one account. Letters and digits. */
  tablePrefix?: string;
  /** The clock used where no `now` is passed (index bookkeeping, lock stamps). */
  now?: () => Date;
}

/*
 * Layout (PK = PartitionKey, RK = RowKey; ids pass through tableKey):
 *   <prefix>Cases  PK case id: RK 'case' (the case, or a tombstone fencing a creation that never finished)
 *                              RK 'job:<job id>' (its pending jobs, in the same partition for atomic commits)
 *   <prefix>Due    PK minute bucket of the due time, RK '<due ms>~<case id>~<job id>': where to look for due jobs
 *   <prefix>Index  PK 'room' RK room id -> the room's open case (the lock); PK 'number' RK number -> case id;
 *                  PK 'counter' RK 'case-number' -> last case number
 *   <prefix>Refs   PK conversation id, RK 'ref'
 *   <prefix>Audit  PK 'all' and PK 'case~<case id>', RK '<inverted ms>~<entry id>' (newest first)
 *   <prefix>Once   PK key, RK 'once'
 */

const CASE_ROW = 'case';
const JOB_ROW = 'job:';
// The character after ':' ends a RowKey range over the jobs of a partition.
const JOB_ROW_END = 'job;';
const ROOM_LOCKS = 'room';
const NUMBERS = 'number';
const COUNTERS = 'counter';
const CASE_NUMBER = 'case-number';
const AUDIT_ALL = 'all';
const REFERENCE_ROW = 'ref';
const ONCE_ROW = 'once';
// Due entries are grouped by minute: a poll reads only the buckets up to now, never the far future.
const BUCKET_MS = 60_000;
const LAST_AUDIT_MS = 9_999_999_999_999;
const MAX_TRANSACTION_OPERATIONS = 100;
// A due entry whose job does not exist may belong to a commit still in flight; it is deleted only once it is
// this old. Writers that fail clean up their own entries at once, so only crashes leave entries this long.
const ORPHAN_GRACE_MS = 60 * 60_000;
// How long a room lock whose case does not exist yet is left to its creator before it is fenced off.
const FENCE_WAIT_MS = 2_000;
const LOCK_ATTEMPTS = 200;
const COUNTER_ATTEMPTS = 200;
const NEXT_DUE_SCAN = 200;
const PARALLEL_READS = 20;
// Candidates of one claim tried at the same time (two requests each).
const PARALLEL_CLAIMS = 50;
// Leases remembered for completing without a read; past this many, the expired ones are forgotten.
const MAX_REMEMBERED_LEASES = 10_000;

const TABLE_SUFFIXES = ['Cases', 'Due', 'Index', 'Refs', 'Audit', 'Once'] as const;
type TableName = (typeof TABLE_SUFFIXES)[number];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function str(entity: Record<string, unknown>, name: string): string | undefined {
  const value = entity[name];
  return typeof value === 'string' ? value : undefined;
}

function num(entity: Record<string, unknown>, name: string): number | undefined {
  const value = entity[name];
  return typeof value === 'number' ? value : undefined;
}

function jobRow(jobId: string): string {
  return `${JOB_ROW}${tableKey(jobId)}`;
}

function dueKeys(dueMs: number, caseId: string, jobId: string): { partitionKey: string; rowKey: string } {
  return {
    partitionKey: sortable(Math.floor(dueMs / BUCKET_MS), 12),
    rowKey: `${sortable(dueMs)}~${tableKey(caseId)}~${tableKey(jobId)}`,
  };
}

function caseEntity(repairCase: RepairCase): Entity {
  return {
    partitionKey: tableKey(repairCase.id),
    rowKey: CASE_ROW,
    caseId: repairCase.id,
    number: repairCase.number,
    roomId: repairCase.roomId,
    open: isOpen(repairCase.state),
    version: repairCase.version,
    createdAt: repairCase.createdAt,
    updatedAt: repairCase.updatedAt,
    ...splitText('json', JSON.stringify(repairCase), `case ${repairCase.id}`),
  };
}

function isTombstone(entity: StoredEntity | undefined): boolean {
  return entity?.tombstone === true;
}

function readCase(entity: StoredEntity | undefined): RepairCase | undefined {
  if (!entity || isTombstone(entity)) return undefined;
  const json = joinText('json', entity);
  return json === undefined ? undefined : (JSON.parse(json) as RepairCase);
}

function jobEntity(job: Job): Entity {
  const entity: Entity = {
    partitionKey: tableKey(job.caseId),
    rowKey: jobRow(job.id),
    jobId: job.id,
    caseId: job.caseId,
    kind: job.kind,
    dueAt: job.dueAt,
    dueMs: timeMs(job.dueAt, `dueAt of job ${job.id}`),
    attempts: job.attempts,
    ...splitText('payload', JSON.stringify(job.payload), `payload of job ${job.id}`),
  };
  if (job.leaseOwner !== undefined && job.leaseUntil !== undefined) {
    entity.leaseOwner = job.leaseOwner;
    entity.leaseUntil = job.leaseUntil;
    entity.leaseUntilMs = timeMs(job.leaseUntil, `leaseUntil of job ${job.id}`);
  }
  if (job.lastError !== undefined) entity.lastError = job.lastError;
  return entity;
}

function readJob(entity: StoredEntity): Job {
  const payload = joinText('payload', entity);
  const job: Job = {
    id: str(entity, 'jobId') ?? '',
    caseId: str(entity, 'caseId') ?? '',
    kind: str(entity, 'kind') ?? '',
    payload: (payload === undefined ? {} : JSON.parse(payload)) as Job['payload'],
    dueAt: str(entity, 'dueAt') ?? '',
    attempts: num(entity, 'attempts') ?? 0,
  };
  const leaseOwner = str(entity, 'leaseOwner');
  const leaseUntil = str(entity, 'leaseUntil');
  if (leaseOwner !== undefined && leaseUntil !== undefined) {
    job.leaseOwner = leaseOwner;
    job.leaseUntil = leaseUntil;
  }
  const lastError = str(entity, 'lastError');
  if (lastError !== undefined) job.lastError = lastError;
  return job;
}

/** A lease this instance took, as the job row stood right after: unchanged ETag means the lease is still ours. */
interface HeldLease {
  owner: string;
  etag: string;
  dueMs: number;
  leaseUntilMs: number;
}

function leaseKey(job: Pick<Job, 'id' | 'caseId'>): string {
  return `${job.caseId}\u0000${job.id}`;
}

function byDue(a: Job, b: Job): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// The same job listed twice in one write is one job (the first wins, as with SQLite's ON CONFLICT DO NOTHING).
function distinctJobs(jobs: readonly NewJob[]): NewJob[] {
  const seen = new Set<string>();
  return jobs.filter((job) => !seen.has(job.id) && seen.add(job.id));
}

function newJob(job: NewJob): Job {
  return { ...job, attempts: 0 };
}

// Bounded, so that one large batch does not open hundreds of requests at once.
async function inParallel<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    out.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  }
  return out;
}

/**
 * The engine for several instances: Azure Table Storage (or Azurite). Consistency comes from ETag-conditional
 * writes and single-partition transactions; the cross-partition indexes (due times, room locks, case numbers)
 * are written first and checked on read, so a crash leaves at worst an entry that readers skip and clean.
 */
export class TableStore implements Store {
  private closed = false;
  private counterQueue: Promise<unknown> = Promise.resolve();
  private readonly held = new Map<string, HeldLease>();

  private constructor(
    private readonly tableSet: Record<TableName, Table>,
    private readonly now: () => Date,
  ) {}

  /** Connects and creates the tables that are missing. Fails with a clear message when the account is unusable. */
  static async open(options: TableStoreOptions): Promise<TableStore> {
    const prefix = options.tablePrefix ?? 'helpdesk';
    if (!/^[A-Za-z][A-Za-z0-9]{0,50}$/.test(prefix)) {
      throw new StoreUnavailable(
        `AZURE_TABLES_PREFIX="${prefix}" must start with a letter and hold only letters and digits (Azure table names).`,
      );
    }
    const account = {
      ...(options.connectionString ? { connectionString: options.connectionString } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credential ? { credential: options.credential } : {}),
    };
    const entries = TABLE_SUFFIXES.map(
      (suffix) => [suffix, openTable(`${prefix}${suffix}`, account)] as const,
    );
    const tableSet = Object.fromEntries(entries) as Record<TableName, Table>;
    await Promise.all(entries.map(([, table]) => table.ensureExists()));
    return new TableStore(tableSet, options.now ?? (() => new Date()));
  }

  private get t(): Record<TableName, Table> {
    if (this.closed) throw new Error('the Azure table store is closed');
    return this.tableSet;
  }

  /** Deletes every table of this store (tests and decommissioning only). */
  async dropTables(): Promise<void> {
    await Promise.all(Object.values(this.tableSet).map((table) => table.drop()));
  }

  async createCase(repairCase: RepairCase, jobs: NewJob[]): Promise<void> {
    const t = this.t;
    checkJobsBelongTo(repairCase, jobs);
    const entity = caseEntity(repairCase);
    const unique = distinctJobs(jobs);
    this.checkTransactionSize(repairCase, unique);
    await this.claimNumber(repairCase);
    const open = isOpen(repairCase.state);
    if (open) await this.acquireRoom(repairCase.roomId, repairCase.id);
    const written = await this.writeDueEntries(unique);
    try {
      await t.Cases.transaction([
        ['create', entity],
        ...unique.map((job): TransactionAction => ['create', jobEntity(newJob(job))]),
      ]);
    } catch (err) {
      const status = statusOf(err);
      if (status === 400 || status === 413) {
        // Refused as written: nothing was stored, so the lock and entries taken for it are given back.
        await this.dropDueEntries(unique, written);
        if (open) await this.releaseRoom(repairCase.roomId, repairCase.id);
      }
      if (status !== 409) throw err;
      const stored = await t.Cases.get(entity.partitionKey, CASE_ROW);
      // A request retried after its first attempt succeeded finds its own case: that is success.
      if (stored && !isTombstone(stored) && joinText('json', stored) === joinText('json', entity)) return;
      await this.dropDueEntries(unique, written);
      if (open && (!stored || isTombstone(stored))) {
        // Another creator fenced this one off after waiting for it too long; the room is theirs.
        const lock = await t.Index.get(ROOM_LOCKS, tableKey(repairCase.roomId));
        throw new OpenCaseExists(repairCase.roomId, (lock && str(lock, 'caseId')) ?? 'unknown');
      }
      throw new Error(`case ${repairCase.id} already exists`);
    }
    await this.refreshDueEntriesIfSlow(unique, written);
  }

  async getCase(id: string): Promise<RepairCase | undefined> {
    return readCase(await this.t.Cases.get(tableKey(id), CASE_ROW));
  }

  async getCaseByNumber(num: number): Promise<RepairCase | undefined> {
    const entry = await this.t.Index.get(NUMBERS, sortable(num, 12));
    const caseId = entry && str(entry, 'caseId');
    if (caseId === undefined) return undefined;
    const found = await this.getCase(caseId);
    return found?.number === num ? found : undefined;
  }

  async findOpenCaseForRoom(roomId: string): Promise<RepairCase | undefined> {
    const lock = await this.t.Index.get(ROOM_LOCKS, tableKey(roomId));
    const caseId = lock && str(lock, 'caseId');
    if (caseId === undefined) return undefined;
    const found = await this.getCase(caseId);
    return found && found.roomId === roomId && isOpen(found.state) ? found : undefined;
  }

  async listCases(filter: { open: boolean }): Promise<RepairCase[]> {
    const t = this.t;
    let cases: RepairCase[];
    if (filter.open) {
      // Every open case holds its room's lock: reading the locks avoids scanning every case ever opened.
      const locks = await t.Index.all(odata`PartitionKey eq ${ROOM_LOCKS}`);
      const ids = [...new Set(locks.map((lock) => str(lock, 'caseId')).filter((id) => id !== undefined))];
      const found = await inParallel(ids, PARALLEL_READS, (id) => this.getCase(id));
      cases = found.filter((c): c is RepairCase => c !== undefined && isOpen(c.state));
    } else {
      const rows = await t.Cases.all(odata`RowKey eq ${CASE_ROW}`);
      cases = rows.map(readCase).filter((c): c is RepairCase => c !== undefined);
    }
    return cases.sort(newestFirst);
  }

  nextCaseNumber(): Promise<number> {
    // Calls from one instance queue up, so the ETag retries only compete with other instances.
    const run = this.counterQueue.then(() => this.bumpCounter());
    this.counterQueue = run.catch(() => undefined);
    return run;
  }

  async commitCase(
    repairCase: RepairCase,
    expectedVersion: number,
    jobs: NewJob[],
    cancelKinds: string[] = [],
  ): Promise<void> {
    const t = this.t;
    checkNextVersion(repairCase, expectedVersion);
    checkJobsBelongTo(repairCase, jobs);
    const entity = caseEntity(repairCase);
    const unique = distinctJobs(jobs);
    this.checkTransactionSize(repairCase, unique);
    const stored = await t.Cases.get(entity.partitionKey, CASE_ROW);
    if (!stored || isTombstone(stored) || num(stored, 'version') !== expectedVersion) {
      throw new VersionConflict(repairCase.id);
    }
    const wasOpen = stored.open === true;
    const oldRoom = str(stored, 'roomId') ?? '';
    const nowOpen = isOpen(repairCase.state);
    if (nowOpen && (!wasOpen || oldRoom !== repairCase.roomId)) {
      await this.acquireRoom(repairCase.roomId, repairCase.id);
    }
    // A job already pending under the same id is the same effect: it is kept as it is, not written again.
    const existing = await this.jobEntities(repairCase.id);
    const pending = new Set(existing.map((e) => e.rowKey));
    const fresh = unique.filter((job) => !pending.has(jobRow(job.id)));
    // Cancelled in the same transaction as the case, before the new jobs: a timer rescheduled here survives.
    const cancelSet = new Set(cancelKinds);
    const cancelled = existing.filter(
      (e) => cancelSet.has(str(e, 'kind') ?? '') && !unique.some((j) => jobRow(j.id) === e.rowKey),
    );
    if (1 + fresh.length + cancelled.length > 100)
      throw new Error(`case ${repairCase.id}: too many job changes for one commit`);
    const written = await this.writeDueEntries(fresh);
    try {
      await t.Cases.transaction([
        ['update', entity, 'Replace', { etag: stored.etag }],
        ...cancelled.map((e): TransactionAction => [
          'delete',
          { partitionKey: e.partitionKey, rowKey: e.rowKey },
        ]),
        ...fresh.map((job): TransactionAction => ['create', jobEntity(newJob(job))]),
      ]);
    } catch (err) {
      const status = statusOf(err);
      if (status !== 412 && status !== 409) throw err;
      const now = await t.Cases.get(entity.partitionKey, CASE_ROW);
      // A request retried after its first attempt succeeded finds its own write: that is success.
      const ours =
        now !== undefined &&
        num(now, 'version') === repairCase.version &&
        joinText('json', now) === joinText('json', entity);
      if (!ours) {
        await this.dropDueEntries(fresh, written);
        throw new VersionConflict(repairCase.id);
      }
    }
    await this.refreshDueEntriesIfSlow(fresh, written);
    await inParallel(cancelled, PARALLEL_READS, (row) =>
      this.forgetDueEntry(num(row, 'dueMs'), readJob(row)),
    );
    if (wasOpen && (!nowOpen || oldRoom !== repairCase.roomId)) {
      await this.releaseRoom(oldRoom, repairCase.id);
    }
  }

  async claimDueJobs(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]> {
    const t = this.t;
    const nowMs = now.getTime();
    const claimed: Job[] = [];
    if (limit <= 0) return claimed;
    const seen = new Set<string>();
    const filter = odata`PartitionKey le ${sortable(Math.floor(nowMs / BUCKET_MS), 12)} and RowKey lt ${sortable(nowMs + 1)}`;
    await t.Due.query(
      filter,
      async (page) => {
        let next = 0;
        while (next < page.length && claimed.length < limit) {
          // Try as many candidates as jobs still wanted, in parallel; losers of a race simply yield fewer.
          const batch: StoredEntity[] = [];
          while (next < page.length && batch.length < limit - claimed.length) {
            const entry = page[next++];
            const id = entry && `${str(entry, 'caseId')}\u0000${str(entry, 'jobId')}`;
            // A job this instance leased and still runs is not claimable: no need to read it to know.
            if (entry && id !== undefined && !seen.has(id) && !this.liveLease(id, nowMs)) {
              seen.add(id);
              batch.push(entry);
            }
          }
          const won = await inParallel(batch, PARALLEL_CLAIMS, (entry) =>
            this.tryClaim(entry, nowMs, owner, leaseMs),
          );
          for (const job of won) if (job) claimed.push(job);
        }
        return claimed.length < limit;
      },
      Math.min(1000, Math.max(50, limit * 4)),
    );
    return claimed.sort(byDue);
  }

  async completeJob(job: Job, owner: string): Promise<boolean> {
    const t = this.t;
    const lease = this.takeLease(job, owner);
    // The row still at the ETag our lease wrote is still ours: delete it without reading it first. Any other
    // answer (changed, gone) is decided from the row as it is now.
    if (lease && (await t.Cases.delete(tableKey(job.caseId), jobRow(job.id), lease.etag))) {
      await this.forgetDueEntry(lease.dueMs, job);
      return true;
    }
    const stored = await t.Cases.get(tableKey(job.caseId), jobRow(job.id));
    if (!stored || str(stored, 'leaseOwner') !== owner) return false;
    if (!(await t.Cases.delete(stored.partitionKey, stored.rowKey, stored.etag))) return false;
    await this.forgetDueEntry(num(stored, 'dueMs'), job);
    return true;
  }

  async retryJob(job: Job, owner: string, dueAt: Date, error: string): Promise<boolean> {
    const t = this.t;
    this.takeLease(job, owner);
    const stored = await t.Cases.get(tableKey(job.caseId), jobRow(job.id));
    if (!stored || str(stored, 'leaseOwner') !== owner) return false;
    const current = readJob(stored);
    const oldDueMs = num(stored, 'dueMs');
    const newDueMs = dueAt.getTime();
    const moved = oldDueMs !== newDueMs;
    // The new due entry goes first, so whatever happens next the job can be found at its new time.
    const entryEtag = moved ? await this.writeDueEntry(job.caseId, job.id, newDueMs) : undefined;
    const next: Job = {
      id: current.id,
      caseId: current.caseId,
      kind: current.kind,
      payload: current.payload,
      dueAt: dueAt.toISOString(),
      attempts: current.attempts + 1,
      lastError: clipError(error),
    };
    const result = await t.Cases.replace(jobEntity(next), stored.etag);
    if (result === 'changed' || result === 'missing') {
      if (entryEtag !== undefined) {
        await this.deleteQuietly(t.Due, dueKeys(newDueMs, job.caseId, job.id), entryEtag);
      }
      return false;
    }
    if (moved) await this.forgetDueEntry(oldDueMs, job);
    return true;
  }

  async releaseJob(job: Job, owner: string): Promise<void> {
    const t = this.t;
    this.takeLease(job, owner);
    const stored = await t.Cases.get(tableKey(job.caseId), jobRow(job.id));
    if (!stored || str(stored, 'leaseOwner') !== owner) return;
    const current = readJob(stored);
    delete current.leaseOwner;
    delete current.leaseUntil;
    // Losing this race means someone else already changed the job: nothing left to give up.
    await t.Cases.replace(jobEntity(current), stored.etag);
  }

  async cancelJobs(caseId: string, kinds?: string[]): Promise<void> {
    const t = this.t;
    const wanted = kinds === undefined ? undefined : new Set(kinds);
    const rows = (await this.jobEntities(caseId)).filter((e) => !wanted || wanted.has(str(e, 'kind') ?? ''));
    await inParallel(rows, PARALLEL_READS, async (row) => {
      if (await t.Cases.delete(row.partitionKey, row.rowKey)) {
        await this.forgetDueEntry(num(row, 'dueMs'), readJob(row));
      }
    });
  }

  async listJobs(caseId: string): Promise<Job[]> {
    return (await this.jobEntities(caseId)).map(readJob).sort(byDue);
  }

  /** The earliest time a pending job can be claimed: its due time, or its lease expiry while it is leased. */
  async nextDueAt(): Promise<Date | undefined> {
    const t = this.t;
    let best: number | undefined;
    let examined = 0;
    await t.Due.query(
      undefined,
      async (page) => {
        for (let i = 0; i < page.length;) {
          // The first entry alone usually answers (its job is not leased): one read, not a whole chunk.
          const chunk = page.slice(i, i + (examined === 0 ? 1 : PARALLEL_READS));
          i += chunk.length;
          const first = chunk[0] && num(chunk[0], 'dueMs');
          // Entries are in due order and a job is never ready before it is due: nothing later can beat `best`.
          if (first === undefined || (best !== undefined && first >= best)) return false;
          if (examined >= NEXT_DUE_SCAN) {
            best = Math.min(best ?? first, first);
            return false;
          }
          examined += chunk.length;
          const ready = await Promise.all(chunk.map((entry) => this.readyAt(entry)));
          for (const ms of ready) if (ms !== undefined) best = best === undefined ? ms : Math.min(best, ms);
        }
        return true;
      },
      PARALLEL_READS * 2,
    );
    return best === undefined ? undefined : new Date(best);
  }

  async saveReference(ref: StoredReference): Promise<void> {
    await this.t.Refs.upsert({
      partitionKey: tableKey(ref.conversationId),
      rowKey: REFERENCE_ROW,
      ...splitText('json', JSON.stringify(ref), `reference of ${ref.conversationId}`),
    });
  }

  async getReference(conversationId: string): Promise<StoredReference | undefined> {
    const entity = await this.t.Refs.get(tableKey(conversationId), REFERENCE_ROW);
    const json = entity && joinText('json', entity);
    return json === undefined ? undefined : (JSON.parse(json) as StoredReference);
  }

  async deleteReference(conversationId: string): Promise<void> {
    await this.t.Refs.delete(tableKey(conversationId), REFERENCE_ROW);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    const t = this.t;
    const rowKey = `${sortable(LAST_AUDIT_MS - timeMs(entry.at, `at of audit entry ${entry.id}`))}~${tableKey(entry.id)}`;
    const body = splitText('json', JSON.stringify(entry), `audit entry ${entry.id}`);
    const partitions = [AUDIT_ALL, ...(entry.caseId === undefined ? [] : [`case~${tableKey(entry.caseId)}`])];
    await Promise.all(partitions.map((partitionKey) => t.Audit.upsert({ partitionKey, rowKey, ...body })));
  }

  async listAudit(filter: { caseId?: string; limit?: number }): Promise<AuditEntry[]> {
    const partitionKey = filter.caseId === undefined ? AUDIT_ALL : `case~${tableKey(filter.caseId)}`;
    const limit = filter.limit === undefined ? Infinity : Math.max(0, Math.floor(filter.limit));
    if (limit === 0) return [];
    const rows = await this.t.Audit.all(odata`PartitionKey eq ${partitionKey}`, limit);
    return rows
      .map((row) => JSON.parse(joinText('json', row) ?? 'null') as AuditEntry)
      .filter((e) => e !== null);
  }

  async markOnce(key: string, ttlMs: number, now: Date): Promise<boolean> {
    const t = this.t;
    const entity = { partitionKey: tableKey(key), rowKey: ONCE_ROW, key, expiresMs: now.getTime() + ttlMs };
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await t.Once.create(entity)) !== 'exists') return true;
      const seen = await t.Once.get(entity.partitionKey, ONCE_ROW);
      if (!seen) continue;
      if ((num(seen, 'expiresMs') ?? 0) > now.getTime()) return false;
      // Expired: take it over, unless another instance renews it first (then it is theirs: not the first time).
      const result = await t.Once.replace(entity, seen.etag);
      if (result === 'missing') continue;
      return result !== 'changed';
    }
    return false;
  }

  /** Whether `key` was recorded by {@link markOnce} and has not expired at `now`; records nothing. */
  async hasMark(key: string, now: Date): Promise<boolean> {
    const seen = await this.t.Once.get(tableKey(key), ONCE_ROW);
    return seen !== undefined && (num(seen, 'expiresMs') ?? 0) > now.getTime();
  }

  async ping(): Promise<void> {
    await this.t.Index.all(odata`PartitionKey eq ${COUNTERS}`, 1);
  }

  close(): Promise<void> {
    // The SDK keeps no connection that needs closing; refusing later calls catches use after shutdown.
    this.closed = true;
    return Promise.resolve();
  }

  private checkTransactionSize(repairCase: RepairCase, jobs: readonly NewJob[]): void {
    if (jobs.length + 1 > MAX_TRANSACTION_OPERATIONS) {
      throw new Error(
        `case ${repairCase.id} is written with ${jobs.length} jobs; an Azure table transaction holds at most ` +
          `${MAX_TRANSACTION_OPERATIONS - 1} jobs with their case`,
      );
    }
  }

  private jobEntities(caseId: string): Promise<StoredEntity[]> {
    return this.t.Cases.all(
      odata`PartitionKey eq ${tableKey(caseId)} and RowKey ge ${JOB_ROW} and RowKey lt ${JOB_ROW_END}`,
    );
  }

  private async bumpCounter(): Promise<number> {
    const t = this.t;
    for (let attempt = 0; attempt < COUNTER_ATTEMPTS; attempt++) {
      const counter = await t.Index.get(COUNTERS, CASE_NUMBER);
      if (!counter) {
        const created = await t.Index.create({ partitionKey: COUNTERS, rowKey: CASE_NUMBER, value: 1 });
        if (created !== 'exists') return 1;
        continue;
      }
      const value = (num(counter, 'value') ?? 0) + 1;
      const result = await t.Index.replace(
        { partitionKey: COUNTERS, rowKey: CASE_NUMBER, value },
        counter.etag,
      );
      if (result !== 'changed' && result !== 'missing') return value;
      // Another instance won this round; a random pause keeps the instances from colliding in step.
      await sleep(Math.random() * Math.min(50, 2 ** attempt));
    }
    throw new Error('could not get a case number: the counter kept changing under other instances');
  }

  // Records number -> case before the case exists; an entry left by a case never created is reused.
  private async claimNumber(repairCase: RepairCase): Promise<void> {
    const t = this.t;
    const entity = {
      partitionKey: NUMBERS,
      rowKey: sortable(repairCase.number, 12),
      caseId: repairCase.id,
      number: repairCase.number,
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await t.Index.create(entity)) !== 'exists') return;
      const entry = await t.Index.get(NUMBERS, entity.rowKey);
      if (!entry) continue;
      const owner = str(entry, 'caseId');
      if (owner === repairCase.id) return;
      const other = owner === undefined ? undefined : await this.getCase(owner);
      if (other?.number === repairCase.number) {
        throw new Error(`case number ${repairCase.number} is already used by case ${other.id}`);
      }
      const result = await t.Index.replace(entity, entry.etag);
      if (result !== 'changed' && result !== 'missing') return;
    }
    throw new Error(`case number ${repairCase.number} is being taken by another case`);
  }

  // Makes `caseId` the holder of the room's lock, or throws OpenCaseExists. A lock whose holder is closed, in
  // another room, or was never written is stale; before taking it over, the holder is fenced (its ETag
  // changed, or a tombstone put where its case would go) so that a late write by that holder fails instead of
  // opening a second case in the room.
  private async acquireRoom(roomId: string, caseId: string): Promise<void> {
    const t = this.t;
    const rowKey = tableKey(roomId);
    let missing: { caseId: string; since: number } | undefined;
    for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
      const lock = { partitionKey: ROOM_LOCKS, rowKey, roomId, caseId, lockedAt: this.now().toISOString() };
      if ((await t.Index.create(lock)) !== 'exists') return;
      const current = await t.Index.get(ROOM_LOCKS, rowKey);
      if (!current) continue;
      const holderId = str(current, 'caseId') ?? '';
      if (holderId !== caseId) {
        const holder = await t.Cases.get(tableKey(holderId), CASE_ROW);
        if (holder && !isTombstone(holder)) {
          if (holder.open === true && str(holder, 'roomId') === roomId)
            throw new OpenCaseExists(roomId, holderId);
          if (!(await t.Cases.touch(holder.partitionKey, holder.rowKey, holder.etag))) continue;
        } else if (!holder) {
          // Usually the holder is between taking the lock and writing its case: give it a moment first.
          const clock = Date.now();
          if (missing?.caseId !== holderId) missing = { caseId: holderId, since: clock };
          if (clock - missing.since < FENCE_WAIT_MS) {
            await sleep(50);
            continue;
          }
          const fence = {
            partitionKey: tableKey(holderId),
            rowKey: CASE_ROW,
            tombstone: true,
            caseId: holderId,
          };
          if ((await t.Cases.create(fence)) === 'exists') continue;
        }
      }
      // Rewriting the lock changes its ETag even when it is already ours: whoever judged it stale before fails.
      const result = await t.Index.replace(lock, current.etag);
      if (result !== 'changed' && result !== 'missing') return;
    }
    throw new Error(`could not take the lock of room ${roomId}: it kept changing under other instances`);
  }

  // Best effort: a lock left behind is stale (its case is closed) and the room's next case takes it over.
  private async releaseRoom(roomId: string, caseId: string): Promise<void> {
    try {
      const lock = await this.t.Index.get(ROOM_LOCKS, tableKey(roomId));
      if (lock && str(lock, 'caseId') === caseId)
        await this.t.Index.delete(ROOM_LOCKS, lock.rowKey, lock.etag);
    } catch {
      // Swallowed on purpose: the case is already written and the stale lock is harmless.
    }
  }

  private async writeDueEntry(caseId: string, jobId: string, dueMs: number): Promise<string> {
    return this.t.Due.upsert({
      ...dueKeys(dueMs, caseId, jobId),
      caseId,
      jobId,
      dueMs,
      writtenMs: this.now().getTime(),
    });
  }

  // Written before the transaction that creates the jobs, so a committed job always has its entry.
  private async writeDueEntries(
    jobs: readonly NewJob[],
  ): Promise<{ etags: Map<string, string>; startedAt: number }> {
    const startedAt = performance.now();
    const etags = new Map<string, string>();
    await inParallel(jobs, PARALLEL_READS, async (job) => {
      etags.set(
        job.id,
        await this.writeDueEntry(job.caseId, job.id, timeMs(job.dueAt, `dueAt of job ${job.id}`)),
      );
    });
    return { etags, startedAt };
  }

  // Claimers delete job-less entries older than the grace period; if this commit took nearly that long, its
  // entries are written again so none of them can be mistaken for a leftover.
  private async refreshDueEntriesIfSlow(
    jobs: readonly NewJob[],
    written: { startedAt: number },
  ): Promise<void> {
    if (jobs.length === 0 || performance.now() - written.startedAt < ORPHAN_GRACE_MS / 2) return;
    await this.writeDueEntries(jobs);
  }

  // After a failed write: removes the entries written for it, unless another writer committed the same job.
  private async dropDueEntries(
    jobs: readonly NewJob[],
    written: { etags: Map<string, string> },
  ): Promise<void> {
    const t = this.t;
    await inParallel(jobs, PARALLEL_READS, async (job) => {
      const etag = written.etags.get(job.id);
      if (etag === undefined) return;
      try {
        if (await t.Cases.get(tableKey(job.caseId), jobRow(job.id))) return;
        const keys = dueKeys(timeMs(job.dueAt, 'dueAt'), job.caseId, job.id);
        await t.Due.delete(keys.partitionKey, keys.rowKey, etag);
      } catch {
        // A leftover entry is skipped by claimers and deleted after the grace period.
      }
    });
  }

  private async forgetDueEntry(dueMs: number | undefined, job: Pick<Job, 'id' | 'caseId'>): Promise<void> {
    if (dueMs === undefined) return;
    await this.deleteQuietly(this.t.Due, dueKeys(dueMs, job.caseId, job.id), '*');
  }

  private async deleteQuietly(table: Table, keys: { partitionKey: string; rowKey: string }, etag: string) {
    try {
      await table.delete(keys.partitionKey, keys.rowKey, etag);
    } catch {
      // A leftover entry is skipped by claimers and deleted after the grace period.
    }
  }

  // Reads the job behind a due entry; cleans the entry when it is provably useless.
  private async inspectEntry(
    entry: StoredEntity,
    nowMs: number,
  ): Promise<{ job: StoredEntity; dueMs: number } | undefined> {
    const caseId = str(entry, 'caseId');
    const jobId = str(entry, 'jobId');
    const entryDueMs = num(entry, 'dueMs');
    if (caseId === undefined || jobId === undefined || entryDueMs === undefined) return undefined;
    const job = await this.t.Cases.get(tableKey(caseId), jobRow(jobId));
    if (!job) {
      if (nowMs - (num(entry, 'writtenMs') ?? 0) > ORPHAN_GRACE_MS) {
        await this.deleteQuietly(this.t.Due, entry, entry.etag);
      }
      return undefined;
    }
    const dueMs = num(job, 'dueMs') ?? entryDueMs;
    // The job was moved later and nobody holds it: its entry at the new time was written before the move.
    if (entryDueMs < dueMs && job.leaseOwner === undefined)
      await this.deleteQuietly(this.t.Due, entry, entry.etag);
    return { job, dueMs };
  }

  private async tryClaim(
    entry: StoredEntity,
    nowMs: number,
    owner: string,
    leaseMs: number,
  ): Promise<Job | undefined> {
    const found = await this.inspectEntry(entry, nowMs);
    if (!found || found.dueMs > nowMs) return undefined;
    const leaseUntilMs = num(found.job, 'leaseUntilMs');
    if (found.job.leaseOwner !== undefined && leaseUntilMs !== undefined && leaseUntilMs > nowMs)
      return undefined;
    const job = readJob(found.job);
    job.leaseOwner = owner;
    job.leaseUntil = new Date(nowMs + leaseMs).toISOString();
    const result = await this.t.Cases.replace(jobEntity(job), found.job.etag);
    if (result === 'changed' || result === 'missing') return undefined;
    this.rememberLease(job, { owner, etag: result.etag, dueMs: found.dueMs, leaseUntilMs: nowMs + leaseMs });
    return job;
  }

  private rememberLease(job: Job, lease: HeldLease): void {
    if (this.held.size >= MAX_REMEMBERED_LEASES) {
      // Jobs claimed and never settled (a runner that hung, a scheduler stopped hard): their leases are over.
      const nowMs = this.now().getTime();
      for (const [key, old] of this.held) if (old.leaseUntilMs <= nowMs) this.held.delete(key);
      if (this.held.size >= MAX_REMEMBERED_LEASES) this.held.clear();
    }
    this.held.set(leaseKey(job), lease);
  }

  private liveLease(key: string, nowMs: number): HeldLease | undefined {
    const lease = this.held.get(key);
    return lease && lease.leaseUntilMs > nowMs ? lease : undefined;
  }

  /** Forgets the lease remembered for `job`, returning it when `owner` took it. */
  private takeLease(job: Job, owner: string): HeldLease | undefined {
    const key = leaseKey(job);
    const lease = this.held.get(key);
    if (lease?.owner !== owner) return undefined;
    this.held.delete(key);
    return lease;
  }

  private async readyAt(entry: StoredEntity): Promise<number | undefined> {
    const nowMs = this.now().getTime();
    const lease = this.liveLease(`${str(entry, 'caseId')}\u0000${str(entry, 'jobId')}`, nowMs);
    if (lease) return Math.max(num(entry, 'dueMs') ?? lease.dueMs, lease.leaseUntilMs);
    const found = await this.inspectEntry(entry, nowMs);
    if (!found) return undefined;
    const leaseUntilMs = num(found.job, 'leaseUntilMs');
    return found.job.leaseOwner !== undefined && leaseUntilMs !== undefined
      ? Math.max(found.dueMs, leaseUntilMs)
      : found.dueMs;
  }
}
