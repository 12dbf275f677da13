import type { CardAction, CaseCardView, ConfirmActionView, Tone } from '../cards/view-models';
import { formatUtc } from '../diagnostics/present-room';
import { plainText } from '../diagnostics/plain-text';
import { PhoneTreeError, phoneTreeStep, type PhoneTreeStep } from '../diagnostics/phone-tree';
import type { Locale, TextParams } from '../i18n';
import { defaultPhoneKnowledge } from '../knowledge/phone';
import type { PhoneKnowledge } from '../knowledge/phone-types';
import {
  isOpen,
  type HistoryEntry,
  type NoticeKind,
  type PhoneAction,
  type PhoneCaseData,
  type RepairCase,
} from './model';
import { phoneCaseText, type PhoneCaseTextKey } from './phone-case-texts';
import { CASE_VERBS } from './verbs';

/** Card verbs of the phone workflow. Each carries `{ caseId, version }` in its data. */
export const PHONE_VERBS = {
  /** diagnosed: begin the site decision tree. */
  start: 'phone.start',
  /** troubleshooting: one answer (data also has `questionId`, `answerId`). */
  answer: 'phone.answer',
  /** troubleshooting / checking: forget the answers and ask again from the first question. */
  over: 'phone.checks-over',
  /** Ask to confirm a restart; then run it. */
  restart: 'phone.restart',
  restartConfirmed: 'phone.restart-confirmed',
  /** Ask to confirm a firmware update; then run it. */
  update: 'phone.update',
  updateConfirmed: 'phone.update-confirmed',
  /** Posts the network team's checklist in the thread. */
  handoff: 'phone.handoff',
  /** A durable reminder in the thread (data also has `minutes`). */
  remind: 'phone.remind',
  /** The post-remediation checklist passed: close as resolved. */
  works: 'phone.works',
  /** Still failing after the fix: escalate with the pack. */
  stillFails: 'phone.still-fails',
} as const;

/** Minutes of the "remind me" button. */
export const REMIND_MINUTES = 60;

const HISTORY_SHOWN = 5;

const AFTER_CHECKS: readonly PhoneCaseTextKey[] = [
  'checklist.after.call-out',
  'checklist.after.call-in',
  'checklist.after.quality',
  'checklist.after.banner',
  'checklist.after.reboot',
];

/** How to present a phone case. */
export interface PresentPhoneCaseOptions {
  locale: Locale;
  now: Date;
  canAct: boolean;
  knowledge?: PhoneKnowledge;
}

class PhoneWords {
  readonly phone: PhoneCaseData;
  readonly knowledge: PhoneKnowledge;

  constructor(
    readonly c: RepairCase,
    readonly locale: Locale,
    knowledge: PhoneKnowledge | undefined,
    private readonly markdown = false,
  ) {
    if (!c.phone) throw new Error(`Case ${c.number} is not a phone case.`);
    this.phone = c.phone;
    this.knowledge = knowledge ?? defaultPhoneKnowledge;
  }

  t(key: PhoneCaseTextKey, params?: TextParams): string {
    return phoneCaseText(this.locale, key, params);
  }

  value(text: string): string {
    return this.markdown ? plainText(text) : text;
  }

  label(): string {
    return this.value(this.c.roomName.trim() || this.phone.userName);
  }

  time(iso: string | undefined): string {
    return iso ? formatUtc(iso, this.locale) : '';
  }

  action(action: PhoneAction): string {
    return action === 'restart'
      ? this.t('action.restart')
      : this.t('action.update-firmware', { version: this.phone.targetFirmware ?? this.phone.firmware ?? '' });
  }

  shortAction(action: PhoneAction): string {
    return action === 'restart' ? this.t('action.restart') : this.t('action.update-firmware.short');
  }

  /** Where the recorded answers lead; a tree changed since the answers were given restarts at the root. */
  step(): PhoneTreeStep {
    const answers = this.phone.answers.map((a) => ({ questionId: a.questionId, answerId: a.answerId }));
    try {
      return phoneTreeStep(this.knowledge.tree, answers);
    } catch (err) {
      if (err instanceof PhoneTreeError) return phoneTreeStep(this.knowledge.tree, []);
      throw err;
    }
  }

  text(value: { en: string; fr: string }): string {
    return value[this.locale];
  }
}

function caseData(
  c: RepairCase,
  extra: Record<string, string | number> = {},
): Record<string, string | number> {
  return { caseId: c.id, version: c.version, ...extra };
}

