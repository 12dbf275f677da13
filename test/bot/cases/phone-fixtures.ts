/*
 * Builders for phone repair cases (`phone-no-internet`) of the demo tenant: Alice Martin's Poly CCX 500, offline
 * on firmware 7.1.3.0991 below the 8.1.4.1250 baseline. Cases in a given state are reached by playing the events a
 * real case goes through, so a fixture can never be in a state the transitions would not produce.
 */
import type {
  CaseActor,
  CaseEvent,
  CaseSettings,
  PhoneAction,
  PhoneCaseData,
  RepairCase,
} from '../../../bot/cases/model';
import { openCase, type OpenCaseInput } from '../../../bot/cases/open-case';
import { phoneTreeStep } from '../../../bot/diagnostics/phone-tree';
import { defaultPhoneKnowledge } from '../../../bot/knowledge/phone';
import { ALICE, play, settings, T0 } from './fixtures';

export const ALICE_USER_ID = 'a0000000-0000-4000-8000-000000001001';
export const ALICE_PHONE_ID = 'd0000000-0000-4000-8000-000000001001';
export const ALICE_UPN = 'alice.martin@contoso.com';
export const FIRMWARE = '7.1.3.0991';
export const TARGET_FIRMWARE = '8.1.4.1250';
export const PHONE_IP = '10.20.3.41';
export const PHONE_MAC = '00-04-F2-A1-10-01';
export const PHONE_MODEL = 'Poly CCX 500';
export const PHONE_CASE_ID = 'case-phone-alice';
export const PHONE_CASE_NUMBER = 21;

/** The phone states of the case model, in workflow order. */
export const PHONE_STATES = [
  'diagnosed',
  'troubleshooting',
  'device-operation',
  'checking',
  'resolved',
  'escalated',
  'cancelled',
] as const;
export type PhoneState = (typeof PHONE_STATES)[number];

/** One minute: fixture steps are played a minute apart. */
export const MINUTE = 60_000;

/** What the case keeps about Alice's phone, as the diagnosis that opened the case found it. */
export function alicePhone(overrides: Partial<PhoneCaseData> = {}): PhoneCaseData {
  return {
    userId: ALICE_USER_ID,
    userName: 'Alice Martin',
    upn: ALICE_UPN,
    deviceId: ALICE_PHONE_ID,
    model: PHONE_MODEL,
    firmware: FIRMWARE,
    targetFirmware: TARGET_FIRMWARE,
    site: {
      ipAddress: PHONE_IP,
      macAddress: PHONE_MAC,
      hostName: 'CCX500-0004F2A11001',
      gateway: '10.20.3.1',
      dns: ['10.20.0.10', '10.20.0.11'],
      dhcp: true,
      serialNumber: '64167F1001A1',
      assetTag: 'CT-PH-1001',
    },
    verdict: 'offline-old-firmware',
    answers: [],
    ...overrides,
  };
}

/** A person without a registered phone: the case can walk the checks but cannot reach a device. */
export function phoneWithoutDevice(): PhoneCaseData {
  const phone = alicePhone({ verdict: 'no-phone', site: {} });
  delete phone.deviceId;
  delete phone.model;
  delete phone.firmware;
  delete phone.targetFirmware;
  return phone;
}

/** A phone already on the baseline: nothing to update. */
export function phoneUpToDate(): PhoneCaseData {
  const phone = alicePhone({ firmware: TARGET_FIRMWARE, verdict: 'offline' });
  delete phone.targetFirmware;
  return phone;
}

/** The input the "open a case" verb builds for Alice's phone: opened by the helpdesk at the first question. */
export function alicePhoneInput(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  const phone = overrides.phone ?? alicePhone();
  return {
    id: PHONE_CASE_ID,
    number: PHONE_CASE_NUMBER,
    kind: 'phone-no-internet',
    roomId: phone.deviceId ? `phone:${phone.deviceId}` : `phone-user:${phone.userId}`,
    roomName: phone.model ? `${phone.userName} – ${phone.model}` : phone.userName,
    account: phone.upn,
    accountId: phone.userId,
    ...(phone.deviceId ? { teamsDeviceId: phone.deviceId } : {}),
    phone,
    createdBy: ALICE,
    locale: 'en',
    conversationId: '19:helpdesk@thread.tacv2;messageid=1700000000042',
    reporters: [{ userId: ALICE_USER_ID, name: 'Alice Martin', conversationId: 'a:1alice', locale: 'fr' }],
    state: 'troubleshooting',
    ...overrides,
  };
}

export function alicePhoneCase(overrides: Partial<OpenCaseInput> = {}, now: Date = T0): RepairCase {
  return openCase(alicePhoneInput(overrides), now);
}

/** Phone timings: a poll every 15 s, a command given up after 20 min (the defaults, spelled out). */
export function phoneSettings(overrides: Partial<CaseSettings> = {}): CaseSettings {
  return settings({ operationPollMs: 15_000, operationTimeoutMs: 20 * MINUTE, ...overrides });
}

/**
 * The answer event the answer verb sends: the answer is replayed with the recorded ones through the site decision
 * tree, and the cause is attached when the tree ends there.
 */
