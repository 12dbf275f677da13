import { strict as assert } from 'node:assert';
import type { CaseOutcome, CaseState, RepairCase } from '../../../bot/cases/model';
import {
  presentCase,
  presentConfirmCancel,
  presentConfirmReassignEarly,
} from '../../../bot/cases/present-case';
import {
  type AdaptiveCard,
  type CaseCardView,
  cardByteSize,
  MAX_CARD_BYTES,
  renderCaseCard,
  renderConfirmActionCard,
} from '../../../bot/cards';
import { CARD_TEXTS } from '../../../bot/cards/texts';
import type { Locale } from '../../../bot/i18n';
import { validateCard } from '../../support/card-validator';
import {
  actionTitles,
  allStrings,
  elementsOfType,
  objectsOf,
  textBlockTexts,
  textRunTexts,
  withoutZeroWidth,
} from './card-helpers';

const PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const NOW = new Date('2026-11-22T10:53:00.000Z');

function repairCase(
  state: CaseState,
  outcome?: CaseOutcome,
  overrides: Partial<RepairCase> = {},
): RepairCase {
  const removed = !['diagnosed', 'awaiting-confirmation', 'removing'].includes(state);
  const reassigned = ['verifying', 'resolved', 'escalated'].includes(state);
  return {
    id: 'case-0012',
    number: 12,
    kind: 'licence-cycle',
    roomId: 'room-4b-id',
    roomName: 'Room 4B',
    account: 'room-4b@contoso.com',
    accountId: 'acc-4b',
    state,
    version: 5,
    createdAt: '2026-11-22T09:50:00.000Z',
    updatedAt: '2026-11-22T10:05:00.000Z',
    createdBy: { id: 'aad-anna', name: 'Anna Helpdesk' },
    locale: 'en',
    reporters: [{ userId: 'aad-leo', name: 'Léo Dupont', locale: 'fr' }],
    snapshot: {
      skuId: PRO,
      skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
      disabledPlans: ['p1'],
      assignment: 'direct',
    },
    target: { skuId: PRO, disabledPlans: ['p1'] },
    ...(removed
      ? {
          removedAt: '2026-11-22T10:05:00.000Z',
          windowOpensAt: '2026-11-22T18:05:00.000Z',
          windowClosesAt: '2026-11-23T10:05:00.000Z',
        }
      : {}),
    ...(reassigned
      ? { reassignedAt: '2026-11-22T19:00:00.000Z', verifyDeadline: '2026-11-22T19:30:00.000Z' }
      : {}),
    ...(outcome ? { outcome } : {}),
    history: [
      { at: '2026-11-22T09:50:00.000Z', actor: 'Anna Helpdesk', action: 'opened', result: 'ok' },
      { at: '2026-11-22T10:04:00.000Z', actor: 'Anna Helpdesk', action: 'confirm', result: 'ok' },
      {
        at: '2026-11-22T10:05:00.000Z',
        actor: 'bot',
        action: 'removed',
        result: 'ok',
        requestId: '1a2b3c4d-1111-4222-8333-444455556666',
      },
    ],
    ...overrides,
  };
}

const CASES: Record<string, RepairCase> = {
  diagnosed: repairCase('diagnosed'),
  'awaiting-confirmation': repairCase('awaiting-confirmation'),
  'awaiting-approval': repairCase('awaiting-confirmation', undefined, {
    approval: {
      requestedBy: { id: 'aad-anna', name: 'Anna Helpdesk' },
      requestedAt: '2026-11-22T10:00:00.000Z',
    },
  }),
  'remove-failed': repairCase('awaiting-confirmation', 'remove-failed', {
    outcomeDetail: 'Request_Throttled',
  }),
  removing: repairCase('removing'),
  waiting: repairCase('waiting'),
  'window-open': repairCase('window-open'),
  'no-seat': repairCase('window-open', 'no-seat'),
  'reassign-failed': repairCase('window-open', 'reassign-failed'),
  reassigning: repairCase('reassigning'),
  verifying: repairCase('verifying'),
  'restart-failed': repairCase('verifying', 'restart-failed'),
  'not-verified': repairCase('verifying', 'not-verified'),
  resolved: repairCase('resolved', 'resolved'),
  escalated: repairCase('escalated', 'escalated'),
  cancelled: repairCase('cancelled', 'cancelled'),
  'user-licence': repairCase('awaiting-confirmation', undefined, {
    kind: 'remove-user-licence',
    snapshot: undefined,
    target: undefined,
    removeSkuIds: [E3],
  }),
};

function render(name: string, locale: Locale, canAct = true): AdaptiveCard {
  const c = CASES[name];
  if (!c) throw new Error(`no case ${name}`);
  return renderCaseCard(presentCase(c, { locale, now: NOW, canAct, proSeatsFree: 2 }), locale);
}

