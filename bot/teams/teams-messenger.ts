import {
  CardFactory,
  MessageFactory,
  type Activity,
  type ChannelAccount,
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

function toActivity(message: OutgoingMessage): Partial<Activity> {
  return 'text' in message
    ? MessageFactory.text(message.text)
    : {
        ...MessageFactory.attachment(CardFactory.adaptiveCard(message.card)),
        ...(message.summary ? { summary: message.summary } : {}),
      };
}

/** The channel a conversation id belongs to: a thread's id is the channel's with `;messageid=…` appended. */
export function channelOf(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}

/**
 * The reference of a channel (or thread) derived from another of the same channel. Without the activity id a send
 * is a new post (a new thread) rather than a reply to that activity.
 */
export function channelReference(
  reference: Partial<ConversationReference>,
  conversationId: string,
): Partial<ConversationReference> {
  const copy: Partial<ConversationReference> = {
    ...reference,
    conversation: {
      ...(reference.conversation as ConversationReference['conversation']),
      id: conversationId,
    },
  };
  delete copy.activityId;
  return copy;
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

  // Whom the connector token is for when the bot starts a conversation: the Bot Framework (public cloud).
  private readonly audience = 'https://api.botframework.com';

  async send(conversationId: string, message: OutgoingMessage): Promise<{ activityId?: string }> {
    const activity = toActivity(message);
    let activityId: string | undefined;
    await this.within(conversationId, async (ctx) => {
      activityId = (await ctx.sendActivity(activity))?.id;
    });
    return activityId ? { activityId } : {};
  }

  async adoptChannel(alias: string, conversationId: string): Promise<void> {
    const stored = await this.store.getReference(conversationId);
    if (!stored)
      throw new DeliveryError('no-reference', `no conversation reference stored for ${conversationId}`);
    const reference = stored.reference as Partial<ConversationReference>;
    const channelId = channelOf(reference.conversation?.id ?? conversationId);
    await this.store.saveReference({
      ...stored,
      conversationId: alias,
      kind: 'channel',
      reference: channelReference(reference, channelId),
      updatedAt: new Date().toISOString(),
    });
  }

  /**
   * A new post in the channel (Teams' "create conversation" with the channel in channelData): the only way to start
   * a thread; a send to the channel's conversation would be taken as a reply.
   */
  async startThread(
    alias: string,
    message: OutgoingMessage,
  ): Promise<{ conversationId: string; activityId?: string }> {
    const stored = await this.store.getReference(alias);
    if (!stored) throw new DeliveryError('no-reference', `no conversation reference stored for ${alias}`);
    const reference = stored.reference as Partial<ConversationReference>;
    const channelId = channelOf(reference.conversation?.id ?? alias);
    await this.limiter.acquire([
      { key: `thread:${channelId}`, rules: TEAMS_THREAD_RULES },
      { key: `tenant:${stored.tenantId ?? 'unknown'}`, rules: TEAMS_TENANT_RULES },
    ]);
    let created: string | undefined;
    try {
      await this.adapter.createConversationAsync(
        this.appId,
        reference.channelId ?? 'msteams',
        reference.serviceUrl ?? '',
        this.audience,
        {
          isGroup: true,
          channelData: { channel: { id: channelId } },
          activity: toActivity(message) as Activity,
          bot: reference.bot as ChannelAccount,
          ...(stored.tenantId ? { tenantId: stored.tenantId } : {}),
        },
        (ctx) => {
          created = ctx.activity.conversation?.id;
          return Promise.resolve();
        },
      );
    } catch (error) {
      const failure = classifyDeliveryError(error);
      if (failure.kind === 'gone') {
        await this.store.deleteReference(alias).catch(() => undefined);
        this.logger.warn({ conversationId: alias }, 'bot removed from the channel; reference dropped');
      }
      throw failure;
    }
    if (!created) return { conversationId: channelId };
    // Teams names a thread after its first post: "<channel>;messageid=<post id>".
    const activityId = created.split(';messageid=')[1];
    await this.store.saveReference({
      ...stored,
      conversationId: created,
      reference: channelReference(reference, created),
      updatedAt: new Date().toISOString(),
    });
    return activityId ? { conversationId: created, activityId } : { conversationId: created };
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
