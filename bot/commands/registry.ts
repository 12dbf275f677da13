import type { Intent } from '../recognition/types';
import { caseStatusCommand } from './case-status';
import { diagnoseRoomCommand } from './diagnose-room';
import { helpCommand } from './help';
import { licenceStartRepairVerb } from './licence-start-repair-verb';
import { phoneNoInternetCommand } from './phone-no-internet';
import { roomDiagnoseVerb } from './room-diagnose-verb';
import type { CardVerb, MessageCommand } from './types';

/** Every chat command. One module each; an intent belongs to exactly one command. */
export const COMMANDS: readonly MessageCommand[] = [
  helpCommand,
  diagnoseRoomCommand,
  caseStatusCommand,
  phoneNoInternetCommand,
];

/** Every card verb. One module each. */
export const CARD_VERBS: readonly CardVerb[] = [roomDiagnoseVerb, licenceStartRepairVerb];

export function commandFor(intent: Intent): MessageCommand {
  return COMMANDS.find((c) => c.intents.includes(intent)) ?? helpCommand;
}

export function verbHandler(verb: string): CardVerb | undefined {
  return CARD_VERBS.find((v) => v.verb === verb);
}