export function answerEvent(
  c: RepairCase,
  questionId: string,
  answerId: string,
  actor: CaseActor = ALICE,
): CaseEvent {
  const given = (c.phone?.answers ?? []).map((a) => ({ questionId: a.questionId, answerId: a.answerId }));
  const step = phoneTreeStep(defaultPhoneKnowledge.tree, [...given, { questionId, answerId }]);
  return {
    type: 'answer',
    actor,
    questionId,
    answerId,
    ...(step.kind === 'conclusion' ? { conclusion: step.cause.id } : {}),
  };
}

/** Answers that lead to a cause, in order. */
export const PATHS = {
  /** Network: the phone reaches addresses but not names, a firewall or proxy filters it (network hand-off). */
  egress: [
    ['reboots', 'no'],
    ['ip-address', 'valid'],
    ['ping-gateway', 'yes'],
    ['ping-outside', 'address-only'],
  ],
  /** The phone's firmware (no network hand-off). */
  firmware: [
    ['reboots', 'no'],
    ['ip-address', 'valid'],
    ['ping-gateway', 'yes'],
    ['ping-outside', 'both'],
    ['clock', 'yes'],
    ['other-account', 'no'],
    ['firmware-line', 'no'],
  ],
  /** One answer: the phone keeps rebooting, power over Ethernet. */
  poe: [['reboots', 'yes']],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;

export const PATH_CAUSE: Record<keyof typeof PATHS, string> = {
  egress: 'egress-filtering',
  firmware: 'firmware',
  poe: 'poe-budget',
};

/** Plays the answers, one minute apart, each built as the answer verb builds it. */
export function answer(
  c: RepairCase,
  answers: readonly (readonly [string, string])[],
  s: CaseSettings = phoneSettings(),
): RepairCase {
  let current = c;
  for (const [questionId, answerId] of answers) {
    current = play(current, [answerEvent(current, questionId, answerId)], s);
  }
  return current;
}

export const REQUEST = {
  started: 'b1f0c7e9-0000-4000-8000-00000000a001',
  again: 'b1f0c7e9-0000-4000-8000-00000000a002',
  conflict: 'b1f0c7e9-0000-4000-8000-00000000a003',
} as const;

export const OPERATION_URL =
  'https://graph.microsoft.com/beta/teamwork/devices/d0000000-0000-4000-8000-000000001001/operations/op-1';

/** Asks for a command on the phone: the case waits for Teams to accept it (`requested`). */
export function requested(
  c: RepairCase = alicePhoneCase(),
  action: PhoneAction = 'restart',
  s: CaseSettings = phoneSettings(),
): RepairCase {
  return play(c, [{ type: 'device-action', actor: ALICE, action }], s);
}

/** Teams accepted the command: the bot polls it (`running`). */
export function running(
  action: PhoneAction = 'restart',
  from: RepairCase = alicePhoneCase(),
  requestId: string = REQUEST.started,
  s: CaseSettings = phoneSettings(),
): RepairCase {
  return play(
    requested(from, action, s),
    [{ type: 'operation-started', operationUrl: OPERATION_URL, requestId }],
    s,
  );
}

/** The command went through: the post-remediation checklist. */
export function checking(action: PhoneAction = 'restart', from?: RepairCase): RepairCase {
  return play(running(action, from), [{ type: 'operation-status', status: 'succeeded' }]);
}

/** The command failed on the phone: back to the site checks, with a warning. */
export function operationFailed(action: PhoneAction = 'restart', detail = 'DeviceOffline'): RepairCase {
  return play(running(action), [{ type: 'operation-status', status: 'failed', detail }]);
}

/** Teams refused the command: another one is queued. */
export function operationConflict(): RepairCase {
  return play(requested(), [
    { type: 'operation-conflict', requestId: REQUEST.conflict, detail: 'DeviceOperationInProgress' },
  ]);
}

/** The command never finished. */
export function operationTimedOut(action: PhoneAction = 'restart'): RepairCase {
  const c = running(action);
  const deadline = new Date(c.phone?.operation?.deadline ?? '');
  return play(c, [{ event: { type: 'operation-timeout' }, now: deadline }]);
}

/** A case at the first question, reached from a report the helpdesk took up. */
export function diagnosedCase(phone: PhoneCaseData = alicePhone()): RepairCase {
  return alicePhoneCase({ state: 'diagnosed', phone });
}

/** The site checks ended on a cause. */
export function concluded(
  path: keyof typeof PATHS = 'egress',
  from: RepairCase = alicePhoneCase(),
): RepairCase {
  return answer(from, PATHS[path]);
}

/** A reminder set an hour ahead. */
export function reminded(c: RepairCase): RepairCase {
  return play(c, [{ type: 'remind', actor: ALICE, inMs: 60 * MINUTE }]);
}

export function resolvedCase(): RepairCase {
  return play(checking(), [{ type: 'check-result', actor: ALICE, works: true }]);
}

export function escalatedCase(): RepairCase {
  return play(checking(), [{ type: 'check-result', actor: ALICE, works: false }]);
}

export function cancelledCase(): RepairCase {
  return play(concluded(), [{ type: 'cancel', actor: ALICE }]);
}

/** A case in each phone state, reached through real transitions. */
export function phoneCaseIn(state: PhoneState): RepairCase {
  const c = {
    diagnosed: diagnosedCase,
    troubleshooting: () => alicePhoneCase(),
    'device-operation': () => running(),
    checking: () => checking(),
    resolved: resolvedCase,
    escalated: escalatedCase,
    cancelled: cancelledCase,
  }[state]();
  if (c.state !== state) throw new Error(`phone fixture reached ${c.state}, not ${state}`);
  return c;
}
