import { GraphError, type ErrorCode } from '../errors';

/** Which application permission each kind of call needs, so a 403 can name the missing one. */
const PERMISSIONS: readonly { test: RegExp; read: string; write?: string }[] = [
  { test: /\/assignLicense$/i, read: 'LicenseAssignment.ReadWrite.All' },
  { test: /\/licenseDetails/i, read: 'LicenseAssignment.Read.All' },
  { test: /^\/?subscribedSkus/i, read: 'LicenseAssignment.Read.All' },
  { test: /^\/?users/i, read: 'User.Read.All', write: 'User.ReadWrite.All' },
  { test: /^\/?places/i, read: 'Place.Read.All' },
  { test: /^\/?devices/i, read: 'Device.Read.All' },
  {
    test: /^\/?teamwork\/devices\/[^/]+\/(restart|runDiagnostics|updateSoftware)$/i,
    read: 'TeamworkDevice.ReadWrite.All',
  },
  { test: /^\/?teamwork\/devices/i, read: 'TeamworkDevice.Read.All', write: 'TeamworkDevice.ReadWrite.All' },
];

/** The application permission a call to `path` needs. */
export function requiredPermission(path: string, method = 'GET'): string | undefined {
  const clean = path.replace(/^\/?(v1\.0|beta)\//, '/').split('?')[0] ?? path;
  const entry = PERMISSIONS.find((p) => p.test.test(clean));
  if (!entry) return undefined;
  return method.toUpperCase() === 'GET' ? entry.read : (entry.write ?? entry.read);
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'graph.unauthorized';
  if (status === 403) return 'graph.forbidden';
  if (status === 404) return 'graph.not-found';
  if (status === 429) return 'graph.throttled';
  if (status === 503 || status === 502 || status === 504) return 'graph.unavailable';
  if (status >= 400 && status < 500) return 'graph.bad-request';
  return 'graph.unexpected';
}

interface GraphErrorBody {
  error?: {
    code?: string;
    message?: string;
    innerError?: Record<string, unknown>;
    innererror?: Record<string, unknown>;
  };
}

function readRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** Builds a domain error from a Graph status, error body and headers (outer response or one `$batch` response). */
export function graphErrorFrom(init: {
  status: number;
  body: unknown;
  path: string;
  method?: string;
  headers?: Record<string, string | undefined>;
  cause?: unknown;
}): GraphError {
  const body = (typeof init.body === 'object' && init.body !== null ? init.body : {}) as GraphErrorBody;
  const inner = body.error?.innerError ?? body.error?.innererror ?? {};
  const headerId = init.headers?.['request-id'] ?? init.headers?.['Request-Id'];
  const innerId = inner['request-id'];
  const requestId = typeof innerId === 'string' ? innerId : headerId;
  const code = codeForStatus(init.status);
  return new GraphError({
    code,
    status: init.status,
    message: body.error?.message ?? `Graph answered ${init.status} for ${init.method ?? 'GET'} ${init.path}`,
    path: init.path,
    graphCode: body.error?.code,
    requestId,
    requiredPermission: code === 'graph.forbidden' ? requiredPermission(init.path, init.method) : undefined,
    retryAfterSeconds: readRetryAfter(init.headers?.['retry-after'] ?? init.headers?.['Retry-After']),
    cause: init.cause,
  });
}

/** Maps anything the Graph SDK throws (its GraphError, a fetch failure, an abort) to a coded domain error. */
export function toGraphError(err: unknown, path: string, method = 'GET'): GraphError {
  if (err instanceof GraphError) return err;
  const e = err as {
    statusCode?: unknown;
    body?: unknown;
    requestId?: unknown;
    headers?: unknown;
    name?: unknown;
    message?: unknown;
  };
  if (typeof e?.statusCode === 'number' && e.statusCode > 0) {
    let body: unknown = e.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        body = {};
      }
    }
    const headers: Record<string, string | undefined> = {};
    if (e.headers && typeof (e.headers as Headers).get === 'function') {
      const h = e.headers as Headers;
      headers['request-id'] = h.get('request-id') ?? undefined;
      headers['retry-after'] = h.get('retry-after') ?? undefined;
    }
    if (typeof e.requestId === 'string' && !headers['request-id']) headers['request-id'] = e.requestId;
    return graphErrorFrom({ status: e.statusCode, body, path, method, headers, cause: err });
  }
  const aborted = e?.name === 'AbortError' || e?.name === 'TimeoutError';
  return new GraphError({
    code: aborted ? 'graph.timeout' : 'graph.unavailable',
    status: 0,
    message: aborted
      ? `Graph did not answer ${method} ${path} in time`
      : `Graph could not be reached for ${method} ${path}: ${typeof e?.message === 'string' ? e.message : String(err)}`,
    path,
    cause: err,
  });
}
