import { strict as assert } from 'node:assert';
import {
  isOpen,
  TransitionRefused,
  type CaseEffect,
  type CaseEvent,
  type CaseSettings,
  type CaseState,
  type RepairCase,
  type TimerKind,
  type TransitionResult,
} from '../../../bot/cases/model';
import { DEFAULT_OPERATION_POLL_MS, DEFAULT_OPERATION_TIMEOUT_MS } from '../../../bot/cases/phone-transition';
import { transition } from '../../../bot/cases/transition';
import { phoneTreeStep } from '../../../bot/diagnostics/phone-tree';
import { defaultPhoneKnowledge } from '../../../bot/knowledge/phone';
import { ALICE, at, BOB, CAROL, effectOf, kinds, play, T0 } from './fixtures';
import {
  alicePhone,
  alicePhoneCase,
  answer,
  answerEvent,
  checking,
  concluded,
  diagnosedCase,
  FIRMWARE,
  MINUTE,
  OPERATION_URL,
  operationConflict,
  operationFailed,
  operationTimedOut,
  PATH_CAUSE,
  PATHS,
  PHONE_STATES,
  phoneCaseIn,
  phoneSettings,
  phoneUpToDate,
  phoneWithoutDevice,
  reminded,
  REQUEST,
  requested,
  running,
  TARGET_FIRMWARE,
  type PhoneState,
} from './phone-fixtures';

const HOUR = 60 * MINUTE;

const ALL_PHONE_TIMERS = 'cancel-timers:operation-poll,operation-timeout,reminder';
const OPERATION_TIMERS = 'cancel-timers:operation-poll,operation-timeout';
const DEVICE_ACTION_EFFECTS = (action: string): string[] => [
  `device-operation:${action}`,
  OPERATION_TIMERS,
  'schedule:operation-timeout',
  'update-card',
];
const ESCALATED_EFFECTS = [ALL_PHONE_TIMERS, 'post-escalation-pack', 'update-card', 'notify:both:escalated'];
const CANCELLED_EFFECTS = [ALL_PHONE_TIMERS, 'update-card', 'notify:both:cancelled'];
const OPERATION_FAILED_EFFECTS = [OPERATION_TIMERS, 'update-card', 'notify:thread:operation-failed'];
const OPERATION_SUCCEEDED_EFFECTS = [OPERATION_TIMERS, 'update-card', 'notify:thread:operation-succeeded'];

const OPEN_STATES: PhoneState[] = ['diagnosed', 'troubleshooting', 'device-operation', 'checking'];
const CLOSED: PhoneState[] = ['resolved', 'escalated', 'cancelled'];

type Check = (next: RepairCase, before: RepairCase, effects: CaseEffect[], now: Date) => void;

type Expectation =
  | { state: CaseState; effects: string[]; history?: false; check?: Check }
  | { refused: TransitionRefused['reason'] }
  | { throws: typeof RangeError }
  | 'ignored';

interface Row {
  name: string;
  given: () => RepairCase;
  event: CaseEvent;
  settings?: CaseSettings;
  /** Default: one minute after the case's last change. */
  now?: (c: RepairCase) => Date;
  expect: Expectation;
}

/** The last history entry, without its time. */
function lastEntry(c: RepairCase): Record<string, unknown> {
  const last = c.history.at(-1);
  assert.ok(last);
  const { at: _at, ...rest } = last;
  return rest;
}

// --- the table ---------------------------------------------------------------------------------------------------

