import type { Locale } from '../i18n';
import type { AdaptiveCard } from './render';
import { renderRoomDiagnosisCard } from './room-diagnosis-card';
import type { PhoneDiagnosisCardView } from './view-models';

/**
 * The diagnosis of one person's Teams phone. Same layout as a room's (verdict, evidence, plan, what could not be
 * checked, buttons): the header names the phone and its user, and the phone's network facts join the evidence.
 */
export function renderPhoneDiagnosisCard(view: PhoneDiagnosisCardView, locale: Locale): AdaptiveCard {
  return renderRoomDiagnosisCard(
    {
      ...(view.banner ? { banner: view.banner } : {}),
      room: { id: '', displayName: view.phone.title, emailAddress: view.phone.subtitle },
      verdict: view.verdict,
      evidence: [
        ...view.evidence,
        ...view.phone.facts.map((fact) => ({ ...fact, tone: 'default' as const })),
      ],
      plan: view.plan,
      missingEvidence: view.missingEvidence,
      gatheredAt: view.gatheredAt,
      actions: view.actions,
    },
    locale,
  );
}
