import { PHONE_DIAGNOSE_VERB, phoneDiagnosisCard, phoneTarget } from './phone-support';
import type { CardVerb } from './types';

/** A phone picked from a list, or "check again" on a phone diagnosis. */
export const phoneDiagnoseVerb: CardVerb = {
  verb: PHONE_DIAGNOSE_VERB,
  async handle({ turn, data }, services) {
    const { userId, deviceId } = phoneTarget(data);
    return phoneDiagnosisCard(userId, deviceId, turn.locale, services);
  },
};