const ROWS: Row[] = [
  // start
  {
    name: 'diagnosed + start',
    given: () => diagnosedCase(),
    event: { type: 'start', actor: BOB },
    expect: {
      state: 'troubleshooting',
      effects: ['update-card'],
      check: (n) => assert.deepEqual(lastEntry(n), { actor: 'Bob Durand', action: 'start', result: 'ok' }),
    },
  },
  ...(['troubleshooting', 'device-operation', 'checking'] as const).map((state): Row => ({
    name: `${state} + start`,
    given: () => phoneCaseIn(state),
    event: { type: 'start', actor: BOB },
    expect: { refused: 'wrong-state' },
  })),

  // answer
  {
    name: 'troubleshooting + first answer',
    given: () => alicePhoneCase(),
    event: { type: 'answer', actor: BOB, questionId: 'reboots', answerId: 'no' },
    expect: {
      state: 'troubleshooting',
      effects: ['update-card'],
      check: (n, _b, _e, now) => {
        assert.deepEqual(n.phone?.answers, [
          { questionId: 'reboots', answerId: 'no', at: now.toISOString(), by: 'Bob Durand' },
        ]);
        assert.equal(n.phone?.conclusion, undefined);
        assert.deepEqual(lastEntry(n), {
          actor: 'Bob Durand',
          action: 'answer',
          result: 'info',
          detail: 'reboots: no',
        });
      },
    },
  },
  {
    name: 'diagnosed + answer (takes the case up)',
    given: () => diagnosedCase(),
    event: { type: 'answer', actor: BOB, questionId: 'reboots', answerId: 'no' },
    expect: {
      state: 'troubleshooting',
      effects: ['update-card'],
      check: (n) => assert.equal(n.phone?.answers.length, 1),
    },
  },
  {
    name: 'troubleshooting + answer that ends on a cause',
    given: () => answer(alicePhoneCase(), PATHS.egress.slice(0, 3)),
    event: {
      type: 'answer',
      actor: CAROL,
      questionId: 'ping-outside',
      answerId: 'address-only',
      conclusion: 'egress-filtering',
    },
    expect: {
      state: 'troubleshooting',
      effects: ['update-card'],
      check: (n, b, _e, now) => {
        assert.equal(n.phone?.conclusion, 'egress-filtering');
        assert.deepEqual(n.phone?.answers.slice(0, 3), b.phone?.answers);
        assert.deepEqual(n.phone?.answers[3], {
          questionId: 'ping-outside',
          answerId: 'address-only',
          at: now.toISOString(),
          by: CAROL.id,
        });
        assert.equal(n.history.at(-1)?.detail, 'ping-outside: address-only -> egress-filtering');
      },
    },
  },
  {
    name: 'troubleshooting + a second answer to the same question',
    given: () => answer(alicePhoneCase(), [['reboots', 'no']]),
    event: { type: 'answer', actor: BOB, questionId: 'reboots', answerId: 'yes', conclusion: 'poe-budget' },
    expect: { refused: 'already-answered' },
  },
  {
    name: 'concluded + answer to another question',
    given: () => concluded('poe'),
    event: { type: 'answer', actor: BOB, questionId: 'ip-address', answerId: 'valid' },
    expect: { refused: 'already-answered' },
  },
  {
    name: 'concluded + the concluding answer again',
    given: () => concluded('egress'),
    event: {
      type: 'answer',
      actor: BOB,
      questionId: 'ping-outside',
      answerId: 'address-only',
      conclusion: 'egress-filtering',
    },
    expect: { refused: 'already-answered' },
  },
  ...(['device-operation', 'checking'] as const).map((state): Row => ({
    name: `${state} + answer`,
    given: () => phoneCaseIn(state),
    event: { type: 'answer', actor: BOB, questionId: 'reboots', answerId: 'no' },
    expect: { refused: 'wrong-state' },
  })),

  // restart-checks
  {
    name: 'concluded + restart-checks',
    given: () => concluded('egress'),
    event: { type: 'restart-checks', actor: BOB },
    expect: {
      state: 'troubleshooting',
      effects: ['update-card'],
      check: (n) => {
        assert.deepEqual(n.phone?.answers, []);
        assert.ok(n.phone && !('conclusion' in n.phone), 'conclusion removed');
        assert.deepEqual(lastEntry(n), { actor: 'Bob Durand', action: 'restart-checks', result: 'ok' });
      },
    },
  },
  {
    name: 'checking + restart-checks (keeps the device facts and the last command)',
    given: () => checking('update-firmware', concluded('firmware')),
    event: { type: 'restart-checks', actor: BOB },
    expect: {
      state: 'troubleshooting',
      effects: ['update-card'],
      check: (n, b) => {
        assert.deepEqual(n.phone?.answers, []);
        assert.equal(n.phone?.conclusion, undefined);
        assert.equal(n.phone?.firmware, TARGET_FIRMWARE);
        assert.deepEqual(n.phone?.operation, b.phone?.operation);
      },
    },
  },
  {
    name: 'diagnosed + restart-checks',
    given: () => diagnosedCase(),
    event: { type: 'restart-checks', actor: BOB },
    expect: { state: 'troubleshooting', effects: ['update-card'] },
  },
  {
    name: 'device-operation + restart-checks',
    given: () => running(),
    event: { type: 'restart-checks', actor: BOB },
    expect: { refused: 'wrong-state' },
  },

  // device-action
  {
    name: 'troubleshooting + restart',
    given: () => alicePhoneCase(),
    event: { type: 'device-action', actor: BOB, action: 'restart' },
    expect: {
      state: 'device-operation',
      effects: DEVICE_ACTION_EFFECTS('restart'),
      check: (n, _b, effects, now) => {
        const deadline = at(DEFAULT_OPERATION_TIMEOUT_MS, now).toISOString();
        assert.deepEqual(n.phone?.operation, {
          action: 'restart',
          startedAt: now.toISOString(),
          status: 'requested',
          deadline,
        });
        assert.deepEqual(effectOf(effects, 'device-operation'), {
          kind: 'device-operation',
          action: 'restart',
        });
        assert.equal(effectOf(effects, 'schedule', 'operation-timeout').dueAt, deadline);
        assert.deepEqual(lastEntry(n), { actor: 'Bob Durand', action: 'restart', result: 'ok' });
      },
    },
  },
  {
    name: 'troubleshooting + update-firmware',
    given: () => alicePhoneCase(),
    event: { type: 'device-action', actor: BOB, action: 'update-firmware' },
    expect: {
      state: 'device-operation',
      effects: DEVICE_ACTION_EFFECTS('update-firmware'),
      check: (n, _b, effects) => {
        assert.deepEqual(effectOf(effects, 'device-operation'), {
          kind: 'device-operation',
          action: 'update-firmware',
          firmware: TARGET_FIRMWARE,
        });
        assert.equal(n.phone?.operation?.action, 'update-firmware');
        assert.equal(n.phone?.operation?.status, 'requested');
        assert.equal(n.phone?.firmware, FIRMWARE, 'the firmware changes only once the update went through');
      },
    },
  },
  {
    name: 'troubleshooting + restart with a configured timeout',
    given: () => alicePhoneCase(),
    event: { type: 'device-action', actor: BOB, action: 'restart' },
    settings: phoneSettings({ operationTimeoutMs: 3 * MINUTE }),
    expect: {
      state: 'device-operation',
      effects: DEVICE_ACTION_EFFECTS('restart'),
      check: (n, _b, effects, now) => {
        assert.equal(n.phone?.operation?.deadline, at(3 * MINUTE, now).toISOString());
        assert.equal(effectOf(effects, 'schedule', 'operation-timeout').dueAt, n.phone?.operation?.deadline);
      },
    },
  },
  {
    name: 'diagnosed + restart',
    given: () => diagnosedCase(),
    event: { type: 'device-action', actor: BOB, action: 'restart' },
    expect: { state: 'device-operation', effects: DEVICE_ACTION_EFFECTS('restart') },
  },
  {
    name: 'concluded + update-firmware (keeps the answers)',
    given: () => concluded('firmware'),
    event: { type: 'device-action', actor: BOB, action: 'update-firmware' },
    expect: {
      state: 'device-operation',
      effects: DEVICE_ACTION_EFFECTS('update-firmware'),
      check: (n, b) => {
        assert.deepEqual(n.phone?.answers, b.phone?.answers);
        assert.equal(n.phone?.conclusion, 'firmware');
      },
    },
  },
  {
    name: 'checking + restart (one more command)',
    given: () => checking(),
    event: { type: 'device-action', actor: BOB, action: 'restart' },
    expect: {
      state: 'device-operation',
      effects: DEVICE_ACTION_EFFECTS('restart'),
      check: (n, _b, _e, now) => {
        assert.equal(n.phone?.operation?.status, 'requested');
        assert.equal(n.phone?.operation?.startedAt, now.toISOString());
        assert.equal(n.phone?.operation?.operationUrl, undefined, 'the old command is forgotten');
      },
    },
  },
  {
    name: 'troubleshooting after a failed command + restart again',
    given: () => operationFailed('restart'),
    event: { type: 'device-action', actor: BOB, action: 'restart' },
    expect: {
      state: 'device-operation',
      effects: DEVICE_ACTION_EFFECTS('restart'),
      check: (n) => {
        assert.equal(n.phone?.operation?.status, 'requested');
        assert.equal(n.phone?.operation?.detail, undefined);
      },
    },
  },
  {
    name: 'no device + restart',
    given: () => alicePhoneCase({ phone: phoneWithoutDevice() }),
    event: { type: 'device-action', actor: BOB, action: 'restart' },
    expect: { refused: 'no-device' },
  },
  {
    name: 'no device + update-firmware',
    given: () => alicePhoneCase({ phone: phoneWithoutDevice() }),
    event: { type: 'device-action', actor: BOB, action: 'update-firmware' },
    expect: { refused: 'no-device' },
  },
  {
    name: 'up to date + update-firmware',
    given: () => alicePhoneCase({ phone: phoneUpToDate() }),
    event: { type: 'device-action', actor: BOB, action: 'update-firmware' },
    expect: { refused: 'nothing-to-update' },
  },
  {
    name: 'up to date + restart',
    given: () => alicePhoneCase({ phone: phoneUpToDate() }),
    event: { type: 'device-action', actor: BOB, action: 'restart' },
    expect: { state: 'device-operation', effects: DEVICE_ACTION_EFFECTS('restart') },
  },
  {
    name: 'checking after an update + update-firmware again',
    given: () => checking('update-firmware'),
    event: { type: 'device-action', actor: BOB, action: 'update-firmware' },
    expect: { refused: 'nothing-to-update' },
  },
  {
    name: 'device-operation (requested) + restart',
    given: () => requested(),
    event: { type: 'device-action', actor: BOB, action: 'restart' },
    expect: { refused: 'wrong-state' },
  },
  {
    name: 'device-operation (running) + update-firmware',
    given: () => running(),
    event: { type: 'device-action', actor: BOB, action: 'update-firmware' },
    expect: { refused: 'wrong-state' },
  },

  // operation-started
  {
    name: 'requested + operation-started',
    given: () => requested(),
    event: { type: 'operation-started', operationUrl: OPERATION_URL, requestId: REQUEST.started },
    expect: {
      state: 'device-operation',
      effects: ['schedule:operation-poll', 'update-card'],
      check: (n, b, effects, now) => {
        assert.deepEqual(n.phone?.operation, {
          ...b.phone?.operation,
          status: 'running',
          operationUrl: OPERATION_URL,
        });
        assert.equal(
          effectOf(effects, 'schedule', 'operation-poll').dueAt,
          at(DEFAULT_OPERATION_POLL_MS, now).toISOString(),
        );
        assert.deepEqual(lastEntry(n), {
          actor: 'bot',
          action: 'operation-started',
          result: 'ok',
          detail: 'restart',
          requestId: REQUEST.started,
        });
      },
    },
  },
  {
    name: 'requested + operation-started without url, custom poll',
    given: () => requested(),
    event: { type: 'operation-started' },
    settings: phoneSettings({ operationPollMs: 5_000 }),
    expect: {
      state: 'device-operation',
      effects: ['schedule:operation-poll', 'update-card'],
      check: (n, _b, effects, now) => {
        assert.equal(n.phone?.operation?.status, 'running');
        assert.ok(n.phone?.operation && !('operationUrl' in n.phone.operation));
        assert.equal(effectOf(effects, 'schedule', 'operation-poll').dueAt, at(5_000, now).toISOString());
      },
    },
  },
  {
    name: 'running + operation-started again (another delivery)',
    given: () => running(),
    event: { type: 'operation-started', operationUrl: OPERATION_URL, requestId: REQUEST.again },
    expect: 'ignored',
  },
  {
    name: 'running + operation-started with the same request id',
    given: () => running(),
    event: { type: 'operation-started', operationUrl: OPERATION_URL, requestId: REQUEST.started },
    expect: 'ignored',
  },
  {
    name: 'requested (second command) + operation-started with the first command request id',
    given: () => requested(checking()),
    event: { type: 'operation-started', operationUrl: OPERATION_URL, requestId: REQUEST.started },
    expect: 'ignored',
  },
  ...(['diagnosed', 'troubleshooting', 'checking', ...CLOSED] as const).map((state): Row => ({
    name: `${state} + operation-started`,
    given: () => phoneCaseIn(state),
    event: { type: 'operation-started', requestId: 'req-late' },
    expect: 'ignored',
  })),

  // operation-conflict
  {
    name: 'requested + operation-conflict',
    given: () => requested(),
    event: { type: 'operation-conflict', requestId: REQUEST.conflict, detail: 'DeviceOperationInProgress' },
    expect: {
      state: 'troubleshooting',
      effects: OPERATION_FAILED_EFFECTS,
      check: (n) => {
        assert.equal(n.phone?.operation?.status, 'conflict');
        assert.equal(n.phone?.operation?.detail, 'DeviceOperationInProgress');
        assert.deepEqual(lastEntry(n), {
          actor: 'bot',
          action: 'restart-conflict',
          result: 'failed',
          detail: 'DeviceOperationInProgress',
          requestId: REQUEST.conflict,
        });
      },
    },
  },
  {
    name: 'running update + operation-conflict without detail',
    given: () => running('update-firmware'),
    event: { type: 'operation-conflict' },
    expect: {
      state: 'troubleshooting',
      effects: OPERATION_FAILED_EFFECTS,
      check: (n) => {
        assert.equal(n.phone?.operation?.status, 'conflict');
        assert.equal(n.phone?.operation?.detail, 'conflict');
        assert.equal(n.phone?.firmware, FIRMWARE);
        assert.equal(n.phone?.targetFirmware, TARGET_FIRMWARE);
        assert.equal(n.history.at(-1)?.action, 'update-firmware-conflict');
      },
    },
  },
  {
    name: 'troubleshooting after a conflict + the same conflict again',
    given: () => operationConflict(),
    event: { type: 'operation-conflict', requestId: REQUEST.conflict },
    expect: 'ignored',
  },
  ...(['diagnosed', 'troubleshooting', 'checking', ...CLOSED] as const).map((state): Row => ({
    name: `${state} + operation-conflict`,
    given: () => phoneCaseIn(state),
    event: { type: 'operation-conflict', detail: 'late' },
    expect: 'ignored',
  })),

  // operation-status
  {
    name: 'running + status running before the deadline',
    given: () => running(),
    event: { type: 'operation-status', status: 'running' },
    expect: {
      state: 'device-operation',
      effects: ['cancel-timers:operation-poll', 'schedule:operation-poll', 'update-card'],
      history: false,
      check: (n, b, effects, now) => {
        assert.deepEqual(n.phone, b.phone);
        assert.equal(
          effectOf(effects, 'schedule', 'operation-poll').dueAt,
          at(DEFAULT_OPERATION_POLL_MS, now).toISOString(),
        );
      },
    },
  },
  {
    name: 'running + status running exactly at the deadline',
    given: () => running(),
    event: { type: 'operation-status', status: 'running' },
    now: (c) => new Date(c.phone?.operation?.deadline ?? ''),
    expect: 'ignored',
  },
  {
    name: 'running + status running after the deadline',
    given: () => running(),
    event: { type: 'operation-status', status: 'running' },
    now: (c) => at(MINUTE, new Date(c.phone?.operation?.deadline ?? '')),
    expect: 'ignored',
  },
  {
    name: 'running restart + succeeded',
    given: () => running('restart'),
    event: { type: 'operation-status', status: 'succeeded' },
    expect: {
      state: 'checking',
      effects: OPERATION_SUCCEEDED_EFFECTS,
      check: (n) => {
        assert.equal(n.phone?.operation?.status, 'succeeded');
        assert.equal(n.phone?.operation?.operationUrl, OPERATION_URL);
        assert.equal(n.phone?.firmware, FIRMWARE, 'a restart leaves the firmware');
        assert.equal(n.phone?.targetFirmware, TARGET_FIRMWARE);
        assert.deepEqual(lastEntry(n), { actor: 'bot', action: 'restart-succeeded', result: 'ok' });
      },
    },
  },
  {
    name: 'running update + succeeded: the firmware becomes the target',
    given: () => running('update-firmware'),
    event: { type: 'operation-status', status: 'succeeded', detail: 'Completed' },
    expect: {
      state: 'checking',
      effects: OPERATION_SUCCEEDED_EFFECTS,
      check: (n) => {
        assert.equal(n.phone?.firmware, TARGET_FIRMWARE);
        assert.ok(n.phone && !('targetFirmware' in n.phone), 'no update left to do');
        assert.equal(n.phone.operation?.detail, 'Completed');
        assert.equal(n.history.at(-1)?.action, 'update-firmware-succeeded');
      },
    },
  },
  {
    name: 'requested + succeeded (the start was never reported)',
    given: () => requested(),
    event: { type: 'operation-status', status: 'succeeded' },
    expect: { state: 'checking', effects: OPERATION_SUCCEEDED_EFFECTS },
  },
  {
    name: 'running update + failed',
    given: () => running('update-firmware'),
    event: { type: 'operation-status', status: 'failed', detail: 'DeviceOffline' },
    expect: {
      state: 'troubleshooting',
      effects: OPERATION_FAILED_EFFECTS,
      check: (n) => {
        assert.equal(n.phone?.operation?.status, 'failed');
        assert.equal(n.phone?.operation?.detail, 'DeviceOffline');
        assert.equal(n.phone?.firmware, FIRMWARE);
        assert.equal(n.phone?.targetFirmware, TARGET_FIRMWARE);
        assert.deepEqual(lastEntry(n), {
          actor: 'bot',
          action: 'update-firmware-failed',
          result: 'failed',
          detail: 'DeviceOffline',
        });
      },
    },
  },
  ...(['diagnosed', 'troubleshooting', 'checking', ...CLOSED] as const).flatMap((state) =>
    (['running', 'succeeded', 'failed'] as const).map((status): Row => ({
      name: `${state} + status ${status}`,
      given: () => phoneCaseIn(state),
      event: { type: 'operation-status', status },
      expect: 'ignored',
    })),
  ),

  // operation-timeout
  {
    name: 'running + operation-timeout',
    given: () => running(),
    event: { type: 'operation-timeout' },
    now: (c) => new Date(c.phone?.operation?.deadline ?? ''),
    expect: {
      state: 'troubleshooting',
      effects: OPERATION_FAILED_EFFECTS,
      check: (n) => {
        assert.equal(n.phone?.operation?.status, 'failed');
        assert.equal(n.phone?.operation?.detail, 'timeout');
        assert.deepEqual(lastEntry(n), {
          actor: 'bot',
          action: 'restart-failed',
          result: 'failed',
          detail: 'timeout',
        });
      },
    },
  },
  {
    name: 'requested + operation-timeout',
    given: () => requested(alicePhoneCase(), 'update-firmware'),
    event: { type: 'operation-timeout' },
    expect: {
      state: 'troubleshooting',
      effects: OPERATION_FAILED_EFFECTS,
      check: (n) => assert.equal(n.history.at(-1)?.action, 'update-firmware-failed'),
    },
  },
  {
    name: 'timed out + operation-timeout again',
    given: () => operationTimedOut(),
    event: { type: 'operation-timeout' },
    expect: 'ignored',
  },
  ...(['diagnosed', 'troubleshooting', 'checking', ...CLOSED] as const).map((state): Row => ({
    name: `${state} + operation-timeout`,
    given: () => phoneCaseIn(state),
    event: { type: 'operation-timeout' },
    expect: 'ignored',
  })),

  // remind
  ...OPEN_STATES.map((state): Row => ({
    name: `${state} + remind in 1 h`,
    given: () => phoneCaseIn(state),
    event: { type: 'remind', actor: BOB, inMs: HOUR },
    expect: {
      state,
      effects: ['cancel-timers:reminder', 'schedule:reminder', 'update-card'],
      check: (n, b, effects, now) => {
        const due = at(HOUR, now).toISOString();
        assert.equal(n.phone?.reminderAt, due);
        assert.equal(effectOf(effects, 'schedule', 'reminder').dueAt, due);
        assert.deepEqual(n.phone?.operation, b.phone?.operation);
        assert.deepEqual(lastEntry(n), { actor: 'Bob Durand', action: 'remind', result: 'ok', detail: due });
      },
    },
  })),
  {
    name: 'reminded + remind again moves the reminder',
    given: () => reminded(alicePhoneCase()),
    event: { type: 'remind', actor: BOB, inMs: 2 * HOUR },
    expect: {
      state: 'troubleshooting',
      effects: ['cancel-timers:reminder', 'schedule:reminder', 'update-card'],
      check: (n, _b, _e, now) => assert.equal(n.phone?.reminderAt, at(2 * HOUR, now).toISOString()),
    },
  },
  ...[0, -MINUTE, Number.NaN, Number.POSITIVE_INFINITY].map((inMs): Row => ({
    name: `troubleshooting + remind in ${inMs} ms`,
    given: () => alicePhoneCase(),
    event: { type: 'remind', actor: BOB, inMs },
    expect: { throws: RangeError },
  })),

  // reminder-due
  ...OPEN_STATES.map((state): Row => ({
    name: `${state} with a reminder + reminder-due`,
    given: () => reminded(phoneCaseIn(state)),
    event: { type: 'reminder-due' },
    expect: {
      state,
      effects: ['update-card', 'notify:thread:reminder'],
      check: (n) => {
        assert.ok(n.phone && !('reminderAt' in n.phone), 'reminder cleared');
        assert.deepEqual(lastEntry(n), { actor: 'bot', action: 'reminder', result: 'info' });
      },
    },
  })),
  {
    name: 'troubleshooting without a reminder + reminder-due',
    given: () => alicePhoneCase(),
    event: { type: 'reminder-due' },
    expect: 'ignored',
  },
  {
    name: 'reminder already given + reminder-due again',
    given: () => play(reminded(alicePhoneCase()), [{ type: 'reminder-due' }]),
    event: { type: 'reminder-due' },
    expect: 'ignored',
  },
  {
    name: 'cancelled with a reminder set + reminder-due',
    given: () => play(reminded(alicePhoneCase()), [{ type: 'cancel', actor: ALICE }]),
    event: { type: 'reminder-due' },
    expect: 'ignored',
  },
  {
    name: 'resolved with a reminder set + reminder-due',
    given: () => play(reminded(checking()), [{ type: 'check-result', actor: ALICE, works: true }]),
    event: { type: 'reminder-due' },
    expect: 'ignored',
  },

  // check-result
  {
    name: 'checking + it works',
    given: () => checking(),
    event: { type: 'check-result', actor: BOB, works: true },
    expect: {
      state: 'resolved',
      effects: [ALL_PHONE_TIMERS, 'update-card', 'notify:both:resolved'],
      check: (n) => {
        assert.equal(n.outcome, 'resolved');
        assert.deepEqual(lastEntry(n), { actor: 'Bob Durand', action: 'check-passed', result: 'ok' });
      },
    },
  },
  {
    name: 'concluded troubleshooting + it works (fixed on site)',
    given: () => concluded('poe'),
    event: { type: 'check-result', actor: BOB, works: true },
    expect: { state: 'resolved', effects: [ALL_PHONE_TIMERS, 'update-card', 'notify:both:resolved'] },
  },
  {
    name: 'checking + still fails',
    given: () => checking(),
    event: { type: 'check-result', actor: BOB, works: false },
    expect: {
      state: 'escalated',
      effects: ESCALATED_EFFECTS,
      check: (n) => {
        assert.equal(n.outcome, 'escalated');
        assert.deepEqual(lastEntry(n), {
          actor: 'Bob Durand',
          action: 'check-failed',
          result: 'ok',
          detail: 'from checking',
        });
      },
    },
  },
  ...[true, false].map((works): Row => ({
    name: `device-operation + check-result ${works}`,
    given: () => running(),
    event: { type: 'check-result', actor: BOB, works },
    expect: { refused: 'wrong-state' },
  })),

  // escalate and cancel from every open state
  ...OPEN_STATES.flatMap((state): Row[] => [
    {
      name: `${state} + escalate`,
      given: () => phoneCaseIn(state),
      event: { type: 'escalate', actor: BOB },
      expect: {
        state: 'escalated',
        effects: ESCALATED_EFFECTS,
        check: (n) => {
          assert.equal(n.outcome, 'escalated');
          assert.deepEqual(lastEntry(n), {
            actor: 'Bob Durand',
            action: 'escalate',
            result: 'ok',
            detail: `from ${state}`,
          });
        },
      },
    },
    {
      name: `${state} + cancel`,
      given: () => phoneCaseIn(state),
      event: { type: 'cancel', actor: BOB },
      expect: {
        state: 'cancelled',
        effects: CANCELLED_EFFECTS,
        check: (n) => {
          assert.equal(n.outcome, 'cancelled');
          assert.equal(n.history.at(-1)?.detail, `from ${state}`);
        },
      },
    },
  ]),

  // thread-attached: a case that already has its thread keeps it
  ...OPEN_STATES.map((state): Row => ({
    name: `${state} with a thread + thread-attached`,
    given: () => phoneCaseIn(state),
    event: { type: 'thread-attached', conversationId: '19:other@thread.tacv2', activityId: 'act-2' },
    expect: 'ignored',
  })),

  // reporter-joined
  {
    name: 'troubleshooting + another reporter',
    given: () => alicePhoneCase(),
    event: { type: 'reporter-joined', reporter: { userId: 'aad-eve', name: 'Eve Leroy', locale: 'en' } },
    expect: {
      state: 'troubleshooting',
      effects: ['update-card'],
      check: (n, b) => {
        assert.deepEqual(
          n.reporters.map((r) => r.userId),
          [...b.reporters.map((r) => r.userId), 'aad-eve'],
        );
      },
    },
  },
  {
    name: 'device-operation + the same reporter again',
    given: () => running(),
    event: { type: 'reporter-joined', reporter: { userId: alicePhone().userId, locale: 'fr' } },
    expect: 'ignored',
  },

  // room-only events on a phone case
  ...OPEN_STATES.flatMap((state): Row[] => [
    ...(
      [
        { type: 'confirm', actor: BOB },
        { type: 'approve', actor: BOB },
        { type: 'reassign', actor: BOB, override: true },
        { type: 'extend', actor: BOB, byMs: HOUR },
      ] as CaseEvent[]
    ).map((event): Row => ({
      name: `${state} + ${event.type} (room only)`,
      given: () => phoneCaseIn(state),
      event,
      expect: { refused: 'wrong-state' },
    })),
    ...roomAutomaticEvents().map((event): Row => ({
      name: `${state} + ${event.type} (room only)`,
      given: () => phoneCaseIn(state),
      event,
      expect: 'ignored',
    })),
  ]),

  // closed cases
  ...CLOSED.flatMap((state): Row[] => [
    ...personEvents().map((event): Row => ({
      name: `${state} + ${eventLabel(event)}`,
      given: () => phoneCaseIn(state),
      event,
      expect: { refused: 'closed' },
    })),
    ...roomAutomaticEvents().map((event): Row => ({
      name: `${state} + ${event.type} (room only)`,
      given: () => phoneCaseIn(state),
      event,
      expect: 'ignored',
    })),
  ]),
];

