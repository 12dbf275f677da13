import { renderConfirmActionCard } from '../cards';
import type { ConfirmActionView } from '../cards/view-models';
import { roomLicenceSku, userLicencesOnRoom } from '../diagnostics';
import { DIAGNOSE_VERB, START_REPAIR_VERB, diagnose } from './diagnose-room';
import { roomFromAction } from './room-diagnose-verb';
import { t } from './texts';
import type { CardVerb } from './types';

/** The diagnosis card's first workflow button: shows exactly what the repair will change before anything is done. */
export const licenceStartRepairVerb: CardVerb = {
  verb: START_REPAIR_VERB,
  async handle({ turn, data }, services) {
    const room = roomFromAction(data, services);
    const locale = turn.locale;
    const { facts, diagnosis } = await diagnose(room, locale, services);
    const account = facts.account?.userPrincipalName ?? room.emailAddress;
    const changes: string[] = [];
    if (diagnosis.verdict.code === 'licence-bug') {
      const sku = roomLicenceSku(facts)?.name ?? 'Teams Rooms';
      changes.push(
        t(locale, 'repair.change.reset'),
        t(locale, 'repair.change.remove', { sku, account }),
        t(locale, 'repair.change.wait'),
        t(locale, 'repair.change.reassign', { sku }),
        t(locale, 'repair.change.restart'),
      );
    } else if (diagnosis.verdict.code === 'user-licence-on-room') {
      for (const sku of userLicencesOnRoom(facts))
        changes.push(t(locale, 'repair.change.removeUser', { sku: sku.name, account }));
      changes.push(t(locale, 'repair.change.restart'));
    } else {
      changes.push(t(locale, 'repair.change.none'));
    }
    const view: ConfirmActionView = {
      title: t(locale, 'repair.title', { room: room.displayName }),
      changes: [t(locale, 'repair.preview'), ...changes],
      warning: t(locale, 'repair.warning'),
      confirm: {
        verb: DIAGNOSE_VERB,
        title: t(locale, 'repair.recheck'),
        data: { roomId: room.id },
        style: 'positive',
      },
      cancel: { verb: DIAGNOSE_VERB, title: t(locale, 'repair.back'), data: { roomId: room.id } },
    };
    return renderConfirmActionCard(view, locale);
  },
};
