import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isOpen, type RepairCase } from '../../../bot/cases/model';
import { SqliteStore } from '../../../bot/store';
import { startEmulator, type RequestLogEntry, type RunningEmulator } from '../../../emulator';
import { DEMO_HELPDESK_GROUP, cardActions } from '../../support/bot-harness';
import { BotProcess } from '../../support/bot-process';
import {
  REPAIRABLE_ROOMS,
  isLicenceWrite,
  isRestart,
  licencesOf,
  roomPlan,
  type RoomPlan,
} from '../../support/demo-rooms';
import { classifyThreadNotice, tallyNotices } from '../../support/case-notices';
import { FakeConnector, cardOf } from '../../support/fake-connector';
import { until } from '../../support/until';
import { sleep, untilExplained } from '../../support/until-explained';
import { TeamsDriver, channelMessage, channelThread } from '../../support/teams-driver';

/*
 * kill -9 the bot (a real child process on SQLite) at random points of the licence repair cycle, restart it on the
 * same data folder, let the cycle finish, and check what a crash must never do: leave a room without its licence
 * and without a timer, write to Graph twice, or lose a notice.
 *
 * CRASH_SEED=<n> replays the random draws of a run (start and confirm delays, kill phases, kill delays). The
 * processes' timing is not replayable: which phases are still reachable at each kill may differ, so a replay aims
 * at the same points of the cycle rather than the same instructions.
 * CRASH_RUNS=<n> sets how many (case, kill) runs to reach (default 50).
 * CRASH_REPORT=<file> writes the runs, kills and findings as JSON.
 */

const START_REPAIR = 'licence.start-repair';
const SET_USAGE_LOCATION = 'licence.set-usage-location';

// Compressed durations. The wait must be at least the emulator's purge delay, or the reassignment would put the
// console back in the licence bug and the cycle could never verify.
const PURGE_AFTER_MS = 1500;
const OPERATION_MS = 400;
// Graph holds every licence write and restart this long before doing it: that is the "during removal" window.
const WRITE_LATENCY_MS = 300;
/**
 * Between a notice reaching Teams and the bot recording it there is one store write: a repeat is excused only when
 * the bot died that soon after the first delivery (generous, for slow machines).
 */
const AT_LEAST_ONCE_WINDOW_MS = 1000;

type Phase =
  | 'before-confirm'
  | 'during-removal'
  | 'during-wait'
  | 'at-window-open'
  | 'during-reassign'
  | 'during-verify';
const PHASES: readonly Phase[] = [
  'before-confirm',
  'during-removal',
  'during-wait',
  'at-window-open',
  'during-reassign',
  'during-verify',
];
/** Upper bound of the random delay between a phase being seen and the kill, per phase. */
const JITTER_MS: Record<Phase, number> = {
  'before-confirm': 400,
  // Past the write latency: some kills land after Graph answered, before the bot recorded the answer.
  'during-removal': WRITE_LATENCY_MS + 150,
  'during-wait': 1000,
  'at-window-open': 400,
  'during-reassign': WRITE_LATENCY_MS + 150,
  'during-verify': 800,
};

function phasesOf(plan: RoomPlan): readonly Phase[] {
  return plan.kind === 'licence-cycle' ? PHASES : ['before-confirm', 'during-removal', 'during-verify'];
}

/** Where a case is in its cycle; undefined once it is closed. */
function phaseOf(c: RepairCase | undefined, now: number): Phase | undefined {
  if (!c) return 'before-confirm';
  switch (c.state) {
    case 'diagnosed':
    case 'awaiting-confirmation':
      return 'before-confirm';
    case 'removing':
      return 'during-removal';
    case 'waiting':
      return Math.abs(Date.parse(c.windowOpensAt ?? '') - now) <= 500 ? 'at-window-open' : 'during-wait';
    case 'window-open':
      return 'at-window-open';
    case 'reassigning':
      return 'during-reassign';
    case 'verifying':
      return 'during-verify';
    default:
      return undefined;
  }
}

/** A small seeded generator (32-bit state, murmur-style output mix), so a failing run can be replayed. */
class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

function readSeed(): number {
  const raw = process.env.CRASH_SEED;
  if (raw === undefined || raw === '') return (Date.now() ^ (process.pid << 16)) >>> 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw new Error(`CRASH_SEED="${raw}" must be a whole number between 0 and ${0xffffffff}`);
  return n;
}

