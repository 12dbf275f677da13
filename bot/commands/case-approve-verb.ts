import { CASE_VERBS } from '../cases/verbs';
import { decisionVerb } from './case-verb-support';

/** REQUIRE_APPROVAL: a second helpdesk member approves the removal. */
export const caseApproveVerb = decisionVerb(CASE_VERBS.approve, (_data, actor) => ({
  type: 'approve',
  actor,
}));
