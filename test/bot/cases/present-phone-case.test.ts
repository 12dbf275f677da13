import { strict as assert } from 'node:assert';
import { renderCaseCard, renderConfirmActionCard } from '../../../bot/cards';
import type { CardAction, CaseCardView, ConfirmActionView } from '../../../bot/cards';
import type { NoticeKind, RepairCase } from '../../../bot/cases/model';
import { PHONE_CASE_TEXTS } from '../../../bot/cases/phone-case-texts';
import { noticeText, presentCase } from '../../../bot/cases/present-case';
import {
  PHONE_VERBS,
  phoneNoticeText,
  presentConfirmPhoneAction,
  presentPhoneCase,
  REMIND_MINUTES,
} from '../../../bot/cases/present-phone-case';
import { CASE_VERBS } from '../../../bot/cases/verbs';
import { phoneTreeStep } from '../../../bot/diagnostics/phone-tree';
import type { Locale } from '../../../bot/i18n';
import { defaultPhoneKnowledge } from '../../../bot/knowledge/phone';
import { validateCard } from '../../support/card-validator';
import { ALICE, play } from './fixtures';
import {
  alicePhoneCase,
  answer,
  checking,
  concluded,
  diagnosedCase,
  FIRMWARE,
  MINUTE,
  operationConflict,
  operationFailed,
  operationTimedOut,
  PATHS,
  PHONE_CASE_ID,
  PHONE_IP,
  PHONE_MAC,
  phoneCaseIn,
  phoneUpToDate,
  phoneWithoutDevice,
  reminded,
  requested,
  running,
  TARGET_FIRMWARE,
} from './phone-fixtures';

const LOCALES: Locale[] = ['en', 'fr'];
const TREE = defaultPhoneKnowledge.tree;

/** Every notice kind, checked by the compiler: a new kind must be added here. */
const NOTICE_KINDS = Object.keys({
  removed: true,
  'window-open': true,
  'window-closed': true,
  reassigned: true,
  resolved: true,
  'not-verified': true,
  'restart-manual': true,
  'no-seat': true,
  cancelled: true,
  escalated: true,
  'approval-needed': true,
  'action-failed': true,
  'operation-succeeded': true,
  'operation-failed': true,
  reminder: true,
} satisfies Record<NoticeKind, true>) as NoticeKind[];

/** Phone cases in every state and situation the card can show, each reached through real transitions. */
const SCENARIOS: Record<string, () => RepairCase> = {
  diagnosed: () => diagnosedCase(),
  'diagnosed, no device': () => diagnosedCase(phoneWithoutDevice()),
  'first question': () => alicePhoneCase(),
  'started from a report': () => play(diagnosedCase(), [{ type: 'start', actor: ALICE }]),
  'third question': () => answer(alicePhoneCase(), PATHS.egress.slice(0, 2)),
  'first question, no device': () => alicePhoneCase({ phone: phoneWithoutDevice() }),
  'cause: egress filtering': () => concluded('egress'),
  'cause: firmware': () => concluded('firmware'),
  'cause: power over Ethernet': () => concluded('poe'),
  'cause, up to date': () => concluded('egress', alicePhoneCase({ phone: phoneUpToDate() })),
  'cause, no device': () => concluded('egress', alicePhoneCase({ phone: phoneWithoutDevice() })),
  'restart failed': () => operationFailed('restart'),
  'update failed': () => operationFailed('update-firmware', 'FirmwareDownloadFailed'),
  'command refused (conflict)': () => operationConflict(),
  'command timed out': () => operationTimedOut('update-firmware'),
  'reminder set': () => reminded(alicePhoneCase()),
  'another reporter': () =>
    play(alicePhoneCase(), [
      { type: 'reporter-joined', reporter: { userId: 'aad-eve', name: 'Eve Leroy', locale: 'en' } },
    ]),
  'restart requested': () => requested(),
  'update running': () => running('update-firmware'),
  'checking after a restart': () => checking('restart'),
  'checking after an update': () => checking('update-firmware'),
  'checks started over': () => play(checking(), [{ type: 'restart-checks', actor: ALICE }]),
  resolved: () => phoneCaseIn('resolved'),
  escalated: () => phoneCaseIn('escalated'),
  cancelled: () => phoneCaseIn('cancelled'),
};