function readRunTarget(): number {
  const raw = process.env.CRASH_RUNS;
  const n = raw ? Number(raw) : 50;
  if (!Number.isInteger(n) || n < 1) throw new Error(`CRASH_RUNS="${raw}" must be a positive whole number`);
  return n;
}

/**
 * The bot under test, restarted after every kill on the same data folder. Drivers ask it for the URL of the
 * process currently up and wait while it is down.
 */
class RestartingBot {
  private current: BotProcess | undefined;
  private next = RestartingBot.deferred();
  private readonly all: BotProcess[] = [];

  constructor(private readonly env: Record<string, string>) {}

  private static deferred() {
    let resolve: (bot: BotProcess) => void = () => undefined;
    let reject: (err: unknown) => void = () => undefined;
    const promise = new Promise<BotProcess>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be waiting when a start fails; the caller of start() gets the error.
    promise.catch(() => undefined);
    return { promise, resolve, reject };
  }

  async start(): Promise<BotProcess> {
    const waiting = this.next;
    try {
      const bot = await BotProcess.start({ env: this.env, name: `bot #${this.all.length + 1}` });
      this.all.push(bot);
      this.current = bot;
      waiting.resolve(bot);
      return bot;
    } catch (err) {
      waiting.reject(err);
      throw err;
    }
  }

  /** The running bot's URL, waiting for a restart in progress. */
  async url(): Promise<string> {
    return (this.current ?? (await this.next.promise)).url;
  }

  async kill(): Promise<void> {
    const bot = this.current;
    this.current = undefined;
    this.next = RestartingBot.deferred();
    if (bot) await bot.kill();
  }

  async stopAll(): Promise<void> {
    this.current = undefined;
    this.next.reject(new Error('the bot was stopped'));
    for (const bot of this.all) await bot.stop().catch(() => bot.kill());
  }

  /** Log lines of every process that match `pattern`. */
  logged(pattern: RegExp): string[] {
    return this.all.flatMap((bot) =>
      bot
        .output()
        .split('\n')
        .filter((line) => pattern.test(line))
        .map((line) => `[${bot.name}] ${line.slice(0, 400)}`),
    );
  }

  /** Warnings and errors every process logged (minus the local-mode start-up warnings), for failure messages. */
  problems(limit = 40): string {
    return this.logged(/"level":(40|50|60)/)
      .filter((line) => !/LOCAL MODE|ALLOWED_TENANT_IDS is empty/.test(line))
      .slice(-limit)
      .join('\n');
  }
}

/** Emulator, fake connector, a data folder, a reader of the bot's SQLite file and the bot itself. */
class Rig {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-crash-'));
  readonly connector = new FakeConnector();
  readonly driver = new TeamsDriver(this.connector);
  emulator!: RunningEmulator;
  bot!: RestartingBot;
  private reader: SqliteStore | undefined;
  stopped = false;

  async start(): Promise<void> {
    this.emulator = await startEmulator({
      port: 0,
      purgeAfterMs: PURGE_AFTER_MS,
      operationDurationMs: OPERATION_MS,
    });
    this.addWriteLatency();
    await this.connector.start();
    this.bot = new RestartingBot({
      GRAPH_BASE_URL: this.emulator.url,
      GRAPH_MAX_RETRIES: '2',
      DATA_DIR: this.dataDir,
      HELPDESK_GROUP_ID: DEMO_HELPDESK_GROUP,
      LOG_LEVEL: 'info',
      LICENCE_WAIT_MIN: `PT${PURGE_AFTER_MS / 1000}S`,
      LICENCE_WAIT_MAX: 'PT5M',
      VERIFY_POLL_INTERVAL: 'PT0.25S',
      VERIFY_TIMEOUT: 'PT5M',
      SCHEDULER_POLL_INTERVAL: 'PT0.1S',
      // About as long as a restart of the bot takes, so a dead process's leases have lapsed when the next one
      // polls; still well above the longest job here (under a second), which must not outlive its lease.
      SCHEDULER_LEASE: 'PT3S',
      SHUTDOWN_GRACE: 'PT2S',
    });
    await this.bot.start();
  }

