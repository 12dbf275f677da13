import {
  isOpen,
  TransitionRefused,
  type CaseActor,
  type CaseEffect,
  type CaseEvent,
  type CaseState,
  type HistoryEntry,
  type RepairCase,
  type TransitionResult,
} from './model';

/** A person's decision: the events that carry who made it. */
export type PersonEvent = Extract<CaseEvent, { actor: CaseActor }>;

/** Optional fields a transition may remove from the case. */
export type OptionalField = 'approval' | 'outcome' | 'outcomeDetail';

/** What a decided event changes, before it is applied to a copy of the case. */
export interface Change {
  state?: CaseState;
  set?: Partial<RepairCase>;
  clear?: OptionalField[];
  /** Omitted for bookkeeping-only changes that would only add noise to the history. */
  entry?: Omit<HistoryEntry, 'at'>;
  effects: CaseEffect[];
}

/** Applies a change to a copy of the case: new version, new `updatedAt`, the history entry appended. */
export function apply(c: RepairCase, change: Change, now: Date): TransitionResult {
  const next = structuredClone(c);
  if (change.state) next.state = change.state;
  if (change.set) Object.assign(next, structuredClone(change.set));
  for (const field of change.clear ?? []) delete next[field];
  next.version = c.version + 1;
  next.updatedAt = now.toISOString();
  if (change.entry) next.history = [...next.history, { at: now.toISOString(), ...change.entry }];
  return { case: next, effects: change.effects };
}

/** Refuses a person's decision on a closed case. */
export function refuseIfClosed(c: RepairCase, event: PersonEvent): void {
  if (!isOpen(c.state)) {
    throw new TransitionRefused(
      'closed',
      `Case ${c.number} is ${c.state}: "${event.type}" is no longer possible.`,
    );
  }
}

export function wrongState(c: RepairCase, event: CaseEvent): TransitionRefused {
  return new TransitionRefused(
    'wrong-state',
    `Case ${c.number} is ${c.state}: "${event.type}" does not apply.`,
  );
}

/** Graph reports each write with its own request id: seeing one again means a duplicate delivery. */
export function alreadyRecorded(c: RepairCase, requestId: string): boolean {
  return c.history.some((h) => h.requestId === requestId);
}

/** A history entry for an automatic step. */
export function bot(
  action: string,
  result: HistoryEntry['result'],
  requestId?: string,
  detail?: string,
): Omit<HistoryEntry, 'at'> {
  return { actor: 'bot', action, result, ...(detail ? { detail } : {}), ...(requestId ? { requestId } : {}) };
}

export function actorName(actor: CaseActor): string {
  return actor.name?.trim() || actor.id;
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** Another person reported the same problem: they are listed on the case and hear how it ends. */
export function joinReporter(
  c: RepairCase,
  event: Extract<CaseEvent, { type: 'reporter-joined' }>,
): Change | undefined {
  if (!isOpen(c.state)) {
    throw new TransitionRefused('closed', `Case ${c.number} is ${c.state}: it takes no more reporters.`);
  }
  if (c.reporters.some((r) => r.userId === event.reporter.userId)) return undefined;
  return {
    set: { reporters: [...c.reporters, structuredClone(event.reporter)] },
    entry: {
      actor: event.reporter.name ?? event.reporter.userId,
      action: 'reporter-joined',
      result: 'info',
    },
    effects: [{ kind: 'update-card' }],
  };
}
