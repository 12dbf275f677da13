import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One telemetry item as Application Insights' ingestion (Breeze, `/v2.1/track`) receives it. */
export interface Envelope {
  name: string;
  time: string;
  iKey?: string;
  tags?: Record<string, string>;
  data?: {
    baseType?: string;
    baseData?: Record<string, unknown> & { properties?: Record<string, string> };
  };
}

/** The instrumentation key the fake accepts; any key would do, the ingestion endpoint is what matters. */
export const FAKE_INSTRUMENTATION_KEY = '00000000-0000-0000-0000-000000000000';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
}

function parseEnvelopes(body: string): Envelope[] {
  const trimmed = body.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as Envelope[];
  return trimmed.split('\n').map((line) => JSON.parse(line) as Envelope);
}

/**
 * Stands in for Application Insights' ingestion endpoint on 127.0.0.1: accepts every envelope and keeps it, so a
 * test can point the bot's `APPLICATIONINSIGHTS_CONNECTION_STRING` at it and read what was exported.
 */
export class FakeIngestion {
  readonly envelopes: Envelope[] = [];
  /** Paths of the requests received, e.g. `/v2.1/track`. */
  readonly paths: string[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then(
        (body) => {
          this.paths.push(req.url ?? '');
          const items = parseEnvelopes(body);
          this.envelopes.push(...items);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
        },
        () => {
          res.writeHead(400);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** The connection string that sends the bot's telemetry here. */
  get connectionString(): string {
    return `IngestionEndpoint=${this.url};InstrumentationKey=${FAKE_INSTRUMENTATION_KEY}`;
  }

  /** Requests (turns) received, as Application Insights stores them. */
  requests(): Envelope[] {
    return this.envelopes.filter((e) => e.data?.baseType === 'RequestData');
  }

  /** Dependencies (Graph calls) received. */
  dependencies(): Envelope[] {
    return this.envelopes.filter((e) => e.data?.baseType === 'RemoteDependencyData');
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
