import type { Locale } from '../i18n';
import { actionData, roomName } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import { cardText } from './texts';
import type { RoomChoiceView } from './view-models';

// More buttons than this stop being a choice and become a list to read; the card asks to narrow down instead.
const MAX_ROOM_BUTTONS = 10;

/**
 * Asks which room the user meant. `ambiguous`: one button per candidate. `not-found`: the closest names as
 * buttons, or where to look rooms up when there is none. Each button sends `view.pickVerb` with
 * `{ ...view.pickData, roomId }`.
 */
export function renderRoomChoiceCard(
  view: RoomChoiceView,
  locale: Locale,
  mode: 'ambiguous' | 'not-found',
): AdaptiveCard {
  return renderWithinBudget('room-choice', locale, (budget) => {
    const query = budget.line(view.query);
    const shown = view.rooms.slice(0, MAX_ROOM_BUTTONS);
    const rooms = budget.list(shown).map((room) => {
      const details = [room.location ?? '', room.emailAddress]
        .map((part) => budget.line(part))
        .filter((part) => part !== '');
      return {
        action: actionData(
          { verb: view.pickVerb, title: roomName(room), data: { ...view.pickData, roomId: room.id } },
          budget,
        ),
        detail: details.join(' · '),
        hasDetail: details.length > 0,
      };
    });
    const hidden = view.rooms.length - rooms.length;

    const title =
      mode === 'ambiguous'
        ? cardText(locale, 'ambiguousTitle')
        : cardText(locale, 'notFoundTitle', { query });
    let intro = '';
    if (rooms.length > 0) {
      intro =
        mode === 'ambiguous' ? cardText(locale, 'ambiguousIntro', { query }) : cardText(locale, 'didYouMean');
    }

    return {
      fallbackText: title,
      labels: { howToListRooms: cardText(locale, 'howToListRooms') },
      title,
      intro,
      hasIntro: intro !== '',
      rooms,
      hasRooms: rooms.length > 0,
      more: hidden > 0 ? cardText(locale, 'moreRooms', { count: hidden }) : '',
      hasMore: hidden > 0,
      hasHowToList: rooms.length === 0,
    };
  });
}
