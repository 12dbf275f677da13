import { CASE_VERBS } from '../cases/verbs';
import { decisionVerb } from './case-verb-support';

/** "Remove the licence now": the case card was the confirmation. */
export const caseConfirmVerb = decisionVerb(CASE_VERBS.confirm, (_data, actor) => ({
  type: 'confirm',
  actor,
}));