function button(
  c: RepairCase,
  verb: string,
  title: string,
  style?: CardAction['style'],
  extra?: Record<string, string | number>,
): CardAction {
  return { verb, title, data: caseData(c, extra), ...(style ? { style } : {}) };
}

function stateLabel(w: PhoneWords): { label: string; tone: Tone } {
  const { c, phone } = w;
  switch (c.state) {
    case 'troubleshooting': {
      const step = w.step();
      if (step.kind === 'conclusion')
        return { label: w.t('state.conclusion', { cause: w.text(step.cause.title) }), tone: 'warning' };
      const op = phone.operation;
      return {
        label: w.t('state.troubleshooting'),
        tone: op && (op.status === 'failed' || op.status === 'conflict') ? 'warning' : 'default',
      };
    }
    case 'device-operation':
      return {
        label: w.t(
          phone.operation?.action === 'update-firmware'
            ? 'state.device-operation.update-firmware'
            : 'state.device-operation.restart',
        ),
        tone: 'default',
      };
    case 'checking':
      return { label: w.t('state.checking'), tone: 'good' };
    case 'resolved':
      return { label: w.t('state.resolved'), tone: 'good' };
    case 'escalated':
      return { label: w.t('state.escalated'), tone: 'warning' };
    case 'cancelled':
      return { label: w.t('state.cancelled'), tone: 'default' };
    default:
      return { label: w.t('state.diagnosed'), tone: 'default' };
  }
}

function summary(w: PhoneWords): string {
  const { c, phone } = w;
  const op = phone.operation;
  switch (c.state) {
    case 'troubleshooting': {
      const step = w.step();
      return step.kind === 'conclusion' ? w.text(step.cause.explanation) : w.t('summary.troubleshooting');
    }
    case 'device-operation':
      return op
        ? w.t('summary.device-operation', {
            action: w.action(op.action),
            startedAt: w.time(op.startedAt),
            deadline: w.time(op.deadline ?? op.startedAt),
          })
        : '';
    case 'checking':
      return op?.status === 'succeeded'
        ? w.t('summary.checking', { action: w.shortAction(op.action) })
        : w.t('summary.checking.noAction');
    case 'resolved':
      return w.t('summary.resolved');
    case 'escalated':
      return w.t('summary.escalated');
    case 'cancelled':
      return w.t('summary.cancelled');
    default:
      return w.t('summary.diagnosed');
  }
}

function warning(w: PhoneWords): string | undefined {
  const op = w.phone.operation;
  if (!op || w.c.state !== 'troubleshooting') return undefined;
  if (op.status === 'conflict') return w.t('warning.conflict');
  if (op.status === 'failed' && op.detail === 'timeout')
    return w.t('warning.timeout', { action: w.shortAction(op.action) });
  if (op.status === 'failed')
    return w.t('warning.failed', { action: w.shortAction(op.action), detail: op.detail ?? '' });
  return undefined;
}

function facts(w: PhoneWords): { label: string; value: string }[] {
  const { phone, c } = w;
  const out: { label: string; value: string }[] = [
    { label: w.t('fact.person'), value: `${phone.userName} (${phone.upn})` },
  ];
  if (phone.model) out.push({ label: w.t('fact.phone'), value: phone.model });
  if (phone.firmware) {
    out.push({
      label: w.t('fact.firmware'),
      value: phone.targetFirmware
        ? w.t('fact.firmware.target', { current: phone.firmware, target: phone.targetFirmware })
        : phone.firmware,
    });
  }
  const network = [phone.site.ipAddress, phone.site.macAddress].filter((v): v is string => Boolean(v));
  if (network.length) out.push({ label: w.t('fact.network'), value: network.join(' · ') });
  if (phone.site.location) out.push({ label: w.t('fact.site'), value: phone.site.location });
  if (phone.answers.length)
    out.push({
      label: w.t('fact.answers'),
      value: w.t('fact.answers.value', { count: phone.answers.length }),
    });
  if (phone.reminderAt && isOpen(c.state))
    out.push({ label: w.t('fact.reminder'), value: w.time(phone.reminderAt) });
  if (c.reporters.length)
    out.push({
      label: w.t('fact.reporters'),
      value: c.reporters.map((r) => r.name ?? r.userId).join(', '),
    });
  return out;
}

