import { hostname } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './errors';
import { parseDuration } from './util/duration';

export type GraphAuth =
  | { kind: 'none' }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; certificatePath: string }
  | { kind: 'managed-identity'; clientId?: string };

export type BotAuth =
  | { kind: 'local' }
  | { kind: 'single-tenant'; appId: string; password: string; tenantId: string }
  | { kind: 'user-assigned-msi'; appId: string; tenantId: string }
  | { kind: 'multi-tenant'; appId: string; password: string };

/** The bot's validated settings. Built once by {@link loadConfig}; nothing else reads the environment. */
export interface Config {
  production: boolean;
  host: string;
  port: number;
  bot: BotAuth;
  /** Empty: any tenant is accepted (local use). */
  allowedTenantIds: ReadonlySet<string>;
  graph: {
    baseUrl: string;
    auth: GraphAuth;
    /** Upper bound for one Graph call including its retries. */
    timeoutMs: number;
    maxRetries: number;
    directoryRefreshMs: number;
  };
  log: { level: string; pretty: boolean };
  /** Application Insights; without a connection string no telemetry is sent (and nothing of it is loaded). */
  telemetry: { connectionString: string | undefined };
  shutdownGraceMs: number;
  store: StoreConfig;
  cases: {
    waitMinMs: number;
    waitMaxMs: number;
    verifyTimeoutMs: number;
    verifyPollMs: number;
    /** Phones: how often to read a restart or firmware update, and when to give up on it. */
    operationPollMs: number;
    operationTimeoutMs: number;
    requireApproval: boolean;
  };
  helpdesk: {
    /** The channel (conversation id) that receives end users' reports; `set helpdesk channel` can set it too. */
    conversationId: string | undefined;
    /** Entra group whose direct members may act on cases. */
    groupId: string | undefined;
    /** Entra object ids allowed to act, in addition to the group. */
    userIds: ReadonlySet<string>;
  };
  scheduler: { pollMs: number; leaseMs: number; instanceId: string };
  fleet: {
    /** How often the fleet is scanned for broken rooms and phones; 0 turns the scheduled scan off. */
    scanIntervalMs: number;
    /** Naming convention of room accounts (a regular expression on the UPN), when the tenant has one. */
    roomAccountPattern: RegExp | undefined;
  };
}

export type StoreConfig =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'azure-tables';
      connectionString?: string;
      endpoint?: string;
      managedIdentityClientId?: string;
      tablePrefix: string;
    };

