import { strict as assert } from 'node:assert';
import { cardOf, cardText } from '../../support/fake-connector';
import {
  TestClock,
  cardActions,
  clickExecute,
  loadActivity,
  startHarness,
  type Harness,
} from '../../support/bot-harness';
import { validateCard } from '../../support/card-validator';
import { until } from '../../support/until';

const HOUR = 3600_000;
const BASIC = '6af4b3d6-14bb-4a2a-960c-6c902aad34f3';
const PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';

async function openAndConfirm(h: Harness, room: string, next: 'waiting' | 'verifying' = 'waiting') {
  const t0 = Date.now();
  await h.say(`${room} stuck on licence`);
  const reply = await h.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined);
  const replyToId = reply.assignedId ?? '';
  const opened = await clickExecute(
    h,
    'licence.start-repair',
    cardActions(cardOf(reply)).get('licence.start-repair') ?? {},
    { replyToId },
  );
  const confirm = cardActions(opened.card).get('case.confirm');
  assert.ok(confirm, 'the case asks for confirmation');
  await clickExecute(h, 'case.confirm', confirm, { replyToId });
  const caseId = String(confirm.caseId);
  await until(next, async () =>
    (await h.bot.services.cases.get(caseId))?.state === next ? true : undefined,
  );
  return { caseId, replyToId };
}

async function stateOf(h: Harness, caseId: string, state: string) {
  return until(`state ${state}`, async () => {
    const c = await h.bot.services.cases.get(caseId);
    return c?.state === state ? c : undefined;
  });
}

