import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'restify';
import type { AdaptiveCard } from '../cards';
import { correlationIdFor, handleCardAction, handleMessage } from '../commands/dispatch';
import type { BotServices, ConversationInfo, Turn } from '../commands/types';
import type { BotAuth } from '../config';
import { toLocale } from '../i18n';
import type { Logger } from '../log';
import { ActivityDeduplicator } from './deduplicator';
import { ReferenceKeeper } from './reference-keeper';
import type { Store } from '../store/store';
import { helpExamples } from '../commands/help';
import { renderHelpCard } from '../cards';
import { currentTurnScope, noteTurn, runInTurnScope, type TurnScope } from '../turn-scope';

export interface TeamsEdgeOptions {
  bot: BotAuth;
  allowedTenantIds: ReadonlySet<string>;
  services: BotServices;
  logger: Logger;
  store: Store;
  /** Wraps each turn (telemetry: one span per turn); facts about the turn are in `scope` when `run` settles. */
  traceTurn?: (scope: TurnScope, run: () => Promise<void>) => Promise<void>;
}

/** The HTTP entry point for Bot Framework activities, and what shutdown needs to know. */
export interface TeamsEdge {
  handle(req: Request, res: Response): Promise<void>;
  /** For proactive messages: the same adapter and app id. */
  adapter: TeamsAdapter;
  appId: string;
}

function authConfig(bot: BotAuth): ConfigurationBotFrameworkAuthenticationOptions {
  switch (bot.kind) {
    case 'local':
      return {};
    case 'single-tenant':
      return {
        MicrosoftAppId: bot.appId,
        MicrosoftAppPassword: bot.password,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: bot.tenantId,
      };
    case 'user-assigned-msi':
      return {
        MicrosoftAppId: bot.appId,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: bot.tenantId,
      };
    case 'multi-tenant':
      return {
        MicrosoftAppId: bot.appId,
        MicrosoftAppPassword: bot.password,
        MicrosoftAppType: 'MultiTenant',
      };
  }
}

/** The tenant an activity comes from: Bot Framework's token check does not cover it. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return (activity.conversation?.tenantId ?? channelData?.tenant?.id)?.toLowerCase();
}

function conversationOf(activity: Partial<Activity>): ConversationInfo {
  const type = activity.conversation?.conversationType;
  const tenantId = tenantOf(activity);
  return {
    id: activity.conversation?.id ?? '',
    type: type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal',
    ...(tenantId ? { tenantId } : {}),
  };
}

const LOGGED_FACTS = ['intent', 'command', 'verb'] as const;

/**
 * The turn's logger, which also notes what the dispatcher logs about the turn (its intent, command or verb, and
 * the error code of a failed turn) as facts of the turn scope: the dispatcher's log lines are where it reports
 * them, and the turn's trace span needs them.
 */
function factNotingLogger(log: Logger): Logger {
  return new Proxy(log, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if ((prop !== 'info' && prop !== 'warn' && prop !== 'error') || typeof value !== 'function')
        return value;
      const write = value as (...args: unknown[]) => void;
      return function (this: unknown, ...args: unknown[]): void {
        const fields = args[0];
        if (fields && typeof fields === 'object') {
          const f = fields as Record<string, unknown>;
          for (const key of LOGGED_FACTS) if (typeof f[key] === 'string') noteTurn({ [key]: f[key] });
          if (prop !== 'info' && typeof f.code === 'string') noteTurn({ outcome: f.code });
        }
        write.apply(this, args);
      };
    },
  });
}

