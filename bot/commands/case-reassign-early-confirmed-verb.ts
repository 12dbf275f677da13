import { CASE_VERBS } from '../cases/verbs';
import { decisionVerb } from './case-verb-support';

/** Reassign before the window opens, knowingly. */
export const caseReassignEarlyConfirmedVerb = decisionVerb(
  CASE_VERBS.reassignEarlyConfirmed,
  (_data, actor) => ({
    type: 'reassign',
    actor,
    override: true,
  }),
);
