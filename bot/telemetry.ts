import { createRequire } from 'node:module';
import type { TokenCredential } from '@azure/identity';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Attributes, Span } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from './log';
import { currentTurnScope, type TurnFact, type TurnScope } from './turn-scope';

type OpenTelemetryApi = typeof import('@opentelemetry/api');
type TraceSdk = typeof import('@opentelemetry/sdk-trace-base');
type Resources = typeof import('@opentelemetry/resources');
type AzureMonitorExporter = typeof import('@azure/monitor-opentelemetry-exporter');

/** What {@link startTelemetry} needs; built by the composition root from the settings. */
export interface TelemetryOptions {
  /** APPLICATIONINSIGHTS_CONNECTION_STRING. */
  connectionString: string;
  /** Entra ID token for ingestion, for an Application Insights resource whose local authentication is off. */
  credential?: TokenCredential;
  /** Application Insights' cloud role name. */
  serviceName: string;
  /** Application Insights' cloud role instance. */
  instanceId: string;
  logger: Logger;
}

/** Traces sent to Application Insights: one request per turn, one dependency per Graph HTTP call. */
export interface Telemetry {
  /** Runs one turn inside its span; the span takes the turn's facts (intent, verb, outcome) when `run` settles. */
  traceTurn(scope: TurnScope, run: () => Promise<void>): Promise<void>;
  /** For the Graph transport: a span around every HTTP attempt, a child of the turn's span during a turn. */
  readonly graphMiddleware: Middleware;
  /** Sends the spans not exported yet and stops. */
  shutdown(): Promise<void>;
}

/** ExportResultCode.SUCCESS of @opentelemetry/core. */
const EXPORT_SUCCESS = 0;

/** Outcomes that are an answer the bot meant to give, even if it is a refusal. */
const ANSWERED = new Set([
  'ok',
  'duplicate',
  'tenant-not-allowed',
  'input.invalid',
  'action.stale',
  'action.forbidden',
]);

function text(fact: TurnFact | undefined): string | undefined {
  return fact === undefined ? undefined : String(fact);
}

function definedAttributes(values: Record<string, string | number | undefined>): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The URL of a Graph call without its query (room names, UPNs in filters) and with UPNs in the path masked: personal
 * data stays out of Application Insights. Undefined when it is not a URL (telemetry must never fail the call).
 */
function safeUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    url.search = '';
    url.pathname = url.pathname
      .split('/')
      .map((segment) => (decoded(segment).includes('@') ? '{upn}' : segment))
      .join('/');
    return url;
  } catch {
    return undefined;
  }
}

/**
 * The ingestion endpoint when it is plain HTTP on this machine (a local stand-in for Application Insights, as in
 * the tests): the exporter would otherwise rewrite http:// to https://, which such a stand-in does not serve.
 */
