import type { Locale } from '../i18n';

/**
 * A repair case: one room, one repair, tracked from the decision to the outcome. Persisted as a whole (JSON) with a
 * version for conditional writes.
 */

export type CaseState =
  | 'diagnosed'
  | 'awaiting-confirmation'
  | 'removing'
  | 'waiting'
  | 'window-open'
  | 'reassigning'
  | 'verifying'
  /** Phone: walking the site checks, one question at a time. */
  | 'troubleshooting'
  /** Phone: a restart or firmware update runs on the device. */
  | 'device-operation'
  /** Phone: the post-remediation checklist (test calls, quality, persistence after a reboot). */
  | 'checking'
  | 'resolved'
  | 'escalated'
  | 'cancelled';

/** States after which nothing more happens. */
export const CLOSED_STATES: readonly CaseState[] = ['resolved', 'escalated', 'cancelled'];

export function isOpen(state: CaseState): boolean {
  return !CLOSED_STATES.includes(state);
}

/**
 * - `licence-cycle`: the 5.2.115.0 bug. Remove the room licence, wait, reassign the same one (or Pro), restart, verify.
 * - `remove-user-licence`: a user licence (E1/E3/E5) on a room account. Remove it, restart, verify; no wait.
 * - `room-report`: an end user's report of a room whose problem the bot does not repair itself (a disabled account,
 *   a group licence…): the helpdesk fixes it and closes the case, and the reporters hear about it.
 * - `phone-no-internet`: a Teams phone showing "No internet. Emergency calls aren't supported": site checks,
 *   device actions, post-remediation checklist.
 */
export type CaseKind = 'licence-cycle' | 'remove-user-licence' | 'phone-no-internet' | 'room-report';

/** The phone operations the bot can ask the Teams devices API for. */
export type PhoneAction = 'restart' | 'update-firmware';

/** One answer of the site decision tree, as recorded on the case. */
export interface PhoneAnswer {
  questionId: string;
  answerId: string;
  at: string;
  by: string;
}

/** What a phone case knows about the phone and the person, captured when the case opened. */
export interface PhoneCaseData {
  userId: string;
  userName: string;
  upn: string;
  /** Teams device id; absent when the person has no phone registered. */
  deviceId?: string;
  model?: string;
  firmware?: string;
  /** The firmware version an update installs (the baseline), when the phone is below it. */
  targetFirmware?: string;
  /** Facts for the network team, as Graph reported them. */
  site: {
    ipAddress?: string;
    macAddress?: string;
    hostName?: string;
    gateway?: string;
    dns?: string[];
    dhcp?: boolean;
    serialNumber?: string;
    assetTag?: string;
    location?: string;
  };
  /** The verdict of the diagnosis that opened the case. */
  verdict: string;
  answers: PhoneAnswer[];
  /** The cause the decision tree ended on. */
  conclusion?: string;
  /** The device operation in flight or last run. */
  operation?: {
    action: PhoneAction;
    startedAt: string;
    operationUrl?: string;
    status: 'requested' | 'running' | 'succeeded' | 'failed' | 'conflict';
    detail?: string;
    deadline?: string;
  };
  reminderAt?: string;
}

export interface CaseActor {
  /** Entra object id when Teams gives one, else the channel account id. */
  id: string;
  name?: string;
}

/** The licence exactly as it was before removal: what a reassignment or a cancel restores. */
export interface LicenceSnapshot {
  skuId: string;
  skuPartNumber: string | null;
  disabledPlans: string[];
  assignment: 'direct' | 'group';
}

export interface Reporter {
  /** Entra object id or channel account id. */
  userId: string;
  name?: string;
  /** Their 1:1 chat with the bot, where they hear about the case. */
  conversationId?: string;
  locale: Locale;
}

export interface HistoryEntry {
  at: string;
  /** Who: a person's name, or "bot" for automatic steps. */
  actor: string;
  action: string;
  result: 'ok' | 'failed' | 'refused' | 'info';
  detail?: string;
  /** Graph's request id for Graph writes. */
  requestId?: string;
}

