import { renderRoomChoiceCard, renderRoomDiagnosisCard, type AdaptiveCard } from '../cards';
import type { CardAction } from '../cards/view-models';
import { diagnoseRoom, presentRoomDiagnosis, type RoomDiagnosis } from '../diagnostics';
import type { Locale } from '../i18n';
import type { DirectoryRoom, Resolution } from '../recognition/types';
import { START_REPAIR_VERB } from '../cases/verbs';
import { REPORT_ROOM_VERB, confirmReportCard, isEndUserReport } from './report-support';
import { roomSummary } from './room-view';
import { t } from './texts';
import type { BotServices, MessageCommand, Turn } from './types';

/** Verb of the buttons that (re)diagnose a room: room pickers and "check again". */
export const DIAGNOSE_VERB = 'room.diagnose';
export { START_REPAIR_VERB };

/** What a room's diagnosis card may add: a line above it, buttons before its own, a diagnosis already made. */
export interface DiagnosisCardOptions {
  banner?: string;
  extraActions?: readonly CardAction[];
  /** The result of {@link diagnose} for this room and locale, when the caller has it: Graph is not read again. */
  known?: Awaited<ReturnType<typeof diagnose>>;
}

/** Gathers the facts for one room, runs the rules and renders the diagnosis card. */
export async function diagnosisCard(
  room: DirectoryRoom,
  locale: Locale,
  services: BotServices,
  options: DiagnosisCardOptions = {},
): Promise<AdaptiveCard> {
  const { diagnosis, view } = options.known ?? (await diagnose(room, locale, services));
  const card = {
    ...view,
    actions: [...(options.extraActions ?? []), ...actionsFor(diagnosis, room, locale)],
  };
  return renderRoomDiagnosisCard(options.banner ? { ...card, banner: options.banner } : card, locale);
}

/** The facts and verdict for one room, with the card's view model. */
export async function diagnose(room: DirectoryRoom, locale: Locale, services: BotServices) {
  const snapshot = services.directory.current();
  const deviceId = snapshot.teamsDeviceByAccount.get(room.emailAddress.toLowerCase());
  const facts = await services.gateway.gatherRoomFacts(room, {
    ...(deviceId ? { teamsDeviceId: deviceId } : {}),
    ...(snapshot.usualUsageLocation ? { usualUsageLocation: snapshot.usualUsageLocation } : {}),
  });
  const diagnosis = diagnoseRoom(facts);
  // Cards show Graph text as plain TextRuns, so Markdown escapes would appear as stray backslashes.
  return { facts, diagnosis, view: presentRoomDiagnosis(diagnosis, facts, locale, { markdown: false }) };
}

function actionsFor(diagnosis: RoomDiagnosis, room: DirectoryRoom, locale: Locale): CardAction[] {
  const actions: CardAction[] = [];
  if (diagnosis.verdict.code === 'licence-bug') {
    actions.push({
      verb: START_REPAIR_VERB,
      title: t(locale, 'repair.start'),
      data: { roomId: room.id },
      style: 'positive',
    });
  } else if (diagnosis.verdict.code === 'user-licence-on-room') {
    actions.push({
      verb: START_REPAIR_VERB,
      title: t(locale, 'repair.removeUserLicence'),
      data: { roomId: room.id },
      style: 'positive',
    });
  }
  actions.push({ verb: DIAGNOSE_VERB, title: t(locale, 'repair.recheck'), data: { roomId: room.id } });
  return actions;
}

/** Replies for a room mention that did not resolve to exactly one room; `undefined` when it did. */
export function roomResolutionReply(
  resolution: Resolution<DirectoryRoom> | undefined,
  turn: Turn,
  services: BotServices,
  pickVerb: string = DIAGNOSE_VERB,
): { card?: AdaptiveCard; text?: string; room?: DirectoryRoom } {
  const snapshot = services.directory.current();
  if (!snapshot.loadedAt) return { text: t(turn.locale, 'directory.loading') };
  if (!resolution) return { text: t(turn.locale, 'room.which') };
  if (resolution.kind === 'resolved') return { room: resolution.value };
  if (snapshot.rooms.length === 0)
    return { text: t(turn.locale, 'directory.empty', { query: resolution.query }) };
  const rooms = (resolution.kind === 'ambiguous' ? resolution.candidates : resolution.suggestions).map((r) =>
    roomSummary(r, turn.locale),
  );
  const view = { query: resolution.query, rooms, pickVerb, pickData: {} };
  return {
    card: renderRoomChoiceCard(
      view,
      turn.locale,
      resolution.kind === 'ambiguous' ? 'ambiguous' : 'not-found',
    ),
  };
}

/**
 * "room 4B stuck on licence": resolve the room, diagnose it, answer with the card. From an end user in a 1:1 chat
 * it is a report: confirm the room (a picker when unsure), then the helpdesk hears about it.
 */
export const diagnoseRoomCommand: MessageCommand = {
  name: 'diagnose-room',
  intents: ['room-licence'],
  async handle({ turn, recognition }, services) {
    if (await isEndUserReport(turn, services)) {
      const asked = roomResolutionReply(recognition.room, turn, services, REPORT_ROOM_VERB);
      if (asked.text) return turn.sendText(recognition.room ? asked.text : t(turn.locale, 'report.which'));
      if (asked.card) return turn.send(asked.card);
      if (asked.room)
        return turn.send(
          confirmReportCard(turn.locale, asked.room.displayName, {
            verb: REPORT_ROOM_VERB,
            data: { roomId: asked.room.id },
          }),
        );
      return;
    }
    const reply = roomResolutionReply(recognition.room, turn, services);
    if (reply.text) return turn.sendText(reply.text);
    if (reply.card) return turn.send(reply.card);
    if (reply.room) await turn.send(await diagnosisCard(reply.room, turn.locale, services));
  },
};
