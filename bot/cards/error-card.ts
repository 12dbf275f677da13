import type { Locale } from '../i18n';
import { toneLook } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import { cardText } from './texts';
import type { ErrorView } from './view-models';

/** Explains a failure: what happened, what to do next, and the ids support needs to find it in the logs. */
export function renderErrorCard(view: ErrorView, locale: Locale): AdaptiveCard {
  return renderWithinBudget('error', locale, (budget) => {
    const title = budget.line(view.title);
    const nextStep = budget.paragraph(view.nextStep ?? '');
    const requestId = budget.line(view.requestId ?? '');
    return {
      fallbackText: title,
      title: `${toneLook('attention').icon} ${title}`,
      message: budget.paragraph(view.message),
      nextStep,
      hasNextStep: nextStep !== '',
      supportReference: cardText(locale, 'supportReference', { id: budget.line(view.correlationId) }),
      graphRequestId: requestId === '' ? '' : cardText(locale, 'graphRequestId', { id: requestId }),
      hasRequestId: requestId !== '',
    };
  });
}
