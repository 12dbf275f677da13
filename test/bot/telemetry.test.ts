import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator } from '../../emulator';
import { loadActivity, startHarness, type Harness } from '../support/bot-harness';
import { FakeIngestion, type Envelope } from '../support/fake-ingestion';
import { cardOf } from '../support/fake-connector';

const REPO_ROOT = join(__dirname, '..', '..');
const STATSBEAT_OFF = 'APPLICATION_INSIGHTS_NO_STATSBEAT';

function props(e: Envelope): Record<string, string> {
  return e.data?.baseData?.properties ?? {};
}

function requestOf(ingestion: FakeIngestion, correlationId: string): Envelope {
  const found = ingestion.requests().filter((e) => props(e)['helpdesk.correlation_id'] === correlationId);
  assert.equal(found.length, 1, `one request for turn ${correlationId}; got ${JSON.stringify(found)}`);
  return found[0] as Envelope;
}

/** Graph calls made during the turn whose request is `request`: same operation, the request as parent. */
function graphCallsOf(ingestion: FakeIngestion, request: Envelope): Envelope[] {
  return ingestion
    .dependencies()
    .filter(
      (d) =>
        d.tags?.['ai.operation.id'] === request.tags?.['ai.operation.id'] &&
        d.tags?.['ai.operation.parentId'] === request.data?.baseData?.id,
    );
}

describe('telemetry to Application Insights', function () {
  this.timeout(60_000);
  const ingestion = new FakeIngestion();
  let h: Harness | undefined;
  let statsbeat: string | undefined;

  before(async () => {
    // Unless told not to, the exporter also reports its own health to Microsoft's endpoints ("statsbeat"), and it
    // reads that switch from the environment only: nothing may leave this machine during tests.
    statsbeat = process.env[STATSBEAT_OFF];
    process.env[STATSBEAT_OFF] = 'true';
    await ingestion.start();
  });
  after(async () => {
    await h?.stop();
    await ingestion.stop();
    if (statsbeat === undefined) delete process.env[STATSBEAT_OFF];
    else process.env[STATSBEAT_OFF] = statsbeat;
  });

  it('exports each turn as a request with its correlation id, intent and outcome, with its Graph calls', async () => {
    h = await startHarness({ env: { APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString } });
    const harness = h;
    const say = async (id: string, text: string): Promise<void> => {
      const t0 = Date.now();
      const res = await harness.post({ ...loadActivity('channel-message'), id, text });
      assert.equal(res.status, 200);
      await harness.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined);
    };
    const okId = `telemetry-ok-${Date.now()}`;
    await say(okId, '<at>Helpdesk Bot</at> room 4B stuck on licence');
    harness.emulator.faults.add({
      path: '^/v1\\.0/users/[^/]+$',
      status: 403,
      graphCode: 'Authorization_RequestDenied',
    });
    const deniedId = `telemetry-denied-${Date.now()}`;
    await say(deniedId, '<at>Helpdesk Bot</at> room 4B stuck on licence');

    // Spans are exported in batches: stopping the bot sends what is left.
    await harness.stop();
    h = undefined;
    assert.ok(
      ingestion.paths.every((p) => p.includes('/track')),
      `ingestion paths: ${ingestion.paths.join()}`,
    );

    const ok = requestOf(ingestion, okId);
    const intent = props(ok)['helpdesk.intent'];
    assert.ok(intent, 'the intent is recorded');
    assert.equal(ok.data?.baseData?.name, `turn message ${intent}`);
    assert.equal(props(ok)['helpdesk.outcome'], 'ok');
    assert.equal(props(ok)['helpdesk.activity_type'], 'message');
    assert.equal(ok.data?.baseData?.success, true);
    assert.equal(ok.data?.baseData?.responseCode, '200');
    assert.equal(ok.tags?.['ai.cloud.role'], 'helpdesk-bot');

    const calls = graphCallsOf(ingestion, ok);
    assert.ok(calls.length >= 2, `the diagnosis's Graph calls are children of the turn: ${calls.length}`);
    for (const call of calls) {
      const data = call.data?.baseData?.data;
      assert.ok(typeof data === 'string', 'the dependency has its URL');
      assert.match(data, /^http:\/\/127\.0\.0\.1:\d+\/(v1\.0|beta)\//, 'the Graph URL is kept');
      assert.doesNotMatch(data, /[?@]|%40/, 'without query strings or user principal names');
      assert.equal(call.data?.baseData?.type, 'Http');
    }

    const denied = requestOf(ingestion, deniedId);
    assert.equal(props(denied)['helpdesk.outcome'], 'graph.forbidden');
    assert.equal(denied.data?.baseData?.success, false, 'a turn Graph refused is a failed request');
    assert.notEqual(
      denied.tags?.['ai.operation.id'],
      ok.tags?.['ai.operation.id'],
      'each turn is its own operation',
    );
  });

  it('loads none of it without a connection string', async function () {
    const emulator = await startEmulator({ port: 0 });
    const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-telemetry-'));
    try {
      // A fresh process: this one has loaded the exporter for the test above.
      const script = `
        const pino = require('pino');
        const { startBot } = require('./bot/index');
        startBot(
          { PORT: '0', HOST: '127.0.0.1', GRAPH_BASE_URL: process.env.TEST_GRAPH_URL, DATA_DIR: process.env.TEST_DATA_DIR },
          { logger: pino({ level: 'silent' }) },
        ).then(async (bot) => {
          const loaded = Object.keys(require.cache).filter((file) => /opentelemetry/.test(file));
          await bot.stop();
          process.stdout.write(JSON.stringify(loaded));
          process.exit(0);
        });`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
        cwd: REPO_ROOT,
        env: { TEST_GRAPH_URL: emulator.url, TEST_DATA_DIR: dataDir },
        timeout: 50_000,
      });
      assert.deepEqual(JSON.parse(stdout), []);
    } finally {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
