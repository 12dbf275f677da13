import type { Intent } from '../recognition/types';
import { caseApproveVerb } from './case-approve-verb';
import { caseCancelCommand } from './case-cancel';
import { caseCancelConfirmedVerb } from './case-cancel-confirmed-verb';
import { caseCancelVerb } from './case-cancel-verb';
import { caseConfirmVerb } from './case-confirm-verb';
import { caseEscalateVerb } from './case-escalate-verb';
import { caseExportCommand } from './case-export';
import { caseExtendVerb } from './case-extend-verb';
import { caseReassignEarlyConfirmedVerb } from './case-reassign-early-confirmed-verb';
import { caseReassignEarlyVerb } from './case-reassign-early-verb';
import { caseReassignProVerb } from './case-reassign-pro-verb';
import { caseReassignVerb } from './case-reassign-verb';
import { caseRefreshVerb } from './case-refresh-verb';
import { caseResolveVerb } from './case-resolve-verb';
import { caseStatusCommand } from './case-status';
import { licenceSetUsageLocationVerb } from './licence-set-usage-location-verb';
import { diagnoseRoomCommand } from './diagnose-room';
import { faqCommand } from './faq';
import { fleetCommand } from './fleet';
import { helpCommand } from './help';
import { helpdeskChannelSetCommand } from './helpdesk-channel-set';
import { licenceStartRepairVerb } from './licence-start-repair-verb';
import { phoneNoInternetCommand } from './phone-no-internet';
import { reportDismissVerb } from './report-dismiss-verb';
import { reportPhoneVerb } from './report-phone-verb';
import { reportResolveVerb } from './report-resolve-verb';
import { reportRoomVerb } from './report-room-verb';
import { phoneDiagnoseVerb } from './phone-diagnose-verb';
import { phoneOpenCaseVerb } from './phone-open-case-verb';
import { phoneStartVerb } from './phone-start-verb';
import { phoneAnswerVerb } from './phone-answer-verb';
import { phoneChecksOverVerb } from './phone-checks-over-verb';
import { phoneRestartVerb } from './phone-restart-verb';
import { phoneRestartConfirmedVerb } from './phone-restart-confirmed-verb';
import { phoneUpdateVerb } from './phone-update-verb';
import { phoneUpdateConfirmedVerb } from './phone-update-confirmed-verb';
import { phoneHandoffVerb } from './phone-handoff-verb';
import { phoneRemindVerb } from './phone-remind-verb';
import { phoneWorksVerb } from './phone-works-verb';
import { phoneStillFailsVerb } from './phone-still-fails-verb';
import { roomDiagnoseVerb } from './room-diagnose-verb';
import type { CardVerb, MessageCommand } from './types';

/** Every chat command. One module each; an intent belongs to exactly one command. */
export const COMMANDS: readonly MessageCommand[] = [
  helpCommand,
  diagnoseRoomCommand,
  caseStatusCommand,
  caseCancelCommand,
  caseExportCommand,
  phoneNoInternetCommand,
  faqCommand,
  helpdeskChannelSetCommand,
  fleetCommand,
];

/** Every card verb. One module each. */
export const CARD_VERBS: readonly CardVerb[] = [
  roomDiagnoseVerb,
  licenceStartRepairVerb,
  licenceSetUsageLocationVerb,
  caseConfirmVerb,
  caseApproveVerb,
  caseReassignVerb,
  caseReassignProVerb,
  caseReassignEarlyVerb,
  caseReassignEarlyConfirmedVerb,
  caseExtendVerb,
  caseCancelVerb,
  caseCancelConfirmedVerb,
  caseEscalateVerb,
  caseRefreshVerb,
  caseResolveVerb,
  phoneDiagnoseVerb,
  phoneOpenCaseVerb,
  phoneStartVerb,
  phoneAnswerVerb,
  phoneChecksOverVerb,
  phoneRestartVerb,
  phoneRestartConfirmedVerb,
  phoneUpdateVerb,
  phoneUpdateConfirmedVerb,
  phoneHandoffVerb,
  phoneRemindVerb,
  phoneWorksVerb,
  phoneStillFailsVerb,
  reportRoomVerb,
  reportPhoneVerb,
  reportDismissVerb,
  reportResolveVerb,
];

export function commandFor(intent: Intent): MessageCommand {
  return COMMANDS.find((c) => c.intents.includes(intent)) ?? helpCommand;
}

export function verbHandler(verb: string): CardVerb | undefined {
  return CARD_VERBS.find((v) => v.verb === verb);
}
