import { compareVersions, defaultKnowledge, type LicenceMatrix, type LicenceSku } from '../knowledge';
import {
  defaultPhoneKnowledge,
  findFirmwareIssue,
  firmwareBaseline,
  type PhoneFirmwareBaseline,
  type PhoneKnowledge,
} from '../knowledge/phone';
import type { PhoneFacts } from './phone-facts';
import type { Severity } from './room-diagnosis';
import type { EvidenceGap } from './room-facts';

/** Other phones offline at once from which the cause is taken to be the network or the service. */
export const FLEET_WIDE_MIN_OTHERS = 3;
/** Share of the fleet (other phones offline / all phones) from which the cause is taken to be fleet-wide. */
export const FLEET_WIDE_MIN_SHARE = 0.3;

/** What the rules concluded, most decisive first; see PHONE_VERDICT_PRECEDENCE. */
export type PhoneVerdictCode =
  | 'user-not-found'
  | 'account-disabled'
  | 'no-phone-licence'
  | 'licence-not-provisioned'
  | 'no-phone'
  | 'fleet-wide'
  | 'offline-old-firmware'
  | 'offline'
  | 'signed-out'
  | 'state-unknown'
  | 'old-firmware'
  | 'healthy';

/**
 * Verdict precedence, first match wins. Identity and licence come first: while they are wrong, no network fix makes
 * the phone work. Then what the device data can say: no device at all, an outage wider than this phone, this phone
 * offline (with old firmware: the playbook's case), signed out while online, state unknown; advice last.
 */
export const PHONE_VERDICT_PRECEDENCE: readonly PhoneVerdictCode[] = [
  'user-not-found',
  'account-disabled',
  'no-phone-licence',
  'licence-not-provisioned',
  'no-phone',
  'fleet-wide',
  'offline-old-firmware',
  'offline',
  'signed-out',
  'state-unknown',
  'old-firmware',
  'healthy',
];

// Verdicts about the person rather than the phone's network: walking the site is no use until they are fixed.
const ACCOUNT_VERDICTS: ReadonlySet<PhoneVerdictCode> = new Set([
  'user-not-found',
  'account-disabled',
  'no-phone-licence',
  'licence-not-provisioned',
  'signed-out',
]);

/** How the phone reaches the management service, from its health. */
export type PhoneConnection = 'online' | 'offline' | 'unknown';

/** The parameters of each finding, by code. Texts are raw Graph values, not markdown-safe. */
export interface PhoneFindingParamsByCode {
  'user-not-found': { upn: string };
  'account-enabled': { upn: string };
  'account-disabled': { upn: string };
  'account-state-unknown': { upn: string };
  /** `via`: the Teams Phone plan (MCOEV) is active in the SKU, or the SKU is Teams Shared Devices. */
  'phone-licence': { skuId: string; skuPartNumber: string; via: 'teams-phone-plan' | 'shared-devices' };
  /** `skuIds`: every licence the person holds, none of them with an active Teams Phone plan. */
  'no-phone-licence': { skuIds: string[] };
  /** The Teams Phone plan is turned off (disabledPlans) in this licence. */
  'phone-plan-disabled': { skuId: string; skuPartNumber: string };
  'licence-not-provisioned': { skuId: string; skuPartNumber: string; status: string };
  'licences-unknown': Record<string, never>;
  'no-phone': { reason: EvidenceGap['reason'] };
  'device-online': { deviceId: string; healthStatus: string };
  /** `lastSeen`: when the connection was last reported changed (ISO 8601), '' when unknown. */
  'device-offline': { deviceId: string; healthStatus: string; lastSeen: string };
  'device-state-unknown': { deviceId: string; healthStatus: string };
  'signed-in': { status: string };
  /** `online`: whether the device itself is connected; signed out while offline says little. */
  'signed-out': { status: string; since: string; online: boolean };
  'sign-in-unknown': { status: string };
  /**
   * `issue`: the bad-version entry the version matches ('' when none). `belowMinimum`: older than the model's
   * minimum; when false, the known issue alone puts the version below the baseline.
   */
  'firmware-below-baseline': {
    version: string;
    minimum: string;
    recommended: string;
    model: string;
    issue: string;
    belowMinimum: boolean;
  };
  'firmware-behind': { version: string; recommended: string; model: string };
  'firmware-current': { version: string; recommended: string; model: string };
  'firmware-unknown-model': { version: string; model: string };
  'firmware-missing': { model: string };
  'fleet-ok': { total: number };
  'fleet-some-offline': { offline: number; total: number };
  /** `share`: whole percent of the fleet offline, this phone excluded. */
  'fleet-wide-offline': { offline: number; total: number; share: number };
  'fleet-unknown': Record<string, never>;
  'same-firmware': { count: number; version: string };
  'evidence-missing': EvidenceGap;
}

