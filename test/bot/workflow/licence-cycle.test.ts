import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../support/fake-connector';
import { TestClock, cardActions, clickExecute, startHarness, type Harness } from '../../support/bot-harness';
import { validateCard } from '../../support/card-validator';
import { until } from '../../support/until';

const HOUR = 3600_000;
const PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
const LEO = 'a0000000-0000-4000-8000-000000002003';
const MARC = 'a0000000-0000-4000-8000-000000002002';

async function licencesOf(h: Harness, upn: string): Promise<string[]> {
  const res = await fetch(`${h.emulator.url}/v1.0/users/${upn}?$select=assignedLicenses`);
  const body = (await res.json()) as { assignedLicenses: { skuId: string }[] };
  return body.assignedLicenses.map((l) => l.skuId);
}

/** Diagnoses a room in the channel and clicks its repair button; returns the case card and the diagnosis message id. */
async function openCaseFor(h: Harness, room: string) {
  const t0 = Date.now();
  await h.say(`${room} stuck on licence`);
  const reply = await h.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined);
  const start = cardActions(cardOf(reply)).get('licence.start-repair');
  assert.ok(start, 'the diagnosis offers the repair');
  const replyToId = reply.assignedId ?? '';
  const opened = await clickExecute(h, 'licence.start-repair', start, { replyToId });
  return { ...opened, replyToId };
}

function versionOf(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const data = cardActions(card).get(verb);
  assert.ok(data, `the card offers ${verb}; it offers ${[...cardActions(card).keys()].join(', ')}`);
  return data;
}

describe('licence repair workflow, Room 4B, over HTTP with a fake clock', function () {
  this.timeout(60_000);
  let h: Harness;
  const clock = new TestClock();

  before(async () => {
    h = await startHarness({
      clock,
      env: { LICENCE_WAIT_MIN: 'PT8H', LICENCE_WAIT_MAX: 'PT24H', VERIFY_POLL_INTERVAL: 'PT1M' },
    });
  });
  after(async () => {
    await h.stop();
  });

  it('goes from the diagnosis to a verified fix, telling the thread at each step', async () => {
    const opened = await openCaseFor(h, 'room 4B');
    assert.deepEqual(validateCard(opened.card).errors, []);
    assert.match(cardText(opened.card), /Room 4B/);
    const confirm = versionOf(opened.card, 'case.confirm');

    const afterConfirm = await clickExecute(h, 'case.confirm', confirm, { replyToId: opened.replyToId });
    assert.equal(afterConfirm.status, 200);
    await until('the licence removal', async () =>
      (await licencesOf(h, 'room-4b@contoso.com')).includes(PRO) ? undefined : true,
    );
    const caseId = String(confirm.caseId);
    const waiting = await until('the waiting state', async () => {
      const c = await h.bot.services.cases.get(caseId);
      return c?.state === 'waiting' ? c : undefined;
    });
    assert.ok(waiting.windowOpensAt && waiting.windowClosesAt);
    assert.equal(Date.parse(waiting.windowOpensAt) - Date.parse(waiting.removedAt ?? ''), 8 * HOUR);
    await h.connector.waitFor(
      (c) =>
        c.kind === 'update' && c.activityId === opened.replyToId && /waiting|wait/i.test(cardText(cardOf(c))),
    );

    // Eight hours later the window opens: the thread hears about it without anyone asking.
    const before = Date.now();
    clock.advance(8 * HOUR + 1000, h.emulator);
    h.bot.scheduler.wake();
    const told = await h.connector.waitFor(
      (c) => c.at >= before && (c.kind === 'send' || c.kind === 'reply') && typeof c.body.text === 'string',
    );
    assert.match(String(told.body.text), new RegExp(`${waiting.number}`));
    const open = await until('window open', async () => {
      const c = await h.bot.services.cases.get(caseId);
      return c?.state === 'window-open' ? c : undefined;
    });

    const reassign = await clickExecute(
      h,
      'case.reassign',
      { caseId, version: open.version },
      { replyToId: opened.replyToId },
    );
    assert.equal(reassign.status, 200);
    await until('the reassignment', async () =>
      (await licencesOf(h, 'room-4b@contoso.com')).includes(PRO) ? true : undefined,
    );
    await until('verifying', async () =>
      (await h.bot.services.cases.get(caseId))?.state === 'verifying' ? true : undefined,
    );

    // The restart completes on the emulator's clock; the next verification poll sees the console signed in.
    clock.advance(2 * 60_000, h.emulator);
    h.bot.scheduler.wake();
    const resolved = await until('resolved', async () => {
      clock.advance(60_000, h.emulator);
      h.bot.scheduler.wake();
      const c = await h.bot.services.cases.get(caseId);
      return c?.state === 'resolved' ? c : undefined;
    });
    assert.equal(resolved.outcome, 'resolved');

    const writes = h.emulator
      .requests()
      .filter((r) => r.method === 'POST' && r.path.endsWith('/assignLicense'));
    assert.equal(writes.length, 2, 'one removal and one reassignment, no Graph write done twice');
    const audit = await h.bot.services.store.listAudit({ caseId });
    assert.ok(
      audit.some((a) => a.action === 'removed' && a.requestId),
      'the removal is audited with its Graph request id',
    );
  });
});

