import { BotError } from '../errors';
import { CASE_VERBS } from '../cases/verbs';
import { caseCard } from './case-verb-support';
import type { CardVerb } from './types';

/** The current card of a case; changes nothing, so anyone may ask. */
export const caseRefreshVerb: CardVerb = {
  verb: CASE_VERBS.refresh,
  async handle({ turn, data }, services) {
    const c = typeof data.caseId === 'string' ? await services.cases.get(data.caseId) : undefined;
    if (!c) throw new BotError('input.invalid', 'This case no longer exists.');
    return caseCard(c, turn, services, await services.authorizer.canAct(turn.actor));
  },
};
