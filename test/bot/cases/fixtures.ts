/*
 * Builders for repair cases of the demo tenant (contoso.com). Cases in a given state are reached by playing the
 * events a real case goes through, so a fixture can never be in a state the transitions would not produce.
 */
import { openCase, type OpenCaseInput } from '../../../bot/cases/open-case';
import { transition } from '../../../bot/cases/transition';
import { strict as assert } from 'node:assert';
import type {
  CaseActor,
  CaseEffect,
  CaseEvent,
  CaseKind,
  CaseSettings,
  CaseState,
  RepairCase,
  TimerKind,
} from '../../../bot/cases/model';
import { parseDuration } from '../../../bot/util/duration';

export const SKU = {
  pro: '4cde982a-ede4-4409-9ae6-b003453c8ea6',
  basic: '6af4b3d6-14bb-4a2a-960c-6c902aad34f3',
  o365E3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
} as const;

/** Two plans switched off in the room's Pro licence: a reassignment must keep them off. */
export const DISABLED_PLANS = [
  '0feaeb32-d00e-4d66-bd5a-43b5b83db82c',
  '9c0dab89-a30c-4117-86e7-97bda240acd2',
];

export const ALICE: CaseActor = { id: 'aad-alice', name: 'Alice Martin' };
export const BOB: CaseActor = { id: 'aad-bob', name: 'Bob Durand' };
export const CAROL: CaseActor = { id: 'aad-carol' };

export const T0 = new Date('2025-03-10T08:00:00.000Z');

function ms(iso: string): number {
  const value = parseDuration(iso);
  if (value === undefined) throw new Error(`bad duration ${iso}`);
  return value;
}

export function settings(overrides: Partial<CaseSettings> = {}): CaseSettings {
  return {
    waitMinMs: ms('PT8H'),
    waitMaxMs: ms('PT24H'),
    verifyTimeoutMs: ms('PT30M'),
    verifyPollMs: ms('PT2M'),
    requireApproval: false,
    ...overrides,
  };
}

/** The demo's compressed timings: the whole wait fits in a few minutes. */
export function compressedSettings(overrides: Partial<CaseSettings> = {}): CaseSettings {
  return settings({
    waitMinMs: ms('PT2M'),
    waitMaxMs: ms('PT6M'),
    verifyTimeoutMs: ms('PT3M'),
    verifyPollMs: ms('PT30S'),
    ...overrides,
  });
}

export function at(offsetMs: number, from: Date = T0): Date {
  return new Date(from.getTime() + offsetMs);
}

export function room4bInput(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    id: 'case-room-4b',
    number: 12,
    kind: 'licence-cycle',
    roomId: 'room-4b',
    roomName: 'Room 4B',
    account: 'room-4b@contoso.com',
    accountId: '5b1f0c7e-94a2-4c1e-9d3f-2f4a6c8e0b4b',
    teamsDeviceId: 'd4b1e8f2-7c3a-4f5e-8a9b-0c1d2e3f4a5b',
    snapshot: {
      skuId: SKU.pro,
      skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
      disabledPlans: [...DISABLED_PLANS],
      assignment: 'direct',
    },
    createdBy: ALICE,
    locale: 'en',
    conversationId: '19:helpdesk@thread.tacv2;messageid=1700000000000',
    reporters: [{ userId: 'aad-dana', name: 'Dana Petit', conversationId: 'a:1dana', locale: 'fr' }],
    ...overrides,
  };
}

/** Room 4B carrying an Office 365 E3 licence that a room account must not have. */
export function userLicenceInput(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  const base: OpenCaseInput = {
    ...room4bInput(),
    id: 'case-room-4b-e3',
    number: 13,
    kind: 'remove-user-licence',
  };
  delete base.snapshot;
  return { ...base, removeSkuIds: [SKU.o365E3], ...overrides };
}

export function room4bCase(overrides: Partial<OpenCaseInput> = {}, now: Date = T0): RepairCase {
  return openCase(room4bInput(overrides), now);
}

export function userLicenceCase(overrides: Partial<OpenCaseInput> = {}, now: Date = T0): RepairCase {
  return openCase(userLicenceInput(overrides), now);
}

/** Applies events one minute apart (unless a step gives its own time) and returns the last case. */
export function play(
  c: RepairCase,
  steps: (CaseEvent | { event: CaseEvent; now: Date })[],
  s: CaseSettings = settings(),
): RepairCase {
  let current = c;
  let clock = new Date(c.updatedAt);
  for (const step of steps) {
    const [event, now] = 'event' in step ? [step.event, step.now] : [step, at(60_000, clock)];
    current = transition(current, event, now, s).case;
    clock = now;
  }
  return current;
}

