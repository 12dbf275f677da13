import { PHONE_VERBS } from '../cases/present-phone-case';
import { PhoneTreeError, phoneTreeStep } from '../diagnostics/phone-tree';
import { BotError } from '../errors';
import { defaultPhoneKnowledge } from '../knowledge/phone';
import { caseCard, onCase } from './case-verb-support';
import type { CardVerb } from './types';

/**
 * One answer of the site decision tree. The answer is replayed with the ones already on the case, so a forged or
 * stale card cannot skip a question; the conclusion, when reached, is recorded with it.
 */
export const phoneAnswerVerb: CardVerb = {
  verb: PHONE_VERBS.answer,
  handle: ({ turn, data }, services) =>
    onCase(turn, data, services, async (c, actor) => {
      const questionId = typeof data.questionId === 'string' ? data.questionId : '';
      const answerId = typeof data.answerId === 'string' ? data.answerId : '';
      const given = (c.phone?.answers ?? []).map((a) => ({ questionId: a.questionId, answerId: a.answerId }));
      let conclusion: string | undefined;
      try {
        const step = phoneTreeStep(defaultPhoneKnowledge.tree, [...given, { questionId, answerId }]);
        if (step.kind === 'conclusion') conclusion = step.cause.id;
      } catch (err) {
        if (err instanceof PhoneTreeError)
          throw new BotError('input.invalid', 'That answer does not fit the checks recorded on this case.', {
            caseId: c.id,
            reason: err.code,
          });
        throw err;
      }
      const next = await services.cases.decide(c.id, c.version, {
        type: 'answer',
        actor,
        questionId,
        answerId,
        ...(conclusion ? { conclusion } : {}),
      });
      return caseCard(next, turn, services, true);
    }),
};
