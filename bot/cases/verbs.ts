/** Card verbs of the repair workflow. Each carries `{ caseId, version }` in its data. */
export const CASE_VERBS = {
  /** awaiting-confirmation: remove the licence now (the card itself is the confirmation). */
  confirm: 'case.confirm',
  /** awaiting-confirmation with a pending approval: a second helpdesk member approves. */
  approve: 'case.approve',
  /** window-open: reassign the snapshot's licence. */
  reassign: 'case.reassign',
  /** window-open: reassign Teams Rooms Pro instead (data also has `skuId`). */
  reassignPro: 'case.reassign-pro',
  /** waiting: asks to confirm reassigning before the window opens. */
  reassignEarly: 'case.reassign-early',
  reassignEarlyConfirmed: 'case.reassign-early-confirmed',
  /** waiting / window-open: move the window's end later (data also has `hours`). */
  extend: 'case.extend',
  /** asks to confirm the cancel (which restores the licence when it is removed). */
  cancel: 'case.cancel',
  cancelConfirmed: 'case.cancel-confirmed',
  escalate: 'case.escalate',
  /** A reported problem the helpdesk fixed by hand: close the case, the reporters are told. */
  resolve: 'case.resolve',
  /** Re-render the current card (no change). */
  refresh: 'case.refresh',
} as const;

export type CaseVerb = (typeof CASE_VERBS)[keyof typeof CASE_VERBS];

/** The room diagnosis card's repair button, also offered on a reported case that waits for the helpdesk. */
export const START_REPAIR_VERB = 'licence.start-repair';
