import type { CardAction, CaseCardView, CaseListView, ConfirmActionView, Tone } from '../cards/view-models';
import { formatUtc, plainText } from '../diagnostics';
import type { Locale, TextParams } from '../i18n';
import { defaultKnowledge, findLicence, type Knowledge, type LicenceSku } from '../knowledge';
import { parseDuration } from '../util/duration';
import { caseText, formatDuration, type CaseTextKey } from './case-texts';
import {
  isOpen,
  type CaseActor,
  type CaseOutcome,
  type CaseState,
  type HistoryEntry,
  type NoticeKind,
  type RepairCase,
} from './model';
import { CASE_VERBS, START_REPAIR_VERB } from './verbs';
import { phoneNoticeText, presentPhoneCase } from './present-phone-case';

/** How to present a case. */
export interface PresentCaseOptions {
  locale: Locale;
  /** The instant the card is drawn at: time left and "overdue" are computed from it. */
  now: Date;
  /** Whether the reader may act (a helpdesk member); others see the card read-only. */
  canAct: boolean;
  /** Free Teams Rooms Pro seats, when known: offers Pro as the reassignment when a seat is free. */
  proSeatsFree?: number;
  /** The licence matrix product names come from; the shipped knowledge by default. */
  knowledge?: Knowledge;
}

/** Who reads a proactive notice: the helpdesk thread, or the end user who reported the problem. */
export type NoticeAudience = 'thread' | 'reporter';

/** How many hours the "wait longer" button adds to the window. */
export const EXTEND_HOURS = 4;

const HISTORY_SHOWN = 5;

type ProblemOutcome = Extract<
  CaseOutcome,
  'no-seat' | 'not-verified' | 'remove-failed' | 'reassign-failed' | 'restart-failed'
>;

// Outcomes that leave an open case stuck until someone acts; they take over the state's label and tone.
const PROBLEM_TONES: Record<ProblemOutcome, Tone> = {
  'no-seat': 'attention',
  'not-verified': 'attention',
  'remove-failed': 'attention',
  'reassign-failed': 'attention',
  'restart-failed': 'warning',
};

const STATE_TONES: Record<CaseState, Tone> = {
  diagnosed: 'default',
  'awaiting-confirmation': 'default',
  removing: 'default',
  waiting: 'default',
  'window-open': 'good',
  reassigning: 'default',
  verifying: 'default',
  troubleshooting: 'default',
  'device-operation': 'default',
  checking: 'default',
  resolved: 'good',
  escalated: 'warning',
  cancelled: 'default',
};

// The history actions that have a sentence; anything else is shown as recorded.
const HISTORY_ACTIONS = [
  'opened',
  'start',
  'confirm',
  'approval-requested',
  'approve',
  'removed',
  'remove-failed',
  'window-opened',
  'window-closed',
  'reassign',
  'reassigned',
  'reassign-failed',
  'restart-started',
  'restart-failed',
  'verify-result',
  'verify-timeout',
  'extend',
  'cancel',
  'restored',
  'escalate',
  'reporter-joined',
  'check-passed',
] as const;

type HistoryAction = (typeof HISTORY_ACTIONS)[number];

function isProblem(outcome: CaseOutcome | undefined): outcome is ProblemOutcome {
  return outcome !== undefined && Object.prototype.hasOwnProperty.call(PROBLEM_TONES, outcome);
}

function isHistoryAction(action: string): action is HistoryAction {
  return (HISTORY_ACTIONS as readonly string[]).includes(action);
}

// These sentences already say that the step failed.
const FAILURE_ACTIONS: readonly HistoryAction[] = [
  'remove-failed',
  'reassign-failed',
  'restart-failed',
  'verify-timeout',
];

// History actions after which the licence may be off: a cancel or an escalation then puts it back.
const REMOVAL_STARTS: readonly string[] = ['confirm', 'approve', 'removed'];

