import type { Locale } from '../i18n';
import { toneLook } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import type { Tone } from './view-models';

/** A simple notice: a title coloured by tone and a few lines of text. */
export interface MessageCardView {
  title: string;
  lines: readonly string[];
  tone: Tone;
}

/** Renders a short notice (status, confirmation that something was done, a reminder). */
export function renderMessageCard(locale: Locale, view: MessageCardView): AdaptiveCard {
  return renderWithinBudget('message', locale, (budget) => {
    const look = toneLook(view.tone);
    const title = budget.line(view.title);
    const lines = budget
      .list(view.lines)
      .map((line) => ({ text: budget.paragraph(line) }))
      .filter((line) => line.text !== '');
    return {
      fallbackText: title,
      title: `${look.icon} ${title}`,
      color: look.color,
      lines,
      hasLines: lines.length > 0,
    };
  });
}
