import { GraphError as GraphErrorClass, type GraphError } from '../errors';
import type { FleetDeviceFacts, FleetFacts, FleetGap, FleetScanCost } from '../diagnostics/fleet-facts';
import type { PhoneFacts, PhoneFleetFacts } from '../diagnostics/phone-facts';
import type { EvidenceGap, RoomFacts } from '../diagnostics/room-facts';
import type { DirectoryRoom } from '../recognition/types';
import type {
  GraphDevice,
  GraphLicenseDetails,
  GraphRoom,
  GraphSubscribedSku,
  GraphTeamworkDevice,
  GraphTeamworkDeviceConfiguration,
  GraphTeamworkDeviceHealth,
  GraphTeamworkDeviceOperation,
  GraphUser,
} from './model';
import type { ApiVersion, BatchRequest, BatchResult, GraphTransport, WriteResult } from './graph-transport';

export const SELECT = {
  user: 'id,displayName,userPrincipalName,mail,givenName,surname,accountEnabled,usageLocation,assignedLicenses,licenseAssignmentStates',
  person: 'id,displayName,givenName,surname,userPrincipalName,mail,usageLocation',
  licenseDetails: 'id,skuId,skuPartNumber,servicePlans',
  subscribedSku: 'id,skuId,skuPartNumber,capabilityStatus,consumedUnits,prepaidUnits,appliesTo',
  room: 'id,displayName,emailAddress,building,floorNumber,floorLabel,capacity,nickname',
  entraDevice:
    'id,deviceId,displayName,accountEnabled,trustType,operatingSystem,operatingSystemVersion,approximateLastSignInDateTime',
  teamworkDevice:
    'id,deviceType,hardwareDetail,currentUser,healthStatus,activityState,companyAssetTag,notes,lastModifiedDateTime',
  health: 'id,connection,loginStatus,softwareUpdateHealth,lastModifiedDateTime',
  configuration: 'id,softwareVersions,systemConfiguration',
  fleetAccount: 'id,userPrincipalName,mail,accountEnabled,assignedLicenses,licenseAssignmentStates',
} as const;

/** Escapes a value for an OData string literal. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const seg = encodeURIComponent;

/** What the gateway knows in advance about a room, from the directory cache, to save round trips. */
export interface RoomHints {
  teamsDeviceId?: string;
  /** The tenant's usual usage location, suggested when the room account has none. */
  usualUsageLocation?: string;
}

export interface GatewayOptions {
  /** How long subscribed SKUs are reused: they cost more throttling units than most reads. */
  skuCacheMs?: number;
  /** How long the phone fleet (for "how many other phones") is reused. */
  fleetCacheMs?: number;
  now?: () => Date;
}

/** Options of {@link GraphGateway.scanFleet}. */
export interface FleetScanOptions {
  /** Most HTTP requests the scan plans; the health reads get what the lists leave. Default {@link FLEET_SCAN_BUDGET}. */
  maxRequests?: number;
}

/**
 * HTTP requests a fleet scan plans at most. The issue allows 200 for 5,000 rooms; 20 are kept for what the
 * transport adds on its own (a throttled page retried, a `$batch` sent again for its throttled inner requests).
 */
export const FLEET_SCAN_BUDGET = 180;
// Graph refuses more values than this in one `in (...)` filter on directory objects.
const MAX_IN_VALUES = 15;
const MAX_BATCH = 20;
// Health batches in flight at once: a 5,000-device fleet would otherwise send its ~60 batches as one burst.
const HEALTH_BATCH_CONCURRENCY = 4;

/**
 * The one way the bot talks to Microsoft Graph: domain methods over {@link GraphTransport}.
 * Reads select only what the bot uses; independent reads of one diagnosis share one `$batch` per API version.
 */
