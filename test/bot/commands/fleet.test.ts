import { strict as assert } from 'node:assert';
import pino from 'pino';
import type { AdaptiveCard } from '../../../bot/cards';
import { fleetCommand, runFleetScan, scanFleetDigest } from '../../../bot/commands/fleet';
import { commandFor } from '../../../bot/commands/registry';
import type { Turn } from '../../../bot/commands/types';
import type { Locale } from '../../../bot/i18n';
import type { Recognition } from '../../../bot/recognition/types';
import { cardActions, clickExecute, startHarness, type Harness } from '../../support/bot-harness';
import { validateCard } from '../../support/card-validator';
import { cardOf, cardText } from '../../support/fake-connector';

/** A turn that keeps what the command sends. */
function fakeTurn(locale: Locale): { turn: Turn; cards: AdaptiveCard[]; texts: string[] } {
  const cards: AdaptiveCard[] = [];
  const texts: string[] = [];
  const turn: Turn = {
    locale,
    correlationId: 'fleet-test',
    actor: { id: 'anna', aadObjectId: 'a0000000-0000-4000-8000-000000002001', name: 'Anna Helpdesk' },
    conversation: { id: 'helpdesk-channel', type: 'channel' },
    send: (card) => {
      cards.push(card);
      return Promise.resolve();
    },
    sendText: (text) => {
      texts.push(text);
      return Promise.resolve();
    },
    sendFile: () => Promise.reject(new Error('the fleet command answers with a card')),
    log: pino({ level: 'silent' }),
  };
  return { turn, cards, texts };
}

const RECOGNITION: Recognition = { intent: 'fleet', locale: 'en' };

/** Every Action.Execute of a card with its title. */
function buttons(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute')
        out.push({
          title: String(o.title),
          verb: String(o.verb),
          data: (o.data ?? {}) as Record<string, unknown>,
        });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('fleet command', function () {
  this.timeout(60_000);
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
  });
  beforeEach(() => {
    h.emulator.reset();
    h.connector.clear();
  });

  it('answers with the digest card of the demo tenant', async () => {
    const { turn, cards, texts } = fakeTurn('en');
    await fleetCommand.handle({ turn, recognition: RECOGNITION, text: 'fleet' }, h.bot.services);
    assert.equal(cards.length, 1);
    assert.match(texts[0] ?? '', /Scanning every Teams Room and phone/);
    const card = cards[0];
    assert.deepEqual(validateCard(card).errors, []);
    const text = cardText(card);
    assert.match(text, /Fleet scan/);
    assert.match(text, /Known-bad Teams Rooms build \(5\)/);
    const titles = buttons(card).map((b) => b.title);
    for (const name of ['Room 4B', 'Room 7G', 'Alice Martin · Poly CCX 500', 'Chloé Petit · Poly CCX 500']) {
      assert.ok(titles.includes(name), `${name} has a button`);
    }
  });

  it('renders in French for a French turn', async () => {
    const card = await runFleetScan(h.bot.services, 'fr');
    assert.deepEqual(validateCard(card).errors, []);
    assert.match(cardText(card), /Analyse du parc/);
    assert.match(cardText(card), /Version Teams Rooms défectueuse connue/);
  });

  it("opens a room's diagnosis from its button, and a phone's", async () => {
    const card = await runFleetScan(h.bot.services, 'en');
    const room = buttons(card).find((b) => b.title === 'Room 4B');
    assert.ok(room);
    const diagnosis = await clickExecute(h, room.verb, room.data);
    assert.equal(diagnosis.status, 200);
    assert.ok(cardActions(diagnosis.card).has('licence.start-repair'), 'the diagnosis offers the repair');

    const phone = buttons(card).find((b) => b.title === 'Alice Martin · Poly CCX 500');
    assert.ok(phone);
    const phoneCard = await clickExecute(h, phone.verb, phone.data);
    assert.equal(phoneCard.status, 200);
    assert.match(cardText(phoneCard.card), /Alice Martin/);
  });

  it('leaves out a room once a case is open for it, and counts it', async () => {
    const before = await scanFleetDigest(h.bot.services);
    assert.equal(before.alreadyInCase, 0);
    const card = await runFleetScan(h.bot.services, 'en');
    const room = buttons(card).find((b) => b.title === 'Room 4B');
    assert.ok(room);
    const diagnosis = await clickExecute(h, room.verb, room.data);
    const start = cardActions(diagnosis.card).get('licence.start-repair');
    assert.ok(start);
    await clickExecute(h, 'licence.start-repair', start);
    const open = await h.bot.services.store.listCases({ open: true });
    assert.ok(
      open.some((c) => c.roomName === 'Room 4B'),
      'a case is open for Room 4B',
    );

    const after = await runFleetScan(h.bot.services, 'en');
    assert.ok(!buttons(after).some((b) => b.title === 'Room 4B'), 'Room 4B is not reported twice');
    assert.match(cardText(after), /Already in a case, left out of the lists: 1/);
    assert.match(cardText(after), /Known-bad Teams Rooms build \(4\)/);
  });

  it('answers "fleet" in the channel once the command is registered', async function () {
    if (commandFor('fleet') !== fleetCommand) this.skip();
    const t0 = Date.now();
    await h.say('<at>Helpdesk Bot</at> fleet');
    const reply = await h.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined);
    const card = cardOf(reply);
    assert.deepEqual(validateCard(card).errors, []);
    assert.match(cardText(card), /Fleet scan/);
  });
});
