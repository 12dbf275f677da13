import restify, { type Request, type Response } from 'restify';
import type { Logger } from './log';

/** One dependency's answer to the health probe. */
export interface HealthCheck {
  name: string;
  check(): Promise<Record<string, unknown> | void>;
}

export interface ServerOptions {
  logger: Logger;
  handleMessages(req: Request, res: Response): Promise<void>;
  checks: HealthCheck[];
  /** How long a health check may take before it counts as failed. */
  checkTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  /**
   * Drains: answers 503 to new requests (probes and Teams see an explicit "shutting down" rather than a refused
   * connection), waits at most `graceMs` for the requests in flight, then closes the listener.
   */
  close(graceMs: number): Promise<void>;
  inFlight(): number;
}

/** The bot's HTTP surface: `POST /api/messages` for Bot Framework activities and `GET /healthz` for probes. */
export async function startServer(
  options: ServerOptions,
  host: string,
  port: number,
): Promise<RunningServer> {
  const { logger } = options;
  const server = restify.createServer({ name: 'helpdesk-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  let inFlight = 0;
  let draining = false;
  const idle: (() => void)[] = [];

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (draining) {
      res.header('Retry-After', '5');
      res.send(503, { error: 'shutting down' });
      return;
    }
    inFlight++;
    try {
      await options.handleMessages(req, res);
    } catch (err) {
      logger.error({ err }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight--;
      if (inFlight === 0) idle.splice(0).forEach((f) => f());
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    // A draining instance must leave the load balancer whatever its dependencies say; no need to ask them.
    if (draining) {
      res.send(503, { status: 'draining', checks: {} });
      return;
    }
    const timeoutMs = options.checkTimeoutMs ?? 5000;
    const results = await Promise.all(
      options.checks.map(async (c) => {
        const started = Date.now();
        try {
          const details = await Promise.race([
            c.check(),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
            ),
          ]);
          return [c.name, { ok: true, ms: Date.now() - started, ...(details ?? {}) }] as const;
        } catch (err) {
          return [c.name, { ok: false, ms: Date.now() - started, error: (err as Error).message }] as const;
        }
      }),
    );
    const ok = results.every(([, r]) => r.ok) && !draining;
    res.send(ok ? 200 : 503, {
      status: ok ? 'ok' : draining ? 'draining' : 'degraded',
      checks: Object.fromEntries(results) as Record<string, Record<string, unknown>>,
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as { port: number };
  const url = `http://${host}:${address.port}`;

  return {
    url,
    inFlight: () => inFlight,
    async close(graceMs) {
      draining = true;
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((r) => idle.push(r)),
          new Promise((r) => setTimeout(r, graceMs).unref()),
        ]);
        if (inFlight > 0) logger.warn({ inFlight }, 'shutdown: turns still running after the grace period');
      }
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      // Keep-alive sockets would hold close() open; nothing new is accepted at this point.
      server.server.closeAllConnections?.();
      await closed;
    },
  };
}