export class GraphGateway {
  private skuCache: { at: number; value: GraphSubscribedSku[] } | undefined;
  private readonly skuCacheMs: number;
  private fleetCache: { at: number; value: FleetPhone[] } | undefined;
  private readonly fleetCacheMs: number;
  private runningScan: Promise<FleetFacts> | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly transport: GraphTransport,
    options: GatewayOptions = {},
  ) {
    this.skuCacheMs = options.skuCacheMs ?? 60_000;
    this.fleetCacheMs = options.fleetCacheMs ?? 5 * 60_000;
    this.now = options.now ?? (() => new Date());
  }

  /** A cheap read that proves Graph answers and the credentials work. */
  async ping(): Promise<void> {
    await this.transport.get('v1.0', '/users?$top=1&$select=id');
  }

  async listRooms(): Promise<GraphRoom[]> {
    return this.transport.getAll<GraphRoom>(
      'v1.0',
      `/places/microsoft.graph.room?$select=${SELECT.room}&$top=100`,
    );
  }

  async listPeople(): Promise<GraphUser[]> {
    return this.transport.getAll<GraphUser>('v1.0', `/users?$select=${SELECT.person}&$top=999`);
  }

  /** Every Teams device (beta; 50 per page). */
  async listTeamsDevices(): Promise<GraphTeamworkDevice[]> {
    return this.transport.getAll<GraphTeamworkDevice>(
      'beta',
      `/teamwork/devices?$select=${SELECT.teamworkDevice}`,
    );
  }

  async getSubscribedSkus(): Promise<GraphSubscribedSku[]> {
    const cached = this.cachedSkus();
    if (cached) return cached;
    const skus = await this.transport.getAll<GraphSubscribedSku>(
      'v1.0',
      `/subscribedSkus?$select=${SELECT.subscribedSku}`,
    );
    this.skuCache = { at: this.now().getTime(), value: skus };
    return skus;
  }

  /**
   * Gathers everything the room diagnosis needs. With the Teams device id known (directory cache), this is two
   * sequential round trips: account, licences, SKUs and the device in parallel batches, then the Entra device.
   * Teams device data is optional evidence: its failure becomes a gap, never an error.
   */
  async gatherRoomFacts(room: DirectoryRoom, hints: RoomHints = {}): Promise<RoomFacts> {
    const upn = room.emailAddress;
    const gaps: EvidenceGap[] = [];
    const cachedSkus = this.cachedSkus();
    const v1Requests: BatchRequest[] = [
      { id: 'user', url: `/users/${seg(upn)}?$select=${SELECT.user}` },
      { id: 'licenses', url: `/users/${seg(upn)}/licenseDetails?$select=${SELECT.licenseDetails}` },
    ];
    if (!cachedSkus) v1Requests.push({ id: 'skus', url: `/subscribedSkus?$select=${SELECT.subscribedSku}` });

    const [v1, device] = await Promise.all([
      this.transport.batch('v1.0', v1Requests),
      hints.teamsDeviceId ? this.readTeamsDevice(hints.teamsDeviceId) : Promise.resolve(undefined),
    ]);

    const userResult = v1.get('user');
    let account: GraphUser | null = null;
    if (userResult?.ok) account = userResult.body as GraphUser;
    else if (userResult && userResult.status !== 404) throw userResult.error;

    const licenseDetails = account
      ? this.collection<GraphLicenseDetails>(v1.get('licenses'), 'licence-details', gaps)
      : null;
    let subscribedSkus: GraphSubscribedSku[] | null = cachedSkus ?? null;
    if (!cachedSkus) {
      subscribedSkus = this.collection<GraphSubscribedSku>(v1.get('skus'), 'subscribed-skus', gaps);
      if (subscribedSkus) this.skuCache = { at: this.now().getTime(), value: subscribedSkus };
    }

    let teamsDevice: RoomFacts['teamsDevice'] = null;
    if (device?.kind === 'found' && this.belongsTo(device.value.device, account, upn))
      teamsDevice = device.value;
    else if (device?.kind === 'failed') gaps.push(device.gap);

    // No cached device (or it moved): look it up by the account; health and configuration follow.
    if (!teamsDevice && device?.kind !== 'failed' && account) {
      const found = await this.findTeamsDeviceFor(account.id);
      if (found.kind === 'failed') gaps.push(found.gap);
      else if (found.kind === 'found') {
        const full = await this.readTeamsDevice(found.id);
        if (full.kind === 'found') teamsDevice = full.value;
        else if (full.kind === 'failed') gaps.push(full.gap);
      }
      if (!teamsDevice && found.kind === 'none')
        gaps.push({ source: 'teams-device', reason: 'not-registered' });
    }

    const hostName =
      teamsDevice?.configuration?.systemConfiguration?.networkConfiguration?.hostName ?? undefined;
    let entraDevice: GraphDevice | null = null;
    if (hostName) {
      try {
        const page = await this.transport.get<{ value?: GraphDevice[] }>(
          'v1.0',
          `/devices?$filter=${encodeURIComponent(`displayName eq ${odataString(hostName)}`)}&$select=${SELECT.entraDevice}`,
        );
        entraDevice = page.value?.[0] ?? null;
        if (!entraDevice) gaps.push({ source: 'entra-device', reason: 'not-found' });
      } catch (err) {
        gaps.push(gapFrom('entra-device', err as GraphError));
      }
    }

    return {
      room: {
        id: room.id,
        displayName: room.displayName,
        emailAddress: upn,
        building: room.building ?? null,
        floor: room.floor ?? null,
      },
      account,
      licenseDetails,
      subscribedSkus,
      teamsDevice,
      entraDevice,
      gaps,
      gatheredAt: this.now().toISOString(),
      ...(hints.usualUsageLocation ? { tenantCountryCode: hints.usualUsageLocation } : {}),
    };
  }

  /** The licence state of an account, read fresh: effects check Graph before they write. */
  async getLicenceState(upn: string): Promise<GraphUser> {
    return this.transport.get<GraphUser>('v1.0', `/users/${seg(upn)}?$select=${SELECT.user}`);
  }

  /** Removes licences (assignLicense needs both arrays, even empty). */
  async removeLicences(upn: string, skuIds: string[]): Promise<WriteResult<GraphUser>> {
    return this.transport.write<GraphUser>('v1.0', 'POST', `/users/${seg(upn)}/assignLicense`, {
      addLicenses: [],
      removeLicenses: skuIds,
    });
  }

  async assignLicence(upn: string, skuId: string, disabledPlans: string[]): Promise<WriteResult<GraphUser>> {
    this.skuCache = undefined;
    return this.transport.write<GraphUser>('v1.0', 'POST', `/users/${seg(upn)}/assignLicense`, {
      addLicenses: [{ skuId, disabledPlans }],
      removeLicenses: [],
    });
  }

  /** Sets the usage location licence assignment needs (two-letter country code). */
  async setUsageLocation(upn: string, countryCode: string): Promise<WriteResult<unknown>> {
    return this.transport.write('v1.0', 'PATCH', `/users/${seg(upn)}`, { usageLocation: countryCode });
  }

  /** Free seats of a SKU, read fresh (a seat freed by a removal can be taken meanwhile). */
  async freeSeats(skuId: string): Promise<number | undefined> {
    this.skuCache = undefined;
    const sku = (await this.getSubscribedSkus()).find((s) => s.skuId?.toLowerCase() === skuId.toLowerCase());
    if (!sku || sku.prepaidUnits?.enabled == null || sku.consumedUnits == null) return undefined;
    return sku.prepaidUnits.enabled - sku.consumedUnits;
  }

  /**
   * Asks the Teams device to restart (beta). 202 carries the operation to poll; 409 means an operation is already
   * queued, which for a restart is as good.
   */
  async restartTeamsDevice(
    deviceId: string,
  ): Promise<
    | { status: 'accepted'; operationUrl?: string; requestId?: string }
    | { status: 'already-queued'; requestId?: string }
  > {
    try {
      const res = await this.transport.write(
        'beta',
        'POST',
        `/teamwork/devices/${seg(deviceId)}/restart`,
        {},
      );
      return {
        status: 'accepted',
        ...(res.location ? { operationUrl: res.location } : {}),
        ...(res.requestId ? { requestId: res.requestId } : {}),
      };
    } catch (err) {
      if (err instanceof GraphErrorClass && err.status === 409)
        return { status: 'already-queued', ...(err.requestId ? { requestId: err.requestId } : {}) };
      throw err;
    }
  }

  /**
   * Is the room back? Licence provisioning (every plan Success or Disabled) and the console's Teams sign-in, read
   * in parallel. `signedIn` is undefined when the device cannot be read.
   */
  async readSignIn(
    upn: string,
    deviceId: string | undefined,
  ): Promise<{ provisioned: boolean; signedIn: boolean | undefined; skuIds: string[] }> {
    const [v1, health] = await Promise.all([
      this.transport.batch('v1.0', [
        { id: 'licenses', url: `/users/${seg(upn)}/licenseDetails?$select=${SELECT.licenseDetails}` },
      ]),
      deviceId
        ? this.transport
            .get<GraphTeamworkDeviceHealth>(
              'beta',
              `/teamwork/devices/${seg(deviceId)}/health?$select=${SELECT.health}`,
            )
            .catch(() => undefined)
        : Promise.resolve(undefined),
    ]);
    const licences = v1.get('licenses');
    if (!licences?.ok) throw licences?.error ?? new Error('licence details missing from the batch answer');
    const details = (licences.body as { value?: GraphLicenseDetails[] }).value ?? [];
    const provisioned =
      details.length > 0 &&
      details.every((d) =>
        d.servicePlans.every((p) =>
          ['success', 'disabled'].includes((p.provisioningStatus ?? '').toLowerCase()),
        ),
      );
    const status = health?.loginStatus?.teamsConnection?.connectionStatus;
    return {
      provisioned,
      signedIn: status === undefined || status === null ? undefined : status.toLowerCase() === 'connected',
      skuIds: details.map((d) => d.skuId ?? ''),
    };
  }

  /** The operations (restart, software update, …) Graph knows for a Teams device, newest first. */
  async listDeviceOperations(deviceId: string): Promise<GraphTeamworkDeviceOperation[]> {
    const ops = await this.transport.getAll<GraphTeamworkDeviceOperation>(
      'beta',
      `/teamwork/devices/${seg(deviceId)}/operations?$select=id,operationType,status,createdDateTime,completedDateTime`,
    );
    return ops.sort((a, b) => (b.createdDateTime ?? '').localeCompare(a.createdDateTime ?? ''));
  }

  /**
   * Asks a Teams device for a restart or a firmware update (beta). 202 carries the operation to poll; 409 means
   * another operation is queued or running, which the caller must say rather than pretend it worked.
   */
  async startDeviceOperation(
    deviceId: string,
    action: 'restart' | 'update-firmware',
    firmware?: string,
  ): Promise<
    | { status: 'accepted'; operationUrl?: string; requestId?: string }
    | { status: 'conflict'; detail: string; requestId?: string }
  > {
    const path =
      action === 'restart'
        ? `/teamwork/devices/${seg(deviceId)}/restart`
        : `/teamwork/devices/${seg(deviceId)}/updateSoftware`;
    const body =
      action === 'restart'
        ? {}
        : { softwareType: 'firmware', ...(firmware ? { softwareVersion: firmware } : {}) };
    try {
      const res = await this.transport.write('beta', 'POST', path, body);
      return {
        status: 'accepted',
        ...(res.location ? { operationUrl: res.location } : {}),
        ...(res.requestId ? { requestId: res.requestId } : {}),
      };
    } catch (err) {
      if (err instanceof GraphErrorClass && err.status === 409)
        return {
          status: 'conflict',
          detail: err.message,
          ...(err.requestId ? { requestId: err.requestId } : {}),
        };
      throw err;
    }
  }

  /** One operation of a Teams device, by id (the last segment of the 202's Location). */
  async getDeviceOperation(deviceId: string, operationId: string): Promise<GraphTeamworkDeviceOperation> {
    return this.transport.get<GraphTeamworkDeviceOperation>(
      'beta',
      `/teamwork/devices/${seg(deviceId)}/operations/${seg(operationId)}?$select=id,operationType,status,createdDateTime,completedDateTime,error`,
    );
  }

  /** The Teams phones signed in with a user (desk phones; rooms, boards and displays are left out). */
  async listPhonesFor(userId: string): Promise<GraphTeamworkDevice[]> {
    const devices = await this.transport.getAll<GraphTeamworkDevice>(
      'beta',
      `/teamwork/devices?$filter=${encodeURIComponent(`currentUser/id eq ${odataString(userId)}`)}&$select=${SELECT.teamworkDevice}`,
    );
    return devices.filter((d) => isPhoneType(d.deviceType));
  }

  /**
   * Gathers what the phone diagnosis needs: the account and its licences (one v1.0 batch), the phone's device,
   * health and configuration (one beta batch), and the phone fleet (cached briefly: it is the same for every
   * diagnosis). Teams device data is optional evidence: its failure becomes a gap.
   */
  async gatherPhoneFacts(userId: string, deviceId: string | undefined): Promise<PhoneFacts> {
    const gaps: EvidenceGap[] = [];
    const [v1, device, fleet] = await Promise.all([
      this.transport.batch('v1.0', [
        { id: 'user', url: `/users/${seg(userId)}?$select=${SELECT.user}` },
        { id: 'licenses', url: `/users/${seg(userId)}/licenseDetails?$select=${SELECT.licenseDetails}` },
      ]),
      deviceId ? this.readTeamsDevice(deviceId) : Promise.resolve(undefined),
      this.phoneFleet().then(
        (value) => ({ ok: true as const, value }),
        (err: unknown) => ({ ok: false as const, err: err as GraphError }),
      ),
    ]);
    const userResult = v1.get('user');
    let user: GraphUser | null = null;
    if (userResult?.ok) user = userResult.body as GraphUser;
    else if (userResult && userResult.status !== 404) throw userResult.error;
    const licenseDetails = user
      ? this.collection<GraphLicenseDetails>(v1.get('licenses'), 'licence-details', gaps)
      : null;
    let phone: PhoneFacts['phone'] = null;
    if (device?.kind === 'found') phone = device.value;
    else if (device?.kind === 'failed') gaps.push(device.gap);
    else if (!deviceId) gaps.push({ source: 'teams-device', reason: 'not-registered' });
    let fleetFacts: PhoneFleetFacts | null = null;
    if (fleet.ok) fleetFacts = summariseFleet(fleet.value, deviceId, phone);
    else gaps.push(gapFrom('teams-device', fleet.err));
    return { user, licenseDetails, phone, fleet: fleetFacts, gaps, gatheredAt: this.now().toISOString() };
  }

  /** Every desk phone with its firmware; configurations are read 20 per `$batch`. */
  private async phoneFleet(): Promise<FleetPhone[]> {
    if (this.fleetCache && this.now().getTime() - this.fleetCache.at < this.fleetCacheMs)
      return this.fleetCache.value;
    const devices = (await this.listTeamsDevices()).filter((d) => isPhoneType(d.deviceType));
    const firmware = new Map<string, string | null>();
    for (let i = 0; i < devices.length; i += 20) {
      const chunk = devices.slice(i, i + 20);
      const results = await this.transport.batch(
        'beta',
        chunk.map((d, n) => ({
          id: String(n),
          url: `/teamwork/devices/${seg(d.id)}/configuration?$select=id,softwareVersions`,
        })),
      );
      chunk.forEach((d, n) => {
        const r = results.get(String(n));
        const config = r?.ok ? (r.body as GraphTeamworkDeviceConfiguration) : undefined;
        firmware.set(d.id, config?.softwareVersions?.firmwareSoftwareVersion ?? null);
      });
    }
    const value = devices.map((device) => ({ device, firmware: firmware.get(device.id) ?? null }));
    this.fleetCache = { at: this.now().getTime(), value };
    return value;
  }

  /**
   * Reads the whole fleet for the scheduled scan and the "fleet" command: every room, the rooms' accounts with
   * their licences, the subscribed SKUs and every Teams device, with the health (sign-in, connection, current app
   * and firmware versions) of as many devices as the request budget allows. A scan already running is shared.
   *
   * Request strategy, at most {@link FLEET_SCAN_BUDGET} HTTP requests; the figures are those of
   * `npm run bench:fleet` (5,000 rooms, 5,038 Teams devices, 180 requests):
   * - Teams devices: the list, 50 per page (Graph's maximum, no way around it): 101 pages, one after the other.
   *   Each item already says whether the device is healthy, offline or critical, but not its versions.
   * - Rooms: `$top=999` (Graph serves 100 by default and accepts more): 6 pages.
   * - Room accounts: paging the directory at 999 per page, or looking the rooms' addresses up 15 per `$filter`
   *   (Graph's `in` limit) and 20 filters per `$batch`, whichever is cheaper. The directory's size is not known up
   *   front, so pages are read until they have cost what the look-ups would (17 batches here), then the accounts
   *   not met yet are looked up: never more than twice the cheaper way. 6 pages here.
   * - Subscribed SKUs: once (or from the gateway's cache).
   * - Health, 20 per `$batch`, with what the budget leaves (66 batches, 1,320 devices here): first every
   *   device the list does not call healthy (those are the ones failing sign-in or offline), then healthy phones
   *   (firmware), then healthy rooms (a known-bad build may not have broken them yet), the most recently changed
   *   first. Versions are not read for the rest; the digest says for how many devices they were. The
   *   configuration is not read: health carries the same current versions. Reading every device would take
   *   about 250 more batches: over budget, and a burst the beta API would likely throttle.
   *
   * The Teams devices API is beta and has been seen failing for every device when one account is unlicensed: the
   * scan then goes on without devices and says so in `gaps`; licence anomalies are still reported.
   * @throws GraphError when the rooms cannot be listed (nothing to scan without them).
   */
  async scanFleet(options: FleetScanOptions = {}): Promise<FleetFacts> {
    this.runningScan ??= this.readFleet(options).finally(() => {
      this.runningScan = undefined;
    });
    return this.runningScan;
  }

  private async readFleet(options: FleetScanOptions): Promise<FleetFacts> {
    const budget = options.maxRequests ?? FLEET_SCAN_BUDGET;
    const cost: FleetScanCost = { httpRequests: 0, batchedRequests: 0 };
    const gaps: FleetGap[] = [];
    const scannedAt = this.now().toISOString();

    const devicesRead = this.pages<GraphTeamworkDevice>(
      'beta',
      `/teamwork/devices?$select=${SELECT.teamworkDevice}`,
      cost,
    ).catch((err: unknown) => {
      gaps.push(fleetGap('teams-devices', err));
      return null;
    });
    const directoryRead = (async () => {
      const rooms = await this.pages<GraphRoom>(
        'v1.0',
        `/places/microsoft.graph.room?$select=${SELECT.room}&$top=999`,
        cost,
      );
      const accounts = await this.roomAccounts(rooms, cost).catch((err: unknown) => {
        gaps.push(fleetGap('room-accounts', err));
        return null;
      });
      return { rooms, accounts };
    })();
    const skusRead = (async () => {
      if (!this.cachedSkus()) cost.httpRequests++;
      return this.getSubscribedSkus();
    })().catch((err: unknown) => {
      gaps.push(fleetGap('subscribed-skus', err));
      return null;
    });
    // Health reads are planned once every list has been paid for.
    const [devices, { rooms, accounts }, subscribedSkus] = await Promise.all([
      devicesRead,
      directoryRead,
      skusRead,
    ]);

    let fleet: FleetDeviceFacts[] | null = null;
    if (devices) {
      const consoles = devices.filter((d) => !isPhoneType(d.deviceType));
      const phones = devices.filter((d) => isPhoneType(d.deviceType));
      const healthy = (d: GraphTeamworkDevice) => (d.healthStatus ?? '').toLowerCase() === 'healthy';
      const newestFirst = (a: GraphTeamworkDevice, b: GraphTeamworkDevice) =>
        (b.lastModifiedDateTime ?? '').localeCompare(a.lastModifiedDateTime ?? '');
      const ranked = [
        ...consoles.filter((d) => !healthy(d)),
        ...phones.filter((d) => !healthy(d)),
        ...phones.filter(healthy).sort(newestFirst),
        ...consoles.filter(healthy).sort(newestFirst),
      ];
      const affordable = Math.max(0, budget - cost.httpRequests) * MAX_BATCH;
      const health = await this.readHealth(ranked.slice(0, affordable), cost);
      let failed = 0;
      fleet = devices.map((device) => {
        const read = health.get(device.id);
        if (read === undefined) return { device, health: null, healthRead: 'skipped' };
        if (read === null) {
          failed++;
          return { device, health: null, healthRead: 'failed' };
        }
        return { device, health: read, healthRead: 'read' };
      });
      if (failed > 0) gaps.push({ source: 'device-health', reason: 'unavailable', count: failed });
    }

    return { rooms, accounts, subscribedSkus, devices: fleet, gaps, scannedAt, cost };
  }

  /** Every page of a collection, each page counted in `cost`. */
  private async pages<T>(version: ApiVersion, path: string, cost: FleetScanCost): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    while (next) {
      const page: Page<T> = await this.transport.get<Page<T>>(version, next);
      cost.httpRequests++;
      items.push(...(page.value ?? []));
      next = this.nextPath(page, version);
    }
    return items;
  }

  /** The path of the next page, on the configured host (an absolute nextLink is not followed elsewhere). */
  private nextPath(page: Page<unknown>, version: ApiVersion): string | undefined {
    const link = page['@odata.nextLink'];
    if (!link) return undefined;
    const url = new URL(link, this.transport.baseUrl);
    const prefix = `/${version}`;
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    return `${path}${url.search}`;
  }

  /**
   * The rooms' accounts: directory pages while they cost less than looking the addresses up, then look-ups of the
   * addresses not met yet (see {@link scanFleet}). Accounts of other people met on the pages are dropped.
   * @throws GraphError when a page or a look-up fails: partial accounts would read as missing ones.
   */
  private async roomAccounts(rooms: GraphRoom[], cost: FleetScanCost): Promise<GraphUser[]> {
    const wanted = new Set(rooms.flatMap((r) => (r.emailAddress ? [r.emailAddress.toLowerCase()] : [])));
    const found = new Map<string, GraphUser>();
    const keep = (user: GraphUser) => {
      for (const address of [user.userPrincipalName, user.mail]) {
        const key = address?.toLowerCase();
        if (key && wanted.has(key)) found.set(key, user);
      }
    };
    const lookUpCost = Math.ceil(Math.ceil(wanted.size / MAX_IN_VALUES) / MAX_BATCH);
    let next: string | undefined = `/users?$select=${SELECT.fleetAccount}&$top=999`;
    for (let paged = 0; next && paged < lookUpCost; paged++) {
      const page: Page<GraphUser> = await this.transport.get<Page<GraphUser>>('v1.0', next);
      cost.httpRequests++;
      (page.value ?? []).forEach(keep);
      next = this.nextPath(page, 'v1.0');
    }
    if (next) {
      const missing = [...wanted].filter((address) => !found.has(address));
      const requests: BatchRequest[] = [];
      for (let i = 0; i < missing.length; i += MAX_IN_VALUES) {
        const values = missing
          .slice(i, i + MAX_IN_VALUES)
          .map(odataString)
          .join(',');
        requests.push({
          id: String(requests.length),
          url: `/users?$filter=${encodeURIComponent(`mail in (${values})`)}&$select=${SELECT.fleetAccount}`,
        });
      }
      cost.httpRequests += Math.ceil(requests.length / MAX_BATCH);
      cost.batchedRequests += requests.length;
      const results = await this.transport.batch('v1.0', requests);
      for (const request of requests) {
        const result = results.get(request.id);
        if (!result?.ok) throw result?.error ?? new Error('account look-up missing from the batch answer');
        ((result.body as Page<GraphUser>).value ?? []).forEach(keep);
      }
    }
    return [...new Set(found.values())];
  }

  /**
   * Health of the given devices, 20 per `$batch`, a few batches at a time. The map holds every device asked for:
   * its health, or `null` when Graph refused it.
   */
  private async readHealth(
    devices: GraphTeamworkDevice[],
    cost: FleetScanCost,
  ): Promise<Map<string, GraphTeamworkDeviceHealth | null>> {
    const out = new Map<string, GraphTeamworkDeviceHealth | null>();
    const chunks: GraphTeamworkDevice[][] = [];
    for (let i = 0; i < devices.length; i += MAX_BATCH) chunks.push(devices.slice(i, i + MAX_BATCH));
    let nextChunk = 0;
    const worker = async () => {
      for (let chunk = chunks[nextChunk++]; chunk; chunk = chunks[nextChunk++]) {
        cost.httpRequests++;
        cost.batchedRequests += chunk.length;
        let results: Map<string, BatchResult>;
        try {
          results = await this.transport.batch(
            'beta',
            chunk.map((d, n) => ({
              id: String(n),
              url: `/teamwork/devices/${seg(d.id)}/health?$select=${SELECT.health}`,
            })),
          );
        } catch {
          chunk.forEach((d) => out.set(d.id, null));
          continue;
        }
        chunk.forEach((d, n) => {
          const r = results.get(String(n));
          out.set(d.id, r?.ok ? (r.body as GraphTeamworkDeviceHealth) : null);
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(HEALTH_BATCH_CONCURRENCY, chunks.length) }, worker));
    return out;
  }

  /** Ids of the groups a user is a direct member of (Graph expands at most 20). */
  async memberGroupIds(userId: string): Promise<string[]> {
    const user = await this.transport.get<{ memberOf?: { id: string }[] }>(
      'v1.0',
      `/users/${seg(userId)}?$select=id&$expand=memberOf($select=id)`,
    );
    return (user.memberOf ?? []).map((g) => g.id.toLowerCase());
  }

  private cachedSkus(): GraphSubscribedSku[] | undefined {
    if (this.skuCache && this.now().getTime() - this.skuCache.at < this.skuCacheMs)
      return this.skuCache.value;
    return undefined;
  }

  private collection<T>(
    result: BatchResult | undefined,
    source: EvidenceGap['source'],
    gaps: EvidenceGap[],
  ): T[] | null {
    if (result?.ok) return (result.body as { value?: T[] }).value ?? [];
    if (result) gaps.push(gapFrom(source, result.error));
    return null;
  }

  /** The cached device id may be stale: trust it only while it still signs in with this room's account. */
  private belongsTo(device: GraphTeamworkDevice, account: GraphUser | null, upn: string): boolean {
    const cu = device.currentUser;
    if (!cu) return false;
    if (account && cu.id === account.id) return true;
    return (cu.userPrincipalName ?? '').toLowerCase() === upn.toLowerCase();
  }

  private async readTeamsDevice(
    id: string,
  ): Promise<
    | { kind: 'found'; value: NonNullable<RoomFacts['teamsDevice']> }
    | { kind: 'none' }
    | { kind: 'failed'; gap: EvidenceGap }
  > {
    let results: Map<string, BatchResult>;
    try {
      results = await this.transport.batch('beta', [
        { id: 'device', url: `/teamwork/devices/${seg(id)}?$select=${SELECT.teamworkDevice}` },
        { id: 'health', url: `/teamwork/devices/${seg(id)}/health?$select=${SELECT.health}` },
        {
          id: 'configuration',
          url: `/teamwork/devices/${seg(id)}/configuration?$select=${SELECT.configuration}`,
        },
      ]);
    } catch (err) {
      return { kind: 'failed', gap: gapFrom('teams-device', err as GraphError) };
    }
    const device = results.get('device');
    if (!device?.ok) {
      if (device?.status === 404) return { kind: 'none' };
      return {
        kind: 'failed',
        gap: device
          ? gapFrom('teams-device', device.error)
          : { source: 'teams-device', reason: 'unavailable' },
      };
    }
    const health = results.get('health');
    const configuration = results.get('configuration');
    return {
      kind: 'found',
      value: {
        device: device.body as GraphTeamworkDevice,
        health: health?.ok ? (health.body as GraphTeamworkDeviceHealth) : null,
        configuration: configuration?.ok ? (configuration.body as GraphTeamworkDeviceConfiguration) : null,
      },
    };
  }

  private async findTeamsDeviceFor(
    userId: string,
  ): Promise<{ kind: 'found'; id: string } | { kind: 'none' } | { kind: 'failed'; gap: EvidenceGap }> {
    try {
      const page = await this.transport.get<{ value?: GraphTeamworkDevice[] }>(
        'beta',
        `/teamwork/devices?$filter=${encodeURIComponent(`currentUser/id eq ${odataString(userId)}`)}&$select=id`,
      );
      const first = page.value?.[0];
      return first ? { kind: 'found', id: first.id } : { kind: 'none' };
    } catch (err) {
      return { kind: 'failed', gap: gapFrom('teams-device', err as GraphError) };
    }
  }
}

