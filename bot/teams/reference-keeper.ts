import { TurnContext } from 'botbuilder';
import { toLocale } from '../i18n';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { tenantOf } from './teams-edge';
import { channelOf, channelReference } from './teams-messenger';

const REFRESH_MS = 60 * 60_000;

/**
 * Stores the conversation reference of every conversation that talks to the bot, so cases can write to it later,
 * and forgets it when the bot is removed. Writes at most once an hour per conversation.
 */
export class ReferenceKeeper {
  private readonly lastSaved = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  async keep(context: TurnContext): Promise<void> {
    const a = context.activity;
    const conversationId = a.conversation?.id;
    if (!conversationId || !a.serviceUrl) return;
    const now = Date.now();
    if (now - (this.lastSaved.get(conversationId) ?? 0) < REFRESH_MS) return;
    const type = a.conversation.conversationType;
    const tenantId = tenantOf(a);
    try {
      const reference = { ...TurnContext.getConversationReference(a) };
      const stored = {
        conversationId,
        reference,
        ...(tenantId ? { tenantId } : {}),
        locale: toLocale(a.locale),
        kind:
          type === 'channel'
            ? ('channel' as const)
            : type === 'groupChat'
              ? ('groupChat' as const)
              : ('personal' as const),
        ...(type === 'personal' && a.from?.aadObjectId ? { userId: a.from.aadObjectId } : {}),
        updatedAt: new Date(now).toISOString(),
      };
      await this.store.saveReference(stored);
      // A thread's reference also gives the channel's: HELPDESK_CONVERSATION_ID names a channel, not a thread.
      const channelId = channelOf(conversationId);
      if (type === 'channel' && channelId !== conversationId) {
        await this.store.saveReference({
          ...stored,
          conversationId: channelId,
          reference: channelReference(reference, channelId),
        });
      }
      this.lastSaved.set(conversationId, now);
    } catch (err) {
      // Answering matters more than remembering; the next turn tries again.
      this.logger.warn({ err, conversationId }, 'could not store the conversation reference');
    }
  }

  async forget(conversationId: string | undefined): Promise<void> {
    if (!conversationId) return;
    this.lastSaved.delete(conversationId);
    await this.store.deleteReference(conversationId);
    this.logger.info({ conversationId }, 'bot removed from conversation; reference deleted');
  }
}
