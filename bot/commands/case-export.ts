import { casesCsv } from '../cases/csv';
import { BotError } from '../errors';
import { t } from './texts';
import type { MessageCommand } from './types';

/** "export cases": every case as a CSV file, for helpdesk members only (it names rooms, accounts and people). */
export const caseExportCommand: MessageCommand = {
  name: 'case-export',
  intents: ['case-export'],
  async handle({ turn }, services) {
    if (!(await services.authorizer.canAct(turn.actor))) {
      await services.cases.audit(undefined, {
        actor: turn.actor.name ?? turn.actor.id,
        actorId: turn.actor.aadObjectId,
        action: 'export cases',
        result: 'refused',
      });
      throw new BotError('action.forbidden', 'not a helpdesk member');
    }
    const cases = await services.store.listCases({ open: false });
    if (cases.length === 0) return turn.sendText(t(turn.locale, 'export.none'));
    const day = services.now().toISOString().slice(0, 10);
    await turn.sendFile(t(turn.locale, 'export.ready', { count: cases.length }), {
      name: `helpdesk-cases-${day}.csv`,
      contentType: 'text/csv',
      content: casesCsv(cases),
    });
    await services.cases.audit(undefined, {
      actor: turn.actor.name ?? turn.actor.id,
      actorId: turn.actor.aadObjectId,
      action: 'export cases',
      result: 'ok',
      detail: `${cases.length} cases`,
    });
  },
};
