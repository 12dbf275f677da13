import { strict as assert } from 'node:assert';
import { cardOf, cardText, type ConnectorCall } from '../support/fake-connector';
import { loadActivity, startHarness, type Harness } from '../support/bot-harness';
import { validateCard } from '../support/card-validator';

const CHANNEL_THREAD = '19:6f1d0c2b8a9e4d7f9b3c5a2e1d0f8b7c@thread.tacv2;messageid=1795341491402';

/** Waits for the bot's reply carrying a card and checks that card is valid. */
async function replyCard(
  h: Harness,
  after: number,
): Promise<{ call: ConnectorCall; card: Record<string, unknown>; text: string }> {
  const call = await h.connector.waitFor(
    (c) => c.at >= after && (c.kind === 'send' || c.kind === 'reply') && cardOf(c) !== undefined,
  );
  const card = cardOf(call) ?? {};
  const result = validateCard(card);
  assert.deepEqual(result.errors, [], 'the card the bot sent is valid');
  return { call, card, text: cardText(card) };
}

function roomId(h: Harness, name: string): string {
  const room = h.bot.services.directory.current().rooms.find((r) => r.displayName === name);
  assert.ok(room, `${name} is in the directory`);
  return room.id;
}

describe('bot over HTTP with the Graph emulator and a stand-in Teams connector', function () {
  this.timeout(30_000);
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
  });
  beforeEach(() => {
    h.emulator.reset();
    h.emulator.faults.clear();
    h.connector.clear();
  });

  it('answers "room 4B stuck on licence" in the channel thread with the licence bug diagnosis', async () => {
    const t0 = Date.now();
    const res = await h.say('<at>Helpdesk Bot</at> room 4B stuck on licence');
    assert.equal(res.status, 200);
    const { call, text } = await replyCard(h, t0);
    assert.equal(call.conversationId, CHANNEL_THREAD, 'the reply stays in the thread');
    assert.match(text, /Room 4B/);
    assert.match(text, /5\.2\.115\.0/);
    assert.match(text, /Start the licence repair/);
  });

  it('answers in French to a French message', async () => {
    const t0 = Date.now();
    await h.say('salle 4B bloquée licence', 'personal-message-fr');
    const { text } = await replyCard(h, t0);
    assert.match(text, /Lancer la réparation de la licence/);
    assert.doesNotMatch(text, /Start the licence repair/);
  });

  it('offers a choice for an ambiguous room', async () => {
    const t0 = Date.now();
    await h.say('boardroom licence problem');
    const { text } = await replyCard(h, t0);
    assert.match(text, /Boardroom North/);
    assert.match(text, /Boardroom South/);
  });

  it('says a room does not exist and suggests close names', async () => {
    const t0 = Date.now();
    await h.say('room 9Z stuck on licence');
    const { text } = await replyCard(h, t0);
    assert.match(text, /9Z/);
  });

  it('answers anything it does not understand with help, in the user language', async () => {
    const t0 = Date.now();
    await h.say("qu'est-ce qu'on mange ce midi", 'personal-message-fr');
    const { text } = await replyCard(h, t0);
    assert.match(text, /salle 4B bloquée licence/);
  });

  it('answers an Action.Execute with the refreshed card in the invoke response', async () => {
    const invoke = loadActivity('invoke-action-execute');
    const value = invoke.value as { action: { data: Record<string, string> } };
    value.action.data.roomId = roomId(h, 'Room 4A');
    const res = await h.post(invoke);
    assert.equal(res.status, 200);
    const body = res.body as { statusCode: number; type: string; value: Record<string, unknown> };
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(validateCard(body.value).errors, []);
    assert.match(cardText(body.value), /Room 4A/);
  });

  it('opens a case awaiting confirmation, before anything is changed', async () => {
    const invoke = loadActivity('invoke-action-execute');
    const value = invoke.value as { action: { verb: string; data: Record<string, string> } };
    value.action.verb = 'licence.start-repair';
    value.action.data.roomId = roomId(h, 'Room 4B');
    const before = h.emulator.requests().length;
    const res = await h.post(invoke);
    const card = (res.body as { value: Record<string, unknown> }).value;
    assert.deepEqual(validateCard(card).errors, []);
    assert.match(cardText(card), /Nothing has been changed yet/);
    assert.match(cardText(card), /Remove the licence now/);
    const writes = h.emulator
      .requests()
      .slice(before)
      .filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch'));
    assert.deepEqual(writes, [], 'no Graph write happened');
  });

  it('handles the Action.Submit fallback like the Execute', async () => {
    const t0 = Date.now();
    const submit = {
      ...loadActivity('channel-message'),
      entities: [],
      id: `submit-${t0}`,
      text: undefined,
      replyToId: '1795341493877',
      value: { verb: 'room.diagnose', roomId: roomId(h, 'Room 4A') },
    };
    await h.post(submit);
    const call = await h.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined);
    assert.equal(call.kind, 'update', 'the card is updated in place');
    assert.match(cardText(cardOf(call)), /Room 4A/);
  });

  it('ignores a retried activity with the same id', async () => {
    const activity = { ...loadActivity('channel-message'), id: `retry-${Date.now()}`, text: 'help' };
    await h.post(activity);
    await h.post(activity);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(h.connector.calls.filter((c) => cardOf(c)).length, 1);
  });

  it('keeps diagnosing when the Teams devices API fails, and says which evidence is missing', async () => {
    h.emulator.faults.add({ path: '^/beta/teamwork/devices', status: 500, graphCode: 'InternalServerError' });
    const t0 = Date.now();
    await h.say('room 4A licence');
    const { text } = await replyCard(h, t0);
    assert.match(text, /Room 4A/);
    assert.match(text, /Teams device/i);
  });

  it('explains a missing Graph permission and keeps the request id', async () => {
    h.emulator.faults.add({
      path: '^/v1\\.0/users/[^/]+$',
      status: 403,
      graphCode: 'Authorization_RequestDenied',
    });
    const t0 = Date.now();
    await h.say('room 4B stuck on licence');
    const { text } = await replyCard(h, t0);
    assert.match(text, /User\.Read\.All/);
    assert.match(text, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'a request id is shown for support');
  });

  it('waits out Graph throttling inside a $batch and still answers', async () => {
    h.emulator.faults.add({
      path: '^/v1\\.0/users/[^/]+/licenseDetails',
      status: 429,
      retryAfterSeconds: 1,
      count: 1,
    });
    const t0 = Date.now();
    await h.say('room 4B stuck on licence');
    const { text } = await replyCard(h, t0);
    assert.match(text, /5\.2\.115\.0/);
    const tries = h.emulator.requests().filter((r) => r.path.includes('licenseDetails'));
    assert.equal(tries.length, 2, 'the throttled request was retried once');
  });

  it('reports health of Graph and the directory', async () => {
    const res = await fetch(`${h.bot.url}/healthz`);
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    assert.equal(res.status, 200);
    assert.equal(body.checks.graph?.ok, true);
    assert.equal(body.checks.directory?.ok, true);
  });

  it('welcomes the team with the help card when installed', async () => {
    const t0 = Date.now();
    await h.post(loadActivity('bot-added-to-team'));
    const { text } = await replyCard(h, t0);
    assert.match(text, /room 4B stuck on licence/);
  });
});