export type PhoneFindingCode = keyof PhoneFindingParamsByCode;

/** One thing the rules checked, with what they saw. */
export type PhoneFinding = {
  [K in PhoneFindingCode]: { code: K; severity: Severity; params: PhoneFindingParamsByCode[K] };
}[PhoneFindingCode];

/** The parameters of each plan step, by id. */
export interface PhonePlanParamsByStep {
  'check-account': { upn: string };
  'find-why-disabled': { upn: string };
  'enable-account': { upn: string };
  'assign-phone-licence': { upn: string };
  'enable-phone-plan': { upn: string; skuId: string };
  'wait-for-provisioning': { upn: string; skuId: string; status: string };
  'sign-in-again': { upn: string };
  'find-phone': { upn: string; reason: EvidenceGap['reason'] };
  'retry-later': Record<string, never>;
  'check-outage': { offline: number; total: number };
  'walk-site-checks': Record<string, never>;
  /** `offline`: a remote restart cannot reach it, so it is power-cycled on site. */
  'restart-phone': { deviceId: string; offline: boolean };
  'update-firmware': { deviceId: string; version: string; target: string; minimum: string };
  'update-other-phones': { count: number; version: string; target: string };
  verify: Record<string, never>;
}

export type PhonePlanStepId = keyof PhonePlanParamsByStep;

/** One step of the recommended plan. */
export type PhonePlanStep = {
  [K in PhonePlanStepId]: { id: K; params: PhonePlanParamsByStep[K] };
}[PhonePlanStepId];

/** An action the bot can offer (a button) for this diagnosis. */
export type PhoneAction =
  | { id: 'restart'; deviceId: string }
  | { id: 'update-firmware'; deviceId: string; currentVersion: string; targetVersion: string }
  | { id: 'walk-site-checks' };

/** What the network team needs to find the phone: raw Graph values, '' when not reported. */
export interface PhoneSiteFacts {
  deviceId: string;
  /** The person's sign-in name. */
  user: string;
  site: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  assetTag: string;
  macAddress: string;
  hostName: string;
  ipAddress: string;
  subnetMask: string;
  gateway: string;
  dnsServers: string[];
  /** `null` when not reported. */
  dhcp: boolean | null;
  firmware: string;
}

/** What the rules concluded and what to do about it. */
export interface PhoneVerdict {
  code: PhoneVerdictCode;
  /** The findings the verdict rests on: blockers and warnings, or the passed checks for `healthy`. */
  findings: PhoneFinding[];
  plan: PhonePlanStep[];
  /** Evidence that could not be gathered; the verdict was reached without it. */
  missingEvidence: EvidenceGap[];
}

/** The outcome of the rules for one person's phone. */
export interface PhoneDiagnosis {
  verdict: PhoneVerdict;
  /** Every check, in reading order: account, licence, phone, firmware, fleet, gaps. */
  findings: PhoneFinding[];
  /** The actions that apply, in the order to offer them. */
  actions: PhoneAction[];
  siteFacts: PhoneSiteFacts;
  connection: PhoneConnection;
  /** The firmware baseline of the phone's model, when known. */
  baseline: PhoneFirmwareBaseline | null;
}

