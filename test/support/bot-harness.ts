import { readFileSync } from 'node:fs';
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

export async function startHarness(
  options: { env?: Record<string, string>; emulator?: EmulatorOptions } = {},
): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const connector = new FakeConnector();
  await connector.start();
  let bot: RunningBot;
  try {
    bot = await startBot(
      { PORT: '0', HOST: '127.0.0.1', GRAPH_BASE_URL: emulator.url, GRAPH_MAX_RETRIES: '2', ...options.env },
      { logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) },
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
      await bot.stop();
      await connector.stop();
      await emulator.close();
    },
  };
}
