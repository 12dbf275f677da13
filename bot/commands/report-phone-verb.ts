import { REPORT_PHONE_VERB, reportPhone } from './report-support';
import type { CardVerb } from './types';

/** An end user confirmed (or picked) their phone: the case is opened or joined, the helpdesk told. */
export const reportPhoneVerb: CardVerb = {
  verb: REPORT_PHONE_VERB,
  handle: ({ turn, data }, services) =>
    reportPhone(
      turn,
      typeof data.deviceId === 'string' && data.deviceId ? data.deviceId : undefined,
      services,
    ),
};
