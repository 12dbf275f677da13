import { renderCaseCard, type AdaptiveCard } from '../cards';
import { TransitionRefused, type CaseActor, type CaseEvent, type RepairCase } from '../cases/model';
import { presentCase } from '../cases/present-case';
import { BotError } from '../errors';
import { StaleCase } from '../workflow/case-service';
import { t } from './texts';
import type { BotServices, CardVerb, Turn } from './types';

/** The case card as this person sees it. */
export function caseCard(
  c: RepairCase,
  turn: Turn,
  services: BotServices,
  canAct: boolean,
  warning?: string,
): AdaptiveCard {
  const view = presentCase(c, { locale: turn.locale, now: services.now(), canAct });
  if (warning) view.warning = warning;
  return renderCaseCard(view, turn.locale);
}

export function actorOf(turn: Turn): CaseActor {
  return {
    id: turn.actor.aadObjectId ?? turn.actor.id,
    ...(turn.actor.name ? { name: turn.actor.name } : {}),
  };
}

/**
 * The common path of every case verb: the case the card is about, at the version the card was rendered from, acted
 * on by someone allowed to. A stale card gets the current one; a refusal is audited and shown on the card.
 */
export async function onCase(
  turn: Turn,
  data: Readonly<Record<string, unknown>>,
  services: BotServices,
  act: (c: RepairCase, actor: CaseActor) => Promise<AdaptiveCard>,
): Promise<AdaptiveCard> {
  const caseId = typeof data.caseId === 'string' ? data.caseId : undefined;
  const version = typeof data.version === 'number' ? data.version : Number(data.version);
  const c = caseId ? await services.cases.get(caseId) : undefined;
  if (!c) throw new BotError('input.invalid', 'This case no longer exists.', { caseId });
  const allowed = await services.authorizer.canAct(turn.actor);
  if (c.version !== version) return caseCard(c, turn, services, allowed);
  const actor = actorOf(turn);
  if (!allowed) {
    await services.cases.audit(c, {
      actor: actor.name ?? actor.id,
      actorId: actor.id,
      action: 'card action',
      result: 'refused',
      detail: 'not a helpdesk member',
    });
    turn.log.warn({ caseId: c.id, actor: actor.id }, 'case action refused: not a helpdesk member');
    return caseCard(c, turn, services, false, t(turn.locale, 'forbidden.case'));
  }
  try {
    return await act(c, actor);
  } catch (err) {
    if (err instanceof StaleCase) return caseCard(err.current, turn, services, true);
    if (err instanceof TransitionRefused) {
      const current = (await services.cases.get(c.id)) ?? c;
      return caseCard(current, turn, services, true, t(turn.locale, `refused.${err.reason}`));
    }
    throw err;
  }
}

/** A verb that applies one person decision to the case. */
export function decisionVerb(
  verb: string,
  event: (data: Readonly<Record<string, unknown>>, actor: CaseActor) => CaseEvent & { actor: CaseActor },
): CardVerb {
  return {
    verb,
    handle: ({ turn, data }, services) =>
      onCase(turn, data, services, async (c, actor) => {
        const next = await services.cases.decide(c.id, c.version, event(data, actor));
        return caseCard(next, turn, services, true);
      }),
  };
}
