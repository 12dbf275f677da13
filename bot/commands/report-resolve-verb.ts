import { BotError } from '../errors';
import { caseCard, onCase } from './case-verb-support';
import { REPORT_RESOLVE_VERB } from './report-support';
import type { CardVerb } from './types';

/**
 * "Fixed: close the case" on the diagnosis card of a report the bot does not repair. The diagnosis card carries
 * no case version (it was posted before the case got its thread), so the current version is used: closing is the
 * same decision whatever changed in between, and a closed case answers with its card.
 */
export const reportResolveVerb: CardVerb = {
  verb: REPORT_RESOLVE_VERB,
  async handle({ turn, data }, services) {
    const caseId = typeof data.caseId === 'string' ? data.caseId : undefined;
    const current = caseId ? await services.cases.get(caseId) : undefined;
    if (!current) throw new BotError('input.invalid', 'This case no longer exists.', { caseId });
    return onCase(turn, { caseId: current.id, version: current.version }, services, async (c, actor) => {
      const next = await services.cases.decide(c.id, c.version, { type: 'check-result', actor, works: true });
      return caseCard(next, turn, services, true);
    });
  },
};
