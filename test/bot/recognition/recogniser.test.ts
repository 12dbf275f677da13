import { strict as assert } from 'node:assert';
import { defaultFaq, type FaqEntry } from '../../../bot/knowledge/faq';
import { buildRecogniser } from '../../../bot/recognition';
import { INTENT_TERMS, INTENT_TIE_ORDER } from '../../../bot/recognition/lexicon';
import { tokenise } from '../../../bot/recognition/normalise';
import type { Directory } from '../../../bot/recognition/types';
import { DEMO_DIRECTORY } from './demo-directory';

describe('recognition: recogniser', () => {
  const demo = buildRecogniser(DEMO_DIRECTORY);

  it('knows rooms and people only from the directory it was built with', () => {
    const other: Directory = {
      rooms: [{ id: 'r1', displayName: 'Salle Everest', emailAddress: 'everest@fabrikam.fr' }],
      people: [
        {
          id: 'p1',
          displayName: 'Zoé Leclerc',
          givenName: 'Zoé',
          surname: 'Leclerc',
          userPrincipalName: 'zoe.leclerc@fabrikam.fr',
        },
      ],
    };
    const recogniser = buildRecogniser(other);
    const room = recogniser.recognise('la salle Everest est bloquée').room;
    assert.equal(room?.kind === 'resolved' ? room.value.displayName : room?.kind, 'Salle Everest');
    assert.equal(
      recogniser.recognise('Everset stuck').room?.kind,
      'resolved',
      'typos are corrected to room names',
    );
    const person = recogniser.recognise('le téléphone de Zoé affiche pas d’internet').person;
    assert.equal(person?.kind === 'resolved' ? person.value.displayName : person?.kind, 'Zoé Leclerc');
    assert.equal(recogniser.recognise('room 4B stuck').room?.kind, 'not-found');
    assert.equal(recogniser.recognise("Alice's phone no internet").person?.kind, 'not-found');
  });

  it('works with an empty directory', () => {
    const empty = buildRecogniser({ rooms: [], people: [] });
    const result = empty.recognise('room 4B stuck on licence');
    assert.equal(result.intent, 'room-licence');
    assert.deepEqual(result.room, { kind: 'not-found', query: '4B', suggestions: [] });
  });

  it('weighs evidence instead of trying intents in a fixed order', () => {
    // The same room with different words around it leads to different intents.
    assert.equal(demo.recognise('room 4B').intent, 'room-licence');
    assert.equal(demo.recognise('status room 4B').intent, 'case-status');
    assert.equal(demo.recognise('room 4B phone no internet').intent, 'phone-no-internet');
    // More evidence for one intent beats a single word for another.
    assert.equal(demo.recognise('room 4B still stuck on licence, any update?').intent, 'room-licence');
    assert.equal(demo.recognise("status of Alice's phone").intent, 'case-status');
    assert.equal(demo.recognise("update the firmware on Alice's phone").intent, 'phone-no-internet');
    // A person alone, or a single weak word, is not enough to act.
    assert.equal(demo.recognise('Bob').intent, 'unknown');
    assert.equal(demo.recognise('broken').intent, 'unknown');
  });

  it('only counts a question mark when it is the whole message', () => {
    assert.equal(demo.recognise('?').intent, 'help');
    assert.equal(demo.recognise(' ?? ').intent, 'help');
    assert.equal(demo.recognise("what's for lunch?").intent, 'unknown');
  });

  it('leaves out entities the message does not name', () => {
    assert.deepEqual(demo.recognise('help'), { intent: 'help', locale: 'en' });
    assert.deepEqual(demo.recognise(''), { intent: 'unknown', locale: 'en' });
    assert.deepEqual(demo.recognise('   ', { locale: 'fr' }), { intent: 'unknown', locale: 'fr' });
  });

  it('keeps numbers that belong to a case or a device model out of room names', () => {
    const rooms: Directory = {
      rooms: [{ id: 'r', displayName: 'Room 12', emailAddress: 'room-12@contoso.com' }],
      people: [],
    };
    const recogniser = buildRecogniser(rooms);
    const caseResult = recogniser.recognise('case 12');
    assert.equal(caseResult.caseRef, '12');
    assert.equal(caseResult.room, undefined);
    const model = recogniser.recognise('CCX 500 no internet');
    assert.equal(model.deviceModel, 'CCX 500');
    assert.equal(model.room, undefined);
    assert.equal(recogniser.recognise('room 12').room?.kind, 'resolved');
  });

  it('reads the start of a very long message', () => {
    const result = demo.recognise(`room 4B stuck on licence ${'log line '.repeat(5000)}`);
    assert.equal(result.intent, 'room-licence');
    assert.equal(result.room?.kind, 'resolved');
  });

  it('answers unknown to input with nothing to recognise', () => {
    for (const text of [
      '\u0000',
      '<at></at>',
      "'''",
      '#',
      '@',
      'a'.repeat(5000),
      'a.'.repeat(20000),
      '🙂'.repeat(100),
      '4'.repeat(50),
    ]) {
      assert.deepEqual(
        demo.recognise(text),
        { intent: 'unknown', locale: 'en' },
        JSON.stringify(text.slice(0, 9)),
      );
    }
  });
});

