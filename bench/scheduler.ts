// `npm run bench:scheduler`: durable timers at scale on both store engines (lateness of 10,000 timers, recovery
// after a restart, memory) and the card-action answer time while every Graph request is slow.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { openCase } from '../bot/cases/open-case';
import type { TimerKind } from '../bot/cases/model';
import { Scheduler } from '../bot/scheduler/scheduler';
import { SqliteStore } from '../bot/store/sqlite-store';
import type { Job, NewJob, Store } from '../bot/store/store';
import { TableStore } from '../bot/store/table-store';
import { timerKind } from '../bot/workflow/jobs';
import { startAzurite } from '../test/support/azurite';
import { cardOf } from '../test/support/fake-connector';
import { cardActions, clickExecute, startHarness, type Harness } from '../test/support/bot-harness';

function arg(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return raw === undefined ? fallback : Number(raw);
}

const TIMERS = arg('timers', 10_000);
const WINDOW_MS = arg('window', 25_000);
const OVERDUE = arg('overdue', 1_000);
const ACTIONS = arg('actions', 200);
const GRAPH_LATENCY_MS = arg('latency', 300);
const BATCH = process.argv.some((a) => a.startsWith('--batch=')) ? arg('batch', 50) : undefined;
const CONCURRENCY = process.argv.some((a) => a.startsWith('--concurrency='))
  ? arg('concurrency', 8)
  : undefined;
// Which parts to run, e.g. --only=sqlite,answers; all by default.
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.split('=')[1]
  ?.split(',');
const runs = (part: 'sqlite' | 'azure' | 'answers'): boolean => !ONLY || ONLY.includes(part);
const JOBS_PER_CASE = 5;
// The mixed run: one job in MIXED_EFFECT_EVERY is an effect taking MIXED_EFFECT_MS.
const MIXED_JOBS = arg('mixed', 1_000);
const MIXED_WINDOW_MS = 10_000;
const MIXED_EFFECT_EVERY = 50;
const MIXED_EFFECT_MS = 1_500;
// The production defaults (SCHEDULER_POLL_INTERVAL, SCHEDULER_LEASE, batch and concurrency): what ships.
const POLL_MS = 1_000;
const LEASE_MS = 120_000;
const INSERT_WIDTH = 32;

const TARGET_LATENESS_MS = 1_000;
const TARGET_RECOVERY_MS = 2_000;
const TARGET_ANSWER_MS = 300;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TIMER_KINDS: readonly TimerKind[] = ['window-open', 'window-close', 'verify-poll', 'verify-timeout'];
const PRO_SKU = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
const ANNA = 'a0000000-0000-4000-8000-000000002001';
const MARC = 'a0000000-0000-4000-8000-000000002002';
const silent = pino({ level: 'silent' });

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

const round = (v: number): number => Math.round(v * 10) / 10;

interface Summary {
  n: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function summary(values: Iterable<number>): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
  };
}

const mib = (bytes: number): number => round(bytes / 1024 / 1024);

function memory(): { rssMiB: number; heapUsedMiB: number } {
  const m = process.memoryUsage();
  return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed) };
}

/** Peak RSS and heap while something runs, sampled every 50 ms. */
function sampleMemory(): { stop(): { peakRssMiB: number; peakHeapUsedMiB: number } } {
  let rss = 0;
  let heap = 0;
  const take = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  take();
  const timer = setInterval(take, 50);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakRssMiB: mib(rss), peakHeapUsedMiB: mib(heap) };
    },
  };
}

/** CPU time this process has used, in ms. */
function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU time used by this process's children whose command line contains `name`, in ms; undefined where /proc is
 * not there to ask (not Linux). Azurite does the work a storage account would: its share shows where time goes.
 */
function childCpuMs(name: string): number | undefined {
  let total: number | undefined;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(name)) continue;
      // utime and stime, in clock ticks of 10 ms on Linux.
      total = (total ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** CPU used by the bench process (the bot's side) and by the storage server, between start and stop. */
function cpuMeter(engine: Engine): { stop(): { botProcessMs: number; storageServerMs?: number } } {
  const own = ownCpuMs();
  const server = engine.serverCpuMs?.();
  return {
    stop() {
      const serverNow = engine.serverCpuMs?.();
      return {
        botProcessMs: Math.round(ownCpuMs() - own),
        ...(server !== undefined && serverNow !== undefined ? { storageServerMs: serverNow - server } : {}),
      };
    },
  };
}

async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a !== undefined && b !== undefined) {
      items[i] = b;
      items[j] = a;
    }
  }
  return items;
}

