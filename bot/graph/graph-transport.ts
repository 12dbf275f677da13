import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  ResponseType,
  type AuthenticationProvider,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';
import type { Logger } from '../log';
import { graphErrorFrom, toGraphError } from './graph-errors';
import type { GraphError } from '../errors';

export type ApiVersion = 'v1.0' | 'beta';

/** One request of a `$batch`; `url` is relative to the version root ("/users/x?$select=id"). */
export interface BatchRequest {
  id: string;
  method?: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: unknown;
  dependsOn?: string[];
}

export type BatchResult<T = unknown> =
  | { ok: true; status: number; body: T; requestId?: string }
  | { ok: false; status: number; error: GraphError };

/** Outcome of a write: Graph's request id is kept for the audit trail. */
export interface WriteResult<T> {
  body: T;
  status: number;
  requestId?: string;
  location?: string;
}

const MAX_BATCH = 20;
const RETRYABLE = new Set([429, 503, 504]);

export interface GraphTransportOptions {
  baseUrl: string;
  credential?: TokenCredential;
  maxRetries: number;
  timeoutMs: number;
  logger: Logger;
  /** Seconds the SDK waits before its first retry when Graph gives no Retry-After. */
  retryDelaySeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Sees every HTTP attempt, retries included, right before it is sent (telemetry). */
  middleware?: Middleware;
}

/**
 * Thin layer over the Graph SDK client: versioned requests, `$batch` with per-request retry, paging,
 * timeouts, and errors mapped to {@link GraphError}. Domain methods live in the gateway.
 */
export class GraphTransport {
  private readonly client: Client;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly log: Logger;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly baseUrl: string;

