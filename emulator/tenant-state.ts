import { randomUUID } from 'node:crypto';
import type {
  FixtureAssignedLicense,
  FixtureEntraDevice,
  FixtureGroup,
  FixtureRoom,
  FixtureRoomList,
  FixtureSubscribedSku,
  FixtureTeamworkDevice,
  FixtureUser,
  GraphObject,
  TenantFixture,
} from './fixture-types';
import { resolveRelativeTimes } from './fixture-loader';
import { GraphError, badRequest, directoryNotFound, placeNotFound, teamworkNotFound } from './graph-error';

/** Timing settings of the tenant model; `now` is the emulator clock. */
export interface TenantStateOptions {
  purgeAfterMs: number;
  operationDurationMs: number;
  /** How long newly assigned service plans stay PendingProvisioning; 0 = provisioned at once. */
  provisioningDelayMs: number;
  now: () => number;
}

interface UserRecord {
  data: FixtureUser;
  groups: FixtureGroup[];
  /** When the account last lost its last Teams Rooms licence; null while it holds one. */
  roomsLicenceRemovedAt: number | null;
  /** skuId (lower case) -> when the assignment last changed. */
  licenceChangedAt: Map<string, number>;
}

/** The Teams device commands the emulator runs. */
export type OperationType = 'deviceRestart' | 'deviceDiagnostics' | 'softwareUpdate';

interface OperationRecord {
  id: string;
  deviceId: string;
  type: OperationType;
  createdAt: number;
  completesAt: number;
  settled: boolean;
  error: { code: string; message: string } | null;
  softwareType?: string;
  softwareVersion?: string | null;
}

interface DeviceRecord {
  data: FixtureTeamworkDevice;
  online: boolean;
  signedIn: boolean;
  licenceBug: boolean;
  teamsConnectionChangedAt: string;
  lastModifiedAt: string;
  operations: OperationRecord[];
}

interface SourceLicence {
  group: string | null;
  disabledPlans: string[];
}

interface EffectiveLicence {
  skuId: string;
  sources: SourceLicence[];
}

const ROOM_DEVICE_TYPES = new Set([
  'teamsroom',
  'collaborationbar',
  'touchconsole',
  'surfacehub',
  'teamspanel',
]);
const PHONE_DEVICE_TYPES = new Set(['ipphone', 'lowcostphone', 'teamsdisplay', 'sip']);
const SOFTWARE_TYPES = new Set([
  'adminAgent',
  'operatingSystem',
  'teamsClient',
  'firmware',
  'partnerAgent',
  'companyPortal',
]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function without<T extends Record<string, unknown>>(obj: T, ...keys: string[]): GraphObject {
  const out: GraphObject = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const k of keys) current = isRecord(current) ? current[k] : undefined;
  return current;
}

function lower(s: string): string {
  return s.toLowerCase();
}

/** The mutable tenant behind one emulator instance. */
export class TenantState {
  fixture!: TenantFixture;
  private users = new Map<string, UserRecord>();
  private usersByUpn = new Map<string, UserRecord>();
  private skus = new Map<string, FixtureSubscribedSku>();
  private places = new Map<
    string,
    { kind: 'room'; data: FixtureRoom } | { kind: 'roomList'; data: FixtureRoomList }
  >();
  private entraDevices = new Map<string, FixtureEntraDevice>();
  private devices = new Map<string, DeviceRecord>();
  private devicesByUser = new Map<string, DeviceRecord[]>();
  private pending: OperationRecord[] = [];
  private consumedCache: Map<string, number> | null = null;
  private roomsSkus = new Set<string>();
  private userLicenceSkus = new Set<string>();
  private teamsPlans = new Set<string>();
  private phonePlans = new Set<string>();
  private bugVersions = new Set<string>();

  constructor(
    private readonly source: TenantFixture,
    private readonly options: TenantStateOptions,
  ) {
    this.reset();
  }