/** An event type with the detail that tells two rows apart. */
function eventLabel(event: CaseEvent): string {
  switch (event.type) {
    case 'device-action':
      return `device-action ${event.action}`;
    case 'remind':
      return `remind in ${event.inMs} ms`;
    case 'check-result':
      return `check-result ${event.works}`;
    default:
      return event.type;
  }
}

/** Every event that carries a person (plus a new reporter), phone and room alike. */
function personEvents(): CaseEvent[] {
  return [
    { type: 'start', actor: BOB },
    { type: 'answer', actor: BOB, questionId: 'reboots', answerId: 'no' },
    { type: 'restart-checks', actor: BOB },
    { type: 'device-action', actor: BOB, action: 'restart' },
    { type: 'device-action', actor: BOB, action: 'update-firmware' },
    { type: 'remind', actor: BOB, inMs: HOUR },
    { type: 'remind', actor: BOB, inMs: 0 },
    { type: 'check-result', actor: BOB, works: true },
    { type: 'check-result', actor: BOB, works: false },
    { type: 'escalate', actor: BOB },
    { type: 'cancel', actor: BOB },
    { type: 'confirm', actor: BOB },
    { type: 'approve', actor: BOB },
    { type: 'reassign', actor: BOB, override: false },
    { type: 'extend', actor: BOB, byMs: HOUR },
    { type: 'reporter-joined', reporter: { userId: 'aad-eve', locale: 'en' } },
  ];
}

