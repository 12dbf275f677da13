import { strict as assert } from 'node:assert';
import { CASE_TEXTS, formatDuration } from '../../../bot/cases/case-texts';
import type { HistoryEntry, NoticeKind, RepairCase } from '../../../bot/cases/model';
import {
  EXTEND_HOURS,
  noticeText,
  presentCase,
  presentCaseList,
  presentConfirmCancel,
  presentConfirmReassignEarly,
} from '../../../bot/cases/present-case';
import { CASE_VERBS } from '../../../bot/cases/verbs';
import type { CaseCardView, ConfirmActionView } from '../../../bot/cards';
import type { Locale } from '../../../bot/i18n';

const PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
const BASIC = '6af4b3d6-14bb-4a2a-960c-6c902aad34f3';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const PLANS = ['0feaeb32-d00e-4d66-bd5a-43b5b83db82c', '9c0dab89-a30c-4117-86e7-97bda240acd2'];
const LOCALES: Locale[] = ['en', 'fr'];

const REQUEST = {
  removed: '1a2b3c4d-1111-4222-8333-444455556666',
  reassigned: '7e8f9a0b-1111-4222-8333-444455556666',
  restart: 'c0ffee00-1111-4222-8333-444455556666',
};

function entry(at: string, actor: string, action: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { at, actor, action, result: 'ok', ...extra };
}

const OPENED = entry('2026-11-22T09:50:00.000Z', 'Anna Helpdesk', 'opened');
const CONFIRMED = entry('2026-11-22T10:04:00.000Z', 'Anna Helpdesk', 'confirm');
const REMOVED = entry('2026-11-22T10:05:00.000Z', 'bot', 'removed', { requestId: REQUEST.removed });
const WINDOW_OPENED = entry('2026-11-22T18:05:00.000Z', 'bot', 'window-opened', { result: 'info' });
const REASSIGN = entry('2026-11-22T19:00:00.000Z', 'Marc Helpdesk', 'reassign', { detail: PRO });
const REASSIGNED = entry('2026-11-22T19:00:05.000Z', 'bot', 'reassigned', { requestId: REQUEST.reassigned });
const RESTARTED = entry('2026-11-22T19:00:09.000Z', 'bot', 'restart-started', { requestId: REQUEST.restart });

/** Room 4B's licence cycle, at the start: opened by Anna, Pro licence with two disabled plans. */
function baseCase(overrides: Partial<RepairCase> = {}): RepairCase {
  return {
    id: 'case-0012',
    number: 12,
    kind: 'licence-cycle',
    roomId: 'room-4b-id',
    roomName: 'Room 4B',
    account: 'room-4b@contoso.com',
    accountId: 'acc-4b',
    state: 'awaiting-confirmation',
    version: 3,
    createdAt: '2026-11-22T09:50:00.000Z',
    updatedAt: '2026-11-22T09:50:00.000Z',
    createdBy: { id: 'aad-anna', name: 'Anna Helpdesk' },
    locale: 'en',
    reporters: [{ userId: 'aad-leo', name: 'Léo Dupont', locale: 'fr', conversationId: 'a:leo' }],
    snapshot: {
      skuId: PRO,
      skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
      disabledPlans: PLANS,
      assignment: 'direct',
    },
    target: { skuId: PRO, disabledPlans: PLANS },
    history: [OPENED],
    ...overrides,
  };
}

const REMOVED_FIELDS = {
  removedAt: '2026-11-22T10:05:00.000Z',
  windowOpensAt: '2026-11-22T18:05:00.000Z',
  windowClosesAt: '2026-11-23T10:05:00.000Z',
};

const VERIFY_FIELDS = {
  ...REMOVED_FIELDS,
  reassignedAt: '2026-11-22T19:00:05.000Z',
  verifyDeadline: '2026-11-22T19:30:05.000Z',
};

