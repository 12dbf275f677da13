import {
  isOpen,
  TransitionRefused,
  type CaseActor,
  type CaseEffect,
  type CaseEvent,
  type CaseSettings,
  type CaseState,
  type LicenceSnapshot,
  type RepairCase,
  type TimerKind,
  type TransitionResult,
} from './model';
import { formatDuration } from '../util/duration';
import { decidePhone } from './phone-transition';
import { decideReport } from './report-transition';
import {
  actorName,
  addMs,
  alreadyRecorded,
  apply,
  bot,
  refuseIfClosed,
  wrongState,
  type Change,
  type OptionalField,
  type PersonEvent,
  joinReporter,
} from './transition-support';

const ALL_TIMERS: TimerKind[] = ['window-open', 'window-close', 'verify-poll', 'verify-timeout'];

/** States in which the room may be without a licence because of the repair. */
const LICENCE_MAY_BE_OFF: readonly CaseState[] = ['removing', 'waiting', 'window-open', 'reassigning'];

/**
 * Floor of the overdue reminder: with compressed demo settings the window can be a few minutes long, and a
 * window of zero length must not turn the reminder into a tight loop.
 */
const MIN_REMINDER_MS = 60_000;

/** True while the repair may have left the room without a licence (removal sent, not yet reassigned). */
export function licenceMayBeOff(state: CaseState): boolean {
  return LICENCE_MAY_BE_OFF.includes(state);
}

/**
 * Decides what an event does to a case. Pure: the result depends only on the arguments, and the input case is
 * never modified.
 *
 * - An applied transition returns a new case with `version + 1`, `updatedAt = now` and (nearly always) a history
 *   entry, plus the effects to run once the new case is stored.
 * - A person's decision that the state does not allow throws {@link TransitionRefused}.
 * - An automatic event (timer, Graph result) that no longer applies (a race with a cancel, a duplicate delivery)
 *   returns the very same case object with no effects, so the caller skips the write.
 *
 * Every applied transition of a case that stays open asks for `update-card`: cards carry the version they were
 * rendered from, so a version bump without a re-render would make the buttons on the card stale.
 */
export function transition(
  c: RepairCase,
  event: CaseEvent,
  now: Date,
  settings: CaseSettings,
): TransitionResult {
  const change = decide(c, event, now, settings);
  return change ? apply(c, change, now) : { case: c, effects: [] };
}

