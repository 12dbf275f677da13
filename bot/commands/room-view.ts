import type { RoomSummaryView } from '../cards/view-models';
import { defineTexts, type Locale } from '../i18n';
import type { DirectoryRoom } from '../recognition/types';

const t = defineTexts({
  en: { floor: '{building}, floor {floor}', building: '{building}' },
  fr: { floor: '{building}, étage {floor}', building: '{building}' },
});

/** A room as cards show it. */
export function roomSummary(room: DirectoryRoom, locale: Locale): RoomSummaryView {
  const location =
    room.building && room.floor !== null && room.floor !== undefined
      ? t(locale, 'floor', { building: room.building, floor: room.floor })
      : room.building
        ? t(locale, 'building', { building: room.building })
        : undefined;
  return {
    id: room.id,
    displayName: room.displayName,
    emailAddress: room.emailAddress,
    ...(location ? { location } : {}),
  };
}
