import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { startBot, type RunningBot } from '../bot/index';
import { startEmulator, type RunningEmulator } from '../emulator';
import { parseDuration } from '../bot/util/duration';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const ROOT = join(__dirname, '..');

export interface LocalStackOptions {
  /** Start the Microsoft 365 Agents Playground too. */
  playground: boolean;
  env: Record<string, string | undefined>;
  logger?: Logger;
  /** Port for the Playground; 0 lets it choose. */
  playgroundPort?: number;
  /**
   * Chat in the Playground as this user of `.m365agentsplayground.yml` (its `users[].id`) instead of its current
   * user, e.g. an end user who is not in the helpdesk group.
   */
  playgroundUser?: string;
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
  cwd: string = ROOT,
): Promise<{ url: string; child: ChildProcess }> {
  const cli = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '--disable-telemetry', '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port)],
    {
      cwd,
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
  const logDir = options.playground ? mkdtempSync(join(tmpdir(), 'helpdesk-playground-')) : undefined;
  if (options.playground && logDir) {
    try {
      const cwd = options.playgroundUser ? playgroundConfigAs(options.playgroundUser, logDir) : ROOT;
      playground = await startPlayground(
        bot.url,
        options.playgroundPort ?? Number(env.PLAYGROUND_PORT ?? 56150),
        join(logDir, 'playground.log'),
        cwd,
      );
    } catch (err) {
      await bot.stop();
      await emulator.close();
      rmSync(logDir, { recursive: true, force: true });
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
      if (logDir) rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** Writes the Playground's configuration into `dir` with `userId` as the current user; returns `dir`. */
function playgroundConfigAs(userId: string, dir: string): string {
  const config = parseYaml(readFileSync(join(ROOT, '.m365agentsplayground.yml'), 'utf8')) as {
    currentUser: { id: string };
    users?: { id: string }[];
  };
  const users = config.users ?? [];
  const chosen = users.find((u) => u.id === userId);
  if (!chosen) throw new Error(`No user "${userId}" in .m365agentsplayground.yml (users[].id).`);
  config.users = [config.currentUser, ...users.filter((u) => u !== chosen)];
  config.currentUser = chosen;
  writeFileSync(join(dir, '.m365agentsplayground.yml'), stringifyYaml(config));
  return dir;
}
