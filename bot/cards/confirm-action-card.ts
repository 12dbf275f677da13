import type { Locale } from '../i18n';
import { actionData } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import { cardText } from './texts';
import type { ConfirmActionView } from './view-models';

/** Asks before a change: the exact list of changes, an optional warning, then confirm and cancel buttons. */
export function renderConfirmActionCard(view: ConfirmActionView, locale: Locale): AdaptiveCard {
  return renderWithinBudget('confirm-action', locale, (budget) => {
    const title = budget.line(view.title);
    const changes = budget.list(view.changes).map((change) => ({ text: budget.paragraph(change) }));
    const warning = budget.paragraph(view.warning ?? '');
    return {
      fallbackText: title,
      labels: { changes: cardText(locale, 'changesHeading') },
      title,
      changes,
      hasChanges: changes.length > 0,
      warning: warning === '' ? '' : `⚠️ ${warning}`,
      hasWarning: warning !== '',
      actions: [actionData(view.confirm, budget, 'positive'), actionData(view.cancel, budget)],
    };
  });
}