/** How the case ended, or why it is stuck; drives the card's wording. */
export type CaseOutcome =
  | 'resolved'
  | 'not-verified'
  | 'restart-failed'
  | 'remove-failed'
  | 'reassign-failed'
  | 'no-seat'
  | 'cancelled'
  | 'escalated';

export interface RepairCase {
  id: string;
  /** Short number people type: "cancel case 12". */
  number: number;
  kind: CaseKind;
  /**
   * What the case is about, one open case each: the room's id, or `phone:<Teams device id>` (`phone-user:<user id>`
   * without a device) for a phone case.
   */
  roomId: string;
  /** The room's name, or for a phone case "<person> – <model>". */
  roomName: string;
  /** The room resource account, or the phone user's UPN. */
  account: string;
  accountId: string;
  teamsDeviceId?: string;
  state: CaseState;
  /** Incremented by every transition; a card action must carry the version it was rendered from. */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: CaseActor;
  /** Language of the helpdesk thread. */
  locale: Locale;
  /** Channel thread (or chat) where the case card lives. */
  conversationId?: string;
  /** The case card's activity id, for updateActivity. */
  cardActivityId?: string;
  reporters: Reporter[];
  /** Recorded before any removal (licence-cycle). */
  snapshot?: LicenceSnapshot;
  /** User licences to remove (remove-user-licence). */
  removeSkuIds?: string[];
  /** What the reassignment will assign: the snapshot's SKU, or Pro when chosen. */
  target?: { skuId: string; disabledPlans: string[] };
  removedAt?: string;
  windowOpensAt?: string;
  windowClosesAt?: string;
  reassignedAt?: string;
  verifyDeadline?: string;
  /** REQUIRE_APPROVAL: who asked for the removal, waiting for a second helpdesk member. */
  approval?: { requestedBy: CaseActor; requestedAt: string };
  outcome?: CaseOutcome;
  /** A short machine-readable reason for the outcome (e.g. Graph error code). */
  outcomeDetail?: string;
  /** Phone cases only. */
  phone?: PhoneCaseData;
  history: HistoryEntry[];
}

/** Durations the transitions need, from configuration. */
export interface CaseSettings {
  /** LICENCE_WAIT_MIN: earliest safe reassignment after removal. */
  waitMinMs: number;
  /** LICENCE_WAIT_MAX: when the wait is overdue. */
  waitMaxMs: number;
  /** VERIFY_TIMEOUT: how long to poll sign-in after the restart. */
  verifyTimeoutMs: number;
  /** How often to poll during verification. */
  verifyPollMs: number;
  /** How often to poll a phone's device operation, and how long before giving up on it. */
  operationPollMs?: number;
  operationTimeoutMs?: number;
  requireApproval: boolean;
}

/** Something that happened to a case: a person's decision, a Graph result, or a timer. */
export type CaseEvent =
  /** diagnosed -> awaiting-confirmation (a case opened from a report, taken up by the helpdesk). */
  | { type: 'start'; actor: CaseActor }
  | { type: 'confirm'; actor: CaseActor }
  | { type: 'approve'; actor: CaseActor }
  | { type: 'removed'; at: string; requestId?: string }
  | { type: 'remove-failed'; reason: string; requestId?: string }
  | { type: 'window-opened' }
  | { type: 'window-closed' }
  | { type: 'reassign'; actor: CaseActor; override: boolean; skuId?: string }
  | { type: 'reassigned'; at: string; requestId?: string }
  | { type: 'reassign-failed'; reason: 'no-seat' | 'error'; detail?: string; requestId?: string }
  | { type: 'restart-started'; operationUrl?: string; requestId?: string }
  | { type: 'restart-failed'; reason: string; requestId?: string }
  | { type: 'verify-result'; signedIn: boolean; provisioned: boolean }
  | { type: 'verify-timeout' }
  | { type: 'extend'; actor: CaseActor; byMs: number }
  | { type: 'cancel'; actor: CaseActor }
  | { type: 'restored'; at: string; requestId?: string }
  | { type: 'escalate'; actor: CaseActor }
  | { type: 'reporter-joined'; reporter: Reporter }
  /** Phone: an answer of the site decision tree (already checked against the tree by the verb). */
  | { type: 'answer'; actor: CaseActor; questionId: string; answerId: string; conclusion?: string }
  /** Phone: start over the site checks. */
  | { type: 'restart-checks'; actor: CaseActor }
  | { type: 'device-action'; actor: CaseActor; action: PhoneAction }
  | { type: 'operation-started'; operationUrl?: string; requestId?: string }
  /** Graph answered 409: another operation is queued or running on the device. */
  | { type: 'operation-conflict'; requestId?: string; detail?: string }
  | { type: 'operation-status'; status: 'running' | 'succeeded' | 'failed'; detail?: string }
  | { type: 'operation-timeout' }
  | { type: 'remind'; actor: CaseActor; inMs: number }
  | { type: 'reminder-due' }
  /** A reported case got its thread in the helpdesk channel; bookkeeping, not a step of the repair. */
  | { type: 'thread-attached'; conversationId: string; activityId?: string }
  /** Phone: the post-remediation checklist passed (true) or the phone still fails (false). */
  | { type: 'check-result'; actor: CaseActor; works: boolean };