/** The automatic events of the room workflow: a phone case has nothing to do with them. */
function roomAutomaticEvents(): CaseEvent[] {
  return [
    { type: 'removed', at: T0.toISOString(), requestId: 'req-room-1' },
    { type: 'remove-failed', reason: 'Throttled', requestId: 'req-room-2' },
    { type: 'window-opened' },
    { type: 'window-closed' },
    { type: 'reassigned', at: T0.toISOString(), requestId: 'req-room-3' },
    { type: 'reassign-failed', reason: 'no-seat' },
    { type: 'restart-started', requestId: 'req-room-4' },
    { type: 'restart-failed', reason: 'DeviceOffline' },
    { type: 'verify-result', signedIn: true, provisioned: true },
    { type: 'verify-timeout' },
    { type: 'restored', at: T0.toISOString() },
  ];
}

function runRow(row: Row): void {
  const c = row.given();
  const before = structuredClone(c);
  const now = row.now ? row.now(c) : at(MINUTE, new Date(c.updatedAt));
  const s = row.settings ?? phoneSettings();
  const run = (): TransitionResult => transition(c, row.event, now, s);
  const { expect } = row;
  if (expect === 'ignored') {
    const result = run();
    assert.equal(result.case, c, 'the very same case comes back');
    assert.deepEqual(result.effects, []);
  } else if ('refused' in expect) {
    assert.throws(run, (err: unknown) => {
      assert.ok(err instanceof TransitionRefused, `expected a refusal, got ${String(err)}`);
      assert.equal(err.reason, expect.refused);
      assert.match(err.message, new RegExp(`Case ${c.number}\\b`));
      return true;
    });
  } else if ('throws' in expect) {
    assert.throws(run, expect.throws);
  } else {
    const result = run();
    const next = result.case;
    assert.equal(next.state, expect.state);
    assert.deepEqual(kinds(result.effects), expect.effects);
    assert.equal(next.version, c.version + 1);
    assert.equal(next.updatedAt, now.toISOString());
    assert.equal(next.kind, 'phone-no-internet');
    if (expect.history === false) assert.equal(next.history.length, c.history.length);
    else {
      assert.equal(next.history.length, c.history.length + 1);
      assert.equal(next.history.at(-1)?.at, now.toISOString());
    }
    if (isOpen(next.state)) assert.ok(kinds(result.effects).includes('update-card'), 'card follows version');
    expect.check?.(next, c, result.effects, now);
  }
  assert.deepEqual(c, before, 'the input case is never modified');
}