/**
 * Real time plus an offset. Inserting 10,000 timers takes far longer on Azure than on SQLite; the timers are
 * written against a start a day ahead and the offset then brings that start one second away, so both engines
 * fire the same window whatever their insertion took.
 */
class BenchClock {
  private offsetMs = 0;
  readonly now = (): Date => new Date(this.ms());
  readonly ms = (): number => Date.now() + this.offsetMs;
  jumpTo(ms: number): void {
    this.offsetMs = ms - Date.now();
  }
}

let caseSerial = 0;

/** A job to insert: a timer, or an effect (the Graph work a decision starts). */
interface JobSpec {
  dueMs: number;
  effect?: boolean;
}

const timersAt = (dueTimes: readonly number[]): JobSpec[] => dueTimes.map((dueMs) => ({ dueMs }));

/** Open cases (one per room, as the room lock wants) with their jobs, written through the real port. */
async function insertJobs(
  store: Store,
  clock: BenchClock,
  specs: readonly JobSpec[],
  onCommitted: () => void = () => undefined,
): Promise<void> {
  const groups: JobSpec[][] = [];
  for (let i = 0; i < specs.length; i += JOBS_PER_CASE) groups.push(specs.slice(i, i + JOBS_PER_CASE));
  await inParallel(groups, INSERT_WIDTH, async (group) => {
    const n = ++caseSerial;
    const c = openCase(
      {
        id: `bench-case-${process.pid}-${n}`,
        number: n,
        kind: 'licence-cycle',
        roomId: `bench-room-${n}`,
        roomName: `Bench room ${n}`,
        account: `bench-room-${n}@contoso.example`,
        accountId: `bench-account-${n}`,
        snapshot: {
          skuId: PRO_SKU,
          skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
          disabledPlans: [],
          assignment: 'direct',
        },
        createdBy: { id: ANNA, name: 'Anna Helpdesk' },
        locale: 'en',
      },
      clock.now(),
    );
    const jobs: NewJob[] = group.map((spec, i) => {
      const dueAt = new Date(spec.dueMs).toISOString();
      if (spec.effect) {
        return {
          id: `${c.id}:v1:${i}:remove-licences`,
          caseId: c.id,
          kind: 'effect:remove-licences',
          payload: { kind: 'remove-licences', skuIds: [PRO_SKU] },
          dueAt,
        };
      }
      const timer = TIMER_KINDS[i % TIMER_KINDS.length] ?? 'window-open';
      return {
        id: `${c.id}:v1:${i}:${timer}`,
        caseId: c.id,
        kind: timerKind(timer),
        payload: { kind: 'schedule', timer, dueAt },
        dueAt,
      };
    });
    await store.createCase(c, jobs);
    // The case service wakes the scheduler after every commit.
    onCommitted();
  });
}

/** Notes how late each job started, on the bench clock; effects then take `effectMs`, as Graph work would. */
class RecordingRunner {
  /** Job id -> started minus due, in ms. */
  readonly lateness = new Map<string, number>();
  readonly effects = new Set<string>();
  duplicates = 0;
  private counted = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(
    private readonly clock: BenchClock,
    private readonly counts: (job: Job) => boolean = () => true,
    private readonly effectMs = 0,
  ) {}

  async run(job: Job): Promise<void> {
    if (this.lateness.has(job.id)) {
      this.duplicates++;
      return;
    }
    this.lateness.set(job.id, this.clock.ms() - Date.parse(job.dueAt));
    if (this.counts(job)) this.counted++;
    this.waiters = this.waiters.filter((w) => {
      if (this.counted < w.count) return true;
      w.resolve();
      return false;
    });
    if (job.kind.startsWith('effect:')) {
      this.effects.add(job.id);
      await new Promise((resolve) => setTimeout(resolve, this.effectMs));
    }
  }

  /** Resolves true once `count` counted jobs started, false on timeout. */
  waitFor(count: number, timeoutMs: number): Promise<boolean> {
    if (this.counted >= count) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      });
    });
  }
}

function newScheduler(store: Store, runner: RecordingRunner, clock: BenchClock, owner: string): Scheduler {
  return new Scheduler(store, runner, {
    owner,
    pollMs: POLL_MS,
    leaseMs: LEASE_MS,
    now: clock.now,
    logger: silent,
    ...(BATCH === undefined ? {} : { batchSize: BATCH }),
    ...(CONCURRENCY === undefined ? {} : { concurrency: CONCURRENCY }),
  });
}

interface Engine {
  name: string;
  /** A new store instance on the engine's data, as a (re)started process opens it. */
  open(clock: BenchClock): Promise<Store>;
  dispose(): Promise<void>;
  /** CPU used so far by the storage server, when it is a process of its own. */
  serverCpuMs?: () => number | undefined;
}

function sqliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scheduler-'));
  return {
    name: 'sqlite',
    open: (clock) => Promise.resolve(SqliteStore.open({ file: join(dir, 'bench.db'), now: clock.now })),
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function azureEngine(): Promise<Engine> {
  const azurite = await startAzurite();
  const tablePrefix = `bench${process.pid}`;
  return {
    name: 'azure-tables (Azurite)',
    open: (clock) =>
      TableStore.open({ connectionString: azurite.connectionString, tablePrefix, now: clock.now }),
    // Azurite keeps its tables in memory: stopping it is the clean-up.
    dispose: () => azurite.stop(),
    serverCpuMs: () => childCpuMs('azurite'),
  };
}

async function benchTimers(engine: Engine) {
  const clock = new BenchClock();
  const store = await engine.open(clock);
  const runner = new RecordingRunner(clock);
  const scheduler = newScheduler(store, runner, clock, 'bench-timers');
  try {
    const beforeInsert = memory();
    // Started before the inserts, as in a running bot, so that their wakes cost what they cost.
    scheduler.start();
    const start = clock.ms() + 24 * HOUR;
    const dueTimes = shuffle(
      Array.from({ length: TIMERS }, (_, i) => start + Math.floor((i * WINDOW_MS) / TIMERS)),
    );
    const t0 = performance.now();
    await insertJobs(store, clock, timersAt(dueTimes), () => scheduler.wake());
    const insertMs = performance.now() - t0;
    const afterInsert = memory();

    const sampler = sampleMemory();
    const cpu = cpuMeter(engine);
    clock.jumpTo(start - 1_000);
    // The jump is the bench's doing: a scheduler sleeping through it is woken, as it is not charged to the bot.
    scheduler.wake();
    const allFired = await runner.waitFor(TIMERS, WINDOW_MS + 2 * MINUTE);
    const lastFiredMs = clock.ms() - start;
    const whileFiring = sampler.stop();
    const cpuFiring = cpu.stop();
    await scheduler.stop();
    const late = [...runner.lateness.values()];
    return {
      timers: TIMERS,
      windowMs: WINDOW_MS,
      dueRatePerSec: Math.round(TIMERS / (WINDOW_MS / 1000)),
      insertMs: Math.round(insertMs),
      fired: runner.lateness.size,
      allFired,
      duplicates: runner.duplicates,
      dueToFired: summary(late),
      firedMoreThan1sLate: late.filter((ms) => ms > TARGET_LATENESS_MS).length,
      firedEarly: late.filter((ms) => ms < 0).length,
      firedRatePerSec: Math.round(runner.lateness.size / (Math.max(lastFiredMs, WINDOW_MS) / 1000)),
      cpuWhileFiring: cpuFiring,
      memory: { beforeInsert, afterInsert, whileFiring },
    };
  } finally {
    await scheduler.stop();
    await store.close();
  }
}

/**
 * Timers sharing the scheduler with effects that take as long as Graph work does at the added latency (a
 * licence removal is several Graph requests): a timer must not wait for an effect it has nothing to do with.
 * Runs after the recovery run, whose 9,000 future timers (due an hour ahead and later) are still pending.
 */
async function benchMixed(engine: Engine) {
  const clock = new BenchClock();
  const store = await engine.open(clock);
  const start = clock.ms() + 30 * MINUTE;
  const inWindow = (job: Job) => Date.parse(job.dueAt) < start + MIXED_WINDOW_MS;
  const runner = new RecordingRunner(clock, inWindow, MIXED_EFFECT_MS);
  const scheduler = newScheduler(store, runner, clock, 'bench-mixed');
  try {
    const specs = shuffle(
      Array.from({ length: MIXED_JOBS }, (_, i) => ({
        dueMs: start + Math.floor((i * MIXED_WINDOW_MS) / MIXED_JOBS),
        effect: i % MIXED_EFFECT_EVERY === 0,
      })),
    );
    await insertJobs(store, clock, specs);
    scheduler.start();
    clock.jumpTo(start - 1_000);
    scheduler.wake();
    const allStarted = await runner.waitFor(MIXED_JOBS, MIXED_WINDOW_MS + 2 * MINUTE);
    await scheduler.stop();
    const timers = [...runner.lateness]
      .filter(([id, ms]) => !runner.effects.has(id) && ms >= 0)
      .map(([, ms]) => ms);
    const effects = [...runner.lateness].filter(([id]) => runner.effects.has(id)).map(([, ms]) => ms);
    return {
      jobs: MIXED_JOBS,
      otherPendingTimers: TIMERS - OVERDUE,
      otherFired: [...runner.lateness.values()].filter((ms) => ms < 0).length,
      windowMs: MIXED_WINDOW_MS,
      effectEvery: MIXED_EFFECT_EVERY,
      effectMs: MIXED_EFFECT_MS,
      allStarted,
      timerDueToFired: summary(timers),
      effectDueToStarted: summary(effects),
    };
  } finally {
    await scheduler.stop();
    await store.close();
  }
}

async function benchRecovery(engine: Engine) {
  const clock = new BenchClock();
  const before = await engine.open(clock);
  const now = clock.ms();
  // Came due while the bot was down: over the five minutes before the restart.
  const overdue = Array.from(
    { length: OVERDUE },
    (_, i) => now - 5 * MINUTE + Math.floor((i * 5 * MINUTE) / OVERDUE),
  );
  const future = Array.from(
    { length: TIMERS - OVERDUE },
    (_, i) => now + HOUR + Math.floor((i * 23 * HOUR) / Math.max(1, TIMERS - OVERDUE)),
  );
  const t0 = performance.now();
  await insertJobs(before, clock, timersAt(shuffle([...overdue, ...future])));
  const insertMs = performance.now() - t0;
  await before.close();

  const openedAt = performance.now();
  const store = await engine.open(clock);
  const openMs = performance.now() - openedAt;
  const restartedAt = clock.ms();
  const runner = new RecordingRunner(clock, (job) => Date.parse(job.dueAt) <= restartedAt);
  const sampler = sampleMemory();
  const cpu = cpuMeter(engine);
  const startedAt = performance.now();
  const scheduler = newScheduler(store, runner, clock, 'bench-recovery');
  try {
    scheduler.start();
    const allFired = await runner.waitFor(OVERDUE, 2 * MINUTE);
    const recoveryMs = performance.now() - startedAt;
    const mem = sampler.stop();
    const cpuUsed = cpu.stop();
    await scheduler.stop();
    const early = [...runner.lateness.values()].filter((ms) => ms < 0).length;
    return {
      overdue: OVERDUE,
      future: TIMERS - OVERDUE,
      insertMs: Math.round(insertMs),
      storeOpenMs: round(openMs),
      startToAllOverdueFiredMs: round(recoveryMs),
      allFired,
      futureFired: early,
      duplicates: runner.duplicates,
      cpu: cpuUsed,
      memory: mem,
    };
  } finally {
    await scheduler.stop();
    await store.close();
  }
}

async function benchEngine(engine: Engine) {
  try {
    const timers = await benchTimers(engine);
    const recovery = await benchRecovery(engine);
    const mixed = await benchMixed(engine);
    const missed: string[] = [];
    if (!timers.allFired || timers.duplicates > 0)
      missed.push(`timers: ${timers.fired} of ${TIMERS} fired, ${timers.duplicates} twice`);
    if (timers.dueToFired.p99Ms > TARGET_LATENESS_MS)
      missed.push(`timers: due-to-fired p99 ${timers.dueToFired.p99Ms} ms > ${TARGET_LATENESS_MS} ms`);
    if (!mixed.allStarted || mixed.otherFired > 0 || mixed.timerDueToFired.p99Ms > TARGET_LATENESS_MS)
      missed.push(
        `timers beside slow effects: due-to-fired p99 ${mixed.timerDueToFired.p99Ms} ms > ${TARGET_LATENESS_MS} ms`,
      );
    if (!recovery.allFired || recovery.futureFired > 0 || recovery.duplicates > 0)
      missed.push(
        `recovery: overdue fired ${String(recovery.allFired)}, future fired ${recovery.futureFired}`,
      );
    if (recovery.startToAllOverdueFiredMs >= TARGET_RECOVERY_MS)
      missed.push(`recovery: ${recovery.startToAllOverdueFiredMs} ms >= ${TARGET_RECOVERY_MS} ms`);
    return {
      store: engine.name,
      settings: {
        pollMs: POLL_MS,
        leaseMs: LEASE_MS,
        batchSize: BATCH ?? 'default',
        concurrency: CONCURRENCY ?? 'default',
      },
      targets: { dueToFiredP99Ms: TARGET_LATENESS_MS, recoveryMs: TARGET_RECOVERY_MS },
      note: 'timers due over the window are inserted first; the bench clock then jumps to one second before it',
      timers,
      recovery,
      timersWithSlowEffects: mixed,
      missed,
    };
  } finally {
    await engine.dispose();
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function actionData(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const data = cardActions(card).get(verb);
  if (!data)
    throw new Error(`the card offers no ${verb}; it offers ${[...cardActions(card).keys()].join(', ')}`);
  return data;
}

async function timed(
  h: Harness,
  verb: string,
  data: Record<string, unknown>,
  options: { replyToId?: string; fromAadObjectId?: string } = {},
): Promise<{ ms: number; card: Record<string, unknown> }> {
  const t0 = performance.now();
  const res = await clickExecute(h, verb, data, options);
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${verb} answered HTTP ${res.status}`);
  return { ms, card: res.card };
}

async function benchAnswers() {
  const h = await startHarness({ env: { SCHEDULER_POLL_INTERVAL: 'PT1S' } });
  try {
    h.emulator.faults.add({ path: '.*', latencyMs: GRAPH_LATENCY_MS });
    const t0 = Date.now();
    await h.say('room 4B stuck on licence');
    const diagnosis = await h.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined, 60_000);
    const replyToId = diagnosis.assignedId ?? '';
    // Opening the case diagnoses the room through Graph again: not an answer from the store, so not measured.
    const opened = await timed(
      h,
      'licence.start-repair',
      actionData(cardOf(diagnosis) ?? {}, 'licence.start-repair'),
      {
        replyToId,
      },
    );
    const caseId = String(actionData(opened.card, 'case.confirm').caseId);

    // The first check of a person reads their groups from Graph; every later one is cached for five minutes.
    const cold = await timed(h, 'case.refresh', { caseId }, { replyToId, fromAadObjectId: MARC });
    const warmSameUser = await timed(h, 'case.refresh', { caseId }, { replyToId, fromAadObjectId: MARC });

    // The confirm answers at once; removing the licence through Graph runs after the answer.
    const confirm = await timed(h, 'case.confirm', actionData(opened.card, 'case.confirm'), { replyToId });
    const confirmed = performance.now();
    await until('the waiting state', async () =>
      (await h.bot.services.cases.get(caseId))?.state === 'waiting' ? true : undefined,
    );
    const removedAfterAnswerMs = performance.now() - confirmed;

    let card = (await timed(h, 'case.refresh', { caseId }, { replyToId })).card;
    const extend: number[] = [];
    const refresh: number[] = [];
    for (let i = 0; i < ACTIONS; i++) {
      if (i % 2 === 0) {
        const r = await timed(h, 'case.extend', actionData(card, 'case.extend'), { replyToId });
        extend.push(r.ms);
        card = r.card;
      } else {
        const r = await timed(h, 'case.refresh', { caseId }, { replyToId });
        refresh.push(r.ms);
        card = r.card;
      }
    }
    const c = await h.bot.services.cases.get(caseId);
    const all = summary([...extend, ...refresh]);
    return {
      store: 'sqlite (bot harness)',
      graphAddedLatencyMs: GRAPH_LATENCY_MS,
      mix: `${ACTIONS} sequential clicks on the Room 4B case while it waits: case.extend and case.refresh alternately, after case.confirm`,
      membershipCache: 'warm (the cold first check of a person is reported apart)',
      openCaseMs: round(opened.ms),
      coldFirstCheckMs: round(cold.ms),
      warmSecondCheckMs: round(warmSameUser.ms),
      confirmMs: round(confirm.ms),
      licenceRemovedAfterTheAnswerMs: Math.round(removedAfterAnswerMs),
      extend: summary(extend),
      refresh: summary(refresh),
      all,
      caseVersionAfter: c?.version,
      targetP99Ms: TARGET_ANSWER_MS,
      missed: [
        ...(all.p99Ms < TARGET_ANSWER_MS ? [] : [`answers: p99 ${all.p99Ms} ms >= ${TARGET_ANSWER_MS} ms`]),
        ...(confirm.ms < TARGET_ANSWER_MS
          ? []
          : [`answers: case.confirm ${round(confirm.ms)} ms >= ${TARGET_ANSWER_MS} ms`]),
      ],
    };
  } finally {
    await h.stop();
  }
}

async function main(): Promise<void> {
  const missed: string[] = [];
  const show = (report: { store: string; missed: string[] }) => {
    missed.push(...report.missed.map((m) => `${report.store}: ${m}`));
    console.log(JSON.stringify(report, null, 2));
  };
  if (runs('sqlite')) show(await benchEngine(sqliteEngine()));
  if (runs('azure')) show(await benchEngine(await azureEngine()));
  if (runs('answers')) show(await benchAnswers());
  for (const m of missed) console.log(`missed: ${m}`);
  console.log(missed.length === 0 ? 'bench:scheduler: targets met' : 'bench:scheduler: TARGET MISSED');
  process.exitCode = missed.length === 0 ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
