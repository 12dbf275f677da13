import { strict as assert } from 'node:assert';
import {
  CLOSED_STATES,
  isOpen,
  TransitionRefused,
  type CaseEffect,
  type CaseEvent,
  type CaseKind,
  type CaseSettings,
  type CaseState,
  type RepairCase,
  type TimerKind,
  type TransitionResult,
} from '../../../bot/cases/model';
import { licenceMayBeOff, transition } from '../../../bot/cases/transition';
import {
  ALICE,
  at,
  BOB,
  CAROL,
  caseIn,
  compressedSettings,
  DISABLED_PLANS,
  effectOf,
  kinds,
  play,
  room4bCase,
  settings,
  SKU,
  T0,
  userLicenceCase,
} from './fixtures';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const ALL_TIMERS = 'cancel-timers:window-open,window-close,verify-poll,verify-timeout';
const APPROVAL = settings({ requireApproval: true });

// Cases that need more than the plain path to their state.
function pendingApproval(kind: CaseKind = 'licence-cycle'): RepairCase {
  return transition(
    caseIn('awaiting-confirmation', kind),
    { type: 'confirm', actor: ALICE },
    at(MINUTE),
    APPROVAL,
  ).case;
}
function overdue(): RepairCase {
  const c = caseIn('window-open');
  return play(c, [{ event: { type: 'window-closed' }, now: new Date(c.windowClosesAt ?? '') }]);
}
function reassigningAfterWindow(): RepairCase {
  const c = overdue();
  return play(c, [{ type: 'reassign', actor: BOB, override: false }]);
}
function restartFailed(): RepairCase {
  return play(caseIn('verifying'), [
    { type: 'restart-failed', reason: 'DeviceOffline', requestId: 'req-r1' },
  ]);
}
function notVerified(): RepairCase {
  return play(caseIn('verifying'), [{ type: 'verify-timeout' }]);
}
function cancelledWhileRemoving(): RepairCase {
  return play(caseIn('removing'), [{ type: 'cancel', actor: ALICE }]);
}
function removeFailed(): RepairCase {
  return play(caseIn('removing'), [
    { type: 'remove-failed', reason: 'Request_ResourceNotFound', requestId: 'req-f' },
  ]);
}

type Expectation =
  | {
      state: CaseState;
      effects: string[];
      history?: false;
      check?: (next: RepairCase, before: RepairCase, effects: CaseEffect[], now: Date) => void;
    }
  | { refused: TransitionRefused['reason'] }
  | 'unchanged';

interface Row {
  name: string;
  given: () => RepairCase;
  event: CaseEvent;
  settings?: CaseSettings;
  /** Default: one minute after the case's last change. */
  now?: (c: RepairCase) => Date;
  expect: Expectation;
}

const LC_OFF_STATES: CaseState[] = ['removing', 'waiting', 'window-open', 'reassigning'];
const PERSON_EVENTS: CaseEvent[] = [
  { type: 'start', actor: BOB },
  { type: 'confirm', actor: BOB },
  { type: 'approve', actor: BOB },
  { type: 'reassign', actor: BOB, override: true },
  { type: 'extend', actor: BOB, byMs: 4 * HOUR },
  { type: 'cancel', actor: BOB },
  { type: 'escalate', actor: BOB },
  { type: 'reporter-joined', reporter: { userId: 'aad-eve', locale: 'en' } },
];

