import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadApiDescription, type ApiVersion } from './api-description';
import { EmulatorClock } from './clock';
import { DurationError, parseIsoDuration } from './duration';
import { FaultRegistry, FaultSpecError, type FaultOutcome, type FaultSpec } from './faults';
import { loadDemoTenant, validateFixture } from './fixture-loader';
import type { TenantFixture } from './fixture-types';
import { GraphError, defaultCodeForStatus, defaultMessageForStatus } from './graph-error';
import type { GraphCall } from './odata-query';
import { createRouter, type GraphResult } from './routes';
import { TenantState } from './tenant-state';

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** The tenant to serve; default the demo tenant (contoso.com). */
  fixture?: TenantFixture;
  /** How long a Teams Rooms licence must stay removed for the 5.2.115.0 bug to clear; default 8 hours. */
  purgeAfterMs?: number;
  /** How long restart, runDiagnostics and updateSoftware take on the emulator clock; default 60 000 ms. */
  operationDurationMs?: number;
  /** How long newly assigned service plans show PendingProvisioning on the emulator clock; default 0. */
  provisioningDelayMs?: number;
  /** Make `GET /beta/teamwork/devices` fail with 500 while any device account is unlicensed (a reported bug). */
  teamworkListFailsWhenUnlicensed?: boolean;
  /** Receives one structured line per Graph request (outer and inner). */
  logger?: (line: object) => void;
}

/** One Graph request the emulator received (admin calls are not logged). */
export interface RequestLogEntry {
  seq: number;
  /** `Date.now()` when the request was received. */
  at: number;
  method: string;
  version: 'v1.0' | 'beta';
  /** Path with its version, without the query: `/v1.0/users/x`. */
  path: string;
  /** Raw query string without `?`. */
  query: string;
  /** 0 while the request has no answer yet (e.g. a hang fault). */
  status: number;
  inBatch: boolean;
  /** `seq` of the `$batch` request this one was part of. */
  batchSeq?: number;
}

/** A started emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:5005` (Graph paths start with `/v1.0` or `/beta`). */
  url: string;
  close(): Promise<void>;
  /** Restores the fixture and the real-time clock, and clears faults, operations and the request log. */
  reset(): void;
  clock: { now(): Date; advance(ms: number): void; set(d: Date): void };
  faults: { add(f: FaultSpec): string; remove(id: string): void; clear(): void };
  requests(): RequestLogEntry[];
  clearRequests(): void;
}

const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_BODY = 4 * 1024 * 1024;
const MAX_LOG = 100_000;
const MAX_BATCH = 20;
const BATCH_METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

interface BatchItem {
  id: string;
  method: string;
  /** Path below the version, still URL-encoded. */
  path: string;
  query: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q >= 0 ? { path: url.slice(0, q), query: url.slice(q + 1) } : { path: url, query: '' };
}

function lowerHeaders(h: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (Array.isArray(v)) out[k.toLowerCase()] = v.join(', ');
  }
  return out;
}

class Emulator {
  readonly clock = new EmulatorClock();
  readonly faults = new FaultRegistry();
  private readonly state: TenantState;
  private readonly dispatch: (version: ApiVersion, call: GraphCall) => GraphResult;
  private readonly server: http.Server;
  private log: RequestLogEntry[] = [];
  private seq = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private baseUrl = '';

  constructor(private readonly options: EmulatorOptions) {
    const fixture = options.fixture ? validateFixture(structuredClone(options.fixture)) : loadDemoTenant();
    const apis = { 'v1.0': loadApiDescription('v1.0'), beta: loadApiDescription('beta') };
    this.state = new TenantState(fixture, {
      purgeAfterMs: options.purgeAfterMs ?? 8 * 3_600_000,
      operationDurationMs: options.operationDurationMs ?? 60_000,
      provisioningDelayMs: options.provisioningDelayMs ?? 0,
      now: () => this.clock.nowMs(),
    });
    this.dispatch = createRouter({
      state: this.state,
      apis,
      baseUrl: () => this.baseUrl,
      teamworkListFailsWhenUnlicensed: options.teamworkListFailsWhenUnlicensed ?? false,
    });
    this.server = http.createServer((req, res) => {
      this.onRequest(req, res).catch((e: unknown) => this.crash(res, e));
    });
    this.server.keepAliveTimeout = 5_000;
  }

