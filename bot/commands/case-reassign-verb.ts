import { CASE_VERBS } from '../cases/verbs';
import { decisionVerb } from './case-verb-support';

/** Window open: reassign the licence exactly as it was. */
export const caseReassignVerb = decisionVerb(CASE_VERBS.reassign, (_data, actor) => ({
  type: 'reassign',
  actor,
  override: false,
}));