const ROWS: Row[] = [
  // start
  {
    name: 'diagnosed + start',
    given: () => caseIn('diagnosed'),
    event: { type: 'start', actor: BOB },
    expect: { state: 'awaiting-confirmation', effects: ['update-card'] },
  },
  {
    name: 'awaiting-confirmation + start',
    given: () => caseIn('awaiting-confirmation'),
    event: { type: 'start', actor: BOB },
    expect: { refused: 'wrong-state' },
  },
  // confirm
  {
    name: 'awaiting-confirmation + confirm (licence-cycle)',
    given: () => caseIn('awaiting-confirmation'),
    event: { type: 'confirm', actor: ALICE },
    expect: {
      state: 'removing',
      effects: ['remove-licences', 'update-card'],
      check: (_n, _b, effects) => assert.deepEqual(effectOf(effects, 'remove-licences').skuIds, [SKU.pro]),
    },
  },
  {
    name: 'awaiting-confirmation + confirm (remove-user-licence)',
    given: () => caseIn('awaiting-confirmation', 'remove-user-licence'),
    event: { type: 'confirm', actor: ALICE },
    expect: {
      state: 'removing',
      effects: ['remove-licences', 'update-card'],
      check: (_n, _b, effects) => assert.deepEqual(effectOf(effects, 'remove-licences').skuIds, [SKU.o365E3]),
    },
  },
  {
    name: 'awaiting-confirmation + confirm, approval required',
    given: () => caseIn('awaiting-confirmation'),
    event: { type: 'confirm', actor: ALICE },
    settings: APPROVAL,
    expect: {
      state: 'awaiting-confirmation',
      effects: ['update-card', 'notify:thread:approval-needed'],
      check: (n, _b, _e, now) =>
        assert.deepEqual(n.approval, { requestedBy: ALICE, requestedAt: now.toISOString() }),
    },
  },
  {
    name: 'pending approval + confirm by someone else',
    given: () => pendingApproval(),
    event: { type: 'confirm', actor: BOB },
    settings: APPROVAL,
    expect: { refused: 'approval-required' },
  },
  {
    name: 'pending approval + confirm by the requester',
    given: () => pendingApproval(),
    event: { type: 'confirm', actor: ALICE },
    settings: APPROVAL,
    expect: { refused: 'approval-required' },
  },
  {
    name: 'diagnosed + confirm',
    given: () => caseIn('diagnosed'),
    event: { type: 'confirm', actor: ALICE },
    expect: { refused: 'wrong-state' },
  },
  {
    name: 'removing + confirm (double click)',
    given: () => caseIn('removing'),
    event: { type: 'confirm', actor: ALICE },
    expect: { refused: 'wrong-state' },
  },
  {
    name: 'after remove-failed + confirm retries the removal',
    given: removeFailed,
    event: { type: 'confirm', actor: ALICE },
    expect: {
      state: 'removing',
      effects: ['remove-licences', 'update-card'],
      check: (n) => assert.equal(n.outcome, undefined),
    },
  },
  // approve
  {
    name: 'pending approval + approve by a second person',
    given: () => pendingApproval(),
    event: { type: 'approve', actor: BOB },
    settings: APPROVAL,
    expect: {
      state: 'removing',
      effects: ['remove-licences', 'update-card'],
      check: (n) => assert.equal(n.approval, undefined),
    },
  },
  {
    name: 'pending approval + approve (remove-user-licence)',
    given: () => pendingApproval('remove-user-licence'),
    event: { type: 'approve', actor: BOB },
    settings: APPROVAL,
    expect: { state: 'removing', effects: ['remove-licences', 'update-card'] },
  },
  {
    name: 'pending approval + approve by the requester',
    given: () => pendingApproval(),
    event: { type: 'approve', actor: { id: ALICE.id, name: 'Alice (other device)' } },
    settings: APPROVAL,
    expect: { refused: 'same-approver' },
  },
  {
    name: 'no pending approval + approve',
    given: () => caseIn('awaiting-confirmation'),
    event: { type: 'approve', actor: BOB },
    settings: APPROVAL,
    expect: { refused: 'wrong-state' },
  },
  {
    name: 'waiting + approve',
    given: () => caseIn('waiting'),
    event: { type: 'approve', actor: BOB },
    expect: { refused: 'wrong-state' },
  },
  // removed / remove-failed
  {
    name: 'removing + removed (licence-cycle)',
    given: () => caseIn('removing'),
    event: { type: 'removed', at: '2025-03-10T08:03:00.000Z', requestId: 'req-rm' },
    expect: {
      state: 'waiting',
      effects: ['schedule:window-open', 'schedule:window-close', 'update-card', 'notify:both:removed'],
      check: (n) => {
        assert.equal(n.removedAt, '2025-03-10T08:03:00.000Z');
        assert.equal(n.windowOpensAt, '2025-03-10T16:03:00.000Z');
        assert.equal(n.windowClosesAt, '2025-03-11T08:03:00.000Z');
      },
    },
  },
  {
    name: 'removing + removed (remove-user-licence)',
    given: () => caseIn('removing', 'remove-user-licence'),
    event: { type: 'removed', at: '2025-03-10T08:03:00.000Z', requestId: 'req-rm' },
    expect: {
      state: 'verifying',
      effects: [
        'restart-device',
        'schedule:verify-poll',
        'schedule:verify-timeout',
        'update-card',
        'notify:thread:removed',
      ],
      check: (n, _b, effects, now) => {
        assert.equal(n.verifyDeadline, at(30 * MINUTE, now).toISOString());
        assert.equal(effectOf(effects, 'schedule', 'verify-poll').dueAt, at(2 * MINUTE, now).toISOString());
        assert.equal(effectOf(effects, 'schedule', 'verify-timeout').dueAt, n.verifyDeadline);
        assert.equal(n.windowOpensAt, undefined);
      },
    },
  },
  {
    name: 'awaiting-confirmation + removed (late success of a failed attempt)',
    given: removeFailed,
    event: { type: 'removed', at: '2025-03-10T08:06:00.000Z', requestId: 'req-late' },
    expect: {
      state: 'waiting',
      effects: ['schedule:window-open', 'schedule:window-close', 'update-card', 'notify:both:removed'],
      check: (n) => assert.equal(n.outcome, undefined),
    },
  },
  {
    name: 'waiting + removed (duplicate delivery)',
    given: () => caseIn('waiting'),
    event: { type: 'removed', at: '2025-03-10T08:05:00.000Z', requestId: 'req-remove' },
    expect: 'unchanged',
  },
  {
    name: 'waiting + removed (another report)',
    given: () => caseIn('waiting'),
    event: { type: 'removed', at: '2025-03-10T09:00:00.000Z', requestId: 'req-other' },
    expect: 'unchanged',
  },
  {
    name: 'cancelled while removing + removed: restore again',
    given: cancelledWhileRemoving,
    event: { type: 'removed', at: '2025-03-10T08:04:00.000Z', requestId: 'req-rm' },
    expect: { state: 'cancelled', effects: ['assign-licence:restore'] },
  },
  {
    name: 'cancelled after removal + removed (duplicate)',
    given: () => caseIn('cancelled'),
    event: { type: 'removed', at: '2025-03-10T08:05:00.000Z', requestId: 'req-x' },
    expect: 'unchanged',
  },
  {
    name: 'removing + remove-failed (licence-cycle)',
    given: () => caseIn('removing'),
    event: { type: 'remove-failed', reason: 'Authorization_RequestDenied', requestId: 'req-f' },
    expect: {
      state: 'awaiting-confirmation',
      effects: ['update-card', 'notify:thread:action-failed'],
      check: (n) => {
        assert.equal(n.outcome, 'remove-failed');
        assert.equal(n.outcomeDetail, 'Authorization_RequestDenied');
        assert.equal(n.history.at(-1)?.result, 'failed');
      },
    },
  },
  {
    name: 'removing + remove-failed (remove-user-licence)',
    given: () => caseIn('removing', 'remove-user-licence'),
    event: { type: 'remove-failed', reason: 'Throttled' },
    expect: { state: 'awaiting-confirmation', effects: ['update-card', 'notify:thread:action-failed'] },
  },
  {
    name: 'waiting + remove-failed',
    given: () => caseIn('waiting'),
    event: { type: 'remove-failed', reason: 'late' },
    expect: 'unchanged',
  },
  // window timers
  {
    name: 'waiting + window-opened',
    given: () => caseIn('waiting'),
    event: { type: 'window-opened' },
    now: (c) => new Date(c.windowOpensAt ?? ''),
    expect: { state: 'window-open', effects: ['update-card', 'notify:both:window-open'] },
  },
  {
    name: 'waiting + window-opened when the window already closed',
    given: () => caseIn('waiting', 'licence-cycle', settings({ waitMaxMs: 8 * HOUR })),
    event: { type: 'window-opened' },
    now: (c) => new Date(c.windowOpensAt ?? ''),
    settings: settings({ waitMaxMs: 8 * HOUR }),
    expect: {
      state: 'window-open',
      effects: [
        'cancel-timers:window-close',
        'schedule:window-close',
        'update-card',
        'notify:both:window-open',
      ],
    },
  },
  {
    name: 'window-open + window-opened (duplicate)',
    given: () => caseIn('window-open'),
    event: { type: 'window-opened' },
    expect: 'unchanged',
  },
  {
    name: 'reassigning + window-opened (timer raced the early reassignment)',
    given: () => play(caseIn('waiting'), [{ type: 'reassign', actor: BOB, override: true }]),
    event: { type: 'window-opened' },
    expect: 'unchanged',
  },
  {
    name: 'window-open + window-closed',
    given: () => caseIn('window-open'),
    event: { type: 'window-closed' },
    now: (c) => new Date(c.windowClosesAt ?? ''),
    expect: {
      state: 'window-open',
      effects: [
        'cancel-timers:window-close',
        'schedule:window-close',
        'update-card',
        'notify:thread:window-closed',
      ],
      check: (n, _b, effects, now) => {
        assert.equal(n.history.at(-1)?.action, 'window-closed');
        // The reminder comes a window's length later: PT24H - PT8H.
        assert.equal(effectOf(effects, 'schedule', 'window-close').dueAt, at(16 * HOUR, now).toISOString());
      },
    },
  },
  {
    name: 'window-open + window-closed before the (extended) end',
    given: () => play(caseIn('window-open'), [{ type: 'extend', actor: BOB, byMs: 4 * HOUR }]),
    event: { type: 'window-closed' },
    now: (c) => at(-4 * HOUR, new Date(c.windowClosesAt ?? '')),
    expect: {
      state: 'window-open',
      effects: ['cancel-timers:window-close', 'schedule:window-close', 'update-card'],
      history: false,
      check: (n, _b, effects) =>
        assert.equal(effectOf(effects, 'schedule', 'window-close').dueAt, n.windowClosesAt),
    },
  },
  {
    name: 'waiting + window-closed',
    given: () => caseIn('waiting'),
    event: { type: 'window-closed' },
    expect: 'unchanged',
  },
  {
    name: 'verifying + window-closed',
    given: () => caseIn('verifying'),
    event: { type: 'window-closed' },
    expect: 'unchanged',
  },
  // reassign
  {
    name: 'waiting + reassign without override',
    given: () => caseIn('waiting'),
    event: { type: 'reassign', actor: BOB, override: false },
    expect: { refused: 'window-not-open' },
  },
  {
    name: 'waiting + reassign with override',
    given: () => caseIn('waiting'),
    event: { type: 'reassign', actor: BOB, override: true },
    expect: {
      state: 'reassigning',
      effects: ['cancel-timers:window-open,window-close', 'assign-licence:reassign', 'update-card'],
    },
  },
  {
    name: 'window-open + reassign the same licence',
    given: () => caseIn('window-open'),
    event: { type: 'reassign', actor: BOB, override: false },
    expect: {
      state: 'reassigning',
      effects: ['cancel-timers:window-open,window-close', 'assign-licence:reassign', 'update-card'],
      check: (n, _b, effects) => {
        assert.deepEqual(n.target, { skuId: SKU.pro, disabledPlans: DISABLED_PLANS });
        assert.deepEqual(effectOf(effects, 'assign-licence'), {
          kind: 'assign-licence',
          skuId: SKU.pro,
          disabledPlans: DISABLED_PLANS,
          purpose: 'reassign',
        });
      },
    },
  },
  {
    name: 'window-open + reassign another SKU drops the disabled plans',
    given: () => caseIn('window-open'),
    event: { type: 'reassign', actor: BOB, override: false, skuId: SKU.basic },
    expect: {
      state: 'reassigning',
      effects: ['cancel-timers:window-open,window-close', 'assign-licence:reassign', 'update-card'],
      check: (n) => assert.deepEqual(n.target, { skuId: SKU.basic, disabledPlans: [] }),
    },
  },
  {
    name: 'window-open + reassign the snapshot SKU by id keeps the disabled plans',
    given: () => caseIn('window-open'),
    event: { type: 'reassign', actor: BOB, override: false, skuId: SKU.pro.toUpperCase() },
    expect: {
      state: 'reassigning',
      effects: ['cancel-timers:window-open,window-close', 'assign-licence:reassign', 'update-card'],
      check: (n) => assert.deepEqual(n.target?.disabledPlans, DISABLED_PLANS),
    },
  },
  {
    name: 'reassigning + reassign (double click)',
    given: () => caseIn('reassigning'),
    event: { type: 'reassign', actor: BOB, override: true },
    expect: { refused: 'wrong-state' },
  },
  {
    name: 'verifying + reassign',
    given: () => caseIn('verifying'),
    event: { type: 'reassign', actor: BOB, override: true },
    expect: { refused: 'wrong-state' },
  },
  {
    name: 'awaiting-confirmation + reassign',
    given: () => caseIn('awaiting-confirmation'),
    event: { type: 'reassign', actor: BOB, override: true },
    expect: { refused: 'wrong-state' },
  },
  // reassigned / reassign-failed
  {
    name: 'reassigning + reassigned',
    given: () => caseIn('reassigning'),
    event: { type: 'reassigned', at: '2025-03-10T16:07:00.000Z', requestId: 'req-as' },
    expect: {
      state: 'verifying',
      effects: [
        'restart-device',
        'schedule:verify-poll',
        'schedule:verify-timeout',
        'update-card',
        'notify:thread:reassigned',
      ],
      check: (n, _b, effects, now) => {
        assert.equal(n.reassignedAt, '2025-03-10T16:07:00.000Z');
        assert.equal(n.verifyDeadline, at(30 * MINUTE, now).toISOString());
        assert.equal(effectOf(effects, 'schedule', 'verify-poll').dueAt, at(2 * MINUTE, now).toISOString());
        assert.equal(effectOf(effects, 'schedule', 'verify-timeout').dueAt, n.verifyDeadline);
      },
    },
  },
  {
    name: 'reassigning after a no-seat + reassigned clears the outcome',
    given: () =>
      play(caseIn('reassigning'), [
        { type: 'reassign-failed', reason: 'no-seat', requestId: 'req-ns' },
        { type: 'reassign', actor: BOB, override: false },
      ]),
    event: { type: 'reassigned', at: '2025-03-10T17:00:00.000Z', requestId: 'req-as2' },
    expect: {
      state: 'verifying',
      effects: [
        'restart-device',
        'schedule:verify-poll',
        'schedule:verify-timeout',
        'update-card',
        'notify:thread:reassigned',
      ],
      check: (n) => assert.equal(n.outcome, undefined),
    },
  },
  {
    name: 'window-open + reassigned',
    given: () => caseIn('window-open'),
    event: { type: 'reassigned', at: '2025-03-10T17:00:00.000Z' },
    expect: 'unchanged',
  },
  {
    name: 'reassigning + reassign-failed no-seat',
    given: () => caseIn('reassigning'),
    event: { type: 'reassign-failed', reason: 'no-seat', requestId: 'req-ns' },
    expect: {
      state: 'window-open',
      effects: ['schedule:window-close', 'update-card', 'notify:thread:no-seat'],
      check: (n, _b, effects) => {
        assert.equal(n.outcome, 'no-seat');
        assert.equal(effectOf(effects, 'schedule', 'window-close').dueAt, n.windowClosesAt);
      },
    },
  },
  {
    name: 'reassigning + reassign-failed error',
    given: () => caseIn('reassigning'),
    event: { type: 'reassign-failed', reason: 'error', detail: 'InvalidDisabledPlans', requestId: 'req-er' },
    expect: {
      state: 'window-open',
      effects: ['schedule:window-close', 'update-card', 'notify:thread:action-failed'],
      check: (n) => {
        assert.equal(n.outcome, 'reassign-failed');
        assert.equal(n.outcomeDetail, 'InvalidDisabledPlans');
      },
    },
  },
  {
    name: 'reassigning past the window + reassign-failed: a reminder instead of a past timer',
    given: reassigningAfterWindow,
    event: { type: 'reassign-failed', reason: 'no-seat' },
    expect: {
      state: 'window-open',
      effects: ['schedule:window-close', 'update-card', 'notify:thread:no-seat'],
      check: (_n, _b, effects, now) =>
        assert.equal(effectOf(effects, 'schedule', 'window-close').dueAt, at(16 * HOUR, now).toISOString()),
    },
  },
  {
    name: 'window-open + reassign-failed',
    given: () => caseIn('window-open'),
    event: { type: 'reassign-failed', reason: 'no-seat' },
    expect: 'unchanged',
  },
  // restart
  {
    name: 'verifying + restart-started',
    given: () => caseIn('verifying'),
    event: { type: 'restart-started', requestId: 'req-rs', operationUrl: 'https://graph/op/1' },
    expect: { state: 'verifying', effects: ['update-card'] },
  },
  {
    name: 'verifying after restart-failed + restart-started clears the failure',
    given: restartFailed,
    event: { type: 'restart-started', requestId: 'req-rs2' },
    expect: {
      state: 'verifying',
      effects: ['update-card'],
      check: (n) => assert.equal(n.outcome, undefined),
    },
  },
  {
    name: 'verifying + restart-failed',
    given: () => caseIn('verifying'),
    event: { type: 'restart-failed', reason: 'DeviceOffline', requestId: 'req-rf' },
    expect: {
      state: 'verifying',
      effects: ['update-card', 'notify:thread:restart-manual'],
      check: (n) => assert.equal(n.outcome, 'restart-failed'),
    },
  },
  {
    name: 'verifying + restart-failed again (duplicate)',
    given: restartFailed,
    event: { type: 'restart-failed', reason: 'DeviceOffline' },
    expect: 'unchanged',
  },
  {
    name: 'waiting + restart-started',
    given: () => caseIn('waiting'),
    event: { type: 'restart-started' },
    expect: 'unchanged',
  },
  // verification
  {
    name: 'verifying + verify-result ok',
    given: () => caseIn('verifying'),
    event: { type: 'verify-result', signedIn: true, provisioned: true },
    expect: {
      state: 'resolved',
      effects: ['cancel-timers:verify-poll,verify-timeout', 'update-card', 'notify:both:resolved'],
      check: (n) => assert.equal(n.outcome, 'resolved'),
    },
  },
  {
    name: 'verifying (not verified) + verify-result ok',
    given: notVerified,
    event: { type: 'verify-result', signedIn: true, provisioned: true },
    expect: {
      state: 'resolved',
      effects: ['cancel-timers:verify-poll,verify-timeout', 'update-card', 'notify:both:resolved'],
    },
  },
  {
    name: 'verifying + verify-result not provisioned: poll again',
    given: () => caseIn('verifying'),
    event: { type: 'verify-result', signedIn: true, provisioned: false },
    expect: {
      state: 'verifying',
      effects: ['cancel-timers:verify-poll', 'schedule:verify-poll', 'update-card'],
      history: false,
      check: (_n, _b, effects, now) =>
        assert.equal(effectOf(effects, 'schedule', 'verify-poll').dueAt, at(2 * MINUTE, now).toISOString()),
    },
  },
  {
    name: 'verifying + verify-result not signed in, next poll past the deadline',
    given: () => caseIn('verifying'),
    event: { type: 'verify-result', signedIn: false, provisioned: true },
    now: (c) => at(-MINUTE, new Date(c.verifyDeadline ?? '')),
    expect: 'unchanged',
  },
  {
    name: 'resolved + verify-result',
    given: () => caseIn('resolved'),
    event: { type: 'verify-result', signedIn: false, provisioned: false },
    expect: 'unchanged',
  },
  {
    name: 'verifying + verify-timeout',
    given: () => caseIn('verifying'),
    event: { type: 'verify-timeout' },
    expect: {
      state: 'verifying',
      effects: ['cancel-timers:verify-poll', 'update-card', 'notify:both:not-verified'],
      check: (n) => assert.equal(n.outcome, 'not-verified'),
    },
  },
  {
    name: 'verifying (not verified) + verify-timeout (duplicate)',
    given: notVerified,
    event: { type: 'verify-timeout' },
    expect: 'unchanged',
  },
  {
    name: 'resolved + verify-timeout (raced the result)',
    given: () => caseIn('resolved'),
    event: { type: 'verify-timeout' },
    expect: 'unchanged',
  },
  // extend
  {
    name: 'waiting + extend',
    given: () => caseIn('waiting'),
    event: { type: 'extend', actor: BOB, byMs: 4 * HOUR },
    expect: {
      state: 'waiting',
      effects: ['cancel-timers:window-close', 'schedule:window-close', 'update-card'],
      check: (n, b, effects) => {
        assert.equal(n.windowClosesAt, at(4 * HOUR, new Date(b.windowClosesAt ?? '')).toISOString());
        assert.equal(effectOf(effects, 'schedule', 'window-close').dueAt, n.windowClosesAt);
        assert.equal(n.windowOpensAt, b.windowOpensAt);
      },
    },
  },
  {
    name: 'window-open + extend',
    given: () => caseIn('window-open'),
    event: { type: 'extend', actor: BOB, byMs: 8 * HOUR },
    expect: {
      state: 'window-open',
      effects: ['cancel-timers:window-close', 'schedule:window-close', 'update-card'],
      check: (n, b) =>
        assert.equal(n.windowClosesAt, at(8 * HOUR, new Date(b.windowClosesAt ?? '')).toISOString()),
    },
  },
  {
    name: 'overdue window + extend counts from now',
    given: overdue,
    event: { type: 'extend', actor: BOB, byMs: 4 * HOUR },
    now: (c) => at(2 * HOUR, new Date(c.windowClosesAt ?? '')),
    expect: {
      state: 'window-open',
      effects: ['cancel-timers:window-close', 'schedule:window-close', 'update-card'],
      check: (n, _b, _e, now) => assert.equal(n.windowClosesAt, at(4 * HOUR, now).toISOString()),
    },
  },
  {
    name: 'verifying + extend',
    given: () => caseIn('verifying'),
    event: { type: 'extend', actor: BOB, byMs: HOUR },
    expect: { refused: 'wrong-state' },
  },
  {
    name: 'reassigning + extend',
    given: () => caseIn('reassigning'),
    event: { type: 'extend', actor: BOB, byMs: HOUR },
    expect: { refused: 'wrong-state' },
  },
  // cancel
  ...(['diagnosed', 'awaiting-confirmation', 'verifying'] as CaseState[]).map((state): Row => ({
    name: `${state} + cancel (licence on: no restore)`,
    given: () => caseIn(state),
    event: { type: 'cancel', actor: BOB },
    expect: {
      state: 'cancelled',
      effects: [ALL_TIMERS, 'update-card', 'notify:both:cancelled'],
      check: (n) => assert.equal(n.outcome, 'cancelled'),
    },
  })),
  ...LC_OFF_STATES.map((state): Row => ({
    name: `${state} + cancel restores the licence`,
    given: () => caseIn(state),
    event: { type: 'cancel', actor: BOB },
    expect: {
      state: 'cancelled',
      effects: [ALL_TIMERS, 'assign-licence:restore', 'update-card', 'notify:both:cancelled'],
      check: (_n, _b, effects) =>
        assert.deepEqual(effectOf(effects, 'assign-licence'), {
          kind: 'assign-licence',
          skuId: SKU.pro,
          disabledPlans: DISABLED_PLANS,
          purpose: 'restore',
        }),
    },
  })),
  {
    name: 'pending approval + cancel clears the approval',
    given: () => pendingApproval(),
    event: { type: 'cancel', actor: BOB },
    settings: APPROVAL,
    expect: {
      state: 'cancelled',
      effects: [ALL_TIMERS, 'update-card', 'notify:both:cancelled'],
      check: (n) => assert.equal(n.approval, undefined),
    },
  },
  ...(['awaiting-confirmation', 'removing', 'verifying'] as CaseState[]).map((state): Row => ({
    name: `${state} + cancel (remove-user-licence never restores)`,
    given: () => caseIn(state, 'remove-user-licence'),
    event: { type: 'cancel', actor: BOB },
    expect: { state: 'cancelled', effects: [ALL_TIMERS, 'update-card', 'notify:both:cancelled'] },
  })),
  // escalate
  ...(['diagnosed', 'awaiting-confirmation'] as CaseState[]).map((state): Row => ({
    name: `${state} + escalate (nothing tried yet)`,
    given: () => caseIn(state),
    event: { type: 'escalate', actor: BOB },
    expect: { refused: 'wrong-state' },
  })),
  ...LC_OFF_STATES.map((state): Row => ({
    name: `${state} + escalate restores the licence`,
    given: () => caseIn(state),
    event: { type: 'escalate', actor: BOB },
    expect: {
      state: 'escalated',
      effects: [
        ALL_TIMERS,
        'assign-licence:restore',
        'post-escalation-pack',
        'update-card',
        'notify:both:escalated',
      ],
      check: (n) => assert.equal(n.outcome, 'escalated'),
    },
  })),
  {
    name: 'verifying + escalate',
    given: () => caseIn('verifying'),
    event: { type: 'escalate', actor: BOB },
    expect: {
      state: 'escalated',
      effects: [ALL_TIMERS, 'post-escalation-pack', 'update-card', 'notify:both:escalated'],
    },
  },
  ...(['removing', 'verifying'] as CaseState[]).map((state): Row => ({
    name: `${state} + escalate (remove-user-licence)`,
    given: () => caseIn(state, 'remove-user-licence'),
    event: { type: 'escalate', actor: BOB },
    expect: {
      state: 'escalated',
      effects: [ALL_TIMERS, 'post-escalation-pack', 'update-card', 'notify:both:escalated'],
    },
  })),
  // restored
  ...(['cancelled', 'escalated'] as CaseState[]).map((state): Row => ({
    name: `${state} + restored (history only)`,
    given: () => caseIn(state),
    event: { type: 'restored', at: '2025-03-10T09:01:30.000Z', requestId: 'req-rs' },
    expect: { state, effects: [], check: (n) => assert.equal(n.history.at(-1)?.action, 'restored') },
  })),
  {
    name: 'cancelled + restored twice without request id',
    given: () => play(caseIn('cancelled'), [{ type: 'restored', at: '2025-03-10T09:01:30.000Z' }]),
    event: { type: 'restored', at: '2025-03-10T09:01:30.000Z' },
    expect: 'unchanged',
  },
  {
    name: 'cancelled + restored with a seen request id',
    given: () =>
      play(caseIn('cancelled'), [{ type: 'restored', at: '2025-03-10T09:01:30.000Z', requestId: 'req-rs' }]),
    event: { type: 'restored', at: '2025-03-10T09:02:00.000Z', requestId: 'req-rs' },
    expect: 'unchanged',
  },
  {
    name: 'window-open + restored',
    given: () => caseIn('window-open'),
    event: { type: 'restored', at: '2025-03-10T09:01:30.000Z' },
    expect: 'unchanged',
  },
  {
    name: 'resolved + restored',
    given: () => caseIn('resolved'),
    event: { type: 'restored', at: '2025-03-10T09:01:30.000Z' },
    expect: 'unchanged',
  },
  // reporters
  {
    name: 'waiting + reporter-joined (new reporter)',
    given: () => caseIn('waiting'),
    event: { type: 'reporter-joined', reporter: { userId: 'aad-eve', name: 'Eve', locale: 'en' } },
    expect: {
      state: 'waiting',
      effects: ['update-card'],
      check: (n, b) => {
        assert.equal(n.reporters.length, b.reporters.length + 1);
        assert.equal(n.reporters.at(-1)?.userId, 'aad-eve');
      },
    },
  },
  {
    name: 'waiting + reporter-joined (already a reporter)',
    given: () => caseIn('waiting'),
    event: { type: 'reporter-joined', reporter: { userId: 'aad-dana', locale: 'fr' } },
    expect: 'unchanged',
  },
  // closed cases refuse every decision
  ...CLOSED_STATES.flatMap((state) =>
    PERSON_EVENTS.map((event): Row => ({
      name: `${state} + ${event.type}`,
      given: () => caseIn(state),
      event,
      expect: { refused: 'closed' },
    })),
  ),
];

