import type { BuildSymptom, LicenceCategory, RoomLicenceCategory } from '../knowledge';
import type { EvidenceGap } from './room-facts';

export type Severity = 'blocker' | 'warning' | 'info' | 'ok';

/** How the room licence reached the account. */
export type LicenceAssignment = 'direct' | 'group' | 'direct-and-group' | 'unknown';

/** Whether every service plan of the licence is ready (Success or Disabled). */
export type Provisioning = 'ready' | 'not-ready' | 'unknown';

/** The parameters of each finding, by code. Ids are Graph ids; texts are raw Graph values, not markdown-safe. */
export interface FindingParamsByCode {
  'account-not-found': { email: string };
  'account-enabled': { upn: string };
  'account-disabled': { upn: string };
  'account-state-unknown': { upn: string };
  'room-licence': {
    skuId: string;
    skuPartNumber: string;
    category: RoomLicenceCategory;
    assignment: LicenceAssignment;
    provisioning: Provisioning;
  };
  /** `plans`: the service plans that are not ready, as "NAME (Status)" joined with ", ". */
  'room-licence-not-provisioned': { skuId: string; skuPartNumber: string; plans: string };
  'licence-assignment-error': { skuId: string; skuPartNumber: string; error: string; groupId: string };
  'multiple-room-licences': { skuIds: string[] };
  'no-room-licence': Record<string, never>;
  'licences-unknown': Record<string, never>;
  'user-licence-on-room': { skuId: string; skuPartNumber: string; groupId: string; blockedSince: string };
  'licence-not-for-rooms': { skuId: string; skuPartNumber: string; category: LicenceCategory };
  'licence-assigned-by-group': { skuId: string; groupId: string; groupName: string };
  'usage-location': { usageLocation: string };
  'usage-location-missing': { suggested: string };
  'free-seats': { skuId: string; free: number; enabled: number; consumed: number };
  /** `basicCap` is 0 unless the SKU is Teams Rooms Basic, whose seats are capped per tenant. */
  'no-free-seat': { skuId: string; free: number; enabled: number; consumed: number; basicCap: number };
  'alternative-seats': { skuId: string; free: number };
  'deprecated-sku': { skuId: string };
  'app-version-bad': { version: string; pattern: string; symptom: BuildSymptom };
  'app-version-good': { version: string; pattern: string };
  'app-version-unknown': { version: string };
  'app-version-missing': Record<string, never>;
  'sign-in-ok': { status: string };
  'sign-in-failing': { status: string };
  'sign-in-unknown': { status: string };
  'device-health': { healthStatus: string };
  'entra-device': { name: string; enabled: boolean; trustType: string };
  'entra-device-not-found': Record<string, never>;
  'evidence-missing': EvidenceGap;
}

export type FindingCode = keyof FindingParamsByCode;

/** One thing the rules checked, with what they saw. */
export type Finding = {
  [K in FindingCode]: { code: K; severity: Severity; params: FindingParamsByCode[K] };
}[FindingCode];

/** Which part of the plan a step belongs to; `fallback` steps are for when the main fix did not work. */
export type PlanStage = 'prepare' | 'fix' | 'verify' | 'fallback';

/** The parameters of each plan step, by id. */
export interface PlanParamsByStep {
  'find-resource-account': { email: string };
  'check-room-mailbox': { email: string };
  'find-why-disabled': { upn: string };
  'enable-account': { upn: string };
  'set-usage-location': { upn: string; usageLocation: string };
  'check-free-seats': { skuIds: string[] };
  'hold-freed-seat': { skuId: string; alternativeSkuId: string; alternativeFree: number };
  'record-licence': { upn: string; skuId: string; disabledPlans: string[] };
  'reset-console-app': { deviceName: string };
  'remove-licence': { upn: string; skuId: string };
  'remove-from-licence-group': { upn: string; userId: string; groupId: string; groupName: string };
  'wait-for-purge': { minMinutes: number; maxMinutes: number };
  'reassign-licence': { upn: string; skuId: string; disabledPlans: string[] };
  'reassign-alternative': { upn: string; fromSkuId: string; skuId: string; free: number };
  'add-to-licence-group': { upn: string; userId: string; groupId: string; groupName: string };
  'remove-user-licence': { upn: string; skuId: string; groupId: string; groupName: string };
  'assign-room-licence': { upn: string; skuId: string; free: number };
  'replace-legacy-licence': { upn: string; fromSkuId: string; skuId: string; free: number };
  'check-licence-details': { upn: string; skuId: string };
  'fix-assignment-error': { upn: string; skuId: string; error: string };
  'reprocess-licence': { upn: string };
  'wait-for-provisioning': { upn: string };
  'restart-console': { deviceId: string; deviceName: string };
  'verify-sign-in': { deviceId: string };
  rediagnose: Record<string, never>;
  'check-console-screen': { deviceName: string };
  'try-licence-cycle': Record<string, never>;
  'check-entra-device': { name: string; enabled: string };
  'enable-entra-device': { name: string; objectId: string };
  'clear-token-cache': Record<string, never>;
  'update-app': { version: string; goodVersion: string };
  'reinstall-app': Record<string, never>;
  'reimage-console': Record<string, never>;
  'escalate-to-microsoft': { deviceId: string };
  'check-device-health': { deviceId: string; healthStatus: string };
  'find-teams-device': { userId: string; reason: EvidenceGap['reason'] };
  'check-console-on-site': { email: string };
  'retry-later': Record<string, never>;
}

export type PlanStepId = keyof PlanParamsByStep;

/**
 * One step of the recommended plan. `powershell` is the equivalent Microsoft Graph PowerShell for admins who act
 * by hand: raw command text with its values already quoted for PowerShell, never markdown.
 */
export type PlanStep = {
  [K in PlanStepId]: { id: K; stage: PlanStage; params: PlanParamsByStep[K]; powershell?: string };
}[PlanStepId];

export type VerdictCode =
  | 'account-not-found'
  | 'account-disabled'
  | 'user-licence-on-room'
  | 'no-room-licence'
  | 'licence-not-provisioned'
  | 'licence-bug'
  | 'sign-in-failing-unknown'
  | 'deprecated-sku'
  | 'no-device-data'
  | 'healthy-with-warnings'
  | 'healthy';

/** The room licence as it is now: what the licence workflow must restore after removing it. */
export interface RoomLicenceSnapshot {
  skuId: string;
  skuPartNumber: string;
  category: RoomLicenceCategory;
  disabledPlans: string[];
  assignment: LicenceAssignment;
  /** Groups that assign it (`assignedByGroup`), empty when assigned directly only. */
  groupIds: string[];
  provisioning: Provisioning;
}

/** What the rules concluded and what to do about it. */
export interface RoomVerdict {
  code: VerdictCode;
  /**
   * The findings the verdict rests on: every blocker and warning, plus the sound room licence for `licence-bug`
   * (part of its definition) and the passed checks for `healthy`.
   */
  findings: Finding[];
  plan: PlanStep[];
  /** Evidence that could not be gathered; the verdict was reached without it. */
  missingEvidence: EvidenceGap[];
}

/** The outcome of the rules for one room. */
export interface RoomDiagnosis {
  verdict: RoomVerdict;
  /** Every check, in reading order: account, licences, usage location, seats, device, Entra device, gaps. */
  findings: Finding[];
  /** The room licence to restore after the licence workflow removes it; `null` when the room has none. */
  roomLicence: RoomLicenceSnapshot | null;
}
