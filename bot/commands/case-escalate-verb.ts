import { CASE_VERBS } from '../cases/verbs';
import { decisionVerb } from './case-verb-support';

/** Hand over to Microsoft Support: the escalation pack is posted in the thread. */
export const caseEscalateVerb = decisionVerb(CASE_VERBS.escalate, (_data, actor) => ({
  type: 'escalate',
  actor,
}));
