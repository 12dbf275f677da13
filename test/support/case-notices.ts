import type { NoticeKind, RepairCase } from '../../bot/cases/model';

/**
 * What tells the English thread notices apart (bot/cases/case-texts.ts). Kept loose on purpose: a reworded notice
 * should fail here loudly (unclassified text), not be miscounted.
 */
const THREAD_NOTICE_PATTERNS: readonly [NoticeKind, RegExp][] = [
  ['removed', / was removed from /],
  ['window-open', /the wait is over/],
  ['window-closed', /past the planned wait/],
  ['reassigned', / was assigned to /],
  ['resolved', /signs in again\. Case closed/],
  ['not-verified', /has not signed in/],
  ['restart-manual', /could not be restarted remotely/],
  ['no-seat', /seat is free/],
  ['cancelled', /case cancelled\./],
  ['escalated', /escalated to Microsoft Support/],
  ['approval-needed', /asks to remove the licence/],
  ['action-failed', /the last step failed/],
];

/** The notice a thread message is, for case `number`; undefined when the text is about another case. */
export function classifyThreadNotice(text: string, number: number): NoticeKind | 'unknown' | undefined {
  if (!text.startsWith(`**Case ${number} · `)) return undefined;
  return THREAD_NOTICE_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'unknown';
}

/**
 * The thread notices a case's history implies (bot/cases/transition.ts: which transitions ask for `notify`),
 * with how many of each. Only the thread audience: the cases these tests open have no reporters.
 */
export function impliedThreadNotices(c: RepairCase): Map<NoticeKind, number> {
  const implied = new Map<NoticeKind, number>();
  const add = (kind: NoticeKind): void => {
    implied.set(kind, (implied.get(kind) ?? 0) + 1);
  };
  let closed = false;
  for (const h of c.history) {
    switch (h.action) {
      case 'removed':
        // A removal that lands after a cancel only restores the licence, silently.
        if (!closed) add('removed');
        break;
      case 'window-opened':
        add('window-open');
        break;
      case 'window-closed':
        add('window-closed');
        break;
      case 'reassigned':
        add('reassigned');
        break;
      case 'verify-result':
        if (h.result === 'ok') add('resolved');
        break;
      case 'restart-failed':
        add('restart-manual');
        break;
      case 'verify-timeout':
        add('not-verified');
        break;
      case 'remove-failed':
        add('action-failed');
        break;
      case 'reassign-failed':
        add(
          /no-seat|available licen[cs]es|CountViolation/i.test(h.detail ?? '') ? 'no-seat' : 'action-failed',
        );
        break;
      case 'approval-requested':
        add('approval-needed');
        break;
      case 'cancel':
        closed = true;
        add('cancelled');
        break;
      case 'escalate':
        closed = true;
        add('escalated');
        break;
    }
  }
  return implied;
}

/** How the notices a case implies compare with what the thread received. */
export interface NoticeTally {
  /** Implied but never received. */
  missing: NoticeKind[];
  /** Received more often than implied: kind and how many extra. */
  duplicates: { kind: NoticeKind; extra: number }[];
  /** Received but not implied by the history (or not recognised). */
  unexpected: string[];
}

export function tallyNotices(c: RepairCase, threadTexts: readonly string[]): NoticeTally {
  const received = new Map<string, number>();
  for (const text of threadTexts) {
    const kind = classifyThreadNotice(text, c.number);
    if (kind) received.set(kind, (received.get(kind) ?? 0) + 1);
  }
  const implied = impliedThreadNotices(c);
  const tally: NoticeTally = { missing: [], duplicates: [], unexpected: [] };
  for (const [kind, count] of implied) {
    const got = received.get(kind) ?? 0;
    if (got === 0) tally.missing.push(kind);
    else if (got > count) tally.duplicates.push({ kind, extra: got - count });
  }
  for (const [kind, count] of received) {
    if (!implied.has(kind as NoticeKind)) tally.unexpected.push(`${kind} x${count}`);
  }
  return tally;
}