function decide(c: RepairCase, event: CaseEvent, now: Date, settings: CaseSettings): Change | undefined {
  if ('actor' in event) refuseIfClosed(c, event);
  if ('requestId' in event && event.requestId && alreadyRecorded(c, event.requestId)) return undefined;
  if (event.type === 'thread-attached') {
    // Bookkeeping only: a closed case has nothing more to say in a thread.
    if (c.conversationId || !isOpen(c.state)) return undefined;
    return {
      set: {
        conversationId: event.conversationId,
        ...(event.activityId ? { cardActivityId: event.activityId } : {}),
      },
      effects: [],
    };
  }
  if (c.kind === 'phone-no-internet') return decidePhone(c, event, now, settings);
  if (c.kind === 'room-report') return decideReport(c, event);

  switch (event.type) {
    case 'start':
      if (c.state !== 'diagnosed') throw wrongState(c, event);
      return {
        state: 'awaiting-confirmation',
        entry: { actor: actorName(event.actor), action: 'start', result: 'ok' },
        effects: [{ kind: 'update-card' }],
      };

    case 'confirm':
      if (c.state !== 'awaiting-confirmation') throw wrongState(c, event);
      if (settings.requireApproval && c.approval) {
        throw new TransitionRefused(
          'approval-required',
          `Case ${c.number}: ${actorName(c.approval.requestedBy)} asked for this removal; another helpdesk member must approve it.`,
        );
      }
      if (settings.requireApproval) {
        return {
          set: { approval: { requestedBy: { ...event.actor }, requestedAt: now.toISOString() } },
          entry: { actor: actorName(event.actor), action: 'approval-requested', result: 'info' },
          effects: [
            { kind: 'update-card' },
            { kind: 'notify', audience: 'thread', notice: 'approval-needed' },
          ],
        };
      }
      return startRemoval(c, event.actor, 'confirm');

    case 'approve':
      if (c.state !== 'awaiting-confirmation' || !c.approval) {
        throw new TransitionRefused('wrong-state', `Case ${c.number} has no removal waiting for approval.`);
      }
      if (c.approval.requestedBy.id === event.actor.id) {
        throw new TransitionRefused(
          'same-approver',
          `Case ${c.number}: the person who asked for the removal cannot approve it too.`,
        );
      }
      return startRemoval(c, event.actor, 'approve', `requested by ${actorName(c.approval.requestedBy)}`);

    case 'removed':
      return removed(c, event, now, settings);

    case 'remove-failed':
      if (c.state !== 'removing') return undefined;
      return {
        state: 'awaiting-confirmation',
        set: { outcome: 'remove-failed', outcomeDetail: event.reason },
        entry: bot('remove-failed', 'failed', event.requestId, event.reason),
        effects: [{ kind: 'update-card' }, { kind: 'notify', audience: 'thread', notice: 'action-failed' }],
      };

    case 'window-opened': {
      if (c.state !== 'waiting') return undefined;
      const effects: CaseEffect[] = [];
      // With a zero-length window the close timer may already have fired (and been ignored) while waiting.
      const closesAt = c.windowClosesAt ?? now.toISOString();
      if (Date.parse(closesAt) <= now.getTime()) effects.push(...rearmWindowClose(closesAt));
      effects.push({ kind: 'update-card' }, { kind: 'notify', audience: 'both', notice: 'window-open' });
      return { state: 'window-open', entry: bot('window-opened', 'info'), effects };
    }

    case 'window-closed': {
      if (c.state !== 'window-open') return undefined;
      const closesAt = c.windowClosesAt;
      // A timer from before an extension, delivered late: keep only the timer of the current end.
      if (closesAt && Date.parse(closesAt) > now.getTime()) {
        return { effects: [...rearmWindowClose(closesAt), { kind: 'update-card' }] };
      }
      // The room is still without its licence: keep a reminder pending until someone reassigns.
      return {
        entry: bot('window-closed', 'info'),
        effects: [
          ...rearmWindowClose(addMs(now.toISOString(), reminderMs(settings))),
          { kind: 'update-card' },
          { kind: 'notify', audience: 'thread', notice: 'window-closed' },
        ],
      };
    }

    case 'reassign':
      return reassign(c, event);

    case 'reassigned':
      if (c.state !== 'reassigning') return undefined;
      return {
        ...startVerification(now, settings, 'reassigned'),
        set: {
          reassignedAt: eventTime(event.at, now),
          verifyDeadline: addMs(now.toISOString(), settings.verifyTimeoutMs),
        },
        clear: ['outcome', 'outcomeDetail'],
        entry: bot('reassigned', 'ok', event.requestId),
      };

    case 'reassign-failed': {
      if (c.state !== 'reassigning') return undefined;
      const closesAt = c.windowClosesAt;
      const dueAt =
        closesAt && Date.parse(closesAt) > now.getTime()
          ? closesAt
          : addMs(now.toISOString(), reminderMs(settings));
      const noSeat = event.reason === 'no-seat';
      const outcome = noSeat ? 'no-seat' : 'reassign-failed';
      return {
        state: 'window-open',
        set: event.detail === undefined ? { outcome } : { outcome, outcomeDetail: event.detail },
        clear: event.detail === undefined ? ['outcomeDetail'] : [],
        entry: bot('reassign-failed', 'failed', event.requestId, event.detail ?? event.reason),
        effects: [
          { kind: 'schedule', timer: 'window-close', dueAt },
          { kind: 'update-card' },
          { kind: 'notify', audience: 'thread', notice: noSeat ? 'no-seat' : 'action-failed' },
        ],
      };
    }

    case 'restart-started':
      if (c.state !== 'verifying') return undefined;
      return {
        // A retried restart that went through supersedes the earlier failure.
        clear: c.outcome === 'restart-failed' ? ['outcome', 'outcomeDetail'] : [],
        entry: bot('restart-started', 'ok', event.requestId),
        effects: [{ kind: 'update-card' }],
      };

    case 'restart-failed':
      if (c.state !== 'verifying' || c.outcome === 'restart-failed') return undefined;
      return {
        set: { outcome: 'restart-failed', outcomeDetail: event.reason },
        entry: bot('restart-failed', 'failed', event.requestId, event.reason),
        effects: [{ kind: 'update-card' }, { kind: 'notify', audience: 'thread', notice: 'restart-manual' }],
      };

    case 'verify-result':
      return verifyResult(c, event, now, settings);

    case 'verify-timeout':
      if (c.state !== 'verifying' || c.outcome === 'not-verified') return undefined;
      return {
        set: { outcome: 'not-verified' },
        clear: ['outcomeDetail'],
        entry: bot('verify-timeout', 'failed'),
        effects: [
          { kind: 'cancel-timers', timers: ['verify-poll'] },
          { kind: 'update-card' },
          { kind: 'notify', audience: 'both', notice: 'not-verified' },
        ],
      };

    case 'extend':
      return extend(c, event, now);

    case 'cancel':
      return close(c, event, 'cancelled');

    case 'escalate':
      if (c.state === 'diagnosed' || c.state === 'awaiting-confirmation') throw wrongState(c, event);
      return close(c, event, 'escalated');

    case 'restored': {
      if (c.state !== 'cancelled' && c.state !== 'escalated') return undefined;
      const at = eventTime(event.at, now);
      // Without a request id, the time Graph reported is the only way to tell a duplicate.
      if (!event.requestId && c.history.some((h) => h.action === 'restored' && h.detail === at))
        return undefined;
      return { entry: bot('restored', 'ok', event.requestId, at), effects: [] };
    }

    case 'reporter-joined':
      return joinReporter(c, event);

    case 'answer':
    case 'restart-checks':
    case 'device-action':
    case 'remind':
    case 'check-result':
      throw wrongState(c, event);

    case 'operation-started':
    case 'operation-conflict':
    case 'operation-status':
    case 'operation-timeout':
    case 'reminder-due':
      return undefined;
  }
}

