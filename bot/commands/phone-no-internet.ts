import { t } from './texts';
import type { MessageCommand } from './types';
import { caseCard } from './case-verb-support';
import { phoneChoiceCard, phoneDiagnosisCard, phoneSubjectKey, phonesOf } from './phone-support';
import { REPORT_PHONE_VERB, confirmReportCard, isEndUserReport } from './report-support';
import type { BotServices, Turn } from './types';

/** "My phone says no internet" from its user: confirm which phone, then the helpdesk hears about it. */
async function reportOwnPhone(turn: Turn, services: BotServices): Promise<void> {
  const userId = turn.actor.aadObjectId ?? turn.actor.id;
  const phones = (await phonesOf(userId, services)) ?? [];
  const what = t(turn.locale, 'report.yourPhone');
  if (phones.length > 1) {
    return turn.send(phoneChoiceCard(turn.actor.name ?? '', userId, phones, turn.locale, REPORT_PHONE_VERB));
  }
  const deviceId = phones[0]?.id;
  await turn.send(
    confirmReportCard(turn.locale, what, { verb: REPORT_PHONE_VERB, data: deviceId ? { deviceId } : {} }),
  );
}

/**
 * "Alice's CCX 500 says no internet": finds the person, then their Teams phones. One phone: its diagnosis. Several:
 * a picker. None: the diagnosis of what Graph can still tell (account, licence, fleet). A phone with an open case
 * gets that case.
 */
export const phoneNoInternetCommand: MessageCommand = {
  name: 'phone-no-internet',
  intents: ['phone-no-internet'],
  async handle({ turn, recognition }, services) {
    if (await isEndUserReport(turn, services)) return reportOwnPhone(turn, services);
    const person = recognition.person;
    if (!person) return turn.sendText(t(turn.locale, 'phone.which'));
    if (person.kind === 'not-found')
      return turn.sendText(t(turn.locale, 'person.notFound', { query: person.query }));
    if (person.kind === 'ambiguous') {
      const names = person.candidates.map((p) => p.displayName).join(', ');
      return turn.sendText(t(turn.locale, 'person.ambiguous', { query: person.query, names }));
    }
    const user = person.value;
    const phones = await phonesOf(user.id, services);
    if (phones && phones.length > 1)
      return turn.send(phoneChoiceCard(user.displayName, user.id, phones, turn.locale));
    const deviceId = phones?.[0]?.id;
    const open = await services.store.findOpenCaseForRoom(phoneSubjectKey(user.id, deviceId));
    if (open) {
      const allowed = await services.authorizer.canAct(turn.actor);
      return turn.send(caseCard(open, turn, services, allowed));
    }
    await turn.send(await phoneDiagnosisCard(user.id, deviceId, turn.locale, services));
  },
};
