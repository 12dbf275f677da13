import type { Locale } from '../i18n';
import { actionData } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import type { CaseListView } from './view-models';

/** The open cases, one row each: number, room, state, time left or next step, and a button to open the case. */
export function renderCaseListCard(view: CaseListView, locale: Locale): AdaptiveCard {
  return renderWithinBudget('case-list', locale, (budget) => {
    const title = budget.line(view.title);
    const rows = budget.list(view.rows).map((row) => {
      const detail = budget.paragraph(row.detail);
      return {
        number: budget.line(row.number),
        room: budget.line(row.room),
        state: budget.line(row.state),
        detail,
        hasDetail: detail !== '',
        open: actionData(row.open, budget),
      };
    });
    return {
      fallbackText: title,
      title,
      rows,
      isEmpty: rows.length === 0,
      empty: budget.paragraph(view.empty),
    };
  });
}