function startRemoval(c: RepairCase, actor: CaseActor, action: string, detail?: string): Change {
  const skuIds = c.kind === 'licence-cycle' ? [requireSnapshot(c).skuId] : [...(c.removeSkuIds ?? [])];
  if (skuIds.length === 0) throw new Error(`Case ${c.number} has no licence to remove.`);
  return {
    state: 'removing',
    // The approval was for this attempt; a retry after a failure needs a new one.
    clear: ['approval', 'outcome', 'outcomeDetail'],
    entry: { actor: actorName(actor), action, result: 'ok', ...(detail ? { detail } : {}) },
    effects: [{ kind: 'remove-licences', skuIds }, { kind: 'update-card' }],
  };
}

function removed(
  c: RepairCase,
  event: Extract<CaseEvent, { type: 'removed' }>,
  now: Date,
  settings: CaseSettings,
): Change | undefined {
  const at = eventTime(event.at, now);
  const entry = bot('removed', 'ok', event.requestId);

  // The removal landed after the case was closed (cancel while removing): the room must get its licence back.
  if ((c.state === 'cancelled' || c.state === 'escalated') && c.kind === 'licence-cycle' && !c.removedAt) {
    return { set: { removedAt: at }, entry, effects: [restoreEffect(c)] };
  }
  // 'awaiting-confirmation' too: a late success of an attempt reported failed. The licence is off, so the case
  // must carry on rather than leave the room without it and without a timer.
  if (c.state !== 'removing' && c.state !== 'awaiting-confirmation') return undefined;
  const clear: OptionalField[] = ['approval', 'outcome', 'outcomeDetail'];

  if (c.kind === 'licence-cycle') {
    const windowOpensAt = addMs(at, settings.waitMinMs);
    const windowClosesAt = addMs(at, settings.waitMaxMs);
    return {
      state: 'waiting',
      set: { removedAt: at, windowOpensAt, windowClosesAt },
      clear,
      entry,
      effects: [
        { kind: 'schedule', timer: 'window-open', dueAt: windowOpensAt },
        { kind: 'schedule', timer: 'window-close', dueAt: windowClosesAt },
        { kind: 'update-card' },
        { kind: 'notify', audience: 'both', notice: 'removed' },
      ],
    };
  }
  return {
    ...startVerification(now, settings, 'removed'),
    set: { removedAt: at, verifyDeadline: addMs(now.toISOString(), settings.verifyTimeoutMs) },
    clear,
    entry,
  };
}

