import { renderCaseListCard } from '../cards';
import { presentCaseList } from '../cases/present-case';
import { caseCard } from './case-verb-support';
import { t } from './texts';
import type { MessageCommand } from './types';

/** "status 4B", "case 12": that case's card. "cases": the open cases. */
export const caseStatusCommand: MessageCommand = {
  name: 'case-status',
  intents: ['case-status'],
  async handle({ turn, recognition }, services) {
    const canAct = await services.authorizer.canAct(turn.actor);
    if (recognition.caseRef) {
      const c = await services.store.getCaseByNumber(Number(recognition.caseRef));
      if (!c) return turn.sendText(t(turn.locale, 'cancel.notFound', { number: recognition.caseRef }));
      return turn.send(caseCard(c, turn, services, canAct));
    }
    const room = recognition.room?.kind === 'resolved' ? recognition.room.value : undefined;
    if (room) {
      const c = await services.store.findOpenCaseForRoom(room.id);
      if (!c) return turn.sendText(t(turn.locale, 'case.none', { room: room.displayName }));
      return turn.send(caseCard(c, turn, services, canAct));
    }
    const open = await services.store.listCases({ open: true });
    await turn.send(renderCaseListCard(presentCaseList(open, turn.locale, services.now()), turn.locale));
  },
};