function applyRow(row: Row): {
  before: RepairCase;
  snapshot: RepairCase;
  now: Date;
  run: () => TransitionResult;
} {
  const before = row.given();
  const now = row.now ? row.now(before) : at(MINUTE, new Date(before.updatedAt));
  return {
    before,
    snapshot: structuredClone(before),
    now,
    run: () => transition(before, row.event, now, row.settings ?? settings()),
  };
}

describe('transition table', () => {
  for (const row of ROWS) {
    const label =
      typeof row.expect === 'string'
        ? row.expect
        : 'refused' in row.expect
          ? `refused ${row.expect.refused}`
          : row.expect.state;
    it(`${row.name} -> ${label}`, () => {
      const { before, snapshot, now, run } = applyRow(row);
      const expect = row.expect;

      if (expect === 'unchanged') {
        const result = run();
        assert.equal(result.case, before, 'same object');
        assert.deepEqual(result.effects, []);
      } else if ('refused' in expect) {
        assert.throws(
          run,
          (err: unknown) => err instanceof TransitionRefused && err.reason === expect.refused,
        );
      } else {
        const result = run();
        const next = result.case;
        assert.notEqual(next, before);
        assert.equal(next.state, expect.state);
        assert.deepEqual(kinds(result.effects), expect.effects);
        assert.equal(next.version, before.version + 1);
        assert.equal(next.updatedAt, now.toISOString());
        if (expect.history === false) {
          assert.deepEqual(next.history, before.history);
        } else {
          assert.equal(next.history.length, before.history.length + 1);
          const entry = next.history.at(-1);
          assert.equal(entry?.at, now.toISOString());
          if ('requestId' in row.event && row.event.requestId)
            assert.equal(entry?.requestId, row.event.requestId);
          if ('actor' in row.event) assert.equal(entry?.actor, row.event.actor.name ?? row.event.actor.id);
          else if (row.event.type !== 'reporter-joined') assert.equal(entry?.actor, 'bot');
        }
        expect.check?.(next, before, result.effects, now);
      }
      assert.deepEqual(before, snapshot, 'the input case is not modified');
    });
  }

  it('has a row for every state × event pair the workflow names', () => {
    assert.ok(ROWS.length >= 100, `${ROWS.length} rows`);
  });
});