function startVerification(
  now: Date,
  settings: CaseSettings,
  notice: 'removed' | 'reassigned',
): Pick<Change, 'state' | 'effects'> {
  const iso = now.toISOString();
  return {
    state: 'verifying',
    effects: [
      { kind: 'restart-device' },
      { kind: 'schedule', timer: 'verify-poll', dueAt: addMs(iso, settings.verifyPollMs) },
      { kind: 'schedule', timer: 'verify-timeout', dueAt: addMs(iso, settings.verifyTimeoutMs) },
      { kind: 'update-card' },
      { kind: 'notify', audience: 'thread', notice },
    ],
  };
}

function reassign(c: RepairCase, event: Extract<CaseEvent, { type: 'reassign' }>): Change {
  if (c.state === 'waiting' && !event.override) {
    throw new TransitionRefused(
      'window-not-open',
      `Case ${c.number}: the licence can be reassigned from ${c.windowOpensAt ?? 'the end of the wait'}; reassigning earlier needs an explicit override.`,
    );
  }
  if (c.state !== 'waiting' && c.state !== 'window-open') throw wrongState(c, event);
  const snapshot = requireSnapshot(c);
  const skuId = event.skuId ?? snapshot.skuId;
  // Disabled plans are ids of the snapshot's SKU: they mean nothing on another SKU.
  const sameSku = skuId.toLowerCase() === snapshot.skuId.toLowerCase();
  const target = { skuId, disabledPlans: sameSku ? [...snapshot.disabledPlans] : [] };
  const early = c.state === 'waiting';
  return {
    state: 'reassigning',
    set: { target },
    clear: ['outcome', 'outcomeDetail'],
    entry: {
      actor: actorName(event.actor),
      action: 'reassign',
      result: 'ok',
      detail: early ? `${skuId} (before the window opened)` : skuId,
    },
    effects: [
      { kind: 'cancel-timers', timers: ['window-open', 'window-close'] },
      { kind: 'assign-licence', ...structuredClone(target), purpose: 'reassign' },
      { kind: 'update-card' },
    ],
  };
}

/**
 * A failed check does not go in the history (one line per poll would bury the steps that matter), but it still
 * bumps the version: the next poll is a job, and jobs are only stored with a new version of the case. The card is
 * re-rendered with it so that its buttons carry the current version.
 */
