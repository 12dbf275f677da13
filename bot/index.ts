import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ManagedIdentityCredential } from '@azure/identity';
import { loadConfig, type Config } from './config';
import { LateMessenger } from './notify/messenger';
import { RateLimiter } from './notify/rate-limiter';
import { Scheduler } from './scheduler/scheduler';
import { openStore } from './store';
import { TeamsMessenger } from './teams/teams-messenger';
import { HelpdeskAuthorizer } from './workflow/authorizer';
import { CaseService } from './workflow/case-service';
import { EffectRunner } from './workflow/effect-runner';
import { FleetWatch } from './workflow/fleet-watch';
import { runFleetScan } from './commands/fleet';
import { ConfigError } from './errors';
import type { BotServices } from './commands/types';
import { createGraphCredential } from './graph/credentials';
import { DirectoryCache } from './graph/directory-cache';
import { GraphGateway } from './graph/gateway';
import { GraphTransport } from './graph/graph-transport';
import { createLogger, type Logger } from './log';
import { buildRecogniser, type Recogniser } from './recognition';
import { startServer, type RunningServer } from './server';
import { createTeamsEdge } from './teams/teams-edge';
import { startTelemetry } from './telemetry';
import { outsideTurnScope } from './turn-scope';

/** A running bot, for the process entry point and for tests. */
export interface RunningBot {
  url: string;
  config: Config;
  services: BotServices;
  logger: Logger;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

function storeOptions(config: Config): Parameters<typeof openStore>[0] {
  const s = config.store;
  if (s.kind === 'sqlite') {
    mkdirSync(dirname(s.file), { recursive: true });
    return s;
  }
  const credential = s.connectionString
    ? undefined
    : new ManagedIdentityCredential(s.managedIdentityClientId ? { clientId: s.managedIdentityClientId } : {});
  return {
    kind: 'azure-tables',
    tablePrefix: s.tablePrefix,
    ...(s.connectionString ? { connectionString: s.connectionString } : {}),
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    ...(credential ? { credential } : {}),
  };
}

/**
 * Composition root: validates the settings, builds every client and handler, starts the HTTP server.
 * The only place that knows the environment.
 */
export async function startBot(
  env: Readonly<Record<string, string | undefined>>,
  options: { logger?: Logger; now?: () => Date } = {},
): Promise<RunningBot> {
  const config = loadConfig(env);
  const now = options.now ?? (() => new Date());
  const logger =
    options.logger ??
    createLogger({ level: config.log.level, pretty: config.log.pretty, base: { service: 'helpdesk-bot' } });

  if (config.bot.kind === 'local') {
    logger.warn(
      'LOCAL MODE: MicrosoftAppId is empty, so incoming requests are NOT authenticated. Use this only on your machine, never exposed to a network.',
    );
  }
  if (config.allowedTenantIds.size === 0)
    logger.warn('ALLOWED_TENANT_IDS is empty: activities from any tenant are accepted.');

  const credential = createGraphCredential(config.graph.auth);
  const telemetry = config.telemetry.connectionString
    ? startTelemetry({
        connectionString: config.telemetry.connectionString,
        // The infrastructure turns Application Insights' local authentication off: ingestion takes the identity's
        // Entra token (it holds Monitoring Metrics Publisher there).
        ...(config.graph.auth.kind === 'managed-identity' && credential ? { credential } : {}),
        serviceName: 'helpdesk-bot',
        instanceId: config.scheduler.instanceId,
        logger: logger.child({ component: 'telemetry' }),
      })
    : undefined;
  const transport = new GraphTransport({
    baseUrl: config.graph.baseUrl,
    ...(credential ? { credential } : {}),
    ...(telemetry ? { middleware: telemetry.graphMiddleware } : {}),
    maxRetries: config.graph.maxRetries,
    timeoutMs: config.graph.timeoutMs,
    logger: logger.child({ component: 'graph' }),
  });
  const gateway = new GraphGateway(transport);

  let recogniser: Recogniser = buildRecogniser({ rooms: [], people: [] });
  const directory = new DirectoryCache(gateway, {
    refreshMs: config.graph.directoryRefreshMs,
    logger: logger.child({ component: 'directory' }),
    onRefresh: (snapshot) => {
      recogniser = buildRecogniser(snapshot);
    },
  });

  const store = await openStore(storeOptions(config));
  // The scheduler needs the case service (through the effect runner) and the service wakes the scheduler.
  const schedulerRef: { current?: Scheduler } = {};
  const cases = new CaseService(store, config.cases, {
    now,
    logger: logger.child({ component: 'cases' }),
    // A commit made during a turn must not hand that turn's correlation id to the scheduler's timers.
    onCommitted: () => outsideTurnScope(() => schedulerRef.current?.wake()),
  });
  const authorizer = new HelpdeskAuthorizer(gateway, {
    groupId: config.helpdesk.groupId,
    userIds: config.helpdesk.userIds,
  });
  if (!config.helpdesk.groupId && config.helpdesk.userIds.size === 0) {
    logger.warn('Neither HELPDESK_GROUP_ID nor HELPDESK_USER_IDS is set: nobody may act on repair cases.');
  }

  const lateMessenger = new LateMessenger();
  const services: BotServices = {
    gateway,
    directory,
    recogniser: () => recogniser,
    now,
    store,
    cases,
    authorizer,
    messenger: lateMessenger,
    ...(config.helpdesk.conversationId ? { helpdeskConversationId: config.helpdesk.conversationId } : {}),
    ...(config.fleet.roomAccountPattern ? { roomAccountPattern: config.fleet.roomAccountPattern } : {}),
  };
  const edge = createTeamsEdge({
    bot: config.bot,
    allowedTenantIds: config.allowedTenantIds,
    services,
    logger,
    store,
    ...(telemetry ? { traceTurn: telemetry.traceTurn.bind(telemetry) } : {}),
  });
  const messenger = new TeamsMessenger(
    edge.adapter,
    edge.appId,
    store,
    new RateLimiter(),
    logger.child({ component: 'messenger' }),
  );
  lateMessenger.target = messenger;
  const runner = new EffectRunner({
    store,
    gateway,
    cases,
    messenger,
    ...(config.allowedTenantIds.size === 1 ? { tenantId: [...config.allowedTenantIds][0] } : {}),
    now,
    logger: logger.child({ component: 'effects' }),
  });
  const scheduler = new Scheduler(store, runner, {
    owner: config.scheduler.instanceId,
    pollMs: config.scheduler.pollMs,
    leaseMs: config.scheduler.leaseMs,
    now,
    logger: logger.child({ component: 'scheduler' }),
  });
  schedulerRef.current = scheduler;

  let server: RunningServer;
  try {
    server = await startServer(
      {
        logger,
        handleMessages: (req, res) => edge.handle(req, res),
        checks: [
          {
            name: 'graph',
            check: async () => {
              await gateway.ping();
              return { baseUrl: config.graph.baseUrl };
            },
          },
          { name: 'store', check: () => store.ping() },
          {
            name: 'directory',
            check: () => {
              const snap = directory.current();
              if (!snap.loadedAt) return Promise.reject(new Error('room directory not loaded yet'));
              return Promise.resolve({
                rooms: snap.rooms.length,
                people: snap.people.length,
                loadedAt: snap.loadedAt.toISOString(),
              });
            },
          },
        ],
      },
      config.host,
      config.port,
    );
  } catch (err) {
    await store.close().catch(() => undefined);
    await telemetry?.shutdown();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE')
      throw new ConfigError([
        `PORT=${config.port} is already in use on ${config.host}. Stop the other process or set PORT.`,
      ]);
    throw err;
  }
  logger.info(
    { url: server.url, graph: config.graph.baseUrl, mode: config.bot.kind, telemetry: Boolean(telemetry) },
    'bot listening',
  );
  await directory.start();
  // Timers that came due while the bot was down are due now: the first poll runs them.
  scheduler.start();
  const fleetWatch = new FleetWatch(store, messenger, (locale) => runFleetScan(services, locale), {
    intervalMs: config.fleet.scanIntervalMs,
    now,
    logger: logger.child({ component: 'fleet' }),
    ...(config.helpdesk.conversationId ? { fallbackConversationId: config.helpdesk.conversationId } : {}),
  });
  fleetWatch.start();

  return {
    url: server.url,
    config,
    services,
    logger,
    scheduler: scheduler,
    async stop() {
      directory.stop();
      await server.close(config.shutdownGraceMs);
      await fleetWatch.stop();
      await scheduler.stop();
      await store.close();
      // Last: the spans of the last turns and Graph calls go out too.
      await telemetry?.shutdown();
      logger.info('bot stopped');
    },
  };
}

async function main(): Promise<void> {
  let bot: RunningBot;
  try {
    bot = await startBot(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`The bot cannot start:\n- ${err.problems.join('\n- ')}\n`);
      process.exit(2);
    }
    throw err;
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    bot.logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        bot.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`The bot failed to start: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