function lower(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

type LicenceState =
  | { kind: 'licensed'; skuId: string; skuPartNumber: string; via: 'teams-phone-plan' | 'shared-devices' }
  | { kind: 'not-provisioned'; skuId: string; skuPartNumber: string; status: string }
  | { kind: 'missing'; disabledIn: { skuId: string; skuPartNumber: string } | undefined }
  | { kind: 'unknown' };

interface Analysis {
  facts: PhoneFacts;
  upn: string;
  account: 'missing' | 'enabled' | 'disabled' | 'unknown';
  heldSkuIds: string[];
  licence: LicenceState;
  connection: PhoneConnection;
  lastSeen: string;
  signIn: { state: 'signed-in' | 'signed-out' | 'unknown'; status: string; since: string };
  firmware: string;
  model: string;
  baseline: PhoneFirmwareBaseline | undefined;
  issue: string;
  belowMinimum: boolean;
  belowBaseline: boolean;
  fleetWide: boolean;
  gaps: EvidenceGap[];
}

function skuOf(licences: LicenceMatrix, skuId: string): LicenceSku | undefined {
  return licences.skus.find((sku) => sku.skuId === skuId);
}

function partNumber(licences: LicenceMatrix, skuId: string, reported: string | null | undefined): string {
  return reported ?? skuOf(licences, skuId)?.skuPartNumber ?? skuId;
}

/*
 * Teams Phone is the MCOEV service plan, whichever SKU carries it (Teams Phone Standard, E5...). Teams Shared
 * Devices includes it for common-area phones, so holding that SKU is enough unless its plan is turned off.
 */
function analyseLicence(facts: PhoneFacts, licences: LicenceMatrix): LicenceState {
  const planId = licences.servicePlans.teamsPhone;
  const category = (skuId: string) => skuOf(licences, skuId)?.category;
  if (facts.licenseDetails) {
    const active: LicenceState[] = [];
    const pending: LicenceState[] = [];
    const disabled: { skuId: string; skuPartNumber: string }[] = [];
    for (const details of facts.licenseDetails) {
      const skuId = lower(details.skuId);
      const skuPartNumber = partNumber(licences, skuId, details.skuPartNumber);
      const shared = category(skuId) === 'shared-device';
      for (const plan of details.servicePlans) {
        if (lower(plan.servicePlanId) !== planId) continue;
        const status = lower(plan.provisioningStatus);
        if (status === 'success') {
          active.push({
            kind: 'licensed',
            skuId,
            skuPartNumber,
            via: shared ? 'shared-devices' : 'teams-phone-plan',
          });
        } else if (status === 'disabled') {
          disabled.push({ skuId, skuPartNumber });
        } else {
          pending.push({
            kind: 'not-provisioned',
            skuId,
            skuPartNumber,
            status: plan.provisioningStatus ?? '',
          });
        }
      }
    }
    const found = active[0] ?? pending[0];
    if (found) return found;
    const shared = facts.licenseDetails.find(
      (d) =>
        category(lower(d.skuId)) === 'shared-device' && !disabled.some((x) => x.skuId === lower(d.skuId)),
    );
    if (shared) {
      const skuId = lower(shared.skuId);
      return {
        kind: 'licensed',
        skuId,
        skuPartNumber: partNumber(licences, skuId, shared.skuPartNumber),
        via: 'shared-devices',
      };
    }
    return { kind: 'missing', disabledIn: disabled[0] };
  }

  // Without licenseDetails only the Teams Phone and Shared Devices SKUs are certain; others (E5) may carry the plan.
  const assigned = facts.user?.assignedLicenses;
  if (!assigned) return { kind: 'unknown' };
  if (assigned.length === 0) return { kind: 'missing', disabledIn: undefined };
  for (const licence of assigned) {
    const skuId = lower(licence.skuId);
    const cat = category(skuId);
    if (cat !== 'phone' && cat !== 'shared-device') continue;
    if (licence.disabledPlans.some((p) => lower(p) === planId)) continue;
    return {
      kind: 'licensed',
      skuId,
      skuPartNumber: partNumber(licences, skuId, undefined),
      via: cat === 'shared-device' ? 'shared-devices' : 'teams-phone-plan',
    };
  }
  return { kind: 'unknown' };
}

/**
 * Whether the other phones offline point to the network or the service rather than this phone: at least
 * FLEET_WIDE_MIN_OTHERS of them, or at least FLEET_WIDE_MIN_SHARE of the whole fleet.
 */
export function isFleetWide(otherOffline: number, total: number): boolean {
  if (otherOffline <= 0) return false;
  if (otherOffline >= FLEET_WIDE_MIN_OTHERS) return true;
  return total > 0 && otherOffline / total >= FLEET_WIDE_MIN_SHARE;
}

function analyse(facts: PhoneFacts, knowledge: PhoneKnowledge, licences: LicenceMatrix): Analysis {
  const user = facts.user;
  const phone = facts.phone;
  const upn = user?.userPrincipalName ?? user?.mail ?? phone?.device.currentUser?.userPrincipalName ?? '';

  const held = new Set<string>();
  for (const l of user?.assignedLicenses ?? []) held.add(lower(l.skuId));
  for (const d of facts.licenseDetails ?? []) if (d.skuId) held.add(lower(d.skuId));

  let connection: PhoneConnection = 'unknown';
  let lastSeen = '';
  let signIn: Analysis['signIn'] = { state: 'unknown', status: '', since: '' };
  let firmware = '';
  let model = '';
  let baseline: PhoneFirmwareBaseline | undefined;
  if (phone) {
    const link = phone.health?.connection;
    const linkStatus = lower(link?.connectionStatus);
    const health = lower(phone.device.healthStatus);
    // The connection carries its own timestamp, so it wins over the summary health when both are reported.
    if (linkStatus === 'disconnected') connection = 'offline';
    else if (linkStatus === 'connected') connection = 'online';
    else if (health === 'offline') connection = 'offline';
    else if (health === 'healthy' || health === 'nonurgent' || health === 'critical') connection = 'online';
    if (connection === 'offline') lastSeen = link?.lastModifiedDateTime ?? '';

    const teams = phone.health?.loginStatus?.teamsConnection;
    const teamsStatus = lower(teams?.connectionStatus);
    signIn = {
      state:
        teamsStatus === 'connected' ? 'signed-in' : teamsStatus === 'disconnected' ? 'signed-out' : 'unknown',
      status: teams?.connectionStatus ?? '',
      since: teamsStatus === 'disconnected' ? (teams?.lastModifiedDateTime ?? '') : '',
    };

    firmware = (
      phone.configuration?.softwareVersions?.firmwareSoftwareVersion ??
      phone.health?.softwareUpdateHealth?.firmwareSoftwareUpdateStatus?.currentVersion ??
      ''
    ).trim();
    const hw = phone.device.hardwareDetail;
    model = [hw.manufacturer?.trim(), hw.model?.trim()].filter(Boolean).join(' ');
    baseline = firmwareBaseline(hw.model, knowledge, hw.manufacturer);
  }

  const issue = baseline && firmware ? (findFirmwareIssue(baseline, firmware)?.version ?? '') : '';
  const belowMinimum =
    baseline !== undefined && firmware !== '' && compareVersions(firmware, baseline.minimum) < 0;

  const fleet = facts.fleet;
  const gaps: EvidenceGap[] = [];
  for (const gap of facts.gaps) if (!gaps.some((g) => g.source === gap.source)) gaps.push(gap);

  return {
    facts,
    upn,
    account: !user
      ? 'missing'
      : user.accountEnabled === false
        ? 'disabled'
        : user.accountEnabled === true
          ? 'enabled'
          : 'unknown',
    heldSkuIds: [...held],
    licence: analyseLicence(facts, licences),
    connection,
    lastSeen,
    signIn,
    firmware,
    model,
    baseline,
    issue,
    belowMinimum,
    belowBaseline: belowMinimum || issue !== '',
    fleetWide: fleet ? isFleetWide(fleet.otherOffline.length, fleet.total) : false,
    gaps,
  };
}

function chooseVerdict(a: Analysis): PhoneVerdictCode {
  if (a.account === 'missing') return 'user-not-found';
  if (a.account === 'disabled') return 'account-disabled';
  if (a.licence.kind === 'missing') return 'no-phone-licence';
  if (a.licence.kind === 'not-provisioned') return 'licence-not-provisioned';
  if (!a.facts.phone) return 'no-phone';
  if (a.connection !== 'online' && a.fleetWide) return 'fleet-wide';
  if (a.connection === 'offline') return a.belowBaseline ? 'offline-old-firmware' : 'offline';
  if (a.connection === 'online' && a.signIn.state === 'signed-out') return 'signed-out';
  if (a.connection === 'unknown') return 'state-unknown';
  if (a.belowBaseline) return 'old-firmware';
  return 'healthy';
}

function buildFindings(a: Analysis): PhoneFinding[] {
  const findings: PhoneFinding[] = [];
  const add = <K extends PhoneFindingCode>(
    code: K,
    severity: Severity,
    params: PhoneFindingParamsByCode[K],
  ) => {
    findings.push({ code, severity, params } as PhoneFinding);
  };
  const facts = a.facts;

  switch (a.account) {
    case 'missing':
      add('user-not-found', 'blocker', { upn: a.upn });
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

  if (a.account !== 'missing') {
    const licence = a.licence;
    switch (licence.kind) {
      case 'licensed':
        add('phone-licence', 'ok', {
          skuId: licence.skuId,
          skuPartNumber: licence.skuPartNumber,
          via: licence.via,
        });
        break;
      case 'not-provisioned':
        add('licence-not-provisioned', 'blocker', {
          skuId: licence.skuId,
          skuPartNumber: licence.skuPartNumber,
          status: licence.status,
        });
        break;
      case 'missing':
        if (licence.disabledIn) add('phone-plan-disabled', 'blocker', licence.disabledIn);
        else add('no-phone-licence', 'blocker', { skuIds: a.heldSkuIds });
        break;
      case 'unknown':
        add('licences-unknown', 'info', {});
        break;
    }
  }

  const phone = facts.phone;
  if (!phone) {
    const gap = a.gaps.find((g) => g.source === 'teams-device');
    add('no-phone', gap ? 'info' : 'warning', { reason: gap?.reason ?? 'not-registered' });
  } else {
    const deviceId = phone.device.id;
    const healthStatus = phone.device.healthStatus ?? '';
    if (a.connection === 'online') add('device-online', 'ok', { deviceId, healthStatus });
    else if (a.connection === 'offline') {
      add('device-offline', 'blocker', { deviceId, healthStatus, lastSeen: a.lastSeen });
    } else add('device-state-unknown', 'info', { deviceId, healthStatus });

    if (a.signIn.state === 'signed-in') add('signed-in', 'ok', { status: a.signIn.status });
    else if (a.signIn.state === 'signed-out') {
      const online = a.connection === 'online';
      add('signed-out', online ? 'blocker' : 'info', {
        status: a.signIn.status,
        since: a.signIn.since,
        online,
      });
    } else add('sign-in-unknown', 'info', { status: a.signIn.status });

    const baseline = a.baseline;
    if (!a.firmware) add('firmware-missing', 'info', { model: a.model });
    else if (!baseline) add('firmware-unknown-model', 'info', { version: a.firmware, model: a.model });
    else if (a.belowBaseline) {
      add('firmware-below-baseline', 'warning', {
        version: a.firmware,
        minimum: baseline.minimum,
        recommended: baseline.recommended,
        model: a.model,
        issue: a.issue,
        belowMinimum: a.belowMinimum,
      });
    } else if (compareVersions(a.firmware, baseline.recommended) < 0) {
      add('firmware-behind', 'info', {
        version: a.firmware,
        recommended: baseline.recommended,
        model: a.model,
      });
    } else {
      add('firmware-current', 'ok', {
        version: a.firmware,
        recommended: baseline.recommended,
        model: a.model,
      });
    }
  }

  const fleet = facts.fleet;
  if (!fleet) add('fleet-unknown', 'info', {});
  else {
    const offline = fleet.otherOffline.length;
    if (offline === 0) add('fleet-ok', 'ok', { total: fleet.total });
    else if (a.fleetWide) {
      const share = fleet.total > 0 ? Math.round((offline / fleet.total) * 100) : 100;
      // Only a warning for a phone that is itself down: an online phone is not part of the outage.
      add('fleet-wide-offline', a.connection === 'online' ? 'info' : 'warning', {
        offline,
        total: fleet.total,
        share,
      });
    } else add('fleet-some-offline', 'info', { offline, total: fleet.total });
    if (a.belowBaseline && fleet.sameFirmware.length > 0) {
      add('same-firmware', 'info', { count: fleet.sameFirmware.length, version: a.firmware });
    }
  }

  a.gaps.forEach((gap) => add('evidence-missing', 'info', gap));
  return findings;
}

class PlanBuilder {
  readonly steps: PhonePlanStep[] = [];

  add<K extends PhonePlanStepId>(id: K, params: PhonePlanParamsByStep[K]): this {
    this.steps.push({ id, params } as PhonePlanStep);
    return this;
  }
}

function restart(p: PlanBuilder, a: Analysis): void {
  const phone = a.facts.phone;
  if (phone) p.add('restart-phone', { deviceId: phone.device.id, offline: a.connection === 'offline' });
}

function updateFirmware(p: PlanBuilder, a: Analysis): void {
  const phone = a.facts.phone;
  if (!phone || !a.belowBaseline || !a.baseline) return;
  p.add('update-firmware', {
    deviceId: phone.device.id,
    version: a.firmware,
    target: a.baseline.recommended,
    minimum: a.baseline.minimum,
  });
  const others = a.facts.fleet?.sameFirmware.length ?? 0;
  if (others > 0) {
    p.add('update-other-phones', { count: others, version: a.firmware, target: a.baseline.recommended });
  }
}

function buildPlan(verdict: PhoneVerdictCode, a: Analysis): PhonePlanStep[] {
  const p = new PlanBuilder();
  const upn = a.upn;
  switch (verdict) {
    case 'user-not-found':
      p.add('check-account', { upn });
      break;
    case 'account-disabled':
      p.add('find-why-disabled', { upn });
      p.add('enable-account', { upn });
      restart(p, a);
      p.add('verify', {});
      break;
    case 'no-phone-licence': {
      const licence = a.licence;
      if (licence.kind === 'missing' && licence.disabledIn) {
        p.add('enable-phone-plan', { upn, skuId: licence.disabledIn.skuId });
      } else p.add('assign-phone-licence', { upn });
      p.add('sign-in-again', { upn });
      p.add('verify', {});
      break;
    }
    case 'licence-not-provisioned': {
      const licence = a.licence;
      if (licence.kind === 'not-provisioned') {
        p.add('wait-for-provisioning', { upn, skuId: licence.skuId, status: licence.status });
      }
      p.add('sign-in-again', { upn });
      p.add('verify', {});
      break;
    }
    case 'no-phone': {
      const reason = a.gaps.find((g) => g.source === 'teams-device')?.reason ?? 'not-registered';
      p.add('find-phone', { upn, reason });
      if (reason === 'unavailable' || reason === 'throttled') p.add('retry-later', {});
      p.add('walk-site-checks', {});
      p.add('verify', {});
      break;
    }
    case 'fleet-wide':
      p.add('check-outage', {
        offline: a.facts.fleet?.otherOffline.length ?? 0,
        total: a.facts.fleet?.total ?? 0,
      });
      p.add('walk-site-checks', {});
      updateFirmware(p, a);
      p.add('verify', {});
      break;
    // The playbook's order: make the network path work first, since an offline phone cannot take an update.
    case 'offline-old-firmware':
    case 'offline':
    case 'state-unknown':
      p.add('walk-site-checks', {});
      restart(p, a);
      updateFirmware(p, a);
      p.add('verify', {});
      break;
    case 'signed-out':
      p.add('sign-in-again', { upn });
      restart(p, a);
      updateFirmware(p, a);
      p.add('verify', {});
      break;
    case 'old-firmware':
      updateFirmware(p, a);
      p.add('walk-site-checks', {});
      p.add('verify', {});
      break;
    case 'healthy':
      p.add('walk-site-checks', {});
      break;
  }
  return p.steps;
}

function buildActions(verdict: PhoneVerdictCode, a: Analysis): PhoneAction[] {
  const actions: PhoneAction[] = [];
  const phone = a.facts.phone;
  if (phone) actions.push({ id: 'restart', deviceId: phone.device.id });
  if (phone && a.belowBaseline && a.baseline) {
    actions.push({
      id: 'update-firmware',
      deviceId: phone.device.id,
      currentVersion: a.firmware,
      targetVersion: a.baseline.recommended,
    });
  }
  if (!ACCOUNT_VERDICTS.has(verdict)) actions.push({ id: 'walk-site-checks' });
  return actions;
}

function siteFacts(a: Analysis): PhoneSiteFacts {
  const phone = a.facts.phone;
  const hw = phone?.device.hardwareDetail;
  const net = phone?.configuration?.systemConfiguration?.networkConfiguration;
  const text = (value: string | null | undefined) => value?.trim() ?? '';
  return {
    deviceId: phone?.device.id ?? '',
    user: a.upn,
    site: text(a.facts.site),
    manufacturer: text(hw?.manufacturer),
    model: text(hw?.model),
    serialNumber: text(hw?.serialNumber),
    assetTag: text(phone?.device.companyAssetTag),
    macAddress: text(hw?.macAddresses?.find((m) => m?.trim())),
    hostName: text(net?.hostName),
    ipAddress: text(net?.ipAddress),
    subnetMask: text(net?.subnetMask),
    gateway: text(net?.defaultGateway),
    dnsServers: [net?.primaryDns, net?.secondaryDns].map(text).filter((d) => d !== ''),
    dhcp: typeof net?.isDhcpEnabled === 'boolean' ? net.isDhcpEnabled : null,
    firmware: a.firmware,
  };
}

function decisiveFindings(code: PhoneVerdictCode, findings: PhoneFinding[]): PhoneFinding[] {
  if (code === 'healthy') return findings.filter((f) => f.severity === 'ok');
  return findings.filter((f) => f.severity === 'blocker' || f.severity === 'warning');
}

/**
 * Diagnoses a person's Teams phone ("No internet" on the screen) from the facts Graph gave. Pure: no I/O, no clock.
 * @param knowledge firmware baselines and the site decision tree; the shipped data by default.
 * @param licences the licence matrix (Teams Phone plan, Shared Devices SKU); the shipped one by default.
 * @returns the verdict with its plan, every finding, the actions that apply and the facts for a network hand-off.
 */
export function diagnosePhone(
  facts: PhoneFacts,
  knowledge: PhoneKnowledge = defaultPhoneKnowledge,
  licences: LicenceMatrix = defaultKnowledge.licences,
): PhoneDiagnosis {
  const a = analyse(facts, knowledge, licences);
  const code = chooseVerdict(a);
  const findings = buildFindings(a);
  return {
    verdict: {
      code,
      findings: decisiveFindings(code, findings),
      plan: buildPlan(code, a),
      missingEvidence: a.gaps,
    },
    findings,
    actions: buildActions(code, a),
    siteFacts: siteFacts(a),
    connection: a.connection,
    baseline: a.baseline ?? null,
  };
}
