import { renderConfirmActionCard } from '../cards';
import { PHONE_VERBS, presentConfirmPhoneAction } from '../cases/present-phone-case';
import { onCase } from './case-verb-support';
import type { CardVerb } from './types';

/** Asks to confirm a restart of the phone, saying what it does to a call in progress. */
export const phoneRestartVerb: CardVerb = {
  verb: PHONE_VERBS.restart,
  handle: ({ turn, data }, services) =>
    onCase(turn, data, services, (c) =>
      Promise.resolve(
        renderConfirmActionCard(presentConfirmPhoneAction(c, 'restart', turn.locale), turn.locale),
      ),
    ),
};