const LOCALE_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** The product Teams Rooms Pro, which a failed reassignment can fall back on. */
function proSku(knowledge: Knowledge): LicenceSku | undefined {
  const pro = knowledge.licences.skus.filter((sku) => sku.category === 'room-pro' && !sku.deprecated);
  return pro.find((sku) => sku.skuPartNumber === 'Microsoft_Teams_Rooms_Pro') ?? pro[0];
}

function sameSku(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function actorName(actor: CaseActor): string {
  return actor.name?.trim() || actor.id;
}

function isValidInstant(iso: string | undefined): iso is string {
  return iso !== undefined && !Number.isNaN(new Date(iso).getTime());
}

/** "22 Nov 10:05" / "22 nov. 10:05", in UTC: history lines are short, and the card says UTC elsewhere. */
function shortUtc(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((item) => item.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
}

// Graph request ids are GUIDs: the start is enough to find one in the audit, the escalation pack has them whole.
function shortRequestId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** Everything the sentences of one case need, in one language. */
class CaseWords {
  readonly knowledge: Knowledge;

  constructor(
    readonly c: RepairCase,
    readonly locale: Locale,
    readonly now: Date,
    knowledge: Knowledge | undefined,
    // Notices are read as Markdown: every value from the directory or a person is escaped there.
    private readonly markdown = false,
  ) {
    this.knowledge = knowledge ?? defaultKnowledge;
  }

  t(key: CaseTextKey, params?: TextParams): string {
    return caseText(this.locale, key, params);
  }

  value(text: string): string {
    return this.markdown ? plainText(text) : text;
  }

  room(): string {
    return this.value(this.c.roomName.trim() || this.c.account);
  }

  account(): string {
    return this.value(this.c.account);
  }

  licenceName(skuId: string, partNumber?: string | null): string {
    const sku = findLicence(this.knowledge, skuId);
    return sku ? sku.productName[this.locale] : this.value(partNumber || skuId);
  }

  /** The licence the case takes off: the room licence (cycle) or the user licences (remove-user-licence). */
  removedLicence(): string {
    if (this.c.kind === 'remove-user-licence') {
      const names = (this.c.removeSkuIds ?? []).map((skuId) => this.licenceName(skuId));
      return names.join(', ');
    }
    const snapshot = this.c.snapshot;
    return snapshot ? this.licenceName(snapshot.skuId, snapshot.skuPartNumber) : '';
  }

  /** What the reassignment assigns: the chosen target, else the snapshot's licence. */
  target(): { skuId: string; disabledPlans: string[]; name: string } | undefined {
    const snapshot = this.c.snapshot;
    const target = this.c.target ?? snapshot;
    if (!target) return undefined;
    const partNumber = sameSku(target.skuId, snapshot?.skuId) ? snapshot?.skuPartNumber : undefined;
    return {
      skuId: target.skuId,
      disabledPlans: target.disabledPlans,
      name: this.licenceName(target.skuId, partNumber),
    };
  }

  targetName(): string {
    return this.target()?.name ?? this.removedLicence();
  }

  time(iso: string): string {
    return formatUtc(iso, this.locale);
  }

  duration(ms: number, roundUp = false): string {
    return formatDuration(ms, this.locale, roundUp);
  }

  untilNow(iso: string): number {
    return new Date(iso).getTime() - this.now.getTime();
  }

  /** "in 7 h 12 min" for a future instant; `past` words it once it has gone by. */
  relative(iso: string, past: 'openSince' | 'overdue' | 'ago'): string {
    const left = this.untilNow(iso);
    if (left > 0) return this.t('relative.in', { duration: this.duration(left, true) });
    return this.t(`relative.${past}`, { duration: this.duration(-left) });
  }

  plans(count: number): string {
    if (count === 0) return this.t('plans.none');
    return count === 1 ? this.t('plans.one') : this.t('plans.many', { count });
  }

  withPlans(count: number): string {
    if (count === 0) return this.t('plans.with.none');
    return count === 1 ? this.t('plans.with.one') : this.t('plans.with.many', { count });
  }

  problem(): ProblemOutcome | undefined {
    const outcome = this.c.outcome;
    return isProblem(outcome) && isOpen(this.c.state) ? outcome : undefined;
  }

  overdue(): boolean {
    const closesAt = this.c.windowClosesAt;
    return this.c.state === 'window-open' && isValidInstant(closesAt) && this.untilNow(closesAt) <= 0;
  }

  reason(): string {
    const failed = [...this.c.history].reverse().find((entry) => entry.result === 'failed');
    const reason = this.c.outcomeDetail?.trim() || failed?.detail?.trim();
    return reason ? this.value(reason) : this.t('unknownReason');
  }

  restored(): boolean {
    return this.c.history.some((entry) => entry.action === 'restored' && entry.result === 'ok');
  }

  /**
   * After a cancel or an escalation: the sentence saying the licence is (being) put back, when the repair had
   * removed it or was removing it.
   */
  restoreSentence(): string {
    const { c } = this;
    if (c.kind !== 'licence-cycle' || !c.snapshot || isOpen(c.state) || c.reassignedAt) return '';
    const removalStarted =
      c.removedAt !== undefined || c.history.some((entry) => REMOVAL_STARTS.includes(entry.action));
    if (!removalStarted) return '';
    const params = { licence: this.removedLicence(), account: this.account() };
    return this.restored() ? this.t('summary.restored', params) : this.t('summary.restoring', params);
  }
}

function joinSentences(...sentences: string[]): string {
  return sentences.filter((sentence) => sentence !== '').join(' ');
}

function stateLabel(words: CaseWords): string {
  const { c } = words;
  const problem = words.problem();
  if (problem) return words.t(`outcome.${problem}`);
  if (c.state === 'awaiting-confirmation' && c.approval) return words.t('state.awaiting-approval');
  if (words.overdue()) return words.t('state.window-overdue');
  return words.t(`state.${c.state}`);
}

function stateTone(words: CaseWords): Tone {
  const problem = words.problem();
  if (problem) return PROBLEM_TONES[problem];
  if (words.overdue()) return 'warning';
  return STATE_TONES[words.c.state];
}

function summary(words: CaseWords): string {
  const { c } = words;
  const licence = words.removedLicence();
  const account = words.account();
  switch (words.problem()) {
    case 'remove-failed':
      return words.t('summary.remove-failed', { reason: words.reason() });
    case 'reassign-failed':
      return words.t('summary.reassign-failed', { licence: words.targetName(), reason: words.reason() });
    case 'no-seat':
      return words.t('summary.no-seat', { licence: words.targetName() });
    case 'restart-failed':
      return words.t('summary.restart-failed');
    case 'not-verified':
      return words.t('summary.not-verified');
    default:
      break;
  }
  switch (c.state) {
    case 'diagnosed':
      return words.t(c.kind === 'room-report' ? 'summary.diagnosed.report' : 'summary.diagnosed');
    case 'awaiting-confirmation':
      if (c.approval)
        return words.t('summary.awaiting-approval', { name: actorName(c.approval.requestedBy) });
      return c.kind === 'remove-user-licence'
        ? words.t('summary.awaiting-confirmation.user', { licence })
        : words.t('summary.awaiting-confirmation.cycle', { licence });
    case 'removing':
      return words.t('summary.removing', { licence, account });
    case 'waiting':
      if (isValidInstant(c.removedAt) && isValidInstant(c.windowOpensAt)) {
        return words.t('summary.waiting', {
          removedAt: words.time(c.removedAt),
          opensAt: words.time(c.windowOpensAt),
          left: words.relative(c.windowOpensAt, 'openSince'),
        });
      }
      return words.t('summary.removing', { licence, account });
    case 'window-open':
      if (words.overdue() && c.windowClosesAt !== undefined) {
        return words.t('summary.window-overdue', {
          closesAt: words.time(c.windowClosesAt),
          licence: words.targetName(),
        });
      }
      return words.t('summary.window-open', { licence: words.targetName() });
    case 'reassigning':
      return words.t('summary.reassigning', { licence: words.targetName(), account });
    case 'verifying':
      return isValidInstant(c.verifyDeadline)
        ? words.t('summary.verifying', { deadline: words.time(c.verifyDeadline) })
        : words.t('summary.verifying.noDeadline');
    case 'resolved':
      return words.t('summary.resolved');
    case 'escalated':
      return joinSentences(words.t('summary.escalated'), words.restoreSentence());
    case 'cancelled':
      return joinSentences(words.t('summary.cancelled'), words.restoreSentence());
    // Phone states: phone cases are presented by present-phone-case.
    case 'troubleshooting':
    case 'device-operation':
    case 'checking':
      return '';
  }
}

function facts(words: CaseWords): { label: string; value: string }[] {
  const { c } = words;
  const out: { label: string; value: string }[] = [{ label: words.t('fact.account'), value: c.account }];
  const snapshot = c.snapshot;
  if (c.kind === 'remove-user-licence') {
    const names = words.removedLicence();
    if (names !== '') out.push({ label: words.t('fact.removeLicences'), value: names });
  } else if (snapshot) {
    const details = [words.removedLicence(), words.plans(snapshot.disabledPlans.length)];
    if (snapshot.assignment === 'group') details.push(words.t('groupAssigned'));
    out.push({ label: words.t('fact.licence'), value: details.join(', ') });
  }
  const target = words.target();
  if (target && snapshot && !sameSku(target.skuId, snapshot.skuId)) {
    out.push({
      label: words.t('fact.target'),
      value: `${target.name}, ${words.plans(target.disabledPlans.length)}`,
    });
  }

  const counting = c.state === 'waiting' || c.state === 'window-open';
  const at = (iso: string, past?: 'openSince' | 'overdue' | 'ago'): string =>
    past && counting ? `${words.time(iso)} (${words.relative(iso, past)})` : words.time(iso);
  if (c.removedAt) out.push({ label: words.t('fact.removedAt'), value: at(c.removedAt) });
  if (isValidInstant(c.windowOpensAt))
    out.push({ label: words.t('fact.opensAt'), value: at(c.windowOpensAt, 'openSince') });
  if (isValidInstant(c.windowClosesAt))
    out.push({ label: words.t('fact.closesAt'), value: at(c.windowClosesAt, 'overdue') });
  if (c.reassignedAt) out.push({ label: words.t('fact.reassignedAt'), value: at(c.reassignedAt) });
  if (c.state === 'verifying' && isValidInstant(c.verifyDeadline)) {
    const left = words.untilNow(c.verifyDeadline) > 0 ? ` (${words.relative(c.verifyDeadline, 'ago')})` : '';
    out.push({ label: words.t('fact.verifyDeadline'), value: `${words.time(c.verifyDeadline)}${left}` });
  }
  if (c.approval && c.state === 'awaiting-confirmation') {
    out.push({
      label: words.t('fact.approval'),
      value: `${actorName(c.approval.requestedBy)} · ${words.time(c.approval.requestedAt)}`,
    });
  }
  out.push({
    label: words.t('fact.openedBy'),
    value: `${actorName(c.createdBy)} · ${words.time(c.createdAt)}`,
  });
  const reporters = c.reporters.flatMap((reporter) => reporter.name?.trim() || []);
  if (reporters.length > 0) out.push({ label: words.t('fact.reporters'), value: reporters.join(', ') });
  return out;
}

function checklist(words: CaseWords): CaseCardView['checklist'] {
  const { c } = words;
  if (words.problem() === 'restart-failed') {
    return {
      title: words.t('checklist.title'),
      items: [words.t('checklist.restart'), words.t('checklist.watchSignIn')],
    };
  }
  const beforeReassignment = ['awaiting-confirmation', 'removing', 'waiting'].includes(c.state);
  if (c.kind === 'licence-cycle' && beforeReassignment) {
    return {
      title: words.t('checklist.title'),
      items: [words.t('checklist.reset'), words.t('checklist.keepSignedOut')],
    };
  }
  return undefined;
}

function warning(words: CaseWords, proSeatsFree: number | undefined): string | undefined {
  const { c } = words;
  if (words.problem() === 'no-seat') {
    const sentences = [words.t('warning.noSeat', { licence: words.targetName() })];
    const pro = proSku(words.knowledge);
    const alreadyPro = findLicence(words.knowledge, words.target()?.skuId)?.category === 'room-pro';
    if (pro && !alreadyPro && proSeatsFree !== undefined && proSeatsFree > 0) {
      sentences.push(
        words.t('warning.noSeat.pro', { licence: pro.productName[words.locale], count: proSeatsFree }),
      );
    }
    return sentences.join(' ');
  }
  if (c.state === 'waiting' && isValidInstant(c.windowOpensAt)) {
    return words.t('warning.early', { opensAt: words.time(c.windowOpensAt) });
  }
  return undefined;
}

// Graph sends GUIDs; the transition records the SKU first in a reassignment's detail.
const SKU_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

function historySentence(words: CaseWords, entry: HistoryEntry, action: HistoryAction): string {
  const params = { licence: words.removedLicence(), target: words.targetName() };
  const detail = entry.detail?.trim() ?? '';
  if (action === 'reassign') {
    const skuId = SKU_ID.exec(detail)?.[0];
    const target = skuId ? words.licenceName(skuId) : params.target;
    // The detail is the transition's own note: it says when the reassignment was asked before the window.
    const early = skuId !== undefined && detail.length > skuId.length;
    return words.t(early ? 'history.reassignEarly' : 'history.reassign', { ...params, target });
  }
  if (action === 'extend') {
    const ms = parseDuration(detail);
    return ms === undefined
      ? words.t('history.extend')
      : words.t('history.extendBy', { duration: words.duration(ms) });
  }
  return words.t(`history.${action}`, params);
}

function historyText(words: CaseWords, entry: HistoryEntry): string {
  const actor = entry.actor === 'bot' ? words.t('history.bot') : entry.actor;
  const parts = [actor];
  const known = isHistoryAction(entry.action) ? entry.action : undefined;
  parts.push(known ? historySentence(words, entry, known) : entry.action);
  if (!known || !FAILURE_ACTIONS.includes(known)) {
    if (entry.result === 'failed') parts.push(words.t('history.failed'));
    if (entry.result === 'refused') parts.push(words.t('history.refused'));
  }
  // The details of known steps are notes for the audit, in English; only a failure's reason helps the reader.
  const detail = entry.detail?.trim() ?? '';
  const showDetail = !known || entry.result === 'failed' || entry.result === 'refused';
  if (detail !== '' && showDetail) parts.push(detail);
  if (entry.requestId?.trim())
    parts.push(words.t('history.request', { id: shortRequestId(entry.requestId) }));
  return parts.join(' · ');
}

function latestHistory(words: CaseWords): CaseCardView['history'] {
  const time = (entry: HistoryEntry): number => {
    const ms = new Date(entry.at).getTime();
    return Number.isNaN(ms) ? 0 : ms;
  };
  // Newest first; entries recorded at the same instant keep their recorded order, reversed.
  return [...words.c.history]
    .reverse()
    .sort((a, b) => time(b) - time(a))
    .slice(0, HISTORY_SHOWN)
    .map((entry) => ({ at: shortUtc(entry.at, words.locale), text: historyText(words, entry) }));
}

function caseData(c: RepairCase): Record<string, string | number> {
  return { caseId: c.id, version: c.version };
}

function action(
  words: CaseWords,
  verb: string,
  title: string,
  style?: CardAction['style'],
  extra?: Record<string, string | number>,
): CardAction {
  return {
    verb,
    title,
    data: { ...caseData(words.c), ...extra },
    ...(style ? { style } : {}),
  };
}

function actions(words: CaseWords, proSeatsFree: number | undefined): CardAction[] {
  const { c } = words;
  const cancel = action(words, CASE_VERBS.cancel, words.t('action.cancel'));
  const extend = action(
    words,
    CASE_VERBS.extend,
    words.t('action.extend', { hours: EXTEND_HOURS }),
    undefined,
    { hours: EXTEND_HOURS },
  );
  const escalate = action(words, CASE_VERBS.escalate, words.t('action.escalate'));
  const refresh = action(words, CASE_VERBS.refresh, words.t('action.refresh'));
  switch (c.state) {
    case 'awaiting-confirmation': {
      if (c.approval) {
        return [action(words, CASE_VERBS.approve, words.t('action.approve'), 'destructive'), cancel];
      }
      const title = c.outcome === 'remove-failed' ? words.t('action.retryRemove') : words.t('action.confirm');
      return [action(words, CASE_VERBS.confirm, title, 'destructive'), cancel];
    }
    case 'waiting':
      return [action(words, CASE_VERBS.reassignEarly, words.t('action.reassignEarly')), extend, cancel];
    case 'window-open': {
      const out = [
        action(
          words,
          CASE_VERBS.reassign,
          words.t('action.reassign', { licence: words.targetName() }),
          'positive',
        ),
      ];
      const pro = proSku(words.knowledge);
      const snapshotIsPro = findLicence(words.knowledge, c.snapshot?.skuId)?.category === 'room-pro';
      if (pro && !snapshotIsPro && proSeatsFree !== undefined && proSeatsFree > 0) {
        out.push(
          action(
            words,
            CASE_VERBS.reassignPro,
            words.t('action.reassignPro', { licence: pro.productName[words.locale] }),
            undefined,
            { skuId: pro.skuId },
          ),
        );
      }
      return [...out, extend, escalate, cancel];
    }
    case 'verifying':
      return c.outcome === 'not-verified' || c.outcome === 'restart-failed' ? [escalate, cancel] : [refresh];
    case 'diagnosed':
      if (c.kind === 'room-report')
        return [action(words, CASE_VERBS.resolve, words.t('action.resolve'), 'positive'), cancel];
      // Reported by an end user: the helpdesk starts the repair (pre-flight first) or closes the report.
      return [
        {
          verb: START_REPAIR_VERB,
          title: words.t('action.start'),
          data: { roomId: c.roomId },
          style: 'positive',
        },
        cancel,
      ];
    default:
      return isOpen(c.state) ? [refresh] : [];
  }
}

/**
 * The case card's content for one reader: state and what comes next, the facts with time left, the console
 * checklist, warnings, the latest history and the buttons the state allows (none when `canAct` is false).
 */
export function presentCase(c: RepairCase, options: PresentCaseOptions): CaseCardView {
  if (c.kind === 'phone-no-internet')
    return presentPhoneCase(c, { locale: options.locale, now: options.now, canAct: options.canAct });
  const words = new CaseWords(c, options.locale, options.now, options.knowledge);
  const view: CaseCardView = {
    title: words.t('title', { number: c.number, room: words.room() }),
    stateLabel: stateLabel(words),
    tone: stateTone(words),
    summary: summary(words),
    facts: facts(words),
    history: latestHistory(words),
    historyTitle: words.t('history.title'),
    actions: options.canAct ? actions(words, options.proSeatsFree) : [],
  };
  const list = checklist(words);
  if (list) view.checklist = list;
  const warned = warning(words, options.proSeatsFree);
  if (warned) view.warning = warned;
  if (!options.canAct) view.readOnlyNote = words.t('readOnly');
  return view;
}

// From the removal being sent to the reassignment being done, a cancel puts the snapshot's licence back.
const LICENCE_MAY_BE_OFF: readonly CaseState[] = ['removing', 'waiting', 'window-open', 'reassigning'];

function licenceIsOff(c: RepairCase): boolean {
  return c.kind === 'licence-cycle' && c.snapshot !== undefined && LICENCE_MAY_BE_OFF.includes(c.state);
}

/** Asks before cancelling a case: says whether the licence will be put back, and what else stops. */
export function presentConfirmCancel(
  c: RepairCase,
  locale: Locale,
  knowledge?: Knowledge,
): ConfirmActionView {
  // Nothing on this card depends on the time, so the case's own clock stands in for `now`.
  const words = new CaseWords(c, locale, new Date(c.updatedAt), knowledge);
  const changes: string[] = [];
  const off = licenceIsOff(c);
  if (off && c.snapshot) {
    changes.push(
      words.t('confirmCancel.restore', {
        licence: words.removedLicence(),
        account: words.account(),
        plans: words.withPlans(c.snapshot.disabledPlans.length),
      }),
    );
  } else {
    changes.push(words.t('confirmCancel.noChange'));
  }
  changes.push(words.t('confirmCancel.stop'));
  if (c.reporters.length > 0) changes.push(words.t('confirmCancel.reporters'));
  const view: ConfirmActionView = {
    title: words.t('confirmCancel.title', { number: c.number, room: words.room() }),
    changes,
    confirm: action(words, CASE_VERBS.cancelConfirmed, words.t('confirmCancel.confirm'), 'destructive'),
    cancel: action(words, CASE_VERBS.refresh, words.t('action.back')),
  };
  if (off && (c.state === 'removing' || c.state === 'waiting'))
    view.warning = words.t('confirmCancel.warning');
  return view;
}

/** Asks before reassigning while the wait is not over, saying when it will be and why it matters. */
export function presentConfirmReassignEarly(
  c: RepairCase,
  locale: Locale,
  now: Date,
  knowledge?: Knowledge,
): ConfirmActionView {
  const words = new CaseWords(c, locale, now, knowledge);
  const target = words.target();
  const changes = [
    words.t('confirmEarly.assign', {
      licence: words.targetName(),
      account: words.account(),
      plans: words.withPlans(target?.disabledPlans.length ?? 0),
    }),
    words.t('confirmEarly.restart'),
  ];
  const view: ConfirmActionView = {
    title: words.t('confirmEarly.title', { room: words.room() }),
    changes,
    confirm: action(words, CASE_VERBS.reassignEarlyConfirmed, words.t('confirmEarly.confirm'), 'destructive'),
    cancel: action(words, CASE_VERBS.refresh, words.t('action.back')),
  };
  if (isValidInstant(c.windowOpensAt)) {
    view.warning = words.t('confirmEarly.warning', {
      opensAt: words.time(c.windowOpensAt),
      left: words.relative(c.windowOpensAt, 'openSince'),
    });
  }
  return view;
}

function listDetail(words: CaseWords): string {
  const { c } = words;
  switch (words.problem()) {
    case 'restart-failed':
      return words.t('list.restartByHand');
    case 'not-verified':
      return words.t('list.notVerified');
    case 'no-seat':
      return words.t('list.noSeat');
    case 'remove-failed':
    case 'reassign-failed':
      return words.t('list.failed');
    default:
      break;
  }
  switch (c.state) {
    case 'diagnosed':
      return words.t('list.diagnosed');
    case 'awaiting-confirmation':
      if (c.approval) return words.t('list.approve');
      return c.kind === 'licence-cycle' ? words.t('list.confirm') : words.t('list.confirmUser');
    case 'waiting':
      if (isValidInstant(c.windowOpensAt) && words.untilNow(c.windowOpensAt) > 0) {
        return words.t('list.opensIn', { duration: words.duration(words.untilNow(c.windowOpensAt), true) });
      }
      return words.t('list.working');
    case 'window-open':
      if (isValidInstant(c.windowClosesAt)) {
        const left = words.untilNow(c.windowClosesAt);
        return left > 0
          ? words.t('list.closesIn', { duration: words.duration(left, true) })
          : words.t('list.overdue', { duration: words.duration(-left) });
      }
      return words.t('summary.window-open', { licence: words.targetName() });
    case 'verifying':
      return isValidInstant(c.verifyDeadline)
        ? words.t('list.verifyUntil', { time: words.time(c.verifyDeadline) })
        : words.t('list.working');
    default:
      return words.t('list.working');
  }
}

/** The open cases as a list: number, room, state, time left or next step, and a button to open each case. */
export function presentCaseList(
  cases: readonly RepairCase[],
  locale: Locale,
  now: Date,
  knowledge?: Knowledge,
): CaseListView {
  const rows = cases
    .filter((c) => isOpen(c.state))
    .map((c) => {
      const words = new CaseWords(c, locale, now, knowledge);
      return {
        number: `#${c.number}`,
        room: words.room(),
        state: stateLabel(words),
        detail: listDetail(words),
        open: action(words, CASE_VERBS.refresh, words.t('action.open')),
      };
    });
  return {
    title: caseText(locale, 'list.title', { count: rows.length }),
    rows,
    empty: caseText(locale, 'list.empty'),
  };
}

function threadNotice(kind: NoticeKind, words: CaseWords): string {
  const { c } = words;
  const base = { number: c.number, room: words.room() };
  switch (kind) {
    case 'removed':
      if (c.kind === 'remove-user-licence' || !isValidInstant(c.windowOpensAt)) {
        return words.t('notice.thread.removed.user', {
          ...base,
          licence: words.removedLicence(),
          account: words.account(),
        });
      }
      return words.t('notice.thread.removed.cycle', {
        ...base,
        licence: words.removedLicence(),
        account: words.account(),
        opensAt: words.time(c.windowOpensAt),
        left: words.relative(c.windowOpensAt, 'openSince'),
      });
    case 'window-closed': {
      const off = isValidInstant(c.removedAt) ? -words.untilNow(c.removedAt) : 0;
      return words.t('notice.thread.window-closed', { ...base, duration: words.duration(off) });
    }
    case 'reassigned':
      return words.t('notice.thread.reassigned', {
        ...base,
        licence: words.targetName(),
        account: words.account(),
      });
    case 'no-seat':
      return words.t('notice.thread.no-seat', { ...base, licence: words.targetName() });
    case 'cancelled':
    case 'escalated':
      return joinSentences(words.t(`notice.thread.${kind}`, base), words.restoreSentence());
    case 'approval-needed': {
      const requester = c.approval?.requestedBy ?? c.createdBy;
      return words.t('notice.thread.approval-needed', { ...base, name: words.value(actorName(requester)) });
    }
    case 'action-failed':
      return words.t('notice.thread.action-failed', { ...base, reason: words.reason() });
    case 'resolved':
      return words.t(
        c.kind === 'room-report' ? 'notice.thread.resolved.report' : 'notice.thread.resolved',
        base,
      );
    case 'window-open':
    case 'not-verified':
    case 'restart-manual':
      return words.t(`notice.thread.${kind}`, base);
    // Phone notices: phone cases are presented by present-phone-case.
    case 'operation-succeeded':
    case 'operation-failed':
    case 'reminder':
      return words.t('notice.thread.action-failed', { ...base, reason: kind });
  }
}

function reporterNotice(kind: NoticeKind, words: CaseWords): string {
  const { c } = words;
  const base = { number: c.number, room: words.room() };
  if (kind === 'removed') {
    return c.kind === 'licence-cycle' && isValidInstant(c.windowOpensAt)
      ? words.t('notice.reporter.removed.cycle', { ...base, opensAt: words.time(c.windowOpensAt) })
      : words.t('notice.reporter.removed.user', base);
  }
  if (kind === 'operation-succeeded' || kind === 'operation-failed' || kind === 'reminder') return '';
  return words.t(`notice.reporter.${kind}`, base);
}

/**
 * The proactive message for a case event, as plain text with Markdown bold. For the helpdesk thread it names the
 * licence and the account; for a reporter it says only what they need to know about their room.
 */
export function noticeText(
  kind: NoticeKind,
  c: RepairCase,
  locale: Locale,
  now: Date,
  audience: NoticeAudience = 'thread',
  knowledge?: Knowledge,
): string {
  if (c.kind === 'phone-no-internet') return phoneNoticeText(kind, c, locale, audience);
  const words = new CaseWords(c, locale, now, knowledge, true);
  return audience === 'reporter' ? reporterNotice(kind, words) : threadNotice(kind, words);
}
