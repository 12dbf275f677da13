import {
  isOpen,
  TransitionRefused,
  type CaseEffect,
  type CaseEvent,
  type CaseSettings,
  type PhoneCaseData,
  type RepairCase,
  type TimerKind,
} from './model';
import {
  actorName,
  addMs,
  bot,
  joinReporter,
  wrongState,
  type Change,
  type PersonEvent,
} from './transition-support';

/** Defaults when the settings do not say: the emulator's operations take a minute, real ones a few. */
export const DEFAULT_OPERATION_POLL_MS = 15_000;
export const DEFAULT_OPERATION_TIMEOUT_MS = 20 * 60_000;

const PHONE_TIMERS: TimerKind[] = ['operation-poll', 'operation-timeout', 'reminder'];
const OPERATION_TIMERS: TimerKind[] = ['operation-poll', 'operation-timeout'];

/** The states in which a person may ask for a restart or a firmware update. */
const ACTION_STATES = ['diagnosed', 'troubleshooting', 'checking'] as const;

/**
 * Decides what an event does to a phone case (`phone-no-internet`). Same contract as the room transitions: a
 * person's decision the state does not allow throws; an automatic event that no longer applies gives `undefined`.
 */
export function decidePhone(
  c: RepairCase,
  event: CaseEvent,
  now: Date,
  settings: CaseSettings,
): Change | undefined {
  const phone = requirePhone(c);
  const iso = now.toISOString();
  switch (event.type) {
    case 'start':
      if (c.state !== 'diagnosed') throw wrongState(c, event);
      return {
        state: 'troubleshooting',
        entry: { actor: actorName(event.actor), action: 'start', result: 'ok' },
        effects: [{ kind: 'update-card' }],
      };

    case 'answer':
      return answer(c, phone, event, iso);

    case 'restart-checks':
      if (c.state !== 'troubleshooting' && c.state !== 'checking' && c.state !== 'diagnosed')
        throw wrongState(c, event);
      return {
        state: 'troubleshooting',
        set: { phone: withoutConclusion({ ...phone, answers: [] }) },
        entry: { actor: actorName(event.actor), action: 'restart-checks', result: 'ok' },
        effects: [{ kind: 'update-card' }],
      };

    case 'device-action': {
      if (!(ACTION_STATES as readonly string[]).includes(c.state)) throw wrongState(c, event);
      if (!phone.deviceId) {
        throw new TransitionRefused(
          'no-device',
          `Case ${c.number}: no Teams phone is registered for ${phone.userName}; the bot cannot reach it.`,
        );
      }
      if (event.action === 'update-firmware' && !phone.targetFirmware) {
        throw new TransitionRefused(
          'nothing-to-update',
          `Case ${c.number}: the phone's firmware is not below the baseline; there is nothing to update.`,
        );
      }
      const timeoutMs = settings.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
      const deadline = addMs(iso, timeoutMs);
      return {
        state: 'device-operation',
        set: {
          phone: {
            ...phone,
            operation: { action: event.action, startedAt: iso, status: 'requested', deadline },
          },
        },
        clear: ['outcome', 'outcomeDetail'],
        entry: {
          actor: actorName(event.actor),
          action: event.action,
          result: 'ok',
          // The pack for support must still say which firmware the phone ran once the update replaced it.
          ...(event.action === 'update-firmware'
            ? { detail: `${phone.firmware ?? 'unknown'} -> ${phone.targetFirmware ?? ''}` }
            : {}),
        },
        effects: [
          event.action === 'update-firmware'
            ? { kind: 'device-operation', action: event.action, firmware: phone.targetFirmware ?? '' }
            : { kind: 'device-operation', action: event.action },
          { kind: 'cancel-timers', timers: [...OPERATION_TIMERS] },
          { kind: 'schedule', timer: 'operation-timeout', dueAt: deadline },
          { kind: 'update-card' },
        ],
      };
    }

    case 'operation-started': {
      const op = phone.operation;
      if (c.state !== 'device-operation' || !op || op.status !== 'requested') return undefined;
      return {
        set: {
          phone: {
            ...phone,
            operation: {
              ...op,
              status: 'running',
              ...(event.operationUrl ? { operationUrl: event.operationUrl } : {}),
            },
          },
        },
        entry: bot('operation-started', 'ok', event.requestId, op.action),
        effects: [nextPoll(iso, settings), { kind: 'update-card' }],
      };
    }

    case 'operation-conflict': {
      const op = phone.operation;
      if (c.state !== 'device-operation' || !op) return undefined;
      return endOperation(c, phone, 'conflict', event.detail ?? 'conflict', event.requestId);
    }

    case 'operation-status': {
      const op = phone.operation;
      if (c.state !== 'device-operation' || !op) return undefined;
      if (event.status === 'running') {
        // Past the deadline the timeout timer takes over.
        if (op.deadline && Date.parse(op.deadline) <= now.getTime()) return undefined;
        return {
          effects: [
            { kind: 'cancel-timers', timers: ['operation-poll'] },
            nextPoll(iso, settings),
            { kind: 'update-card' },
          ],
        };
      }
      return endOperation(c, phone, event.status, event.detail);
    }

    case 'operation-timeout': {
      if (c.state !== 'device-operation' || !phone.operation) return undefined;
      return endOperation(c, phone, 'failed', 'timeout');
    }

    case 'remind': {
      if (!Number.isFinite(event.inMs) || event.inMs <= 0) {
        throw new RangeError(`Case ${c.number}: a reminder must be in the future, got ${event.inMs} ms.`);
      }
      const reminderAt = addMs(iso, event.inMs);
      return {
        set: { phone: { ...phone, reminderAt } },
        entry: { actor: actorName(event.actor), action: 'remind', result: 'ok', detail: reminderAt },
        effects: [
          { kind: 'cancel-timers', timers: ['reminder'] },
          { kind: 'schedule', timer: 'reminder', dueAt: reminderAt },
          { kind: 'update-card' },
        ],
      };
    }

    case 'reminder-due': {
      if (!isOpen(c.state) || !phone.reminderAt) return undefined;
      const rest: PhoneCaseData = { ...phone };
      delete rest.reminderAt;
      return {
        set: { phone: rest },
        entry: bot('reminder', 'info'),
        effects: [{ kind: 'update-card' }, { kind: 'notify', audience: 'thread', notice: 'reminder' }],
      };
    }

    case 'check-result':
      if (c.state === 'device-operation') throw wrongState(c, event);
      if (event.works) {
        return {
          state: 'resolved',
          set: { outcome: 'resolved' },
          clear: ['outcomeDetail'],
          entry: { actor: actorName(event.actor), action: 'check-passed', result: 'ok' },
          effects: [
            { kind: 'cancel-timers', timers: [...PHONE_TIMERS] },
            { kind: 'update-card' },
            { kind: 'notify', audience: 'both', notice: 'resolved' },
          ],
        };
      }
      return close(c, event, 'escalated', 'check-failed');

    case 'escalate':
      return close(c, event, 'escalated');

    case 'cancel':
      return close(c, event, 'cancelled');

    case 'reporter-joined':
      return joinReporter(c, event);

    case 'confirm':
    case 'approve':
    case 'reassign':
    case 'extend':
      throw wrongState(c, event);

    case 'removed':
    case 'remove-failed':
    case 'window-opened':
    case 'window-closed':
    case 'reassigned':
    case 'reassign-failed':
    case 'restart-started':
    case 'restart-failed':
    case 'verify-result':
    case 'verify-timeout':
    case 'restored':
    case 'thread-attached':
      return undefined;
  }
}