describe('phone case transitions', () => {
  describe('table', () => {
    const names = new Set<string>();
    for (const row of ROWS) {
      assert.ok(!names.has(row.name), `duplicate row ${row.name}`);
      names.add(row.name);
      it(row.name, () => runRow(row));
    }
  });

  it('covers every phone and room event type in the table', () => {
    const covered = new Set(ROWS.map((row) => row.event.type));
    // Every event type, checked by the compiler: a new type must be added here and to the table.
    const all = Object.keys({
      start: true,
      answer: true,
      'restart-checks': true,
      'device-action': true,
      'operation-started': true,
      'operation-conflict': true,
      'operation-status': true,
      'operation-timeout': true,
      remind: true,
      'reminder-due': true,
      'check-result': true,
      escalate: true,
      cancel: true,
      'reporter-joined': true,
      'thread-attached': true,
      confirm: true,
      approve: true,
      reassign: true,
      extend: true,
      removed: true,
      'remove-failed': true,
      'window-opened': true,
      'window-closed': true,
      reassigned: true,
      'reassign-failed': true,
      'restart-started': true,
      'restart-failed': true,
      'verify-result': true,
      'verify-timeout': true,
      restored: true,
    } satisfies Record<CaseEvent['type'], true>) as CaseEvent['type'][];
    assert.deepEqual(
      all.filter((type) => !covered.has(type)),
      [],
    );
  });

  it('builds a fixture in every phone state through real transitions', () => {
    for (const state of PHONE_STATES) assert.equal(phoneCaseIn(state).state, state);
  });

  it('walks the site checks to each cause of the fixture paths', () => {
    for (const [name, path] of Object.entries(PATHS) as [
      keyof typeof PATHS,
      readonly (readonly [string, string])[],
    ][]) {
      const c = answer(alicePhoneCase(), path);
      assert.equal(c.phone?.conclusion, PATH_CAUSE[name], name);
      assert.equal(c.phone?.answers.length, path.length);
      assert.equal(c.version, 1 + path.length);
    }
  });

  it('takes a case from the report to resolved: checks, update, test', () => {
    const s = phoneSettings();
    let c = diagnosedCase();
    let now = T0;
    const step = (event: CaseEvent, state: CaseState, effects: string[], gap = MINUTE): void => {
      now = at(gap, now);
      const result = transition(c, event, now, s);
      assert.equal(result.case.state, state, event.type);
      assert.deepEqual(kinds(result.effects), effects, event.type);
      assert.equal(result.case.version, c.version + 1);
      c = result.case;
    };
    step({ type: 'start', actor: BOB }, 'troubleshooting', ['update-card']);
    for (const [questionId, answerId] of PATHS.firmware)
      step(answerEvent(c, questionId, answerId, BOB), 'troubleshooting', ['update-card']);
    assert.equal(c.phone?.conclusion, 'firmware');
    step(
      { type: 'device-action', actor: BOB, action: 'update-firmware' },
      'device-operation',
      DEVICE_ACTION_EFFECTS('update-firmware'),
    );
    step({ type: 'operation-started', requestId: 'req-upd' }, 'device-operation', [
      'schedule:operation-poll',
      'update-card',
    ]);
    step(
      { type: 'operation-status', status: 'running' },
      'device-operation',
      ['cancel-timers:operation-poll', 'schedule:operation-poll', 'update-card'],
      15_000,
    );
    step({ type: 'operation-status', status: 'succeeded' }, 'checking', OPERATION_SUCCEEDED_EFFECTS, 15_000);
    step({ type: 'check-result', actor: BOB, works: true }, 'resolved', [
      ALL_PHONE_TIMERS,
      'update-card',
      'notify:both:resolved',
    ]);
    assert.equal(c.phone?.firmware, TARGET_FIRMWARE);
    assert.deepEqual(
      c.history.map((h) => [h.actor, h.action, h.requestId ?? '']),
      [
        ['Alice Martin', 'opened', ''],
        ['Bob Durand', 'start', ''],
        ...PATHS.firmware.map(() => ['Bob Durand', 'answer', '']),
        ['Bob Durand', 'update-firmware', ''],
        ['bot', 'operation-started', 'req-upd'],
        ['bot', 'update-firmware-succeeded', ''],
        ['Bob Durand', 'check-passed', ''],
      ],
    );
  });

  it('after a failed restart lets the helpdesk restart again, then update', () => {
    let c = operationFailed('restart');
    assert.equal(c.state, 'troubleshooting');
    c = running('update-firmware', c, REQUEST.again);
    assert.equal(c.phone?.operation?.action, 'update-firmware');
    assert.equal(c.phone?.operation?.status, 'running');
    c = play(c, [{ type: 'operation-status', status: 'succeeded' }]);
    assert.equal(c.state, 'checking');
    assert.equal(c.phone?.firmware, TARGET_FIRMWARE);
  });

  it('does not read the clock: the same input gives the same output', () => {
    const c = requested();
    const event: CaseEvent = { type: 'operation-started', requestId: 'r-1' };
    assert.deepEqual(
      transition(c, event, at(HOUR), phoneSettings()),
      transition(c, event, at(HOUR), phoneSettings()),
    );
  });

  it('returns new phone data that shares nothing with the input', () => {
    const c = answer(alicePhoneCase(), [['reboots', 'no']]);
    const { case: next } = transition(c, answerEvent(c, 'ip-address', 'valid'), at(HOUR), phoneSettings());
    assert.notEqual(next.phone, c.phone);
    assert.notEqual(next.phone?.answers, c.phone?.answers);
    assert.notEqual(next.phone?.site, c.phone?.site);
    next.phone?.answers.push({ questionId: 'x', answerId: 'x', at: 'x', by: 'x' });
    next.phone?.site.dns?.push('mutated');
    assert.equal(c.phone?.answers.length, 1);
    assert.deepEqual(c.phone?.site.dns, alicePhone().site.dns);
  });

  it('refuses a case that claims to be a phone case without phone data', () => {
    const c = alicePhoneCase();
    delete c.phone;
    assert.throws(
      () => transition(c, { type: 'start', actor: BOB }, at(HOUR), phoneSettings()),
      /without phone data/,
    );
  });

  it('records the actor id when the actor has no name', () => {
    const { case: next } = transition(
      alicePhoneCase(),
      { type: 'device-action', actor: CAROL, action: 'restart' },
      at(HOUR),
      phoneSettings(),
    );
    assert.equal(next.history.at(-1)?.actor, CAROL.id);
  });
});