describe('licence repair outcomes', function () {
  this.timeout(60_000);
  let h: Harness;
  const clock = new TestClock();
  beforeEach(async () => {
    h = await startHarness({ clock, env: { VERIFY_TIMEOUT: 'PT5M', VERIFY_POLL_INTERVAL: 'PT1M' } });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('Room 1A: the freed Basic seat is taken during the wait; the bot says so and offers Pro', async () => {
    const { caseId, replyToId } = await openAndConfirm(h, 'room 1A');
    // Someone else takes the seat the removal freed.
    const taken = await fetch(`${h.emulator.url}/v1.0/users/leo.dupont@contoso.com/assignLicense`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ addLicenses: [{ skuId: BASIC, disabledPlans: [] }], removeLicenses: [] }),
    });
    assert.equal(taken.status, 200);
    clock.advance(8 * HOUR + 1000, h.emulator);
    h.bot.scheduler.wake();
    const open = await stateOf(h, caseId, 'window-open');
    await clickExecute(h, 'case.reassign', { caseId, version: open.version }, { replyToId });
    const noSeat = await until('the no-seat outcome', async () => {
      const c = await h.bot.services.cases.get(caseId);
      return c?.state === 'window-open' && c.outcome === 'no-seat' ? c : undefined;
    });
    const updated = await h.connector.waitFor(
      (c) =>
        c.kind === 'update' &&
        /Pro/.test(cardText(cardOf(c))) &&
        cardActions(cardOf(c)).has('case.reassign-pro'),
    );
    assert.deepEqual(validateCard(cardOf(updated) ?? {}).errors, []);
    await clickExecute(
      h,
      'case.reassign-pro',
      { caseId, version: noSeat.version, skuId: 'anything-else' },
      { replyToId },
    );
    await stateOf(h, caseId, 'verifying');
    const licences = (await (
      await fetch(`${h.emulator.url}/v1.0/users/room-1a@contoso.com?$select=assignedLicenses`)
    ).json()) as { assignedLicenses: { skuId: string }[] };
    assert.deepEqual(
      licences.assignedLicenses.map((l) => l.skuId),
      [PRO],
      'Pro was assigned, whatever the card data said',
    );
  });

  it('reassigning early leaves the bug: not verified, then the escalation pack goes to the thread', async () => {
    const { caseId, replyToId } = await openAndConfirm(h, 'room 4B');
    const waiting = await h.bot.services.cases.get(caseId);
    const warn = await clickExecute(
      h,
      'case.reassign-early',
      { caseId, version: waiting?.version ?? 0 },
      { replyToId },
    );
    assert.match(cardText(warn.card), /likely|probablement/i);
    const early = cardActions(warn.card).get('case.reassign-early-confirmed');
    assert.ok(early);
    await clickExecute(h, 'case.reassign-early-confirmed', early, { replyToId });
    await stateOf(h, caseId, 'verifying');
    const notVerified = await until('not verified', async () => {
      clock.advance(60_000, h.emulator);
      h.bot.scheduler.wake();
      const c = await h.bot.services.cases.get(caseId);
      return c?.outcome === 'not-verified' ? c : undefined;
    });
    const t0 = Date.now();
    await clickExecute(h, 'case.escalate', { caseId, version: notVerified.version }, { replyToId });
    await stateOf(h, caseId, 'escalated');
    const pack = await h.connector.waitFor(
      (c) => c.at >= t0 && typeof c.body.text === 'string' && c.body.text.includes('escalation.txt'),
    );
    const text = String(pack.body.text);
    assert.match(text, /room-4b@contoso\.com/);
    assert.match(text, /doesn't have the correct license/);
    const audit = await h.bot.services.store.listAudit({ caseId });
    for (const id of audit.map((a) => a.requestId).filter((x): x is string => Boolean(x)))
      assert.ok(text.includes(id), `the pack lists request ${id}`);
  });

  it('cancelling during the wait puts the same licence back', async () => {
    const { caseId, replyToId } = await openAndConfirm(h, 'room 4B');
    const waiting = await h.bot.services.cases.get(caseId);
    const ask = await clickExecute(
      h,
      'case.cancel',
      { caseId, version: waiting?.version ?? 0 },
      { replyToId },
    );
    assert.match(cardText(ask.card), /Teams Rooms Pro/);
    const confirmed = cardActions(ask.card).get('case.cancel-confirmed');
    assert.ok(confirmed, 'cancel asks for confirmation, saying what changes');
    await clickExecute(h, 'case.cancel-confirmed', confirmed, { replyToId });
    await stateOf(h, caseId, 'cancelled');
    const licences = await until('the licence back', async () => {
      const body = (await (
        await fetch(`${h.emulator.url}/v1.0/users/room-4b@contoso.com?$select=assignedLicenses`)
      ).json()) as {
        assignedLicenses: { skuId: string }[];
      };
      return body.assignedLicenses.some((l) => l.skuId === PRO) ? body.assignedLicenses : undefined;
    });
    assert.equal(licences.length, 1);
    assert.deepEqual(
      (await h.bot.services.store.listJobs(caseId)).filter((j) => j.kind.startsWith('timer:')),
      [],
      'no timer is left behind',
    );
  });

  it('answers status, cases, cancel and export', async () => {
    const { caseId } = await openAndConfirm(h, 'room 2C', 'verifying');
    // Proactive notices of the case go to the same thread: match the reply to the message it answers.
    const ask = async (text: string) => {
      const id = `ask-${Date.now()}-${text.length}`;
      await h.post({ ...loadActivity('channel-message'), id, text });
      return h.connector.waitFor((c) => c.kind === 'reply' && c.activityId === id);
    };
    const status = await ask('status 2C');
    assert.match(cardText(cardOf(status)), /Room 2C/);
    const list = await ask('cases');
    assert.match(cardText(cardOf(list)), /#\d+/);
    const c = await h.bot.services.cases.get(caseId);
    const cancel = await ask(`cancel case ${c?.number ?? 0}`);
    assert.ok(cardActions(cardOf(cancel)).has('case.cancel-confirmed'), 'cancel asks for confirmation first');
    const exported = await ask('export cases');
    const attachment = (
      exported.body.attachments as { contentType: string; contentUrl: string; name: string }[] | undefined
    )?.[0];
    assert.equal(attachment?.contentType, 'text/csv');
    const csv = Buffer.from(attachment?.contentUrl.split(',')[1] ?? '', 'base64').toString('utf8');
    assert.match(csv, /room-2c@contoso\.com/);
  });

  it('forgets the conversation reference when the bot is removed from the team', async () => {
    await h.say('help');
    const conversationId = String((loadActivity('channel-message').conversation as { id: string }).id);
    assert.ok(await h.bot.services.store.getReference(conversationId));
    await h.post({
      ...loadActivity('channel-message'),
      id: `removed-${Date.now()}`,
      type: 'conversationUpdate',
      text: undefined,
      membersRemoved: [{ id: '28:3a9c5e71-2b4d-4f08-a6e1-7c9d0b2f4e83' }],
    });
    await until('reference removed', async () =>
      (await h.bot.services.store.getReference(conversationId)) ? undefined : true,
    );
  });
});
