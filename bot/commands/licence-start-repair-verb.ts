import { renderConfirmActionCard, renderMessageCard, type AdaptiveCard } from '../cards';
import { roomLicenceSku, userLicencesOnRoom } from '../diagnostics';
import { BotError } from '../errors';
import { OpenCaseExists } from '../store/store';
import { actorOf, caseCard } from './case-verb-support';
import { START_REPAIR_VERB, diagnose } from './diagnose-room';
import { roomFromAction } from './room-diagnose-verb';
import { t } from './texts';
import type { CardVerb, Turn } from './types';

/** Verb of the "set usage location" button the pre-flight offers. */
export const SET_USAGE_LOCATION_VERB = 'licence.set-usage-location';

/**
 * The diagnosis card's repair button. Pre-flight first (licence assigned directly, usage location set), then a case
 * is opened in "awaiting confirmation" with the licence snapshot; its card says exactly what will change. Nothing is
 * written to Graph here. A room with an open case gets that case.
 */
export const licenceStartRepairVerb: CardVerb = {
  verb: START_REPAIR_VERB,
  async handle({ turn, data }, services) {
    const room = roomFromAction(data, services);
    const locale = turn.locale;
    if (!(await services.authorizer.canAct(turn.actor))) {
      await services.cases.audit(undefined, {
        actor: turn.actor.name ?? turn.actor.id,
        actorId: turn.actor.aadObjectId,
        action: 'start repair',
        result: 'refused',
        detail: room.displayName,
      });
      throw new BotError('action.forbidden', 'not a helpdesk member');
    }
    const existing = await services.store.findOpenCaseForRoom(room.id);
    // A case opened from an end user's report waits in "diagnosed": starting it runs the same pre-flight.
    if (existing && existing.state !== 'diagnosed') return caseCard(existing, turn, services, true);

    const { facts, diagnosis } = await diagnose(room, locale, services);
    const account = facts.account;
    const code = diagnosis.verdict.code;
    if (!account || (code !== 'licence-bug' && code !== 'user-licence-on-room')) {
      return notice(turn, t(locale, 'start.none.title', { room: room.displayName }), [
        t(locale, 'start.none.line', { verdict: diagnosis.verdict.code }),
      ]);
    }
    const upn = account.userPrincipalName ?? room.emailAddress;
    if (code === 'licence-bug') {
      const licence = diagnosis.roomLicence;
      if (!licence) throw new BotError('input.invalid', 'The room licence could not be read; check again.');
      if (licence.assignment !== 'direct') {
        const sku = roomLicenceSku(facts, locale)?.name ?? licence.skuPartNumber;
        return notice(turn, t(locale, 'start.group.title', { room: room.displayName }), [
          t(locale, 'start.group.line1', { sku, account: upn }),
          t(locale, 'start.group.line2'),
        ]);
      }
      if (!account.usageLocation)
        return usageLocationCard(turn, room.id, room.displayName, upn, facts.tenantCountryCode ?? undefined);
    }
    const actor = actorOf(turn);
    if (existing) {
      const started = await services.cases.decide(existing.id, existing.version, { type: 'start', actor });
      return caseCard(started, turn, services, true);
    }
    try {
      const c = await services.cases.open({
        kind: code === 'licence-bug' ? 'licence-cycle' : 'remove-user-licence',
        roomId: room.id,
        roomName: room.displayName,
        account: upn,
        accountId: account.id,
        ...(facts.teamsDevice ? { teamsDeviceId: facts.teamsDevice.device.id } : {}),
        ...(code === 'licence-bug' && diagnosis.roomLicence
          ? {
              snapshot: {
                skuId: diagnosis.roomLicence.skuId,
                skuPartNumber: diagnosis.roomLicence.skuPartNumber,
                disabledPlans: [...diagnosis.roomLicence.disabledPlans],
                assignment: 'direct' as const,
              },
            }
          : {
              removeSkuIds: userLicencesOnRoom(facts)
                .filter((l) => !l.groupId)
                .map((l) => l.skuId),
            }),
        createdBy: actor,
        locale,
        conversationId: turn.conversation.id,
        ...(turn.replyToId ? { cardActivityId: turn.replyToId } : {}),
        state: 'awaiting-confirmation',
      });
      turn.log.info({ caseId: c.id, case: c.number, room: room.displayName }, 'case opened');
      return caseCard(c, turn, services, true);
    } catch (err) {
      if (err instanceof OpenCaseExists) {
        const other = await services.store.getCase(err.existingCaseId);
        if (other) return caseCard(other, turn, services, true);
      }
      throw err;
    }
  },
};

function notice(turn: Turn, title: string, lines: string[]): AdaptiveCard {
  return renderMessageCard(turn.locale, { title, lines, tone: 'warning' });
}

function usageLocationCard(
  turn: Turn,
  roomId: string,
  room: string,
  account: string,
  country: string | undefined,
): AdaptiveCard {
  const locale = turn.locale;
  const lines = [t(locale, 'start.usage.line', { account })];
  if (!country)
    return notice(turn, t(locale, 'start.usage.title', { room }), [
      ...lines,
      t(locale, 'start.usage.noCountry'),
    ]);
  return renderConfirmUsage(turn, room, roomId, lines, country);
}

function renderConfirmUsage(
  turn: Turn,
  room: string,
  roomId: string,
  lines: string[],
  country: string,
): AdaptiveCard {
  const locale = turn.locale;
  // Reuses the confirmation card: the change is one PATCH of the user, audited.
  return renderConfirmActionCard(
    {
      title: t(locale, 'start.usage.title', { room }),
      changes: lines,
      confirm: {
        verb: SET_USAGE_LOCATION_VERB,
        title: t(locale, 'start.usage.button', { country }),
        data: { roomId, country },
        style: 'positive',
      },
      cancel: { verb: 'room.diagnose', title: t(locale, 'repair.back'), data: { roomId } },
    },
    locale,
  );
}
