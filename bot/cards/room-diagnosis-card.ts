import type { Locale } from '../i18n';
import { actionData, roomName, toneLook } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import { cardText } from './texts';
import type { RoomDiagnosisView } from './view-models';

/**
 * The diagnosis of one Teams Room: verdict, evidence, the numbered repair plan (PowerShell folded away), what
 * could not be checked, and the buttons that continue the workflow.
 */
export function renderRoomDiagnosisCard(view: RoomDiagnosisView, locale: Locale): AdaptiveCard {
  return renderWithinBudget('room-diagnosis', locale, (budget) => {
    const verdictLook = toneLook(view.verdict.tone);
    const name = budget.line(roomName(view.room));
    const location = budget.line(view.room.location ?? '');
    const headline = budget.line(view.verdict.headline);
    const summary = budget.paragraph(view.verdict.summary);

    const evidence = budget.list(view.evidence).map((item) => {
      const look = toneLook(item.tone);
      return {
        icon: look.icon,
        color: look.color,
        label: budget.line(item.label),
        value: budget.paragraph(item.value),
      };
    });

    const plan = budget.list(view.plan).map((step, index) => {
      const code =
        step.powershell === undefined || step.powershell.trim() === ''
          ? undefined
          : budget.code(step.powershell);
      return {
        number: `${index + 1}.`,
        title: budget.line(step.title),
        detail: budget.paragraph(step.detail),
        hasDetail: step.detail.trim() !== '',
        hasCode: code !== undefined,
        code: code ?? '',
        codeId: `powershell-${index + 1}`,
        stepId: `step-${index + 1}`,
        visible: step.advanced !== true,
        codeOmitted: step.powershell !== undefined && step.powershell.trim() !== '' && code === undefined,
      };
    });

    const advancedTargets = plan.filter((step) => !step.visible).map((step) => step.stepId);

    const missing = budget
      .list(view.missingEvidence)
      .map((sentence) => ({ text: budget.paragraph(sentence) }));

    const banner = budget.paragraph(view.banner ?? '');
    return {
      fallbackText: `${name}: ${headline}`,
      banner,
      hasBanner: banner !== '',
      labels: {
        evidence: cardText(locale, 'evidenceHeading'),
        plan: cardText(locale, 'planHeading'),
        missing: cardText(locale, 'missingHeading'),
        showPowerShell: cardText(locale, 'showPowerShell'),
        powerShellOmitted: cardText(locale, 'powerShellOmitted'),
        moreSteps: cardText(locale, 'moreSteps', { count: advancedTargets.length }),
      },
      room: { name, location, hasLocation: location !== '', email: budget.line(view.room.emailAddress) },
      verdict: {
        headline: `${verdictLook.icon} ${headline}`,
        color: verdictLook.color,
        containerStyle: verdictLook.containerStyle,
        summary,
        hasSummary: summary !== '',
      },
      evidence,
      hasEvidence: evidence.length > 0,
      plan,
      hasPlan: plan.length > 0,
      hasAdvanced: advancedTargets.length > 0,
      advancedTargets,
      missing,
      hasMissing: missing.length > 0,
      checkedAt: cardText(locale, 'checkedAt', { time: budget.line(view.gatheredAt) }),
      actions: view.actions.map((action) => actionData(action, budget)),
    };
  });
}
