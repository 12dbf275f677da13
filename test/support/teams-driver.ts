import { cardActions, loadActivity, type ActivityFixture } from './bot-harness';
import { cardOf, type ConnectorCall, type FakeConnector } from './fake-connector';

const REQUEST_TIMEOUT_MS = 15_000;
const CHANNEL = '19:6f1d0c2b8a9e4d7f9b3c5a2e1d0f8b7c@thread.tacv2';

let counter = 0;
const nextId = (prefix: string): string => `${prefix}-${process.pid}-${Date.now()}-${++counter}`;

/** A thread of the helpdesk channel of the activity fixtures; each tag gets its own thread (own rate limits). */
export function channelThread(tag: string): string {
  return `${CHANNEL};messageid=${tag.replace(/[^A-Za-z0-9]/g, '')}${Date.now()}${++counter}`;
}

/** A channel message activity (real Teams payload) in a thread; a fresh id unless one is given (a Teams retry). */
export function channelMessage(conversationId: string, text: string, id = nextId('msg')): ActivityFixture {
  const base = loadActivity('channel-message');
  return {
    ...base,
    id,
    text,
    conversation: { ...(base.conversation as Record<string, unknown>), id: conversationId },
  };
}

/** What the bot answered to one activity. */
export interface BotAnswer {
  status: number;
  body: unknown;
}

/**
 * Plays Teams for bots that run outside the test process: posts real activity fixtures to whichever bot URL the
 * caller names, with the fake connector as serviceUrl, so proactive messages come back to the test.
 */
export class TeamsDriver {
  constructor(private readonly connector: FakeConnector) {}

  /** Posts an activity as Teams would. Throws when the bot does not answer (not running, killed mid-request). */
  async post(botUrl: string, activity: ActivityFixture): Promise<BotAnswer> {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, serviceUrl: this.connector.url }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** A channel message in `conversationId`, with a fresh activity id; returns that id and the bot's answer. */
  async say(
    botUrl: string,
    conversationId: string,
    text: string,
  ): Promise<{ id: string; answer: BotAnswer }> {
    const activity = channelMessage(conversationId, text);
    return { id: activity.id ?? '', answer: await this.post(botUrl, activity) };
  }

  /** A card button (Action.Execute) on the message `replyToId`; returns the card the bot answered with. */
  async click(
    botUrl: string,
    conversationId: string,
    verb: string,
    data: Record<string, unknown>,
    replyToId: string,
  ): Promise<{ status: number; card: Record<string, unknown> }> {
    const invoke = loadActivity('invoke-action-execute');
    const res = await this.post(botUrl, {
      ...invoke,
      id: nextId('invoke'),
      replyToId,
      conversation: { ...(invoke.conversation as Record<string, unknown>), id: conversationId },
      value: { action: { type: 'Action.Execute', title: verb, verb, data }, trigger: 'manual' },
    });
    const body = res.body as { value?: Record<string, unknown> } | undefined;
    return { status: res.status, card: body?.value ?? {} };
  }

  /** The bot's reply to message `messageId` that carries a card offering `verb`, if it has arrived. */
  replyOffering(conversationId: string, messageId: string, verb: string): ConnectorCall | undefined {
    return this.connector.calls.find(
      (c) =>
        c.conversationId === conversationId &&
        c.activityId === messageId &&
        c.kind === 'reply' &&
        cardActions(cardOf(c)).has(verb),
    );
  }

  /**
   * Every text message the bot posted in a conversation, in arrival order. Proactive messages arrive as replies:
   * the stored conversation reference names the activity they answer.
   */
  threadTexts(conversationId: string): string[] {
    return this.connector.calls
      .filter(
        (c) =>
          c.conversationId === conversationId &&
          (c.kind === 'send' || c.kind === 'reply') &&
          typeof c.body.text === 'string',
      )
      .map((c) => String(c.body.text));
  }
}
