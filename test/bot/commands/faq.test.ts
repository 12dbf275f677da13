import { strict as assert } from 'node:assert';
import pino from 'pino';
import type { AdaptiveCard } from '../../../bot/cards';
import { faqCard } from '../../../bot/commands/faq';
import { commandFor } from '../../../bot/commands/registry';
import type { BotServices, Turn } from '../../../bot/commands/types';
import type { Locale } from '../../../bot/i18n';
import { defaultFaq, faqOfPlaybook } from '../../../bot/knowledge/faq';
import { buildRecogniser } from '../../../bot/recognition';
import { startHarness, type Harness } from '../../support/bot-harness';
import { validateCard } from '../../support/card-validator';
import { cardOf, cardText } from '../../support/fake-connector';
import { DEMO_DIRECTORY } from '../recognition/demo-directory';

const NBSP = '\u00a0';

// A title is one line; its no-break spaces (French typography) are kept as they are.
function title(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/^\S+ /u, '');
}

/** Recognises the text with the real recogniser and runs the command the registry picks, as dispatch does. */
async function ask(
  text: string,
  userLocale: Locale = 'en',
): Promise<{ command: string; cards: AdaptiveCard[] }> {
  const recognition = buildRecogniser(DEMO_DIRECTORY).recognise(text, { locale: userLocale });
  const cards: AdaptiveCard[] = [];
  const turn: Turn = {
    locale: recognition.locale,
    correlationId: 'test',
    actor: { id: 'user' },
    conversation: { id: 'conversation', type: 'personal' },
    send: (card) => {
      cards.push(card);
      return Promise.resolve();
    },
    sendText: () => Promise.reject(new Error('the FAQ answers with a card')),
    sendFile: () => Promise.reject(new Error('the FAQ answers with a card')),
    log: pino({ level: 'silent' }),
  };
  const command = commandFor(recognition.intent);
  // The FAQ needs no service: an empty set proves it.
  await command.handle({ turn, recognition, text }, {} as BotServices);
  return { command: command.name, cards };
}

function onlyCard(cards: AdaptiveCard[]): { card: AdaptiveCard; text: string } {
  assert.equal(cards.length, 1, 'one card');
  const card = cards[0] as AdaptiveCard;
  assert.deepEqual(validateCard(card).errors, [], 'the card is valid');
  return { card, text: cardText(card) };
}

describe('faq command', () => {
  it('answers a question with its answer and the other questions of the same playbook', async () => {
    const { command, cards } = await ask('why only some rooms?');
    assert.equal(command, 'faq');
    const { text } = onlyCard(cards);
    assert.equal(title(text), 'Why are only some rooms affected?');
    assert.match(text, /ring by ring/);
    assert.match(text, /Related:/);
    for (const other of faqOfPlaybook('room-licence').filter((e) => e.id !== 'why-only-some-rooms')) {
      assert.ok(text.includes(other.question.en), other.question.en);
    }
    for (const phone of faqOfPlaybook('phone-no-internet')) assert.ok(!text.includes(phone.question.en));
  });

  it('answers in French, with French typography, to a French question', async () => {
    const { text } = onlyCard((await ask('faut-il toujours réinitialiser la console ?')).cards);
    assert.equal(title(text), `Faut-il toujours réinitialiser la console${NBSP}?`);
    assert.match(text, new RegExp(`Voir aussi${NBSP}:`));
    assert.match(text, /jetons de connexion/);
    assert.doesNotMatch(text, /Related:/);
  });

  it('lists every question, by playbook, when no entry matches well', async () => {
    for (const question of ['faq', 'why reset or wait?']) {
      const { command, cards } = await ask(question);
      assert.equal(command, 'faq', question);
      const { text } = onlyCard(cards);
      assert.match(text, /Frequently asked questions/);
      assert.match(text, /Teams Rooms licence error/);
      assert.match(text, /Teams phones showing “No internet”/);
      for (const entry of defaultFaq) assert.ok(text.includes(entry.question.en), entry.question.en);
    }
    const { text } = onlyCard((await ask('questions fréquentes')).cards);
    assert.match(text, /Questions fréquentes/);
    for (const entry of defaultFaq) assert.ok(text.includes(entry.question.fr), entry.question.fr);
  });

  it('renders every entry in both languages as a valid card, none shortened', () => {
    for (const entry of defaultFaq) {
      for (const locale of ['en', 'fr'] as const) {
        const card = faqCard(locale, entry.id);
        assert.deepEqual(validateCard(card).errors, [], `${entry.id} (${locale})`);
        const text = cardText(card);
        assert.equal(title(text), entry.question[locale], `${entry.id} (${locale}): title`);
        assert.ok(text.includes(entry.answer[locale]), `${entry.id} (${locale}): the whole answer`);
      }
    }
  });
});

describe('faq command over HTTP with the Graph emulator and a stand-in Teams connector', function () {
  this.timeout(30_000);
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
  });
  beforeEach(() => {
    h.connector.clear();
  });

  async function replyText(after: number): Promise<string> {
    const call = await h.connector.waitFor(
      (c) => c.at >= after && (c.kind === 'send' || c.kind === 'reply') && cardOf(c) !== undefined,
    );
    const card = cardOf(call) ?? {};
    assert.deepEqual(validateCard(card).errors, [], 'the card the bot sent is valid');
    return cardText(card);
  }

  it('answers "why only some rooms?" in the channel thread', async () => {
    const t0 = Date.now();
    const res = await h.say('<at>Helpdesk Bot</at> why only some rooms?');
    assert.equal(res.status, 200);
    const text = await replyText(t0);
    assert.match(text, /Why are only some rooms affected\?/);
    assert.match(text, /5\.2\.115\.0/);
    assert.match(text, /Related:/);
    assert.match(text, /Can I downgrade the console to 5\.1\.111\.0\?/);
  });

  it('answers a French question in a personal chat in French', async () => {
    const t0 = Date.now();
    await h.say('quels ports faut-il ouvrir pour les téléphones Teams ?', 'personal-message-fr');
    const text = await replyText(t0);
    assert.equal(title(text), `Quels ports faut-il ouvrir pour les téléphones Teams${NBSP}?`);
    assert.match(text, /TCP 443/);
    assert.match(text, /UDP 3478 à 3481/);
    assert.match(text, new RegExp(`Voir aussi${NBSP}:`));
  });
});
