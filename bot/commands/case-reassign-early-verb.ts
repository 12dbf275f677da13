import { renderConfirmActionCard } from '../cards';
import { presentConfirmReassignEarly } from '../cases/present-case';
import { CASE_VERBS } from '../cases/verbs';
import { onCase } from './case-verb-support';
import type { CardVerb } from './types';

/** Before the window opens: say what reassigning now risks, and ask again. */
export const caseReassignEarlyVerb: CardVerb = {
  verb: CASE_VERBS.reassignEarly,
  handle: ({ turn, data }, services) =>
    onCase(turn, data, services, (c) =>
      Promise.resolve(
        renderConfirmActionCard(presentConfirmReassignEarly(c, turn.locale, services.now()), turn.locale),
      ),
    ),
};
