import type { TokenCredential } from '@azure/identity';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';
import { TableStore } from './table-store';

export * from './store';
export { SqliteStore, type SqliteStoreOptions } from './sqlite-store';
export { TableStore, type TableStoreOptions } from './table-store';
export { StoreUnavailable } from './table-access';

/** Which engine to open, as read from the configuration. */
export type StoreOptions =
  | { kind: 'sqlite'; file: string; now?: () => Date }
  | {
      kind: 'azure-tables';
      connectionString?: string;
      endpoint?: string;
      /** Managed identity for `endpoint`; ignored when a connection string is given. */
      credential?: TokenCredential;
      tablePrefix?: string;
      now?: () => Date;
    };

/**
 * Opens the configured store: SQLite for a single instance, Azure Table Storage for several. The schema or tables
 * are created when missing.
 */
export async function openStore(config: StoreOptions): Promise<Store> {
  if (config.kind === 'sqlite') {
    const { kind: _kind, ...options } = config;
    return SqliteStore.open(options);
  }
  const { kind: _kind, ...options } = config;
  return await TableStore.open(options);
}
