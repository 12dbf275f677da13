import type { GraphLicenseDetails, LicenseAssignmentState } from '../graph/model';
import {
  compareVersions,
  defaultKnowledge,
  findKnownBuild,
  findLicence,
  type Knowledge,
  type KnownBuild,
  type LicenceSku,
  type RoomLicenceCategory,
} from '../knowledge';
import { ps } from './powershell';
import type {
  Finding,
  FindingCode,
  FindingParamsByCode,
  LicenceAssignment,
  PlanParamsByStep,
  PlanStage,
  PlanStep,
  PlanStepId,
  Provisioning,
  RoomDiagnosis,
  RoomLicenceSnapshot,
  Severity,
  VerdictCode,
} from './room-diagnosis';
import type { EvidenceGap, RoomFacts } from './room-facts';

/** Tunables of the rules; the defaults are the field values. */
export interface RoomRulesOptions {
  /** How long the licence must stay removed before it is reassigned (the local demo compresses this). */
  licenceWait?: { minMinutes: number; maxMinutes: number };
}

const DEFAULT_WAIT = { minMinutes: 8 * 60, maxMinutes: 24 * 60 };

// When a room (wrongly) holds several room licences, the richest one is the one that matters.
const ROOM_CATEGORY_RANK: Record<RoomLicenceCategory, number> = {
  'room-pro': 0,
  'room-basic': 1,
  'room-legacy-premium': 2,
  'room-legacy-standard': 3,
};

