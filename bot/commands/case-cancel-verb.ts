import { renderConfirmActionCard } from '../cards';
import { presentConfirmCancel } from '../cases/present-case';
import { CASE_VERBS } from '../cases/verbs';
import { onCase } from './case-verb-support';
import type { CardVerb } from './types';

/** Cancel asks first: it restores the licence when it is off. */
export const caseCancelVerb: CardVerb = {
  verb: CASE_VERBS.cancel,
  handle: ({ turn, data }, services) =>
    onCase(turn, data, services, (c) =>
      Promise.resolve(renderConfirmActionCard(presentConfirmCancel(c, turn.locale), turn.locale)),
    ),
};
