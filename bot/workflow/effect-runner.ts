import { renderCaseCard } from '../cards';
import { escalationPack } from '../cases/escalation-pack';
import type { CaseEffect, CaseEvent, NoticeKind, PhoneAction, RepairCase, TimerKind } from '../cases/model';
import type { GraphTeamworkDeviceOperation } from '../graph/model';
import { noticeText, presentCase } from '../cases/present-case';
import { GraphError } from '../errors';
import type { GraphGateway } from '../graph/gateway';
import type { Logger } from '../log';
import { DeliveryError, type Messenger, type OutgoingMessage } from '../notify/messenger';
import { RetryLater, type JobRunner } from '../scheduler/scheduler';
import type { Job, Store } from '../store/store';
import type { CaseService } from './case-service';

/** Teams Rooms Pro: offered when the snapshot's SKU has no seat left. */
export const TEAMS_ROOMS_PRO_SKU = '4cde982a-ede4-4409-9ae6-b003453c8ea6';

const TIMER_EVENTS: Record<Exclude<TimerKind, 'verify-poll' | 'operation-poll'>, CaseEvent> = {
  'window-open': { type: 'window-opened' },
  'window-close': { type: 'window-closed' },
  'verify-timeout': { type: 'verify-timeout' },
  'operation-timeout': { type: 'operation-timeout' },
  reminder: { type: 'reminder-due' },
};

/** Graph's operationType for each phone action. */
const OPERATION_TYPES: Record<PhoneAction, string> = {
  restart: 'deviceRestart',
  'update-firmware': 'softwareUpdate',
};

export interface EffectRunnerDeps {
  store: Store;
  gateway: GraphGateway;
  cases: CaseService;
  messenger: Messenger;
  tenantId?: string;
  now: () => Date;
  logger: Logger;
}

/** A Graph failure worth retrying (throttling, outage, timeout), as opposed to a refusal. */
function isTransient(err: unknown): boolean {
  return (
    err instanceof GraphError &&
    (err.code === 'graph.throttled' ||
      err.code === 'graph.unavailable' ||
      err.code === 'graph.timeout' ||
      err.code === 'graph.unexpected')
  );
}

function retryFor(err: unknown): never {
  if (err instanceof GraphError && isTransient(err)) {
    throw new RetryLater(
      err.message,
      err.retryAfterSeconds !== undefined ? err.retryAfterSeconds * 1000 : undefined,
    );
  }
  throw err;
}

/**
 * Runs one job of the outbox. Every effect looks at Graph before it writes, so running it twice changes nothing
 * the second time; its outcome goes back to the case as an event.
 */
export class EffectRunner implements JobRunner {
  constructor(private readonly deps: EffectRunnerDeps) {}

  async run(job: Job): Promise<void> {
    const c = await this.deps.cases.get(job.caseId);
    if (!c) {
      this.deps.logger.warn({ jobId: job.id }, 'job for a case that no longer exists; dropped');
      return;
    }
    const effect = job.payload as CaseEffect;
    const log = this.deps.logger.child({ caseId: c.id, case: c.number, jobId: job.id, kind: job.kind });
    switch (effect.kind) {
      case 'schedule':
        return this.fireTimer(c, effect.timer);
      case 'remove-licences':
        return this.removeLicences(c, effect.skuIds, log);
      case 'assign-licence':
        return this.assignLicence(c, effect, log);
      case 'restart-device':
        return this.restart(c, log);
      case 'check-sign-in':
        return this.checkSignIn(c);
      case 'update-card':
        return this.updateCard(c, log);
      case 'notify':
        return this.notify(c, job, effect.audience, effect.notice, log);
      case 'post-escalation-pack':
        return this.postEscalationPack(c, job, log);
      case 'device-operation':
        return this.deviceOperation(c, effect.action, effect.firmware, log);
      case 'poll-operation':
        return this.pollOperation(c, log);
      case 'cancel-timers':
        return;
    }
  }

  private async fireTimer(c: RepairCase, timer: TimerKind): Promise<void> {
    if (timer === 'verify-poll') return this.checkSignIn(c);
    if (timer === 'operation-poll') return this.pollOperation(c, this.deps.logger.child({ caseId: c.id }));
    await this.deps.cases.record(c.id, TIMER_EVENTS[timer]);
  }