function loopbackHttpEndpoint(connectionString: string): string | undefined {
  const raw = /(?:^|;)\s*IngestionEndpoint=([^;]+)/i.exec(connectionString)?.[1]?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
      return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Starts exporting traces to Application Insights. The OpenTelemetry and Azure Monitor packages are loaded here,
 * on demand: a bot without a connection string never loads them.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  // require, not import(): tsx turns import() into require while compiled code would load the packages' ESM
  // builds; one module format in tests and in production.
  const load = createRequire(__filename);
  const api = load('@opentelemetry/api') as OpenTelemetryApi;
  const sdk = load('@opentelemetry/sdk-trace-base') as TraceSdk;
  const resources = load('@opentelemetry/resources') as Resources;
  const azure = load('@azure/monitor-opentelemetry-exporter') as AzureMonitorExporter;
  const log = options.logger;

  const loopback = loopbackHttpEndpoint(options.connectionString);
  const exporter = new azure.AzureMonitorTraceExporter({
    connectionString: options.connectionString,
    ...(options.credential ? { credential: options.credential } : {}),
    ...(loopback ? { host: loopback, allowInsecureConnection: true } : {}),
  });
  const provider = new sdk.BasicTracerProvider({
    resource: resources.resourceFromAttributes({
      'service.name': options.serviceName,
      'service.instance.id': options.instanceId,
    }),
    spanProcessors: [new sdk.BatchSpanProcessor(reportingFailures(exporter, log))],
  });
  const tracer = provider.getTracer('helpdesk-bot');
  const turnSpans = new WeakMap<TurnScope, Span>();

  const parentContext = () => {
    const scope = currentTurnScope();
    const parent = scope && turnSpans.get(scope);
    return parent ? api.trace.setSpan(api.ROOT_CONTEXT, parent) : api.ROOT_CONTEXT;
  };

  let next: Middleware | undefined;
  const graphMiddleware: Middleware = {
    setNext(middleware: Middleware) {
      next = middleware;
    },
    async execute(context: Context): Promise<void> {
      if (!next) throw new Error('the Graph telemetry middleware has no next handler');
      const method = (context.options?.method ?? 'GET').toUpperCase();
      // A URL string or a fetch Request; typed with the DOM's RequestInfo, which this Node project does not load.
      const request = context.request as unknown as string | { url: string };
      const url = safeUrl(typeof request === 'string' ? request : request.url);
      const span = tracer.startSpan(
        `${method} ${url?.pathname ?? 'graph'}`,
        {
          kind: api.SpanKind.CLIENT,
          attributes: {
            'http.request.method': method,
            ...(url ? { 'url.full': url.href, 'server.address': url.hostname } : {}),
          },
        },
        parentContext(),
      );
      try {
        await next.execute(context);
        const status = context.response?.status;
        const requestId = context.response?.headers.get('request-id') ?? undefined;
        span.setAttributes(
          definedAttributes({ 'http.response.status_code': status, 'graph.request_id': requestId }),
        );
        if (status !== undefined && status >= 400) span.setStatus({ code: api.SpanStatusCode.ERROR });
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: (err as Error).message });
        throw err;
      } finally {
        span.end();
      }
    },
  };

  return {
    graphMiddleware,
    async traceTurn(scope, run) {
      const span = tracer.startSpan(
        'turn',
        { kind: api.SpanKind.SERVER, attributes: { 'helpdesk.correlation_id': scope.correlationId } },
        api.ROOT_CONTEXT,
      );
      turnSpans.set(scope, span);
      let failure: unknown;
      try {
        await run();
      } catch (err) {
        failure = err;
        throw err;
      } finally {
        const facts = scope.facts;
        const status = typeof facts.httpStatus === 'number' ? facts.httpStatus : undefined;
        const outcome =
          text(facts.outcome) ??
          (failure !== undefined ? 'error' : status !== undefined && status >= 400 ? `http-${status}` : 'ok');
        const subject = text(facts.intent) ?? text(facts.verb);
        span.updateName(['turn', text(facts.activityType), subject].filter(Boolean).join(' '));
        span.setAttributes(
          definedAttributes({
            // With a method but no route, Application Insights names the request after the span and takes the
            // status as its result code.
            'http.request.method': 'POST',
            'http.response.status_code': status,
            'helpdesk.activity_type': text(facts.activityType),
            'helpdesk.intent': text(facts.intent),
            'helpdesk.command': text(facts.command),
            'helpdesk.verb': text(facts.verb),
            'helpdesk.outcome': outcome,
          }),
        );
        if (failure !== undefined) span.recordException(failure as Error);
        const ok = ANSWERED.has(outcome) && (status === undefined || status < 500);
        span.setStatus(
          ok ? { code: api.SpanStatusCode.OK } : { code: api.SpanStatusCode.ERROR, message: outcome },
        );
        span.end();
      }
    },
    async shutdown() {
      try {
        await provider.shutdown();
      } catch (err) {
        log.warn({ err }, 'telemetry: could not send the last spans');
      }
    },
  };
}

/**
 * The exporter reports failures (a missing Monitoring Metrics Publisher role, a wrong connection string) only to
 * OpenTelemetry's global diagnostics; the operator reads the bot's log. Logged when exporting starts failing and
 * when it recovers, not at every batch.
 */
function reportingFailures(exporter: SpanExporter, log: Logger): SpanExporter {
  let failing = false;
  return {
    export(spans, done) {
      let answered = false;
      exporter.export(spans, (result) => {
        // The Azure Monitor exporter answers twice, the second time always with success: the first answer is the
        // real one.
        if (answered) return;
        answered = true;
        const ok = Number(result.code) === EXPORT_SUCCESS;
        if (!ok && !failing) {
          failing = true;
          log.warn(
            { err: result.error, spans: spans.length },
            'telemetry: export to Application Insights failed',
          );
        } else if (ok && failing) {
          failing = false;
          log.info('telemetry: export to Application Insights works again');
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    ...(exporter.forceFlush ? { forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve() } : {}),
  };
}
