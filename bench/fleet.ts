// `npm run bench:fleet`: Graph requests and time of one fleet scan over a generated 5,000-room tenant.
// The tenant is generated and served by child processes, so the peak RSS measured here is the bot's side only.
// Options: --rooms=5000, --latency=0 (ms the emulator adds to every HTTP request), --max-requests=200.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { renderFleetDigestCard, cardByteSize } from '../bot/cards';
import { scanFindings } from '../bot/diagnostics/fleet-rules';
import { presentFleetDigest } from '../bot/diagnostics/present-fleet';
import { GraphGateway } from '../bot/graph/gateway';
import { GraphTransport } from '../bot/graph/graph-transport';
import { defaultKnowledge } from '../bot/knowledge';
import type { RequestLogEntry } from '../emulator';
import { LARGE_TENANT_ROOM_PATTERN } from '../emulator/fixtures/generate-large-tenant';

function option(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

const ROOMS = option('rooms', 5000);
const LATENCY_MS = option('latency', 0);
const MAX_REQUESTS = option('max-requests', 200);
const REPO = resolve(__dirname, '..');

/** Runs a TypeScript script of the repository to its end. */
function run(args: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', ...args], { cwd: REPO, stdio: 'ignore' });
  return new Promise((done, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? done() : reject(new Error(`${args[0]} exited with ${code}`))));
  });
}

/** Starts `emulator/main.ts` on 127.0.0.1 with the fixture file; resolves with its URL. */
function startEmulatorProcess(fixtureFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(REPO, 'emulator', 'main.ts')], {
    cwd: REPO,
    env: { ...process.env, EMULATOR_FIXTURE: fixtureFile, GRAPH_EMULATOR_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the emulator did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolveUrl({ url, child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${String(code)}):\n${output}`));
    });
  });
}

async function admin(url: string, path: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(`${url}${path}`, init);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

// Which read a request was, for the breakdown.
function resource(entry: RequestLogEntry): string {
  if (entry.path.endsWith('/$batch')) return 'batch';
  if (entry.path.endsWith('/health')) return 'health';
  if (entry.path.startsWith('/beta/teamwork/devices')) return 'teamworkDevicesPages';
  if (entry.path.startsWith('/v1.0/places')) return 'roomPages';
  if (entry.path === '/v1.0/users') return entry.inBatch ? 'accountLookups' : 'userPages';
  if (entry.path.startsWith('/v1.0/subscribedSkus')) return 'subscribedSkus';
  return entry.path;
}

function count(entries: RequestLogEntry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) out[resource(e)] = (out[resource(e)] ?? 0) + 1;
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fleet-'));
  let child: ChildProcess | undefined;
  try {
    const generatedAt = Date.now();
    const fixtureFile = join(dir, 'tenant.json');
    await run([join(REPO, 'emulator', 'fixtures', 'generate-large-tenant.ts'), fixtureFile, String(ROOMS)]);
    const generateMs = Date.now() - generatedAt;

    const started = await startEmulatorProcess(fixtureFile);
    child = started.child;
    const url = started.url;
    if (LATENCY_MS > 0) {
      await admin(url, '/_emulator/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: '.*', latencyMs: LATENCY_MS }),
      });
    }
    await admin(url, '/_emulator/requests', { method: 'DELETE' });

    // As bot/index.ts builds them (no credential: the emulator takes any token).
    const transport = new GraphTransport({
      baseUrl: url,
      maxRetries: 3,
      timeoutMs: 20_000,
      logger: pino({ level: 'silent' }),
    });
    const gateway = new GraphGateway(transport);

    const t0 = performance.now();
    const facts = await gateway.scanFleet();
    const t1 = performance.now();
    const digest = scanFindings(facts, defaultKnowledge, {
      roomAccountPattern: new RegExp(LARGE_TENANT_ROOM_PATTERN, 'i'),
      openSubjects: new Set(),
    });
    const t2 = performance.now();
    const card = renderFleetDigestCard(presentFleetDigest(digest, 'en'), 'en');
    const t3 = performance.now();

    const log = ((await admin(url, '/_emulator/requests')) as { requests: RequestLogEntry[] }).requests;
    const outer = log.filter((e) => !e.inBatch);
    const inner = log.filter((e) => e.inBatch);
    const ok = outer.length <= MAX_REQUESTS && facts.gaps.length === 0;
    const report = {
      rooms: digest.totals.rooms,
      addedLatencyMs: LATENCY_MS,
      graph: {
        httpRequests: outer.length,
        httpRequestsLimit: MAX_REQUESTS,
        batchedRequests: inner.length,
        httpByResource: count(outer),
        batchedByResource: count(inner),
        countedByGateway: facts.cost,
      },
      timeMs: {
        generateTenant: generateMs,
        scan: Math.round(t1 - t0),
        rules: Math.round(t2 - t1),
        render: Math.round(t3 - t2),
        total: Math.round(t3 - t0),
      },
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      versionsRead: digest.totals.versionsRead,
      devices: digest.totals.devices,
      findings: Object.fromEntries(digest.problems.map((p) => [p.kind, p.items.length])),
      affected: digest.affected,
      gaps: facts.gaps,
      cardBytes: cardByteSize(card),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(ok ? 'bench:fleet: within budget\n' : 'bench:fleet: OVER BUDGET OR INCOMPLETE\n');
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
