import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startBot, type RunningBot } from '../../bot/index';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { FakeConnector } from './fake-connector';

export type ActivityFixture = Record<string, unknown> & { id?: string; text?: string; value?: unknown };

/** Loads a real Teams activity payload from test/fixtures/activities. */
export function loadActivity(name: string): ActivityFixture {
  return JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'activities', `${name}.json`), 'utf8'),
  ) as ActivityFixture;
}

/** Emulator, fake connector and bot, all on 127.0.0.1, talking over real HTTP. */
export interface Harness {
  emulator: RunningEmulator;
  connector: FakeConnector;
  bot: RunningBot;
  /** Posts an activity to the bot as Teams would; returns the HTTP status and body (the invoke response). */
  post(activity: ActivityFixture): Promise<{ status: number; body: unknown }>;
  /** Posts a message with this text, based on a fixture, with a fresh activity id. */
  say(text: string, fixture?: string): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

let counter = 0;

/** The demo tenant's helpdesk group (Anna and Marc are members). */
export const DEMO_HELPDESK_GROUP = 'f0000000-0000-4000-8000-000000000001';

/**
 * A clock the bot and the emulator share in tests: real time plus an offset that `advance` moves for both, so
 * an 8-hour wait takes no time.
 */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number, emulator?: RunningEmulator): void {
    this.offsetMs += ms;
    emulator?.clock.advance(ms);
  }
}

export async function startHarness(
  options: {
    env?: Record<string, string>;
    emulator?: EmulatorOptions;
    clock?: TestClock;
    dataDir?: string;
  } = {},
): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const connector = new FakeConnector();
  await connector.start();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'helpdesk-test-'));
  let bot: RunningBot;
  try {
    bot = await startBot(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        GRAPH_BASE_URL: emulator.url,
        GRAPH_MAX_RETRIES: '2',
        DATA_DIR: dataDir,
        HELPDESK_GROUP_ID: DEMO_HELPDESK_GROUP,
        SCHEDULER_POLL_INTERVAL: 'PT0.05S',
        // Tests that want the scheduled fleet scan drive it themselves.
        FLEET_SCAN_INTERVAL: 'off',
        ...options.env,
      },
      {
        logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
        ...(options.clock ? { now: options.clock.now } : {}),
      },
    );
  } catch (err) {
    await connector.stop();
    await emulator.close();
    throw err;
  }
  const post = async (activity: ActivityFixture) => {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, serviceUrl: connector.url }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    emulator,
    connector,
    bot,
    post,
    say: (text, fixture = 'channel-message') =>
      post({ ...loadActivity(fixture), id: `test-${Date.now()}-${++counter}`, text }),
    async stop() {
      try {
        await bot.stop();
      } finally {
        await connector.stop();
        await emulator.close();
        if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Every Action.Execute on a card, by verb, with its data. */
export function cardActions(card: unknown): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string')
        found.set(o.verb, (o.data ?? {}) as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Clicks a card button (Action.Execute) as `from` would, on the message `replyToId`; returns the card answered. */
export async function clickExecute(
  h: Harness,
  verb: string,
  data: Record<string, unknown>,
  options: { replyToId?: string; fromAadObjectId?: string; id?: string } = {},
): Promise<{ status: number; card: Record<string, unknown> }> {
  const invoke = loadActivity('invoke-action-execute');
  invoke.value = { action: { type: 'Action.Execute', title: verb, verb, data }, trigger: 'manual' };
  invoke.id = options.id ?? `invoke-${Date.now()}-${++counter}`;
  if (options.replyToId) invoke.replyToId = options.replyToId;
  if (options.fromAadObjectId)
    invoke.from = { ...(invoke.from as Record<string, unknown>), aadObjectId: options.fromAadObjectId };
  const res = await h.post(invoke);
  const body = res.body as { value?: Record<string, unknown> } | undefined;
  return { status: res.status, card: body?.value ?? {} };
}