export type TimerKind =
  | 'window-open'
  | 'window-close'
  | 'verify-poll'
  | 'verify-timeout'
  | 'operation-poll'
  | 'operation-timeout'
  | 'reminder';

/** What a transition asks the edges to do, after the new state is stored. Every effect is idempotent. */
export type CaseEffect =
  /** assignLicense with removeLicenses; checks Graph first (already removed: reports `removed`). */
  | { kind: 'remove-licences'; skuIds: string[] }
  /** assignLicense with addLicenses; checks Graph first and the free seats. Reports `reassigned`/`restored`. */
  | { kind: 'assign-licence'; skuId: string; disabledPlans: string[]; purpose: 'reassign' | 'restore' }
  /** Teams devices restart (202 + operation); reports `restart-started` or `restart-failed`. */
  | { kind: 'restart-device' }
  /** Reads licence provisioning and device sign-in; reports `verify-result`. */
  | { kind: 'check-sign-in' }
  /** A durable timer: feeds the event of that kind back at `dueAt`. */
  | { kind: 'schedule'; timer: TimerKind; dueAt: string }
  | { kind: 'cancel-timers'; timers: TimerKind[] }
  /** Re-render the case card and update it in place for everyone. */
  | { kind: 'update-card' }
  /** A proactive message in the case thread and/or to the reporters. */
  | { kind: 'notify'; audience: 'thread' | 'reporters' | 'both'; notice: NoticeKind }
  /** Posts the escalation pack (text attachment) in the thread. */
  | { kind: 'post-escalation-pack' }
  /** Phone: restart or firmware update through the Teams devices API; checks the operations list first. */
  | { kind: 'device-operation'; action: PhoneAction; firmware?: string }
  /** Phone: reads the device operation; reports `operation-status`. */
  | { kind: 'poll-operation' };

export type NoticeKind =
  | 'removed'
  | 'window-open'
  | 'window-closed'
  | 'reassigned'
  | 'resolved'
  | 'not-verified'
  | 'restart-manual'
  | 'no-seat'
  | 'cancelled'
  | 'escalated'
  | 'approval-needed'
  | 'action-failed'
  | 'operation-succeeded'
  | 'operation-failed'
  | 'reminder';

/** A transition that cannot happen from the current state; the card shows why. */
export class TransitionRefused extends Error {
  constructor(
    readonly reason:
      | 'wrong-state'
      | 'window-not-open'
      | 'approval-required'
      | 'same-approver'
      | 'closed'
      | 'nothing-to-restore'
      | 'no-device'
      | 'nothing-to-update'
      | 'already-answered',
    message: string,
  ) {
    super(message);
    this.name = 'TransitionRefused';
  }
}

export interface TransitionResult {
  case: RepairCase;
  effects: CaseEffect[];
}
