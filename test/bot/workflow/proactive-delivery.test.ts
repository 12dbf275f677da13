import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardOf, type ConnectorCall } from '../../support/fake-connector';
import { TestClock, cardActions, clickExecute, startHarness, type Harness } from '../../support/bot-harness';
import { until } from '../../support/until';

const textOf = (c: ConnectorCall): string => (typeof c.body.text === 'string' ? c.body.text : '');

const THREAD = '19:6f1d0c2b8a9e4d7f9b3c5a2e1d0f8b7c@thread.tacv2;messageid=1795341491402';

/** Opens and confirms a case for Room 2C (remove the E3), whose removal notice goes to the thread. */
async function confirmRoom2C(h: Harness): Promise<string> {
  const t0 = Date.now();
  await h.say('room 2C stuck on licence');
  const reply = await h.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined);
  const opened = await clickExecute(
    h,
    'licence.start-repair',
    cardActions(cardOf(reply)).get('licence.start-repair') ?? {},
    { replyToId: reply.assignedId ?? '' },
  );
  const confirm = cardActions(opened.card).get('case.confirm');
  assert.ok(confirm);
  await clickExecute(h, 'case.confirm', confirm, { replyToId: reply.assignedId ?? '' });
  return String(confirm.caseId);
}

describe('proactive delivery through the outbox', function () {
  this.timeout(60_000);
  let h: Harness;
  let handedIn: string | undefined;
  beforeEach(async () => {
    h = await startHarness({ clock: new TestClock() });
  });
  afterEach(async () => {
    await h.stop();
    if (handedIn) rmSync(handedIn, { recursive: true, force: true });
    handedIn = undefined;
  });

  it('waits out a 429 with Retry-After and delivers the notice once', async () => {
    h.connector.fail((c) => c.conversationId === THREAD && typeof c.body.text === 'string', 429, {
      times: 1,
      headers: { 'Retry-After': '1' },
    });
    await confirmRoom2C(h);
    const delivered = await until('the notice after the 429', () =>
      Promise.resolve(
        h.connector.calls.find((c) => c.conversationId === THREAD && /Case \d+/.test(textOf(c))),
      ),
    );
    assert.equal(h.connector.rejected.length, 1, 'one attempt was throttled');
    const notices = h.connector.calls.filter(
      (c) => c.conversationId === THREAD && textOf(c) === textOf(delivered),
    );
    assert.equal(notices.length, 1, 'no duplicate after the retry');
  });

  it('stops on 403, drops the conversation reference and audits it', async () => {
    h.connector.fail(
      (c) => c.conversationId === THREAD && c.kind !== 'update' && typeof c.body.text === 'string',
      403,
    );
    const caseId = await confirmRoom2C(h);
    const audit = await until('the audited delivery failure', async () => {
      const entries = await h.bot.services.store.listAudit({ caseId });
      return entries.find(
        (a) => a.action === 'proactive message' && a.result === 'failed' && /gone/.test(a.detail ?? ''),
      );
    });
    assert.match(audit.detail ?? '', /403|no longer/);
    assert.equal(await h.bot.services.store.getReference(THREAD), undefined, 'the reference was dropped');
    const jobs = await h.bot.services.store.listJobs(caseId);
    assert.ok(!jobs.some((j) => j.kind === 'effect:notify' && j.attempts > 1), 'it did not keep retrying');
  });

  it('keeps what is queued across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-restart-'));
    // Handed in, so the harness keeps it: removed once the last bot using it has stopped.
    handedIn = dataDir;
    await h.stop();
    h = await startHarness({ dataDir, clock: new TestClock() });
    h.connector.fail((c) => c.conversationId === THREAD && typeof c.body.text === 'string', 503);
    const caseId = await confirmRoom2C(h);
    await until('a failed attempt', () =>
      Promise.resolve(h.connector.rejected.length > 0 ? true : undefined),
    );
    await h.stop();
    h = await startHarness({ dataDir, clock: new TestClock() });
    const c = await h.bot.services.store.getCase(caseId);
    assert.ok(c, 'the case survived the restart');
    const pending = await h.bot.services.store.listJobs(caseId);
    assert.ok(
      pending.some((j) => j.kind === 'effect:notify'),
      'the undelivered notice is still queued',
    );
  });
});
