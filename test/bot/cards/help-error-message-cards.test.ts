import { strict as assert } from 'node:assert';
import { renderErrorCard, renderHelpCard, renderMessageCard } from '../../../bot/cards';
import { validateCard } from '../../support/card-validator';
import { elementsOfType, textBlockTexts, textRunTexts } from './card-helpers';
import { FIXTURES } from './fixtures';

describe('help card', () => {
  it('says what the bot does, lists each example with its description, and notes the languages', () => {
    const card = renderHelpCard('en', FIXTURES.en.examples);
    const blocks = textBlockTexts(card);
    assert.equal(blocks[0], 'Helpdesk assistant');
    assert.ok(blocks.some((text) => text.startsWith('I diagnose Microsoft Teams Rooms')));
    assert.ok(blocks.includes('I understand English and French, and I reply in the language you write in.'));
    const runs = textRunTexts(card);
    for (const example of FIXTURES.en.examples) {
      const at = runs.indexOf(`“${example.text}”`);
      assert.ok(at >= 0, example.text);
      assert.equal(runs[at + 1], example.description);
    }
  });

  it('uses French quotes and labels in French', () => {
    const card = renderHelpCard('fr', FIXTURES.fr.examples);
    assert.ok(textRunTexts(card).includes('«\u00a0La salle 4B ne se connecte pas\u00a0»'));
    assert.equal(textBlockTexts(card)[0], 'Assistant du support informatique');
  });

  it('renders without examples', () => {
    const card = renderHelpCard('en', []);
    assert.ok(!textBlockTexts(card).includes('Try asking:'));
    assert.deepEqual(validateCard(card).errors, []);
  });
});

describe('error card', () => {
  it('shows title, message, next step and the ids support needs', () => {
    const card = renderErrorCard(FIXTURES.en.error, 'en');
    const runs = textRunTexts(card);
    assert.deepEqual(runs, [
      '⛔ Microsoft Graph refused the request',
      'The bot is missing the Place.Read.All permission.',
      'Ask an administrator to grant admin consent, then try again.',
      'Support reference: corr-5f1c',
      'Graph request ID: b1a2c3d4-0000-4000-8000-000000000001',
    ]);
    const ids = elementsOfType(card, 'TextRun').slice(-2);
    for (const id of ids) {
      assert.equal(id.isSubtle, true);
      assert.equal(id.size, 'Small');
    }
    assert.equal(elementsOfType(card, 'TextRun')[0]?.color, 'Attention');
  });

  it('leaves out the next step and Graph request id when there are none', () => {
    const card = renderErrorCard({ ...FIXTURES.fr.error, nextStep: undefined, requestId: undefined }, 'fr');
    assert.deepEqual(textRunTexts(card).slice(-1), ['Référence pour le support\u00a0: corr-5f1c']);
    assert.ok(
      !textRunTexts(card).some((text) => text.includes('Graph request') || text.includes('requête Graph')),
    );
    assert.equal(textRunTexts(card).length, 3);
  });
});

describe('message card', () => {
  it('colours the title by tone and shows each line', () => {
    for (const [tone, color] of [
      ['good', 'Good'],
      ['warning', 'Warning'],
      ['attention', 'Attention'],
      ['default', 'Default'],
    ] as const) {
      const card = renderMessageCard('en', { title: 'Done', lines: ['One', 'Two'], tone });
      const runs = elementsOfType(card, 'TextRun');
      assert.equal(runs[0]?.color, color);
      assert.deepEqual(textRunTexts(card).slice(1), ['One', 'Two']);
      assert.deepEqual(validateCard(card).errors, []);
    }
  });

  it('renders with no lines at all', () => {
    const card = renderMessageCard('fr', { title: 'Terminé', lines: [], tone: 'good' });
    assert.deepEqual(textRunTexts(card), ['✅ Terminé']);
    assert.deepEqual(validateCard(card).errors, []);
  });
});