/** A case in every state and stuck outcome the card can show. */
const SCENARIOS: Record<string, RepairCase> = {
  diagnosed: baseCase({ state: 'diagnosed' }),
  'awaiting-confirmation': baseCase(),
  'awaiting-approval': baseCase({
    approval: {
      requestedBy: { id: 'aad-anna', name: 'Anna Helpdesk' },
      requestedAt: '2026-11-22T10:00:00.000Z',
    },
    history: [OPENED, entry('2026-11-22T10:00:00.000Z', 'Anna Helpdesk', 'approval-requested')],
  }),
  'remove-failed': baseCase({
    outcome: 'remove-failed',
    outcomeDetail: 'Request_ResourceNotFound',
    history: [
      OPENED,
      CONFIRMED,
      entry('2026-11-22T10:05:00.000Z', 'bot', 'remove-failed', {
        result: 'failed',
        detail: 'Request_ResourceNotFound',
        requestId: REQUEST.removed,
      }),
    ],
  }),
  removing: baseCase({ state: 'removing', history: [OPENED, CONFIRMED] }),
  waiting: baseCase({ state: 'waiting', ...REMOVED_FIELDS, history: [OPENED, CONFIRMED, REMOVED] }),
  'window-open': baseCase({
    state: 'window-open',
    ...REMOVED_FIELDS,
    history: [OPENED, CONFIRMED, REMOVED, WINDOW_OPENED],
  }),
  'no-seat': baseCase({
    state: 'window-open',
    ...REMOVED_FIELDS,
    snapshot: {
      skuId: BASIC,
      skuPartNumber: 'Microsoft_Teams_Rooms_Basic',
      disabledPlans: [],
      assignment: 'direct',
    },
    target: { skuId: BASIC, disabledPlans: [] },
    outcome: 'no-seat',
    outcomeDetail: 'CountViolation',
    history: [
      OPENED,
      CONFIRMED,
      REMOVED,
      WINDOW_OPENED,
      entry('2026-11-22T19:00:00.000Z', 'bot', 'reassign-failed', {
        result: 'failed',
        detail: 'CountViolation',
      }),
    ],
  }),
  'reassign-failed': baseCase({
    state: 'window-open',
    ...REMOVED_FIELDS,
    outcome: 'reassign-failed',
    outcomeDetail: 'ProhibitedInUsageLocationViolation',
    history: [OPENED, CONFIRMED, REMOVED, WINDOW_OPENED],
  }),
  reassigning: baseCase({
    state: 'reassigning',
    ...REMOVED_FIELDS,
    history: [OPENED, CONFIRMED, REMOVED, WINDOW_OPENED, REASSIGN],
  }),
  verifying: baseCase({
    state: 'verifying',
    ...VERIFY_FIELDS,
    history: [OPENED, CONFIRMED, REMOVED, WINDOW_OPENED, REASSIGN, REASSIGNED, RESTARTED],
  }),
  'restart-failed': baseCase({
    state: 'verifying',
    ...VERIFY_FIELDS,
    outcome: 'restart-failed',
    outcomeDetail: 'DeviceOffline',
    history: [
      OPENED,
      REASSIGNED,
      entry('2026-11-22T19:00:09.000Z', 'bot', 'restart-failed', {
        result: 'failed',
        detail: 'DeviceOffline',
      }),
    ],
  }),
  'not-verified': baseCase({
    state: 'verifying',
    ...VERIFY_FIELDS,
    outcome: 'not-verified',
    history: [
      OPENED,
      REASSIGNED,
      RESTARTED,
      entry('2026-11-22T19:30:05.000Z', 'bot', 'verify-timeout', { result: 'failed' }),
    ],
  }),
  resolved: baseCase({
    state: 'resolved',
    ...VERIFY_FIELDS,
    outcome: 'resolved',
    history: [OPENED, REASSIGNED, RESTARTED, entry('2026-11-22T19:10:00.000Z', 'bot', 'verify-result')],
  }),
  escalated: baseCase({
    state: 'escalated',
    ...VERIFY_FIELDS,
    outcome: 'escalated',
    history: [OPENED, REASSIGNED, entry('2026-11-22T20:00:00.000Z', 'Marc Helpdesk', 'escalate')],
  }),
  cancelled: baseCase({
    state: 'cancelled',
    ...REMOVED_FIELDS,
    outcome: 'cancelled',
    history: [
      OPENED,
      CONFIRMED,
      REMOVED,
      entry('2026-11-22T12:00:00.000Z', 'Anna Helpdesk', 'cancel', { detail: 'from waiting' }),
      entry('2026-11-22T12:00:03.000Z', 'bot', 'restored', {
        requestId: 'feed0000-1111-4222-8333-444455556666',
      }),
    ],
  }),
  'user-licence': baseCase({
    kind: 'remove-user-licence',
    roomName: 'Room 2C',
    account: 'room-2c@contoso.com',
    snapshot: undefined,
    target: undefined,
    removeSkuIds: [E3],
  }),
  'user-licence verifying': baseCase({
    kind: 'remove-user-licence',
    state: 'verifying',
    roomName: 'Room 2C',
    account: 'room-2c@contoso.com',
    snapshot: undefined,
    target: undefined,
    removeSkuIds: [E3],
    removedAt: '2026-11-22T10:05:00.000Z',
    verifyDeadline: '2026-11-22T10:35:00.000Z',
  }),
};

function scenario(name: string): RepairCase {
  const c = SCENARIOS[name];
  if (!c) throw new Error(`no scenario ${name}`);
  return structuredClone(c);
}

const AT_1053 = new Date('2026-11-22T10:53:00.000Z');
const AT_2005 = new Date('2026-11-22T20:05:00.000Z');

function nowFor(c: RepairCase): Date {
  return c.state === 'window-open'
    ? AT_2005
    : c.state === 'verifying'
      ? new Date('2026-11-22T19:12:05.000Z')
      : AT_1053;
}

function present(
  name: string,
  locale: Locale,
  extra: { canAct?: boolean; proSeatsFree?: number } = {},
): CaseCardView {
  const c = scenario(name);
  return presentCase(c, {
    locale,
    now: nowFor(c),
    canAct: extra.canAct ?? true,
    proSeatsFree: extra.proSeatsFree,
  });
}

function viewTexts(view: CaseCardView): string[] {
  return [
    view.title,
    view.stateLabel,
    view.summary,
    ...view.facts.flatMap((fact) => [fact.label, fact.value]),
    ...(view.checklist ? [view.checklist.title, ...view.checklist.items] : []),
    view.warning ?? '',
    view.historyTitle,
    ...view.history.flatMap((item) => [item.at, item.text]),
    ...view.actions.map((action) => action.title),
    view.readOnlyNote ?? '',
  ].filter((text) => text !== '');
}

function confirmTexts(view: ConfirmActionView): string[] {
  return [view.title, ...view.changes, view.warning ?? '', view.confirm.title, view.cancel.title].filter(
    (text) => text !== '',
  );
}

type CatalogueKey = keyof (typeof CASE_TEXTS)['en'];

// The static words of a template around its {placeholders}, long enough to identify it.
function fragments(template: string): string[] {
  return template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[*“”«»\u00a0:;?!.,()·]/g, ' ').trim())
    .filter((part) => part.length >= 4);
}