function answer(
  c: RepairCase,
  phone: PhoneCaseData,
  event: Extract<CaseEvent, { type: 'answer' }>,
  iso: string,
): Change {
  if (c.state !== 'troubleshooting' && c.state !== 'diagnosed') throw wrongState(c, event);
  if (phone.conclusion || phone.answers.some((a) => a.questionId === event.questionId)) {
    throw new TransitionRefused(
      'already-answered',
      `Case ${c.number}: "${event.questionId}" is already answered; start the checks over to change an answer.`,
    );
  }
  const answers = [
    ...phone.answers,
    {
      questionId: event.questionId,
      answerId: event.answerId,
      at: iso,
      by: actorName(event.actor),
    },
  ];
  return {
    state: 'troubleshooting',
    set: { phone: { ...phone, answers, ...(event.conclusion ? { conclusion: event.conclusion } : {}) } },
    entry: {
      actor: actorName(event.actor),
      action: 'answer',
      result: 'info',
      detail: `${event.questionId}: ${event.answerId}${event.conclusion ? ` -> ${event.conclusion}` : ''}`,
    },
    effects: [{ kind: 'update-card' }],
  };
}

function endOperation(
  c: RepairCase,
  phone: PhoneCaseData,
  status: 'succeeded' | 'failed' | 'conflict',
  detail?: string,
  requestId?: string,
): Change {
  const op = phone.operation;
  if (!op) throw new Error(`Case ${c.number} has no device operation to end.`);
  const succeeded = status === 'succeeded';
  const next: PhoneCaseData = {
    ...phone,
    operation: { ...op, status, ...(detail ? { detail } : {}) },
  };
  if (succeeded && op.action === 'update-firmware' && phone.targetFirmware) {
    next.firmware = phone.targetFirmware;
    delete next.targetFirmware;
  }
  return {
    state: succeeded ? 'checking' : 'troubleshooting',
    set: { phone: next },
    entry: bot(`${op.action}-${status}`, succeeded ? 'ok' : 'failed', requestId, detail),
    effects: [
      { kind: 'cancel-timers', timers: [...OPERATION_TIMERS] },
      { kind: 'update-card' },
      {
        kind: 'notify',
        audience: 'thread',
        notice: succeeded ? 'operation-succeeded' : 'operation-failed',
      },
    ],
  };
}

function close(
  c: RepairCase,
  event: PersonEvent,
  state: 'cancelled' | 'escalated',
  action: string = event.type,
): Change {
  const effects: CaseEffect[] = [{ kind: 'cancel-timers', timers: [...PHONE_TIMERS] }];
  if (state === 'escalated') effects.push({ kind: 'post-escalation-pack' });
  effects.push({ kind: 'update-card' }, { kind: 'notify', audience: 'both', notice: state });
  return {
    state,
    set: { outcome: state },
    clear: ['approval', 'outcomeDetail'],
    entry: { actor: actorName(event.actor), action, result: 'ok', detail: `from ${c.state}` },
    effects,
  };
}

function nextPoll(iso: string, settings: CaseSettings): CaseEffect {
  return {
    kind: 'schedule',
    timer: 'operation-poll',
    dueAt: addMs(iso, settings.operationPollMs ?? DEFAULT_OPERATION_POLL_MS),
  };
}

function withoutConclusion(phone: PhoneCaseData): PhoneCaseData {
  const next = { ...phone };
  delete next.conclusion;
  return next;
}

function requirePhone(c: RepairCase): PhoneCaseData {
  if (!c.phone) throw new Error(`Case ${c.number} is a phone case without phone data.`);
  return c.phone;
}