// Hostile text may itself contain "${": only the cards built from ordinary data must have no binding left.
function assertValid(card: AdaptiveCard, where: string, literalBindings = false): void {
  const result = validateCard(card);
  assert.deepEqual(result.errors, [], `${where}:\n${result.errors.join('\n')}`);
  assert.ok(cardByteSize(card) < MAX_CARD_BYTES, where);
  if (literalBindings) return;
  assert.deepEqual(
    allStrings(card).filter((text) => text.includes('${')),
    [],
    `${where}: unresolved template binding`,
  );
}

function assertSubmitFallbacks(card: AdaptiveCard): void {
  const executes = elementsOfType(card, 'Action.Execute');
  for (const execute of executes) {
    const fallback = execute.fallback;
    assert.ok(fallback !== null && typeof fallback === 'object' && !Array.isArray(fallback));
    assert.equal(fallback.type, 'Action.Submit');
    assert.equal(fallback.title, execute.title);
    const data = execute.data;
    assert.ok(data !== null && typeof data === 'object' && !Array.isArray(data));
    assert.deepEqual(fallback.data, { ...data, verb: execute.verb });
  }
  assert.equal(elementsOfType(card, 'Action.Submit').length, executes.length);
}

function hostileView(text: string): CaseCardView {
  return {
    title: text,
    stateLabel: text,
    tone: 'attention',
    summary: text,
    facts: [{ label: text, value: text }],
    checklist: { title: text, items: [text] },
    warning: text,
    history: [{ at: text, text }],
    historyTitle: text,
    actions: [{ verb: 'case.refresh', title: text, data: { caseId: text, version: 1 } }],
    readOnlyNote: text,
  };
}

const HOSTILE: Record<string, string> = {
  'template bindings': '${title} ${$root.actions} ${if(true, "yes", "no")} ${$index}',
  'template directives': '{"$when":"${false}","$data":"${history}"}',
  markdown: '**bold** _italic_ [click me](https://evil.example) `code` # Heading',
  'renderer date macro': '{{DATE(2017-02-14T06:00:00Z, SHORT)}}',
  'control and bidi characters': 'ab\u0000c\u0007d \u202Egnp.exe',
  'emoji and accents': 'Salle Étoile 🚀 👩🏽‍💻 naïve',
  'a 5,000-character name': 'N'.repeat(5000),
  'an empty string': '',
};