describe('recognition: FAQ questions', () => {
  const demo = buildRecogniser(DEMO_DIRECTORY);

  it('finds every FAQ entry from its own question, in English and in French', () => {
    for (const entry of defaultFaq) {
      for (const locale of ['en', 'fr'] as const) {
        const result = demo.recognise(entry.question[locale]);
        assert.deepEqual(
          { intent: result.intent, locale: result.locale, faqId: result.faqId },
          { intent: 'faq', locale, faqId: entry.id },
          entry.question[locale],
        );
      }
    }
  });

  it('has keywords that all survive tokenising', () => {
    for (const entry of defaultFaq) {
      for (const keyword of [...entry.keywords.en, ...entry.keywords.fr]) {
        assert.ok(tokenise(keyword).length > 0, `${entry.id}: "${keyword}" has no token`);
      }
    }
  });

  it('takes its questions from the FAQ data: a new entry is a data change', () => {
    const printer: FaqEntry = {
      id: 'printer-toner',
      playbook: 'room-licence',
      question: { en: 'Who refills the toner?', fr: 'Qui remplace le toner ?' },
      answer: { en: 'Facilities.', fr: 'Les services généraux.' },
      keywords: { en: ['toner', 'refill the toner'], fr: ['toner', 'cartouche'] },
    };
    const recogniser = buildRecogniser(DEMO_DIRECTORY, { faq: [...defaultFaq, printer] });
    assert.equal(recogniser.recognise('who refills the toner?').faqId, 'printer-toner');
    assert.equal(recogniser.recognise('qui change la cartouche ?').locale, 'fr');
    assert.equal(demo.recognise('who refills the toner?').intent, 'unknown', 'not in the shipped FAQ');
    assert.equal(recogniser.recognise('why only some rooms?').faqId, 'why-only-some-rooms');
  });

  it('matches keywords on whole words only, never inside another word', () => {
    const ports: FaqEntry = {
      id: 'ports',
      playbook: 'phone-no-internet',
      question: { en: 'Which ports?', fr: 'Quels ports ?' },
      answer: { en: 'Some.', fr: 'Certains.' },
      keywords: { en: ['port', 'pro'], fr: ['port', 'pro'] },
    };
    const recogniser = buildRecogniser({ rooms: [], people: [] }, { faq: [ports] });
    assert.equal(recogniser.recognise('is the port open?').faqId, 'ports');
    for (const text of ['why is the report late?', 'where is the support portal?', 'is it a problem?']) {
      assert.notEqual(recogniser.recognise(text).intent, 'faq', text);
    }
  });

  it('answers only general questions, not reports nor questions about a named room or person', () => {
    assert.equal(demo.recognise('why does the CCX 500 say No internet?').intent, 'faq');
    assert.equal(demo.recognise('the CCX 500 says No internet').intent, 'phone-no-internet');
    assert.equal(demo.recognise('why does my CCX 500 say No internet?').intent, 'phone-no-internet');
    assert.equal(demo.recognise("why does Bob's CCX 500 say No internet?").intent, 'phone-no-internet');
    assert.equal(demo.recognise('why is room 4B stuck?').intent, 'room-licence');
  });

  it('gives faqId and self only with their intents', () => {
    const room = demo.recognise('my room 4B is stuck on licence');
    assert.equal(room.intent, 'room-licence');
    assert.equal(room.self, undefined);
    assert.equal(room.faqId, undefined);
    assert.deepEqual(demo.recognise('my phone says no internet'), {
      intent: 'phone-no-internet',
      locale: 'en',
      self: true,
    });
    assert.deepEqual(demo.recognise('why only some rooms?'), {
      intent: 'faq',
      locale: 'en',
      faqId: 'why-only-some-rooms',
    });
  });
});

describe('recognition: lexicon', () => {
  it('has phrases that all survive tokenising, each listed once', () => {
    const seen = new Map<string, number>();
    for (const [i, term] of INTENT_TERMS.entries()) {
      for (const phrase of term.phrases) {
        const key = tokenise(phrase)
          .map((t) => t.text)
          .join(' ');
        assert.notEqual(key, '', `"${phrase}" has no token`);
        assert.equal(seen.get(key) ?? i, i, `"${phrase}" is listed in two groups`);
        seen.set(key, i);
      }
    }
  });

  it('gives evidence only to known intents, with positive weights', () => {
    for (const term of INTENT_TERMS) {
      for (const [intent, weight] of Object.entries(term.evidence)) {
        assert.ok((INTENT_TIE_ORDER as readonly string[]).includes(intent), intent);
        assert.ok(typeof weight === 'number' && weight > 0, `${intent}: ${weight}`);
      }
    }
  });
});