// --- property test ---------------------------------------------------------------------------------------------

/** mulberry32: small, seeded, good enough to shuffle events. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20260311;
const RUNS = 300;

interface PendingTimer {
  timer: TimerKind;
  dueAt: number;
}

const PHONE_STATE_SET: ReadonlySet<CaseState> = new Set(PHONE_STATES);

/**
 * A phone, Graph and the job queue, simulated: device commands are accepted or refused later, polls report a
 * status, timers fire in due order, and old events come again (duplicates, stale results, late timers).
 */
class PhoneWorld {
  c: RepairCase;
  clock: number;
  timers: PendingTimer[] = [];
  commands: Extract<CaseEffect, { kind: 'device-operation' }>[] = [];
  replayable: CaseEvent[] = [];
  applied = 0;
  private requests = 0;

  constructor(
    private readonly rand: () => number,
    readonly s: CaseSettings,
    private readonly context: string,
  ) {
    const phone = this.pickPhone();
    this.c = rand() < 0.3 ? alicePhoneCase({ state: 'diagnosed', phone }) : alicePhoneCase({ phone });
    this.clock = T0.getTime();
  }

  private pickPhone(): ReturnType<typeof alicePhone> {
    const r = this.rand();
    return r < 0.1 ? phoneWithoutDevice() : r < 0.25 ? phoneUpToDate() : alicePhone();
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.rand() * items.length)];
    if (item === undefined) throw new Error('empty pick');
    return item;
  }

  step(): void {
    const r = this.rand();
    if (r < 0.35) this.personDecision();
    else if (r < 0.6 && this.commands.length > 0) this.runCommand();
    else if (r < 0.85 && this.timers.length > 0) this.fireTimer();
    else if (r < 0.93 && this.replayable.length > 0) this.deliver(this.pick(this.replayable), false);
    else this.deliver(this.pick(roomAutomaticEvents()), false);
  }

  /**
   * An answer as the answer verb sends it: one the tree asks next (the verb rejects any other), or, as when two
   * people click the same card at once, an answer to a question already recorded.
   */
  private answerEvent(actor: typeof ALICE): CaseEvent {
    const recorded = this.c.phone?.answers ?? [];
    const given = recorded.map((a) => ({ questionId: a.questionId, answerId: a.answerId }));
    const step = phoneTreeStep(defaultPhoneKnowledge.tree, given);
    const again = recorded.length > 0 ? this.pick(recorded) : undefined;
    if (step.kind === 'question' && (!again || this.rand() < 0.85)) {
      const a = this.pick(step.question.answers);
      return answerEvent(this.c, step.question.id, a.id, actor);
    }
    if (!again) return { type: 'start', actor };
    return { type: 'answer', actor, questionId: again.questionId, answerId: again.answerId };
  }

  personDecision(): void {
    this.clock += Math.floor(this.rand() * 10 * MINUTE);
    const actor = this.pick([ALICE, BOB, CAROL]);
    // Closing decisions are rarer, so that most runs get through the checks and a command or two first.
    const closing: (() => CaseEvent)[] = [
      () => ({ type: 'check-result', actor, works: this.rand() < 0.6 }),
      () => ({ type: 'escalate', actor }),
      () => ({ type: 'cancel', actor }),
    ];
    const others: (() => CaseEvent)[] = [
      () => ({ type: 'start', actor }),
      () => this.answerEvent(actor),
      () => this.answerEvent(actor),
      () => this.answerEvent(actor),
      () => ({ type: 'restart-checks', actor }),
      () => ({ type: 'device-action', actor, action: 'restart' }),
      () => ({ type: 'device-action', actor, action: 'update-firmware' }),
      () => ({
        type: 'remind',
        actor,
        inMs: this.rand() < 0.1 ? 0 : (1 + Math.floor(this.rand() * 4)) * 30 * MINUTE,
      }),
      () => ({ type: 'confirm', actor }),
      () => ({ type: 'extend', actor, byMs: HOUR }),
      () => ({ type: 'reporter-joined', reporter: { userId: this.pick(['u1', 'u2']), locale: 'en' } }),
    ];
    const event = this.pick(this.rand() < 0.08 ? closing : others)();
    this.deliver(event, false);
  }

  runCommand(): void {
    const index = Math.floor(this.rand() * this.commands.length);
    const [command] = this.commands.splice(index, 1);
    if (!command) return;
    this.clock += Math.floor(this.rand() * 30_000);
    const requestId = `req-${++this.requests}`;
    this.deliver(
      this.rand() < 0.8
        ? { type: 'operation-started', operationUrl: `https://graph.example/op/${requestId}`, requestId }
        : { type: 'operation-conflict', requestId, detail: 'DeviceOperationInProgress' },
    );
  }

  fireTimer(): void {
    const next = [...this.timers].sort((a, b) => a.dueAt - b.dueAt)[0];
    if (!next) return;
    this.timers = this.timers.filter((t) => t !== next);
    this.clock = Math.max(this.clock, next.dueAt);
    if (next.timer === 'operation-poll') {
      const r = this.rand();
      this.deliver({
        type: 'operation-status',
        status: r < 0.4 ? 'running' : r < 0.85 ? 'succeeded' : 'failed',
        ...(r >= 0.85 ? { detail: 'DeviceOffline' } : {}),
      });
    } else if (next.timer === 'operation-timeout') this.deliver({ type: 'operation-timeout' });
    else if (next.timer === 'reminder') this.deliver({ type: 'reminder-due' });
    else assert.fail(`${this.context}: a phone case scheduled a room timer ${next.timer}`);
  }

  deliver(event: CaseEvent, remember = true): void {
    if (remember) this.replayable.push(event);
    const before = this.c;
    const snapshot = structuredClone(before);
    const now = new Date(this.clock);
    let result: TransitionResult;
    try {
      result = transition(before, event, now, this.s);
    } catch (err) {
      const where = `${this.context}: ${event.type} in ${snapshot.state}`;
      if (err instanceof RangeError) assert.equal(event.type, 'remind', where);
      else {
        assert.ok(err instanceof TransitionRefused, `${where}: unexpected ${String(err)}`);
        if (!isOpen(snapshot.state)) assert.equal(err.reason, 'closed', where);
        if (isOpen(snapshot.state)) assert.notEqual(err.reason, 'closed', where);
      }
      assert.deepEqual(before, snapshot, `${where}: a refusal changes nothing`);
      return;
    }
    assert.deepEqual(before, snapshot, `${this.context}: transition is pure (${event.type})`);
    this.apply(before, result, event, now);
  }

  apply(before: RepairCase, result: TransitionResult, event: CaseEvent, now: Date): void {
    const where = `${this.context}: ${event.type} in ${before.state}`;
    if (result.case === before) {
      assert.deepEqual(result.effects, [], `${where}: an unchanged case has no effects`);
      return;
    }
    this.applied++;
    assert.ok(isOpen(before.state), `${where}: a closed case never changes`);
    assert.equal(result.case.version, before.version + 1, `${where}: version + 1`);
    assert.equal(result.case.updatedAt, now.toISOString(), where);
    assert.ok(result.case.history.length >= before.history.length, where);
    assert.deepEqual(
      result.case.history.slice(0, before.history.length),
      before.history,
      `${where}: history kept`,
    );
    if (isOpen(result.case.state))
      assert.ok(
        result.effects.some((e) => e.kind === 'update-card'),
        `${where}: card follows version`,
      );
    for (const effect of result.effects) {
      if (effect.kind === 'cancel-timers') {
        this.timers = this.timers.filter((t) => !effect.timers.includes(t.timer));
      } else if (effect.kind === 'schedule') {
        this.timers.push({ timer: effect.timer, dueAt: Date.parse(effect.dueAt) });
      } else if (effect.kind === 'device-operation') {
        this.commands.push(effect);
      } else {
        assert.ok(
          ['update-card', 'notify', 'post-escalation-pack'].includes(effect.kind),
          `${where}: ${effect.kind} is not a phone effect`,
        );
      }
    }
    this.c = result.case;
  }

  checkInvariant(context: string): void {
    const { c } = this;
    assert.ok(PHONE_STATE_SET.has(c.state), `${context}: ${c.state} is not a phone state`);
    assert.equal(c.kind, 'phone-no-internet');
    const phone = c.phone;
    assert.ok(phone, `${context}: phone data kept`);
    if (c.state === 'device-operation') {
      const status = phone.operation?.status;
      assert.ok(status === 'requested' || status === 'running', `${context}: operation ${status ?? 'none'}`);
      assert.ok(
        this.timers.some((t) => t.timer === 'operation-timeout'),
        `${context}: a command in flight always has its timeout`,
      );
      assert.ok(phone.deviceId, `${context}: a command needs a device`);
    }
    if (c.state === 'diagnosed')
      assert.equal(phone.answers.length, 0, `${context}: diagnosed has no answers`);
    // The recorded answers always follow the tree, and the conclusion is the cause the tree ends on.
    const step = phoneTreeStep(
      defaultPhoneKnowledge.tree,
      phone.answers.map((a) => ({ questionId: a.questionId, answerId: a.answerId })),
    );
    assert.equal(phone.conclusion, step.kind === 'conclusion' ? step.cause.id : undefined, context);
    if (!isOpen(c.state)) {
      assert.equal(c.outcome, c.state, `${context}: the outcome matches the closed state`);
      assert.deepEqual(this.timers, [], `${context}: no timer outlives the case`);
    }
  }
}

