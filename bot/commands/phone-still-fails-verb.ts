import { PHONE_VERBS } from '../cases/present-phone-case';
import { decisionVerb } from './case-verb-support';

/** Still failing after the fix: the case is escalated and its escalation pack posted in the thread. */
export const phoneStillFailsVerb = decisionVerb(PHONE_VERBS.stillFails, (_data, actor) => ({
  type: 'check-result',
  actor,
  works: false,
}));