  addWriteLatency(): void {
    this.emulator.faults.add({ path: '/assignLicense$', method: 'POST', latencyMs: WRITE_LATENCY_MS });
    this.emulator.faults.add({ path: '/restart$', method: 'POST', latencyMs: WRITE_LATENCY_MS });
  }

  /** The bot's store, opened in this process after the bot created it. */
  store(): SqliteStore {
    this.reader ??= SqliteStore.open({ file: join(this.dataDir, 'helpdesk.sqlite') });
    return this.reader;
  }

  licences(account: string): Promise<string[]> {
    return licencesOf(this.emulator.url, account);
  }

  /** Waits until Graph has answered every request the killed process had sent (the emulator still runs them). */
  async settleGraph(): Promise<void> {
    await until(
      'Graph requests of the killed bot to finish',
      () => (this.emulator.requests().some((e) => e.status === 0) ? undefined : true),
      5_000,
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.bot?.stopAll();
    await this.reader?.close();
    await this.connector.stop();
    await this.emulator?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Stops a driver or the killer once the test is over or the round has taken far too long. */
function going(rig: Rig, deadline: number, what: string): void {
  if (rig.stopped) throw new Error(`${what}: the test stopped`);
  if (Date.now() > deadline) throw new Error(`${what} at the round's deadline`);
}

/** Where one room's repair is, as far as the person driving it knows. */
interface RoomRun {
  plan: RoomPlan;
  conversationId: string;
  started: boolean;
  caseId?: string;
  done: boolean;
}

/**
 * Plays the helpdesk person for one room: diagnosis, repair button, (usage location), confirm after a pause,
 * reassign when the window opens. Every step is retried against whichever bot process is up.
 */
async function driveRoom(
  rig: Rig,
  run: RoomRun,
  delays: { startMs: number; confirmMs: number },
  deadline: number,
): Promise<void> {
  const { driver } = rig;
  const { plan, conversationId } = run;
  const store = rig.store();
  await sleep(delays.startMs);
  run.started = true;

  let cardMessageId: string | undefined;
  let startData: Record<string, unknown> | undefined;
  while (!startData) {
    going(rig, deadline, `${plan.label}: no diagnosis card`);
    try {
      const { id } = await driver.say(
        await rig.bot.url(),
        conversationId,
        `room ${plan.label} stuck on licence`,
      );
      const reply = await until(
        'the diagnosis card',
        () => driver.replyOffering(conversationId, id, START_REPAIR),
        5_000,
      );
      cardMessageId = reply.assignedId;
      startData = cardActions(cardOf(reply)).get(START_REPAIR);
    } catch {
      await sleep(100); // the bot died under us: ask again once it is back
    }
  }
  const replyToId = cardMessageId ?? '';

  const click = async (verb: string, data: Record<string, unknown>) =>
    driver.click(await rig.bot.url(), conversationId, verb, data, replyToId);

  while (!run.caseId) {
    going(rig, deadline, `${plan.label}: no case opened`);
    try {
      const answer = await click(START_REPAIR, startData);
      const usage = cardActions(answer.card).get(SET_USAGE_LOCATION);
      if (usage) await click(SET_USAGE_LOCATION, usage);
    } catch {
      await sleep(100);
    }
    run.caseId = (await store.findOpenCaseForRoom(plan.roomId))?.id;
  }

  const confirmAfter = Date.now() + delays.confirmMs;
  // A person acts on the card they see: if it is stale, the answer carries the current one, acted on right away.
  const decide = async (verb: string, c: RepairCase): Promise<void> => {
    try {
      const answer = await click(verb, { caseId: c.id, version: c.version });
      const fresh = cardActions(answer.card).get(verb);
      if (fresh && fresh.version !== c.version) await click(verb, fresh);
    } catch {
      // The bot died mid-click: the next look at the case tells whether the decision was stored.
    }
  };
  for (;;) {
    const c = await store.getCase(run.caseId);
    if (!c) throw new Error(`${plan.label}: case ${run.caseId} vanished`);
    if (!isOpen(c.state)) break;
    going(rig, deadline, `${plan.label}: case ${c.number} still ${c.state}`);
    if (c.state === 'awaiting-confirmation' && Date.now() >= confirmAfter) await decide('case.confirm', c);
    else if (c.state === 'window-open') await decide('case.reassign', c);
    else await sleep(50);
  }
  run.done = true;
}

interface KillRecord {
  round: number;
  target: Phase;
  at: number;
  /** Each room in progress when the bot died, and where its case was. */
  hit: { room: string; case?: number; state: string; phase: Phase }[];
}

interface Findings {
  violations: string[];
  duplicates: string[];
  runs: { round: number; room: string; phase: Phase }[];
  kills: KillRecord[];
}

/** Looks at the store and Graph while the bot is dead: what a crash may have left behind. */
async function checkAfterKill(
  rig: Rig,
  runs: readonly RoomRun[],
  label: string,
  findings: Findings,
): Promise<void> {
  const store = rig.store();
  for (const run of runs) {
    if (!run.started) continue;
    const held = await rig.licences(run.plan.account);
    const c = run.caseId ? await store.getCase(run.caseId) : await store.findOpenCaseForRoom(run.plan.roomId);
    const jobs = c ? await store.listJobs(c.id) : [];
    const forward = jobs.filter(
      (j) =>
        j.kind.startsWith('timer:') ||
        j.kind === 'effect:remove-licences' ||
        j.kind === 'effect:assign-licence',
    );
    if (!held.includes(run.plan.roomsSku)) {
      if (!c || !isOpen(c.state))
        findings.violations.push(`${label}: ${run.plan.label} has no licence and no open case`);
      else if (forward.length === 0)
        findings.violations.push(
          `${label}: ${run.plan.label} (case ${c.number}, ${c.state}) has no licence and nothing pending: ${jobs.map((j) => j.kind).join(', ') || 'no job'}`,
        );
    }
    // A case nobody has to act on must have something pending, or it is stuck for good.
    if (
      c &&
      isOpen(c.state) &&
      c.state !== 'awaiting-confirmation' &&
      c.state !== 'diagnosed' &&
      jobs.length === 0
    )
      findings.violations.push(
        `${label}: ${run.plan.label} case ${c.number} is ${c.state} with no pending job`,
      );
  }
}

/** Status and time of each request relative to the kills ("202 at kill 3 + 180 ms"), to tell which crash caused it. */
function whenSent(requests: readonly RequestLogEntry[], kills: readonly KillRecord[]): string {
  return requests
    .map((e) => {
      const before = kills.filter((k) => k.at <= e.at);
      const last = before[before.length - 1];
      return `${e.status} ${last ? `at kill ${kills.indexOf(last) + 1} + ${e.at - last.at} ms` : 'before any kill'}`;
    })
    .join(', ');
}

/** After a round: every case resolved, each Graph write once, every implied notice delivered. */
async function checkRound(
  rig: Rig,
  round: number,
  runs: readonly RoomRun[],
  findings: Findings,
): Promise<void> {
  const store = rig.store();
  const log = rig.emulator.requests();
  for (const run of runs) {
    const where = `round ${round}, ${run.plan.label}`;
    const c = run.caseId ? await store.getCase(run.caseId) : undefined;
    if (!c) {
      findings.violations.push(`${where}: no case`);
      continue;
    }
    const trail = c.history.map((h) => `${h.action}/${h.result}`).join(' > ');
    if (c.state !== 'resolved')
      findings.violations.push(`${where}: case ${c.number} ended ${c.state} (${trail})`);
    const held = await rig.licences(run.plan.account);
    if (!held.includes(run.plan.roomsSku))
      findings.violations.push(
        `${where}: the room ended without its licence (holds ${held.join(', ') || 'none'})`,
      );
    if (run.plan.removedSku && held.includes(run.plan.removedSku))
      findings.violations.push(`${where}: the user licence is still on the room account`);

    const writes = log.filter(isLicenceWrite(run.plan));
    if (writes.length !== run.plan.licenceWrites)
      findings.violations.push(
        `${where}: ${writes.length} assignLicense calls, expected ${run.plan.licenceWrites} (${whenSent(writes, findings.kills)}); history ${trail}`,
      );
    const restarts = log.filter(isRestart(run.plan));
    if (restarts.length !== 1)
      findings.violations.push(
        `${where}: the console was asked to restart ${restarts.length} times (${whenSent(restarts, findings.kills)}); history ${trail}`,
      );

    const texts = rig.driver.threadTexts(run.conversationId);
    const tally = tallyNotices(c, texts);
    for (const kind of tally.missing) findings.violations.push(`${where}: notice "${kind}" never arrived`);
    for (const text of tally.unexpected)
      findings.violations.push(
        `${where}: notice ${text} arrived but the history does not imply it (${trail})`,
      );
    for (const d of tally.duplicates) {
      // At-least-once delivery repeats a notice only when the process died after sending it and before recording
      // that it did: a kill must fall between the deliveries, right after the first one.
      const deliveries = rig.connector.calls
        .filter((call) => call.conversationId === run.conversationId && typeof call.body.text === 'string')
        .filter((call) => classifyThreadNotice(String(call.body.text), c.number) === d.kind)
        .map((call) => call.at);
      const first = Math.min(...deliveries);
      const last = Math.max(...deliveries);
      const kill = findings.kills.find((k) => k.at >= first && k.at <= last);
      const note = `${where}: notice "${d.kind}" delivered ${d.extra + 1} times`;
      if (kill && kill.at - first <= AT_LEAST_ONCE_WINDOW_MS)
        findings.duplicates.push(
          `${note}; the bot was killed ${kill.at - first} ms after the first delivery`,
        );
      else
        findings.violations.push(
          `${note}; ${kill ? `the only kill in between came ${kill.at - first} ms after the first delivery` : 'no kill in between'}`,
        );
    }
  }
}

describe('crash safety: kill -9 during the licence repair cycle (SQLite, real processes)', function () {
  this.timeout(300_000);
  let rig: Rig | undefined;

  beforeEach(async () => {
    rig = new Rig();
    await rig.start();
  });
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it('does not restart the console a second time when the bot died after asking Graph to', async () => {
    const r = rig as Rig;
    // Room 2C is the shortest repair: removal, then the restart at once. Graph holds the restart long enough to kill.
    r.emulator.faults.add({ path: '/restart$', method: 'POST', latencyMs: 1500 });
    const plan = roomPlan('2C');
    const run: RoomRun = { plan, conversationId: channelThread('restart'), started: false, done: false };
    const deadline = Date.now() + 60_000;
    const driving = driveRoom(r, run, { startMs: 0, confirmMs: 0 }, deadline);
    driving.catch(() => undefined);
    await untilExplained(
      'the restart request to reach Graph',
      () => (r.emulator.requests().some((e) => isRestart(plan)(e) && e.status === 0) ? true : undefined),
      30_000,
      () => r.bot.problems(),
    );
    await r.bot.kill();
    await r.settleGraph();
    await r.bot.start();
    await driving;
    await r.settleGraph();

    const restarts = r.emulator.requests().filter(isRestart(plan));
    const store = r.store();
    const c = await store.getCase(run.caseId ?? '');
    assert.equal(
      restarts.length,
      1,
      `Graph was asked to restart the console ${restarts.length} times (statuses ${restarts.map((e) => e.status).join(', ')}): ` +
        `the restart effect does not look at the device's operations before asking again. History: ${c?.history.map((h) => h.action).join(' > ')}`,
    );
  });

  it('answers the Teams retry of a message the killed bot never answered', async () => {
    const r = rig as Rig;
    // The diagnosis reads Graph in one $batch: hold it so the bot is mid-turn when it dies.
    r.emulator.faults.add({ path: '^/v1\\.0/\\$batch$', method: 'POST', latencyMs: 3000, count: 1 });
    const conversationId = channelThread('retry');
    const message = channelMessage(conversationId, 'room 4B stuck on licence');
    const first = r.driver.post(await r.bot.url(), message);
    first.catch(() => undefined); // the bot dies before answering
    await untilExplained(
      'the diagnosis to reach Graph',
      () =>
        r.emulator.requests().some((e) => e.path === '/v1.0/$batch' && e.status === 0) ? true : undefined,
      20_000,
      () => r.bot.problems(),
    );
    await r.bot.kill();
    await r.settleGraph();
    await r.bot.start();

    // Teams got no answer, so it delivers the same activity (same id) again.
    const retry = await r.driver.post(await r.bot.url(), message);
    assert.equal(retry.status, 200);
    await untilExplained(
      'the diagnosis card in answer to the retried message',
      () => r.driver.replyOffering(conversationId, message.id ?? '', START_REPAIR),
      // The answer to a message goes out within its turn, which the retry's HTTP answer waited for.
      5_000,
      () =>
        `The connector saw ${r.connector.calls.filter((c) => c.conversationId === conversationId).length} calls in the thread. ` +
        `The restarted bot logged: ${r.bot.logged(/duplicate activity/).join('\n') || 'nothing about a duplicate'}`,
    );
  });

  it('keeps every room licensed or scheduled, writes to Graph once and loses no notice', async () => {
    const r = rig as Rig;
    const seed = readSeed();
    const target = readRunTarget();
    console.log(`crash-safety seed ${seed} (replay with CRASH_SEED=${seed})`);
    const rng = new Prng(seed);
    const findings: Findings = { violations: [], duplicates: [], runs: [], kills: [] };
    const killsPerRound = 5;
    const maxRounds = 8;

    for (let round = 1; round <= maxRounds && findings.runs.length < target; round++) {
      if (round > 1) {
        // Fresh tenant (licences, operations, request log) for the same rooms; the bot and its store carry on.
        r.emulator.reset();
        r.addWriteLatency();
      }
      const runs: RoomRun[] = REPAIRABLE_ROOMS.map((plan) => ({
        plan,
        conversationId: channelThread(`crash${round}${plan.label}`),
        started: false,
        done: false,
      }));
      const deadline = Date.now() + 90_000;
      // Drawn up front, in a fixed order, so the seed decides them whatever the processes' timing.
      const delays = runs.map(() => ({ startMs: rng.int(0, 1500), confirmMs: rng.int(0, 1500) }));
      const driving = runs.map((run, i) =>
        driveRoom(r, run, delays[i] ?? { startMs: 0, confirmMs: 0 }, deadline),
      );
      const allDriven = Promise.allSettled(driving);

      for (let k = 0; k < killsPerRound; k++) {
        let killed = false;
        try {
          killed = await killOnce(r, rng, round, runs, findings, deadline);
        } catch (err) {
          findings.violations.push(`round ${round}: ${(err as Error).message}`);
        }
        if (!killed) break;
      }
      const outcomes = await allDriven;
      outcomes.forEach((o, i) => {
        if (o.status === 'rejected')
          findings.violations.push(
            `round ${round}: ${(o.reason as Error).message} (room ${runs[i]?.plan.label})`,
          );
      });
      await drainJobs(r, runs, findings, round);
      await checkRound(r, round, runs, findings);
      if (findings.violations.length > 0 && outcomes.some((o) => o.status === 'rejected')) break;
    }

    const count = (items: readonly { phase: Phase }[]): string =>
      PHASES.map((p) => `${p} ${items.filter((x) => x.phase === p).length}`).join(', ');
    const summary =
      `seed ${seed}: ${findings.kills.length} kills aimed at ${count(findings.kills.map((k) => ({ phase: k.target })))}; ` +
      `${findings.runs.length} runs, by where each case was when the bot died: ${count(findings.runs)}; ` +
      `${findings.duplicates.length} duplicate notices${findings.duplicates.length ? `: ${findings.duplicates.join('; ')}` : ''}`;
    if (process.env.CRASH_REPORT)
      writeFileSync(process.env.CRASH_REPORT, JSON.stringify({ seed, summary, ...findings }, null, 2));
    assert.deepEqual(
      findings.violations,
      [],
      `${summary}\n\nWhat went wrong:\n- ${findings.violations.join('\n- ')}\n\nBot warnings and errors:\n${r.bot.problems()}`,
    );
    assert.ok(findings.runs.length >= target, `only ${findings.runs.length} runs of ${target}: ${summary}`);
  });
});

/** Picks a phase some room can still reach, waits for it, kills the bot, checks, restarts. False: nothing left. */
async function killOnce(
  rig: Rig,
  rng: Prng,
  round: number,
  runs: readonly RoomRun[],
  findings: Findings,
  deadline: number,
): Promise<boolean> {
  const store = rig.store();
  const snapshot = async () => {
    const now = Date.now();
    const cases = await Promise.all(
      runs.map(async (run) => (run.caseId ? store.getCase(run.caseId) : undefined)),
    );
    return { now, cases, inflight: rig.emulator.requests().filter((e) => e.status === 0) };
  };
  const reachable = (snap: Awaited<ReturnType<typeof snapshot>>): Phase[] =>
    PHASES.filter((phase) =>
      runs.some((run, i) => {
        if (run.done || !phasesOf(run.plan).includes(phase)) return false;
        const at = phaseOf(snap.cases[i], snap.now);
        return at !== undefined && PHASES.indexOf(at) <= PHASES.indexOf(phase);
      }),
    );

  let snap = await snapshot();
  let choices = reachable(snap);
  if (choices.length === 0) return false;
  // The least targeted reachable phases first, so the kills spread over the whole cycle.
  const fewest = Math.min(...choices.map((p) => findings.kills.filter((k) => k.target === p).length));
  const phase = rng.pick(
    choices.filter((p) => findings.kills.filter((k) => k.target === p).length === fewest),
  );
  const jitter = rng.int(0, JITTER_MS[phase]);

  // When to kill, once a room is in the chosen phase.
  const killAt = (s: typeof snap): number | undefined => {
    for (const [i, run] of runs.entries()) {
      const c = s.cases[i];
      if (!run.started || run.done || (c && !isOpen(c.state))) continue;
      const opensAt = Date.parse(c?.windowOpensAt ?? '');
      const inflightWrite = s.inflight.some((e) => isLicenceWrite(run.plan)(e));
      switch (phase) {
        case 'before-confirm':
          if (!c || c.state === 'awaiting-confirmation') return s.now + jitter;
          break;
        case 'during-removal':
          if (c?.state === 'removing' || (c?.state === 'awaiting-confirmation' && inflightWrite))
            return s.now + jitter;
          break;
        case 'during-wait':
          if (c?.state === 'waiting' && opensAt - s.now > 600)
            return s.now + Math.min(jitter, opensAt - s.now - 500);
          break;
        case 'at-window-open':
          if (c?.state === 'waiting' && opensAt - s.now <= 600) return opensAt + jitter - 150;
          if (c?.state === 'window-open') return s.now + Math.min(jitter, 100);
          break;
        case 'during-reassign':
          if (c?.state === 'reassigning') return s.now + jitter;
          break;
        case 'during-verify':
          if (c?.state === 'verifying' || s.inflight.some((e) => isRestart(run.plan)(e)))
            return s.now + jitter;
          break;
      }
    }
    return undefined;
  };

  let at: number | undefined;
  for (;;) {
    at = killAt(snap);
    if (at !== undefined) break;
    choices = reachable(snap);
    if (!choices.includes(phase)) return choices.length > 0;
    going(rig, deadline, `no room reached ${phase}`);
    await sleep(15);
    snap = await snapshot();
  }
  await sleep(at - Date.now());

  await rig.bot.kill();
  const killedAt = Date.now();
  await rig.settleGraph();
  const record: KillRecord = { round, target: phase, at: killedAt, hit: [] };
  for (const run of runs) {
    if (!run.started || run.done) continue;
    const c = run.caseId ? await store.getCase(run.caseId) : await store.findOpenCaseForRoom(run.plan.roomId);
    if (c && !isOpen(c.state)) continue;
    const p = phaseOf(c, killedAt) ?? 'before-confirm';
    record.hit.push({
      room: run.plan.label,
      ...(c ? { case: c.number } : {}),
      state: c?.state ?? 'no case yet',
      phase: p,
    });
    findings.runs.push({ round, room: run.plan.label, phase: p });
  }
  findings.kills.push(record);
  await checkAfterKill(rig, runs, `round ${round}, kill ${findings.kills.length} (${phase})`, findings);
  await rig.bot.start();
  return true;
}

/** Waits until the cases of a round have no job left (card updates and notices after the last transition). */
async function drainJobs(
  rig: Rig,
  runs: readonly RoomRun[],
  findings: Findings,
  round: number,
): Promise<void> {
  const store = rig.store();
  const pending = async (): Promise<string[]> => {
    const left: string[] = [];
    for (const run of runs) {
      if (!run.caseId) continue;
      for (const job of await store.listJobs(run.caseId))
        left.push(
          `${run.plan.label}: ${job.kind} (attempts ${job.attempts}${job.lastError ? `, ${job.lastError}` : ''})`,
        );
    }
    return left;
  };
  try {
    await untilExplained(
      'the last jobs to run',
      async () => ((await pending()).length === 0 ? true : undefined),
      30_000,
      async () => (await pending()).join('; '),
    );
  } catch (err) {
    findings.violations.push(`round ${round}: ${(err as Error).message}`);
  }
}