  private async removeLicences(c: RepairCase, skuIds: string[], log: Logger): Promise<void> {
    let toRemove: string[];
    try {
      const user = await this.deps.gateway.getLicenceState(c.account);
      const held = new Set((user.assignedLicenses ?? []).map((l) => l.skuId.toLowerCase()));
      toRemove = skuIds.filter((s) => held.has(s.toLowerCase()));
    } catch (err) {
      return retryFor(err);
    }
    if (toRemove.length === 0) {
      // Already done (a previous run removed it before crashing): report, do not write again.
      await this.deps.cases.record(c.id, { type: 'removed', at: this.deps.now().toISOString() });
      return;
    }
    try {
      const res = await this.deps.gateway.removeLicences(c.account, toRemove);
      log.info({ skuIds: toRemove, requestId: res.requestId }, 'licence removed');
      await this.deps.cases.record(c.id, {
        type: 'removed',
        at: this.deps.now().toISOString(),
        ...(res.requestId ? { requestId: res.requestId } : {}),
      });
    } catch (err) {
      if (isTransient(err)) return retryFor(err);
      const e = err as GraphError;
      await this.deps.cases.record(c.id, {
        type: 'remove-failed',
        reason: e.message,
        ...(e.requestId ? { requestId: e.requestId } : {}),
      });
    }
  }

  private async assignLicence(
    c: RepairCase,
    effect: Extract<CaseEffect, { kind: 'assign-licence' }>,
    log: Logger,
  ): Promise<void> {
    const done = (requestId?: string): CaseEvent =>
      effect.purpose === 'restore'
        ? { type: 'restored', at: this.deps.now().toISOString(), ...(requestId ? { requestId } : {}) }
        : { type: 'reassigned', at: this.deps.now().toISOString(), ...(requestId ? { requestId } : {}) };
    let free: number | undefined;
    try {
      const user = await this.deps.gateway.getLicenceState(c.account);
      if ((user.assignedLicenses ?? []).some((l) => l.skuId.toLowerCase() === effect.skuId.toLowerCase())) {
        await this.deps.cases.record(c.id, done());
        return;
      }
      free = await this.deps.gateway.freeSeats(effect.skuId);
    } catch (err) {
      return retryFor(err);
    }
    if (free !== undefined && free <= 0) {
      if (effect.purpose === 'restore') {
        // The room must get its licence back: keep trying as seats free up, and say so.
        log.warn({ skuId: effect.skuId }, 'no free seat to restore the licence; will retry');
        throw new RetryLater('no free seat to restore the licence', 5 * 60_000);
      }
      await this.deps.cases.record(c.id, { type: 'reassign-failed', reason: 'no-seat' });
      return;
    }
    try {
      const res = await this.deps.gateway.assignLicence(c.account, effect.skuId, effect.disabledPlans);
      log.info(
        { skuId: effect.skuId, purpose: effect.purpose, requestId: res.requestId },
        'licence assigned',
      );
      await this.deps.cases.record(c.id, done(res.requestId));
    } catch (err) {
      if (isTransient(err)) return retryFor(err);
      const e = err as GraphError;
      if (effect.purpose === 'restore') throw new RetryLater(`restore failed: ${e.message}`, 5 * 60_000);
      const noSeat = /available licen[cs]es|CountViolation/i.test(e.message);
      await this.deps.cases.record(c.id, {
        type: 'reassign-failed',
        reason: noSeat ? 'no-seat' : 'error',
        detail: e.message,
        ...(e.requestId ? { requestId: e.requestId } : {}),
      });
    }
  }

  private async restart(c: RepairCase, log: Logger): Promise<void> {
    // Only a case still being verified wants its console restarted (a rerun after the case moved on must not).
    if (c.state !== 'verifying') return;
    if (!c.teamsDeviceId) {
      await this.deps.cases.record(c.id, {
        type: 'restart-failed',
        reason: 'no Teams device is registered for this room',
      });
      return;
    }
    // Look before restarting: a crash after the request but before it was recorded must not restart the console twice.
    const since = Date.parse(c.reassignedAt ?? c.removedAt ?? c.updatedAt);
    try {
      const ops = await this.deps.gateway.listDeviceOperations(c.teamsDeviceId);
      const done = ops.find(
        (op) =>
          op.operationType.toLowerCase() === 'devicerestart' && Date.parse(op.createdDateTime ?? '') >= since,
      );
      if (done) {
        log.info({ operation: done.id }, 'console restart already requested; not sending it again');
        await this.deps.cases.record(c.id, { type: 'restart-started' });
        return;
      }
    } catch (err) {
      if (isTransient(err)) return retryFor(err);
      // The operations list is optional evidence: without it, restarting is still the right move.
      log.info({ err }, 'could not list device operations; restarting');
    }
    try {
      const res = await this.deps.gateway.restartTeamsDevice(c.teamsDeviceId);
      log.info({ status: res.status, requestId: res.requestId }, 'console restart requested');
      await this.deps.cases.record(c.id, {
        type: 'restart-started',
        ...(res.status === 'accepted' && res.operationUrl ? { operationUrl: res.operationUrl } : {}),
        ...(res.requestId ? { requestId: res.requestId } : {}),
      });
    } catch (err) {
      if (isTransient(err) && (err as GraphError).code === 'graph.throttled') return retryFor(err);
      const e = err as GraphError;
      // The Teams devices API is beta and may fail: the person restarts the console by hand.
      await this.deps.cases.record(c.id, {
        type: 'restart-failed',
        reason: e.message,
        ...(e.requestId ? { requestId: e.requestId } : {}),
      });
    }
  }