function checklist(w: PhoneWords): CaseCardView['checklist'] {
  if (w.c.state === 'checking')
    return { title: w.t('checklist.after'), items: AFTER_CHECKS.map((key) => w.t(key)) };
  if (w.c.state === 'troubleshooting') {
    const step = w.step();
    if (step.kind === 'conclusion')
      return { title: w.t('checklist.cause'), items: step.cause.actions.map((a) => w.text(a)) };
  }
  return undefined;
}

function question(w: PhoneWords, canAct: boolean): CaseCardView['question'] {
  const { c } = w;
  if (c.state !== 'troubleshooting') return undefined;
  const step = w.step();
  if (step.kind !== 'question') return undefined;
  const q = step.question;
  return {
    title: w.t('question.title', { step: step.path.length + 1 }),
    text: w.text(q.text),
    ...(q.help ? { help: w.text(q.help) } : {}),
    answers: canAct
      ? q.answers.map((a) =>
          button(c, PHONE_VERBS.answer, w.text(a.label), 'default', { questionId: q.id, answerId: a.id }),
        )
      : [],
  };
}

function actions(w: PhoneWords): CardAction[] {
  const { c, phone } = w;
  const hasDevice = Boolean(phone.deviceId);
  const restart = button(c, PHONE_VERBS.restart, w.t('button.restart'));
  const update = button(c, PHONE_VERBS.update, w.t('button.update'));
  const remind = button(c, PHONE_VERBS.remind, w.t('button.remind'), 'default', { minutes: REMIND_MINUTES });
  const escalate = button(c, CASE_VERBS.escalate, w.t('button.escalate'), 'destructive');
  const deviceButtons = [
    ...(hasDevice ? [restart] : []),
    ...(hasDevice && phone.targetFirmware ? [update] : []),
  ];
  switch (c.state) {
    case 'diagnosed':
      return [
        button(c, PHONE_VERBS.start, w.t('button.start'), 'positive'),
        ...deviceButtons,
        remind,
        escalate,
      ];
    case 'troubleshooting': {
      const step = w.step();
      // The phone may come back on its own (the site fixed something): closing it must not need the whole tree.
      if (step.kind === 'question')
        return [...deviceButtons, button(c, PHONE_VERBS.works, w.t('button.works')), remind, escalate];
      // Teams shows five buttons at most: the device command that fits best (an update when one is due).
      return [
        ...(step.cause.handoff.length
          ? [button(c, PHONE_VERBS.handoff, w.t('button.handoff'), 'positive')]
          : []),
        ...deviceButtons.slice(-1),
        button(c, PHONE_VERBS.works, w.t('button.works')),
        button(c, PHONE_VERBS.over, w.t('button.over')),
        escalate,
      ];
    }
    case 'device-operation':
      return [button(c, CASE_VERBS.refresh, w.t('button.refresh')), remind];
    case 'checking':
      return [
        button(c, PHONE_VERBS.works, w.t('button.works'), 'positive'),
        button(c, PHONE_VERBS.stillFails, w.t('button.still-fails'), 'destructive'),
        ...deviceButtons.slice(0, 1),
        button(c, PHONE_VERBS.over, w.t('button.over')),
        remind,
      ];
    default:
      return [];
  }
}

const HISTORY_KEYS: Readonly<Record<string, PhoneCaseTextKey>> = {
  opened: 'history.opened',
  start: 'history.start',
  'restart-checks': 'history.restart-checks',
  restart: 'history.restart',
  'update-firmware': 'history.update-firmware',
  'operation-started': 'history.operation-started',
  'restart-succeeded': 'history.restart-succeeded',
  'restart-failed': 'history.restart-failed',
  'restart-conflict': 'history.restart-conflict',
  'update-firmware-succeeded': 'history.update-firmware-succeeded',
  'update-firmware-failed': 'history.update-firmware-failed',
  'update-firmware-conflict': 'history.update-firmware-conflict',
  remind: 'history.remind',
  reminder: 'history.reminder',
  'check-passed': 'history.check-passed',
  'check-failed': 'history.check-failed',
  escalate: 'history.escalate',
  cancel: 'history.cancel',
  'reporter-joined': 'history.reporter-joined',
};

