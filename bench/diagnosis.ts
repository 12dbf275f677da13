// `npm run bench:diagnosis`: message-to-card latency and sequential Graph round trips per room diagnosis,
// with the emulator adding a fixed latency to every Graph request.
import { cardOf } from '../test/support/fake-connector';
import { loadActivity, startHarness } from '../test/support/bot-harness';

const ADDED_LATENCY_MS = Number(process.argv.find((a) => a.startsWith('--latency='))?.split('=')[1] ?? 100);
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 5);

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** Requests that start within half the added latency of a wave's first request belong to that wave. */
function sequentialRoundTrips(arrivals: number[], latencyMs: number): number {
  let waves = 0;
  let waveStart = -Infinity;
  for (const at of [...arrivals].sort((a, b) => a - b)) {
    if (at - waveStart > latencyMs / 2) {
      waves++;
      waveStart = at;
    }
  }
  return waves;
}

async function main(): Promise<void> {
  const h = await startHarness();
  try {
    const rooms = h.bot.services.directory.current().rooms;
    h.emulator.faults.add({ path: '.*', latencyMs: ADDED_LATENCY_MS });
    const latencies: number[] = [];
    const tripsByRoom = new Map<string, number>();
    let seq = 0;
    // One warm-up so that per-process caches (templates, SKU cache) are in their steady state.
    for (let round = -1; round < ROUNDS; round++) {
      for (const room of rooms) {
        h.emulator.clearRequests();
        const t0 = Date.now();
        const id = `bench-${++seq}`;
        await h.post({
          ...loadActivity('channel-message'),
          id,
          text: `${room.displayName} stuck on licence`,
        });
        await h.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined, 30_000);
        const elapsed = Date.now() - t0;
        h.connector.clear();
        if (round < 0) continue;
        latencies.push(elapsed);
        const outer = h.emulator.requests().filter((r) => !r.inBatch);
        tripsByRoom.set(
          room.displayName,
          Math.max(
            tripsByRoom.get(room.displayName) ?? 0,
            sequentialRoundTrips(
              outer.map((r) => r.at),
              ADDED_LATENCY_MS,
            ),
          ),
        );
      }
    }
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const target = 2.5 * ADDED_LATENCY_MS + 50;
    const maxTrips = Math.max(...tripsByRoom.values());
    const report = {
      addedLatencyMs: ADDED_LATENCY_MS,
      diagnoses: latencies.length,
      p50Ms: p50,
      p95Ms: p95,
      p95TargetMs: target,
      maxSequentialRoundTrips: maxTrips,
      roundTripsByRoom: Object.fromEntries(tripsByRoom),
    };
    console.log(JSON.stringify(report, null, 2));
    const ok = p95 < target && maxTrips <= 2;
    console.log(ok ? 'bench:diagnosis: targets met' : 'bench:diagnosis: TARGET MISSED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await h.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