describe('licence repair workflow: the traps', function () {
  this.timeout(60_000);
  let h: Harness;
  const clock = new TestClock();

  before(async () => {
    h = await startHarness({ clock });
  });
  after(async () => {
    await h.stop();
  });
  beforeEach(() => {
    h.emulator.reset();
  });

  it('Room 5E: explains the group-based licence and writes nothing to Graph', async () => {
    const opened = await openCaseFor(h, 'room 5E');
    assert.match(cardText(opened.card), /group/i);
    assert.equal(
      h.emulator.requests().filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch')).length,
      0,
    );
  });

  it('Room 6F: pre-flight catches the missing usage location and offers to set it (audited)', async () => {
    const opened = await openCaseFor(h, 'room 6F');
    const set = versionOf(opened.card, 'licence.set-usage-location');
    assert.equal(set.country, 'FR');
    const after = await clickExecute(h, 'licence.set-usage-location', set, { replyToId: opened.replyToId });
    assert.ok(
      cardActions(after.card).has('case.confirm'),
      'the repair goes on once the usage location is set',
    );
    const audit = await h.bot.services.store.listAudit({});
    assert.ok(audit.some((a) => a.action === 'set usage location' && a.result === 'ok'));
  });

  it('refuses a non-helpdesk click and audits it', async () => {
    const opened = await openCaseFor(h, 'room 2C');
    const confirm = versionOf(opened.card, 'case.confirm');
    const refused = await clickExecute(h, 'case.confirm', confirm, { fromAadObjectId: LEO });
    assert.ok(!cardActions(refused.card).has('case.confirm'), 'the refused person sees a read-only card');
    const c = await h.bot.services.cases.get(String(confirm.caseId));
    assert.equal(c?.state, 'awaiting-confirmation', 'nothing happened');
    const audit = await h.bot.services.store.listAudit({ caseId: String(confirm.caseId) });
    assert.ok(audit.some((a) => a.result === 'refused' && a.actorId === LEO));
  });

  it('answers a stale card, a double click and a Teams retry with the current card, acting once', async () => {
    const opened = await openCaseFor(h, 'room 1A');
    const confirm = versionOf(opened.card, 'case.confirm');
    const first = await clickExecute(h, 'case.confirm', confirm, { id: 'same-invoke' });
    const retry = await clickExecute(h, 'case.confirm', confirm, { id: 'same-invoke' });
    const double = await clickExecute(h, 'case.confirm', confirm);
    for (const r of [first, retry, double]) assert.equal(r.status, 200);
    await until('removal', async () =>
      (await h.bot.services.cases.get(String(confirm.caseId)))?.state === 'waiting' ? true : undefined,
    );
    const removals = h.emulator
      .requests()
      .filter((r) => r.method === 'POST' && r.path.endsWith('/assignLicense'));
    assert.equal(removals.length, 1, 'the licence was removed once');
  });

  it('a second request for a room with an open case shows that case', async () => {
    const a = await openCaseFor(h, 'room 2C');
    const b = await openCaseFor(h, 'room 2C');
    assert.equal(versionOf(a.card, 'case.cancel').caseId, versionOf(b.card, 'case.cancel').caseId);
  });

  it('the two-person rule: the requester cannot approve their own removal', async () => {
    await h.stop();
    h = await startHarness({ clock, env: { REQUIRE_APPROVAL: 'true' } });
    const opened = await openCaseFor(h, 'room 4B');
    const confirm = versionOf(opened.card, 'case.confirm');
    const requested = await clickExecute(h, 'case.confirm', confirm);
    const approve = versionOf(requested.card, 'case.approve');
    const self = await clickExecute(h, 'case.approve', approve);
    assert.match(cardText(self.card), /another helpdesk member/i);
    await clickExecute(h, 'case.approve', approve, { fromAadObjectId: MARC });
    await until('removal after approval', async () =>
      (await h.bot.services.cases.get(String(approve.caseId)))?.state === 'waiting' ? true : undefined,
    );
  });
});