type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the settings. Every problem is collected, so one run tells the operator all that is wrong.
 * @throws ConfigError listing each bad setting and how to fix it.
 */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(
        `${name}="${raw}" is not a whole number between ${min} and ${max}. Example: ${name}=${fallback}`,
      );
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = str(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name}="${raw}" must be true or false.`);
    return fallback;
  };
  const duration = (name: string, fallback: string): number => {
    const raw = str(name) ?? fallback;
    const ms = parseDuration(raw);
    if (ms === undefined || ms <= 0) {
      problems.push(`${name}="${raw}" is not an ISO 8601 duration. Examples: PT30S, PT15M, PT8H, P1D.`);
      return parseDuration(fallback) ?? 0;
    }
    return ms;
  };

  const nodeEnv = str('NODE_ENV') ?? 'development';
  const production = nodeEnv === 'production';

  const host = str('HOST') ?? (production ? '0.0.0.0' : '127.0.0.1');
  const port = int('PORT', 3978, 0, 65535);

  const bot = readBotAuth(str, problems);

  const allowedTenantIds = new Set<string>();
  for (const id of (str('ALLOWED_TENANT_IDS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (GUID.test(id)) allowedTenantIds.add(id.toLowerCase());
    else
      problems.push(
        `ALLOWED_TENANT_IDS contains "${id}", which is not a tenant id (a GUID). Separate ids with commas.`,
      );
  }

  const graphBaseUrl = (str('GRAPH_BASE_URL') ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  let graphUrl: URL | undefined;
  try {
    graphUrl = new URL(graphBaseUrl);
    if (graphUrl.protocol !== 'https:' && graphUrl.protocol !== 'http:') throw new Error('protocol');
    if (/\/(v1\.0|beta)$/.test(graphUrl.pathname)) {
      problems.push(
        `GRAPH_BASE_URL="${graphBaseUrl}" must not include the API version; use the host only, e.g. https://graph.microsoft.com`,
      );
    }
  } catch {
    problems.push(
      `GRAPH_BASE_URL="${graphBaseUrl}" is not a URL. Use https://graph.microsoft.com, or http://127.0.0.1:5005 for the emulator.`,
    );
  }
  const isLocalGraph =
    graphUrl !== undefined && ['127.0.0.1', 'localhost', '[::1]'].includes(graphUrl.hostname);
  const graphAuth = readGraphAuth(str, problems, isLocalGraph);

  const logLevel = str('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}.`);
  const logFormat = str('LOG_FORMAT') ?? 'json';
  if (logFormat !== 'json' && logFormat !== 'pretty')
    problems.push(`LOG_FORMAT="${logFormat}" must be json or pretty.`);
  const telemetryConnectionString = str('APPLICATIONINSIGHTS_CONNECTION_STRING');
  // The value is not repeated: a connection string pasted into the wrong setting may hold a key.
  if (
    telemetryConnectionString &&
    !/(^|;)\s*(InstrumentationKey|IngestionEndpoint)=/i.test(telemetryConnectionString)
  )
    problems.push(
      'APPLICATIONINSIGHTS_CONNECTION_STRING is not an Application Insights connection string: it has neither InstrumentationKey= nor IngestionEndpoint=. Copy the Connection String from the Application Insights resource (Overview page), or unset it to send no telemetry.',
    );

  if (production) {
    if (bot.kind === 'local')
      problems.push(
        "NODE_ENV=production needs MicrosoftAppId: the bot must verify that requests come from Teams. Set MicrosoftAppId to the Azure Bot's Microsoft App ID, with MicrosoftAppType (UserAssignedMSI or SingleTenant) and MicrosoftAppTenantId.",
      );
    if (allowedTenantIds.size === 0)
      problems.push(
        'NODE_ENV=production needs ALLOWED_TENANT_IDS: the bot must refuse other organisations. Set ALLOWED_TENANT_IDS to the tenant ids it serves (GUIDs, comma-separated), usually just yours.',
      );
    // GRAPH_AUTH=none against any other endpoint is refused by readGraphAuth already.
    if (isLocalGraph) {
      problems.push(
        `NODE_ENV=production needs the real Graph endpoint and credentials, not the local emulator (GRAPH_BASE_URL="${graphBaseUrl}"): unset GRAPH_BASE_URL and set GRAPH_AUTH (managed-identity on Azure, or client-secret / certificate).`,
      );
    }
  }

  const store = readStore(str, problems);
  const waitMinMs = duration('LICENCE_WAIT_MIN', 'PT8H');
  const waitMaxMs = duration('LICENCE_WAIT_MAX', 'PT24H');
  if (waitMaxMs < waitMinMs) problems.push('LICENCE_WAIT_MAX must not be shorter than LICENCE_WAIT_MIN.');
  const requireApproval = bool('REQUIRE_APPROVAL', false);
  const helpdeskGroupId = str('HELPDESK_GROUP_ID');
  if (helpdeskGroupId && !GUID.test(helpdeskGroupId))
    problems.push(`HELPDESK_GROUP_ID="${helpdeskGroupId}" is not a group object id (a GUID).`);
  const helpdeskUserIds = new Set<string>();
  for (const id of (str('HELPDESK_USER_IDS') ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (GUID.test(id)) helpdeskUserIds.add(id.toLowerCase());
    else problems.push(`HELPDESK_USER_IDS contains "${id}", which is not an Entra object id (a GUID).`);
  }
  if (production && !helpdeskGroupId && helpdeskUserIds.size === 0) {
    problems.push(
      "NODE_ENV=production needs HELPDESK_GROUP_ID or HELPDESK_USER_IDS: otherwise nobody may act on repair cases. Set HELPDESK_GROUP_ID to the object id of your helpdesk's Entra group, or HELPDESK_USER_IDS to user object ids (comma-separated).",
    );
  }

  const scanRaw = str('FLEET_SCAN_INTERVAL');
  const scanIntervalMs =
    scanRaw === '0' || scanRaw?.toLowerCase() === 'off' ? 0 : duration('FLEET_SCAN_INTERVAL', 'PT6H');
  let roomAccountPattern: RegExp | undefined;
  const patternRaw = str('ROOM_ACCOUNT_PATTERN');
  if (patternRaw) {
    try {
      roomAccountPattern = new RegExp(patternRaw, 'i');
    } catch (err) {
      problems.push(
        `ROOM_ACCOUNT_PATTERN="${patternRaw}" is not a regular expression (${(err as Error).message}). Example: ^room-[0-9a-z]+@contoso\\.com$`,
      );
    }
  }

  const config: Config = {
    production,
    host,
    port,
    bot,
    allowedTenantIds,
    graph: {
      baseUrl: graphBaseUrl,
      auth: graphAuth,
      timeoutMs: duration('GRAPH_TIMEOUT', 'PT20S'),
      maxRetries: int('GRAPH_MAX_RETRIES', 3, 0, 10),
      directoryRefreshMs: duration('DIRECTORY_REFRESH_INTERVAL', 'PT15M'),
    },
    log: { level: logLevel, pretty: logFormat === 'pretty' },
    telemetry: { connectionString: telemetryConnectionString },
    shutdownGraceMs: duration('SHUTDOWN_GRACE', 'PT10S'),
    store,
    cases: {
      waitMinMs,
      waitMaxMs,
      verifyTimeoutMs: duration('VERIFY_TIMEOUT', 'PT30M'),
      verifyPollMs: duration('VERIFY_POLL_INTERVAL', 'PT1M'),
      operationPollMs: duration('OPERATION_POLL_INTERVAL', 'PT15S'),
      operationTimeoutMs: duration('OPERATION_TIMEOUT', 'PT20M'),
      requireApproval,
    },
    helpdesk: {
      conversationId: str('HELPDESK_CONVERSATION_ID'),
      groupId: helpdeskGroupId?.toLowerCase(),
      userIds: helpdeskUserIds,
    },
    fleet: { scanIntervalMs, roomAccountPattern },
    scheduler: {
      pollMs: duration('SCHEDULER_POLL_INTERVAL', 'PT1S'),
      leaseMs: duration('SCHEDULER_LEASE', 'PT2M'),
      instanceId: str('INSTANCE_ID') ?? str('WEBSITE_INSTANCE_ID') ?? `${hostname()}-${process.pid}`,
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function readBotAuth(str: (name: string) => string | undefined, problems: string[]): BotAuth {
  const appId = str('MicrosoftAppId');
  if (!appId) return { kind: 'local' };
  if (!GUID.test(appId))
    problems.push(
      `MicrosoftAppId="${appId}" is not an app (client) id; copy it from the Azure Bot resource.`,
    );
  const type = (str('MicrosoftAppType') ?? 'MultiTenant').toLowerCase();
  const tenantId = str('MicrosoftAppTenantId');
  const password = str('MicrosoftAppPassword');
  const needTenant = (): string => {
    if (!tenantId || !GUID.test(tenantId)) {
      problems.push(`MicrosoftAppType=${type} needs MicrosoftAppTenantId set to your tenant id (a GUID).`);
      return '';
    }
    return tenantId;
  };
  switch (type) {
    case 'userassignedmsi':
      return { kind: 'user-assigned-msi', appId, tenantId: needTenant() };
    case 'singletenant':
      if (!password)
        problems.push(
          'MicrosoftAppType=SingleTenant needs MicrosoftAppPassword (the app registration secret).',
        );
      return { kind: 'single-tenant', appId, password: password ?? '', tenantId: needTenant() };
    case 'multitenant':
      if (!password)
        problems.push(
          'MicrosoftAppId is set, so MicrosoftAppPassword is required (or use MicrosoftAppType=UserAssignedMSI).',
        );
      return { kind: 'multi-tenant', appId, password: password ?? '' };
    default:
      problems.push(`MicrosoftAppType="${type}" must be SingleTenant, UserAssignedMSI or MultiTenant.`);
      return { kind: 'local' };
  }
}

function readGraphAuth(
  str: (name: string) => string | undefined,
  problems: string[],
  isLocalGraph: boolean,
): GraphAuth {
  const kind = str('GRAPH_AUTH') ?? (isLocalGraph ? 'none' : 'managed-identity');
  const tenantId = str('GRAPH_TENANT_ID');
  const clientId = str('GRAPH_CLIENT_ID');
  const requireIds = (): { tenantId: string; clientId: string } => {
    if (!tenantId || !GUID.test(tenantId))
      problems.push(`GRAPH_AUTH=${kind} needs GRAPH_TENANT_ID (your tenant id, a GUID).`);
    if (!clientId || !GUID.test(clientId))
      problems.push(`GRAPH_AUTH=${kind} needs GRAPH_CLIENT_ID (the app registration's client id).`);
    return { tenantId: tenantId ?? '', clientId: clientId ?? '' };
  };
  switch (kind) {
    case 'none':
      if (!isLocalGraph)
        problems.push(
          'GRAPH_AUTH=none only works with the local emulator (GRAPH_BASE_URL=http://127.0.0.1:PORT).',
        );
      return { kind: 'none' };
    case 'client-secret': {
      const secret = str('GRAPH_CLIENT_SECRET');
      if (!secret) problems.push('GRAPH_AUTH=client-secret needs GRAPH_CLIENT_SECRET.');
      return { kind: 'client-secret', ...requireIds(), clientSecret: secret ?? '' };
    }
    case 'certificate': {
      const certificatePath = str('GRAPH_CERTIFICATE_PATH');
      if (!certificatePath)
        problems.push(
          'GRAPH_AUTH=certificate needs GRAPH_CERTIFICATE_PATH (a PEM file with the private key and certificate).',
        );
      return { kind: 'certificate', ...requireIds(), certificatePath: certificatePath ?? '' };
    }
    case 'managed-identity':
      return clientId ? { kind: 'managed-identity', clientId } : { kind: 'managed-identity' };
    default:
      problems.push(`GRAPH_AUTH="${kind}" must be managed-identity, client-secret, certificate or none.`);
      return { kind: 'none' };
  }
}

function readStore(str: (name: string) => string | undefined, problems: string[]): StoreConfig {
  const kind = str('STORE') ?? 'sqlite';
  if (kind === 'sqlite') return { kind: 'sqlite', file: join(str('DATA_DIR') ?? 'data', 'helpdesk.sqlite') };
  if (kind !== 'azure-tables') {
    problems.push(
      `STORE="${kind}" must be sqlite (one instance, a file under DATA_DIR) or azure-tables (several instances).`,
    );
    return { kind: 'sqlite', file: 'data/helpdesk.sqlite' };
  }
  const connectionString = str('AZURE_TABLES_CONNECTION_STRING');
  const endpoint = str('AZURE_TABLES_ENDPOINT');
  if (!connectionString && !endpoint) {
    problems.push(
      'STORE=azure-tables needs AZURE_TABLES_CONNECTION_STRING, or AZURE_TABLES_ENDPOINT (https://ACCOUNT.table.core.windows.net) with a managed identity.',
    );
  }
  const managedIdentityClientId = str('AZURE_CLIENT_ID');
  return {
    kind: 'azure-tables',
    ...(connectionString ? { connectionString } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(managedIdentityClientId ? { managedIdentityClientId } : {}),
    tablePrefix: str('AZURE_TABLES_PREFIX') ?? 'helpdesk',
  };
}
