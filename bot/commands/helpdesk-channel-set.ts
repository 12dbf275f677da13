import { renderMessageCard } from '../cards';
import { BotError } from '../errors';
import { HELPDESK_CHANNEL } from '../notify/messenger';
import { postToHelpdesk, reportCard, waitingReports } from './report-support';
import { t } from './texts';
import type { MessageCommand } from './types';

/**
 * "set helpdesk channel", run in the channel that should receive end users' reports (helpdesk members only). The
 * channel is remembered, audited, and the reports that were waiting for a channel are posted there at once.
 */
export const helpdeskChannelSetCommand: MessageCommand = {
  name: 'helpdesk-channel-set',
  intents: ['helpdesk-channel-set'],
  async handle({ turn }, services) {
    if (turn.conversation.type !== 'channel') return turn.sendText(t(turn.locale, 'channel.set.notChannel'));
    const actor = turn.actor.name ?? turn.actor.id;
    if (!(await services.authorizer.canAct(turn.actor))) {
      await services.cases.audit(undefined, {
        actor,
        actorId: turn.actor.aadObjectId,
        action: 'set helpdesk channel',
        result: 'refused',
        detail: turn.conversation.id,
      });
      throw new BotError('action.forbidden', 'not a helpdesk member');
    }
    await services.messenger.adoptChannel(HELPDESK_CHANNEL, turn.conversation.id);
    await services.cases.audit(undefined, {
      actor,
      actorId: turn.actor.aadObjectId,
      action: 'set helpdesk channel',
      result: 'ok',
      detail: turn.conversation.id,
    });
    let delivered = 0;
    for (const c of await waitingReports(services)) {
      if (await postToHelpdesk(c, await reportCard(c, services), services, turn)) delivered++;
    }
    await turn.send(
      renderMessageCard(turn.locale, {
        title: t(turn.locale, 'channel.set.title'),
        lines: [
          t(turn.locale, 'channel.set.line'),
          ...(delivered ? [t(turn.locale, 'channel.set.delivered', { count: delivered })] : []),
        ],
        tone: 'good',
      }),
    );
  },
};