describe('tenant allow-list', function () {
  this.timeout(30_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { ALLOWED_TENANT_IDS: '00000000-0000-4000-8000-000000000001' } });
  });
  after(async () => {
    await h.stop();
  });

  it('does not answer activities from another tenant', async () => {
    await h.say('help');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(h.connector.calls.length, 0);
  });
});

describe('health when Graph is down', function () {
  this.timeout(30_000);
  it('answers 503 and names the failing dependency', async () => {
    const h = await startHarness();
    try {
      h.emulator.faults.add({ path: '.*', status: 503 });
      const res = await fetch(`${h.bot.url}/healthz`);
      const body = (await res.json()) as { checks: Record<string, { ok: boolean }> };
      assert.equal(res.status, 503);
      assert.equal(body.checks.graph?.ok, false);
    } finally {
      await h.stop();
    }
  });
});

describe('graceful shutdown', function () {
  this.timeout(30_000);
  it('finishes a turn in flight before stopping', async () => {
    const h = await startHarness();
    let stopped = false;
    try {
      h.emulator.faults.add({ path: '.*', latencyMs: 800 });
      const t0 = Date.now();
      const pending = h.say('room 4A licence');
      await new Promise((r) => setTimeout(r, 200));
      const stopping = h.bot.stop().then(() => (stopped = true));
      const res = await pending;
      assert.equal(res.status, 200);
      assert.ok(
        h.connector.calls.some((c) => c.at >= t0 && cardOf(c)),
        'the reply was delivered',
      );
      await stopping;
      assert.equal(stopped, true);
      await assert.rejects(fetch(`${h.bot.url}/healthz`), 'the server no longer accepts requests');
    } finally {
      await h.connector.stop();
      await h.emulator.close();
    }
  });
});
