import type { Logger } from '../log';
import type { Directory, DirectoryPerson, DirectoryRoom } from '../recognition/types';
import type { GraphGateway } from './gateway';

/** A directory snapshot plus what it knows about where each account's Teams device is. */
export interface DirectorySnapshot extends Directory {
  loadedAt: Date | undefined;
  /** Teams device id by signed-in account (lower-case UPN and user id). */
  teamsDeviceByAccount: ReadonlyMap<string, string>;
  /** The usage location most users have: what a room account without one most likely needs. */
  usualUsageLocation: string | undefined;
}

const EMPTY: DirectorySnapshot = {
  rooms: [],
  people: [],
  loadedAt: undefined,
  teamsDeviceByAccount: new Map(),
  usualUsageLocation: undefined,
};

/**
 * Keeps rooms, people and the device map in memory, refreshed in the background, so recognition and diagnosis
 * never wait for a directory listing. A failed refresh keeps the previous snapshot.
 */
export class DirectoryCache {
  private snapshot: DirectorySnapshot = EMPTY;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly gateway: GraphGateway,
    private readonly options: {
      refreshMs: number;
      logger: Logger;
      onRefresh?: (snapshot: DirectorySnapshot) => void;
      now?: () => Date;
    },
  ) {}

  current(): DirectorySnapshot {
    return this.snapshot;
  }

  /** Loads the directory now; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** First load (errors logged, not thrown: the bot starts anyway and retries), then periodic refreshes. */
  async start(): Promise<void> {
    try {
      await this.refresh();
    } catch (err) {
      this.options.logger.error({ err }, 'directory: first load failed; retrying in the background');
    }
    this.timer = setInterval(() => {
      this.refresh().catch((err: unknown) =>
        this.options.logger.warn({ err }, 'directory: refresh failed; keeping the previous one'),
      );
    }, this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async load(): Promise<void> {
    const [rooms, people, devices] = await Promise.all([
      this.gateway.listRooms(),
      this.gateway.listPeople(),
      this.gateway.listTeamsDevices().catch((err: unknown) => {
        // Optional evidence: the beta device list fails for the whole tenant in known cases.
        this.options.logger.warn(
          { err },
          'directory: Teams device list unavailable; diagnoses will look devices up one by one',
        );
        return undefined;
      }),
    ]);
    const teamsDeviceByAccount = new Map<string, string>();
    for (const d of devices ?? []) {
      if (d.currentUser?.id) teamsDeviceByAccount.set(d.currentUser.id, d.id);
      if (d.currentUser?.userPrincipalName)
        teamsDeviceByAccount.set(d.currentUser.userPrincipalName.toLowerCase(), d.id);
    }
    const directoryRooms: DirectoryRoom[] = rooms
      .filter((r) => r.displayName && r.emailAddress)
      .map((r) => ({
        id: r.id,
        displayName: r.displayName ?? '',
        emailAddress: r.emailAddress ?? '',
        building: r.building ?? null,
        floor: r.floorNumber ?? null,
      }));
    const directoryPeople: DirectoryPerson[] = people
      .filter((p) => p.displayName && p.userPrincipalName)
      .map((p) => ({
        id: p.id,
        displayName: p.displayName ?? '',
        givenName: p.givenName ?? null,
        surname: p.surname ?? null,
        userPrincipalName: p.userPrincipalName ?? '',
        mail: p.mail ?? null,
      }));
    const roomAccounts = new Set(directoryRooms.map((r) => r.emailAddress.toLowerCase()));
    this.snapshot = {
      rooms: directoryRooms,
      // Room resource accounts are users too; they are not people to talk about.
      people: directoryPeople.filter((p) => !roomAccounts.has(p.userPrincipalName.toLowerCase())),
      loadedAt: this.options.now?.() ?? new Date(),
      teamsDeviceByAccount: devices ? teamsDeviceByAccount : this.snapshot.teamsDeviceByAccount,
      usualUsageLocation: mostCommon(people.map((p) => p.usageLocation)),
    };
    this.options.logger.info(
      { rooms: directoryRooms.length, people: this.snapshot.people.length, devices: devices?.length },
      'directory: loaded',
    );
    this.options.onRefresh?.(this.snapshot);
  }
}

function mostCommon(values: (string | null | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}
