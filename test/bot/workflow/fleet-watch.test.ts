import { strict as assert } from 'node:assert';
import pino from 'pino';
import { runFleetScan } from '../../../bot/commands/fleet';
import { FleetWatch } from '../../../bot/workflow/fleet-watch';
import { cardOf, cardText } from '../../support/fake-connector';
import { startHarness, type Harness } from '../../support/bot-harness';

const CHANNEL = '19:6f1d0c2b8a9e4d7f9b3c5a2e1d0f8b7c@thread.tacv2';
const HOUR = 3600_000;

describe('scheduled fleet scan', function () {
  this.timeout(60_000);
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ env: { HELPDESK_CONVERSATION_ID: CHANNEL } });
    await h.say('help');
  });
  afterEach(async () => {
    await h.stop();
  });

  function watch(now: () => Date, fallback?: string): FleetWatch {
    const services = h.bot.services;
    return new FleetWatch(services.store, services.messenger, (locale) => runFleetScan(services, locale), {
      intervalMs: 6 * HOUR,
      now,
      logger: pino({ level: 'silent' }),
      ...(fallback ? { fallbackConversationId: fallback } : {}),
    });
  }

  it('posts one digest per interval in the helpdesk channel, whichever instance gets there first', async () => {
    const at = new Date('2026-11-22T06:00:01Z');
    const t0 = Date.now();
    const results = await Promise.all([
      watch(() => at, CHANNEL).runOnce(),
      watch(() => at, CHANNEL).runOnce(),
    ]);
    assert.deepEqual(results.sort(), [false, true]);
    const post = await h.connector.waitFor((c) => c.at >= t0 && c.kind === 'create-conversation');
    const text = cardText(cardOf(post));
    assert.match(text, /Room 4B/);
    assert.match(text, /Alice Martin/);
    const later = new Date(at.getTime() + 6 * HOUR);
    assert.equal(await watch(() => later, CHANNEL).runOnce(), true);
  });

  it('skips the scan while no helpdesk channel is known', async () => {
    const at = new Date('2026-11-22T12:00:01Z');
    assert.equal(await watch(() => at).runOnce(), false);
  });
});
