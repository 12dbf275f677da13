import {
  RestError,
  TableClient,
  type TableEntity,
  type TableEntityResult,
  type TransactionAction,
} from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';

/** The store cannot work with the Azure account as configured; the message names the setting to check. */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}

export type Entity = TableEntity<Record<string, unknown>>;
/** An entity as read back: its keys and ETag always present. */
export type StoredEntity = Record<string, unknown> & { etag: string; partitionKey: string; rowKey: string };

function stored(entity: TableEntityResult<Record<string, unknown>>): StoredEntity {
  return { ...entity, partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '' };
}

/** Where the tables are and how to authenticate, as given to TableStore.open. */
export interface TableAccount {
  connectionString?: string;
  endpoint?: string;
  credential?: TokenCredential;
}

export function errorCode(err: unknown): string | undefined {
  if (!(err instanceof RestError)) return undefined;
  const details = err.details as { errorCode?: unknown; Code?: unknown } | undefined;
  if (typeof details?.errorCode === 'string') return details.errorCode;
  if (typeof details?.Code === 'string') return details.Code;
  return err.code;
}

export function statusOf(err: unknown): number | undefined {
  return err instanceof RestError ? err.statusCode : undefined;
}

/** Which operation of a transaction failed: Azure prefixes the message with its index ("1:The specified ..."). */
export function failedIndex(err: unknown): number | undefined {
  if (!(err instanceof RestError)) return undefined;
  const match = /^(\d+):/.exec(err.message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

const AUTH_CODES = new Set([
  'AuthenticationFailed',
  'AuthorizationFailure',
  'AuthorizationPermissionMismatch',
  'AuthorizationResourceTypeMismatch',
  'InvalidAuthenticationInfo',
  'AccountIsDisabled',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'REQUEST_SEND_ERROR',
]);

/**
 * Turns the failures an operator must fix (missing table, refused credentials, unreachable endpoint) into a
 * {@link StoreUnavailable} that says which setting to check; other errors are returned unchanged.
 */
export function explain(err: unknown, table: string, account: TableAccount): unknown {
  if (err instanceof StoreUnavailable) return err;
  const code = errorCode(err);
  const status = statusOf(err);
  const where = account.connectionString
    ? 'AZURE_TABLES_CONNECTION_STRING'
    : `AZURE_TABLES_ENDPOINT (${account.endpoint ?? 'unset'})`;
  if (code === 'TableNotFound') {
    return new StoreUnavailable(
      `Azure table "${table}" does not exist. The bot creates its tables when it starts: restart it, or check ` +
        `AZURE_TABLES_PREFIX and that ${where} points at the right storage account.`,
      { cause: err },
    );
  }
  if (status === 401 || (status === 403 && (code === undefined || AUTH_CODES.has(code)))) {
    const hint = account.connectionString
      ? 'check the AccountKey or SharedAccessSignature in AZURE_TABLES_CONNECTION_STRING'
      : "check that the managed identity (AZURE_CLIENT_ID) has the 'Storage Table Data Contributor' role on the account";
    return new StoreUnavailable(
      `Azure Table Storage refused the credentials (${code ?? `HTTP ${status}`}) for table "${table}": ${hint}.`,
      { cause: err },
    );
  }
  if (err instanceof RestError && status === undefined && code !== undefined && NETWORK_CODES.has(code)) {
    return new StoreUnavailable(
      `Azure Table Storage is unreachable (${code}): check ${where} and the network path to it.`,
      { cause: err },
    );
  }
  if (err instanceof Error && err.name === 'CredentialUnavailableError') {
    return new StoreUnavailable(
      `No managed identity is available to reach Azure Table Storage: run the bot with a managed identity ` +
        `(AZURE_CLIENT_ID for a user-assigned one) or set AZURE_TABLES_CONNECTION_STRING.`,
      { cause: err },
    );
  }
  return err;
}

/**
 * One Azure table with the answers the store relies on made explicit: absent, already exists, condition failed.
 * Anything else is thrown, explained when an operator must act.
 */
export class Table {
  constructor(
    readonly name: string,
    private readonly client: TableClient,
    private readonly account: TableAccount,
  ) {}

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw explain(err, this.name, this.account);
    }
  }

  async ensureExists(): Promise<void> {
    // createTable ignores "already exists", so several instances may start together.
    await this.call(() => this.client.createTable());
  }

  async drop(): Promise<void> {
    await this.call(() => this.client.deleteTable());
  }

  async get(partitionKey: string, rowKey: string): Promise<StoredEntity | undefined> {
    try {
      return stored(
        await this.call(() => this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey)),
      );
    } catch (err) {
      if (statusOf(err) === 404 && errorCode(err) !== 'TableNotFound') return undefined;
      throw err;
    }
  }

  /** Inserts if absent: the new ETag, or `'exists'`. */
  async create(entity: Entity): Promise<{ etag: string } | 'exists'> {
    try {
      const res = await this.call(() => this.client.createEntity(entity));
      return { etag: res.etag ?? '' };
    } catch (err) {
      if (statusOf(err) === 409) return 'exists';
      throw err;
    }
  }

  /** Replaces the entity if its ETag is still `etag`: the new ETag, `'changed'` (412) or `'missing'` (404). */
  async replace(entity: Entity, etag: string): Promise<{ etag: string } | 'changed' | 'missing'> {
    try {
      const res = await this.call(() => this.client.updateEntity(entity, 'Replace', { etag }));
      return { etag: res.etag ?? '' };
    } catch (err) {
      const status = statusOf(err);
      if (status === 412) return 'changed';
      if (status === 404 && errorCode(err) !== 'TableNotFound') return 'missing';
      throw err;
    }
  }

  /** Merges no new values, only to change the ETag so writers holding the old one fail. */
  async touch(partitionKey: string, rowKey: string, etag: string): Promise<boolean> {
    try {
      await this.call(() => this.client.updateEntity({ partitionKey, rowKey }, 'Merge', { etag }));
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status === 412 || (status === 404 && errorCode(err) !== 'TableNotFound')) return false;
      throw err;
    }
  }

  /** Writes unconditionally; returns the new ETag. */
  async upsert(entity: Entity): Promise<string> {
    const res = await this.call(() => this.client.upsertEntity(entity, 'Replace'));
    return res.etag ?? '';
  }

  /** Deletes if present (and still at `etag` when given); false when absent or changed. */
  async delete(partitionKey: string, rowKey: string, etag = '*'): Promise<boolean> {
    try {
      await this.call(() => this.client.deleteEntity(partitionKey, rowKey, { etag }));
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status === 412 || (status === 404 && errorCode(err) !== 'TableNotFound')) return false;
      throw err;
    }
  }

  /** Runs a query page by page; `visit` returns false to stop early. */
  async query(
    filter: string | undefined,
    visit: (entities: StoredEntity[]) => boolean | Promise<boolean>,
    pageSize = 1000,
    select?: string[],
  ): Promise<void> {
    await this.call(async () => {
      const pages = this.client
        .listEntities<Record<string, unknown>>({
          queryOptions: { ...(filter ? { filter } : {}), ...(select ? { select } : {}) },
        })
        .byPage({ maxPageSize: pageSize });
      for await (const page of pages) {
        if (!(await visit(page.map(stored)))) break;
      }
    });
  }

  async all(filter: string, limit = Infinity): Promise<StoredEntity[]> {
    const out: StoredEntity[] = [];
    await this.query(
      filter,
      (page) => {
        for (const entity of page) {
          if (out.length >= limit) return false;
          out.push(entity);
        }
        return out.length < limit;
      },
      Math.min(1000, Math.max(1, limit)),
    );
    return out;
  }

  /** An entity group transaction (one partition, at most 100 operations): all or nothing. */
  async transaction(actions: TransactionAction[]): Promise<void> {
    await this.call(() => this.client.submitTransaction(actions));
  }
}

// Whether requests may go over plain HTTP: only to a local emulator such as Azurite.
function insecureAllowed(account: TableAccount): boolean {
  const cs = account.connectionString ?? '';
  return (
    /UseDevelopmentStorage=true/i.test(cs) ||
    /DefaultEndpointsProtocol=http(;|$)/i.test(cs) ||
    /TableEndpoint=http:\/\//i.test(cs) ||
    (account.endpoint ?? '').startsWith('http://')
  );
}

export function openTable(name: string, account: TableAccount): Table {
  const options = { allowInsecureConnection: insecureAllowed(account) };
  let client: TableClient;
  if (account.connectionString) {
    client = TableClient.fromConnectionString(account.connectionString, name, options);
  } else if (account.endpoint && account.credential) {
    client = new TableClient(account.endpoint, name, account.credential, options);
  } else {
    throw new StoreUnavailable(
      'Azure Table Storage needs AZURE_TABLES_CONNECTION_STRING, or AZURE_TABLES_ENDPOINT with a managed identity ' +
        'credential.',
    );
  }
  return new Table(name, client, account);
}
