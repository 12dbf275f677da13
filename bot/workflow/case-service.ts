import { randomUUID } from 'node:crypto';
import { openCase } from '../cases/open-case';
import { transition } from '../cases/transition';
import {
  TransitionRefused,
  type CaseActor,
  type CaseEvent,
  type CaseSettings,
  type RepairCase,
  type TransitionResult,
} from '../cases/model';
import type { Logger } from '../log';
import { VersionConflict, type AuditEntry, type Store } from '../store/store';
import { jobsFor } from './jobs';

/** The card a person acted on is older than the case: they get the current one instead. */
export class StaleCase extends Error {
  constructor(readonly current: RepairCase) {
    super(`case ${current.id} is at version ${current.version}`);
    this.name = 'StaleCase';
  }
}

export type OpenCaseInput = Omit<Parameters<typeof openCase>[0], 'id' | 'number'>;

/**
 * Applies events to cases: decide with the pure transition, store the new case and its jobs in one conditional
 * write, audit, then wake the scheduler. The only writer of cases.
 */
export class CaseService {
  constructor(
    private readonly store: Store,
    private readonly settings: CaseSettings,
    private readonly deps: { now: () => Date; logger: Logger; onCommitted?: () => void },
  ) {}

  /** Opens a case; throws OpenCaseExists when the room already has one. */
  async open(input: OpenCaseInput): Promise<RepairCase> {
    const c = openCase(
      { ...input, id: randomUUID(), number: await this.store.nextCaseNumber() },
      this.deps.now(),
    );
    await this.store.createCase(c, []);
    await this.audit(c, {
      actor: input.createdBy.name ?? input.createdBy.id,
      actorId: input.createdBy.id,
      action: 'open case',
      result: 'ok',
    });
    return c;
  }

  /**
   * A person's decision, made on the card of `expectedVersion`. A newer case gives {@link StaleCase}; a decision the
   * state does not allow gives TransitionRefused (audited).
   */
  async decide(
    caseId: string,
    expectedVersion: number,
    event: CaseEvent & { actor: CaseActor },
  ): Promise<RepairCase> {
    const current = await this.mustGet(caseId);
    if (current.version !== expectedVersion) throw new StaleCase(current);
    let result: TransitionResult;
    try {
      result = transition(current, event, this.deps.now(), this.settings);
    } catch (err) {
      if (err instanceof TransitionRefused) {
        await this.audit(current, {
          actor: event.actor.name ?? event.actor.id,
          actorId: event.actor.id,
          action: event.type,
          result: 'refused',
          detail: err.reason,
        });
      }
      throw err;
    }
    try {
      await this.commit(current, result);
    } catch (err) {
      if (err instanceof VersionConflict) throw new StaleCase(await this.mustGet(caseId));
      throw err;
    }
    await this.audit(result.case, {
      actor: event.actor.name ?? event.actor.id,
      actorId: event.actor.id,
      action: event.type,
      result: 'ok',
    });
    return result.case;
  }

  /**
   * An automatic event (Graph result, timer). Retries on concurrent writes; an event that no longer applies leaves
   * the case as it is.
   */
  async record(caseId: string, event: CaseEvent): Promise<RepairCase | undefined> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.store.getCase(caseId);
      if (!current) return undefined;
      let result: TransitionResult;
      try {
        result = transition(current, event, this.deps.now(), this.settings);
      } catch (err) {
        if (err instanceof TransitionRefused) {
          this.deps.logger.info(
            { caseId, event: event.type, reason: err.reason },
            'automatic event refused; ignored',
          );
          return current;
        }
        throw err;
      }
      if (result.case === current || result.case.version === current.version) return current;
      try {
        await this.commit(current, result);
      } catch (err) {
        if (err instanceof VersionConflict) continue;
        throw err;
      }
      const requestId = 'requestId' in event ? event.requestId : undefined;
      await this.audit(result.case, {
        actor: 'bot',
        action: event.type,
        result: event.type.endsWith('failed') ? 'failed' : 'ok',
        ...(requestId ? { requestId } : {}),
      });
      return result.case;
    }
    throw new Error(`case ${caseId}: too many concurrent writes`);
  }

  get(caseId: string): Promise<RepairCase | undefined> {
    return this.store.getCase(caseId);
  }

  /** Records something done outside a transition (a usage location set, a refused click). */
  async audit(
    c: RepairCase | undefined,
    entry: Omit<AuditEntry, 'id' | 'at' | 'caseId' | 'caseNumber'>,
  ): Promise<void> {
    try {
      await this.store.appendAudit({
        id: randomUUID(),
        at: this.deps.now().toISOString(),
        ...(c ? { caseId: c.id, caseNumber: c.number } : {}),
        ...entry,
      });
    } catch (err) {
      // The case itself is committed; a lost audit line must not undo the decision.
      this.deps.logger.error({ err, caseId: c?.id, action: entry.action }, 'audit write failed');
    }
  }

  private async commit(previous: RepairCase, result: TransitionResult): Promise<void> {
    const { jobs, cancelKinds } = jobsFor(result.case, result.effects, this.deps.now());
    await this.store.commitCase(result.case, previous.version, jobs, cancelKinds);
    this.deps.onCommitted?.();
  }

  private async mustGet(caseId: string): Promise<RepairCase> {
    const c = await this.store.getCase(caseId);
    if (!c) throw new Error(`case ${caseId} not found`);
    return c;
  }
}
