import type { Locale } from '../i18n';
import { actionData } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import { cardText } from './texts';
import type { PhoneChoiceView } from './view-models';

/** Asks which of a person's phones is the broken one: one button per phone, with its model, MAC and state. */
export function renderPhoneChoiceCard(view: PhoneChoiceView, locale: Locale): AdaptiveCard {
  return renderWithinBudget('room-choice', locale, (budget) => {
    const person = budget.line(view.person);
    const phones = budget.list(view.phones).map((phone) => {
      const detail = budget.line(phone.detail);
      return {
        action: actionData({ verb: view.pickVerb, title: phone.label, data: phone.data }, budget),
        detail,
        hasDetail: detail !== '',
      };
    });
    const title = cardText(locale, 'phoneChoiceTitle', { person });
    return {
      fallbackText: title,
      labels: { howToListRooms: '' },
      title,
      intro: cardText(locale, 'phoneChoiceIntro', { count: phones.length }),
      hasIntro: true,
      rooms: phones,
      hasRooms: phones.length > 0,
      more: '',
      hasMore: false,
      hasHowToList: false,
    };
  });
}