function cardActivity(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/**
 * Builds the CloudAdapter and the teams-ai Application and routes activities to the domain dispatcher.
 * This module and its folder are the only places that know the Bot Framework SDK.
 */
export function createTeamsEdge(options: TeamsEdgeOptions): TeamsEdge {
  const { logger, services } = options;
  const adapter = new TeamsAdapter(authConfig(options.bot));
  const app = new Application<TurnState>({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const dedupe = new ActivityDeduplicator();

  const turnFor = (context: TurnContext): Turn => {
    const a = context.activity;
    const correlationId = currentTurnScope()?.correlationId ?? correlationIdFor(a.id);
    return {
      locale: toLocale(a.locale),
      correlationId,
      actor: {
        id: a.from?.id ?? '',
        ...(a.from?.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}),
        ...(a.from?.name ? { name: a.from.name } : {}),
      },
      conversation: conversationOf(a),
      ...(a.replyToId ? { replyToId: a.replyToId } : {}),
      log: factNotingLogger(
        logger.child({ correlationId, conversation: a.conversation?.id, activityType: a.type }),
      ),
      send: async (card) => {
        await context.sendActivity(cardActivity(card));
      },
      sendText: async (text) => {
        await context.sendActivity(MessageFactory.text(text));
      },
      sendFile: async (text, file) => {
        const base64 = Buffer.from(file.content, 'utf8').toString('base64');
        await context.sendActivity({
          ...MessageFactory.text(text),
          attachments: [
            {
              contentType: file.contentType,
              name: file.name,
              contentUrl: `data:${file.contentType};base64,${base64}`,
            },
          ],
        });
      },
    };
  };

  const references = new ReferenceKeeper(options.store, logger);

  app.turn('beforeTurn', async (context) => {
    const a = context.activity;
    const tenant = tenantOf(a);
    if (options.allowedTenantIds.size > 0 && (!tenant || !options.allowedTenantIds.has(tenant))) {
      logger.warn(
        { tenant, activityId: a.id, type: a.type, from: a.from?.aadObjectId },
        'activity from a tenant that is not allowed; ignored',
      );
      noteTurn({ outcome: 'tenant-not-allowed' });
      return false;
    }
    if (a.type === (ActivityTypes.Message as string) && a.id) {
      const key = `${a.conversation?.id}|${a.id}`;
      // In memory first (cheap), then in the store: a retry may reach another instance. The store mark is written
      // after the turn, so a retry of a turn cut short by a crash is answered.
      if (!dedupe.firstTime(key) || (await options.store.hasMark(`activity:${key}`, new Date()))) {
        logger.info({ activityId: a.id }, 'duplicate activity (Teams retry); ignored');
        noteTurn({ outcome: 'duplicate' });
        return false;
      }
    }
    await references.keep(context);
    return true;
  });

  app.turn('afterTurn', async (context) => {
    const a = context.activity;
    if (a.type === (ActivityTypes.Message as string) && a.id) {
      await options.store.markOnce(`activity:${a.conversation?.id}|${a.id}`, 10 * 60_000, new Date());
    }
    return true;
  });

  app.adaptiveCards.actionExecute(/.*/, async (context, _state, data: Record<string, unknown>) => {
    const value = context.activity.value as { action?: { verb?: string } } | undefined;
    return handleCardAction(turnFor(context), value?.action?.verb ?? '', data, services);
  });

  // Clients without Universal Actions send the Action.Submit fallback as a message carrying the verb.
  app.adaptiveCards.actionSubmit(/.*/, async (context, _state, data: Record<string, unknown>) => {
    const turn = turnFor(context);
    const card = await handleCardAction(turn, typeof data.verb === 'string' ? data.verb : '', data, services);
    const replyTo = context.activity.replyToId;
    if (replyTo) {
      try {
        await context.updateActivity({ ...cardActivity(card), id: replyTo });
        return;
      } catch (err) {
        turn.log.info({ err }, 'could not update the card in place; sending it as a new message');
      }
    }
    await context.sendActivity(cardActivity(card));
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const a = context.activity;
    const text = a.text ? TurnContext.removeRecipientMention(a) : '';
    await handleMessage(turnFor(context), text, services);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const a = context.activity;
    if (a.membersRemoved?.some((m) => m.id === a.recipient?.id)) await references.forget(a.conversation?.id);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const a = context.activity;
    if (a.action === 'remove' || a.action === 'remove-upgrade') await references.forget(a.conversation?.id);
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const a = context.activity;
    if (a.membersAdded?.some((m) => m.id === a.recipient?.id)) {
      const locale = toLocale(a.locale);
      await context.sendActivity(cardActivity(renderHelpCard(locale, helpExamples(locale))));
    }
  });

  app.error(async (context, err) => {
    noteTurn({ outcome: 'error' });
    logger.error({ err, activityId: context.activity.id }, 'unhandled error in turn');
    try {
      await context.sendActivity(
        MessageFactory.text(
          'Something went wrong on my side. Nothing was changed. / Un problème est survenu de mon côté. Rien n’a été modifié.',
        ),
      );
    } catch {
      // The conversation may be gone; the log line above is what matters.
    }
  });

  return {
    adapter,
    appId: options.bot.kind === 'local' ? '' : options.bot.appId,
    handle: (req, res) => {
      const body = (req.body ?? {}) as Partial<Activity>;
      const activityId = typeof body.id === 'string' ? body.id : undefined;
      return runInTurnScope(correlationIdFor(activityId), async (scope) => {
        noteTurn({ activityType: typeof body.type === 'string' ? body.type : undefined });
        const run = async (): Promise<void> => {
          try {
            await adapter.process(req, res, async (context) => {
              await app.run(context);
            });
          } finally {
            noteTurn({ httpStatus: res.statusCode });
          }
        };
        await (options.traceTurn ? options.traceTurn(scope, run) : run());
      });
    },
  };
}