describe('transition details', () => {
  it('computes the window from the removal time, not from when the report arrived', () => {
    const c = caseIn('removing');
    const late = at(3 * HOUR);
    const { case: waiting, effects } = transition(
      c,
      { type: 'removed', at: '2025-03-10T08:02:30.000Z', requestId: 'r' },
      late,
      settings(),
    );
    assert.equal(waiting.windowOpensAt, '2025-03-10T16:02:30.000Z');
    assert.equal(waiting.windowClosesAt, '2025-03-11T08:02:30.000Z');
    assert.equal(effectOf(effects, 'schedule', 'window-open').dueAt, waiting.windowOpensAt);
    assert.equal(effectOf(effects, 'schedule', 'window-close').dueAt, waiting.windowClosesAt);
  });

  it('computes the window with compressed demo timings (PT2M / PT6M)', () => {
    const s = compressedSettings();
    const c = caseIn('removing', 'licence-cycle', s);
    const { case: waiting } = transition(
      c,
      { type: 'removed', at: '2025-03-10T08:02:00.000Z' },
      at(2 * MINUTE),
      s,
    );
    assert.equal(waiting.windowOpensAt, '2025-03-10T08:04:00.000Z');
    assert.equal(waiting.windowClosesAt, '2025-03-10T08:08:00.000Z');
  });

  it('falls back to the arrival time when Graph reports an unreadable removal time', () => {
    const now = at(3 * MINUTE);
    const { case: waiting } = transition(
      caseIn('removing'),
      { type: 'removed', at: 'yesterday' },
      now,
      settings(),
    );
    assert.equal(waiting.removedAt, now.toISOString());
  });

  it('refuses an extension that is not a positive duration', () => {
    for (const byMs of [0, -HOUR, Number.NaN]) {
      assert.throws(
        () => transition(caseIn('waiting'), { type: 'extend', actor: BOB, byMs }, at(HOUR), settings()),
        RangeError,
      );
    }
  });

  it('returns new objects that share nothing with the input', () => {
    const c = caseIn('window-open');
    const { case: next } = transition(
      c,
      { type: 'reassign', actor: BOB, override: false },
      at(9 * HOUR),
      settings(),
    );
    assert.notEqual(next.history, c.history);
    assert.notEqual(next.snapshot, c.snapshot);
    assert.notEqual(next.reporters, c.reporters);
    next.snapshot?.disabledPlans.push('mutated');
    next.history.push({ at: 'x', actor: 'x', action: 'x', result: 'info' });
    assert.deepEqual(c.snapshot?.disabledPlans, DISABLED_PLANS);
  });

  it('does not read the clock: the same input gives the same output', () => {
    const c = caseIn('removing');
    const event: CaseEvent = { type: 'removed', at: '2025-03-10T08:03:00.000Z', requestId: 'r' };
    const a = transition(c, event, at(5 * MINUTE), settings());
    const b = transition(c, event, at(5 * MINUTE), settings());
    assert.deepEqual(a, b);
  });

  it('records the actor id when the actor has no name', () => {
    const { case: next } = transition(
      caseIn('waiting'),
      { type: 'cancel', actor: CAROL },
      at(HOUR),
      settings(),
    );
    assert.equal(next.history.at(-1)?.actor, CAROL.id);
  });

  it('refuses a reassignment when the case lost its snapshot', () => {
    const c = caseIn('window-open');
    delete c.snapshot;
    assert.throws(
      () => transition(c, { type: 'reassign', actor: BOB, override: false }, at(9 * HOUR), settings()),
      (err: unknown) => err instanceof TransitionRefused && err.reason === 'nothing-to-restore',
    );
  });
});

