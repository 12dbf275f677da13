import { randomUUID } from 'node:crypto';

/** A fault to inject into matching Graph requests. */
export interface FaultSpec {
  /** Regular expression source tested against the path with its version and without the query (`/v1.0/users/x`). */
  path: string;
  /** Only requests with this method (case-insensitive); any method when absent. */
  method?: string;
  /** Delay before answering; applied once per HTTP request (a `$batch` is one request). */
  latencyMs?: number;
  /** Answer with this status and a Graph error body instead of running the request. */
  status?: number;
  /** Adds a `Retry-After` header (seconds) to the injected error. */
  retryAfterSeconds?: number;
  /** Graph error code of the injected error (a default per status otherwise). */
  graphCode?: string;
  /** Never answer (until the emulator closes). */
  hang?: boolean;
  /** How many requests the fault applies to before it expires; unlimited when absent. */
  count?: number;
}

/** What a fault does to one request instead of running it. */
export interface FaultOutcome {
  status?: number;
  retryAfterSeconds?: number;
  graphCode?: string;
  hang?: boolean;
}

interface ActiveFault {
  id: string;
  spec: FaultSpec;
  regex: RegExp;
  method: string | null;
  remaining: number;
}

/** Thrown when a fault specification is invalid. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks an untrusted value (e.g. an admin API body) and returns it as a FaultSpec. */
export function parseFaultSpec(value: unknown): FaultSpec {
  if (!isRecord(value)) throw new FaultSpecError('A fault must be a JSON object.');
  const { path, method, latencyMs, status, retryAfterSeconds, graphCode, hang, count } = value;
  if (typeof path !== 'string' || !path)
    throw new FaultSpecError('"path" (a regular expression) is required.');
  try {
    new RegExp(path);
  } catch (e) {
    throw new FaultSpecError(`"path" is not a valid regular expression: ${(e as Error).message}`);
  }
  const spec: FaultSpec = { path };
  if (method !== undefined) {
    if (typeof method !== 'string') throw new FaultSpecError('"method" must be a string.');
    spec.method = method;
  }
  const nonNegative = (name: string, v: unknown): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new FaultSpecError(`"${name}" must be a non-negative number.`);
    }
    return v;
  };
  spec.latencyMs = nonNegative('latencyMs', latencyMs);
  spec.retryAfterSeconds = nonNegative('retryAfterSeconds', retryAfterSeconds);
  spec.count = nonNegative('count', count);
  if (spec.count !== undefined && !Number.isInteger(spec.count))
    throw new FaultSpecError('"count" must be an integer.');
  if (status !== undefined) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      throw new FaultSpecError('"status" must be an HTTP error status (400-599).');
    }
    spec.status = status;
  }
  if (graphCode !== undefined) {
    if (typeof graphCode !== 'string') throw new FaultSpecError('"graphCode" must be a string.');
    spec.graphCode = graphCode;
  }
  if (hang !== undefined) {
    if (typeof hang !== 'boolean') throw new FaultSpecError('"hang" must be a boolean.');
    spec.hang = hang;
  }
  for (const k of Object.keys(spec) as (keyof FaultSpec)[]) if (spec[k] === undefined) delete spec[k];
  return spec;
}

/**
 * The active faults, in the order they were added. A fault's `count` goes down by one for every request it applies
 * to: for a status or hang, every request (outer or inside a batch) that gets it; for a latency-only fault, every HTTP
 * request it delays.
 */
export class FaultRegistry {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): string {
    const checked = parseFaultSpec(spec);
    const id = randomUUID();
    this.faults.push({
      id,
      spec: checked,
      regex: new RegExp(checked.path),
      method: checked.method?.toUpperCase() ?? null,
      remaining: checked.count ?? Number.POSITIVE_INFINITY,
    });
    return id;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): { id: string; spec: FaultSpec; remaining: number | null }[] {
    return this.faults.map((f) => ({
      id: f.id,
      spec: { ...f.spec },
      remaining: Number.isFinite(f.remaining) ? f.remaining : null,
    }));
  }

  private matches(f: ActiveFault, method: string, path: string): boolean {
    return f.remaining > 0 && (f.method === null || f.method === method.toUpperCase()) && f.regex.test(path);
  }

  private use(f: ActiveFault): void {
    f.remaining -= 1;
    if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
  }

  /**
   * Total latency for one HTTP request whose outer and inner requests are `targets`. A latency-only fault counts
   * once per HTTP request; a fault that also injects a status or hang is counted by takeOutcome instead.
   */
  takeLatency(targets: readonly { method: string; path: string }[]): number {
    let total = 0;
    for (const f of [...this.faults]) {
      if (!f.spec.latencyMs) continue;
      if (!targets.some((t) => this.matches(f, t.method, t.path))) continue;
      total += f.spec.latencyMs;
      if (f.spec.status === undefined && !f.spec.hang) this.use(f);
    }
    return total;
  }

  /** The status or hang to inject into one request (outer, or inner in a batch), if any. */
  takeOutcome(method: string, path: string): FaultOutcome | undefined {
    for (const f of this.faults) {
      if (f.spec.status === undefined && !f.spec.hang) continue;
      if (!this.matches(f, method, path)) continue;
      this.use(f);
      const out: FaultOutcome = {};
      if (f.spec.status !== undefined) out.status = f.spec.status;
      if (f.spec.retryAfterSeconds !== undefined) out.retryAfterSeconds = f.spec.retryAfterSeconds;
      if (f.spec.graphCode !== undefined) out.graphCode = f.spec.graphCode;
      if (f.spec.hang) out.hang = true;
      return out;
    }
    return undefined;
  }
}
