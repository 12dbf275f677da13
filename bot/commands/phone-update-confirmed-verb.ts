import { PHONE_VERBS } from '../cases/present-phone-case';
import { decisionVerb } from './case-verb-support';

/** The confirmed firmware update: recorded on the case, then sent to the phone by the outbox. */
export const phoneUpdateConfirmedVerb = decisionVerb(PHONE_VERBS.updateConfirmed, (_data, actor) => ({
  type: 'device-action',
  actor,
  action: 'update-firmware',
}));
