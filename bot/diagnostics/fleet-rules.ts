import type { GraphRoom, GraphTeamworkDevice, GraphTeamworkDeviceHealth, GraphUser } from '../graph/model';
import { compareVersions, findKnownBuild, findLicence, type Knowledge, type LicenceSku } from '../knowledge';
import {
  defaultPhoneKnowledge,
  findFirmwareIssue,
  firmwareBaseline,
  type PhoneKnowledge,
} from '../knowledge/phone';
import type { FleetDeviceFacts, FleetFacts, FleetGap, FleetScanCost } from './fleet-facts';

/** The problems a fleet scan reports, in the order the digest lists them. */
export const FLEET_PROBLEM_KINDS = [
  'bad-build',
  'sign-in-failing',
  'phone-offline',
  'phone-old-firmware',
  'user-licence-on-room',
  'group-licence-on-room',
  'no-free-seat',
  'deprecated-sku',
  'naming',
] as const;

export type FleetProblemKind = (typeof FLEET_PROBLEM_KINDS)[number];

/** Why a room or phone does not sign in, as far as the scan can tell. */
export type SignInCause =
  'account-disabled' | 'account-missing' | 'device-offline' | 'user-licence' | 'no-room-licence' | 'unknown';

/** The parameters of each problem, by kind. Texts are raw Graph values, not markdown-safe. */
export interface FleetParamsByKind {
  /** `build`: the known-build entry the version matched ("5.2.115.0" or a pattern). */
  'bad-build': { version: string; build: string; signIn: 'failing' | 'ok' | 'unknown' };
  /** `since`: when the sign-in (or the connection, when offline) was last reported changed; '' when unknown. */
  'sign-in-failing': { device: 'room' | 'phone'; cause: SignInCause; since: string; model: string };
  'phone-offline': { model: string; since: string };
  /** `issue`: the bad firmware entry the version matched ('' when it is only below the minimum). */
  'phone-old-firmware': {
    model: string;
    version: string;
    minimum: string;
    recommended: string;
    issue: string;
    belowMinimum: boolean;
  };
  'user-licence-on-room': { skus: { skuId: string; skuPartNumber: string; groupId: string }[] };
  'group-licence-on-room': { skuId: string; skuPartNumber: string; groupIds: string[] };
  /** One item per SKU: `rooms` are the room accounts that hold it, by name. */
  'no-free-seat': {
    skuId: string;
    skuPartNumber: string;
    enabled: number;
    consumed: number;
    rooms: { id: string; name: string }[];
  };
  'deprecated-sku': { skuId: string; skuPartNumber: string };
  naming: { upn: string; pattern: string };
}

/** The button of an item: an existing card verb that diagnoses the room or the phone and offers the repair. */
export type FleetTarget =
  | { verb: 'room.diagnose'; data: { roomId: string } }
  | { verb: 'phone.diagnose'; data: { userId: string; deviceId: string } };

/** One thing to look at: a room, a phone or a SKU, with what is wrong. */
export type FleetItem = {
  [K in FleetProblemKind]: {
    kind: K;
    /**
     * What an open case would be about: the room's id, `phone:<device id>` (lower case), `sku:<skuId>`, or
     * `device:<id>` for a device no room or person could be matched to.
     */
    subject: string;
    subjectType: 'room' | 'phone' | 'sku' | 'device';
    /** Room name, "<person> · <model>", or product part number. */
    name: string;
    /** The room account or the phone user's sign-in name; '' for a SKU. */
    account: string;
    /** `null` when there is nothing to open (a SKU, a device without a known room or user). */
    target: FleetTarget | null;
    params: FleetParamsByKind[K];
  };
}[FleetProblemKind];

/** The fleet digest: problems by kind, what was left out, and how much the scan could see. */
export interface FleetDigest {
  scannedAt: string;
  /** Every kind, in {@link FLEET_PROBLEM_KINDS} order, each with its items sorted by name (maybe none). */
  problems: { kind: FleetProblemKind; items: FleetItem[] }[];
  /** Rooms and phones with a problem that were left out because an open case already covers them. */
  alreadyInCase: number;
  /** Distinct rooms, phones, SKUs and unmatched devices reported. */
  affected: { rooms: number; phones: number; skus: number; devices: number };
  totals: {
    rooms: number;
    /** `null` when the accounts could not be read. */
    roomAccounts: number | null;
    /** `null` when the Teams devices could not be listed. */
    devices: number | null;
    roomDevices: number | null;
    phones: number | null;
    /** Devices whose health (and so version) was read. */
    versionsRead: number | null;
  };
  /** Whether room account names were checked (a pattern was set and the accounts were read). */
  namingChecked: boolean;
  gaps: FleetGap[];
  cost: FleetScanCost;
}

