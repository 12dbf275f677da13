import { strict as assert } from 'node:assert';
import { type RoomChoiceView, renderRoomChoiceCard } from '../../../bot/cards';
import { validateCard } from '../../support/card-validator';
import { elementsOfType, textBlockTexts, textRunTexts } from './card-helpers';
import { FIXTURES } from './fixtures';

describe('room choice card', () => {
  it('asks which room when the name is ambiguous, with one button per room', () => {
    const card = renderRoomChoiceCard(FIXTURES.en.ambiguous, 'en', 'ambiguous');
    const texts = textRunTexts(card);
    assert.equal(texts[0], 'Which room do you mean?');
    assert.ok(texts.includes('Several rooms match “boardroom”. Pick one:'));
    const buttons = elementsOfType(card, 'Action.Execute');
    assert.deepEqual(
      buttons.map((button) => [button.title, button.verb, button.data]),
      [
        ['Boardroom North', 'room.pick', { intent: 'room-licence', roomId: 'room-bn' }],
        ['Boardroom South', 'room.pick', { intent: 'room-licence', roomId: 'room-bs' }],
      ],
    );
    assert.deepEqual(elementsOfType(card, 'Action.Submit')[1]?.data, {
      intent: 'room-licence',
      roomId: 'room-bs',
      verb: 'room.pick',
    });
    assert.ok(texts.includes('HQ · boardroom-n@contoso.com'));
    assert.ok(texts.includes('boardroom-s@contoso.com'));
  });

  it('asks "Quelle salle ?" in French', () => {
    const card = renderRoomChoiceCard(FIXTURES.fr.ambiguous, 'fr', 'ambiguous');
    assert.equal(textRunTexts(card)[0], 'Quelle salle\u00a0?');
    assert.ok(
      textRunTexts(card).includes(
        'Plusieurs salles correspondent à «\u00a0salle du conseil\u00a0». Choisissez-en une\u00a0:',
      ),
    );
  });

  it('says the room was not found and offers the closest names', () => {
    const card = renderRoomChoiceCard(FIXTURES.en.notFound, 'en', 'not-found');
    const texts = textRunTexts(card);
    assert.equal(texts[0], 'No room called “Room 4Z” was found.');
    assert.ok(texts.includes('Did you mean one of these?'));
    assert.deepEqual(
      elementsOfType(card, 'Action.Execute').map((button) => button.data),
      [{ roomId: 'room-bn' }],
    );
    assert.deepEqual(textBlockTexts(card), []);
  });

  it('explains where to find room names when there is no suggestion', () => {
    for (const locale of ['en', 'fr'] as const) {
      const card = renderRoomChoiceCard(FIXTURES[locale].notFoundNoSuggestion, locale, 'not-found');
      assert.equal(elementsOfType(card, 'Action.Execute').length, 0);
      const [help] = textBlockTexts(card);
      assert.ok(help?.includes(locale === 'en' ? 'Room Finder' : 'recherche de salles'), help);
      assert.deepEqual(validateCard(card).errors, []);
    }
  });

  it('shows at most ten buttons and says how many more rooms match', () => {
    const rooms = Array.from({ length: 14 }, (_, index) => ({
      id: `room-${index}`,
      displayName: `Room ${index}`,
      emailAddress: `room-${index}@contoso.com`,
    }));
    const view: RoomChoiceView = { query: 'room', rooms, pickVerb: 'room.pick', pickData: {} };
    const card = renderRoomChoiceCard(view, 'en', 'ambiguous');
    assert.equal(elementsOfType(card, 'Action.Execute').length, 10);
    assert.ok(
      textRunTexts(card).includes('4 more rooms match. Add the building or floor to narrow the search.'),
    );
    assert.deepEqual(validateCard(card).errors, []);
  });

  it('lets the picked room id win over a roomId already in the pick data', () => {
    const view: RoomChoiceView = { ...FIXTURES.en.ambiguous, pickData: { roomId: 'stale', intent: 'x' } };
    const card = renderRoomChoiceCard(view, 'en', 'ambiguous');
    assert.deepEqual(
      elementsOfType(card, 'Action.Execute').map((button) => button.data),
      [
        { roomId: 'room-bn', intent: 'x' },
        { roomId: 'room-bs', intent: 'x' },
      ],
    );
  });
});