describe(`phone transition properties (${RUNS} random event sequences, seed ${SEED})`, () => {
  it('keeps versions, states and commands consistent; closed cases never change; transitions are pure', () => {
    const rand = prng(SEED);
    const closedSeen = new Set<CaseState>();
    const statesSeen = new Set<CaseState>();
    let applied = 0;
    for (let run = 0; run < RUNS; run++) {
      const s =
        rand() < 0.5
          ? phoneSettings()
          : phoneSettings({ operationPollMs: 5_000, operationTimeoutMs: 2 * MINUTE });
      const world = new PhoneWorld(rand, s, `seed ${SEED} run ${run}`);
      const length = 10 + Math.floor(rand() * 60);
      for (let i = 0; i < length; i++) {
        const versionBefore = world.c.version;
        const appliedBefore = world.applied;
        world.step();
        assert.equal(
          world.c.version - versionBefore,
          world.applied - appliedBefore,
          `seed ${SEED} run ${run} step ${i}: the version moves exactly with applied transitions`,
        );
        world.checkInvariant(`seed ${SEED} run ${run} step ${i}`);
        statesSeen.add(world.c.state);
      }
      assert.equal(world.c.version, 1 + world.applied, `seed ${SEED} run ${run}`);
      applied += world.applied;
      if (!isOpen(world.c.state)) closedSeen.add(world.c.state);
    }
    assert.deepEqual([...closedSeen].sort(), [...CLOSED].sort(), 'the runs reach every closed state');
    assert.deepEqual([...statesSeen].sort(), [...PHONE_STATES].sort(), 'the runs reach every phone state');
    assert.ok(applied > RUNS * 6, `only ${applied} transitions applied`);
  });
});
