import { PHONE_VERBS } from '../cases/present-phone-case';
import { decisionVerb } from './case-verb-support';

/** The confirmed restart: recorded on the case, then sent to the phone by the outbox. */
export const phoneRestartConfirmedVerb = decisionVerb(PHONE_VERBS.restartConfirmed, (_data, actor) => ({
  type: 'device-action',
  actor,
  action: 'restart',
}));