function historyText(w: PhoneWords, entry: HistoryEntry): string {
  const actor = entry.actor === 'bot' ? w.t('history.bot') : entry.actor;
  let sentence: string;
  if (entry.action === 'answer') {
    const [questionId = '', rest = ''] = (entry.detail ?? '').split(': ');
    const answerId = rest.split(' -> ')[0] ?? '';
    const q = w.knowledge.tree.questions.find((item) => item.id === questionId);
    const a = q?.answers.find((item) => item.id === answerId);
    sentence = w.t('history.answer', {
      question: q ? w.text(q.text) : questionId,
      answer: a ? w.text(a.label) : answerId,
    });
  } else {
    const key = HISTORY_KEYS[entry.action];
    sentence = key ? w.t(key) : entry.action;
  }
  const parts = [actor, sentence];
  if (entry.result === 'failed' && entry.detail) parts.push(entry.detail);
  if (entry.requestId) parts.push(w.t('history.request', { id: entry.requestId.slice(0, 8) }));
  return parts.join(' · ');
}

/**
 * The card of a phone case for one reader: state, the site question to ask now (answer buttons), the probable cause
 * with what to do, the post-remediation checklist, facts, latest history and the buttons the state allows.
 */
export function presentPhoneCase(c: RepairCase, options: PresentPhoneCaseOptions): CaseCardView {
  const w = new PhoneWords(c, options.locale, options.knowledge);
  const { label, tone } = stateLabel(w);
  const view: CaseCardView = {
    title: w.t('title', { number: c.number, phone: w.label() }),
    stateLabel: label,
    tone,
    summary: summary(w),
    facts: facts(w),
    history: [...c.history]
      .reverse()
      .slice(0, HISTORY_SHOWN)
      .map((entry) => ({ at: formatUtc(entry.at, options.locale), text: historyText(w, entry) })),
    historyTitle: w.t('history.title'),
    actions: options.canAct ? actions(w) : [],
  };
  const list = checklist(w);
  if (list) view.checklist = list;
  const warned = warning(w);
  if (warned) view.warning = warned;
  const q = question(w, options.canAct);
  if (q) view.question = q;
  if (!options.canAct) view.readOnlyNote = w.t('readOnly');
  return view;
}

/** The confirmation card of a restart or a firmware update: exactly what will happen to which phone. */
export function presentConfirmPhoneAction(
  c: RepairCase,
  action: PhoneAction,
  locale: Locale,
): ConfirmActionView {
  const w = new PhoneWords(c, locale, undefined);
  const device = [c.phone?.model, c.phone?.site.macAddress].filter(Boolean).join(' ') || w.label();
  const restart = action === 'restart';
  return {
    title: w.t(restart ? 'confirm.restart.title' : 'confirm.update.title', { phone: w.label() }),
    changes: restart
      ? [w.t('confirm.restart.change1', { device }), w.t('confirm.restart.change2')]
      : [
          w.t('confirm.update.change1', {
            device,
            target: w.phone.targetFirmware ?? '',
            current: w.phone.firmware ?? '',
          }),
          w.t('confirm.update.change2'),
        ],
    confirm: button(
      c,
      restart ? PHONE_VERBS.restartConfirmed : PHONE_VERBS.updateConfirmed,
      w.t(restart ? 'confirm.button.restart' : 'confirm.button.update'),
      'destructive',
    ),
    cancel: button(c, CASE_VERBS.refresh, w.t('confirm.button.back')),
  };
}

/** The proactive message of a phone case event, Markdown bold, for the thread or for the person who reported it. */
export function phoneNoticeText(
  kind: NoticeKind,
  c: RepairCase,
  locale: Locale,
  audience: 'thread' | 'reporter',
): string {
  const w = new PhoneWords(c, locale, undefined, true);
  const base = { number: c.number, phone: w.label() };
  const op = w.phone.operation;
  if (audience === 'reporter') {
    if (kind === 'resolved' || kind === 'escalated' || kind === 'cancelled')
      return w.t(`notice.reporter.${kind}`, base);
    return w.t('notice.reporter.other', base);
  }
  switch (kind) {
    case 'operation-succeeded':
      return w.t('notice.thread.operation-succeeded', {
        ...base,
        action: op ? w.shortAction(op.action) : '',
      });
    case 'operation-failed':
      return w.t('notice.thread.operation-failed', {
        ...base,
        action: op ? w.shortAction(op.action) : '',
        detail: w.value(op?.detail ?? ''),
      });
    case 'reminder':
    case 'resolved':
    case 'escalated':
    case 'cancelled':
      return w.t(`notice.thread.${kind}`, base);
    default:
      return w.t('notice.thread.other', base);
  }
}