  listen(port: number, host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const addr = this.server.address() as AddressInfo;
        const shownHost = host.includes(':') ? `[${host}]` : host;
        this.baseUrl = `http://${shownHost}:${addr.port}`;
        resolve(this.baseUrl);
      });
    });
  }

  close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    return new Promise((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }

  reset(): void {
    this.clock.reset();
    this.state.reset();
    this.faults.clear();
    this.log = [];
  }

  requests(): RequestLogEntry[] {
    return this.log.map((e) => ({ ...e }));
  }

  /** Brings a Teams device on or off the network (the site fixed, or broke, its connection). */
  setDeviceOnline(deviceId: string, online: boolean): void {
    this.state.setDeviceOnline(deviceId, online);
  }

  clearRequests(): void {
    this.log = [];
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.seq, ...entry };
    this.log.push(full);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    return full;
  }

  private emit(entry: RequestLogEntry, requestId: string, startedAt: number): void {
    if (!this.options.logger) return;
    try {
      this.options.logger({
        msg: 'graph request',
        seq: entry.seq,
        method: entry.method,
        path: entry.path,
        query: entry.query,
        status: entry.status,
        inBatch: entry.inBatch,
        ...(entry.batchSeq !== undefined ? { batchSeq: entry.batchSeq } : {}),
        durationMs: Date.now() - startedAt,
        requestId,
      });
    } catch {
      // A failing logger must not break the emulator.
    }
  }

  private readBody(req: http.IncomingMessage): Promise<Buffer | null> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  private errorResult(e: GraphError, requestId: string, clientRequestId: string): GraphResult {
    const headers: Record<string, string> = { ...(e.headers ?? {}) };
    const error: Record<string, unknown> = { code: e.code, message: e.message };
    if (e.details) error.details = e.details;
    error.innerError = {
      '@odata.type': '#microsoft.graph.ODataErrors.InnerError',
      date: this.clock.now().toISOString(),
      'request-id': requestId,
      'client-request-id': clientRequestId,
    };
    return { status: e.status, headers, body: { error } };
  }

  private faultResult(outcome: FaultOutcome, requestId: string, clientRequestId: string): GraphResult {
    const status = outcome.status ?? 500;
    const headers: Record<string, string> = {};
    if (outcome.retryAfterSeconds !== undefined) headers['Retry-After'] = String(outcome.retryAfterSeconds);
    const err = new GraphError(
      status,
      outcome.graphCode ?? defaultCodeForStatus(status),
      defaultMessageForStatus(status, outcome.retryAfterSeconds),
      undefined,
      headers,
    );
    return this.errorResult(err, requestId, clientRequestId);
  }

  /** Runs one Graph request against the tenant; never throws. */
  private execute(
    version: ApiVersion,
    call: GraphCall,
    requestId: string,
    clientRequestId: string,
  ): GraphResult {
    try {
      this.state.settle(this.clock.nowMs());
      return this.dispatch(version, call);
    } catch (e) {
      if (e instanceof GraphError) return this.errorResult(e, requestId, clientRequestId);
      const message = e instanceof Error ? e.message : String(e);
      return this.errorResult(
        new GraphError(500, 'InternalServerError', `Graph emulator error: ${message}`),
        requestId,
        clientRequestId,
      );
    }
  }

  private send(res: http.ServerResponse, result: GraphResult): void {
    if (res.writableEnded || res.destroyed) return;
    for (const [k, v] of Object.entries(result.headers)) res.setHeader(k, v);
    if (result.body === undefined) {
      res.setHeader('Content-Length', '0');
      res.writeHead(result.status);
      res.end();
      return;
    }
    const text = JSON.stringify(result.body);
    res.setHeader('Content-Type', JSON_TYPE);
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.writeHead(result.status);
    res.end(text);
  }

  private crash(res: http.ServerResponse, e: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    this.send(res, {
      status: 500,
      headers: {},
      body: { error: { code: 'InternalServerError', message: `Graph emulator error: ${message}` } },
    });
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const headers = lowerHeaders(req.headers);
    const requestId = randomUUID();
    const clientRequestId = headers['client-request-id'] ?? requestId;
    res.setHeader('request-id', requestId);
    res.setHeader('client-request-id', clientRequestId);
    const method = (req.method ?? 'GET').toUpperCase();
    const { path: rawPath, query } = splitUrl(req.url ?? '/');
    const raw = await this.readBody(req);

    if (rawPath === '/_emulator' || rawPath.startsWith('/_emulator/')) {
      this.send(res, this.admin(method, rawPath, raw));
      return;
    }
    if (raw === null) {
      const e = new GraphError(413, 'RequestEntityTooLarge', 'The request body is too large.');
      this.send(res, this.errorResult(e, requestId, clientRequestId));
      return;
    }
    const versionMatch = /^\/(v1\.0|beta)(\/.*)?$/i.exec(rawPath);
    if (!versionMatch) {
      const segment = safeDecode(rawPath.split('/').filter(Boolean)[0] ?? '');
      const e = new GraphError(
        400,
        'BadRequest',
        `Invalid version: ${segment || '(none)'}. Use /v1.0 or /beta.`,
      );
      this.send(res, this.errorResult(e, requestId, clientRequestId));
      return;
    }
    const version: ApiVersion = versionMatch[1]?.toLowerCase() === 'beta' ? 'beta' : 'v1.0';
    const below = versionMatch[2] ?? '/';
    const fullPath = `/${version}${safeDecode(below)}`;
    const entry = this.record({
      at: startedAt,
      method,
      version,
      path: fullPath,
      query,
      status: 0,
      inBatch: false,
    });

    let body: unknown = undefined;
    let bodyError: GraphError | null = null;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        bodyError = new GraphError(
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        );
      }
    }

    const isBatch = safeDecode(below).toLowerCase() === '/$batch';
    let result: GraphResult | 'hang';
    if (isBatch) {
      result = await this.handleBatch(
        version,
        method,
        fullPath,
        body,
        bodyError,
        entry,
        requestId,
        clientRequestId,
      );
    } else {
      const latency = this.faults.takeLatency([{ method, path: fullPath }]);
      if (latency > 0) await this.delay(latency);
      const outcome = this.faults.takeOutcome(method, fullPath);
      if (outcome?.hang) result = 'hang';
      else if (outcome) result = this.faultResult(outcome, requestId, clientRequestId);
      else if (bodyError) result = this.errorResult(bodyError, requestId, clientRequestId);
      else {
        const call: GraphCall = { method, path: below, query: new URLSearchParams(query), headers, body };
        result = this.execute(version, call, requestId, clientRequestId);
      }
    }
    if (result === 'hang') return;
    entry.status = result.status;
    this.send(res, result);
    this.emit(entry, requestId, startedAt);
  }

  private parseBatch(body: unknown): BatchItem[] {
    const invalid = (msg: string): GraphError => new GraphError(400, 'BadRequest', msg);
    if (!isRecord(body) || !Array.isArray(body.requests)) {
      throw invalid('Invalid batch payload format: the body must be {"requests": [...]}.');
    }
    const list = body.requests as unknown[];
    if (list.length === 0) throw invalid('Invalid batch payload format: "requests" is empty.');
    if (list.length > MAX_BATCH) {
      throw invalid(`A batch can hold at most ${MAX_BATCH} requests; this one has ${list.length}.`);
    }
    const items: BatchItem[] = [];
    const ids = new Set<string>();
    for (const [i, r] of list.entries()) {
      if (!isRecord(r)) throw invalid(`Batch request ${i} is not an object.`);
      const { id, method, url, headers, dependsOn } = r;
      if (typeof id !== 'string' || !id) throw invalid(`Batch request ${i} needs a string "id".`);
      if (ids.has(id)) throw invalid(`Batch request id '${id}' is used more than once.`);
      ids.add(id);
      if (typeof method !== 'string' || !BATCH_METHODS.has(method.toUpperCase())) {
        throw invalid(`Batch request '${id}' has an invalid "method".`);
      }
      if (typeof url !== 'string' || !url) throw invalid(`Batch request '${id}' needs a "url".`);
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        throw invalid(`Batch request '${id}' must use a URL relative to the version, e.g. "/users".`);
      }
      if (headers !== undefined && !isRecord(headers))
        throw invalid(`Batch request '${id}' has invalid "headers".`);
      const h = lowerHeaders(headers ?? {});
      if (r.body !== undefined && !h['content-type']) {
        throw invalid(`Write request id : ${id} does not contain Content-Type header or body.`);
      }
      let deps: string[] = [];
      if (dependsOn !== undefined) {
        if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) {
          throw invalid(`Batch request '${id}' has an invalid "dependsOn".`);
        }
        deps = dependsOn as string[];
      }
      const { path, query } = splitUrl(url.startsWith('/') ? url : `/${url}`);
      items.push({
        id,
        method: method.toUpperCase(),
        path,
        query,
        headers: h,
        body: r.body,
        dependsOn: deps,
      });
    }
    for (const item of items) {
      for (const d of item.dependsOn) {
        if (!ids.has(d) || d === item.id) {
          throw invalid(
            `Batch request '${item.id}' depends on '${d}', which is not another request of the batch.`,
          );
        }
      }
    }
    return items;
  }

  private async handleBatch(
    version: ApiVersion,
    method: string,
    fullPath: string,
    body: unknown,
    bodyError: GraphError | null,
    entry: RequestLogEntry,
    requestId: string,
    clientRequestId: string,
  ): Promise<GraphResult | 'hang'> {
    let items: BatchItem[] = [];
    let parseError: GraphError | null = bodyError;
    if (method !== 'POST') {
      parseError = new GraphError(
        405,
        'Request_BadRequest',
        'Specified HTTP method is not allowed for the request uri.',
      );
    } else if (!parseError) {
      try {
        items = this.parseBatch(body);
      } catch (e) {
        if (!(e instanceof GraphError)) throw e;
        parseError = e;
      }
    }
    const innerPath = (item: BatchItem): string => `/${version}${safeDecode(item.path)}`;
    const latency = this.faults.takeLatency([
      { method, path: fullPath },
      ...items.map((i) => ({ method: i.method, path: innerPath(i) })),
    ]);
    if (latency > 0) await this.delay(latency);
    const outcome = this.faults.takeOutcome(method, fullPath);
    if (outcome?.hang) return 'hang';
    if (outcome) return this.faultResult(outcome, requestId, clientRequestId);
    if (parseError) return this.errorResult(parseError, requestId, clientRequestId);

    const order = this.batchOrder(items);
    if (!order) {
      const e = new GraphError(400, 'BadRequest', 'The dependsOn references of the batch form a cycle.');
      return this.errorResult(e, requestId, clientRequestId);
    }
    const statuses = new Map<string, number>();
    const responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[] = [];
    for (const item of order) {
      const startedAt = Date.now();
      const path = innerPath(item);
      const inner = this.record({
        at: startedAt,
        method: item.method,
        version,
        path,
        query: item.query,
        status: 0,
        inBatch: true,
        batchSeq: entry.seq,
      });
      const innerId = randomUUID();
      const innerClientId = item.headers['client-request-id'] ?? clientRequestId;
      let result: GraphResult;
      const failed = item.dependsOn.find((d) => {
        const s = statuses.get(d) ?? 0;
        return s < 200 || s >= 300;
      });
      if (failed !== undefined) {
        result = this.errorResult(
          new GraphError(424, 'FailedDependency', `The request this one depends on ('${failed}') failed.`),
          innerId,
          innerClientId,
        );
      } else {
        const innerOutcome = this.faults.takeOutcome(item.method, path);
        if (innerOutcome?.hang) return 'hang';
        if (innerOutcome) result = this.faultResult(innerOutcome, innerId, innerClientId);
        else if (safeDecode(item.path).toLowerCase() === '/$batch') {
          result = this.errorResult(
            new GraphError(400, 'BadRequest', 'A batch cannot contain another batch.'),
            innerId,
            innerClientId,
          );
        } else {
          const call: GraphCall = {
            method: item.method,
            path: item.path,
            query: new URLSearchParams(item.query),
            headers: item.headers,
            body: item.body,
          };
          result = this.execute(version, call, innerId, innerClientId);
        }
      }
      statuses.set(item.id, result.status);
      inner.status = result.status;
      this.emit(inner, innerId, startedAt);
      const headers: Record<string, string> = { ...result.headers };
      if (result.body !== undefined) headers['Content-Type'] = JSON_TYPE;
      responses.push({
        id: item.id,
        status: result.status,
        headers,
        ...(result.body !== undefined ? { body: result.body } : {}),
      });
    }
    // Graph answers in any order; a stable order unlike the request order keeps callers honest (match by id).
    responses.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { status: 200, headers: {}, body: { responses } };
  }

  /** Dependencies first, otherwise in request order; `null` when dependsOn forms a cycle. */
  private batchOrder(items: BatchItem[]): BatchItem[] | null {
    const done = new Set<string>();
    const out: BatchItem[] = [];
    let remaining = [...items];
    while (remaining.length) {
      const ready = remaining.filter((i) => i.dependsOn.every((d) => done.has(d)));
      if (ready.length === 0) return null;
      const first = ready[0];
      if (!first) return null;
      out.push(first);
      done.add(first.id);
      remaining = remaining.filter((i) => i !== first);
    }
    return out;
  }

  private admin(method: string, rawPath: string, raw: Buffer | null): GraphResult {
    const fail = (status: number, message: string): GraphResult => ({
      status,
      headers: {},
      body: { error: { code: status === 404 ? 'NotFound' : 'BadRequest', message } },
    });
    let body: unknown = undefined;
    if (raw === null) return fail(413, 'The request body is too large.');
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return fail(400, 'The body is not valid JSON.');
      }
    }
    const route = rawPath.replace(/\/+$/, '');
    const now = (): GraphResult => ({
      status: 200,
      headers: {},
      body: { now: this.clock.now().toISOString() },
    });
    if (route === '/_emulator/health' && method === 'GET')
      return { status: 200, headers: {}, body: { ok: true } };
    if (route === '/_emulator/reset' && method === 'POST') {
      this.reset();
      return { status: 200, headers: {}, body: { ok: true } };
    }
    if (route === '/_emulator/clock') {
      if (method === 'GET') return now();
      if (method === 'POST') {
        if (!isRecord(body))
          return fail(400, 'Send {"advance": "PT8H" | milliseconds} or {"set": "<ISO date>"}.');
        if (body.advance !== undefined) {
          let ms: number;
          if (typeof body.advance === 'number' && Number.isFinite(body.advance)) ms = body.advance;
          else if (typeof body.advance === 'string') {
            try {
              ms = parseIsoDuration(body.advance);
            } catch (e) {
              return fail(400, e instanceof DurationError ? e.message : String(e));
            }
          } else return fail(400, '"advance" must be an ISO 8601 duration or a number of milliseconds.');
          this.clock.advance(ms);
          return now();
        }
        if (body.set !== undefined) {
          const t = typeof body.set === 'string' ? Date.parse(body.set) : Number.NaN;
          if (Number.isNaN(t)) return fail(400, '"set" must be an ISO 8601 date and time.');
          this.clock.set(new Date(t));
          return now();
        }
        return fail(400, 'Send {"advance": "PT8H" | milliseconds} or {"set": "<ISO date>"}.');
      }
    }
    if (route === '/_emulator/faults') {
      if (method === 'GET') return { status: 200, headers: {}, body: { faults: this.faults.list() } };
      if (method === 'POST') {
        try {
          return { status: 201, headers: {}, body: { id: this.faults.add(body as FaultSpec) } };
        } catch (e) {
          if (e instanceof FaultSpecError) return fail(400, e.message);
          throw e;
        }
      }
      if (method === 'DELETE') {
        this.faults.clear();
        return { status: 204, headers: {} };
      }
    }
    const faultId = /^\/_emulator\/faults\/([^/]+)$/.exec(route)?.[1];
    if (faultId !== undefined && method === 'DELETE') {
      return this.faults.remove(safeDecode(faultId))
        ? { status: 204, headers: {} }
        : fail(404, 'No such fault.');
    }
    const deviceId = /^\/_emulator\/devices\/([^/]+)$/.exec(route)?.[1];
    if (deviceId !== undefined && method === 'POST') {
      if (!isRecord(body) || typeof body.online !== 'boolean')
        return fail(400, 'Send {"online": true | false}.');
      try {
        this.state.setDeviceOnline(safeDecode(deviceId), body.online);
      } catch {
        return fail(404, `No Teams device ${safeDecode(deviceId)}.`);
      }
      return { status: 200, headers: {}, body: { id: safeDecode(deviceId), online: body.online } };
    }
    if (route === '/_emulator/requests') {
      if (method === 'GET') return { status: 200, headers: {}, body: { requests: this.requests() } };
      if (method === 'DELETE') {
        this.clearRequests();
        return { status: 204, headers: {} };
      }
    }
    return fail(404, `No admin endpoint ${method} ${rawPath}.`);
  }
}

/**
 * Starts a Microsoft Graph emulator serving a tenant fixture over HTTP.
 * @throws Error when the fixture is invalid, the OpenAPI subsets cannot be read, or the port is taken.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = new Emulator(options);
  const url = await emulator.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    url,
    close: () => emulator.close(),
    reset: () => emulator.reset(),
    clock: {
      now: () => emulator.clock.now(),
      advance: (ms) => emulator.clock.advance(ms),
      set: (d) => emulator.clock.set(d),
    },
    faults: {
      add: (f) => emulator.faults.add(f),
      remove: (id) => {
        emulator.faults.remove(id);
      },
      clear: () => emulator.faults.clear(),
    },
    requests: () => emulator.requests(),
    clearRequests: () => emulator.clearRequests(),
  };
}
