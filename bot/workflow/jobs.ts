import type { CaseEffect, RepairCase, TimerKind } from '../cases/model';
import type { NewJob } from '../store/store';

/** Job kind of a durable timer. */
export const timerKind = (timer: TimerKind): string => `timer:${timer}`;

/**
 * Turns a transition's effects into outbox jobs. Ids are deterministic (case, version, position), so writing the
 * same transition twice stores each job once. `cancel-timers` is not a job: the commit applies it.
 */
export function jobsFor(
  c: RepairCase,
  effects: readonly CaseEffect[],
  now: Date,
): { jobs: NewJob[]; cancelKinds: string[] } {
  const jobs: NewJob[] = [];
  const cancelKinds: string[] = [];
  effects.forEach((effect, index) => {
    if (effect.kind === 'cancel-timers') {
      cancelKinds.push(...effect.timers.map(timerKind));
      return;
    }
    const isTimer = effect.kind === 'schedule';
    jobs.push({
      id: `${c.id}:v${c.version}:${index}:${isTimer ? effect.timer : effect.kind}`,
      caseId: c.id,
      kind: isTimer ? timerKind(effect.timer) : `effect:${effect.kind}`,
      payload: effect,
      dueAt: isTimer ? effect.dueAt : now.toISOString(),
    });
  });
  return { jobs, cancelKinds };
}
