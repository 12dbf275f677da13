import { renderMessageCard } from '../cards';
import { PHONE_VERBS } from '../cases/present-phone-case';
import { phoneTreeStep } from '../diagnostics/phone-tree';
import { networkHandoff } from '../diagnostics/phone-tree';
import { defaultPhoneKnowledge } from '../knowledge/phone';
import { caseCard, onCase } from './case-verb-support';
import { siteFactsOf } from './phone-support';
import { t } from './texts';
import type { CardVerb } from './types';

/**
 * Posts the checklist for the network team in the thread, filled with this phone's IP, MAC, site, gateway and DNS
 * and the exact ports, for the cause the site checks ended on. Read-only: audited, the case does not change.
 */
export const phoneHandoffVerb: CardVerb = {
  verb: PHONE_VERBS.handoff,
  handle: ({ turn, data }, services) =>
    onCase(turn, data, services, async (c, actor) => {
      const phone = c.phone;
      const answers = (phone?.answers ?? []).map((a) => ({ questionId: a.questionId, answerId: a.answerId }));
      const step = phoneTreeStep(defaultPhoneKnowledge.tree, answers);
      if (!phone || step.kind !== 'conclusion' || step.cause.handoff.length === 0) {
        return caseCard(c, turn, services, true, t(turn.locale, 'phone.handoff.none'));
      }
      const handoff = networkHandoff(step.cause, siteFactsOf(phone), turn.locale, { markdown: false });
      await turn.send(
        renderMessageCard(turn.locale, {
          title: t(turn.locale, 'phone.handoff.title', { phone: c.roomName }),
          lines: [handoff.title, ...handoff.facts, ...handoff.checks.map((check) => `☐ ${check}`)],
          tone: 'default',
        }),
      );
      await services.cases.audit(c, {
        actor: actor.name ?? actor.id,
        actorId: actor.id,
        action: 'network hand-off',
        result: 'ok',
        detail: step.cause.id,
      });
      return caseCard(c, turn, services, true);
    }),
};
