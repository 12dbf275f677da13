import type { AdaptiveCard } from '../cards';
import type { DirectoryCache } from '../graph/directory-cache';
import type { GraphGateway } from '../graph/gateway';
import type { Locale } from '../i18n';
import type { Logger } from '../log';
import type { Messenger } from '../notify/messenger';
import type { Recogniser } from '../recognition';
import type { Intent, Recognition } from '../recognition/types';
import type { Store } from '../store/store';
import type { Authorizer } from '../workflow/authorizer';
import type { CaseService } from '../workflow/case-service';

/** Where a turn happens, as the domain sees it. */
export interface ConversationInfo {
  id: string;
  type: 'personal' | 'channel' | 'groupChat';
  tenantId?: string;
}

/** Who is acting. `aadObjectId` is the Entra object id Teams gives for a signed-in user. */
export interface Actor {
  id: string;
  aadObjectId?: string;
  name?: string;
}

/** One incoming message or card action, without Bot Framework types. */
export interface Turn {
  locale: Locale;
  correlationId: string;
  actor: Actor;
  conversation: ConversationInfo;
  /** For card actions: the message that holds the card. */
  replyToId?: string;
  /** Replies in the same conversation (in a channel: in the same thread). */
  send(card: AdaptiveCard): Promise<void>;
  sendText(text: string): Promise<void>;
  /** A message with a file attached (small text files: exports, escalation packs). */
  sendFile(text: string, file: { name: string; contentType: string; content: string }): Promise<void>;
  log: Logger;
}

/** What command handlers may use. Built once in the composition root. */
export interface BotServices {
  gateway: GraphGateway;
  directory: DirectoryCache;
  recogniser(): Recogniser;
  now(): Date;
  store: Store;
  cases: CaseService;
  authorizer: Authorizer;
  /** Proactive sends: new threads in the helpdesk channel, notices to reporters. */
  messenger: Messenger;
  /** HELPDESK_CONVERSATION_ID: the channel that receives reports when none was set with "set helpdesk channel". */
  helpdeskConversationId?: string;
  /** ROOM_ACCOUNT_PATTERN: the naming convention room accounts must follow, when the tenant has one. */
  roomAccountPattern?: RegExp;
}

/** A chat command, chosen by recognised intent. */
export interface MessageCommand {
  name: string;
  intents: readonly Intent[];
  handle(input: { turn: Turn; recognition: Recognition; text: string }, services: BotServices): Promise<void>;
}

/** A card button's verb. Its answer replaces the card for the person who clicked. */
export interface CardVerb {
  verb: string;
  handle(
    input: { turn: Turn; data: Readonly<Record<string, unknown>> },
    services: BotServices,
  ): Promise<AdaptiveCard>;
}
