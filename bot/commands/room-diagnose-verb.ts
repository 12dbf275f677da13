import { BotError } from '../errors';
import type { DirectoryRoom } from '../recognition/types';
import { DIAGNOSE_VERB, diagnosisCard } from './diagnose-room';
import type { BotServices, CardVerb } from './types';

/** The room a card action refers to, from the directory; a clear error when it no longer exists. */
export function roomFromAction(
  data: Readonly<Record<string, unknown>>,
  services: BotServices,
): DirectoryRoom {
  const roomId = typeof data.roomId === 'string' ? data.roomId : undefined;
  const room = roomId ? services.directory.current().rooms.find((r) => r.id === roomId) : undefined;
  if (!room)
    throw new BotError(
      'input.invalid',
      'That room is no longer in the directory. Ask again with its current name.',
      { roomId },
    );
  return room;
}

/** A room picked from a list, or "check again". */
export const roomDiagnoseVerb: CardVerb = {
  verb: DIAGNOSE_VERB,
  async handle({ turn, data }, services) {
    return diagnosisCard(roomFromAction(data, services), turn.locale, services);
  },
};
