import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards';
import type { Logger } from '../log';
import { DeliveryError, type Messenger, type OutgoingMessage } from '../notify/messenger';
import { TEAMS_TENANT_RULES, TEAMS_THREAD_RULES, type RateLimiter } from '../notify/rate-limiter';
import type { Store } from '../store/store';

interface HttpishError {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?: (name: string) => string | null | undefined } };
}

/** Classifies what the Bot Connector answered, per Teams' guidance on retries. */
export function classifyDeliveryError(err: unknown): DeliveryError {
  const e = err as HttpishError;
  const status = e?.statusCode;
  const message = (err as Error)?.message ?? String(err);
  if (status === 403 || status === 404)
    return new DeliveryError('gone', `the bot is no longer in this conversation (${status})`);
  if (status === 429) {
    const header = e.response?.headers?.get?.('retry-after');
    const seconds = header ? Number(header) : NaN;
    return new DeliveryError(
      'throttled',
      'Teams is throttling the bot (429)',
      Number.isFinite(seconds) ? seconds * 1000 : undefined,
    );
  }
  return new DeliveryError('transient', `delivery failed (${status ?? e?.code ?? 'network'}): ${message}`);
}

/**
 * Proactive sends and card updates through CloudAdapter, with the stored conversation reference, under Teams'
 * rate limits. A conversation the bot was removed from (403/404) loses its stored reference.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: Store,
    private readonly limiter: RateLimiter,
    private readonly logger: Logger,
  ) {}

  async send(conversationId: string, message: OutgoingMessage): Promise<{ activityId?: string }> {
    const activity =
      'text' in message
        ? MessageFactory.text(message.text)
        : {
            ...MessageFactory.attachment(CardFactory.adaptiveCard(message.card)),
            ...(message.summary ? { summary: message.summary } : {}),
          };
    let activityId: string | undefined;
    await this.within(conversationId, async (ctx) => {
      activityId = (await ctx.sendActivity(activity))?.id;
    });
    return activityId ? { activityId } : {};
  }

  async update(conversationId: string, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.within(conversationId, async (ctx) => {
      await ctx.updateActivity({
        ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
        id: activityId,
      });
    });
  }

  private async within(conversationId: string, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const stored = await this.store.getReference(conversationId);
    if (!stored)
      throw new DeliveryError('no-reference', `no conversation reference stored for ${conversationId}`);
    const reference = stored.reference as Partial<ConversationReference>;
    await this.limiter.acquire([
      { key: `thread:${conversationId}`, rules: TEAMS_THREAD_RULES },
      { key: `tenant:${stored.tenantId ?? 'unknown'}`, rules: TEAMS_TENANT_RULES },
    ]);
    // The adapter hands errors thrown in the callback to its turn-error handler, which swallows them: catch them
    // here so a failed delivery is retried or dropped instead of being taken for a success.
    let failed: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (ctx) => {
        try {
          await logic(ctx);
        } catch (error) {
          failed = { error };
        }
      });
    } catch (error) {
      failed = { error };
    }
    if (failed) {
      const failure = classifyDeliveryError(failed.error);
      if (failure.kind === 'gone') {
        await this.store.deleteReference(conversationId).catch(() => undefined);
        this.logger.warn({ conversationId }, 'bot removed from conversation; reference dropped');
      }
      throw failure;
    }
  }
}
