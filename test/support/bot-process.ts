import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const HOST = '127.0.0.1';
const REPO_ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
// Enough of the log to explain a failure without letting a long run eat the test process's memory.
const OUTPUT_LIMIT = 2_000_000;

/** Binds port 0 on 127.0.0.1 and gives the port back: free now, though another process may take it later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Children still running, killed if the test process exits without stopping them.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface BotProcessOptions {
  /** The whole environment of the child: nothing is inherited, so the parent's settings cannot leak in. */
  env: Readonly<Record<string, string>>;
  /** Port to listen on; a free one when absent (PORT in `env` is overridden). */
  port?: number;
  /** Shown in error messages, e.g. "bot A". */
  name?: string;
}

/**
 * The bot as a real child process (`node --require tsx/cjs bot/index.ts`), for tests that must kill it or run
 * several instances. Its stdout and stderr are kept for diagnostics.
 */
export class BotProcess {
  private text = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
    readonly port: number,
  ) {
    const collect = (chunk: Buffer): void => {
      this.text += chunk.toString('utf8');
      if (this.text.length > OUTPUT_LIMIT) this.text = this.text.slice(-OUTPUT_LIMIT / 2);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code, signal) => {
      this.exitInfo = { code, signal };
      running.delete(child);
    });
  }

  /** Starts the bot and resolves once `GET /healthz` answers 200 (store, Graph and room directory ready). */
  static async start(options: BotProcessOptions): Promise<BotProcess> {
    const fixedPort = options.port;
    let lastError: unknown;
    // A port found free may be taken before the bot binds it: try another one.
    for (let attempt = 0; attempt < (fixedPort === undefined ? 3 : 1); attempt++) {
      const port = fixedPort ?? (await freePort());
      const bot = BotProcess.spawn(options, port);
      try {
        await bot.waitUntilHealthy();
        return bot;
      } catch (err) {
        lastError = err;
        await bot.kill();
        if (!/already in use/.test(bot.output())) break;
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  private static spawn(options: BotProcessOptions, port: number): BotProcess {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', join('bot', 'index.ts')], {
      cwd: REPO_ROOT,
      env: { ...options.env, PORT: String(port), HOST },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    installExitHook();
    return new BotProcess(child, options.name ?? 'bot', port);
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return hasExited(this.child);
  }

  /** How the process ended, once it has. */
  get exit(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    return this.exitInfo;
  }

  /** Everything the process wrote so far (the tail, for long runs). */
  output(): string {
    return this.text;
  }

  /** `kill -9`: no shutdown hook runs. Resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!hasExited(this.child)) this.child.kill('SIGKILL');
    if (!(await waitForExit(this.child, STOP_TIMEOUT_MS)))
      throw new Error(`${this.name} (pid ${this.pid}) did not die after SIGKILL`);
  }

  /** Graceful stop (SIGTERM), then SIGKILL if it hangs. Resolves once the process is gone. */
  async stop(): Promise<void> {
    if (hasExited(this.child)) return;
    this.child.kill('SIGTERM');
    if (!(await waitForExit(this.child, STOP_TIMEOUT_MS))) await this.kill();
  }

  private async waitUntilHealthy(): Promise<void> {
    const end = Date.now() + START_TIMEOUT_MS;
    let last = 'no answer yet';
    while (Date.now() < end) {
      if (this.exited) {
        throw new Error(
          `${this.name} exited before it was ready (code ${this.exitInfo?.code}, signal ${this.exitInfo?.signal}):\n${this.text.slice(-4000)}`,
        );
      }
      try {
        const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        last = `${res.status} ${await res.text()}`;
        if (res.status === 200) return;
      } catch (err) {
        last = (err as Error).message;
      }
      await sleep(50);
    }
    throw new Error(
      `${this.name} was not healthy within ${START_TIMEOUT_MS} ms; last /healthz: ${last}\n${this.text.slice(-4000)}`,
    );
  }
}