  /** Restores the fixture; relative timestamps are resolved against the current emulator time. */
  reset(): void {
    const now = this.options.now();
    this.fixture = resolveRelativeTimes(structuredClone(this.source), now) as TenantFixture;
    const fx = this.fixture;
    const b = fx.behaviour;
    this.roomsSkus = new Set(b.teamsRoomsSkuIds.map(lower));
    this.userLicenceSkus = new Set(b.userLicenceSkuIds.map(lower));
    this.teamsPlans = new Set(b.teamsServicePlanIds.map(lower));
    this.phonePlans = new Set(b.teamsPhoneServicePlanIds.map(lower));
    this.bugVersions = new Set(b.licenceBugVersions);
    this.users.clear();
    this.usersByUpn.clear();
    this.skus.clear();
    this.places.clear();
    this.entraDevices.clear();
    this.devices.clear();
    this.devicesByUser.clear();
    this.pending = [];
    this.consumedCache = null;
    for (const sku of fx.subscribedSkus) this.skus.set(lower(sku.skuId), sku);
    for (const u of fx.users) {
      const rec: UserRecord = {
        data: u,
        groups: [],
        roomsLicenceRemovedAt: null,
        licenceChangedAt: new Map(),
      };
      this.users.set(lower(u.id), rec);
      this.usersByUpn.set(lower(u.userPrincipalName), rec);
    }
    for (const g of fx.groups) {
      for (const m of g.members) this.users.get(lower(m))?.groups.push(g);
    }
    for (const l of fx.roomLists) {
      const entry = { kind: 'roomList' as const, data: l };
      this.places.set(lower(l.id), entry);
      this.places.set(lower(l.emailAddress), entry);
    }
    for (const r of fx.rooms) {
      const entry = { kind: 'room' as const, data: r };
      this.places.set(lower(r.id), entry);
      this.places.set(lower(r.emailAddress), entry);
    }
    for (const d of fx.devices) this.entraDevices.set(lower(d.id), d);
    for (const d of fx.teamworkDevices) {
      const health = d.health;
      const connection = isRecord(health.connection) ? health.connection : {};
      const login = isRecord(health.loginStatus) ? health.loginStatus : {};
      const teams = isRecord(login.teamsConnection) ? login.teamsConnection : {};
      const iso = new Date(now).toISOString();
      const rec: DeviceRecord = {
        data: d,
        online: connection.connectionStatus === 'connected',
        signedIn: teams.connectionStatus === 'connected',
        licenceBug: d.emulator?.licenceBug === true,
        teamsConnectionChangedAt:
          typeof teams.lastModifiedDateTime === 'string' ? teams.lastModifiedDateTime : iso,
        lastModifiedAt: typeof d.lastModifiedDateTime === 'string' ? d.lastModifiedDateTime : iso,
        operations: [],
      };
      this.devices.set(lower(d.id), rec);
      if (d.currentUser) {
        const key = lower(d.currentUser.id);
        const list = this.devicesByUser.get(key) ?? [];
        list.push(rec);
        this.devicesByUser.set(key, list);
      }
    }
  }

  // ---------------------------------------------------------------- users and licences

  private user(key: string): UserRecord {
    const k = lower(key);
    const rec = this.users.get(k) ?? this.usersByUpn.get(k);
    if (!rec) throw directoryNotFound(key);
    return rec;
  }

  /** The stored users, for collectionBody; turn one into its served form with userItemView. */
  userItems(): GraphObject[] {
    return this.fixture.users;
  }

  userItemView(item: GraphObject): GraphObject {
    return this.viewOfUser(this.user(String(item.id)));
  }

  private effectiveLicences(u: UserRecord): EffectiveLicence[] {
    const out = new Map<string, EffectiveLicence>();
    const add = (l: FixtureAssignedLicense, group: string | null): void => {
      const k = lower(l.skuId);
      let e = out.get(k);
      if (!e) {
        e = { skuId: l.skuId, sources: [] };
        out.set(k, e);
      }
      e.sources.push({ group, disabledPlans: l.disabledPlans });
    };
    for (const l of u.data.assignedLicenses) add(l, null);
    for (const g of u.groups) for (const l of g.assignedLicenses) add(l, g.id);
    return [...out.values()];
  }

  /** Plans switched off in every assignment of the SKU (a plan is on when any assignment turns it on). */
  private disabledPlans(e: EffectiveLicence): string[] {
    const [first, ...rest] = e.sources;
    if (!first) return [];
    return first.disabledPlans.filter((p) =>
      rest.every((s) => s.disabledPlans.some((q) => lower(q) === lower(p))),
    );
  }

  private enabledPlanIds(u: UserRecord): Set<string> {
    const out = new Set<string>();
    for (const e of this.effectiveLicences(u)) {
      const sku = this.skus.get(lower(e.skuId));
      if (!sku) continue;
      const disabled = new Set(this.disabledPlans(e).map(lower));
      for (const p of sku.servicePlans)
        if (!disabled.has(lower(p.servicePlanId))) out.add(lower(p.servicePlanId));
    }
    return out;
  }

