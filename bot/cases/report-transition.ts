import { type CaseEffect, type CaseEvent, type RepairCase } from './model';
import { actorName, joinReporter, wrongState, type Change } from './transition-support';

/**
 * Decides what an event does to a `room-report` case: the helpdesk closes it once the room works (the reporters
 * hear about it) or cancels it. Nothing is written to Graph: the bot does not repair these problems itself.
 */
export function decideReport(c: RepairCase, event: CaseEvent): Change | undefined {
  switch (event.type) {
    case 'check-result':
      if (!event.works) throw wrongState(c, event);
      return close(c, actorName(event.actor), 'resolved');
    case 'cancel':
      return close(c, actorName(event.actor), 'cancelled');
    case 'reporter-joined':
      return joinReporter(c, event);
    case 'start':
    case 'confirm':
    case 'approve':
    case 'reassign':
    case 'extend':
    case 'escalate':
    case 'answer':
    case 'restart-checks':
    case 'device-action':
    case 'remind':
      throw wrongState(c, event);
    default:
      // Graph results and timers belong to the other kinds of case.
      return undefined;
  }
}

function close(c: RepairCase, actor: string, state: 'resolved' | 'cancelled'): Change {
  const effects: CaseEffect[] = [
    { kind: 'update-card' },
    { kind: 'notify', audience: 'both', notice: state },
  ];
  return {
    state,
    set: { outcome: state },
    clear: ['outcomeDetail'],
    entry: {
      actor,
      action: state === 'resolved' ? 'check-passed' : 'cancel',
      result: 'ok',
      detail: `from ${c.state}`,
    },
    effects,
  };
}
