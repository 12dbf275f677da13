import type { Locale } from '../i18n';
import type { CaseEffect, RepairCase } from '../cases/model';

/**
 * The bot's persistence port. Two engines implement it (SQLite embedded, Azure Table Storage for several
 * instances) and one contract test suite runs against both.
 *
 * Rules every engine keeps:
 * - Conditional writes everywhere: a case is written only if its stored version is the expected one.
 * - `commitCase` writes the case and the jobs it creates atomically (the outbox): after a crash either both are
 *   stored or neither.
 * - A job is claimed by one owner at a time with a lease; an expired lease makes it claimable again.
 */
export interface Store {
  /** Stores a new case (version 1). Throws {@link OpenCaseExists} when the room already has an open case. */
  createCase(repairCase: RepairCase, jobs: NewJob[]): Promise<void>;
  getCase(id: string): Promise<RepairCase | undefined>;
  getCaseByNumber(num: number): Promise<RepairCase | undefined>;
  findOpenCaseForRoom(roomId: string): Promise<RepairCase | undefined>;
  /** Open cases (any state but resolved/escalated/cancelled), or all, newest first. */
  listCases(filter: { open: boolean }): Promise<RepairCase[]>;
  /** A new case number, unique across instances. */
  nextCaseNumber(): Promise<number>;
  /**
   * Writes `repairCase` (whose `version` is `expectedVersion + 1`) only if the stored version is `expectedVersion`,
   * together with the new jobs, atomically. Pending jobs of the case whose kind is in `cancelKinds` are deleted in
   * the same write, before the new jobs are added. Throws {@link VersionConflict} otherwise.
   */
  commitCase(
    repairCase: RepairCase,
    expectedVersion: number,
    jobs: NewJob[],
    cancelKinds?: string[],
  ): Promise<void>;

  /** Claims up to `limit` jobs due at `now` that are not leased (or whose lease expired), oldest due first. */
  claimDueJobs(now: Date, owner: string, leaseMs: number, limit: number): Promise<Job[]>;
  /** Marks a claimed job done; a no-op (returns false) if the lease was lost to another owner. */
  completeJob(job: Job, owner: string): Promise<boolean>;
  /** Puts a claimed job back for later (`dueAt`), counting the attempt and keeping the error. */
  retryJob(job: Job, owner: string, dueAt: Date, error: string): Promise<boolean>;
  /** Gives up the lease without counting an attempt (graceful shutdown). */
  releaseJob(job: Job, owner: string): Promise<void>;
  /** Deletes the pending jobs of a case, optionally only some kinds (e.g. a cancelled wait's timers). */
  cancelJobs(caseId: string, kinds?: string[]): Promise<void>;
  /** Pending jobs of a case (for cards, tests and recovery checks). */
  listJobs(caseId: string): Promise<Job[]>;
  /** When the next pending job is due, for the scheduler's sleep. */
  nextDueAt(): Promise<Date | undefined>;

  saveReference(ref: StoredReference): Promise<void>;
  getReference(conversationId: string): Promise<StoredReference | undefined>;
  deleteReference(conversationId: string): Promise<void>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first; `caseId` filters. */
  listAudit(filter: { caseId?: string; limit?: number }): Promise<AuditEntry[]>;

  /**
   * Records `key` if it was not seen within `ttlMs`: true the first time. Used to answer a retried Teams
   * activity once across instances.
   */
  markOnce(key: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Whether `key` was marked and has not expired; records nothing. */
  hasMark(key: string, now: Date): Promise<boolean>;

  /** Proves the store answers (health probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A durable unit of work: a timer (fires an event) or an effect (does I/O), both idempotent. */
export interface NewJob {
  /** Deterministic id: the same effect of the same case version always gets the same id (idempotency key). */
  id: string;
  caseId: string;
  /** 'timer:window-open', 'effect:remove-licences', 'notify:...', ... */
  kind: string;
  payload: CaseEffect | Record<string, unknown>;
  dueAt: string;
}

export interface Job extends NewJob {
  attempts: number;
  leaseOwner?: string;
  leaseUntil?: string;
  lastError?: string;
}

/** What is needed to write to a conversation later (Bot Framework conversation reference, kept opaque). */
export interface StoredReference {
  conversationId: string;
  /** Serialised Bot Framework ConversationReference; only bot/teams reads it. */
  reference: Record<string, unknown>;
  tenantId?: string;
  locale: Locale;
  kind: 'personal' | 'channel' | 'groupChat';
  /** The user of a 1:1 chat (Entra object id). */
  userId?: string;
  updatedAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  caseId?: string;
  caseNumber?: number;
  /** Who acted: name and id, or "bot". */
  actor: string;
  actorId?: string;
  action: string;
  result: 'ok' | 'failed' | 'refused';
  detail?: string;
  requestId?: string;
}

/** Another writer changed the case first; reload and decide again. */
export class VersionConflict extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} was changed by someone else`);
    this.name = 'VersionConflict';
  }
}

/** A room may have one open case at a time. */
export class OpenCaseExists extends Error {
  constructor(
    readonly roomId: string,
    readonly existingCaseId: string,
  ) {
    super(`room ${roomId} already has open case ${existingCaseId}`);
    this.name = 'OpenCaseExists';
  }
}
