import { DurationError, parseIsoDuration } from './duration';
import { FixtureError, loadDemoTenant, loadFixtureFile } from './fixture-loader';
import type { TenantFixture } from './fixture-types';
import { startEmulator } from './server';

class ConfigError extends Error {}

function readPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 5005;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) {
    throw new ConfigError(`GRAPH_EMULATOR_PORT="${value}" is not a port number (0-65535).`);
  }
  return n;
}

function readDuration(name: string, value: string | undefined, fallback: string): number {
  const text = value === undefined || value.trim() === '' ? fallback : value;
  try {
    return parseIsoDuration(text);
  } catch (e) {
    if (e instanceof DurationError) throw new ConfigError(`${name}: ${e.message}`);
    throw e;
  }
}

function readFixture(file: string | undefined): TenantFixture {
  if (file === undefined || file.trim() === '') return loadDemoTenant();
  try {
    return loadFixtureFile(file);
  } catch (e) {
    if (e instanceof FixtureError) throw new ConfigError(`EMULATOR_FIXTURE: ${e.message}`);
    throw e;
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const port = readPort(env.GRAPH_EMULATOR_PORT);
  const purgeAfterMs = readDuration('EMULATOR_PURGE_AFTER', env.EMULATOR_PURGE_AFTER, 'PT8H');
  const operationDurationMs = readDuration(
    'EMULATOR_OPERATION_DURATION',
    env.EMULATOR_OPERATION_DURATION,
    'PT1M',
  );
  const fixture = readFixture(env.EMULATOR_FIXTURE);
  let emulator;
  try {
    emulator = await startEmulator({ port, host: '127.0.0.1', fixture, purgeAfterMs, operationDurationMs });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ConfigError(`Port ${port} is already in use. Set GRAPH_EMULATOR_PORT to a free port.`);
    }
    throw e;
  }
  console.log(`Graph emulator listening on ${emulator.url} (tenant ${fixture.tenant.domain})`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`Graph emulator: error while stopping: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`Graph emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