  private hasRoomsLicence(u: UserRecord): boolean {
    return this.effectiveLicences(u).some((e) => this.roomsSkus.has(lower(e.skuId)));
  }

  private hasUserLicence(u: UserRecord): boolean {
    return this.effectiveLicences(u).some((e) => this.userLicenceSkus.has(lower(e.skuId)));
  }

  private hasPhoneLicence(u: UserRecord): boolean {
    const plans = this.enabledPlanIds(u);
    return [...this.phonePlans].some((p) => plans.has(p));
  }

  private hasTeamsLicence(u: UserRecord): boolean {
    const plans = this.enabledPlanIds(u);
    return this.hasRoomsLicence(u) || [...this.teamsPlans, ...this.phonePlans].some((p) => plans.has(p));
  }

  private consumed(): Map<string, number> {
    if (this.consumedCache) return this.consumedCache;
    const counts = new Map<string, number>();
    for (const sku of this.skus.values()) {
      counts.set(lower(sku.skuId), sku.emulator?.consumedOutsideFixture ?? 0);
    }
    for (const u of this.users.values()) {
      for (const e of this.effectiveLicences(u)) {
        const k = lower(e.skuId);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    this.consumedCache = counts;
    return counts;
  }

  userView(key: string): GraphObject {
    return this.viewOfUser(this.user(key));
  }

  /** Ids of the groups the user is a direct member of. */
  groupIdsOf(key: string): string[] {
    return this.user(key).groups.map((g) => g.id);
  }

  private viewOfUser(u: UserRecord): GraphObject {
    const view = without(u.data, 'emulator', 'assignedLicenses');
    const effective = this.effectiveLicences(u);
    view.assignedLicenses = effective.map((e) => ({
      skuId: e.skuId,
      disabledPlans: [...this.disabledPlans(e)],
    }));
    view.licenseAssignmentStates = effective.flatMap((e) =>
      e.sources.map((s) => ({
        skuId: e.skuId,
        assignedByGroup: s.group,
        disabledPlans: [...s.disabledPlans],
        state: 'Active',
        error: 'None',
        lastUpdatedDateTime: new Date(
          u.licenceChangedAt.get(lower(e.skuId)) ?? this.loadedAt(u),
        ).toISOString(),
      })),
    );
    return view;
  }

  private loadedAt(u: UserRecord): number {
    const created = u.data.createdDateTime;
    return typeof created === 'string' ? Date.parse(created) : this.options.now();
  }

  private licenseDetailsId(u: UserRecord, skuId: string): string {
    return Buffer.from(`${u.data.id}:${skuId}`).toString('base64url');
  }

  licenseDetails(key: string): GraphObject[] {
    const u = this.user(key);
    const now = this.options.now();
    return this.effectiveLicences(u).map((e) => {
      const sku = this.skus.get(lower(e.skuId));
      const disabled = new Set(this.disabledPlans(e).map(lower));
      const changedAt = u.licenceChangedAt.get(lower(e.skuId));
      const pending =
        changedAt !== undefined &&
        this.options.provisioningDelayMs > 0 &&
        now - changedAt < this.options.provisioningDelayMs;
      const forced = u.data.emulator?.servicePlanStatus?.[e.skuId] ?? {};
      return {
        id: this.licenseDetailsId(u, e.skuId),
        skuId: e.skuId,
        skuPartNumber: sku?.skuPartNumber ?? null,
        servicePlans: (sku?.servicePlans ?? []).map((p) => ({
          servicePlanId: p.servicePlanId,
          servicePlanName: p.servicePlanName,
          provisioningStatus: disabled.has(lower(p.servicePlanId))
            ? 'Disabled'
            : (forced[p.servicePlanId] ?? (pending ? 'PendingProvisioning' : 'Success')),
          appliesTo: p.appliesTo ?? 'User',
        })),
      };
    });
  }

  licenseDetail(key: string, id: string): GraphObject {
    const found = this.licenseDetails(key).find((d) => d.id === id);
    if (!found) throw directoryNotFound(id);
    return found;
  }

  private skuView(sku: FixtureSubscribedSku): GraphObject {
    const view = without(sku, 'emulator');
    view.id = `${this.fixture.tenant.id}_${sku.skuId}`;
    view.accountId ??= this.fixture.tenant.id;
    view.accountName ??= this.fixture.tenant.displayName;
    view.appliesTo ??= 'User';
    view.capabilityStatus ??= 'Enabled';
    view.consumedUnits = this.consumed().get(lower(sku.skuId)) ?? 0;
    view.prepaidUnits = { suspended: 0, warning: 0, lockedOut: 0, ...sku.prepaidUnits };
    view.servicePlans = sku.servicePlans.map((p) => ({
      servicePlanId: p.servicePlanId,
      servicePlanName: p.servicePlanName,
      provisioningStatus: 'Success',
      appliesTo: p.appliesTo ?? 'User',
    }));
    view.subscriptionIds ??= [];
    return view;
  }

  subscribedSkus(): GraphObject[] {
    return [...this.skus.values()].map((s) => this.skuView(s));
  }

  subscribedSku(id: string): GraphObject {
    const prefix = lower(`${this.fixture.tenant.id}_`);
    const k = lower(id);
    const sku = k.startsWith(prefix) ? this.skus.get(k.slice(prefix.length)) : undefined;
    if (!sku) throw directoryNotFound(id);
    return this.skuView(sku);
  }

  /** `POST /users/{id}/assignLicense`, with Graph's validation and seat accounting. */
  assignLicense(key: string, body: unknown): GraphObject {
    if (!isRecord(body)) throw badRequest('The request body must be a JSON object.', 'Request_BadRequest');
    for (const prop of ['addLicenses', 'removeLicenses']) {
      if (!Array.isArray(body[prop])) {
        throw badRequest(
          `Invalid value specified for property '${prop}' of resource 'User'.`,
          'Request_BadRequest',
        );
      }
    }
    const adds: FixtureAssignedLicense[] = [];
    for (const raw of body.addLicenses as unknown[]) {
      if (!isRecord(raw) || typeof raw.skuId !== 'string' || !GUID.test(raw.skuId)) {
        throw badRequest(
          "Invalid value specified for property 'addLicenses' of resource 'User'.",
          'Request_BadRequest',
        );
      }
      const disabled = raw.disabledPlans ?? [];
      if (!Array.isArray(disabled) || disabled.some((p) => typeof p !== 'string' || !GUID.test(p))) {
        throw badRequest(
          "Invalid value specified for property 'disabledPlans' of resource 'User'.",
          'Request_BadRequest',
        );
      }
      adds.push({ skuId: raw.skuId, disabledPlans: disabled as string[] });
    }
    const removes: string[] = [];
    for (const raw of body.removeLicenses as unknown[]) {
      if (typeof raw !== 'string' || !GUID.test(raw)) {
        throw badRequest(
          "Invalid value specified for property 'removeLicenses' of resource 'User'.",
          'Request_BadRequest',
        );
      }
      removes.push(raw);
    }
    const u = this.user(key);
    for (const a of adds) {
      const sku = this.skus.get(lower(a.skuId));
      if (!sku) {
        throw badRequest(
          `License ${a.skuId} does not correspond to a valid company License.`,
          'Request_BadRequest',
        );
      }
      for (const p of a.disabledPlans) {
        if (!sku.servicePlans.some((sp) => lower(sp.servicePlanId) === lower(p))) {
          throw badRequest(`Service plan ${p} is not part of the license ${a.skuId}.`, 'Request_BadRequest');
        }
      }
      if (removes.some((r) => lower(r) === lower(a.skuId))) {
        throw badRequest(
          `License ${a.skuId} is present in both addLicenses and removeLicenses.`,
          'Request_BadRequest',
        );
      }
    }
    const effective = this.effectiveLicences(u);
    for (const r of removes) {
      const direct = u.data.assignedLicenses.some((l) => lower(l.skuId) === lower(r));
      if (direct) continue;
      const inherited = effective.find((e) => lower(e.skuId) === lower(r));
      if (inherited) {
        throw badRequest(
          'User license is inherited from a group membership and it cannot be removed directly from the user.',
          'Request_BadRequest',
        );
      }
      throw badRequest('User does not have a corresponding license.', 'Request_BadRequest');
    }
    if (adds.length > 0 && !u.data.usageLocation) {
      throw badRequest(
        'License assignment cannot be done for user with invalid usage location.',
        'Request_BadRequest',
      );
    }
    const consumed = this.consumed();
    for (const a of adds) {
      if (effective.some((e) => lower(e.skuId) === lower(a.skuId))) continue;
      const sku = this.skus.get(lower(a.skuId));
      const enabled = sku?.prepaidUnits.enabled ?? 0;
      if ((consumed.get(lower(a.skuId)) ?? 0) >= enabled) {
        const message = `Subscription with SKU ${a.skuId} does not have any available licenses.`;
        throw new GraphError(400, 'Request_BadRequest', message, [
          { code: 'CountViolation', message, target: a.skuId },
        ]);
      }
    }

    const now = this.options.now();
    const hadRooms = this.hasRoomsLicence(u);
    const ableBefore = this.devicesOf(u).map((d) => this.canSignIn(d));
    let direct = u.data.assignedLicenses.filter((l) => !removes.some((r) => lower(r) === lower(l.skuId)));
    for (const r of removes) u.licenceChangedAt.set(lower(r), now);
    for (const a of adds) {
      direct = direct.filter((l) => lower(l.skuId) !== lower(a.skuId));
      direct.push({ skuId: a.skuId, disabledPlans: [...a.disabledPlans] });
      u.licenceChangedAt.set(lower(a.skuId), now);
    }
    u.data.assignedLicenses = direct;
    this.consumedCache = null;
    this.afterLicenceChange(u, hadRooms, ableBefore, now);
    return this.viewOfUser(u);
  }

  private afterLicenceChange(u: UserRecord, hadRooms: boolean, ableBefore: boolean[], now: number): void {
    const hasRooms = this.hasRoomsLicence(u);
    const devices = this.devicesOf(u);
    if (hadRooms && !hasRooms) {
      u.roomsLicenceRemovedAt = now;
    } else if (!hadRooms && hasRooms) {
      const removedAt = u.roomsLicenceRemovedAt;
      if (removedAt !== null) {
        // The field bug: the service only forgets the old licence state after a long enough gap.
        const purged = now - removedAt >= this.options.purgeAfterMs;
        for (const d of devices) {
          if (this.isRoomDevice(d) && this.bugVersions.has(this.teamsClientVersion(d)))
            d.licenceBug = !purged;
        }
      }
      u.roomsLicenceRemovedAt = null;
    }
    devices.forEach((d, i) => {
      if (ableBefore[i] && !this.canSignIn(d)) this.setSignedIn(d, false, now);
    });
  }

  /** `PATCH /users/{id}`: only usageLocation and accountEnabled are modelled. */
  patchUser(key: string, body: unknown, isUserProperty: (name: string) => boolean): void {
    if (!isRecord(body)) throw badRequest('The request body must be a JSON object.', 'Request_BadRequest');
    const u = this.user(key);
    const changes: { usageLocation?: string | null; accountEnabled?: boolean } = {};
    for (const [k, v] of Object.entries(body)) {
      if (k === '@odata.type') continue;
      if (k === 'usageLocation') {
        if (v !== null && (typeof v !== 'string' || !/^[A-Za-z]{2}$/.test(v))) {
          throw badRequest(
            "Invalid value specified for property 'usageLocation' of resource 'User'.",
            'Request_BadRequest',
          );
        }
        changes.usageLocation = v === null ? null : v.toUpperCase();
      } else if (k === 'accountEnabled') {
        if (typeof v !== 'boolean') {
          throw badRequest(
            "Invalid value specified for property 'accountEnabled' of resource 'User'.",
            'Request_BadRequest',
          );
        }
        changes.accountEnabled = v;
      } else if (isUserProperty(k)) {
        throw badRequest(
          `The Graph emulator only updates usageLocation and accountEnabled; '${k}' is not supported.`,
          'Request_BadRequest',
        );
      } else {
        throw badRequest(
          `Property '${k}' does not exist on type 'microsoft.graph.user'.`,
          'Request_BadRequest',
        );
      }
    }
    const now = this.options.now();
    const ableBefore = this.devicesOf(u).map((d) => this.canSignIn(d));
    if (changes.usageLocation !== undefined) u.data.usageLocation = changes.usageLocation;
    if (changes.accountEnabled !== undefined) u.data.accountEnabled = changes.accountEnabled;
    this.devicesOf(u).forEach((d, i) => {
      if (ableBefore[i] && !this.canSignIn(d)) this.setSignedIn(d, false, now);
    });
  }

  // ---------------------------------------------------------------- places and Entra devices

  private placeView(
    entry: { kind: 'room'; data: FixtureRoom } | { kind: 'roomList'; data: FixtureRoomList },
  ) {
    const view = without(entry.data, 'emulator');
    view['@odata.type'] = entry.kind === 'room' ? '#microsoft.graph.room' : '#microsoft.graph.roomList';
    return { kind: entry.kind, view };
  }

  rooms(): GraphObject[] {
    return this.fixture.rooms.map((r) => this.placeView({ kind: 'room', data: r }).view);
  }

  roomLists(): GraphObject[] {
    return this.fixture.roomLists.map((l) => this.placeView({ kind: 'roomList', data: l }).view);
  }

  place(key: string): { kind: 'room' | 'roomList'; view: GraphObject } {
    const entry = this.places.get(lower(key));
    if (!entry) throw placeNotFound(key);
    return this.placeView(entry);
  }

  /** Rooms of a room list, which Graph addresses by the list's email address. */
  roomsOfList(listEmail: string): GraphObject[] {
    const entry = this.places.get(lower(listEmail));
    if (!entry || entry.kind !== 'roomList' || lower(entry.data.emailAddress) !== lower(listEmail)) {
      throw placeNotFound(listEmail);
    }
    const email = lower(entry.data.emailAddress);
    return this.fixture.rooms
      .filter((r) => lower(r.emulator.roomList) === email)
      .map((r) => this.placeView({ kind: 'room', data: r }).view);
  }

  entraDevicesList(): GraphObject[] {
    return this.fixture.devices.map((d) => ({ ...d }));
  }

  entraDevice(id: string): GraphObject {
    const d = this.entraDevices.get(lower(id));
    if (!d) throw directoryNotFound(id);
    return { ...d };
  }

  // ---------------------------------------------------------------- Teams devices

  private device(id: string): DeviceRecord {
    const d = this.devices.get(lower(id));
    if (!d) throw teamworkNotFound('Device', id);
    return d;
  }

  private devicesOf(u: UserRecord): DeviceRecord[] {
    return this.devicesByUser.get(lower(u.data.id)) ?? [];
  }

  private isRoomDevice(d: DeviceRecord): boolean {
    return ROOM_DEVICE_TYPES.has(lower(d.data.deviceType));
  }

  private teamsClientVersion(d: DeviceRecord): string {
    const versions = d.data.configuration.softwareVersions;
    return isRecord(versions) && typeof versions.teamsClientSoftwareVersion === 'string'
      ? versions.teamsClientSoftwareVersion
      : '';
  }

  private accountOf(d: DeviceRecord): UserRecord | undefined {
    return d.data.currentUser ? this.users.get(lower(d.data.currentUser.id)) : undefined;
  }

  /** Whether the device's account could sign in now, if the device (re)tried. */
  private canSignIn(d: DeviceRecord): boolean {
    const u = this.accountOf(d);
    if (!u || !u.data.accountEnabled || d.licenceBug) return false;
    if (this.isRoomDevice(d)) return this.hasRoomsLicence(u) && !this.hasUserLicence(u);
    if (PHONE_DEVICE_TYPES.has(lower(d.data.deviceType))) return this.hasPhoneLicence(u);
    return this.hasTeamsLicence(u);
  }

  private signedInNow(d: DeviceRecord): boolean {
    return d.online && d.signedIn && this.canSignIn(d);
  }

  private setSignedIn(d: DeviceRecord, value: boolean, now: number): void {
    if (d.signedIn === value) return;
    d.signedIn = value;
    d.teamsConnectionChangedAt = new Date(now).toISOString();
    d.lastModifiedAt = d.teamsConnectionChangedAt;
  }

  /**
   * Brings a device on or off the network, as the site would by fixing (or breaking) its VLAN, cable or DHCP.
   * Back online, a device signs in again if its account can.
   */
  setDeviceOnline(id: string, online: boolean): void {
    const d = this.device(id);
    const now = this.options.now();
    d.online = online;
    d.lastModifiedAt = new Date(now).toISOString();
    this.setSignedIn(d, online && this.canSignIn(d), now);
  }

  /** True when some device's account holds no Teams or Teams Rooms licence (the reported list failure). */
  anyTeamworkAccountUnlicensed(): boolean {
    for (const d of this.devices.values()) {
      if (!d.data.currentUser) continue;
      const u = this.accountOf(d);
      if (!u) return true;
      if (this.isRoomDevice(d) ? !this.hasRoomsLicence(u) : !this.hasTeamsLicence(u)) return true;
    }
    return false;
  }

  private healthStatus(d: DeviceRecord): string {
    if (!d.online) return 'offline';
    if (!this.signedInNow(d)) return 'critical';
    const base = d.data.healthStatus;
    return base && base !== 'offline' && base !== 'critical' ? base : 'healthy';
  }

  private deviceView(d: DeviceRecord): GraphObject {
    const view = without(d.data, 'health', 'configuration', 'activity', 'operations', 'emulator');
    view.healthStatus = this.healthStatus(d);
    if (!d.online) view.activityState = 'unavailable';
    view.lastModifiedDateTime = d.lastModifiedAt;
    return view;
  }

  /** The stored Teams devices (their filterable properties are served as stored); see teamworkDeviceItemView. */
  teamworkDeviceItems(): GraphObject[] {
    return this.fixture.teamworkDevices;
  }

  teamworkDeviceItemView(item: GraphObject): GraphObject {
    return this.deviceView(this.device(String(item.id)));
  }

  teamworkDevice(id: string): GraphObject {
    return this.deviceView(this.device(id));
  }

  health(id: string): GraphObject {
    const d = this.device(id);
    const h = structuredClone(d.data.health);
    h.id ??= d.data.id;
    const connection = isRecord(h.connection) ? h.connection : {};
    connection.connectionStatus = d.online ? 'connected' : 'disconnected';
    h.connection = connection;
    const login = isRecord(h.loginStatus) ? h.loginStatus : {};
    login.teamsConnection = {
      connectionStatus: this.signedInNow(d) ? 'connected' : 'disconnected',
      lastModifiedDateTime: d.teamsConnectionChangedAt,
    };
    h.loginStatus = login;
    if (typeof h.lastModifiedDateTime !== 'string' || h.lastModifiedDateTime < d.lastModifiedAt) {
      h.lastModifiedDateTime = d.lastModifiedAt;
    }
    return h;
  }

  configuration(id: string): GraphObject {
    const d = this.device(id);
    const c = structuredClone(d.data.configuration);
    c.id ??= d.data.id;
    return c;
  }

  activity(id: string): GraphObject {
    const d = this.device(id);
    const a = structuredClone(d.data.activity ?? {});
    a.id ??= d.data.id;
    return a;
  }

  private operationStatus(op: OperationRecord, now: number): string {
    if (op.settled) return op.error ? 'failed' : 'successful';
    // First half of the duration queued, second half running: both block a new command (409).
    return now < op.createdAt + (op.completesAt - op.createdAt) / 2 ? 'queued' : 'running';
  }

  private operationView(op: OperationRecord, now: number): GraphObject {
    const status = this.operationStatus(op, now);
    const iso = (t: number): string => new Date(t).toISOString();
    const started = op.createdAt + (op.completesAt - op.createdAt) / 2;
    return {
      id: op.id,
      operationType: op.type,
      status,
      createdDateTime: iso(op.createdAt),
      startedDateTime: status === 'queued' ? null : iso(started),
      completedDateTime: op.settled ? iso(op.completesAt) : null,
      lastActionDateTime: iso(op.settled ? op.completesAt : status === 'running' ? started : op.createdAt),
      error: op.error,
      createdBy: null,
      lastActionBy: null,
    };
  }

  operations(deviceId: string): GraphObject[] {
    const d = this.device(deviceId);
    const now = this.options.now();
    return [...d.operations].reverse().map((op) => this.operationView(op, now));
  }

  operation(deviceId: string, opId: string): GraphObject {
    const d = this.device(deviceId);
    const op = d.operations.find((o) => lower(o.id) === lower(opId));
    if (!op) throw teamworkNotFound('Operation', opId);
    return this.operationView(op, this.options.now());
  }

  /** Queues a device command; returns the operation id. */
  startOperation(deviceId: string, type: OperationType, body: unknown): string {
    const d = this.device(deviceId);
    let softwareType: string | undefined;
    let softwareVersion: string | null | undefined;
    if (type === 'softwareUpdate') {
      if (
        !isRecord(body) ||
        typeof body.softwareType !== 'string' ||
        !SOFTWARE_TYPES.has(body.softwareType)
      ) {
        throw badRequest(
          `Invalid softwareType. Use one of: ${[...SOFTWARE_TYPES].join(', ')}.`,
          'BadRequest',
        );
      }
      if (
        body.softwareVersion !== undefined &&
        body.softwareVersion !== null &&
        typeof body.softwareVersion !== 'string'
      ) {
        throw badRequest('softwareVersion must be a string.', 'BadRequest');
      }
      softwareType = body.softwareType;
      softwareVersion = body.softwareVersion ?? null;
    }
    const now = this.options.now();
    const active = d.operations.find((o) => !o.settled);
    if (active) {
      throw new GraphError(
        409,
        'Conflict',
        `Operation ${active.id} (${active.type}) is already ${this.operationStatus(active, now)} on device ${d.data.id}.`,
      );
    }
    const op: OperationRecord = {
      id: randomUUID(),
      deviceId: d.data.id,
      type,
      createdAt: now,
      completesAt: now + this.options.operationDurationMs,
      settled: false,
      error: null,
      softwareType,
      softwareVersion,
    };
    d.operations.push(op);
    this.pending.push(op);
    return op.id;
  }

  /** Applies the effects of every operation that has completed by `now` (emulator clock), oldest first. */
  settle(now: number): void {
    if (this.pending.length === 0) return;
    const due = this.pending
      .filter((op) => op.completesAt <= now)
      .sort((a, b) => a.completesAt - b.completesAt);
    if (due.length === 0) return;
    this.pending = this.pending.filter((op) => op.completesAt > now);
    for (const op of due) this.complete(op);
  }

  private complete(op: OperationRecord): void {
    op.settled = true;
    const d = this.devices.get(lower(op.deviceId));
    if (!d) return;
    if (!d.online) {
      op.error = { code: 'DeviceOffline', message: 'The device is offline and did not run the command.' };
      return;
    }
    const iso = new Date(op.completesAt).toISOString();
    if (op.type === 'deviceRestart') {
      this.setSignedIn(d, this.canSignIn(d), op.completesAt);
      d.lastModifiedAt = iso;
      // A restarted console authenticates its device identity again, which Entra records.
      const network = at(d.data.configuration, 'systemConfiguration', 'networkConfiguration');
      const host =
        isRecord(network) && typeof network.hostName === 'string' ? lower(network.hostName) : undefined;
      const entra = host ? this.fixture.devices.find((e) => lower(e.displayName) === host) : undefined;
      if (entra) entra.approximateLastSignInDateTime = iso;
    } else if (op.type === 'softwareUpdate' && op.softwareType) {
      this.applyUpdate(d, op.softwareType, op.softwareVersion ?? null, iso);
    }
  }

  private applyUpdate(d: DeviceRecord, softwareType: string, requested: string | null, iso: string): void {
    const health = d.data.health;
    const updateHealth = isRecord(health.softwareUpdateHealth) ? health.softwareUpdateHealth : {};
    health.softwareUpdateHealth = updateHealth;
    const statusKey = `${softwareType}SoftwareUpdateStatus`;
    const existing = updateHealth[statusKey];
    const status = isRecord(existing) ? existing : {};
    const b = this.fixture.behaviour;
    const hw = d.data.hardwareDetail;
    let latest: string | undefined;
    if (softwareType === 'firmware') latest = b.latestFirmware[`${hw.manufacturer ?? ''} ${hw.model ?? ''}`];
    if (softwareType === 'teamsClient') latest = b.latestTeamsClient[d.data.deviceType];
    const available = typeof status.availableVersion === 'string' ? status.availableVersion : undefined;
    const current = typeof status.currentVersion === 'string' ? status.currentVersion : null;
    const version = requested ?? latest ?? available ?? current;
    const newest = latest ?? available ?? version;
    updateHealth[statusKey] = {
      currentVersion: version,
      availableVersion: newest,
      softwareFreshness: version === newest ? 'latest' : 'updateAvailable',
    };
    health.lastModifiedDateTime = iso;
    if (softwareType !== 'companyPortal') {
      const config = d.data.configuration;
      const versions = isRecord(config.softwareVersions) ? config.softwareVersions : {};
      versions[`${softwareType}SoftwareVersion`] = version;
      config.softwareVersions = versions;
      config.lastModifiedDateTime = iso;
    }
    d.lastModifiedAt = iso;
  }
}
