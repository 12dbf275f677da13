import { strict as assert } from 'node:assert';
import { cardOf, cardText, type ConnectorCall } from '../../support/fake-connector';
import {
  cardActions,
  clickExecute,
  loadActivity,
  startHarness,
  type ActivityFixture,
  type Harness,
} from '../../support/bot-harness';
import { validateCard } from '../../support/card-validator';
import { until } from '../../support/until';

const CHANNEL = '19:6f1d0c2b8a9e4d7f9b3c5a2e1d0f8b7c@thread.tacv2';
const LEO = { id: '29:leo', name: 'Léo Dupont', aadObjectId: 'a0000000-0000-4000-8000-000000002003' };
const ALICE = { id: '29:alice', name: 'Alice Martin', aadObjectId: 'a0000000-0000-4000-8000-000000001001' };

let counter = 0;

/** A 1:1 message from `from` (an end user), in English unless told. */
function personal(from: typeof LEO, text: string, locale = 'en-US'): ActivityFixture {
  const base = loadActivity('personal-message-fr');
  return {
    ...base,
    id: `personal-${Date.now()}-${++counter}`,
    text,
    locale,
    from,
    conversation: { ...(base.conversation as Record<string, unknown>), id: `a:personal-${from.aadObjectId}` },
    entities: [],
  };
}

