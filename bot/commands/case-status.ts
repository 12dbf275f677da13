import { t } from './texts';
import type { MessageCommand } from './types';

/** "status 4B", "cases": where repairs stand. */
export const caseStatusCommand: MessageCommand = {
  name: 'case-status',
  intents: ['case-status'],
  async handle({ turn, recognition }) {
    const room = recognition.room?.kind === 'resolved' ? recognition.room.value : undefined;
    await turn.sendText(
      room ? t(turn.locale, 'case.none', { room: room.displayName }) : t(turn.locale, 'case.noneAll'),
    );
  },
};
