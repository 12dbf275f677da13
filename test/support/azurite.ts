import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Azurite's published development account (documented default, not a secret).
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RunningAzurite {
  /** Connection string for the development account on this instance's table endpoint. */
  connectionString: string;
  port: number;
  /** Kills the emulator and waits until it has exited. */
  stop(): Promise<void>;
}

// Children still running, killed if the test process exits without calling stop().
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

function azuriteTableScript(): string {
  const pkgPath = require.resolve('azurite/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin: Record<string, string> };
  const bin = pkg.bin['azurite-table'];
  if (!bin) throw new Error('the installed azurite package has no azurite-table binary');
  return join(dirname(pkgPath), bin);
}

// Azurite accepts `--tablePort 0` but then reports port 0 instead of the port it got, so a free port is found
// by binding a throwaway server first. Another process may grab it in between; the caller retries.
function freePort(): Promise<number> {
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

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
  }
  running.delete(child);
}

async function startOnce(port: number, workDir: string): Promise<RunningAzurite> {
  const child = spawn(
    process.execPath,
    [
      azuriteTableScript(),
      '--tableHost',
      HOST,
      '--tablePort',
      String(port),
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
      '--silent',
    ],
    // Azurite resolves its workspace from the working directory even in memory mode: keep it out of the repo.
    { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  installExitHook();

  let output = '';
  const collect = (chunk: Buffer) => {
    // Keep only the tail: enough for an error message, and the pipes are drained so Azurite never blocks.
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const started = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
    const onData = () => {
      if (output.includes('successfully started')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(true);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!started) {
    await stopChild(child);
    throw new Error(`Azurite did not start on ${HOST}:${port}: ${output.trim()}`);
  }

  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `TableEndpoint=http://${HOST}:${port}/${DEV_ACCOUNT};`;
  return { connectionString, port, stop: () => stopChild(child) };
}

/** Starts an in-memory Azurite table service on a free local port. Whoever starts it must call stop(). */
export async function startAzurite(): Promise<RunningAzurite> {
  const workDir = mkdtempSync(join(tmpdir(), 'azurite-'));
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const azurite = await startOnce(await freePort(), workDir);
      return {
        ...azurite,
        stop: async () => {
          await azurite.stop();
          removeWorkDir();
        },
      };
    } catch (err) {
      lastError = err;
    }
  }
  removeWorkDir();
  throw lastError instanceof Error ? lastError : new Error('Azurite did not start');
}