/** A click on a card of a 1:1 chat. */
async function clickInChat(
  h: Harness,
  from: typeof LEO,
  verb: string,
  data: Record<string, unknown>,
  locale = 'en-US',
): Promise<Record<string, unknown>> {
  const invoke = loadActivity('invoke-action-execute');
  const res = await h.post({
    ...invoke,
    id: `invoke-${Date.now()}-${++counter}`,
    locale,
    from,
    conversation: {
      conversationType: 'personal',
      tenantId: 'c0a70000-0000-4000-8000-000000000000',
      id: `a:personal-${from.aadObjectId}`,
    },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  return (res.body as { value?: Record<string, unknown> }).value ?? {};
}

async function replyTo(h: Harness, activity: ActivityFixture): Promise<ConnectorCall> {
  const t0 = Date.now();
  await h.post(activity);
  return h.connector.waitFor(
    (c) => c.at >= t0 && (cardOf(c) !== undefined || typeof c.body.text === 'string'),
  );
}

describe('end users report a broken room or phone in a 1:1 chat; the helpdesk channel hears about it', function () {
  this.timeout(60_000);
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ env: { HELPDESK_CONVERSATION_ID: CHANNEL } });
    // Someone talked to the bot in the helpdesk channel once: the bot knows how to write there.
    await h.say('help');
  });
  afterEach(async () => {
    await h.stop();
  });

  it('turns a report of Room 4B into a case, a thread in the helpdesk channel and a case number', async () => {
    const asked = await replyTo(h, personal(LEO, 'the screen in room 4B says licence error'));
    const confirm = cardOf(asked) ?? {};
    assert.deepEqual(validateCard(confirm).errors, []);
    assert.match(cardText(confirm), /Room 4B/);
    const t0 = Date.now();
    h.emulator.clearRequests();
    const answer = await clickInChat(h, LEO, 'report.room', cardActions(confirm).get('report.room') ?? {});
    assert.match(cardText(answer), /Case \d+ is open for Room 4B/);
    // One diagnosis serves both the case and the thread's card: the room account is read once.
    const accountReads = h.emulator
      .requests()
      .filter((r) => r.path.toLowerCase() === '/v1.0/users/room-4b@contoso.com' && r.method === 'GET');
    assert.equal(accountReads.length, 1);

    const post = await h.connector.waitFor((c) => c.at >= t0 && c.kind === 'create-conversation');
    const thread = cardText(cardOf(post));
    assert.match(thread, /Reported by Léo Dupont/);
    assert.match(thread, /5\.2\.115\.0/);
    const c = await h.bot.services.store.findOpenCaseForRoom('b0000000-0000-4000-8000-000000000402');
    assert.equal(c?.state, 'diagnosed');
    assert.equal(c?.conversationId, `${CHANNEL};messageid=${post.assignedId}`);
    assert.equal(c?.cardActivityId, post.assignedId);
    assert.deepEqual(
      c?.reporters.map((r) => r.name),
      ['Léo Dupont'],
    );
  });

  it('puts a second report of the same room on the same case, with both reporters', async () => {
    const first = cardOf(await replyTo(h, personal(LEO, 'room 4B licence error'))) ?? {};
    await clickInChat(h, LEO, 'report.room', cardActions(first).get('report.room') ?? {});
    const second =
      cardOf(await replyTo(h, personal(ALICE, 'la salle 4B ne démarre pas la réunion', 'fr-FR'))) ?? {};
    const joined = await clickInChat(
      h,
      ALICE,
      'report.room',
      cardActions(second).get('report.room') ?? {},
      'fr-FR',
    );
    assert.match(cardText(joined), /déjà pris en charge \(dossier \d+\)/);
    const c = await h.bot.services.store.findOpenCaseForRoom('b0000000-0000-4000-8000-000000000402');
    assert.deepEqual(c?.reporters.map((r) => r.name).sort(), ['Alice Martin', 'Léo Dupont']);
    const cases = await h.bot.services.store.listCases({ open: true });
    assert.equal(cases.length, 1);
  });

  it("tells Alice when her reported phone works again, and the helpdesk drives it from the channel's thread", async () => {
    const asked = cardOf(await replyTo(h, personal(ALICE, 'my phone says no internet'))) ?? {};
    const t0 = Date.now();
    const opened = await clickInChat(h, ALICE, 'report.phone', cardActions(asked).get('report.phone') ?? {});
    assert.match(cardText(opened), /Case \d+ is open for your phone/);
    const post = await h.connector.waitFor((c) => c.at >= t0 && c.kind === 'create-conversation');
    const postCard = cardOf(post) ?? {};
    assert.match(cardText(postCard), /Reported by Alice Martin/);

    // Anna, in the channel, takes the case from the thread's card.
    const replyToId = post.assignedId ?? '';
    const caseCard = (
      await clickExecute(h, 'phone.open-case', cardActions(postCard).get('phone.open-case') ?? {}, {
        replyToId,
      })
    ).card;
    const started = (
      await clickExecute(h, 'phone.start', cardActions(caseCard).get('phone.start') ?? {}, { replyToId })
    ).card;
    const t1 = Date.now();
    const done = await clickExecute(h, 'phone.works', cardActions(started).get('phone.works') ?? {}, {
      replyToId,
    });
    assert.match(cardText(done), /Resolved/);
    const told = await h.connector.waitFor(
      (c) =>
        c.at >= t1 &&
        c.conversationId === `a:personal-${ALICE.aadObjectId}` &&
        typeof c.body.text === 'string',
    );
    assert.match(String(told.body.text), /it works again/);
    assert.doesNotMatch(String(told.body.text), /10\.20\.3\.41/);
  });

  it('keeps the report when the bot was removed from the helpdesk channel, and tells the next helpdesk member', async () => {
    h.connector.fail((c) => c.kind === 'create-conversation', 403);
    const asked = cardOf(await replyTo(h, personal(LEO, 'room 4B licence error'))) ?? {};
    const answer = await clickInChat(h, LEO, 'report.room', cardActions(asked).get('report.room') ?? {});
    assert.match(cardText(answer), /Case \d+ is open/);
    const c = await until('the case', () =>
      h.bot.services.store.findOpenCaseForRoom('b0000000-0000-4000-8000-000000000402'),
    );
    assert.equal(c.conversationId, undefined);

    const t0 = Date.now();
    await h.say('cases');
    const warned = await h.connector.waitFor(
      (call) => call.at >= t0 && typeof call.body.text === 'string' && /waiting/.test(String(call.body.text)),
    );
    assert.match(String(warned.body.text), /1 report\(s\)/);
  });

  it('tracks a report the bot does not repair itself (Room 7G, disabled account) until the helpdesk closes it', async () => {
    const asked = cardOf(await replyTo(h, personal(LEO, 'room 7G says licence error'))) ?? {};
    const t0 = Date.now();
    const answer = await clickInChat(h, LEO, 'report.room', cardActions(asked).get('report.room') ?? {});
    assert.match(cardText(answer), /Case \d+ is open for Room 7G/);
    const post = await h.connector.waitFor((c) => c.at >= t0 && c.kind === 'create-conversation');
    const diagnosis = cardOf(post) ?? {};
    assert.match(cardText(diagnosis), /disabled/);
    const resolve = cardActions(diagnosis).get('report.resolve');
    assert.ok(resolve, 'the diagnosis in the thread can close the case');

    const t1 = Date.now();
    const closed = await clickExecute(h, 'report.resolve', resolve, { replyToId: post.assignedId ?? '' });
    assert.match(cardText(closed.card), /Resolved/);
    const told = await h.connector.waitFor(
      (c) =>
        c.at >= t1 && c.conversationId === `a:personal-${LEO.aadObjectId}` && typeof c.body.text === 'string',
    );
    assert.match(String(told.body.text), /Room 7G \(case \d+\): the room works again/);
  });

  it('gives a helpdesk member the diagnosis in a 1:1 chat, not a report', async () => {
    const anna = {
      id: '29:anna',
      name: 'Anna Helpdesk',
      aadObjectId: 'a0000000-0000-4000-8000-000000002001',
    };
    const reply = cardOf(await replyTo(h, personal(anna, 'room 4B stuck on licence'))) ?? {};
    assert.ok(cardActions(reply).has('licence.start-repair'));
    assert.ok(!cardActions(reply).has('report.room'));
  });

  describe('"set helpdesk channel"', () => {
    let g: Harness;
    beforeEach(async () => {
      g = await startHarness();
    });
    afterEach(async () => {
      await g.stop();
    });

    it('makes the channel receive reports, and posts the ones that were waiting', async () => {
      const asked = cardOf(await replyTo(g, personal(LEO, 'room 4B licence error'))) ?? {};
      await clickInChat(g, LEO, 'report.room', cardActions(asked).get('report.room') ?? {});
      const waiting = await g.bot.services.store.findOpenCaseForRoom('b0000000-0000-4000-8000-000000000402');
      assert.equal(waiting?.conversationId, undefined);

      const t0 = Date.now();
      await g.say('set helpdesk channel');
      const post = await g.connector.waitFor((c) => c.at >= t0 && c.kind === 'create-conversation');
      assert.match(cardText(cardOf(post)), /Reported by Léo Dupont/);
      const confirmed = await g.connector.waitFor(
        (c) =>
          c.at >= t0 && c.kind !== 'create-conversation' && /receives the reports/.test(cardText(cardOf(c))),
      );
      assert.match(cardText(cardOf(confirmed)), /1 waiting report\(s\) were posted here/);
      const attached = await g.bot.services.store.findOpenCaseForRoom('b0000000-0000-4000-8000-000000000402');
      assert.equal(attached?.conversationId, post.conversationId);
      const audit = await g.bot.services.store.listAudit({ limit: 50 });
      assert.ok(audit.some((a) => a.action === 'set helpdesk channel' && a.result === 'ok'));
    });

    it('refuses a person outside the helpdesk', async () => {
      const t0 = Date.now();
      await g.post({
        ...loadActivity('channel-message'),
        id: `channel-${Date.now()}`,
        text: 'set helpdesk channel',
        from: LEO,
      });
      const reply = await g.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined);
      assert.match(cardText(cardOf(reply)), /helpdesk/i);
      assert.equal(await g.bot.services.store.getReference('helpdesk-channel'), undefined);
    });
  });
});