/** Options of {@link scanFindings}. */
export interface FleetRulesOptions {
  /** Naming convention of room accounts, tested on the UPN (ROOM_ACCOUNT_PATTERN). */
  roomAccountPattern?: RegExp | string | undefined;
  /** Subjects of open cases (case `roomId`: a room id, `phone:<device id>`, `phone-user:<user id>`). */
  openSubjects: ReadonlySet<string>;
  /** Firmware baselines; the shipped data by default. */
  phoneKnowledge?: PhoneKnowledge;
}

/** The verbs the digest's buttons send (registered by bot/commands). */
export const FLEET_VERBS = { room: 'room.diagnose', phone: 'phone.diagnose' } as const;

const PHONE_TYPES: ReadonlySet<string> = new Set(['ipphone', 'lowcostphone', 'sip']);
const ROOM_TYPES: ReadonlySet<string> = new Set([
  'teamsroom',
  'collaborationbar',
  'touchconsole',
  'surfacehub',
  'teamspanel',
]);

function lower(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

function isRoomSku(sku: LicenceSku | undefined): sku is LicenceSku {
  return sku?.category.startsWith('room-') ?? false;
}

type Connection = 'online' | 'offline' | 'unknown';
type SignIn = 'failing' | 'ok' | 'unknown';

// The connection carries its own timestamp, so it wins over the list's summary health when both are known.
function connectionOf(device: GraphTeamworkDevice, health: GraphTeamworkDeviceHealth | null): Connection {
  const link = lower(health?.connection?.connectionStatus);
  if (link === 'disconnected') return 'offline';
  if (link === 'connected') return 'online';
  const summary = lower(device.healthStatus);
  if (summary === 'offline') return 'offline';
  if (summary === 'healthy' || summary === 'nonurgent' || summary === 'critical') return 'online';
  return 'unknown';
}

function signInOf(health: GraphTeamworkDeviceHealth | null): SignIn {
  const status = lower(health?.loginStatus?.teamsConnection?.connectionStatus);
  return status === 'disconnected' ? 'failing' : status === 'connected' ? 'ok' : 'unknown';
}

function modelOf(device: GraphTeamworkDevice): string {
  const hw = device.hardwareDetail;
  return [hw.manufacturer?.trim(), hw.model?.trim()].filter(Boolean).join(' ');
}

function compileNaming(pattern: RegExp | string | undefined): RegExp | undefined {
  if (pattern === undefined || pattern === '') return undefined;
  // A global or sticky pattern keeps state between test() calls: drop those flags.
  if (pattern instanceof RegExp) return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  return new RegExp(pattern, 'i');
}

interface RoomEntry {
  room: GraphRoom;
  account: GraphUser | undefined;
  heldSkus: { skuId: string; sku: LicenceSku | undefined; groupIds: string[]; direct: boolean }[];
}

/** Collects items, one per kind and subject, and keeps those an open case covers aside. */
class Collector {
  readonly byKind = new Map<FleetProblemKind, Map<string, FleetItem>>();
  readonly skipped = new Set<string>();

  constructor(private readonly open: ReadonlySet<string>) {}

  add(item: FleetItem, alsoCoveredBy: string[] = []): void {
    const keys = [item.subject, ...alsoCoveredBy].map(lower);
    if (keys.some((k) => this.open.has(k))) {
      this.skipped.add(lower(item.subject));
      return;
    }
    let items = this.byKind.get(item.kind);
    if (!items) {
      items = new Map();
      this.byKind.set(item.kind, items);
    }
    if (!items.has(lower(item.subject))) items.set(lower(item.subject), item);
  }
}

function roomTarget(room: GraphRoom): FleetTarget {
  return { verb: FLEET_VERBS.room, data: { roomId: room.id } };
}

/**
 * Reads a fleet scan: rooms on known-bad builds, rooms and phones failing sign-in, phones offline or on outdated
 * firmware, licence anomalies of room accounts (user SKUs, group-assigned room licences, SKUs without free seats,
 * deprecated SKUs) and room accounts that break the naming convention. Pure: no I/O, no clock.
 *
 * Builds come from `knowledge.builds` and firmware baselines from `options.phoneKnowledge`, so a bad build added to
 * the data shows in the next scan. Items whose subject has an open case are left out and counted.
 */
export function scanFindings(
  facts: FleetFacts,
  knowledge: Knowledge,
  options: FleetRulesOptions,
): FleetDigest {
  const phoneKnowledge = options.phoneKnowledge ?? defaultPhoneKnowledge;
  const open = new Set([...options.openSubjects].map(lower));
  const out = new Collector(open);
  const naming = compileNaming(options.roomAccountPattern);

  // Accounts by every address a room may name them by: the room's address is the mailbox, usually the UPN too.
  const accountByAddress = new Map<string, GraphUser>();
  for (const account of facts.accounts ?? []) {
    for (const address of [account.userPrincipalName, account.mail]) {
      if (address) accountByAddress.set(lower(address), account);
    }
  }

  const rooms: RoomEntry[] = facts.rooms.map((room) => {
    const account = accountByAddress.get(lower(room.emailAddress));
    const held = new Map<string, RoomEntry['heldSkus'][number]>();
    const entry = (skuId: string) => {
      const key = lower(skuId);
      let found = held.get(key);
      if (!found) {
        found = { skuId: key, sku: findLicence(knowledge, key), groupIds: [], direct: false };
        held.set(key, found);
      }
      return found;
    };
    for (const licence of account?.assignedLicenses ?? []) entry(licence.skuId);
    for (const state of account?.licenseAssignmentStates ?? []) {
      if (!state.skuId) continue;
      const e = entry(state.skuId);
      if (state.assignedByGroup) {
        if (!e.groupIds.includes(state.assignedByGroup)) e.groupIds.push(state.assignedByGroup);
      } else e.direct = true;
    }
    return { room, account, heldSkus: [...held.values()] };
  });
  const roomByAccountId = new Map<string, RoomEntry>();
  const roomByAddress = new Map<string, RoomEntry>();
  for (const entry of rooms) {
    if (entry.account) roomByAccountId.set(lower(entry.account.id), entry);
    roomByAddress.set(lower(entry.room.emailAddress), entry);
    if (entry.account?.userPrincipalName) roomByAddress.set(lower(entry.account.userPrincipalName), entry);
  }

  const accountsKnown = facts.accounts !== null;
  const partNumber = (skuId: string, sku: LicenceSku | undefined) =>
    facts.subscribedSkus?.find((s) => lower(s.skuId) === skuId)?.skuPartNumber ?? sku?.skuPartNumber ?? skuId;

  // Licences and names: one pass over the rooms.
  if (accountsKnown) {
    for (const entry of rooms) {
      const { room, account } = entry;
      if (!account) continue;
      const base = {
        subject: room.id,
        subjectType: 'room' as const,
        name: room.displayName ?? room.emailAddress ?? room.id,
        account: account.userPrincipalName ?? room.emailAddress ?? '',
        target: roomTarget(room),
      };
      const notForRooms = entry.heldSkus.filter((h) => h.sku && !h.sku.allowedOnRoomAccount);
      if (notForRooms.length > 0) {
        out.add({
          ...base,
          kind: 'user-licence-on-room',
          params: {
            skus: notForRooms.map((h) => ({
              skuId: h.skuId,
              skuPartNumber: partNumber(h.skuId, h.sku),
              groupId: h.groupIds[0] ?? '',
            })),
          },
        });
      }
      const byGroup = entry.heldSkus.find((h) => isRoomSku(h.sku) && h.groupIds.length > 0);
      if (byGroup) {
        out.add({
          ...base,
          kind: 'group-licence-on-room',
          params: {
            skuId: byGroup.skuId,
            skuPartNumber: partNumber(byGroup.skuId, byGroup.sku),
            groupIds: byGroup.groupIds,
          },
        });
      }
      const deprecated = entry.heldSkus.find((h) => isRoomSku(h.sku) && h.sku.deprecated);
      if (deprecated) {
        out.add({
          ...base,
          kind: 'deprecated-sku',
          params: { skuId: deprecated.skuId, skuPartNumber: partNumber(deprecated.skuId, deprecated.sku) },
        });
      }
      const upn = account.userPrincipalName ?? '';
      if (naming && upn && !naming.test(upn)) {
        out.add({ ...base, kind: 'naming', params: { upn, pattern: naming.source } });
      }
    }

    // Seats: per SKU, since buying or freeing seats is a tenant decision, not a room's.
    for (const sku of facts.subscribedSkus ?? []) {
      const skuId = lower(sku.skuId);
      const known = findLicence(knowledge, skuId);
      if (!isRoomSku(known)) continue;
      const enabled = sku.prepaidUnits?.enabled ?? 0;
      const consumed = sku.consumedUnits ?? 0;
      if (enabled - consumed > 0) continue;
      const holders = rooms
        .filter((r) => r.heldSkus.some((h) => h.skuId === skuId))
        .map((r) => ({ id: r.room.id, name: r.room.displayName ?? r.room.emailAddress ?? r.room.id }))
        .sort((a, b) => a.name.localeCompare(b.name));
      if (holders.length === 0) continue;
      out.add({
        kind: 'no-free-seat',
        subject: `sku:${skuId}`,
        subjectType: 'sku',
        name: sku.skuPartNumber ?? known.skuPartNumber,
        account: '',
        target: null,
        params: {
          skuId,
          skuPartNumber: sku.skuPartNumber ?? known.skuPartNumber,
          enabled,
          consumed,
          rooms: holders,
        },
      });
    }
  }

  let roomDevices = 0;
  let phones = 0;
  let versionsRead = 0;
  for (const entry of facts.devices ?? []) {
    if (entry.healthRead === 'read') versionsRead++;
    const type = lower(entry.device.deviceType);
    if (PHONE_TYPES.has(type)) {
      phones++;
      phoneProblems(entry, out, phoneKnowledge);
      continue;
    }
    const user = entry.device.currentUser;
    const room =
      (user?.id ? roomByAccountId.get(lower(user.id)) : undefined) ??
      (user?.userPrincipalName ? roomByAddress.get(lower(user.userPrincipalName)) : undefined);
    if (!room && !ROOM_TYPES.has(type)) continue;
    roomDevices++;
    roomDeviceProblems(entry, room, accountsKnown, knowledge, out);
  }

  const problems = FLEET_PROBLEM_KINDS.map((kind) => ({
    kind,
    items: [...(out.byKind.get(kind)?.values() ?? [])].sort(
      (a, b) => a.name.localeCompare(b.name) || a.subject.localeCompare(b.subject),
    ),
  }));
  const subjects = new Map<string, FleetItem['subjectType']>();
  for (const p of problems) for (const item of p.items) subjects.set(lower(item.subject), item.subjectType);
  const affected = { rooms: 0, phones: 0, skus: 0, devices: 0 };
  for (const type of subjects.values()) {
    if (type === 'room') affected.rooms++;
    else if (type === 'phone') affected.phones++;
    else if (type === 'sku') affected.skus++;
    else affected.devices++;
  }

  return {
    scannedAt: facts.scannedAt,
    problems,
    alreadyInCase: out.skipped.size,
    affected,
    totals: {
      rooms: facts.rooms.length,
      roomAccounts: accountsKnown ? rooms.filter((r) => r.account).length : null,
      devices: facts.devices ? facts.devices.length : null,
      roomDevices: facts.devices ? roomDevices : null,
      phones: facts.devices ? phones : null,
      versionsRead: facts.devices ? versionsRead : null,
    },
    namingChecked: naming !== undefined && accountsKnown,
    gaps: facts.gaps,
    cost: facts.cost,
  };
}

function roomDeviceProblems(
  entry: FleetDeviceFacts,
  room: RoomEntry | undefined,
  accountsKnown: boolean,
  knowledge: Knowledge,
  out: Collector,
): void {
  const { device, health } = entry;
  const base = room
    ? {
        subject: room.room.id,
        subjectType: 'room' as const,
        name: room.room.displayName ?? room.room.emailAddress ?? room.room.id,
        account: room.account?.userPrincipalName ?? room.room.emailAddress ?? '',
        target: roomTarget(room.room),
      }
    : {
        subject: `device:${lower(device.id)}`,
        subjectType: 'device' as const,
        name: device.currentUser?.displayName ?? (modelOf(device) || device.id),
        account: device.currentUser?.userPrincipalName ?? '',
        target: null,
      };

  const version = health?.softwareUpdateHealth?.teamsClientSoftwareUpdateStatus?.currentVersion?.trim() ?? '';
  const build = findKnownBuild(knowledge, version);
  const connection = connectionOf(device, health);
  const signIn: SignIn = connection === 'offline' ? 'failing' : signInOf(health);
  const account = room?.account;
  const disabled = account?.accountEnabled === false;
  const missing = accountsKnown && room !== undefined && !account;

  if (build?.status === 'bad') {
    out.add({ ...base, kind: 'bad-build', params: { version, build: build.version, signIn } });
  }
  if (signIn !== 'failing') return;
  // The bad build's own symptom explains a failing sign-in, unless the account itself is the cause.
  const explainedByBuild =
    build?.status === 'bad' && build.symptom === 'licence-error-at-sign-in' && !disabled && !missing;
  if (explainedByBuild && connection !== 'offline') return;
  const held = room?.heldSkus ?? [];
  let cause: SignInCause = 'unknown';
  if (missing) cause = 'account-missing';
  else if (disabled) cause = 'account-disabled';
  else if (connection === 'offline') cause = 'device-offline';
  else if (held.some((h) => h.sku?.category === 'user')) cause = 'user-licence';
  else if (account && !held.some((h) => isRoomSku(h.sku))) cause = 'no-room-licence';
  const since =
    connection === 'offline'
      ? (health?.connection?.lastModifiedDateTime ?? device.lastModifiedDateTime ?? '')
      : (health?.loginStatus?.teamsConnection?.lastModifiedDateTime ?? '');
  out.add({
    ...base,
    kind: 'sign-in-failing',
    params: { device: 'room', cause, since, model: modelOf(device) },
  });
}

function phoneProblems(entry: FleetDeviceFacts, out: Collector, knowledge: PhoneKnowledge): void {
  const { device, health } = entry;
  const user = device.currentUser;
  const model = modelOf(device);
  const person = user?.displayName?.trim() || user?.userPrincipalName?.trim() || '';
  const base = {
    subject: `phone:${lower(device.id)}`,
    subjectType: 'phone' as const,
    name: [person, model].filter(Boolean).join(' · ') || device.id,
    account: user?.userPrincipalName ?? '',
    target: user?.id
      ? ({ verb: FLEET_VERBS.phone, data: { userId: user.id, deviceId: device.id } } as const)
      : null,
  };
  // A case opened before the phone was known is about the person: it covers their phones too.
  const coveredBy = user?.id ? [`phone-user:${lower(user.id)}`] : [];

  const connection = connectionOf(device, health);
  if (connection === 'offline') {
    const since = health?.connection?.lastModifiedDateTime ?? device.lastModifiedDateTime ?? '';
    out.add({ ...base, kind: 'phone-offline', params: { model, since } }, coveredBy);
  } else if (connection === 'online' && signInOf(health) === 'failing') {
    // Signed out while online: the account or its licence, not the network (signed out while offline says little).
    out.add(
      {
        ...base,
        kind: 'sign-in-failing',
        params: {
          device: 'phone',
          cause: 'unknown',
          since: health?.loginStatus?.teamsConnection?.lastModifiedDateTime ?? '',
          model,
        },
      },
      coveredBy,
    );
  }

  const firmware = health?.softwareUpdateHealth?.firmwareSoftwareUpdateStatus?.currentVersion?.trim() ?? '';
  const baseline = firmwareBaseline(
    device.hardwareDetail.model,
    knowledge,
    device.hardwareDetail.manufacturer,
  );
  if (!firmware || !baseline) return;
  const issue = findFirmwareIssue(baseline, firmware)?.version ?? '';
  const belowMinimum = compareVersions(firmware, baseline.minimum) < 0;
  if (!belowMinimum && issue === '') return;
  out.add(
    {
      ...base,
      kind: 'phone-old-firmware',
      params: {
        model,
        version: firmware,
        minimum: baseline.minimum,
        recommended: baseline.recommended,
        issue,
        belowMinimum,
      },
    },
    coveredBy,
  );
}
