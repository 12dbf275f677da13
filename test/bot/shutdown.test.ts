import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../bot/store';
import type { Job } from '../../bot/store/store';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { room4bCase } from './cases/fixtures';
import { DEMO_HELPDESK_GROUP, loadActivity, startHarness } from '../support/bot-harness';
import { BotProcess } from '../support/bot-process';
import { FakeConnector, cardOf } from '../support/fake-connector';
import { FakeIngestion } from '../support/fake-ingestion';
import { TeamsDriver, channelMessage, channelThread } from '../support/teams-driver';
import { until } from '../support/until';

describe('draining on shutdown', function () {
  this.timeout(30_000);

  it('answers 503 to probes and new activities while the turn in flight finishes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-drain-'));
    const h = await startHarness({ dataDir });
    let stopping: Promise<void> | undefined;
    try {
      h.emulator.faults.add({ path: '.*', latencyMs: 500 });
      h.emulator.clearRequests();
      const t0 = Date.now();
      const pending = h.say('<at>Helpdesk Bot</at> room 4A licence');
      await until('a Graph request of the turn', () => (h.emulator.requests().length > 0 ? true : undefined));
      stopping = h.bot.stop();

      const health = await fetch(`${h.bot.url}/healthz`);
      assert.equal(health.status, 503);
      assert.equal(((await health.json()) as { status: string }).status, 'draining');
      const late = await fetch(`${h.bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...loadActivity('channel-message'), id: `late-${t0}`, text: 'help' }),
      });
      assert.equal(late.status, 503, 'a new activity is refused');
      assert.equal(late.headers.get('retry-after'), '5', 'with a hint to come back');

      const res = await pending;
      assert.equal(res.status, 200, 'the turn in flight completes');
      assert.ok(
        h.connector.calls.some((c) => c.at >= t0 && cardOf(c) !== undefined),
        'its reply was delivered',
      );
      await stopping;
      await assert.rejects(fetch(`${h.bot.url}/healthz`), 'the listener is closed once drained');
    } finally {
      await (stopping ?? h.bot.stop());
      await h.connector.stop();
      await h.emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** Room accounts of the seeded timers: their Graph reads hang, so the jobs that start them stay running. */
const HUNG_ACCOUNT_PREFIX = 'sigterm-room-';
/** More timers than the scheduler's workers (8): some are claimed and wait in its queue. */
const SEEDED_TIMERS = 12;

describe('SIGTERM', function () {
  this.timeout(90_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-sigterm-'));
  const file = join(dataDir, 'helpdesk.sqlite');
  const connector = new FakeConnector();
  const driver = new TeamsDriver(connector);
  const ingestion = new FakeIngestion();
  let emulator: RunningEmulator | undefined;
  let bot: BotProcess | undefined;
  let reader: SqliteStore | undefined;

  after(async () => {
    await bot?.kill();
    await reader?.close();
    await connector.stop();
    await ingestion.stop();
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the turn in flight finish, releases timer leases, flushes telemetry and exits 0', async () => {
    emulator = await startEmulator({ port: 0 });
    emulator.faults.add({ path: `^/v1\\.0/users/${HUNG_ACCOUNT_PREFIX}`, hang: true });
    await connector.start();
    await ingestion.start();

    // Due timers of open cases, as a bot that was down would find them.
    const seed = SqliteStore.open({ file });
    const now = new Date();
    const caseIds: string[] = [];
    for (let i = 1; i <= SEEDED_TIMERS; i++) {
      const c = room4bCase(
        {
          id: `sigterm-case-${i}`,
          number: 900 + i,
          roomId: `sigterm-room-${i}`,
          roomName: `Room S${i}`,
          account: `${HUNG_ACCOUNT_PREFIX}${i}@contoso.com`,
          teamsDeviceId: undefined,
        },
        now,
      );
      caseIds.push(c.id);
      const dueAt = now.toISOString();
      await seed.createCase(c, [
        {
          id: `${c.id}:verify-poll`,
          caseId: c.id,
          kind: 'timer:verify-poll',
          payload: { kind: 'schedule', timer: 'verify-poll', dueAt },
          dueAt,
        },
      ]);
    }
    await seed.close();

    bot = await BotProcess.start({
      name: 'bot (SIGTERM)',
      env: {
        GRAPH_BASE_URL: emulator.url,
        DATA_DIR: dataDir,
        HELPDESK_GROUP_ID: DEMO_HELPDESK_GROUP,
        LOG_LEVEL: 'info',
        SCHEDULER_POLL_INTERVAL: 'PT0.1S',
        SCHEDULER_LEASE: 'PT10M',
        // The hung timers give up after this; the shutdown waits for them, well within BotProcess's 15 s.
        GRAPH_TIMEOUT: 'PT8S',
        SHUTDOWN_GRACE: 'PT30S',
        INSTANCE_ID: 'instance-a',
        APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
        // The exporter's own health reports go to Microsoft unless this is set: nothing leaves this machine.
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      },
    });
    reader = SqliteStore.open({ file });
    const store = reader;
    const jobs = async (): Promise<Job[]> =>
      (await Promise.all(caseIds.map((id) => store.listJobs(id)))).flat();
    await until('the bot to claim every seeded timer', async () =>
      (await jobs()).every((j) => j.leaseOwner === 'instance-a') ? true : undefined,
    );

    // A slow turn: Graph takes 1.5 s per request of the diagnosis.
    emulator.faults.add({ path: '^/v1\\.0/users/(?!sigterm-)', latencyMs: 1500 });
    emulator.clearRequests();
    const thread = channelThread('sigterm');
    const activity = channelMessage(thread, '<at>Helpdesk Bot</at> room 4A licence');
    const t0 = Date.now();
    let answered = false;
    const pending = driver.post(bot.url, activity).finally(() => (answered = true));
    await until('a Graph request of the turn', () =>
      emulator?.requests().some((r) => !r.path.includes(HUNG_ACCOUNT_PREFIX)) ? true : undefined,
    );
    assert.equal(answered, false, 'the turn is still in flight at SIGTERM');
    await bot.stop();

    assert.deepEqual(bot.exit, { code: 0, signal: null }, `exit; output:\n${bot.output().slice(-3000)}`);
    const answer = await pending;
    assert.equal(answer.status, 200, 'the turn in flight completed');
    assert.ok(
      connector.calls.some((c) => c.at >= t0 && c.conversationId === thread && cardOf(c) !== undefined),
      'its reply reached Teams',
    );

    // Every lease is given back: nothing waits for a lease to expire.
    const after = await jobs();
    assert.equal(after.length, SEEDED_TIMERS);
    for (const job of after) assert.equal(job.leaseOwner, undefined, `${job.id} is not leased any more`);
    const unstarted = after.filter((j) => j.attempts === 0);
    const ran = after.filter((j) => j.attempts > 0);
    assert.ok(unstarted.length > 0, 'some timers were claimed but not started');
    for (const job of ran)
      assert.match(
        job.lastError ?? '',
        /timeout/i,
        `${job.id}, running at SIGTERM, ended and was rescheduled`,
      );
    const claimed = await store.claimDueJobs(new Date(), 'instance-b', 60_000, 100);
    const claimedIds = new Set(claimed.map((j) => j.id));
    for (const job of unstarted)
      assert.ok(claimedIds.has(job.id), `${job.id} is claimable right away by another instance`);

    // Structured logs: one JSON object per line, the turn's lines carry its id.
    const lines = bot
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(
      lines.some((l) => l.msg === 'message' && l.correlationId === activity.id),
      'the turn is logged with its correlation id',
    );
    assert.ok(lines.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM'));
    assert.ok(lines.some((l) => l.msg === 'bot stopped'));

    // The turn's span was exported on the way out.
    assert.ok(
      ingestion
        .requests()
        .some((r) => r.data?.baseData?.properties?.['helpdesk.correlation_id'] === activity.id),
      'the turn was exported to Application Insights before exiting',
    );
  });
});