function scenario(name: string): RepairCase {
  const build = SCENARIOS[name];
  if (!build) throw new Error(`no scenario ${name}`);
  return build();
}

function present(c: RepairCase, locale: Locale, canAct = true): CaseCardView {
  return presentPhoneCase(c, { locale, now: new Date(Date.parse(c.updatedAt) + MINUTE), canAct });
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
    ...(view.question
      ? [
          view.question.title,
          view.question.text,
          view.question.help ?? '',
          ...view.question.answers.map((a) => a.title),
        ]
      : []),
  ].filter((text) => text !== '');
}

function confirmTexts(view: ConfirmActionView): string[] {
  return [view.title, ...view.changes, view.warning ?? '', view.confirm.title, view.cancel.title].filter(
    (text) => text !== '',
  );
}

type CatalogueKey = keyof (typeof PHONE_CASE_TEXTS)['en'];

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
  const otherTemplates = Object.values(PHONE_CASE_TEXTS[other]).map((text) => text.replace(/\{\w+\}/g, ' '));
  return Object.entries(PHONE_CASE_TEXTS[locale]).flatMap(([key, template]) =>
    template === PHONE_CASE_TEXTS[other][key as CatalogueKey]
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

function verbs(actions: CardAction[]): string[] {
  return actions.map((action) => action.verb);
}

/** Where the recorded answers lead, computed apart from the presenter. */
function treeStep(c: RepairCase): ReturnType<typeof phoneTreeStep> {
  return phoneTreeStep(
    TREE,
    (c.phone?.answers ?? []).map((a) => ({ questionId: a.questionId, answerId: a.answerId })),
  );
}

const AFTER_CHECKS_EN = [
  'A test call from the phone connects and both sides hear each other.',
  'A test call to the phone rings and connects.',
  'Call quality is clean: no echo, no cuts, no robotic voice.',
  '"No internet. Emergency calls aren\'t supported" is gone from the screen.',
  'It still works after one more restart (the fix persists).',
];

describe('phone case presenter', () => {
  describe('catalogue', () => {
    it('has the same keys in French and English', () => {
      assert.deepEqual(Object.keys(PHONE_CASE_TEXTS.fr).sort(), Object.keys(PHONE_CASE_TEXTS.en).sort());
    });

    it('uses the same placeholders in both languages', () => {
      const names = (text: string): string[] =>
        [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
      for (const [key, en] of Object.entries(PHONE_CASE_TEXTS.en)) {
        assert.deepEqual(names(PHONE_CASE_TEXTS.fr[key as CatalogueKey]), names(en), key);
      }
    });
  });

  describe('every state', () => {
    for (const name of Object.keys(SCENARIOS)) {
      for (const locale of LOCALES) {
        it(`${name} (${locale}): complete text in one language, no placeholder left, a valid card`, () => {
          const c = scenario(name);
          for (const canAct of [true, false]) {
            const view = present(c, locale, canAct);
            const where = `${name} ${locale}${canAct ? '' : ' read-only'}`;
            assert.ok(view.stateLabel.length > 0, where);
            assert.ok(view.summary.length > 20, where);
            assert.ok(view.facts.length >= 2, where);
            assert.ok(view.history.length >= 1 && view.history.length <= 5, where);
            assertClean(viewTexts(view), locale, where);
            assert.ok(view.actions.length <= 5, `${where}: ${view.actions.length} buttons`);
            for (const action of [...view.actions, ...(view.question?.answers ?? [])]) {
              assert.equal(action.data.caseId, PHONE_CASE_ID, where);
              assert.equal(action.data.version, c.version, where);
            }
            assert.deepEqual(validateCard(renderCaseCard(view, locale)).errors, [], where);
          }
        });
      }
    }

    it('gives the same view through presentCase, the entry point of every case card', () => {
      for (const name of Object.keys(SCENARIOS)) {
        const c = scenario(name);
        const now = new Date(Date.parse(c.updatedAt) + MINUTE);
        assert.deepEqual(presentCase(c, { locale: 'fr', now, canAct: true }), present(c, 'fr'), name);
      }
    });

    it('titles the card with the case number, the person and the phone', () => {
      const c = alicePhoneCase();
      assert.equal(present(c, 'en').title, 'Case 21 · Alice Martin – Poly CCX 500');
      assert.equal(present(c, 'fr').title, 'Dossier 21 · Alice Martin – Poly CCX 500');
    });

    it('labels each state, the probable cause taking over once the checks end', () => {
      const table = [
        'diagnosed',
        'first question',
        'cause: egress filtering',
        'restart failed',
        'command refused (conflict)',
        'restart requested',
        'update running',
        'checking after an update',
        'resolved',
        'escalated',
        'cancelled',
      ].map((name) => {
        const c = scenario(name);
        const en = present(c, 'en');
        return [name, en.stateLabel, en.tone, present(c, 'fr').stateLabel];
      });
      assert.deepEqual(table, [
        ['diagnosed', 'Reported', 'default', 'Signalé'],
        ['first question', 'Site checks', 'default', 'Vérifications sur site'],
        [
          'cause: egress filtering',
          'Probable cause: Firewall, proxy or DNS filtering',
          'warning',
          'Cause probable\u00a0: Filtrage par le pare-feu, le proxy ou le DNS',
        ],
        ['restart failed', 'Site checks', 'warning', 'Vérifications sur site'],
        ['command refused (conflict)', 'Site checks', 'warning', 'Vérifications sur site'],
        ['restart requested', 'Restarting the phone', 'default', 'Redémarrage du téléphone'],
        ['update running', 'Updating the firmware', 'default', 'Mise à jour du firmware'],
        ['checking after an update', 'Test the phone', 'good', 'Testez le téléphone'],
        ['resolved', 'Resolved', 'good', 'Résolu'],
        ['escalated', 'Escalated', 'warning', 'Escaladé'],
        ['cancelled', 'Cancelled', 'default', 'Annulé'],
      ]);
    });

    it('offers the buttons each state allows, five at most', () => {
      const P = PHONE_VERBS;
      const table = Object.keys(SCENARIOS).map((name) => [
        name,
        verbs(present(scenario(name), 'en').actions),
      ]);
      assert.deepEqual(table, [
        ['diagnosed', [P.start, P.restart, P.update, P.remind, CASE_VERBS.escalate]],
        ['diagnosed, no device', [P.start, P.remind, CASE_VERBS.escalate]],
        ['first question', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['started from a report', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['third question', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['first question, no device', [P.works, P.remind, CASE_VERBS.escalate]],
        ['cause: egress filtering', [P.handoff, P.update, P.works, P.over, CASE_VERBS.escalate]],
        ['cause: firmware', [P.update, P.works, P.over, CASE_VERBS.escalate]],
        ['cause: power over Ethernet', [P.handoff, P.update, P.works, P.over, CASE_VERBS.escalate]],
        ['cause, up to date', [P.handoff, P.restart, P.works, P.over, CASE_VERBS.escalate]],
        ['cause, no device', [P.handoff, P.works, P.over, CASE_VERBS.escalate]],
        ['restart failed', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['update failed', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['command refused (conflict)', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['command timed out', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['reminder set', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['another reporter', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['restart requested', [CASE_VERBS.refresh, P.remind]],
        ['update running', [CASE_VERBS.refresh, P.remind]],
        ['checking after a restart', [P.works, P.stillFails, P.restart, P.over, P.remind]],
        ['checking after an update', [P.works, P.stillFails, P.restart, P.over, P.remind]],
        ['checks started over', [P.restart, P.update, P.works, P.remind, CASE_VERBS.escalate]],
        ['resolved', []],
        ['escalated', []],
        ['cancelled', []],
      ]);
      const remind = present(alicePhoneCase(), 'en').actions.find((a) => a.verb === P.remind);
      assert.equal(remind?.data.minutes, REMIND_MINUTES);
    });
  });

  describe('site questions', () => {
    it('asks the question the answers lead to, only in troubleshooting before a conclusion', () => {
      for (const name of Object.keys(SCENARIOS)) {
        const c = scenario(name);
        const step = treeStep(c);
        for (const locale of LOCALES) {
          const view = present(c, locale);
          if (c.state !== 'troubleshooting' || step.kind === 'conclusion') {
            assert.equal(view.question, undefined, `${name}: no question in ${c.state}`);
            continue;
          }
          const q = step.question;
          assert.ok(view.question, `${name}: a question`);
          assert.equal(view.question.text, q.text[locale]);
          assert.equal(view.question.help, q.help?.[locale]);
          assert.equal(view.question.title, `Question ${step.path.length + 1}`);
          assert.deepEqual(
            view.question.answers.map((a) => a.title),
            q.answers.map((a) => a.label[locale]),
          );
          assert.deepEqual(
            view.question.answers.map((a) => ({ verb: a.verb, data: a.data })),
            q.answers.map((a) => ({
              verb: PHONE_VERBS.answer,
              data: { caseId: c.id, version: c.version, questionId: q.id, answerId: a.id },
            })),
          );
        }
      }
    });

    it('moves to the next question as answers are recorded', () => {
      const first = present(alicePhoneCase(), 'en').question;
      assert.equal(first?.answers[0]?.data.questionId, TREE.root);
      const third = scenario('third question');
      const view = present(third, 'en');
      assert.equal(view.question?.title, 'Question 3');
      assert.equal(view.question?.answers[0]?.data.questionId, 'ping-gateway');
      assert.equal(view.question?.answers[0]?.data.version, third.version);
      assert.ok(view.facts.some((f) => f.label === 'Site checks' && f.value === '2 answered'));
    });

    it('shows each recorded answer in the history with the words of the tree', () => {
      const view = present(scenario('third question'), 'fr');
      const root = TREE.questions.find((q) => q.id === 'reboots');
      const no = root?.answers.find((a) => a.id === 'no');
      assert.ok(root && no);
      assert.ok(
        view.history.some(
          (h) => h.text === `Alice Martin · a répondu\u00a0: ${root.text.fr} → ${no.label.fr}`,
        ),
        JSON.stringify(view.history),
      );
    });

    it('lists the actions of the cause as the checklist once the checks end', () => {
      for (const [name, causeId] of [
        ['cause: egress filtering', 'egress-filtering'],
        ['cause: firmware', 'firmware'],
        ['cause: power over Ethernet', 'poe-budget'],
      ] as const) {
        const cause = TREE.causes.find((item) => item.id === causeId);
        assert.ok(cause);
        const c = scenario(name);
        assert.equal(c.phone?.conclusion, causeId);
        for (const locale of LOCALES) {
          const view = present(c, locale);
          assert.deepEqual(view.checklist, {
            title: locale === 'en' ? 'What to do' : 'Que faire',
            items: cause.actions.map((a) => a[locale]),
          });
          assert.equal(view.summary, cause.explanation[locale]);
        }
      }
    });

    it('gives read-only readers the question without answer buttons, no button at all and the note', () => {
      for (const name of Object.keys(SCENARIOS)) {
        const c = scenario(name);
        for (const locale of LOCALES) {
          const view = present(c, locale, false);
          assert.deepEqual(view.actions, [], name);
          assert.deepEqual(view.question?.answers ?? [], [], name);
          assert.equal(
            view.readOnlyNote,
            locale === 'en'
              ? 'Only helpdesk members can act on this case.'
              : 'Seuls les membres du support peuvent agir sur ce dossier.',
          );
          assert.equal(present(c, locale, true).readOnlyNote, undefined, name);
        }
      }
      const question = present(alicePhoneCase(), 'en', false).question;
      assert.ok(question?.text, 'the question is still shown, to follow along');
    });
  });

  describe('commands and checks', () => {
    it('shows the post-remediation checklist while checking, and only then', () => {
      for (const name of Object.keys(SCENARIOS)) {
        const c = scenario(name);
        const view = present(c, 'en');
        if (c.state === 'checking') {
          assert.deepEqual(view.checklist, { title: 'Check with the user', items: AFTER_CHECKS_EN }, name);
          const fr = present(c, 'fr').checklist;
          assert.equal(fr?.title, 'À vérifier avec l’utilisateur');
          assert.equal(fr?.items.length, 5);
        } else if (view.checklist) {
          assert.notEqual(view.checklist.title, 'Check with the user', name);
        }
      }
    });

    it('says which command runs until when, and which went through', () => {
      const update = present(scenario('update running'), 'en');
      assert.match(update.summary, /^Teams asked the phone to update its firmware to 8\.1\.4\.1250 at /);
      assert.match(
        update.summary,
        /at 10 Mar 2025, 08:01 UTC\. The bot follows the command until 10 Mar 2025, 08:21 UTC/,
      );
      assert.match(present(scenario('restart requested'), 'fr').summary, /de redémarrer à /);
      assert.match(present(scenario('checking after an update'), 'en').summary, /^The firmware update went/i);
      assert.match(present(scenario('checking after a restart'), 'en').summary, /^The restart went through/);
    });

    it('warns after a failed, refused or timed-out command, in troubleshooting only', () => {
      assert.match(
        present(scenario('restart failed'), 'en').warning ?? '',
        /did not run the restart \(DeviceOffline\)/,
      );
      assert.match(
        present(scenario('update failed'), 'fr').warning ?? '',
        /« mise à jour du firmware » \(FirmwareDownloadFailed\)/,
      );
      assert.match(present(scenario('command refused (conflict)'), 'en').warning ?? '', /^Another command/);
      assert.match(
        present(scenario('command timed out'), 'en').warning ?? '',
        /^The firmware update did not finish/,
      );
      for (const name of ['first question', 'restart requested', 'checking after a restart', 'escalated']) {
        assert.equal(present(scenario(name), 'en').warning, undefined, name);
      }
    });

    it('shows the firmware with its target until the update went through', () => {
      const firmware = (c: RepairCase): string | undefined =>
        present(c, 'en').facts.find((f) => f.label === 'Firmware')?.value;
      assert.equal(firmware(alicePhoneCase()), `${FIRMWARE} (recommended ${TARGET_FIRMWARE})`);
      assert.equal(firmware(scenario('checking after an update')), TARGET_FIRMWARE);
      const network = present(alicePhoneCase(), 'en').facts.find((f) => f.label === 'Network');
      assert.equal(network?.value, `${PHONE_IP} · ${PHONE_MAC}`);
      assert.ok(present(scenario('reminder set'), 'en').facts.some((f) => f.label === 'Reminder'));
    });

    for (const locale of LOCALES) {
      it(`asks to confirm an update naming both firmware versions (${locale})`, () => {
        const c = concluded('firmware');
        const view = presentConfirmPhoneAction(c, 'update-firmware', locale);
        const changes = view.changes.join('\n');
        assert.ok(changes.includes(FIRMWARE), changes);
        assert.ok(changes.includes(TARGET_FIRMWARE), changes);
        assert.ok(changes.includes(PHONE_MAC), changes);
        assert.equal(view.confirm.verb, PHONE_VERBS.updateConfirmed);
        assert.equal(view.confirm.style, 'destructive');
        assert.deepEqual(view.confirm.data, { caseId: c.id, version: c.version });
        assert.equal(view.cancel.verb, CASE_VERBS.refresh);
        assertClean(confirmTexts(view), locale, `confirm update ${locale}`);
        assert.deepEqual(validateCard(renderConfirmActionCard(view, locale)).errors, []);

        const restart = presentConfirmPhoneAction(c, 'restart', locale);
        assert.equal(restart.confirm.verb, PHONE_VERBS.restartConfirmed);
        assert.ok(restart.changes.join('\n').includes('Poly CCX 500 00-04-F2-A1-10-01'));
        assertClean(confirmTexts(restart), locale, `confirm restart ${locale}`);
        assert.deepEqual(validateCard(renderConfirmActionCard(restart, locale)).errors, []);
      });
    }

    it('spells the exact update: Teams asks the phone to install 8.1.4.1250, it runs 7.1.3.0991', () => {
      const view = presentConfirmPhoneAction(alicePhoneCase(), 'update-firmware', 'en');
      assert.equal(
        view.changes[0],
        'Teams asks Poly CCX 500 00-04-F2-A1-10-01 to install firmware 8.1.4.1250 (it runs 7.1.3.0991).',
      );
      assert.equal(view.title, 'Update the firmware of Alice Martin – Poly CCX 500?');
    });
  });

  describe('notices', () => {
    for (const locale of LOCALES) {
      it(`writes every notice for both audiences (${locale}), never the IP or MAC to the reporter`, () => {
        for (const name of Object.keys(SCENARIOS)) {
          const c = scenario(name);
          for (const kind of NOTICE_KINDS) {
            const thread = phoneNoticeText(kind, c, locale, 'thread');
            const reporter = phoneNoticeText(kind, c, locale, 'reporter');
            const where = `${name} ${kind} ${locale}`;
            for (const text of [thread, reporter]) {
              assert.ok(text.trim().length > 10, where);
              assertClean([text], locale, where);
            }
            assert.ok(thread.includes(locale === 'en' ? 'Case 21' : 'Dossier 21'), `${where}: ${thread}`);
            assert.match(reporter, /\b21\b/, where);
            const plain = reporter.replace(/\\/g, '');
            for (const secret of [
              PHONE_IP,
              PHONE_MAC,
              '10.20.3.1',
              '10.20.0.10',
              'alice.martin@contoso.com',
            ]) {
              assert.ok(!plain.includes(secret), `${where}: "${secret}" told to the reporter`);
            }
            const now = new Date(c.updatedAt);
            assert.equal(
              noticeText(kind, c, locale, now, 'thread'),
              thread,
              `${where}: same through noticeText`,
            );
            assert.equal(noticeText(kind, c, locale, now, 'reporter'), reporter, where);
          }
        }
      });
    }

    it('says which command went through or failed, and why', () => {
      const done = phoneNoticeText('operation-succeeded', checking('update-firmware'), 'en', 'thread');
      assert.equal(
        done,
        '**Case 21 · Alice Martin – Poly CCX 500**: the firmware update went through. Test the phone with its user, then close the case from its card.',
      );
      const failed = phoneNoticeText('operation-failed', operationFailed('restart'), 'fr', 'thread');
      assert.match(failed, /\(« redémarrer »\) n’est pas passée \(DeviceOffline\)/);
      assert.match(
        phoneNoticeText('operation-failed', operationConflict(), 'en', 'thread'),
        /\(DeviceOperationInProgress\)/,
      );
    });

    it('tells the reporter how the case ended', () => {
      assert.equal(
        phoneNoticeText('resolved', phoneCaseIn('resolved'), 'en', 'reporter'),
        'Your report about your phone (case 21): it works again.',
      );
      assert.match(
        phoneNoticeText('escalated', phoneCaseIn('escalated'), 'fr', 'reporter'),
        /niveau supérieur/,
      );
      assert.match(phoneNoticeText('cancelled', phoneCaseIn('cancelled'), 'en', 'reporter'), /was closed/);
      assert.match(phoneNoticeText('reminder', alicePhoneCase(), 'en', 'reporter'), /the helpdesk is on it/);
    });

    it('escapes Markdown in the phone name of a thread notice', () => {
      const c = alicePhoneCase({ roomName: 'Alice *Martin* – [CCX](x)' });
      const text = phoneNoticeText('reminder', c, 'en', 'thread');
      assert.ok(!text.includes('*Martin*'), text);
      assert.ok(!text.includes('[CCX](x)'), text);
    });
  });
});
