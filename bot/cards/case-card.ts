import type { Locale } from '../i18n';
import { actionData, toneLook } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import type { CaseCardView } from './view-models';

/**
 * A repair case, as it sits in the helpdesk thread and is updated in place: state and what comes next, warning,
 * console checklist, facts, latest history, and the buttons the state allows (or the read-only note). A phone case
 * also shows the site question to ask now, with one button per answer.
 */
export function renderCaseCard(view: CaseCardView, locale: Locale): AdaptiveCard {
  return renderWithinBudget('case', locale, (budget) => {
    const look = toneLook(view.tone);
    const title = budget.line(view.title);
    const label = budget.line(view.stateLabel);
    const summary = budget.paragraph(view.summary);
    const warning = budget.paragraph(view.warning ?? '');
    const checklist = budget
      .list(view.checklist?.items ?? [])
      .map((item) => ({ mark: '☐', text: budget.paragraph(item) }))
      .filter((item) => item.text !== '');
    const facts = budget
      .list(view.facts)
      .map((fact) => ({ label: budget.line(fact.label), value: budget.paragraph(fact.value) }));
    const history = budget
      .list(view.history)
      .map((entry) => ({ at: budget.line(entry.at), text: budget.paragraph(entry.text) }));
    const readOnlyNote = budget.paragraph(view.readOnlyNote ?? '');
    const q = view.question;
    const questionHelp = budget.paragraph(q?.help ?? '');
    const answers = (q?.answers ?? []).map((action) => actionData(action, budget));

    return {
      fallbackText: `${title}: ${label}`,
      title,
      state: {
        label: `${look.icon} ${label}`,
        color: look.color,
        containerStyle: look.containerStyle,
        summary,
        hasSummary: summary !== '',
      },
      warning: warning === '' ? '' : `⚠️ ${warning}`,
      hasWarning: warning !== '',
      checklistTitle: budget.line(view.checklist?.title ?? ''),
      checklist,
      hasChecklist: checklist.length > 0,
      facts,
      hasFacts: facts.length > 0,
      historyTitle: budget.line(view.historyTitle),
      history,
      hasHistory: history.length > 0,
      readOnlyNote,
      hasReadOnlyNote: readOnlyNote !== '',
      hasQuestion: q !== undefined,
      question: {
        title: budget.line(q?.title ?? ''),
        text: budget.paragraph(q?.text ?? ''),
        help: questionHelp,
        hasHelp: questionHelp !== '',
        answers,
        hasAnswers: answers.length > 0,
      },
      actions: view.actions.map((action) => actionData(action, budget)),
    };
  });
}