describe('transition sequences', () => {
  it('takes a licence-cycle case from confirmation to resolved', () => {
    const s = settings();
    const steps: [CaseEvent, Date, CaseState, string[]][] = [
      [{ type: 'confirm', actor: ALICE }, at(MINUTE), 'removing', ['remove-licences', 'update-card']],
      [
        { type: 'removed', at: '2025-03-10T08:01:20.000Z', requestId: 'req-1' },
        at(2 * MINUTE),
        'waiting',
        ['schedule:window-open', 'schedule:window-close', 'update-card', 'notify:both:removed'],
      ],
      [
        { type: 'window-opened' },
        new Date('2025-03-10T16:01:20.000Z'),
        'window-open',
        ['update-card', 'notify:both:window-open'],
      ],
      [
        { type: 'reassign', actor: BOB, override: false },
        new Date('2025-03-10T16:30:00.000Z'),
        'reassigning',
        ['cancel-timers:window-open,window-close', 'assign-licence:reassign', 'update-card'],
      ],
      [
        { type: 'reassigned', at: '2025-03-10T16:30:05.000Z', requestId: 'req-2' },
        new Date('2025-03-10T16:30:06.000Z'),
        'verifying',
        [
          'restart-device',
          'schedule:verify-poll',
          'schedule:verify-timeout',
          'update-card',
          'notify:thread:reassigned',
        ],
      ],
      [
        { type: 'restart-started', requestId: 'req-3' },
        new Date('2025-03-10T16:30:08.000Z'),
        'verifying',
        ['update-card'],
      ],
      [
        { type: 'verify-result', signedIn: true, provisioned: true },
        new Date('2025-03-10T16:32:06.000Z'),
        'resolved',
        ['cancel-timers:verify-poll,verify-timeout', 'update-card', 'notify:both:resolved'],
      ],
    ];
    let c = room4bCase();
    for (const [event, now, state, effects] of steps) {
      const result = transition(c, event, now, s);
      assert.equal(result.case.state, state, event.type);
      assert.deepEqual(kinds(result.effects), effects, event.type);
      assert.equal(result.case.version, c.version + 1);
      c = result.case;
    }
    assert.equal(c.version, 8);
    assert.equal(c.outcome, 'resolved');
    assert.equal(c.reassignedAt, '2025-03-10T16:30:05.000Z');
    assert.deepEqual(
      c.history.map((h) => [h.actor, h.action, h.requestId ?? '']),
      [
        ['Alice Martin', 'opened', ''],
        ['Alice Martin', 'confirm', ''],
        ['bot', 'removed', 'req-1'],
        ['bot', 'window-opened', ''],
        ['Bob Durand', 'reassign', ''],
        ['bot', 'reassigned', 'req-2'],
        ['bot', 'restart-started', 'req-3'],
        ['bot', 'verify-result', ''],
      ],
    );
  });

  it('takes a remove-user-licence case from confirmation to resolved without a wait', () => {
    const s = settings();
    let c = userLicenceCase();
    const steps: [CaseEvent, CaseState][] = [
      [{ type: 'confirm', actor: ALICE }, 'removing'],
      [{ type: 'removed', at: '2025-03-10T08:01:10.000Z', requestId: 'req-1' }, 'verifying'],
      [{ type: 'restart-started', requestId: 'req-2' }, 'verifying'],
      [{ type: 'verify-result', signedIn: false, provisioned: true }, 'verifying'],
      [{ type: 'verify-result', signedIn: true, provisioned: true }, 'resolved'],
    ];
    let now = T0;
    for (const [event, state] of steps) {
      now = at(MINUTE, now);
      const result = transition(c, event, now, s);
      assert.equal(result.case.state, state, event.type);
      assert.ok(!result.effects.some((e) => e.kind === 'assign-licence'), 'never assigns a licence');
      c = result.case;
    }
    assert.equal(c.windowOpensAt, undefined);
    assert.equal(c.outcome, 'resolved');
    assert.equal(c.version, 6);
  });

  it('needs two different people when approval is required', () => {
    const s = APPROVAL;
    const asked = transition(room4bCase(), { type: 'confirm', actor: ALICE }, at(MINUTE), s).case;
    assert.equal(asked.state, 'awaiting-confirmation');
    assert.equal(asked.approval?.requestedBy.id, ALICE.id);
    for (const event of [
      { type: 'confirm', actor: ALICE },
      { type: 'confirm', actor: BOB },
      { type: 'approve', actor: ALICE },
    ] as CaseEvent[]) {
      assert.throws(() => transition(asked, event, at(2 * MINUTE), s), TransitionRefused);
    }
    const approved = transition(asked, { type: 'approve', actor: BOB }, at(2 * MINUTE), s);
    assert.equal(approved.case.state, 'removing');
    assert.deepEqual(
      approved.case.history.slice(-2).map((h) => [h.actor, h.action]),
      [
        ['Alice Martin', 'approval-requested'],
        ['Bob Durand', 'approve'],
      ],
    );
    // A retry after a failed removal is a new decision: it needs a new approval.
    const failed = transition(approved.case, { type: 'remove-failed', reason: 'x' }, at(3 * MINUTE), s).case;
    const again = transition(failed, { type: 'confirm', actor: BOB }, at(4 * MINUTE), s);
    assert.equal(again.case.state, 'awaiting-confirmation');
    assert.deepEqual(kinds(again.effects), ['update-card', 'notify:thread:approval-needed']);
  });

  it('does not require approval when the setting is off', () => {
    const { case: next } = transition(
      room4bCase(),
      { type: 'confirm', actor: ALICE },
      at(MINUTE),
      settings(),
    );
    assert.equal(next.state, 'removing');
    assert.equal(next.approval, undefined);
  });

  it('keeps polling until the deadline, then lets the timeout speak', () => {
    const s = compressedSettings();
    let c = caseIn('verifying', 'remove-user-licence', s);
    const deadline = Date.parse(c.verifyDeadline ?? '');
    let now = new Date(c.updatedAt);
    let polls = 0;
    for (;;) {
      now = at(s.verifyPollMs, now);
      const result = transition(c, { type: 'verify-result', signedIn: false, provisioned: false }, now, s);
      if (result.case === c) break;
      polls++;
      const next = effectOf(result.effects, 'schedule', 'verify-poll');
      assert.ok(Date.parse(next.dueAt) < deadline);
      c = result.case;
    }
    assert.equal(polls, s.verifyTimeoutMs / s.verifyPollMs - 2);
    assert.equal(c.history.at(-1)?.action, 'removed', 'polls leave no history');
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

interface PendingTimer {
  timer: TimerKind;
  dueAt: number;
  seq: number;
}

const TIMER_EVENT: Record<TimerKind, CaseEvent | undefined> = {
  'window-open': { type: 'window-opened' },
  'window-close': { type: 'window-closed' },
  'verify-timeout': { type: 'verify-timeout' },
  // A poll runs the sign-in check; its event is built from the simulated world.
  'verify-poll': undefined,
  // Phone timers never come up for room cases.
  'operation-poll': undefined,
  'operation-timeout': undefined,
  reminder: undefined,
};

/**
 * A room, Graph and the job queue, simulated: effects run later and report back, timers fire in due order,
 * and old events are delivered again (duplicates, timers that fired while being cancelled).
 */
class World {
  c: RepairCase;
  clock: number;
  timers: PendingTimer[] = [];
  effects: CaseEffect[] = [];
  replayable: CaseEvent[] = [];
  roomLicenceOn = true;
  private seq = 0;
  private requests = 0;

  constructor(
    private readonly rand: () => number,
    readonly s: CaseSettings,
    kind: CaseKind,
  ) {
    this.c =
      kind === 'licence-cycle'
        ? room4bCase({ state: rand() < 0.3 ? 'diagnosed' : undefined })
        : userLicenceCase();
    this.clock = T0.getTime();
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.rand() * items.length)];
    if (item === undefined) throw new Error('empty pick');
    return item;
  }

  step(): void {
    const r = this.rand();
    if (r < 0.3) this.personDecision();
    else if (r < 0.6 && this.effects.length > 0) this.runEffect();
    else if (r < 0.9 && this.timers.length > 0) this.fireTimer();
    else if (this.replayable.length > 0) this.deliver(this.pick(this.replayable), false);
  }

  personDecision(): void {
    this.clock += Math.floor(this.rand() * 3 * HOUR);
    const actor = this.pick([ALICE, BOB, CAROL]);
    const event = this.pick<CaseEvent>([
      { type: 'start', actor },
      { type: 'confirm', actor },
      { type: 'approve', actor },
      {
        type: 'reassign',
        actor,
        override: this.rand() < 0.5,
        ...(this.rand() < 0.3 ? { skuId: SKU.basic } : {}),
      },
      { type: 'extend', actor, byMs: (1 + Math.floor(this.rand() * 8)) * HOUR },
      { type: 'cancel', actor },
      { type: 'escalate', actor },
      { type: 'reporter-joined', reporter: { userId: this.pick(['u1', 'u2', 'aad-dana']), locale: 'en' } },
    ]);
    const before = structuredClone(this.c);
    try {
      this.apply(transition(this.c, event, new Date(this.clock), this.s));
    } catch (err) {
      assert.ok(err instanceof TransitionRefused, `unexpected ${String(err)}`);
      if (!isOpen(before.state)) assert.equal(err.reason, 'closed');
      assert.deepEqual(this.c, before);
    }
  }

  runEffect(force = false): void {
    const index = Math.floor(this.rand() * this.effects.length);
    const effect = this.effects[index];
    if (!effect) return;
    this.effects.splice(index, 1);
    const ok = force || this.rand() < 0.75;
    const requestId = `req-${++this.requests}`;
    this.clock += Math.floor(this.rand() * 5 * MINUTE);
    const at = new Date(this.clock).toISOString();
    switch (effect.kind) {
      case 'remove-licences':
        if (ok && this.c.kind === 'licence-cycle') this.roomLicenceOn = false;
        this.deliver(
          ok ? { type: 'removed', at, requestId } : { type: 'remove-failed', reason: 'Throttled', requestId },
        );
        break;
      case 'assign-licence':
        if (effect.purpose === 'restore') {
          // A restore that fails is retried by the job queue until it goes through.
          if (!ok) return void this.effects.push(effect);
          this.roomLicenceOn = true;
          this.deliver({ type: 'restored', at, requestId });
        } else if (ok) {
          this.roomLicenceOn = true;
          this.deliver({ type: 'reassigned', at, requestId });
        } else {
          this.deliver({
            type: 'reassign-failed',
            reason: this.rand() < 0.5 ? 'no-seat' : 'error',
            requestId,
          });
        }
        break;
      case 'restart-device':
        this.deliver(
          ok
            ? { type: 'restart-started', requestId }
            : { type: 'restart-failed', reason: 'Offline', requestId },
        );
        break;
      default:
        assert.fail(`${effect.kind} is not an I/O effect`);
    }
  }

  fireTimer(): void {
    const next = [...this.timers].sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq)[0];
    if (!next) return;
    this.timers = this.timers.filter((t) => t !== next);
    this.clock = Math.max(this.clock, next.dueAt);
    const event = TIMER_EVENT[next.timer] ?? {
      type: 'verify-result',
      signedIn: this.rand() < 0.6,
      provisioned: this.roomLicenceOn && this.rand() < 0.7,
    };
    this.deliver(event);
  }

  deliver(event: CaseEvent, remember = true): void {
    if (remember) this.replayable.push(event);
    this.apply(transition(this.c, event, new Date(this.clock), this.s));
  }

  apply(result: TransitionResult): void {
    const before = this.c;
    if (result.case === before) {
      assert.deepEqual(result.effects, [], 'an unchanged case has no effects');
      return;
    }
    assert.equal(result.case.version, before.version + 1);
    if (!isOpen(before.state)) assert.equal(result.case.state, before.state, 'a closed case stays closed');
    if (isOpen(result.case.state))
      assert.ok(
        result.effects.some((e) => e.kind === 'update-card'),
        'card follows version',
      );
    for (const effect of result.effects) {
      if (effect.kind === 'cancel-timers') {
        const cancelled = this.timers.filter((t) => effect.timers.includes(t.timer));
        this.timers = this.timers.filter((t) => !effect.timers.includes(t.timer));
        // A timer can fire while it is being cancelled: keep its event to deliver late.
        for (const t of cancelled) {
          const late = TIMER_EVENT[t.timer];
          if (late) this.replayable.push(late);
        }
      } else if (effect.kind === 'schedule') {
        this.timers.push({ timer: effect.timer, dueAt: Date.parse(effect.dueAt), seq: ++this.seq });
      } else if (['remove-licences', 'assign-licence', 'restart-device'].includes(effect.kind)) {
        this.effects.push(effect);
      }
    }
    this.c = result.case;
  }

  checkInvariant(context: string): void {
    const { c } = this;
    const pendingTimer = (kind: TimerKind): boolean => this.timers.some((t) => t.timer === kind);
    const pendingEffect = (kind: CaseEffect['kind']): boolean => this.effects.some((e) => e.kind === kind);
    if (licenceMayBeOff(c.state)) {
      assert.ok(isOpen(c.state));
      const wayBack: Record<string, boolean> = {
        removing: pendingEffect('remove-licences'),
        waiting: pendingTimer('window-open'),
        'window-open': pendingTimer('window-close'),
        reassigning: pendingEffect('assign-licence'),
      };
      assert.ok(wayBack[c.state], `${context}: ${c.state} with nothing pending`);
    }
    if (!this.roomLicenceOn) {
      const tracked = isOpen(c.state) && licenceMayBeOff(c.state);
      assert.ok(
        tracked || pendingEffect('assign-licence'),
        `${context}: licence off in ${c.state}, no way back`,
      );
    }
  }
}

describe('transition properties (500 random event sequences)', () => {
  it('never leaves a room without its licence and a way back, and closed cases stay closed', () => {
    const rand = prng(20250310);
    const closedSeen = new Set<CaseState>();
    for (let run = 0; run < 500; run++) {
      const kind: CaseKind = rand() < 0.75 ? 'licence-cycle' : 'remove-user-licence';
      const s =
        rand() < 0.5
          ? settings({ requireApproval: rand() < 0.3 })
          : compressedSettings({ requireApproval: rand() < 0.3 });
      const world = new World(rand, s, kind);
      const length = 10 + Math.floor(rand() * 50);
      for (let i = 0; i < length; i++) {
        world.step();
        world.checkInvariant(`run ${run} step ${i}`);
      }
      // Let every effect in flight finish (timers may keep a reminder going forever).
      for (let i = 0; i < 200 && world.effects.length > 0; i++) {
        world.runEffect(i > 100);
        world.checkInvariant(`run ${run} drain ${i}`);
      }
      assert.equal(world.effects.length, 0);
      if (!isOpen(world.c.state)) {
        closedSeen.add(world.c.state);
        if (kind === 'licence-cycle')
          assert.ok(world.roomLicenceOn, `run ${run}: ${world.c.state} without licence`);
      }
      if (!world.roomLicenceOn)
        assert.ok(licenceMayBeOff(world.c.state), `run ${run}: licence off in ${world.c.state}`);
    }
    assert.deepEqual([...closedSeen].sort(), [...CLOSED_STATES].sort(), 'the runs reach every closed state');
  });
});
