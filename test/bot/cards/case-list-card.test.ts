import { strict as assert } from 'node:assert';
import type { RepairCase } from '../../../bot/cases/model';
import { presentCaseList } from '../../../bot/cases/present-case';
import { type AdaptiveCard, type CaseListView, renderCaseListCard } from '../../../bot/cards';
import { CARD_TEXTS } from '../../../bot/cards/texts';
import { validateCard } from '../../support/card-validator';
import { actionTitles, allStrings, elementsOfType, textBlockTexts, textRunTexts } from './card-helpers';

const PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
const NOW = new Date('2026-11-22T10:53:00.000Z');

function waitingCase(number: number, roomName: string, overrides: Partial<RepairCase> = {}): RepairCase {
  return {
    id: `case-${number}`,
    number,
    kind: 'licence-cycle',
    roomId: `room-${number}`,
    roomName,
    account: `room-${number}@contoso.com`,
    accountId: `acc-${number}`,
    state: 'waiting',
    version: 4,
    createdAt: '2026-11-22T09:50:00.000Z',
    updatedAt: '2026-11-22T10:05:00.000Z',
    createdBy: { id: 'aad-anna', name: 'Anna Helpdesk' },
    locale: 'en',
    reporters: [],
    snapshot: {
      skuId: PRO,
      skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
      disabledPlans: [],
      assignment: 'direct',
    },
    removedAt: '2026-11-22T10:05:00.000Z',
    windowOpensAt: '2026-11-22T18:05:00.000Z',
    windowClosesAt: '2026-11-23T10:05:00.000Z',
    history: [],
    ...overrides,
  };
}

// Hostile text may itself contain "${": only the cards built from ordinary data must have no binding left.
function assertValid(card: AdaptiveCard, where: string, literalBindings = false): void {
  const result = validateCard(card);
  assert.deepEqual(result.errors, [], `${where}:\n${result.errors.join('\n')}`);
  if (literalBindings) return;
  assert.deepEqual(
    allStrings(card).filter((text) => text.includes('${')),
    [],
  );
}

const CASES = [
  waitingCase(12, 'Room 4B'),
  waitingCase(14, 'Room 1A', { state: 'window-open' }),
  waitingCase(15, 'Room 2C', { state: 'verifying', outcome: 'restart-failed' }),
  waitingCase(16, 'Room 7G', { state: 'resolved', outcome: 'resolved' }),
];

describe('case list card', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`renders a valid list of open cases in ${locale}`, () => {
      const card = renderCaseListCard(presentCaseList(CASES, locale, NOW), locale);
      assertValid(card, locale);
      const runs = textRunTexts(card);
      assert.equal(runs[0], locale === 'en' ? 'Open cases (3)' : 'Dossiers ouverts (3)');
      for (const number of ['#12', '#14', '#15']) assert.ok(runs.includes(number), number);
      assert.ok(!runs.includes('#16'));
      assert.ok(
        runs.includes(locale === 'en' ? 'Reassignment in 7 h 12 min' : 'Réattribution dans 7 h 12 min'),
      );
      assert.deepEqual(textBlockTexts(card), []);
    });

    it(`renders the empty list in ${locale}`, () => {
      const card = renderCaseListCard(presentCaseList([], locale, NOW), locale);
      assertValid(card, `empty ${locale}`);
      assert.ok(textRunTexts(card).includes(locale === 'en' ? 'No open case.' : 'Aucun dossier ouvert.'));
      assert.deepEqual(elementsOfType(card, 'Action.Execute'), []);
    });
  }

  it('gives each row an open button that refreshes that case, with a Submit fallback', () => {
    const card = renderCaseListCard(presentCaseList(CASES, 'en', NOW), 'en');
    const executes = elementsOfType(card, 'Action.Execute');
    assert.deepEqual(
      executes.map((action) => [action.title, action.verb, action.data]),
      [
        ['Open', 'case.refresh', { caseId: 'case-12', version: 4 }],
        ['Open', 'case.refresh', { caseId: 'case-14', version: 4 }],
        ['Open', 'case.refresh', { caseId: 'case-15', version: 4 }],
      ],
    );
    for (const execute of executes) {
      const fallback = execute.fallback;
      assert.ok(fallback !== null && typeof fallback === 'object' && !Array.isArray(fallback));
      assert.equal(fallback.type, 'Action.Submit');
      const data = execute.data;
      assert.ok(data !== null && typeof data === 'object' && !Array.isArray(data));
      assert.deepEqual(fallback.data, { ...data, verb: 'case.refresh' });
    }
    assert.ok(!textRunTexts(card).includes('No open case.'));
  });

  it('shows hostile room names literally and stays valid', () => {
    const names = [
      '${title} ${$root.rows} {"$when":"${false}"}',
      '**bold** [x](https://evil.example)',
      '{{DATE(2017-02-14T06:00:00Z, SHORT)}}',
      'ab\u0000c \u202Egnp.exe',
      'N'.repeat(5000),
      '',
    ];
    for (const name of names) {
      for (const locale of ['en', 'fr'] as const) {
        const card = renderCaseListCard(presentCaseList([waitingCase(12, name)], locale, NOW), locale);
        assertValid(card, `${JSON.stringify(name.slice(0, 20))} ${locale}`, true);
      }
    }
    const card = renderCaseListCard(presentCaseList([waitingCase(12, names[0] ?? '')], 'en', NOW), 'en');
    assert.ok(textRunTexts(card).includes(names[0] ?? ''));
  });

  it('shortens a very long list under the size limit and says so', () => {
    const view: CaseListView = {
      title: 'Open cases (300)',
      empty: 'No open case.',
      rows: Array.from({ length: 300 }, (_, index) => ({
        number: `#${index}`,
        room: `Room ${'X'.repeat(150)}`,
        state: 'Waiting before reassignment',
        detail: 'D'.repeat(1500),
        open: { verb: 'case.refresh', title: 'Open', data: { caseId: `case-${index}`, version: 1 } },
      })),
    };
    const card = renderCaseListCard(view, 'en');
    assertValid(card, 'long list');
    assert.ok(textRunTexts(card).includes(CARD_TEXTS.en.shortened));
    assert.ok(actionTitles(card).length < 300);
  });
});
