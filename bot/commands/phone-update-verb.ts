import { renderConfirmActionCard } from '../cards';
import { PHONE_VERBS, presentConfirmPhoneAction } from '../cases/present-phone-case';
import { onCase } from './case-verb-support';
import type { CardVerb } from './types';

/** Asks to confirm a firmware update, naming the current and the target version. */
export const phoneUpdateVerb: CardVerb = {
  verb: PHONE_VERBS.update,
  handle: ({ turn, data }, services) =>
    onCase(turn, data, services, (c) =>
      Promise.resolve(
        renderConfirmActionCard(presentConfirmPhoneAction(c, 'update-firmware', turn.locale), turn.locale),
      ),
    ),
};
