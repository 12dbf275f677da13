import { renderConfirmActionCard } from '../cards';
import { presentConfirmCancel } from '../cases/present-case';
import { BotError } from '../errors';
import { t } from './texts';
import type { MessageCommand } from './types';

/** "cancel case 12": the confirmation card; the cancel itself is a card verb (authorised, versioned). */
export const caseCancelCommand: MessageCommand = {
  name: 'case-cancel',
  intents: ['case-cancel'],
  async handle({ turn, recognition }, services) {
    const room = recognition.room?.kind === 'resolved' ? recognition.room.value : undefined;
    const c = recognition.caseRef
      ? await services.store.getCaseByNumber(Number(recognition.caseRef))
      : room
        ? await services.store.findOpenCaseForRoom(room.id)
        : undefined;
    if (!recognition.caseRef && !room) return turn.sendText(t(turn.locale, 'cancel.which'));
    if (!c)
      return turn.sendText(
        t(turn.locale, 'cancel.notFound', { number: recognition.caseRef ?? room?.displayName ?? '' }),
      );
    if (!(await services.authorizer.canAct(turn.actor))) {
      await services.cases.audit(c, {
        actor: turn.actor.name ?? turn.actor.id,
        actorId: turn.actor.aadObjectId,
        action: 'cancel',
        result: 'refused',
        detail: 'not a helpdesk member',
      });
      throw new BotError('action.forbidden', 'not a helpdesk member');
    }
    await turn.send(renderConfirmActionCard(presentConfirmCancel(c, turn.locale), turn.locale));
  },
};