function lower(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

function isRoomSku(sku: LicenceSku | undefined): sku is LicenceSku & { category: RoomLicenceCategory } {
  return sku?.category.startsWith('room-') ?? false;
}

interface AssignedSku {
  skuId: string;
  skuPartNumber: string;
  sku: LicenceSku | undefined;
  disabledPlans: string[];
  states: LicenseAssignmentState[];
  details: GraphLicenseDetails | undefined;
}

interface Seats {
  free: number;
  enabled: number;
  consumed: number;
}

type SignIn = 'ok' | 'failing' | 'unknown';

// The facts reduced to what the rules decide on, so verdict, findings and plan read the same values.
interface Analysis {
  facts: RoomFacts;
  knowledge: Knowledge;
  upn: string;
  userId: string;
  accountState: 'missing' | 'enabled' | 'disabled' | 'unknown';
  licencesKnown: boolean;
  assigned: AssignedSku[];
  primary: (AssignedSku & { sku: LicenceSku & { category: RoomLicenceCategory } }) | undefined;
  otherRoomSkus: AssignedSku[];
  userSkus: AssignedSku[];
  notForRooms: AssignedSku[];
  assignment: LicenceAssignment;
  groupIds: string[];
  provisioning: Provisioning;
  notReadyPlans: string[];
  assignmentErrors: { error: string; groupId: string }[];
  usageLocation: string;
  seatsKnown: boolean;
  seatsOf: (skuId: string) => Seats | undefined;
  device:
    | {
        id: string;
        name: string;
        version: string;
        build: KnownBuild | undefined;
        signIn: SignIn;
        signInStatus: string;
        health: string;
      }
    | undefined;
  gaps: EvidenceGap[];
}

function analyse(facts: RoomFacts, knowledge: Knowledge): Analysis {
  const account = facts.account;
  const upn = account?.userPrincipalName ?? account?.mail ?? facts.room.emailAddress;

  const bySku = new Map<string, AssignedSku>();
  const entry = (skuId: string, partNumber: string | null | undefined): AssignedSku => {
    const key = lower(skuId);
    let found = bySku.get(key);
    if (!found) {
      const sku = findLicence(knowledge, key);
      found = {
        skuId: key,
        skuPartNumber: partNumber ?? sku?.skuPartNumber ?? key,
        sku,
        disabledPlans: [],
        states: [],
        details: undefined,
      };
      bySku.set(key, found);
    }
    return found;
  };
  for (const licence of account?.assignedLicenses ?? []) {
    entry(licence.skuId, undefined).disabledPlans = [...licence.disabledPlans];
  }
  for (const details of facts.licenseDetails ?? []) {
    if (!details.skuId) continue;
    const e = entry(details.skuId, details.skuPartNumber);
    e.details = details;
    if (details.skuPartNumber) e.skuPartNumber = details.skuPartNumber;
  }
  for (const state of account?.licenseAssignmentStates ?? []) {
    if (state.skuId) bySku.get(lower(state.skuId))?.states.push(state);
  }
  const assigned = [...bySku.values()];

  const roomSkus = assigned
    .filter((a): a is AssignedSku & { sku: LicenceSku & { category: RoomLicenceCategory } } =>
      isRoomSku(a.sku),
    )
    .sort((a, b) => ROOM_CATEGORY_RANK[a.sku.category] - ROOM_CATEGORY_RANK[b.sku.category]);
  const primary = roomSkus[0];

  let assignment: LicenceAssignment = 'unknown';
  let groupIds: string[] = [];
  const assignmentErrors: Analysis['assignmentErrors'] = [];
  let provisioning: Provisioning = 'unknown';
  const notReadyPlans: string[] = [];
  if (primary) {
    if (primary.states.length > 0) {
      const direct = primary.states.some((s) => !s.assignedByGroup);
      groupIds = [...new Set(primary.states.flatMap((s) => (s.assignedByGroup ? [s.assignedByGroup] : [])))];
      assignment = direct && groupIds.length > 0 ? 'direct-and-group' : direct ? 'direct' : 'group';
    }
    for (const s of primary.states) {
      const failed =
        lower(s.state) === 'error' || (s.error !== null && lower(s.error) !== 'none' && s.error !== '');
      if (failed)
        assignmentErrors.push({ error: s.error ?? s.state ?? 'Error', groupId: s.assignedByGroup ?? '' });
    }
    if (primary.details) {
      for (const plan of primary.details.servicePlans) {
        const status = lower(plan.provisioningStatus);
        if (status !== 'success' && status !== 'disabled') {
          notReadyPlans.push(
            `${plan.servicePlanName ?? plan.servicePlanId} (${plan.provisioningStatus ?? '?'})`,
          );
        }
      }
      provisioning = notReadyPlans.length > 0 ? 'not-ready' : 'ready';
    }
  }

  const seatsOf = (skuId: string): Seats | undefined => {
    const sku = facts.subscribedSkus?.find((s) => lower(s.skuId) === lower(skuId));
    if (!sku) return undefined;
    const enabled = sku.prepaidUnits?.enabled ?? 0;
    const consumed = sku.consumedUnits ?? 0;
    return { free: enabled - consumed, enabled, consumed };
  };

  const teams = facts.teamsDevice;
  let device: Analysis['device'];
  if (teams) {
    const version =
      teams.configuration?.softwareVersions?.teamsClientSoftwareVersion ??
      teams.health?.softwareUpdateHealth?.teamsClientSoftwareUpdateStatus?.currentVersion ??
      '';
    const signInStatus = teams.health?.loginStatus?.teamsConnection?.connectionStatus ?? '';
    const signIn: SignIn =
      lower(signInStatus) === 'connected'
        ? 'ok'
        : lower(signInStatus) === 'disconnected'
          ? 'failing'
          : 'unknown';
    device = {
      id: teams.device.id,
      name:
        facts.entraDevice?.displayName ??
        teams.configuration?.systemConfiguration?.networkConfiguration?.hostName ??
        teams.device.hardwareDetail.model ??
        '',
      version: version.trim(),
      build: findKnownBuild(knowledge, version),
      signIn,
      signInStatus,
      health: teams.device.healthStatus ?? '',
    };
  }

  const gaps: EvidenceGap[] = [];
  const addGap = (gap: EvidenceGap) => {
    if (!gaps.some((g) => g.source === gap.source)) gaps.push(gap);
  };
  facts.gaps.forEach(addGap);
  if (account && !teams) addGap({ source: 'teams-device', reason: 'not-registered' });

  return {
    facts,
    knowledge,
    upn,
    userId: account?.id ?? '',
    accountState: !account
      ? 'missing'
      : account.accountEnabled === false
        ? 'disabled'
        : account.accountEnabled === true
          ? 'enabled'
          : 'unknown',
    licencesKnown: facts.licenseDetails !== null || account?.assignedLicenses !== undefined,
    assigned,
    primary,
    otherRoomSkus: roomSkus.slice(1),
    userSkus: assigned.filter((a) => a.sku?.category === 'user'),
    notForRooms: assigned.filter((a) => a.sku && a.sku.category !== 'user' && !a.sku.allowedOnRoomAccount),
    assignment,
    groupIds,
    provisioning,
    notReadyPlans,
    assignmentErrors,
    usageLocation: account?.usageLocation?.trim() ?? '',
    seatsKnown: facts.subscribedSkus !== null,
    seatsOf,
    device,
    gaps,
  };
}

// Only the symptom and the build identify the bug: the console's error text is not in Graph.
function matchesLicenceBug(a: Analysis): boolean {
  return (
    a.device?.signIn === 'failing' &&
    a.device.build?.status === 'bad' &&
    a.device.build.symptom === 'licence-error-at-sign-in'
  );
}

/*
 * Verdict precedence, first match wins. Identity comes first: while the account is missing or disabled nothing
 * else can work, and touching licences would only add noise. Then licences Microsoft blocks outright (a user
 * licence on a room account), then a room licence that is missing or not provisioned: the licence bug can only be
 * recognised once the licence itself is sound. Then the known bug, then failures without a known cause. Advice that
 * does not stop the room (retired SKU, no device data, warnings) comes last.
 */
function chooseVerdict(a: Analysis): Exclude<VerdictCode, 'healthy-with-warnings'> {
  if (a.accountState === 'missing') return 'account-not-found';
  if (a.accountState === 'disabled') return 'account-disabled';
  if (a.userSkus.length > 0) return 'user-licence-on-room';
  if (a.licencesKnown && !a.primary) return 'no-room-licence';
  if (a.primary && (a.provisioning === 'not-ready' || a.assignmentErrors.length > 0)) {
    return 'licence-not-provisioned';
  }
  if (a.primary && matchesLicenceBug(a)) return 'licence-bug';
  if (a.device?.signIn === 'failing') return 'sign-in-failing-unknown';
  if (a.primary?.sku.deprecated) return 'deprecated-sku';
  if (!a.device || a.device.signIn === 'unknown') return 'no-device-data';
  return 'healthy';
}

// Pro first: Basic is capped per tenant and lacks the management features a helpdesk relies on.
function chooseAlternative(a: Analysis, excludeSkuId: string): { skuId: string; free: number } | undefined {
  if (!a.seatsKnown) return undefined;
  const candidates = a.knowledge.licences.skus
    .filter((s) => (s.category === 'room-pro' || s.category === 'room-basic') && s.skuId !== excludeSkuId)
    .map((s) => ({ sku: s, seats: a.seatsOf(s.skuId) }))
    .filter((c): c is { sku: LicenceSku; seats: Seats } => c.seats !== undefined);
  const withSeats = candidates.filter((c) => c.seats.free > 0);
  const best =
    withSeats.find((c) => c.sku.category === 'room-pro') ??
    withSeats.find((c) => c.sku.category === 'room-basic');
  return best ? { skuId: best.sku.skuId, free: best.seats.free } : undefined;
}

// Findings follow the order a reader checks them in: account, licences, device, evidence gaps.
function buildFindings(a: Analysis, verdict: VerdictCode): Finding[] {
  const findings: Finding[] = [];
  const add = <K extends FindingCode>(code: K, severity: Severity, params: FindingParamsByCode[K]) => {
    findings.push({ code, severity, params } as Finding);
  };
  const cycle = verdict === 'licence-bug';
  const facts = a.facts;

  switch (a.accountState) {
    case 'missing':
      add('account-not-found', 'blocker', { email: facts.room.emailAddress });
      break;
    case 'disabled':
      add('account-disabled', 'blocker', { upn: a.upn });
      break;
    case 'enabled':
      add('account-enabled', 'ok', { upn: a.upn });
      break;
    case 'unknown':
      add('account-state-unknown', 'info', { upn: a.upn });
      break;
  }
  if (a.accountState === 'missing') {
    a.gaps.forEach((gap) => add('evidence-missing', 'info', gap));
    return findings;
  }

  if (!a.licencesKnown) add('licences-unknown', 'info', {});
  const primary = a.primary;
  if (primary) {
    add('room-licence', a.provisioning === 'ready' ? 'ok' : 'info', {
      skuId: primary.skuId,
      skuPartNumber: primary.skuPartNumber,
      category: primary.sku.category,
      assignment: a.assignment,
      provisioning: a.provisioning,
    });
    if (a.otherRoomSkus.length > 0) {
      add('multiple-room-licences', 'info', {
        skuIds: [primary.skuId, ...a.otherRoomSkus.map((s) => s.skuId)],
      });
    }
  } else if (a.licencesKnown) {
    add('no-room-licence', 'blocker', {});
  }
  for (const user of a.userSkus) {
    add('user-licence-on-room', 'blocker', {
      skuId: user.skuId,
      skuPartNumber: user.skuPartNumber,
      groupId: user.states.find((s) => s.assignedByGroup)?.assignedByGroup ?? '',
      blockedSince: a.knowledge.licences.userLicencesBlockedOnRoomsSince,
    });
  }
  for (const other of a.notForRooms) {
    if (other.sku) {
      add('licence-not-for-rooms', 'warning', {
        skuId: other.skuId,
        skuPartNumber: other.skuPartNumber,
        category: other.sku.category,
      });
    }
  }
  if (primary && a.provisioning === 'not-ready') {
    add('room-licence-not-provisioned', 'blocker', {
      skuId: primary.skuId,
      skuPartNumber: primary.skuPartNumber,
      plans: a.notReadyPlans.join(', '),
    });
  }
  for (const err of primary ? a.assignmentErrors : []) {
    add('licence-assignment-error', 'blocker', {
      skuId: primary?.skuId ?? '',
      skuPartNumber: primary?.skuPartNumber ?? '',
      error: err.error,
      groupId: err.groupId,
    });
  }
  for (const groupId of primary ? a.groupIds : []) {
    add('licence-assigned-by-group', cycle ? 'warning' : 'info', {
      skuId: primary?.skuId ?? '',
      groupId,
      groupName: groupName(facts, groupId),
    });
  }
  if (primary?.sku.deprecated) add('deprecated-sku', 'warning', { skuId: primary.skuId });

  if (a.usageLocation) add('usage-location', 'ok', { usageLocation: a.usageLocation });
  else add('usage-location-missing', 'warning', { suggested: facts.tenantCountryCode?.trim() ?? '' });

  const seats = primary ? a.seatsOf(primary.skuId) : undefined;
  if (primary && seats) {
    if (seats.free > 0) {
      add('free-seats', 'ok', { skuId: primary.skuId, ...seats });
    } else {
      add('no-free-seat', cycle ? 'warning' : 'info', {
        skuId: primary.skuId,
        ...seats,
        basicCap: primary.sku.category === 'room-basic' ? a.knowledge.licences.roomsBasicTenantCap : 0,
      });
    }
  }
  const wantsAlternative =
    !primary || primary.sku.deprecated || (cycle && seats !== undefined && seats.free <= 0);
  const alternative = wantsAlternative ? chooseAlternative(a, primary?.skuId ?? '') : undefined;
  if (alternative && (!primary || alternative.skuId !== primary.skuId)) {
    add('alternative-seats', 'info', alternative);
  }

  const device = a.device;
  if (device) {
    if (!device.version) add('app-version-missing', 'info', {});
    else if (!device.build) add('app-version-unknown', 'info', { version: device.version });
    else if (device.build.status === 'bad') {
      add('app-version-bad', 'warning', {
        version: device.version,
        pattern: device.build.version,
        symptom: device.build.symptom,
      });
    } else add('app-version-good', 'ok', { version: device.version, pattern: device.build.version });

    if (device.signIn === 'ok') add('sign-in-ok', 'ok', { status: device.signInStatus });
    else if (device.signIn === 'failing') add('sign-in-failing', 'blocker', { status: device.signInStatus });
    else add('sign-in-unknown', 'info', { status: device.signInStatus });

    add('device-health', healthSeverity(device.health), { healthStatus: device.health });

    const entra = facts.entraDevice;
    if (entra) {
      add('entra-device', entra.accountEnabled === false ? 'warning' : 'ok', {
        name: entra.displayName ?? entra.deviceId ?? entra.id,
        enabled: entra.accountEnabled !== false,
        trustType: entra.trustType ?? '',
      });
    } else if (!a.gaps.some((g) => g.source === 'entra-device')) {
      add('entra-device-not-found', 'info', {});
    }
  }

  a.gaps.forEach((gap) => add('evidence-missing', 'info', gap));
  return findings;
}

function healthSeverity(health: string): Severity {
  switch (lower(health)) {
    case 'healthy':
      return 'ok';
    case 'critical':
    case 'offline':
      return 'warning';
    default:
      return 'info';
  }
}

function groupName(facts: RoomFacts, groupId: string): string {
  return facts.licenceGroups?.find((g) => lower(g.id) === lower(groupId))?.displayName ?? '';
}

class PlanBuilder {
  readonly steps: PlanStep[] = [];

  add<K extends PlanStepId>(id: K, stage: PlanStage, params: PlanParamsByStep[K], powershell?: string): this {
    const step = { id, stage, params, ...(powershell ? { powershell } : {}) } as PlanStep;
    this.steps.push(step);
    return this;
  }
}

// Consoles move forward through their update ring, so only a newer good build is a realistic target.
function newerGoodBuild(a: Analysis): string {
  const current = a.device?.version;
  if (!current) return '';
  const good = a.knowledge.builds
    .filter((b) => b.status === 'good')
    .map((b) => b.version)
    .filter((v) => compareVersions(v.replace(/\*/g, '0'), current) > 0)
    .sort((x, y) => compareVersions(y.replace(/\*/g, '0'), x.replace(/\*/g, '0')));
  return good[0] ?? '';
}

function restartAndVerify(p: PlanBuilder, a: Analysis): void {
  const id = a.device?.id ?? '';
  p.add(
    'restart-console',
    'fix',
    { deviceId: id, deviceName: a.device?.name ?? '' },
    id ? ps.restartDevice(id) : '',
  );
  p.add('verify-sign-in', 'verify', { deviceId: id }, id ? ps.deviceSignIn(id) : '');
}

function entraStep(p: PlanBuilder, a: Analysis, stage: PlanStage): void {
  const entra = a.facts.entraDevice;
  const name = entra?.displayName ?? a.device?.name ?? '';
  if (entra && entra.accountEnabled === false) {
    p.add('enable-entra-device', stage, { name, objectId: entra.id }, ps.enableEntraDevice(entra.id));
  } else {
    p.add(
      'check-entra-device',
      stage,
      { name, enabled: entra ? String(entra.accountEnabled !== false) : '' },
      name ? ps.findEntraDevice(name) : '',
    );
  }
}

// Ordered from the cheapest to the most disruptive, so the console is re-imaged only as a last resort.
function advancedSteps(p: PlanBuilder, a: Analysis, stage: PlanStage): void {
  entraStep(p, a, stage);
  p.add('clear-token-cache', stage, {});
  const good = newerGoodBuild(a);
  if (a.device?.build?.status === 'bad' && good) {
    p.add('update-app', stage, { version: a.device.version, goodVersion: good });
  }
  p.add('reinstall-app', stage, {});
  p.add('reimage-console', stage, {});
  const id = a.device?.id ?? '';
  p.add('escalate-to-microsoft', stage, { deviceId: id }, id ? ps.deviceDiagnostics(id) : '');
}

function usageLocationFirst(p: PlanBuilder, a: Analysis): void {
  if (a.usageLocation) return;
  const country = a.facts.tenantCountryCode?.trim() ?? '';
  p.add(
    'set-usage-location',
    'prepare',
    { upn: a.upn, usageLocation: country },
    ps.setUsageLocation(a.upn, country),
  );
}

function licenceBugPlan(p: PlanBuilder, a: Analysis, wait: Required<RoomRulesOptions>['licenceWait']): void {
  const primary = a.primary;
  if (!primary) return;
  usageLocationFirst(p, a);
  const seats = a.seatsOf(primary.skuId);
  const alternative =
    (seats && seats.free <= 0) || primary.sku.deprecated ? chooseAlternative(a, primary.skuId) : undefined;
  if (!seats || seats.free <= 0) {
    const ids = [primary.skuId, ...(alternative ? [alternative.skuId] : [])];
    p.add('check-free-seats', 'prepare', { skuIds: ids }, ps.subscribedSkus(ids));
  }
  if (seats && seats.free <= 0) {
    p.add('hold-freed-seat', 'prepare', {
      skuId: primary.skuId,
      alternativeSkuId: alternative?.skuId ?? '',
      alternativeFree: alternative?.free ?? 0,
    });
  }
  p.add(
    'record-licence',
    'prepare',
    { upn: a.upn, skuId: primary.skuId, disabledPlans: primary.disabledPlans },
    ps.assignedLicences(a.upn),
  );
  p.add('reset-console-app', 'fix', { deviceName: a.device?.name ?? '' });
  const direct = a.assignment !== 'group';
  if (direct) {
    p.add(
      'remove-licence',
      'fix',
      { upn: a.upn, skuId: primary.skuId },
      ps.removeLicence(a.upn, primary.skuId),
    );
  }
  for (const groupId of a.groupIds) {
    const params = { upn: a.upn, userId: a.userId, groupId, groupName: groupName(a.facts, groupId) };
    p.add('remove-from-licence-group', 'fix', params, ps.removeFromGroup(groupId, a.userId));
  }
  p.add('wait-for-purge', 'fix', wait);
  if (direct) {
    p.add(
      'reassign-licence',
      'fix',
      { upn: a.upn, skuId: primary.skuId, disabledPlans: primary.disabledPlans },
      ps.addLicence(a.upn, primary.skuId, primary.disabledPlans),
    );
  }
  for (const groupId of a.groupIds) {
    const params = { upn: a.upn, userId: a.userId, groupId, groupName: groupName(a.facts, groupId) };
    p.add('add-to-licence-group', 'fix', params, ps.addToGroup(groupId, a.userId));
  }
  if (alternative) {
    p.add(
      'reassign-alternative',
      'fix',
      { upn: a.upn, fromSkuId: primary.skuId, skuId: alternative.skuId, free: alternative.free },
      ps.addLicence(a.upn, alternative.skuId, []),
    );
  }
  restartAndVerify(p, a);
  advancedSteps(p, a, 'fallback');
}

function userLicencePlan(p: PlanBuilder, a: Analysis): void {
  if (!a.primary) {
    const alternative = chooseAlternative(a, '');
    usageLocationFirst(p, a);
    const skuId = alternative?.skuId ?? roomSkuFallback(a);
    p.add(
      'assign-room-licence',
      'fix',
      { upn: a.upn, skuId, free: alternative?.free ?? 0 },
      ps.addLicence(a.upn, skuId, []),
    );
  }
  for (const user of a.userSkus) {
    const groupId = user.states.find((s) => s.assignedByGroup)?.assignedByGroup ?? '';
    p.add(
      'remove-user-licence',
      'fix',
      { upn: a.upn, skuId: user.skuId, groupId, groupName: groupName(a.facts, groupId) },
      groupId ? ps.removeFromGroup(groupId, a.userId) : ps.removeLicence(a.upn, user.skuId),
    );
  }
  restartAndVerify(p, a);
  p.add('rediagnose', 'verify', {});
}

// The Basic and Pro SKUs worth checking: those the tenant subscribes to, else the two main ones.
function roomSkuCandidates(a: Analysis): string[] {
  const ids = a.knowledge.licences.skus
    .filter((s) => s.category === 'room-pro' || s.category === 'room-basic')
    .map((s) => s.skuId);
  const subscribed = ids.filter((id) => a.seatsOf(id) !== undefined);
  if (subscribed.length > 0) return subscribed;
  return a.knowledge.licences.skus
    .filter(
      (s) =>
        s.skuPartNumber === 'Microsoft_Teams_Rooms_Pro' || s.skuPartNumber === 'Microsoft_Teams_Rooms_Basic',
    )
    .map((s) => s.skuId);
}

// With no free seat anywhere, Pro is what to buy: Basic cannot grow past its tenant cap.
function roomSkuFallback(a: Analysis): string {
  return a.knowledge.licences.skus.find((s) => s.category === 'room-pro')?.skuId ?? '';
}

function noRoomLicencePlan(p: PlanBuilder, a: Analysis): void {
  usageLocationFirst(p, a);
  const candidates = roomSkuCandidates(a);
  p.add('check-free-seats', 'prepare', { skuIds: candidates }, ps.subscribedSkus(candidates));
  const alternative = chooseAlternative(a, '');
  const skuId = alternative?.skuId ?? roomSkuFallback(a);
  p.add(
    'assign-room-licence',
    'fix',
    { upn: a.upn, skuId, free: alternative?.free ?? 0 },
    ps.addLicence(a.upn, skuId, []),
  );
  restartAndVerify(p, a);
}

function notProvisionedPlan(p: PlanBuilder, a: Analysis): void {
  const primary = a.primary;
  if (!primary) return;
  p.add(
    'check-licence-details',
    'prepare',
    { upn: a.upn, skuId: primary.skuId },
    ps.licencePlans(a.upn, primary.skuId),
  );
  for (const err of a.assignmentErrors) {
    const e = lower(err.error);
    if (e.includes('usagelocation') || e.includes('usage location')) usageLocationFirst(p, a);
    if (e.includes('countviolation')) {
      p.add('check-free-seats', 'prepare', { skuIds: [primary.skuId] }, ps.subscribedSkus([primary.skuId]));
    }
    p.add('fix-assignment-error', 'fix', { upn: a.upn, skuId: primary.skuId, error: err.error });
  }
  if (a.groupIds.length > 0) p.add('reprocess-licence', 'fix', { upn: a.upn }, ps.reprocessLicences(a.upn));
  if (a.provisioning === 'not-ready' && a.assignmentErrors.length === 0) {
    p.add('wait-for-provisioning', 'fix', { upn: a.upn }, ps.licenceDetails(a.upn));
  }
  restartAndVerify(p, a);
}

function deprecatedPlan(p: PlanBuilder, a: Analysis): void {
  const primary = a.primary;
  if (!primary) return;
  const candidates = roomSkuCandidates(a);
  p.add('check-free-seats', 'prepare', { skuIds: candidates }, ps.subscribedSkus(candidates));
  usageLocationFirst(p, a);
  const alternative = chooseAlternative(a, primary.skuId);
  const skuId = alternative?.skuId ?? roomSkuFallback(a);
  // One call adds the new licence and removes the old, so the console is never without a licence.
  p.add(
    'replace-legacy-licence',
    'fix',
    { upn: a.upn, fromSkuId: primary.skuId, skuId, free: alternative?.free ?? 0 },
    a.assignment === 'group' ? undefined : ps.addLicence(a.upn, skuId, [], primary.skuId),
  );
  restartAndVerify(p, a);
}

function noDeviceDataPlan(p: PlanBuilder, a: Analysis): void {
  p.add('check-console-on-site', 'prepare', { email: a.facts.room.emailAddress });
  if (a.device) {
    p.add(
      'check-device-health',
      'prepare',
      { deviceId: a.device.id, healthStatus: a.device.health },
      ps.deviceHealth(a.device.id),
    );
    return;
  }
  const gap = a.gaps.find((g) => g.source === 'teams-device');
  const reason = gap?.reason ?? 'not-registered';
  p.add(
    'find-teams-device',
    'prepare',
    { userId: a.userId, reason },
    a.userId ? ps.findTeamsDevice(a.userId) : '',
  );
  if (reason === 'unavailable' || reason === 'throttled') p.add('retry-later', 'verify', {});
}

function warningsPlan(p: PlanBuilder, a: Analysis, findings: Finding[]): void {
  for (const f of findings) {
    if (f.severity !== 'warning') continue;
    switch (f.code) {
      case 'usage-location-missing':
        usageLocationFirst(p, a);
        break;
      case 'app-version-bad': {
        const good = newerGoodBuild(a);
        if (good) p.add('update-app', 'fix', { version: f.params.version, goodVersion: good });
        break;
      }
      case 'entra-device':
        entraStep(p, a, 'fix');
        break;
      case 'device-health':
        if (a.device) {
          p.add(
            'check-device-health',
            'fix',
            { deviceId: a.device.id, healthStatus: a.device.health },
            ps.deviceHealth(a.device.id),
          );
        }
        break;
      default:
        break;
    }
  }
}

function buildPlan(
  verdict: VerdictCode,
  a: Analysis,
  findings: Finding[],
  wait: Required<RoomRulesOptions>['licenceWait'],
): PlanStep[] {
  const p = new PlanBuilder();
  switch (verdict) {
    case 'account-not-found':
      p.add(
        'find-resource-account',
        'prepare',
        { email: a.facts.room.emailAddress },
        ps.findUserByMail(a.facts.room.emailAddress),
      );
      p.add('check-room-mailbox', 'fix', { email: a.facts.room.emailAddress });
      break;
    case 'account-disabled':
      p.add('find-why-disabled', 'prepare', { upn: a.upn }, ps.disableAudit(a.upn));
      p.add('enable-account', 'fix', { upn: a.upn }, ps.enableAccount(a.upn));
      restartAndVerify(p, a);
      p.add('rediagnose', 'verify', {});
      break;
    case 'user-licence-on-room':
      userLicencePlan(p, a);
      break;
    case 'no-room-licence':
      noRoomLicencePlan(p, a);
      break;
    case 'licence-not-provisioned':
      notProvisionedPlan(p, a);
      break;
    case 'licence-bug':
      licenceBugPlan(p, a, wait);
      break;
    case 'sign-in-failing-unknown':
      p.add('check-console-screen', 'prepare', { deviceName: a.device?.name ?? '' });
      if (a.primary) p.add('try-licence-cycle', 'fix', {});
      advancedSteps(p, a, 'fix');
      break;
    case 'deprecated-sku':
      deprecatedPlan(p, a);
      break;
    case 'no-device-data':
      noDeviceDataPlan(p, a);
      break;
    case 'healthy-with-warnings':
      warningsPlan(p, a, findings);
      break;
    case 'healthy':
      break;
  }
  return p.steps;
}

function snapshot(a: Analysis): RoomLicenceSnapshot | null {
  const primary = a.primary;
  if (!primary) return null;
  return {
    skuId: primary.skuId,
    skuPartNumber: primary.skuPartNumber,
    category: primary.sku.category,
    disabledPlans: [...primary.disabledPlans],
    assignment: a.assignment,
    groupIds: [...a.groupIds],
    provisioning: a.provisioning,
  };
}

function decisiveFindings(code: VerdictCode, findings: Finding[]): Finding[] {
  if (code === 'healthy') return findings.filter((f) => f.severity === 'ok');
  return findings.filter(
    (f) =>
      f.severity === 'blocker' ||
      f.severity === 'warning' ||
      (code === 'licence-bug' && f.code === 'room-licence'),
  );
}

/**
 * Diagnoses a Teams Rooms console from the facts Graph gave about it. Pure: no I/O, no clock.
 * @param knowledge known builds and licence matrix; the shipped data by default.
 * @returns the verdict, the findings that support it, the recommended plan and the evidence that was missing.
 */
export function diagnoseRoom(
  facts: RoomFacts,
  knowledge: Knowledge = defaultKnowledge,
  options: RoomRulesOptions = {},
): RoomDiagnosis {
  const a = analyse(facts, knowledge);
  const base = chooseVerdict(a);
  const findings = buildFindings(a, base);
  const code: VerdictCode =
    base === 'healthy' && findings.some((f) => f.severity === 'warning' || f.severity === 'blocker')
      ? 'healthy-with-warnings'
      : base;
  return {
    verdict: {
      code,
      findings: decisiveFindings(code, findings),
      plan: buildPlan(code, a, findings, options.licenceWait ?? DEFAULT_WAIT),
      missingEvidence: a.gaps,
    },
    findings,
    roomLicence: snapshot(a),
  };
}