describe('case card', () => {
  for (const locale of ['en', 'fr'] as const) {
    describe(`in ${locale}`, () => {
      for (const name of Object.keys(CASES)) {
        it(`renders a valid card for ${name}, with and without buttons`, () => {
          const card = render(name, locale);
          assertValid(card, name);
          assertSubmitFallbacks(card);
          const readOnly = render(name, locale, false);
          assertValid(readOnly, `${name} read-only`);
          assert.equal(elementsOfType(readOnly, 'Action.Execute').length, 0);
        });
      }

      it('renders both confirmations as valid confirm cards', () => {
        for (const [name, c] of Object.entries(CASES)) {
          assertValid(renderConfirmActionCard(presentConfirmCancel(c, locale), locale), `cancel ${name}`);
          assertValid(
            renderConfirmActionCard(presentConfirmReassignEarly(c, locale, NOW), locale),
            `early ${name}`,
          );
        }
      });

      it('shows no label from the other language', () => {
        const other: Locale = locale === 'en' ? 'fr' : 'en';
        const foreign = Object.entries(CARD_TEXTS[other])
          .filter(([key, text]) => CARD_TEXTS[locale][key as keyof (typeof CARD_TEXTS)['en']] !== text)
          .map(([, text]) => text);
        for (const name of Object.keys(CASES)) {
          const shown = [...textRunTexts(render(name, locale)), ...actionTitles(render(name, locale))];
          assert.ok(!shown.some((text) => foreign.includes(text)), name);
        }
      });
    });
  }

  it('shows the title, the state in its tone, the summary and the facts as plain text runs', () => {
    const card = render('waiting', 'en');
    const runs = textRunTexts(card);
    assert.equal(runs[0], 'Case 12 · Room 4B');
    assert.ok(runs.includes('ℹ️ Waiting before reassignment'));
    assert.ok(runs.some((text) => text.startsWith('The licence was removed on 22 Nov 2026, 10:05 UTC.')));
    assert.ok(runs.includes('Window opens'));
    assert.ok(runs.includes('22 Nov 2026, 18:05 UTC (in 7 h 12 min)'));
    assert.equal(card.fallbackText, 'Case 12 · Room 4B: Waiting before reassignment');
    // Nothing of the case goes through Markdown.
    assert.deepEqual(textBlockTexts(card), []);
  });

  it('colours the state container by tone', () => {
    const stateContainer = (card: AdaptiveCard): string | undefined => {
      const container = elementsOfType(card, 'Container').find((node) =>
        objectsOf(node).some(({ node: inner }) => inner.type === 'TextRun' && inner.size === 'Medium'),
      );
      return typeof container?.style === 'string' ? container.style : undefined;
    };
    assert.equal(stateContainer(render('resolved', 'en')), 'good');
    assert.equal(stateContainer(render('no-seat', 'en')), 'attention');
    assert.equal(stateContainer(render('restart-failed', 'en')), 'warning');
    assert.equal(stateContainer(render('waiting', 'en')), 'emphasis');
  });

  it('shows the warning in a warning container, and the console checklist', () => {
    const card = render('waiting', 'fr');
    const warning = elementsOfType(card, 'TextRun').find(
      (run) => typeof run.text === 'string' && run.text.startsWith('⚠️ Réattribuer avant le'),
    );
    assert.equal(warning?.color, 'Warning');
    const runs = textRunTexts(card);
    assert.ok(runs.includes('À faire sur la console'));
    assert.ok(runs.some((text) => text.startsWith('Réinitialisez l’application Teams Rooms')));
    assert.ok(!textRunTexts(render('resolved', 'fr')).some((text) => text.startsWith('⚠️')));
  });

  it('lists the latest history entries under their title', () => {
    const runs = textRunTexts(render('waiting', 'en'));
    const title = runs.indexOf('History');
    assert.ok(title > 0);
    assert.deepEqual(runs.slice(title + 1, title + 3), [
      '22 Nov 10:05',
      'Bot · removed Teams Rooms Pro · request 1a2b3c4d…',
    ]);
  });

  it('renders the buttons of the state with their verbs, styles and data', () => {
    const card = render('no-seat', 'en');
    assert.deepEqual(
      elementsOfType(card, 'Action.Execute').map((action) => [action.verb, action.style, action.data]),
      [
        ['case.reassign', 'positive', { caseId: 'case-0012', version: 5 }],
        ['case.extend', 'default', { caseId: 'case-0012', version: 5, hours: 4 }],
        ['case.escalate', 'default', { caseId: 'case-0012', version: 5 }],
        ['case.cancel', 'default', { caseId: 'case-0012', version: 5 }],
      ],
    );
    assert.equal(
      elementsOfType(render('awaiting-confirmation', 'en'), 'Action.Execute')[0]?.style,
      'destructive',
    );
    assert.deepEqual(elementsOfType(render('resolved', 'en'), 'Action.Execute'), []);
  });

  it('shows the read-only note instead of buttons', () => {
    const card = render('window-open', 'fr', false);
    assert.ok(textRunTexts(card).includes('Seuls les membres du support peuvent agir sur ce dossier.'));
    assert.deepEqual(actionTitles(card), []);
    assert.ok(
      !textRunTexts(render('window-open', 'fr')).includes(
        'Seuls les membres du support peuvent agir sur ce dossier.',
      ),
    );
  });

  describe('with hostile text', () => {
    for (const [label, text] of Object.entries(HOSTILE)) {
      it(`stays valid with ${label}`, () => {
        for (const locale of ['en', 'fr'] as const) {
          assertValid(renderCaseCard(hostileView(text), locale), `${label} (${locale})`, true);
          const c = repairCase('window-open', undefined, { roomName: text, account: text });
          assertValid(
            renderCaseCard(presentCase(c, { locale, now: NOW, canAct: true }), locale),
            `${label} presented (${locale})`,
            true,
          );
        }
      });
    }

    it('shows template syntax literally and keeps action data as it was', () => {
      for (const key of ['template bindings', 'template directives']) {
        const text = HOSTILE[key] ?? '';
        const card = renderCaseCard(hostileView(text), 'en');
        const runs = textRunTexts(card);
        assert.ok(runs.includes(text), key);
        assert.ok(runs.includes(`⚠️ ${text}`), key);
        assert.deepEqual(elementsOfType(card, 'Action.Execute')[0]?.data, { caseId: text, version: 1 });
        assert.ok(actionTitles(card).includes(text));
      }
    });

    it('defuses the renderer date macro and keeps Markdown out of TextBlocks', () => {
      const card = renderCaseCard(hostileView(HOSTILE['renderer date macro'] ?? ''), 'en');
      assert.ok(!textRunTexts(card).some((text) => text.includes('{{DATE(')));
      assert.ok(textRunTexts(card).some((text) => withoutZeroWidth(text).includes('{{DATE(')));
      const markdown = renderCaseCard(hostileView(HOSTILE.markdown ?? ''), 'en');
      assert.deepEqual(textBlockTexts(markdown), []);
    });

    it('shortens a huge card and says so', () => {
      const huge = hostileView('N'.repeat(5000));
      huge.facts = Array.from({ length: 200 }, (_, index) => ({
        label: `Fact ${index}`,
        value: 'V'.repeat(2000),
      }));
      for (const locale of ['en', 'fr'] as const) {
        const card = renderCaseCard(huge, locale);
        assertValid(card, locale, true);
        assert.ok(textRunTexts(card).includes(CARD_TEXTS[locale].shortened));
      }
    });
  });
});
