import type { AdaptiveCard } from '../cards';

/** A message the bot sends on its own initiative. */
export type OutgoingMessage = { text: string } | { card: AdaptiveCard; summary?: string };

/** Sends and updates messages in a conversation the bot knows (a stored conversation reference). */
export interface Messenger {
  send(conversationId: string, message: OutgoingMessage): Promise<{ activityId?: string }>;
  update(conversationId: string, activityId: string, card: AdaptiveCard): Promise<void>;
  /**
   * Remembers the channel of `conversationId` (a channel, or a thread in it) under `alias`, so that new threads
   * can be started there later. Throws DeliveryError `no-reference` when the bot does not know the conversation.
   */
  adoptChannel(alias: string, conversationId: string): Promise<void>;
  /** Starts a new thread in the channel remembered as `alias` (or a channel id); returns the thread's conversation. */
  startThread(
    alias: string,
    message: OutgoingMessage,
  ): Promise<{ conversationId: string; activityId?: string }>;
}

/** The alias under which the helpdesk channel's reference is stored ("set helpdesk channel"). */
export const HELPDESK_CHANNEL = 'helpdesk-channel';

/**
 * A messenger whose target is set once built: the composition root needs the services (with a messenger) before
 * the Teams adapter that sends exists.
 */
export class LateMessenger implements Messenger {
  target: Messenger | undefined;

  private get ready(): Messenger {
    if (!this.target) throw new DeliveryError('transient', 'the messenger is not started yet');
    return this.target;
  }

  send(conversationId: string, message: OutgoingMessage): Promise<{ activityId?: string }> {
    return this.ready.send(conversationId, message);
  }

  update(conversationId: string, activityId: string, card: AdaptiveCard): Promise<void> {
    return this.ready.update(conversationId, activityId, card);
  }

  adoptChannel(alias: string, conversationId: string): Promise<void> {
    return this.ready.adoptChannel(alias, conversationId);
  }

  startThread(
    alias: string,
    message: OutgoingMessage,
  ): Promise<{ conversationId: string; activityId?: string }> {
    return this.ready.startThread(alias, message);
  }
}

/**
 * Why a delivery failed, which decides what happens next:
 * - `gone`: the bot was removed from the conversation (403/404); stop, drop the reference, audit.
 * - `throttled`: 429; retry after `retryAfterMs`.
 * - `transient`: 412/502/503/504 or a network error; retry with backoff.
 * - `no-reference`: the bot was never told about this conversation.
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'gone' | 'throttled' | 'transient' | 'no-reference',
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
