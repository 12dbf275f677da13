import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import sinon from 'sinon';
import {
  RetryLater,
  Scheduler,
  type JobRunner,
  type SchedulerOptions,
} from '../../../bot/scheduler/scheduler';
import { SqliteStore } from '../../../bot/store/sqlite-store';
import type { Job } from '../../../bot/store/store';
import { makeCase, makeJob } from '../store/store-contract';

// The fake clock starts here; every time below is on that clock.
const T0 = Date.parse('2030-01-01T09:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const LEASE_MS = 2 * MINUTE;

interface Run {
  id: string;
  /** Fake-clock time the runner was called. */
  at: number;
  /** `job.attempts` as the scheduler handed it over. */
  attempts: number;
}

/** A promise the test opens when it wants: a slow effect, or a hung one. */
interface Gate {
  promise: Promise<void>;
  open(): void;
}

/**
 * The runner double: the boundary of the scheduler. Records which jobs ran and when (fake clock), and does what
 * `behaviour` says: return, wait on a gate, or throw.
 */
class RecordingRunner implements JobRunner {
  readonly runs: Run[] = [];
  finished = 0;

  constructor(private readonly behaviour: (job: Job, run: Run) => Promise<void> | void = () => undefined) {}

  async run(job: Job): Promise<void> {
    const run = { id: job.id, at: Date.now(), attempts: job.attempts };
    this.runs.push(run);
    await this.behaviour(job, run);
    this.finished++;
  }

  count(id: string): number {
    return this.runs.filter((r) => r.id === id).length;
  }

  ranAt(id: string): number[] {
    return this.runs.filter((r) => r.id === id).map((r) => r.at);
  }
}

describe('Scheduler', function () {
  let clock: sinon.SinonFakeTimers;
  let dir: string;
  let file: string;
  let stores: SqliteStore[];
  let schedulers: Scheduler[];
  let gates: Gate[];
  let caseNumber: number;
  const logger = pino({ level: 'silent' });

  function gate(): Gate {
    let open: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => (open = resolve));
    const g = { promise, open };
    gates.push(g);
    return g;
  }

  /** A connection to the test's database file, as one bot instance opens it. */
  function openStore(): SqliteStore {
    const store = SqliteStore.open({ file, now: () => new Date(clock.now) });
    stores.push(store);
    return store;
  }

  function newScheduler(
    store: SqliteStore,
    runner: JobRunner,
    options: Partial<SchedulerOptions> = {},
  ): Scheduler {
    const scheduler = new Scheduler(store, runner, {
      owner: 'instance-a',
      pollMs: SECOND,
      leaseMs: LEASE_MS,
      now: () => new Date(clock.now),
      logger,
      ...options,
    });
    schedulers.push(scheduler);
    return scheduler;
  }

  /** Commits a new case with timers due at the given fake-clock times; returns the case id. */
  async function seed(store: SqliteStore, jobs: { id: string; dueMs: number }[]): Promise<string> {
    caseNumber++;
    const c = makeCase({ number: caseNumber, roomId: `room-${caseNumber}` });
    await store.createCase(
      c,
      jobs.map((j) => makeJob(c, { id: j.id, dueAt: new Date(j.dueMs).toISOString() })),
    );
    return c.id;
  }

  /** Moves the fake clock to `ms`, firing the scheduler's timers and letting their promise chains settle. */
  async function advanceTo(ms: number): Promise<void> {
    assert.ok(ms >= clock.now, 'the clock only moves forward');
    await clock.tickAsync(ms - clock.now);
  }

  beforeEach(function () {
    // The scheduler measures claims and jobs with performance.now(): faked too, so that the batch growth and the
    // sleep floor depend on the fake clock only.
    clock = sinon.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    dir = mkdtempSync(join(tmpdir(), 'helpdesk-scheduler-'));
    file = join(dir, 'store.sqlite');
    stores = [];
    schedulers = [];
    gates = [];
    caseNumber = 0;
  });

  afterEach(async function () {
    for (const g of gates) g.open();
    for (const scheduler of schedulers) await scheduler.stop();
    clock.restore();
    sinon.restore();
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a job once when the clock reaches its due time, not before, and removes it', async function () {
    const store = openStore();
    const due = T0 + 10 * SECOND;
    const caseId = await seed(store, [{ id: 'timer-1', dueMs: due }]);
    const runner = new RecordingRunner();
    newScheduler(store, runner, { pollMs: SECOND }).start();

    await advanceTo(due - 1);
    assert.equal(runner.count('timer-1'), 0, 'not run before it is due');
    assert.equal((await store.listJobs(caseId)).length, 1);

    await advanceTo(due + SECOND);
    const [at] = runner.ranAt('timer-1');
    assert.equal(runner.count('timer-1'), 1);
    assert.ok(at !== undefined && at >= due && at <= due + SECOND, `ran at T0+${(at ?? NaN) - T0} ms`);
    assert.deepEqual(await store.listJobs(caseId), [], 'the completed job is gone from the store');

    await advanceTo(due + 10 * MINUTE);
    assert.equal(runner.count('timer-1'), 1, 'and never runs again');
  });

  it('sleeps until the next due job rather than the whole poll interval', async function () {
    const store = openStore();
    const due = T0 + 5 * SECOND;
    await seed(store, [{ id: 'timer-5s', dueMs: due }]);
    const runner = new RecordingRunner();
    newScheduler(store, runner, { pollMs: MINUTE }).start();

    await advanceTo(due - 1);
    assert.equal(runner.count('timer-5s'), 0);
    await advanceTo(due + 100);
    const [at] = runner.ranAt('timer-5s');
    assert.ok(at !== undefined, 'fired well before the 60 s poll');
    assert.ok(at >= due && at - due < 100, `fired ${at - due} ms after its due time`);
  });

  it('picks up a job committed later at once when woken, and at the next poll when not', async function () {
    const store = openStore();
    const runner = new RecordingRunner();
    const scheduler = newScheduler(store, runner, { pollMs: MINUTE });
    scheduler.start();
    // The first poll finds nothing and sleeps the whole interval.
    await advanceTo(T0 + SECOND);

    const committedAt = clock.now;
    await seed(store, [{ id: 'woken', dueMs: committedAt }]);
    await advanceTo(committedAt);
    assert.equal(runner.count('woken'), 0, 'nothing polls before the wake');
    scheduler.wake();
    await advanceTo(committedAt);
    assert.deepEqual(runner.ranAt('woken'), [committedAt], 'ran on the wake, the clock did not move');

    // The same commit without a wake (another instance committed it) waits for the poll interval.
    await seed(store, [{ id: 'not-woken', dueMs: committedAt }]);
    await advanceTo(committedAt + MINUTE - 1);
    assert.equal(runner.count('not-woken'), 0);
    await advanceTo(committedAt + MINUTE);
    assert.deepEqual(runner.ranAt('not-woken'), [committedAt + MINUTE]);
  });

  it('does not let a slow job hold up a timer due later', async function () {
    const store = openStore();
    const slow = gate();
    const runner = new RecordingRunner((job) => (job.id === 'slow-effect' ? slow.promise : undefined));
    const timerDue = T0 + 10 * SECOND;
    await seed(store, [
      { id: 'slow-effect', dueMs: T0 },
      { id: 'timer', dueMs: timerDue },
    ]);
    newScheduler(store, runner, { pollMs: MINUTE, concurrency: 2 }).start();

    await advanceTo(T0);
    assert.deepEqual(runner.ranAt('slow-effect'), [T0]);
    assert.equal(runner.finished, 0, 'the effect is still running');

    await advanceTo(timerDue - 1);
    assert.equal(runner.count('timer'), 0);
    await advanceTo(timerDue);
    assert.deepEqual(runner.ranAt('timer'), [timerDue], 'the timer fired on time');
    assert.equal(runner.finished, 1, 'while the slow effect still runs');

    slow.open();
    await advanceTo(timerDue);
    assert.equal(runner.finished, 2);
  });

  it('drains a backlog of 500 overdue jobs once each, with growing claims', async function () {
    const store = openStore();
    const ids = Array.from({ length: 500 }, (_, i) => `overdue-${String(i).padStart(3, '0')}`);
    const caseId = await seed(
      store,
      ids.map((id, i) => ({ id, dueMs: T0 - 10 * MINUTE + i * 100 })),
    );
    const claims = sinon.spy(store, 'claimDueJobs');
    const runner = new RecordingRunner();
    newScheduler(store, runner, { batchSize: 50, pollMs: MINUTE }).start();

    // A poll owed at once still goes through a zero timeout, which the fake clock fires 1 ms later when it is set
    // while timers fire (Node too makes it 1 ms): the backlog takes a few fake ms, far below the poll interval.
    await advanceTo(T0 + 100);
    assert.equal(runner.runs.length, 500, 'every overdue job ran without waiting for a poll interval');
    for (const id of ids) assert.equal(runner.count(id), 1, `${id} ran once`);
    assert.deepEqual(await store.listJobs(caseId), []);

    // Without growth the backlog takes 10 full claims of 50 and one more; doubling while claims come back full
    // takes 4 (50 + 100 + 200 + a last one of 400 that finds the remaining 150).
    const limits = claims.getCalls().map((call) => call.args[3]);
    assert.ok(claims.callCount < (500 / 50) * 2, `${claims.callCount} claims`);
    assert.deepEqual(limits, [50, 100, 200, 400], 'each full claim asks for twice as many');

    await advanceTo(T0 + 5 * MINUTE);
    assert.equal(runner.runs.length, 500, 'nothing ran twice later');
  });

  it('runs each job exactly once with two instances on the same store file', async function () {
    const storeA = openStore();
    const storeB = openStore();
    const overdue = Array.from({ length: 300 }, (_, i) => ({ id: `overdue-${i}`, dueMs: T0 - MINUTE + i }));
    const upcoming = Array.from({ length: 100 }, (_, i) => ({
      id: `upcoming-${i}`,
      dueMs: T0 + (i * 10 * SECOND) / 100,
    }));
    const caseId = await seed(storeA, [...overdue, ...upcoming]);
    const runnerA = new RecordingRunner();
    const runnerB = new RecordingRunner();
    newScheduler(storeA, runnerA, { owner: 'instance-a', batchSize: 20, concurrency: 4 }).start();
    newScheduler(storeB, runnerB, { owner: 'instance-b', batchSize: 20, concurrency: 4 }).start();

    await advanceTo(T0 + 20 * SECOND);
    for (const { id } of [...overdue, ...upcoming]) {
      assert.equal(runnerA.count(id) + runnerB.count(id), 1, `${id} ran once across both instances`);
    }
    assert.ok(runnerA.runs.length > 0 && runnerB.runs.length > 0, 'both instances took a share');
    for (const { id, dueMs } of upcoming) {
      const at = runnerA.ranAt(id)[0] ?? runnerB.ranAt(id)[0] ?? NaN;
      assert.ok(at >= dueMs && at <= dueMs + SECOND, `${id} ran ${at - dueMs} ms after its due time`);
    }
    assert.deepEqual(await storeA.listJobs(caseId), []);
  });

  it('runs a job again after the delay of RetryLater, not before', async function () {
    const store = openStore();
    const caseId = await seed(store, [{ id: 'busy', dueMs: T0 }]);
    const runner = new RecordingRunner((_job, run) => {
      if (run.attempts === 0) throw new RetryLater('the room is in a meeting', 30 * SECOND);
    });
    newScheduler(store, runner, { pollMs: SECOND }).start();

    await advanceTo(T0);
    assert.deepEqual(runner.ranAt('busy'), [T0]);
    const [pending] = await store.listJobs(caseId);
    assert.ok(pending);
    assert.equal(pending.attempts, 1);
    assert.equal(pending.lastError, 'the room is in a meeting');
    assert.equal(pending.dueAt, new Date(T0 + 30 * SECOND).toISOString());
    assert.equal(pending.leaseOwner, undefined, 'the lease is given back');

    await advanceTo(T0 + 30 * SECOND - 1);
    assert.equal(runner.count('busy'), 1, 'not retried before the delay');
    await advanceTo(T0 + 30 * SECOND + SECOND);
    const retriedAt = runner.ranAt('busy')[1];
    assert.ok(
      retriedAt !== undefined && retriedAt >= T0 + 30 * SECOND && retriedAt <= T0 + 31 * SECOND,
      `retried at T0+${(retriedAt ?? NaN) - T0} ms`,
    );
    assert.deepEqual(
      runner.runs.map((r) => r.attempts),
      [0, 1],
    );
    assert.deepEqual(await store.listJobs(caseId), []);
  });

  it('retries a failed job with a growing backoff and records the error', async function () {
    const store = openStore();
    const caseId = await seed(store, [{ id: 'flaky', dueMs: T0 }]);
    const runner = new RecordingRunner((_job, run) => {
      if (run.attempts < 2) throw new Error(`Graph answered 503 (attempt ${run.attempts + 1})`);
    });
    const warn = sinon.spy(logger, 'warn');
    newScheduler(store, runner, { pollMs: SECOND }).start();

    await advanceTo(T0);
    const [first] = await store.listJobs(caseId);
    assert.ok(first);
    assert.equal(first.attempts, 1);
    assert.equal(first.lastError, 'Graph answered 503 (attempt 1)');
    const firstDelay = Date.parse(first.dueAt) - T0;
    assert.ok(firstDelay >= SECOND && firstDelay < 1.5 * SECOND, `first backoff ${firstDelay} ms`);
    assert.ok(warn.calledOnce, 'the failure is logged');

    await advanceTo(Date.parse(first.dueAt) - 1);
    assert.equal(runner.count('flaky'), 1, 'not retried before its backoff');
    await advanceTo(Date.parse(first.dueAt) + SECOND);
    const secondRun = runner.runs[1];
    assert.ok(secondRun && secondRun.at >= Date.parse(first.dueAt));
    const [second] = await store.listJobs(caseId);
    assert.ok(second);
    assert.equal(second.attempts, 2);
    assert.equal(second.lastError, 'Graph answered 503 (attempt 2)');
    const secondDelay = Date.parse(second.dueAt) - secondRun.at;
    assert.ok(secondDelay >= 2 * SECOND && secondDelay < 2.5 * SECOND, `second backoff ${secondDelay} ms`);

    await advanceTo(Date.parse(second.dueAt) - 1);
    assert.equal(runner.count('flaky'), 2, 'not retried before its backoff');
    await advanceTo(Date.parse(second.dueAt) + SECOND);
    assert.deepEqual(
      runner.runs.map((r) => r.attempts),
      [0, 1, 2],
    );
    assert.deepEqual(await store.listJobs(caseId), [], 'done on the third attempt');
  });

  it('stop() waits for running jobs and gives back the unstarted ones at once', async function () {
    const storeA = openStore();
    const caseId = await seed(storeA, [
      { id: 'job-1', dueMs: T0 - 3 * SECOND },
      { id: 'job-2', dueMs: T0 - 2 * SECOND },
      { id: 'job-3', dueMs: T0 - SECOND },
    ]);
    const slow = gate();
    const runnerA = new RecordingRunner((job) => (job.id === 'job-1' ? slow.promise : undefined));
    const a = newScheduler(storeA, runnerA, { owner: 'instance-a', concurrency: 1 });
    a.start();
    await advanceTo(T0);
    assert.deepEqual(
      runnerA.runs.map((r) => r.id),
      ['job-1'],
    );
    assert.deepEqual(
      (await storeA.listJobs(caseId)).map((j) => j.leaseOwner),
      ['instance-a', 'instance-a', 'instance-a'],
      'all three were claimed; two wait for the only worker',
    );

    let stopped = false;
    const stopping = a.stop().then(() => {
      stopped = true;
    });
    await advanceTo(T0);
    assert.equal(stopped, false, 'stop() waits for the running job');
    assert.deepEqual(
      (await storeA.listJobs(caseId)).map((j) => [j.id, j.leaseOwner ?? null]),
      [
        ['job-1', 'instance-a'],
        ['job-2', null],
        ['job-3', null],
      ],
      'the unstarted jobs are released, the running one keeps its lease',
    );

    // Another instance takes them straight away, long before their lease would have expired.
    const runnerB = new RecordingRunner();
    newScheduler(openStore(), runnerB, { owner: 'instance-b' }).start();
    await advanceTo(T0);
    assert.deepEqual(
      runnerB.runs.map((r) => [r.id, r.at]),
      [
        ['job-2', T0],
        ['job-3', T0],
      ],
    );

    slow.open();
    await stopping;
    assert.equal(stopped, true);
    assert.deepEqual(
      runnerA.runs.map((r) => r.id),
      ['job-1'],
      'the stopping instance started nothing else',
    );
    assert.deepEqual(await storeA.listJobs(caseId), []);
  });

  it('lets another instance claim a job whose owner crashed once the lease expires', async function () {
    const store = openStore();
    const caseId = await seed(store, [{ id: 'orphan', dueMs: T0 }]);
    const leaseMs = 30 * SECOND;
    // A crashed instance: it claimed the job and will never complete it.
    const claimed = await openStore().claimDueJobs(new Date(T0), 'crashed-instance', leaseMs, 10);
    assert.deepEqual(
      claimed.map((j) => j.id),
      ['orphan'],
    );

    const runner = new RecordingRunner();
    newScheduler(store, runner, { owner: 'instance-b', leaseMs, pollMs: 5 * SECOND }).start();
    await advanceTo(T0 + leaseMs - 1);
    assert.equal(runner.count('orphan'), 0, 'not while the lease holds');
    await advanceTo(T0 + leaseMs + 5 * SECOND);
    const [at] = runner.ranAt('orphan');
    assert.ok(
      at !== undefined && at >= T0 + leaseMs && at <= T0 + leaseMs + 5 * SECOND,
      `ran at T0+${(at ?? NaN) - T0} ms`,
    );
    assert.equal(runner.count('orphan'), 1);
    assert.deepEqual(await store.listJobs(caseId), []);
  });

  it('lets another instance take over a job whose runner hangs past the lease', async function () {
    const storeA = openStore();
    const storeB = openStore();
    const caseId = await seed(storeA, [{ id: 'hung', dueMs: T0 }]);
    const leaseMs = 30 * SECOND;
    const hangA = gate();
    const slowB = gate();
    const runnerA = new RecordingRunner(() => hangA.promise);
    const runnerB = new RecordingRunner(() => slowB.promise);
    // Instance A's only worker hangs on the job, so A claims nothing more.
    newScheduler(storeA, runnerA, { owner: 'instance-a', leaseMs, concurrency: 1 }).start();
    await advanceTo(T0);
    assert.deepEqual(runnerA.ranAt('hung'), [T0]);
    newScheduler(storeB, runnerB, { owner: 'instance-b', leaseMs }).start();

    await advanceTo(T0 + leaseMs - 1);
    assert.equal(runnerB.count('hung'), 0, 'not while A holds the lease');
    await advanceTo(T0 + leaseMs + SECOND);
    const [at] = runnerB.ranAt('hung');
    assert.ok(
      at !== undefined && at >= T0 + leaseMs && at <= T0 + leaseMs + SECOND,
      `B ran it at T0+${(at ?? NaN) - T0} ms`,
    );

    // A's runner finally returns: its completion must not remove the job B now holds.
    hangA.open();
    await advanceTo(clock.now);
    assert.deepEqual(
      (await storeA.listJobs(caseId)).map((j) => j.leaseOwner),
      ['instance-b'],
    );
    slowB.open();
    await advanceTo(clock.now);
    assert.deepEqual(await storeA.listJobs(caseId), []);
    assert.equal(runnerA.count('hung') + runnerB.count('hung'), 2);
  });
});
