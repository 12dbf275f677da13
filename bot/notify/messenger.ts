import type { AdaptiveCard } from '../cards';

/** A message the bot sends on its own initiative. */
export type OutgoingMessage = { text: string } | { card: AdaptiveCard; summary?: string };

/** Sends and updates messages in a conversation the bot knows (a stored conversation reference). */
export interface Messenger {
  send(conversationId: string, message: OutgoingMessage): Promise<{ activityId?: string }>;
  update(conversationId: string, activityId: string, card: AdaptiveCard): Promise<void>;
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
