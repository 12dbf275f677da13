import { strict as assert } from 'node:assert';
import { renderConfirmActionCard } from '../../../bot/cards';
import { elementsOfType, objectsOf, textBlockTexts, textRunTexts } from './card-helpers';
import { FIXTURES } from './fixtures';

describe('confirm action card', () => {
  const view = FIXTURES.en.confirm;

  it('shows the title and every change, in order', () => {
    const card = renderConfirmActionCard(view, 'en');
    const texts = textRunTexts(card);
    assert.equal(texts[0], 'Remove the licence from Room 4B?');
    assert.deepEqual(
      texts.filter((text) => view.changes.includes(text)),
      view.changes,
    );
    assert.ok(textBlockTexts(card).includes('This will:'));
  });

  it('shows the warning in attention colour, inside an attention container', () => {
    const card = renderConfirmActionCard(view, 'en');
    const warning = elementsOfType(card, 'TextRun').find((run) => run.text === `⚠️ ${view.warning ?? ''}`);
    assert.equal(warning?.color, 'Attention');
    const container = elementsOfType(card, 'Container').find((node) =>
      objectsOf(node).some(({ node: inner }) => inner === warning),
    );
    assert.equal(container?.style, 'attention');
  });

  it('has no warning block when there is no warning', () => {
    const card = renderConfirmActionCard({ ...view, warning: undefined }, 'en');
    assert.ok(!textRunTexts(card).some((text) => text.startsWith('⚠️')));
    assert.ok(!elementsOfType(card, 'Container').some((node) => node.style === 'attention'));
  });

  it('offers confirm (positive unless told otherwise) then cancel', () => {
    const card = renderConfirmActionCard(view, 'en');
    assert.deepEqual(
      elementsOfType(card, 'Action.Execute').map((action) => [action.title, action.verb, action.style]),
      [
        ['Remove the licence', 'room.fix.confirm', 'positive'],
        ['Cancel', 'room.fix.cancel', 'default'],
      ],
    );
    const destructive = renderConfirmActionCard(
      { ...view, confirm: { ...view.confirm, style: 'destructive' } },
      'en',
    );
    assert.equal(elementsOfType(destructive, 'Action.Execute')[0]?.style, 'destructive');
  });
});