const REMOVED_AT = '2025-03-10T08:05:00.000Z';

/** The events, with their times, that bring a new case of `kind` to `state`. */
export function stepsTo(
  kind: CaseKind,
  state: CaseState,
  s: CaseSettings,
): { event: CaseEvent; now: Date }[] {
  const removedAt = new Date(REMOVED_AT);
  const confirm = { event: { type: 'confirm', actor: ALICE } as CaseEvent, now: at(2 * 60_000) };
  const removed = {
    event: { type: 'removed', at: REMOVED_AT, requestId: 'req-remove' } as CaseEvent,
    now: at(5 * 60_000),
  };
  if (state === 'diagnosed' || state === 'awaiting-confirmation') return [];
  if (state === 'removing') return [confirm];
  if (kind === 'remove-user-licence') {
    if (state === 'verifying') return [confirm, removed];
    if (state === 'resolved') {
      return [
        confirm,
        removed,
        { event: { type: 'verify-result', signedIn: true, provisioned: true }, now: at(10 * 60_000) },
      ];
    }
    if (state === 'cancelled') return [{ event: { type: 'cancel', actor: ALICE }, now: at(60_000) }];
    if (state === 'escalated') {
      return [confirm, removed, { event: { type: 'escalate', actor: ALICE }, now: at(20 * 60_000) }];
    }
    throw new Error(`a remove-user-licence case never reaches ${state}`);
  }
  const opened = { event: { type: 'window-opened' } as CaseEvent, now: at(s.waitMinMs, removedAt) };
  const reassign = {
    event: { type: 'reassign', actor: BOB, override: false } as CaseEvent,
    now: at(s.waitMinMs + 60_000, removedAt),
  };
  const reassigned = {
    event: {
      type: 'reassigned',
      at: at(s.waitMinMs + 90_000, removedAt).toISOString(),
      requestId: 'req-assign',
    } as CaseEvent,
    now: at(s.waitMinMs + 120_000, removedAt),
  };
  const verified = {
    event: { type: 'verify-result', signedIn: true, provisioned: true } as CaseEvent,
    now: at(s.waitMinMs + 10 * 60_000, removedAt),
  };
  switch (state) {
    case 'waiting':
      return [confirm, removed];
    case 'window-open':
      return [confirm, removed, opened];
    case 'reassigning':
      return [confirm, removed, opened, reassign];
    case 'verifying':
      return [confirm, removed, opened, reassign, reassigned];
    case 'resolved':
      return [confirm, removed, opened, reassign, reassigned, verified];
    case 'cancelled':
      return [confirm, removed, { event: { type: 'cancel', actor: ALICE }, now: at(60 * 60_000) }];
    case 'escalated':
      return [confirm, removed, { event: { type: 'escalate', actor: ALICE }, now: at(60 * 60_000) }];
    case 'troubleshooting':
    case 'device-operation':
    case 'checking':
      throw new Error(`a room case never reaches ${state}`);
  }
}

/** A case of `kind` in `state`, reached through real transitions. */
export function caseIn(
  state: CaseState,
  kind: CaseKind = 'licence-cycle',
  s: CaseSettings = settings(),
): RepairCase {
  const overrides: Partial<OpenCaseInput> = state === 'diagnosed' ? { state: 'diagnosed' } : {};
  const start = kind === 'licence-cycle' ? room4bCase(overrides) : userLicenceCase(overrides);
  const c = play(start, stepsTo(kind, state, s), s);
  if (c.state !== state) throw new Error(`fixture reached ${c.state}, not ${state}`);
  return c;
}

/** One effect as a short string, so a table row can list what it expects in order. */
export function describeEffect(e: CaseEffect): string {
  switch (e.kind) {
    case 'schedule':
      return `schedule:${e.timer}`;
    case 'cancel-timers':
      return `cancel-timers:${e.timers.join(',')}`;
    case 'notify':
      return `notify:${e.audience}:${e.notice}`;
    case 'assign-licence':
      return `assign-licence:${e.purpose}`;
    case 'device-operation':
      return `device-operation:${e.action}`;
    default:
      return e.kind;
  }
}

export function kinds(effects: CaseEffect[]): string[] {
  return effects.map(describeEffect);
}

/** The first effect of a kind (and timer), failing the test when there is none. */
export function effectOf<K extends CaseEffect['kind']>(
  effects: CaseEffect[],
  kind: K,
  timer?: TimerKind,
): Extract<CaseEffect, { kind: K }> {
  const found = effects.find(
    (e) => e.kind === kind && (timer === undefined || (e.kind === 'schedule' && e.timer === timer)),
  );
  assert.ok(found, `no ${kind} ${timer ?? ''} effect`);
  return found as Extract<CaseEffect, { kind: K }>;
}
