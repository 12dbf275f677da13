import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { startBot, type RunningBot } from '../bot/index';
import { startEmulator, type RunningEmulator } from '../emulator';
import { parseDuration } from '../bot/util/duration';

const ROOT = join(__dirname, '..');

export interface LocalStackOptions {
  /** Start the Microsoft 365 Agents Playground too. */
  playground: boolean;
  env: Record<string, string | undefined>;
  logger?: Logger;
  /** Port for the Playground; 0 lets it choose. */
  playgroundPort?: number;
}

export interface LocalStack {
  emulator: RunningEmulator;
  bot: RunningBot;
  playgroundUrl?: string;
  stop(): Promise<void>;
}

/** Starts the Agents Playground against the bot and resolves with its URL once it listens. */
export function startPlayground(
  botUrl: string,
  port: number,
  logFile: string,
): Promise<{ url: string; child: ChildProcess }> {
  const cli = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '--disable-telemetry', '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The Agents Playground did not start within 60 s. Its output:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}`, child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`The Agents Playground exited (code ${code}) before listening. Its output:\n${output}`),
      );
    });
  });
}

/** Emulator, bot and (optionally) the Playground, wired together on 127.0.0.1. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const env = options.env;
  const purge = env.EMULATOR_PURGE_AFTER ? parseDuration(env.EMULATOR_PURGE_AFTER) : undefined;
  if (env.EMULATOR_PURGE_AFTER && purge === undefined)
    throw new Error(
      `EMULATOR_PURGE_AFTER="${env.EMULATOR_PURGE_AFTER}" is not an ISO 8601 duration (e.g. PT2M).`,
    );
  const operation = env.EMULATOR_OPERATION_DURATION
    ? parseDuration(env.EMULATOR_OPERATION_DURATION)
    : undefined;
  const emulator = await startEmulator({
    port: Number(env.GRAPH_EMULATOR_PORT ?? 5005),
    ...(purge !== undefined ? { purgeAfterMs: purge } : {}),
    ...(operation !== undefined ? { operationDurationMs: operation } : {}),
  });
  let bot: RunningBot;
  try {
    bot = await startBot(
      { ...env, GRAPH_BASE_URL: emulator.url },
      options.logger ? { logger: options.logger } : {},
    );
  } catch (err) {
    await emulator.close();
    throw err;
  }
  let playground: { url: string; child: ChildProcess } | undefined;
  if (options.playground) {
    try {
      const logDir = mkdtempSync(join(tmpdir(), 'helpdesk-playground-'));
      playground = await startPlayground(
        bot.url,
        options.playgroundPort ?? Number(env.PLAYGROUND_PORT ?? 56150),
        join(logDir, 'playground.log'),
      );
    } catch (err) {
      await bot.stop();
      await emulator.close();
      throw err;
    }
  }
  return {
    emulator,
    bot,
    ...(playground ? { playgroundUrl: playground.url } : {}),
    async stop() {
      if (playground && playground.child.exitCode === null) {
        const exited = new Promise((r) => playground?.child.once('exit', r));
        playground.child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (playground.child.exitCode === null) playground.child.kill('SIGKILL');
      }
      await bot.stop();
      await emulator.close();
    },
  };
}
