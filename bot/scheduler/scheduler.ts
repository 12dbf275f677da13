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

/**
 * Runs due jobs (timers and effects) on every instance: each poll claims due jobs with a lease, so a job runs on
 * one instance at a time; an expired lease makes it claimable again, which is safe because every job is
 * idempotent. Jobs that came due while the bot was down are simply due at the first poll.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = true;
  private ticking: Promise<void> | undefined;
  private wakeRequested = false;
  private readonly inFlight = new Set<Job>();

  constructor(
    private readonly store: Store,
    private readonly runner: JobRunner,
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Polls now: something was just committed. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling, waits for the jobs in flight, and gives their leases back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
  }

  /** One poll: claim, run, settle. Exposed for tests and benchmarks. */
  async tick(): Promise<number> {
    const { owner, leaseMs, logger } = this.options;
    const jobs = await this.store.claimDueJobs(
      this.options.now(),
      owner,
      leaseMs,
      this.options.batchSize ?? 50,
    );
    const concurrency = this.options.concurrency ?? 8;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length && !this.stopped) {
        const job = jobs[next++];
        if (job) await this.runOne(job);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
    // Jobs claimed but not started because we are stopping go back at once.
    for (const job of jobs.slice(next)) await this.store.releaseJob(job, owner).catch(() => undefined);
    if (jobs.length) logger.debug({ claimed: jobs.length }, 'scheduler: poll done');
    return jobs.length;
  }

  private async runOne(job: Job): Promise<void> {
    const { owner, logger, now } = this.options;
    this.inFlight.add(job);
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
    }
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.ticking = this.loop();
    }, ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    let claimed = 0;
    try {
      this.wakeRequested = false;
      claimed = await this.tick();
    } catch (err) {
      this.options.logger.error({ err }, 'scheduler: poll failed');
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    // A full batch or a wake during the poll: there may be more to do right away.
    this.schedule(this.wakeRequested || claimed >= (this.options.batchSize ?? 50) ? 0 : this.options.pollMs);
  }
}