/** Fragments of one language's catalogue that the other language's catalogue never uses. */
function onlyIn(locale: Locale): string[] {
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  const otherTemplates = Object.values(CASE_TEXTS[other]).map((text) => text.replace(/\{\w+\}/g, ' '));
  return Object.entries(CASE_TEXTS[locale]).flatMap(([key, template]) =>
    template === CASE_TEXTS[other][key as CatalogueKey]
      ? []
      : fragments(template).filter((fragment) => !otherTemplates.some((text) => text.includes(fragment))),
  );
}

function assertClean(texts: string[], locale: Locale, where: string): void {
  const foreign = onlyIn(locale === 'en' ? 'fr' : 'en');
  for (const text of texts) {
    assert.doesNotMatch(text, /\{\w+\}/, `${where}: placeholder left in "${text}"`);
    assert.doesNotMatch(text, /\b(undefined|null|NaN|Invalid Date)\b/, `${where}: "${text}"`);
    const leak = foreign.find((fragment) => text.includes(fragment));
    assert.equal(leak, undefined, `${where}: "${leak ?? ''}" from the other language in "${text}"`);
  }
}

function verbs(view: { actions: { verb: string }[] }): string[] {
  return view.actions.map((action) => action.verb);
}

describe('case presenter', () => {
  describe('catalogue', () => {
    it('has the same keys in French and English', () => {
      assert.deepEqual(Object.keys(CASE_TEXTS.fr).sort(), Object.keys(CASE_TEXTS.en).sort());
    });

    it('translates every sentence (only unit-only and product texts may match)', () => {
      const same = Object.entries(CASE_TEXTS.en)
        .filter(([key, text]) => CASE_TEXTS.fr[key as CatalogueKey] === text)
        .map(([key]) => key);
      assert.deepEqual(same, ['duration.hoursMinutes', 'duration.hours', 'duration.minutes']);
    });
  });

  describe('durations', () => {
    it('writes hours and minutes, rounding down unless asked to round up', () => {
      const minutes = (m: number): number => m * 60_000;
      assert.equal(formatDuration(minutes(7 * 60 + 12), 'en'), '7 h 12 min');
      assert.equal(formatDuration(minutes(120), 'fr'), '2 h');
      assert.equal(formatDuration(minutes(45), 'en'), '45 min');
      assert.equal(formatDuration(30_000, 'en'), 'less than 1 min');
      assert.equal(formatDuration(30_000, 'fr'), 'moins d’1 min');
      assert.equal(formatDuration(30_000, 'en', true), '1 min');
      assert.equal(formatDuration(minutes(59) + 1, 'en', true), '1 h');
      assert.equal(formatDuration(-5_000, 'en'), 'less than 1 min');
    });
  });

  describe('every state and outcome', () => {
    for (const name of Object.keys(SCENARIOS)) {
      for (const locale of LOCALES) {
        it(`${name} (${locale}): complete text in one language, no placeholder left`, () => {
          const view = present(name, locale, { proSeatsFree: 3 });
          assert.ok(view.stateLabel.length > 0);
          assert.ok(view.summary.length > 20);
          assert.ok(view.facts.length >= 2);
          assert.ok(view.history.length >= 1);
          assertClean(viewTexts(view), locale, `${name} ${locale}`);
          const readOnly = present(name, locale, { canAct: false });
          assertClean(viewTexts(readOnly), locale, `${name} ${locale} read-only`);
        });
      }
    }

    it('titles the card with the case number and the room', () => {
      assert.equal(present('waiting', 'en').title, 'Case 12 · Room 4B');
      assert.equal(present('waiting', 'fr').title, 'Dossier 12 · Room 4B');
    });

    it('labels each state, and lets a stuck outcome take over with a warning or attention tone', () => {
      const table = Object.keys(SCENARIOS).map((name) => {
        const en = present(name, 'en');
        return [name, en.stateLabel, en.tone, present(name, 'fr').stateLabel];
      });
      assert.deepEqual(table, [
        ['diagnosed', 'Reported', 'default', 'Signalé'],
        ['awaiting-confirmation', 'Waiting for confirmation', 'default', 'En attente de confirmation'],
        ['awaiting-approval', 'Waiting for approval', 'default', 'En attente d’approbation'],
        ['remove-failed', 'Removal failed', 'attention', 'Échec du retrait'],
        ['removing', 'Removing the licence', 'default', 'Retrait de la licence en cours'],
        ['waiting', 'Waiting before reassignment', 'default', 'Attente avant réattribution'],
        ['window-open', 'Ready to reassign', 'good', 'Prêt pour la réattribution'],
        ['no-seat', 'No free seat', 'attention', 'Aucune licence disponible'],
        ['reassign-failed', 'Reassignment failed', 'attention', 'Échec de la réattribution'],
        ['reassigning', 'Reassigning the licence', 'default', 'Réattribution de la licence en cours'],
        ['verifying', 'Checking the sign-in', 'default', 'Vérification de la connexion'],
        ['restart-failed', 'Restart needed on site', 'warning', 'Redémarrage à faire sur place'],
        ['not-verified', 'Sign-in not confirmed', 'attention', 'Connexion non confirmée'],
        ['resolved', 'Resolved', 'good', 'Résolu'],
        ['escalated', 'Escalated to Microsoft Support', 'warning', 'Transmis au support Microsoft'],
        ['cancelled', 'Cancelled', 'default', 'Annulé'],
        ['user-licence', 'Waiting for confirmation', 'default', 'En attente de confirmation'],
        ['user-licence verifying', 'Checking the sign-in', 'default', 'Vérification de la connexion'],
      ]);
    });

    it('says what happens now and what comes next', () => {
      assert.match(
        present('waiting', 'en').summary,
        /can be reassigned from 22 Nov 2026, 18:05 UTC \(in 7 h 12 min\)/,
      );
      assert.match(
        present('waiting', 'fr').summary,
        /à partir du 22 nov\. 2026, 18:05 UTC \(dans 7 h 12 min\)/,
      );
      assert.match(present('window-open', 'en').summary, /^The wait is over: reassign Teams Rooms Pro now/);
      assert.match(present('remove-failed', 'en').summary, /\(Request_ResourceNotFound\)/);
      assert.match(present('awaiting-approval', 'en').summary, /^Anna Helpdesk asked to remove the licence/);
      assert.match(present('user-licence', 'en').summary, /Removing Office 365 E3 from the room account/);
      assert.match(present('verifying', 'en').summary, /until 22 Nov 2026, 19:30 UTC that it signs in/);
      assert.equal(present('resolved', 'en').summary, 'The console signs in again. Case closed.');
      assert.equal(
        present('cancelled', 'en').summary,
        'The case was cancelled. Nothing more will be changed. Teams Rooms Pro was assigned back to room-4b@contoso.com.',
      );
    });

    it('says when a cancelled case is still putting the licence back', () => {
      const c = scenario('cancelled');
      c.history = c.history.filter((item) => item.action !== 'restored');
      const view = presentCase(c, { locale: 'fr', now: AT_1053, canAct: true });
      assert.match(view.summary, /Teams Rooms Pro est en cours de réattribution à room-4b@contoso\.com\.$/);
      const never = presentCase(scenario('awaiting-confirmation'), {
        locale: 'en',
        now: AT_1053,
        canAct: true,
      });
      assert.doesNotMatch(never.summary, /assigned back/);
    });
  });

  describe('facts and time left', () => {
    function fact(view: CaseCardView, label: string): string | undefined {
      return view.facts.find((item) => item.label === label)?.value;
    }

    it('counts down to the window while waiting', () => {
      const en = present('waiting', 'en');
      assert.equal(fact(en, 'Room account'), 'room-4b@contoso.com');
      assert.equal(fact(en, 'Licence'), 'Teams Rooms Pro, 2 disabled plans');
      assert.equal(fact(en, 'Removed'), '22 Nov 2026, 10:05 UTC');
      assert.equal(fact(en, 'Window opens'), '22 Nov 2026, 18:05 UTC (in 7 h 12 min)');
      assert.equal(fact(en, 'Window closes'), '23 Nov 2026, 10:05 UTC (in 23 h 12 min)');
      const fr = present('waiting', 'fr');
      assert.equal(fact(fr, 'Licence attribuée'), 'Teams Rooms Pro, 2 plans désactivés');
      assert.equal(fact(fr, 'Ouverture de la fenêtre'), '22 nov. 2026, 18:05 UTC (dans 7 h 12 min)');
    });

    it('says how long the window has been open, then how late the reassignment is', () => {
      const open = present('window-open', 'en');
      assert.equal(fact(open, 'Window opens'), '22 Nov 2026, 18:05 UTC (open since 2 h)');
      assert.equal(fact(open, 'Window closes'), '23 Nov 2026, 10:05 UTC (in 14 h)');
      const late = presentCase(scenario('window-open'), {
        locale: 'fr',
        now: new Date('2026-11-23T11:05:00.000Z'),
        canAct: true,
      });
      assert.equal(fact(late, 'Fin de la fenêtre'), '23 nov. 2026, 10:05 UTC (dépassée de 1 h)');
      assert.equal(late.stateLabel, 'Attente dépassée');
      assert.equal(late.tone, 'warning');
      const lateEn = presentCase(scenario('window-open'), {
        locale: 'en',
        now: new Date('2026-11-23T11:05:00.000Z'),
        canAct: true,
      });
      assert.equal(fact(lateEn, 'Window closes'), '23 Nov 2026, 10:05 UTC (overdue by 1 h)');
    });

    it('shows plain times once the wait is over, and the verification deadline while verifying', () => {
      const view = present('verifying', 'en');
      assert.equal(fact(view, 'Window opens'), '22 Nov 2026, 18:05 UTC');
      assert.equal(fact(view, 'Reassigned'), '22 Nov 2026, 19:00 UTC');
      assert.equal(fact(view, 'Sign-in checked until'), '22 Nov 2026, 19:30 UTC (in 18 min)');
      assert.equal(fact(present('resolved', 'en'), 'Sign-in checked until'), undefined);
    });

    it('names who asked for approval, who opened the case and who reported it', () => {
      const view = present('awaiting-approval', 'en');
      assert.equal(fact(view, 'Approval requested by'), 'Anna Helpdesk · 22 Nov 2026, 10:00 UTC');
      assert.equal(fact(view, 'Opened by'), 'Anna Helpdesk · 22 Nov 2026, 09:50 UTC');
      assert.equal(fact(view, 'Reported by'), 'Léo Dupont');
    });

    it('lists the user licences a remove-user-licence case takes off', () => {
      const view = present('user-licence', 'fr');
      assert.equal(fact(view, 'Licence à retirer'), 'Office 365 E3');
      assert.equal(fact(view, 'Licence attribuée'), undefined);
    });

    it('shows the licence that will be assigned when it is not the one removed', () => {
      const c = scenario('reassigning');
      c.snapshot = {
        skuId: BASIC,
        skuPartNumber: 'Microsoft_Teams_Rooms_Basic',
        disabledPlans: [],
        assignment: 'group',
      };
      const view = presentCase(c, { locale: 'en', now: AT_2005, canAct: true });
      assert.equal(fact(view, 'Licence'), 'Teams Rooms Basic, all plans enabled, assigned through a group');
      assert.equal(fact(view, 'Will be assigned'), 'Teams Rooms Pro, 2 disabled plans');
    });

    it('falls back on the part number, then the skuId, for a licence the matrix does not know', () => {
      const c = scenario('waiting');
      c.snapshot = {
        skuId: 'abcdef00-0000-4000-8000-000000000000',
        skuPartNumber: 'CONTOSO_SPECIAL',
        disabledPlans: ['x'],
        assignment: 'direct',
      };
      c.target = undefined;
      assert.equal(
        presentCase(c, { locale: 'en', now: AT_1053, canAct: true }).facts[1]?.value,
        'CONTOSO_SPECIAL, 1 disabled plan',
      );
    });
  });

  describe('checklist and warnings', () => {
    it('asks for the console reset from the confirmation until the end of the wait', () => {
      for (const name of ['awaiting-confirmation', 'awaiting-approval', 'removing', 'waiting']) {
        const view = present(name, 'en');
        assert.deepEqual(
          view.checklist,
          {
            title: 'To do on the console',
            items: [
              'Reset the Teams Rooms app on the console and sign it out, before the licence is removed.',
              'Leave the console signed out until the licence is assigned back.',
            ],
          },
          name,
        );
      }
      for (const name of ['diagnosed', 'window-open', 'verifying', 'resolved', 'user-licence']) {
        assert.equal(present(name, 'en').checklist, undefined, name);
      }
    });

    it('asks for a restart by hand when the remote restart failed', () => {
      const view = present('restart-failed', 'fr');
      assert.equal(view.checklist?.title, 'À faire sur la console');
      assert.match(view.checklist?.items[0] ?? '', /^Redémarrez la console à la main/);
    });

    it('warns that reassigning during the wait keeps the bug', () => {
      assert.equal(
        present('waiting', 'en').warning,
        'Reassigning before 22 Nov 2026, 18:05 UTC is likely to leave the licence error in place: the service may not have dropped the old licence data yet.',
      );
      assert.equal(present('window-open', 'en').warning, undefined);
    });

    it('warns that the seat may be taken, and offers Pro only when Pro seats are free', () => {
      const offered = present('no-seat', 'en', { proSeatsFree: 3 }).warning ?? '';
      assert.match(
        offered,
        /^The seat freed during the wait may have been taken\. Free a Teams Rooms Basic seat/,
      );
      assert.match(offered, /Free Teams Rooms Pro seats: 3\. You can assign it instead\.$/);
      assert.doesNotMatch(present('no-seat', 'en', { proSeatsFree: 0 }).warning ?? '', /Pro/);
      assert.doesNotMatch(present('no-seat', 'en').warning ?? '', /Pro/);
      const proCase = scenario('no-seat');
      proCase.snapshot = baseCase().snapshot;
      proCase.target = { skuId: PRO, disabledPlans: PLANS };
      const alreadyPro = presentCase(proCase, { locale: 'en', now: AT_2005, canAct: true, proSeatsFree: 3 });
      assert.doesNotMatch(alreadyPro.warning ?? '', /Free Teams Rooms Pro seats/);
    });
  });

  describe('history', () => {
    it('shows the last five entries, newest first, with short request ids', () => {
      const view = present('verifying', 'en');
      assert.equal(view.historyTitle, 'History');
      assert.deepEqual(view.history, [
        { at: '22 Nov 19:00', text: 'Bot · restarted the console · request c0ffee00…' },
        { at: '22 Nov 19:00', text: 'Bot · assigned Teams Rooms Pro · request 7e8f9a0b…' },
        { at: '22 Nov 19:00', text: 'Marc Helpdesk · asked to reassign Teams Rooms Pro' },
        { at: '22 Nov 18:05', text: 'Bot · wait over, reassignment possible' },
        { at: '22 Nov 10:05', text: 'Bot · removed Teams Rooms Pro · request 1a2b3c4d…' },
      ]);
    });

    it('writes history in French, keeping the reasons of failures', () => {
      const view = present('remove-failed', 'fr');
      assert.deepEqual(view.history[0], {
        at: '22 nov. 10:05',
        text: 'Le bot · n’a pas pu retirer Teams Rooms Pro · Request_ResourceNotFound · requête 1a2b3c4d…',
      });
      assert.equal(view.history[1]?.text, 'Anna Helpdesk · a confirmé le retrait');
    });

    it('words extensions and early reassignments from their details, and hides internal notes', () => {
      const c = scenario('window-open');
      c.history.push(
        entry('2026-11-22T20:00:00.000Z', 'Anna Helpdesk', 'extend', { detail: 'PT4H' }),
        entry('2026-11-22T20:01:00.000Z', 'Anna Helpdesk', 'reassign', {
          detail: `${BASIC} (before the window opened)`,
        }),
        entry('2026-11-22T20:02:00.000Z', 'Anna Helpdesk', 'cancel', { detail: 'from window-open' }),
        entry('2026-11-22T20:03:00.000Z', 'bot', 'something-new', {
          result: 'refused',
          detail: 'raw detail',
        }),
      );
      const texts = presentCase(c, { locale: 'fr', now: AT_2005, canAct: true }).history.map(
        (item) => item.text,
      );
      assert.deepEqual(texts.slice(0, 4), [
        'Le bot · something-new · refusé · raw detail',
        'Anna Helpdesk · a annulé le dossier',
        'Anna Helpdesk · a demandé la réattribution de Teams Rooms Basic avant l’ouverture de la fenêtre',
        'Anna Helpdesk · a prolongé l’attente de 4 h',
      ]);
    });
  });

  describe('actions', () => {
    const data = { caseId: 'case-0012', version: 3 };

    it('offers the buttons each state allows', () => {
      const table = Object.keys(SCENARIOS).map((name) => [
        name,
        verbs(present(name, 'en', { proSeatsFree: 3 })),
      ]);
      assert.deepEqual(table, [
        ['diagnosed', ['licence.start-repair', CASE_VERBS.cancel]],
        ['awaiting-confirmation', [CASE_VERBS.confirm, CASE_VERBS.cancel]],
        ['awaiting-approval', [CASE_VERBS.approve, CASE_VERBS.cancel]],
        ['remove-failed', [CASE_VERBS.confirm, CASE_VERBS.cancel]],
        ['removing', [CASE_VERBS.refresh]],
        ['waiting', [CASE_VERBS.reassignEarly, CASE_VERBS.extend, CASE_VERBS.cancel]],
        // The snapshot is already Pro: no "assign Pro instead".
        ['window-open', [CASE_VERBS.reassign, CASE_VERBS.extend, CASE_VERBS.escalate, CASE_VERBS.cancel]],
        [
          'no-seat',
          [
            CASE_VERBS.reassign,
            CASE_VERBS.reassignPro,
            CASE_VERBS.extend,
            CASE_VERBS.escalate,
            CASE_VERBS.cancel,
          ],
        ],
        ['reassign-failed', [CASE_VERBS.reassign, CASE_VERBS.extend, CASE_VERBS.escalate, CASE_VERBS.cancel]],
        ['reassigning', [CASE_VERBS.refresh]],
        ['verifying', [CASE_VERBS.refresh]],
        ['restart-failed', [CASE_VERBS.escalate, CASE_VERBS.cancel]],
        ['not-verified', [CASE_VERBS.escalate, CASE_VERBS.cancel]],
        ['resolved', []],
        ['escalated', []],
        ['cancelled', []],
        ['user-licence', [CASE_VERBS.confirm, CASE_VERBS.cancel]],
        ['user-licence verifying', [CASE_VERBS.refresh]],
      ]);
    });

    it('makes the removal destructive and worded as the decision it is', () => {
      const [confirm, cancel] = present('awaiting-confirmation', 'en').actions;
      assert.deepEqual(confirm, {
        verb: CASE_VERBS.confirm,
        title: 'Remove the licence now',
        data,
        style: 'destructive',
      });
      assert.deepEqual(cancel, { verb: CASE_VERBS.cancel, title: 'Cancel the case', data });
      assert.equal(present('awaiting-confirmation', 'fr').actions[0]?.title, 'Retirer la licence maintenant');
      assert.equal(present('remove-failed', 'en').actions[0]?.title, 'Try the removal again');
      assert.equal(present('awaiting-approval', 'en').actions[0]?.style, 'destructive');
    });

    it('carries the case version, the Pro skuId and the extension hours', () => {
      const actions = present('no-seat', 'en', { proSeatsFree: 1 }).actions;
      assert.deepEqual(actions[0], {
        verb: CASE_VERBS.reassign,
        title: 'Reassign Teams Rooms Basic',
        data,
        style: 'positive',
      });
      assert.deepEqual(actions[1], {
        verb: CASE_VERBS.reassignPro,
        title: 'Assign Teams Rooms Pro instead',
        data: { ...data, skuId: PRO },
      });
      assert.deepEqual(actions[2], {
        verb: CASE_VERBS.extend,
        title: 'Wait 4 h more',
        data: { ...data, hours: EXTEND_HOURS },
      });
      assert.equal(EXTEND_HOURS, 4);
      for (const action of actions) assert.equal(action.data.version, 3);
    });

    it('offers Pro only when a Pro seat is free', () => {
      assert.ok(!verbs(present('no-seat', 'en', { proSeatsFree: 0 })).includes(CASE_VERBS.reassignPro));
      assert.ok(!verbs(present('no-seat', 'en')).includes(CASE_VERBS.reassignPro));
    });

    it('shows no button and a read-only note to people who may not act', () => {
      for (const name of Object.keys(SCENARIOS)) {
        const en = present(name, 'en', { canAct: false, proSeatsFree: 3 });
        assert.deepEqual(en.actions, [], name);
        assert.equal(en.readOnlyNote, 'Only helpdesk members can act on this case.');
        assert.equal(
          present(name, 'fr', { canAct: false }).readOnlyNote,
          'Seuls les membres du support peuvent agir sur ce dossier.',
        );
      }
      assert.equal(present('waiting', 'en').readOnlyNote, undefined);
    });
  });

  describe('confirmations', () => {
    it('says the licence comes back when cancelling during the wait', () => {
      const view = presentConfirmCancel(scenario('waiting'), 'en');
      assert.equal(view.title, 'Cancel case 12 · Room 4B?');
      assert.deepEqual(view.changes, [
        'Teams Rooms Pro will be assigned back to room-4b@contoso.com with its 2 disabled plans.',
        'The scheduled steps stop and the case is closed.',
        'The people who reported the problem are told.',
      ]);
      assert.match(view.warning ?? '', /most likely leaves the licence error/);
      assert.deepEqual(view.confirm, {
        verb: CASE_VERBS.cancelConfirmed,
        title: 'Yes, cancel the case',
        data: { caseId: 'case-0012', version: 3 },
        style: 'destructive',
      });
      assert.deepEqual(view.cancel, {
        verb: CASE_VERBS.refresh,
        title: 'Back to the case',
        data: { caseId: 'case-0012', version: 3 },
      });
    });

    it('says nothing changes on the licence when it was never removed or is already back', () => {
      for (const name of ['awaiting-confirmation', 'verifying', 'user-licence']) {
        const c = scenario(name);
        c.reporters = [];
        const view = presentConfirmCancel(c, 'fr');
        assert.deepEqual(
          view.changes,
          ['Aucune modification de licence.', 'Les étapes prévues s’arrêtent et le dossier est clos.'],
          name,
        );
        assert.equal(view.warning, undefined);
      }
    });

    it('restores the licence without warning once the window is open', () => {
      const view = presentConfirmCancel(scenario('window-open'), 'en');
      assert.match(view.changes[0] ?? '', /will be assigned back/);
      assert.equal(view.warning, undefined);
    });

    it('warns before an early reassignment, with the time left', () => {
      const view = presentConfirmReassignEarly(
        scenario('waiting'),
        'en',
        new Date('2026-11-22T13:05:00.000Z'),
      );
      assert.equal(view.title, 'Reassign the licence of Room 4B before the window opens?');
      assert.deepEqual(view.changes, [
        'Teams Rooms Pro will be assigned to room-4b@contoso.com with its 2 disabled plans.',
        'The console is then restarted and the bot checks that it signs in.',
      ]);
      assert.equal(
        view.warning,
        'The window opens at 22 Nov 2026, 18:05 UTC (in 5 h): reassigning now is likely to leave the licence error in place.',
      );
      assert.equal(view.confirm.verb, CASE_VERBS.reassignEarlyConfirmed);
      assert.equal(view.cancel.verb, CASE_VERBS.refresh);
      const fr = presentConfirmReassignEarly(scenario('waiting'), 'fr', new Date('2026-11-22T13:05:00.000Z'));
      assert.match(fr.warning ?? '', /^La fenêtre s’ouvre le 22 nov\. 2026, 18:05 UTC \(dans 5 h\)/);
    });

    for (const locale of LOCALES) {
      it(`writes both confirmations in ${locale} only`, () => {
        for (const name of Object.keys(SCENARIOS)) {
          const c = scenario(name);
          assertClean(confirmTexts(presentConfirmCancel(c, locale)), locale, `cancel ${name}`);
          assertClean(confirmTexts(presentConfirmReassignEarly(c, locale, AT_1053)), locale, `early ${name}`);
        }
      });
    }
  });

  describe('case list', () => {
    it('lists open cases only, each with its state, time left and an open button', () => {
      const other = {
        ...scenario('window-open'),
        id: 'case-0014',
        number: 14,
        roomName: 'Room 1A',
        version: 9,
      };
      const view = presentCaseList([scenario('waiting'), scenario('resolved'), other], 'en', AT_1053);
      assert.equal(view.title, 'Open cases (2)');
      assert.deepEqual(view.rows, [
        {
          number: '#12',
          room: 'Room 4B',
          state: 'Waiting before reassignment',
          detail: 'Reassignment in 7 h 12 min',
          open: { verb: CASE_VERBS.refresh, title: 'Open', data: { caseId: 'case-0012', version: 3 } },
        },
        {
          number: '#14',
          room: 'Room 1A',
          state: 'Ready to reassign',
          detail: 'Reassign now · 23 h 12 min left',
          open: { verb: CASE_VERBS.refresh, title: 'Open', data: { caseId: 'case-0014', version: 9 } },
        },
      ]);
      assert.equal(presentCaseList([other], 'fr', AT_1053).rows[0]?.open.title, 'Ouvrir');
    });

    it('words the next step of every open state', () => {
      const details = Object.keys(SCENARIOS)
        .filter((name) => !['resolved', 'escalated', 'cancelled'].includes(name))
        .map((name) => [name, presentCaseList([scenario(name)], 'en', AT_1053).rows[0]?.detail]);
      assert.deepEqual(details, [
        ['diagnosed', 'Waiting for the helpdesk'],
        ['awaiting-confirmation', 'Reset the console, then confirm the removal'],
        ['awaiting-approval', 'A second helpdesk member must approve'],
        ['remove-failed', 'The last step failed: try again'],
        ['removing', 'The bot is working on it'],
        ['waiting', 'Reassignment in 7 h 12 min'],
        ['window-open', 'Reassign now · 23 h 12 min left'],
        ['no-seat', 'Free a seat, or assign another licence'],
        ['reassign-failed', 'The last step failed: try again'],
        ['reassigning', 'The bot is working on it'],
        ['verifying', 'Sign-in checked until 22 Nov 2026, 19:30 UTC'],
        ['restart-failed', 'Restart the console by hand'],
        ['not-verified', 'Check the console, or escalate'],
        ['user-licence', 'Confirm the removal'],
        ['user-licence verifying', 'Sign-in checked until 22 Nov 2026, 10:35 UTC'],
      ]);
      const late = presentCaseList([scenario('window-open')], 'fr', new Date('2026-11-23T11:05:00.000Z'));
      assert.equal(late.rows[0]?.detail, 'À réattribuer · en retard de 1 h');
      assert.equal(late.rows[0]?.state, 'Attente dépassée');
    });

    it('says when there is no open case', () => {
      const view = presentCaseList([scenario('resolved')], 'fr', AT_1053);
      assert.deepEqual(view, { title: 'Dossiers ouverts (0)', rows: [], empty: 'Aucun dossier ouvert.' });
    });

    for (const locale of LOCALES) {
      it(`writes the list in ${locale} only`, () => {
        const view = presentCaseList(Object.values(SCENARIOS), locale, AT_1053);
        const texts = [
          view.title,
          view.empty,
          ...view.rows.flatMap((row) => [row.state, row.detail, row.open.title]),
        ];
        assertClean(texts, locale, 'list');
      });
    }
  });

  describe('notices', () => {
    const KINDS: NoticeKind[] = [
      'removed',
      'window-open',
      'window-closed',
      'reassigned',
      'resolved',
      'not-verified',
      'restart-manual',
      'no-seat',
      'cancelled',
      'escalated',
      'approval-needed',
      'action-failed',
    ];

    function caseFor(kind: NoticeKind): RepairCase {
      const byKind: Partial<Record<NoticeKind, string>> = {
        removed: 'waiting',
        'window-open': 'window-open',
        'window-closed': 'window-open',
        reassigned: 'verifying',
        resolved: 'resolved',
        'not-verified': 'not-verified',
        'restart-manual': 'restart-failed',
        'no-seat': 'no-seat',
        cancelled: 'cancelled',
        escalated: 'escalated',
        'approval-needed': 'awaiting-approval',
        'action-failed': 'remove-failed',
      };
      return scenario(byKind[kind] ?? 'waiting');
    }

    it('writes the helpdesk thread messages', () => {
      const now = new Date('2026-11-23T11:05:00.000Z');
      assert.equal(
        noticeText('window-open', caseFor('window-open'), 'en', now),
        '**Case 12 · Room 4B**: the wait is over, the licence can be reassigned now.',
      );
      assert.equal(
        noticeText('removed', caseFor('removed'), 'en', AT_1053),
        '**Case 12 · Room 4B**: Teams Rooms Pro was removed from room-4b@contoso.com. It can be reassigned from 22 Nov 2026, 18:05 UTC (in 7 h 12 min); the bot will post here then.',
      );
      assert.match(
        noticeText('window-closed', caseFor('window-closed'), 'en', now),
        /off for 25 h, past the planned wait\. Reassign it now, wait a few more hours, or escalate/,
      );
      assert.equal(
        noticeText('resolved', caseFor('resolved'), 'fr', now),
        '**Dossier 12 · Room 4B**\u00a0: la console se connecte de nouveau. Dossier clos.',
      );
      assert.match(
        noticeText('restart-manual', caseFor('restart-manual'), 'en', now),
        /\*\*restart it by hand\*\*/,
      );
      assert.match(noticeText('no-seat', caseFor('no-seat'), 'en', now), /no Teams Rooms Basic seat is free/);
      assert.match(
        noticeText('approval-needed', caseFor('approval-needed'), 'en', now),
        /Anna Helpdesk asks to remove the licence/,
      );
      assert.match(
        noticeText('action-failed', caseFor('action-failed'), 'en', now),
        /failed \(Request\\_ResourceNotFound\)/,
      );
      assert.equal(
        noticeText('cancelled', caseFor('cancelled'), 'en', now),
        '**Case 12 · Room 4B**: case cancelled. Teams Rooms Pro was assigned back to room-4b@contoso.com.',
      );
      assert.match(
        noticeText('removed', scenario('user-licence verifying'), 'en', now),
        /Office 365 E3 was removed from room-2c@contoso\.com\. The console is restarting/,
      );
    });

    it('writes reporter messages without helpdesk internals', () => {
      const now = new Date('2026-11-23T11:05:00.000Z');
      assert.equal(
        noticeText('resolved', caseFor('resolved'), 'en', now, 'reporter'),
        'Your report about Room 4B (case 12): the room works again.',
      );
      assert.equal(
        noticeText('resolved', caseFor('resolved'), 'fr', now, 'reporter'),
        'Votre signalement concernant Room 4B (dossier 12)\u00a0: la salle fonctionne de nouveau.',
      );
      for (const kind of KINDS) {
        for (const locale of LOCALES) {
          const text = noticeText(kind, caseFor(kind), locale, now, 'reporter');
          for (const secret of [
            'room-4b@contoso.com',
            'Teams Rooms Pro',
            'Teams Rooms Basic',
            PRO,
            'Anna',
            'Request_',
            'CountViolation',
            'Graph',
            '**',
            'licen',
          ]) {
            assert.ok(!text.includes(secret), `${kind} (${locale}) reveals "${secret}": ${text}`);
          }
        }
      }
    });

    for (const locale of LOCALES) {
      it(`writes every notice in ${locale}, for both audiences, with nothing left to fill in`, () => {
        for (const kind of KINDS) {
          for (const audience of ['thread', 'reporter'] as const) {
            const text = noticeText(kind, caseFor(kind), locale, AT_2005, audience);
            assert.ok(text.length > 30, `${kind} ${audience}`);
            assertClean([text], locale, `${kind} ${audience}`);
          }
        }
      });
    }

    it('writes different messages for different kinds', () => {
      const texts = KINDS.map((kind) => noticeText(kind, caseFor(kind), 'en', AT_2005));
      assert.equal(new Set(texts).size, KINDS.length);
    });

    it('escapes Markdown in room names and accounts', () => {
      const c = scenario('waiting');
      c.roomName = '**Room** [4B](https://evil.example) _x_';
      c.account = 'a_b*c@contoso.com';
      const thread = noticeText('removed', c, 'en', AT_1053);
      assert.ok(
        thread.startsWith('**Case 12 · \\*\\*Room\\*\\* \\[4B\\]\\(https://evil.example\\) \\_x\\_**'),
        thread,
      );
      assert.ok(thread.includes('a\\_b\\*c@contoso.com'));
      const reporter = noticeText('resolved', c, 'en', AT_1053, 'reporter');
      assert.ok(!reporter.includes('[4B](https://evil.example)'));
    });

    it('keeps template-like room names as they are on the card', () => {
      const c = scenario('waiting');
      c.roomName = '${title} {number} {{DATE(2017-02-14T06:00:00Z)}}';
      const view = presentCase(c, { locale: 'en', now: AT_1053, canAct: true });
      assert.equal(view.title, 'Case 12 · ${title} {number} {{DATE(2017-02-14T06:00:00Z)}}');
    });
  });
});
