import { BotError } from '../errors';
import { OpenCaseExists } from '../store/store';
import { actorOf, caseCard } from './case-verb-support';
import {
  PHONE_OPEN_CASE_VERB,
  diagnosePhoneOf,
  phoneCaseData,
  phoneSubjectKey,
  phoneTarget,
} from './phone-support';
import type { CardVerb } from './types';

/**
 * The phone diagnosis card's "open a case": reads Graph again (the card may be old), opens the case at the first
 * site question and turns the card into the case card. Nothing is written to Graph.
 */
export const phoneOpenCaseVerb: CardVerb = {
  verb: PHONE_OPEN_CASE_VERB,
  async handle({ turn, data }, services) {
    const { userId, deviceId } = phoneTarget(data);
    if (!(await services.authorizer.canAct(turn.actor))) {
      await services.cases.audit(undefined, {
        actor: turn.actor.name ?? turn.actor.id,
        actorId: turn.actor.aadObjectId,
        action: 'open phone case',
        result: 'refused',
        detail: userId,
      });
      throw new BotError('action.forbidden', 'not a helpdesk member');
    }
    const subject = phoneSubjectKey(userId, deviceId);
    const existing = await services.store.findOpenCaseForRoom(subject);
    if (existing) return caseCard(existing, turn, services, true);
    const { facts, diagnosis } = await diagnosePhoneOf(userId, deviceId, turn.locale, services);
    const phone = phoneCaseData(facts, diagnosis, userId);
    try {
      const c = await services.cases.open({
        kind: 'phone-no-internet',
        roomId: subject,
        roomName: phone.model ? `${phone.userName} – ${phone.model}` : phone.userName,
        account: phone.upn,
        accountId: userId,
        ...(phone.deviceId ? { teamsDeviceId: phone.deviceId } : {}),
        phone,
        createdBy: actorOf(turn),
        locale: turn.locale,
        conversationId: turn.conversation.id,
        ...(turn.replyToId ? { cardActivityId: turn.replyToId } : {}),
        state: 'troubleshooting',
      });
      turn.log.info({ caseId: c.id, case: c.number, phone: subject }, 'phone case opened');
      return caseCard(c, turn, services, true);
    } catch (err) {
      if (err instanceof OpenCaseExists) {
        const other = await services.store.getCase(err.existingCaseId);
        if (other) return caseCard(other, turn, services, true);
      }
      throw err;
    }
  },
};
