import type { Locale } from '../i18n';
import { type AdaptiveCard, renderWithinBudget } from './render';
import { cardText } from './texts';
import type { HelpExample } from './view-models';

/** What the bot does, example requests with what each one does, and which languages it understands. */
export function renderHelpCard(locale: Locale, examples: readonly HelpExample[]): AdaptiveCard {
  return renderWithinBudget('help', locale, (budget) => {
    const shown = budget.list(examples).map((example) => {
      const description = budget.paragraph(example.description);
      return {
        text: cardText(locale, 'exampleQuote', { text: budget.line(example.text) }),
        description,
        hasDescription: description !== '',
      };
    });
    return {
      fallbackText: cardText(locale, 'helpTitle'),
      labels: {
        title: cardText(locale, 'helpTitle'),
        intro: cardText(locale, 'helpIntro'),
        examples: cardText(locale, 'examplesHeading'),
        languages: cardText(locale, 'languagesNote'),
      },
      examples: shown,
      hasExamples: shown.length > 0,
    };
  });
}