  /**
   * A phone's restart or firmware update. Looks at the device's operations first: one of the same type created
   * since the decision means an earlier run already asked (a crash before it was recorded), so it is not sent twice.
   */
  private async deviceOperation(
    c: RepairCase,
    action: PhoneAction,
    firmware: string | undefined,
    log: Logger,
  ): Promise<void> {
    const op = c.phone?.operation;
    const deviceId = c.phone?.deviceId;
    if (c.state !== 'device-operation' || !op || op.status !== 'requested' || !deviceId) return;
    const type = OPERATION_TYPES[action];
    try {
      const ops = await this.deps.gateway.listDeviceOperations(deviceId);
      const earlier = ops.find(
        (o) =>
          o.operationType.toLowerCase() === type.toLowerCase() &&
          Date.parse(o.createdDateTime ?? '') >= Date.parse(op.startedAt),
      );
      if (earlier) {
        log.info({ operation: earlier.id }, 'device operation already requested; not sending it again');
        await this.deps.cases.record(c.id, { type: 'operation-started', operationUrl: earlier.id });
        return;
      }
    } catch (err) {
      if (isTransient(err)) return retryFor(err);
      log.info({ err }, 'could not list device operations; sending the command');
    }
    try {
      const res = await this.deps.gateway.startDeviceOperation(deviceId, action, firmware);
      log.info({ status: res.status, requestId: res.requestId, action }, 'device operation requested');
      if (res.status === 'conflict') {
        await this.deps.cases.record(c.id, {
          type: 'operation-conflict',
          detail: res.detail,
          ...(res.requestId ? { requestId: res.requestId } : {}),
        });
        return;
      }
      await this.deps.cases.record(c.id, {
        type: 'operation-started',
        ...(res.operationUrl ? { operationUrl: res.operationUrl } : {}),
        ...(res.requestId ? { requestId: res.requestId } : {}),
      });
    } catch (err) {
      if (isTransient(err)) return retryFor(err);
      const e = err as GraphError;
      await this.deps.cases.record(c.id, { type: 'operation-status', status: 'failed', detail: e.message });
    }
  }

  /** Reads the phone's operation and reports where it stands. */
  private async pollOperation(c: RepairCase, log: Logger): Promise<void> {
    const op = c.phone?.operation;
    const deviceId = c.phone?.deviceId;
    if (c.state !== 'device-operation' || !op || !deviceId) return;
    let found: GraphTeamworkDeviceOperation | undefined;
    try {
      const id = op.operationUrl?.split('/').pop()?.split('?')[0];
      if (id) found = await this.deps.gateway.getDeviceOperation(deviceId, decodeURIComponent(id));
      else {
        const type = OPERATION_TYPES[op.action].toLowerCase();
        found = (await this.deps.gateway.listDeviceOperations(deviceId)).find(
          (o) =>
            o.operationType.toLowerCase() === type &&
            Date.parse(o.createdDateTime ?? '') >= Date.parse(op.startedAt),
        );
      }
    } catch (err) {
      if (isTransient(err)) return retryFor(err);
      log.info({ err }, 'could not read the device operation; polling again later');
    }
    const status = (found?.status ?? '').toLowerCase();
    if (status === 'successful' || status === 'succeeded' || status === 'completed') {
      await this.deps.cases.record(c.id, { type: 'operation-status', status: 'succeeded' });
    } else if (status === 'failed' || status === 'cancelled') {
      const detail = found?.error?.code ?? found?.error?.message ?? status;
      await this.deps.cases.record(c.id, { type: 'operation-status', status: 'failed', detail });
    } else {
      await this.deps.cases.record(c.id, { type: 'operation-status', status: 'running' });
    }
  }