  constructor(options: GraphTransportOptions) {
    this.baseUrl = options.baseUrl;
    this.maxRetries = options.maxRetries;
    this.timeoutMs = options.timeoutMs;
    this.log = options.logger;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const authProvider: AuthenticationProvider = options.credential
      ? new TokenCredentialAuthenticationProvider(options.credential, {
          scopes: ['https://graph.microsoft.com/.default'],
        })
      : { getAccessToken: () => Promise.resolve('') };
    const auth = new AuthenticationHandler(authProvider);
    const retry = new RetryHandler(
      new RetryHandlerOptions(options.retryDelaySeconds ?? 1, options.maxRetries),
    );
    auth.setNext(retry);
    const send = new HTTPMessageHandler();
    if (options.middleware?.setNext) {
      retry.setNext(options.middleware);
      options.middleware.setNext(send);
    } else retry.setNext(send);
    this.client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: `${options.baseUrl}/`,
      defaultVersion: 'v1.0',
    });
  }

  /** GET one resource or one page. */
  async get<T>(version: ApiVersion, path: string, headers: Record<string, string> = {}): Promise<T> {
    try {
      const req = this.client
        .api(path)
        .version(version)
        .options({ signal: AbortSignal.timeout(this.timeoutMs) });
      for (const [k, v] of Object.entries(headers)) req.header(k, v);
      return (await req.get()) as T;
    } catch (err) {
      throw toGraphError(err, `/${version}${path}`);
    }
  }

  /** GET every page of a collection, following `@odata.nextLink`, up to `maxItems`. */
  async getAll<T>(
    version: ApiVersion,
    path: string,
    options: { headers?: Record<string, string>; maxItems?: number } = {},
  ): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    const max = options.maxItems ?? 100_000;
    while (next && items.length < max) {
      const page: { value?: T[]; '@odata.nextLink'?: string } = await this.get(
        version,
        next,
        options.headers,
      );
      items.push(...(page.value ?? []));
      const link = page['@odata.nextLink'];
      next = link ? this.relative(link, version) : undefined;
    }
    return items.slice(0, max);
  }

  /** A write (POST/PATCH) that keeps Graph's request id and Location header. */
  async write<T>(
    version: ApiVersion,
    method: 'POST' | 'PATCH',
    path: string,
    body: unknown,
  ): Promise<WriteResult<T>> {
    let res: Response;
    try {
      const req = this.client
        .api(path)
        .version(version)
        .responseType(ResponseType.RAW)
        .options({ signal: AbortSignal.timeout(this.timeoutMs) });
      res = (await (method === 'POST' ? req.post(body) : req.patch(body))) as Response;
    } catch (err) {
      throw toGraphError(err, `/${version}${path}`, method);
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const requestId = res.headers.get('request-id') ?? undefined;
    if (!res.ok) {
      throw graphErrorFrom({
        status: res.status,
        body: parsed,
        path: `/${version}${path}`,
        method,
        headers: { 'request-id': requestId, 'retry-after': res.headers.get('retry-after') ?? undefined },
      });
    }
    return {
      body: parsed as T,
      status: res.status,
      requestId,
      location: res.headers.get('location') ?? undefined,
    };
  }

  /**
   * Runs independent requests as `$batch` calls (20 per call, sent in parallel). Inner 429/503/504 answers are
   * retried after their Retry-After, a bounded number of times. Never throws for an inner failure: each result
   * says how its request ended. Throws when the batch call itself fails.
   */
  async batch(version: ApiVersion, requests: BatchRequest[]): Promise<Map<string, BatchResult>> {
    const results = new Map<string, BatchResult>();
    const chunks: BatchRequest[][] = [];
    for (let i = 0; i < requests.length; i += MAX_BATCH) chunks.push(requests.slice(i, i + MAX_BATCH));
    await Promise.all(chunks.map((chunk) => this.runChunk(version, chunk, results)));
    return results;
  }

  private async runChunk(
    version: ApiVersion,
    chunk: BatchRequest[],
    results: Map<string, BatchResult>,
  ): Promise<void> {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const body = {
        requests: pending.map((r) => ({
          id: r.id,
          method: r.method ?? 'GET',
          url: r.url,
          ...(r.body !== undefined ? { body: r.body, headers: { 'Content-Type': 'application/json' } } : {}),
          ...(r.dependsOn ? { dependsOn: r.dependsOn } : {}),
        })),
      };
      const reply: {
        responses?: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
      } = await this.post(version, '/$batch', body);
      const retry: BatchRequest[] = [];
      let waitSeconds = 0;
      for (const res of reply.responses ?? []) {
        const req = pending.find((r) => r.id === res.id);
        if (!req) continue;
        const headers = lowerKeys(res.headers);
        if (res.status >= 200 && res.status < 300) {
          results.set(res.id, {
            ok: true,
            status: res.status,
            body: res.body,
            requestId: headers['request-id'],
          });
          continue;
        }
        const error = graphErrorFrom({
          status: res.status,
          body: res.body,
          path: `/${version}${req.url}`,
          method: req.method,
          headers,
        });
        if (RETRYABLE.has(res.status) && attempt < this.maxRetries) {
          retry.push(req);
          waitSeconds = Math.max(waitSeconds, error.retryAfterSeconds ?? 2 ** attempt);
        } else {
          results.set(res.id, { ok: false, status: res.status, error });
        }
      }
      if (retry.length) {
        this.log.warn(
          { version, retry: retry.map((r) => r.url), waitSeconds },
          'graph batch: retrying throttled requests',
        );
        await this.sleep(Math.min(waitSeconds, 60) * 1000 + Math.floor(Math.random() * 100));
      }
      pending = retry;
    }
  }

  private async post<T>(version: ApiVersion, path: string, body: unknown): Promise<T> {
    try {
      return (await this.client
        .api(path)
        .version(version)
        .options({ signal: AbortSignal.timeout(this.timeoutMs) })
        .post(body)) as T;
    } catch (err) {
      throw toGraphError(err, `/${version}${path}`, 'POST');
    }
  }

  /** Turns an absolute nextLink into a path the client accepts, keeping us on the configured host. */
  private relative(link: string, version: ApiVersion): string {
    const url = new URL(link, this.baseUrl);
    const prefix = `/${version}`;
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    return `${path}${url.search}`;
  }
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}
