import type { Logger } from '../log';
import type { Job, Store } from '../store/store';

/** Thrown by a job runner to have the job tried again later. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs?: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}

export interface JobRunner {
  run(job: Job): Promise<void>;
}

export interface SchedulerOptions {
  owner: string;
  pollMs: number;
  leaseMs: number;
  now: () => Date;
  logger: Logger;
  /** Jobs claimed per poll. */
  batchSize?: number;
  /** Jobs run at the same time. */
  concurrency?: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;
// While every claim comes back full, each asks for twice as many jobs, up to this many batches: a backlog (a
// restart after downtime, a burst of timers) then costs a few claim queries instead of one per batch.
const MAX_BATCH_GROWTH = 8;
// Jobs claimed at once are at most what the workers can start within this share of the lease.
const LEASE_SHARE_FOR_QUEUE = 0.25;
const RELEASE_WIDTH = 16;
// The shortest sleep between polls that found less than a batch: bounds the polling rate if a store ever reports
// a job as due that it does not hand out.
const MIN_SLEEP_MS = 5;

/**
 * Runs due jobs (timers and effects) on every instance: each poll claims due jobs with a lease, so a job runs on
 * one instance at a time; an expired lease makes it claimable again, which is safe because every job is
 * idempotent. Jobs that came due while the bot was down are simply due at the first poll.
 *
 * Claimed jobs wait in a local queue for one of `concurrency` workers. The next poll happens as soon as the queue
 * is empty and a worker is free, not when every job of the last poll has finished: a timer is not held up by a
 * slow effect claimed with it. Between polls the scheduler sleeps until the next job is due, at most `pollMs`.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private isPolling = false;
  private polling: Promise<void> | undefined;
  private wakeRequested = false;
  // A poll is owed (a full batch, or a wake) but must wait until a worker is free and the queue is empty.
  private pollWhenFree = false;
  private lastClaimMs = 0;
  private nextLimit: number | undefined;
  // Smoothed time a job takes from start to settled, to keep queued jobs well inside their lease.
  private jobMs = 0;
  private readonly queue: Job[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly inFlight = new Set<Job>();

  constructor(
    private readonly store: Store,
    private readonly runner: JobRunner,
    private readonly options: SchedulerOptions,
  ) {}

  private get batchSize(): number {
    return this.options.batchSize ?? 50;
  }

  private get concurrency(): number {
    return this.options.concurrency ?? 8;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Polls now: something was just committed. */
  wake(): void {
    if (this.stopped) return;
    if (this.isPolling) {
      this.wakeRequested = true;
      return;
    }
    this.pollSoon();
  }

  /** Stops polling, waits for the jobs in flight, and gives back the leases of the jobs not started. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    const { owner } = this.options;
    const unstarted = this.queue.splice(0);
    const running = Promise.all(this.running);
    for (let i = 0; i < unstarted.length; i += RELEASE_WIDTH) {
      await Promise.all(
        unstarted
          .slice(i, i + RELEASE_WIDTH)
          .map((job) => this.store.releaseJob(job, owner).catch(() => undefined)),
      );
    }
    await running;
  }

  /** One poll: claim, run, settle. Exposed for tests and benchmarks. */
  async tick(): Promise<number> {
    const { owner, logger } = this.options;
    const jobs = await this.claim(this.batchSize);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length && !this.stopped) {
        const job = jobs[next++];
        if (job) await this.runOne(job);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, jobs.length) }, worker));
    // Jobs claimed but not started because we are stopping go back at once.
    for (const job of jobs.slice(next)) await this.store.releaseJob(job, owner).catch(() => undefined);
    if (jobs.length) logger.debug({ claimed: jobs.length }, 'scheduler: poll done');
    return jobs.length;
  }

  private async claim(limit: number): Promise<Job[]> {
    const { owner, leaseMs, now } = this.options;
    const started = performance.now();
    const jobs = await this.store.claimDueJobs(now(), owner, leaseMs, limit);
    this.lastClaimMs = performance.now() - started;
    return jobs;
  }

  /** What the next claim asks for after one that asked for `limit` and got `claimed`. */
  private grow(limit: number, claimed: number): number | undefined {
    if (claimed < limit) return undefined;
    const { leaseMs } = this.options;
    const workable = Math.floor(
      ((leaseMs * LEASE_SHARE_FOR_QUEUE) / Math.max(1, this.jobMs)) * this.concurrency,
    );
    return Math.max(this.batchSize, Math.min(limit * 2, this.batchSize * MAX_BATCH_GROWTH, workable));
  }

  private async runOne(job: Job): Promise<void> {
    const { owner, logger, now } = this.options;
    this.inFlight.add(job);
    const started = performance.now();
    try {
      await this.runner.run(job);
      await this.store.completeJob(job, owner);
    } catch (err) {
      const delay =
        err instanceof RetryLater && err.delayMs !== undefined
          ? err.delayMs
          : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(job.attempts, 12)) +
            Math.floor(Math.random() * 500);
      logger.warn(
        { err, jobId: job.id, kind: job.kind, attempts: job.attempts + 1, retryInMs: delay },
        'job failed; will retry',
      );
      await this.store
        .retryJob(job, owner, new Date(now().getTime() + delay), (err as Error).message ?? String(err))
        .catch((e: unknown) =>
          logger.error({ err: e, jobId: job.id }, 'could not reschedule job; its lease will expire'),
        );
    } finally {
      this.inFlight.delete(job);
      const took = performance.now() - started;
      this.jobMs = this.jobMs === 0 ? took : this.jobMs * 0.9 + took * 0.1;
    }
  }

  /** Claiming more while jobs already claimed wait, or while every worker is busy, would only age their leases. */
  private canClaim(): boolean {
    return this.queue.length === 0 && this.running.size < this.concurrency;
  }

  private pollSoon(): void {
    if (this.canClaim()) this.schedule(0);
    else this.pollWhenFree = true;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poll();
    }, ms);
    this.timer.unref();
  }

  private poll(): void {
    if (this.isPolling || this.stopped) return;
    if (!this.canClaim()) {
      this.pollWhenFree = true;
      return;
    }
    this.pollWhenFree = false;
    this.isPolling = true;
    this.polling = this.claimAndStart();
  }

  private async claimAndStart(): Promise<void> {
    let full = false;
    let delay = this.options.pollMs;
    try {
      this.wakeRequested = false;
      const limit = this.nextLimit ?? this.batchSize;
      const jobs = await this.claim(limit);
      this.queue.push(...jobs);
      this.startQueued();
      if (jobs.length) this.options.logger.debug({ claimed: jobs.length }, 'scheduler: claimed');
      // A full batch: there may be more due right away.
      this.nextLimit = this.grow(limit, jobs.length);
      full = this.nextLimit !== undefined;
      if (!full) delay = await this.untilNextDue();
    } catch (err) {
      this.options.logger.error({ err }, 'scheduler: poll failed');
    } finally {
      this.isPolling = false;
    }
    if (this.stopped) return;
    if (full || this.wakeRequested) this.pollSoon();
    else this.schedule(delay);
  }

  private startQueued(): void {
    while (!this.stopped && this.running.size < this.concurrency) {
      const job = this.queue.shift();
      if (!job) break;
      const run: Promise<void> = this.runOne(job).then(() => {
        this.running.delete(run);
        this.afterJob();
      });
      this.running.add(run);
    }
  }

  private afterJob(): void {
    if (this.stopped) return;
    this.startQueued();
    if (this.pollWhenFree && !this.isPolling && this.canClaim()) {
      this.pollWhenFree = false;
      this.schedule(0);
    }
  }

  /**
   * How long to sleep after a poll that found less than a batch: until the next job is due, so that a timer
   * fires on time rather than up to a poll interval late, but never longer than the poll interval, because
   * another instance may commit an earlier job without waking this one. The sleep is at least as long as the
   * last claim took, so that timers due close together are claimed in batches rather than by one costly query
   * each.
   */
  private async untilNextDue(): Promise<number> {
    const { pollMs, now } = this.options;
    const floor = Math.min(pollMs, Math.max(MIN_SLEEP_MS, this.lastClaimMs));
    try {
      const next = await this.store.nextDueAt();
      if (!next) return pollMs;
      return Math.min(pollMs, Math.max(floor, next.getTime() - now().getTime()));
    } catch (err) {
      this.options.logger.warn(
        { err },
        'scheduler: could not read the next due time; polling at the interval',
      );
      return pollMs;
    }
  }
}