  private async checkSignIn(c: RepairCase): Promise<void> {
    let state: { provisioned: boolean; signedIn: boolean | undefined };
    try {
      state = await this.deps.gateway.readSignIn(c.account, c.teamsDeviceId);
    } catch (err) {
      return retryFor(err);
    }
    await this.deps.cases.record(c.id, {
      type: 'verify-result',
      signedIn: state.signedIn === true,
      provisioned: state.provisioned,
    });
  }

  private async updateCard(c: RepairCase, log: Logger): Promise<void> {
    if (!c.conversationId || !c.cardActivityId) return;
    const fresh = (await this.deps.cases.get(c.id)) ?? c;
    let proSeatsFree: number | undefined;
    if (fresh.state === 'window-open' && fresh.snapshot?.skuId.toLowerCase() !== TEAMS_ROOMS_PRO_SKU) {
      proSeatsFree = await this.deps.gateway.freeSeats(TEAMS_ROOMS_PRO_SKU).catch(() => undefined);
    }
    const view = presentCase(fresh, {
      locale: fresh.locale,
      now: this.deps.now(),
      canAct: true,
      ...(proSeatsFree !== undefined ? { proSeatsFree } : {}),
    });
    await this.deliver(c, log, () =>
      this.deps.messenger.update(
        c.conversationId ?? '',
        c.cardActivityId ?? '',
        renderCaseCard(view, fresh.locale),
      ),
    );
  }

  private async notify(
    c: RepairCase,
    job: Job,
    audience: 'thread' | 'reporters' | 'both',
    notice: NoticeKind,
    log: Logger,
  ): Promise<void> {
    const now = this.deps.now();
    const targets: { conversationId: string; message: OutgoingMessage }[] = [];
    if ((audience === 'thread' || audience === 'both') && c.conversationId) {
      targets.push({
        conversationId: c.conversationId,
        message: { text: noticeText(notice, c, c.locale, now, 'thread') },
      });
    }
    if (audience === 'reporters' || audience === 'both') {
      for (const r of c.reporters) {
        if (r.conversationId)
          targets.push({
            conversationId: r.conversationId,
            message: { text: noticeText(notice, c, r.locale, now, 'reporter') },
          });
      }
    }
    for (const t of targets) {
      // A retried job must not repeat the messages that already went out.
      const key = `sent:${job.id}:${t.conversationId}`;
      if (await this.alreadySent(key)) continue;
      await this.deliver(c, log, async () => {
        await this.deps.messenger.send(t.conversationId, t.message);
      });
      await this.deps.store.markOnce(key, 30 * 24 * 3600_000, now);
    }
  }

  private async postEscalationPack(c: RepairCase, job: Job, log: Logger): Promise<void> {
    if (!c.conversationId) return;
    const key = `sent:${job.id}:${c.conversationId}`;
    if (await this.alreadySent(key)) return;
    const audit = await this.deps.store.listAudit({ caseId: c.id, limit: 500 });
    const pack = escalationPack(c, {
      ...(this.deps.tenantId ? { tenantId: this.deps.tenantId } : {}),
      audit,
      generatedAt: this.deps.now(),
    });
    const text = `**${pack.fileName}**\n\n\`\`\`\n${pack.text}\n\`\`\``;
    await this.deliver(c, log, async () => {
      await this.deps.messenger.send(c.conversationId ?? '', { text });
    });
    await this.deps.store.markOnce(key, 30 * 24 * 3600_000, this.deps.now());
  }

  /** At-least-once delivery: look before sending, record after, so a crash in between repeats, never loses. */
  private alreadySent(key: string): Promise<boolean> {
    return this.deps.store.hasMark(key, this.deps.now());
  }

  private async deliver(c: RepairCase, log: Logger, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (err) {
      if (err instanceof DeliveryError) {
        if (err.kind === 'gone' || err.kind === 'no-reference') {
          log.warn({ reason: err.kind }, 'conversation unreachable; message dropped');
          await this.deps.cases.audit(c, {
            actor: 'bot',
            action: 'proactive message',
            result: 'failed',
            detail: `${err.kind}: ${err.message}`,
          });
          return;
        }
        throw new RetryLater(err.message, err.retryAfterMs);
      }
      throw err;
    }
  }
}