/** Teams device types that are desk phones. */
const PHONE_TYPES: readonly string[] = ['ipphone', 'lowcostphone', 'sip'];

function isPhoneType(deviceType: string | null | undefined): boolean {
  return PHONE_TYPES.includes((deviceType ?? '').toLowerCase());
}

/** One page of a Graph collection. */
interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

function fleetGap(source: FleetGap['source'], err: unknown): FleetGap {
  const gap = gapFrom('teams-device', err as GraphError);
  return { ...gap, source };
}

interface FleetPhone {
  device: GraphTeamworkDevice;
  firmware: string | null;
}

function fleetEntry(d: GraphTeamworkDevice): PhoneFleetFacts['otherOffline'][number] {
  return { id: d.id, user: d.currentUser?.displayName ?? null, model: d.hardwareDetail.model ?? null };
}

function summariseFleet(
  fleet: FleetPhone[],
  deviceId: string | undefined,
  phone: PhoneFacts['phone'],
): PhoneFleetFacts {
  const others = fleet.filter((p) => p.device.id !== deviceId);
  const firmware =
    phone?.configuration?.softwareVersions?.firmwareSoftwareVersion ??
    fleet.find((p) => p.device.id === deviceId)?.firmware ??
    null;
  return {
    total: fleet.length,
    otherOffline: others
      .filter((p) => (p.device.healthStatus ?? '').toLowerCase() === 'offline')
      .map((p) => fleetEntry(p.device)),
    sameFirmware: firmware
      ? others.filter((p) => p.firmware === firmware).map((p) => fleetEntry(p.device))
      : [],
  };
}

function gapFrom(source: EvidenceGap['source'], error: GraphError): EvidenceGap {
  const reason: EvidenceGap['reason'] =
    error.code === 'graph.forbidden' || error.code === 'graph.unauthorized'
      ? 'forbidden'
      : error.code === 'graph.throttled'
        ? 'throttled'
        : error.code === 'graph.not-found'
          ? 'not-found'
          : 'unavailable';
  return error.requestId ? { source, reason, requestId: error.requestId } : { source, reason };
}