function verifyResult(
  c: RepairCase,
  event: Extract<CaseEvent, { type: 'verify-result' }>,
  now: Date,
  settings: CaseSettings,
): Change | undefined {
  if (c.state !== 'verifying') return undefined;
  if (event.signedIn && event.provisioned) {
    return {
      state: 'resolved',
      set: { outcome: 'resolved' },
      clear: ['outcomeDetail'],
      entry: bot('verify-result', 'ok', undefined, 'signed in, licence provisioned'),
      effects: [
        { kind: 'cancel-timers', timers: ['verify-poll', 'verify-timeout'] },
        { kind: 'update-card' },
        { kind: 'notify', audience: 'both', notice: 'resolved' },
      ],
    };
  }
  const next = addMs(now.toISOString(), settings.verifyPollMs);
  // Past the deadline the timeout timer takes over; polling on would only repeat the same answer.
  if (!c.verifyDeadline || Date.parse(next) >= Date.parse(c.verifyDeadline)) return undefined;
  return {
    effects: [
      // A duplicated result must not start a second chain of polls.
      { kind: 'cancel-timers', timers: ['verify-poll'] },
      { kind: 'schedule', timer: 'verify-poll', dueAt: next },
      { kind: 'update-card' },
    ],
  };
}

function extend(c: RepairCase, event: Extract<CaseEvent, { type: 'extend' }>, now: Date): Change {
  if (c.state !== 'waiting' && c.state !== 'window-open') throw wrongState(c, event);
  if (!Number.isFinite(event.byMs) || event.byMs <= 0) {
    throw new RangeError(`Case ${c.number}: an extension must be a positive duration, got ${event.byMs} ms.`);
  }
  const current = c.windowClosesAt ? Date.parse(c.windowClosesAt) : now.getTime();
  // Extending an overdue window counts from now, otherwise "4 more hours" could still lie in the past.
  const windowClosesAt = new Date(Math.max(current, now.getTime()) + event.byMs).toISOString();
  return {
    set: { windowClosesAt },
    entry: {
      actor: actorName(event.actor),
      action: 'extend',
      result: 'ok',
      detail: formatDuration(event.byMs),
    },
    effects: [...rearmWindowClose(windowClosesAt), { kind: 'update-card' }],
  };
}

function close(c: RepairCase, event: PersonEvent, state: 'cancelled' | 'escalated'): Change {
  const effects: CaseEffect[] = [{ kind: 'cancel-timers', timers: [...ALL_TIMERS] }];
  if (c.kind === 'licence-cycle' && licenceMayBeOff(c.state)) effects.push(restoreEffect(c));
  if (state === 'escalated') effects.push({ kind: 'post-escalation-pack' });
  effects.push({ kind: 'update-card' }, { kind: 'notify', audience: 'both', notice: state });
  return {
    state,
    set: { outcome: state },
    clear: ['approval', 'outcomeDetail'],
    entry: { actor: actorName(event.actor), action: event.type, result: 'ok', detail: `from ${c.state}` },
    effects,
  };
}

function restoreEffect(c: RepairCase): CaseEffect {
  const snapshot = requireSnapshot(c);
  return {
    kind: 'assign-licence',
    skuId: snapshot.skuId,
    disabledPlans: [...snapshot.disabledPlans],
    purpose: 'restore',
  };
}

/** Cancel first: the commit drops pending timers of that kind, so the new one is the only one left. */
function rearmWindowClose(dueAt: string): CaseEffect[] {
  return [
    { kind: 'cancel-timers', timers: ['window-close'] },
    { kind: 'schedule', timer: 'window-close', dueAt },
  ];
}

function requireSnapshot(c: RepairCase): LicenceSnapshot {
  if (!c.snapshot) {
    throw new TransitionRefused(
      'nothing-to-restore',
      `Case ${c.number} has no record of the room's licence.`,
    );
  }
  return c.snapshot;
}

function reminderMs(settings: CaseSettings): number {
  return Math.max(settings.waitMaxMs - settings.waitMinMs, MIN_REMINDER_MS);
}

/** Times reported by Graph are trusted when readable; a garbled one falls back to the moment the report came in. */
function eventTime(at: string, now: Date): string {
  const t = Date.parse(at);
  return Number.isFinite(t) ? new Date(t).toISOString() : now.toISOString();
}
