import { strict as assert } from 'node:assert';
import {
  MAX_CARD_BYTES,
  type RoomDiagnosisView,
  cardByteSize,
  renderConfirmActionCard,
  renderMessageCard,
  renderRoomDiagnosisCard,
} from '../../../bot/cards';
import { validateCard } from '../../support/card-validator';
import { elementsOfType, textRunTexts } from './card-helpers';
import { FIXTURES } from './fixtures';

const base = FIXTURES.en.diagnosis;
const NOTICE_EN = 'Some content was shortened to fit in a Teams message.';
const NOTICE_FR = 'Une partie du contenu a été raccourcie pour tenir dans un message Teams.';

function evidenceRows(count: number, valueLength: number): RoomDiagnosisView['evidence'] {
  return Array.from({ length: count }, (_, index) => ({
    label: `Check ${index}`,
    value: `${index} ${'v'.repeat(valueLength)}`,
    tone: 'warning' as const,
  }));
}

describe('card size limit', () => {
  it('says nothing about shortening when nothing was shortened', () => {
    const card = renderRoomDiagnosisCard(base, 'en');
    assert.ok(!textRunTexts(card).includes(NOTICE_EN));
  });

  it('shortens a huge diagnosis until it fits, keeps it valid, and says so', () => {
    const view: RoomDiagnosisView = {
      ...base,
      evidence: evidenceRows(500, 2000),
      plan: Array.from({ length: 100 }, (_, index) => ({
        title: `Step ${index}`,
        detail: 'd'.repeat(2000),
        powershell: `Get-Thing -Id ${index} ${'x'.repeat(3000)}`,
      })),
      missingEvidence: Array.from({ length: 100 }, () => 'm'.repeat(2000)),
    };
    for (const [locale, notice] of [
      ['en', NOTICE_EN],
      ['fr', NOTICE_FR],
    ] as const) {
      const card = renderRoomDiagnosisCard(view, locale);
      assert.ok(cardByteSize(card) < MAX_CARD_BYTES, `${cardByteSize(card)} bytes`);
      assert.deepEqual(validateCard(card).errors, []);
      assert.ok(textRunTexts(card).includes(notice));
      const rows = textRunTexts(card).filter((text) => text.startsWith('Check '));
      assert.ok(rows.length > 0 && rows.length < 500, `${rows.length} evidence rows`);
      assert.equal(textRunTexts(card)[0], 'Room 4B', 'the header survives');
      assert.equal(
        elementsOfType(card, 'Action.Execute').length,
        base.actions.length,
        'no button is dropped',
      );
    }
  });

  it('cuts a long list to the first 40 items at the normal budget and says so', () => {
    const card = renderRoomDiagnosisCard({ ...base, evidence: evidenceRows(45, 10) }, 'en');
    const rows = textRunTexts(card).filter((text) => /^Check \d+$/.test(text));
    assert.equal(rows.length, 40);
    assert.equal(rows.at(-1), 'Check 39');
    assert.ok(textRunTexts(card).includes(NOTICE_EN));
  });

  it('replaces a card that cannot be made small enough with a short notice instead of failing', () => {
    const huge = { blob: 'z'.repeat(120_000) };
    for (const [locale, title] of [
      ['en', '⚠️ This answer is too large to show in Teams.'],
      ['fr', '⚠️ Cette réponse est trop volumineuse pour être affichée dans Teams.'],
    ] as const) {
      const card = renderConfirmActionCard(
        { ...FIXTURES[locale].confirm, confirm: { verb: 'go', title: 'Go', data: huge } },
        locale,
      );
      assert.equal(textRunTexts(card)[0], title);
      assert.equal(elementsOfType(card, 'Action.Execute').length, 0);
      assert.deepEqual(validateCard(card).errors, []);
    }
  });

  it('shortens a message with thousands of long lines', () => {
    const lines = Array.from({ length: 2000 }, (_, index) => `${index}: ${'é'.repeat(1990)}`);
    const card = renderMessageCard('fr', { title: 'Journal', lines, tone: 'default' });
    assert.ok(cardByteSize(card) < MAX_CARD_BYTES);
    assert.ok(textRunTexts(card).includes(NOTICE_FR));
    assert.deepEqual(validateCard(card).errors, []);
  });
});
