import { REPORT_ROOM_VERB, reportRoom } from './report-support';
import { roomFromAction } from './room-diagnose-verb';
import type { CardVerb } from './types';

/** An end user confirmed (or picked) the room to report: the case is opened or joined, the helpdesk told. */
export const reportRoomVerb: CardVerb = {
  verb: REPORT_ROOM_VERB,
  handle: ({ turn, data }, services) => reportRoom(turn, roomFromAction(data, services), services),
};
