import { randomUUID } from 'node:crypto';
import { renderErrorCard, type AdaptiveCard } from '../cards';
import { BotError, GraphError } from '../errors';
import { errorView } from './error-reply';
import { commandFor, verbHandler } from './registry';
import { remindWaitingReports } from './report-support';
import type { BotServices, Turn } from './types';

/** Logs an error once, with the turn's correlation id and Graph's request id, and returns the card to show. */
function errorCard(err: unknown, turn: Turn): AdaptiveCard {
  const code = err instanceof BotError ? err.code : 'internal';
  const requestId = err instanceof GraphError ? err.requestId : undefined;
  if (code === 'internal') turn.log.error({ err, code }, 'turn failed');
  else
    turn.log.warn(
      { code, requestId, status: err instanceof GraphError ? err.status : undefined },
      'turn failed',
    );
  return renderErrorCard(errorView(err, turn.locale, turn.correlationId), turn.locale);
}

/** Handles one chat message: recognise, pick the command, reply. Errors become an error card. */
export async function handleMessage(turn: Turn, text: string, services: BotServices): Promise<void> {
  const recognition = services.recogniser().recognise(text, { locale: turn.locale });
  const localTurn: Turn = { ...turn, locale: recognition.locale };
  const command = commandFor(recognition.intent);
  turn.log.info(
    {
      intent: recognition.intent,
      command: command.name,
      room: recognition.room?.kind,
      locale: recognition.locale,
    },
    'message',
  );
  try {
    await command.handle({ turn: localTurn, recognition, text }, services);
  } catch (err) {
    await localTurn.send(errorCard(err, localTurn));
  }
  if (command.name === 'helpdesk-channel-set') return;
  try {
    await remindWaitingReports(localTurn, services);
  } catch (err) {
    localTurn.log.warn({ err }, 'could not check for waiting reports');
  }
}

/** Handles a card button (Action.Execute or its Action.Submit fallback). Returns the card that replaces it. */
export async function handleCardAction(
  turn: Turn,
  verb: string,
  data: Readonly<Record<string, unknown>>,
  services: BotServices,
): Promise<AdaptiveCard> {
  const handler = verbHandler(verb);
  turn.log.info({ verb, known: Boolean(handler) }, 'card action');
  try {
    if (!handler) throw new BotError('action.stale', `Unknown card action "${verb}"`, { verb });
    return await handler.handle({ turn, data }, services);
  } catch (err) {
    return errorCard(err, turn);
  }
}

/** A correlation id for a turn: the activity id when Teams gives one. */
export function correlationIdFor(activityId: string | undefined): string {
  return activityId ? activityId.slice(0, 64) : randomUUID();
}
