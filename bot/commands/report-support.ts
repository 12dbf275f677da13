import { renderCaseCard, renderConfirmActionCard, renderMessageCard, type AdaptiveCard } from '../cards';
import { presentCase } from '../cases/present-case';
import type { CardAction } from '../cards/view-models';
import type { Reporter, RepairCase } from '../cases/model';
import { userLicencesOnRoom } from '../diagnostics';
import type { Locale } from '../i18n';
import { DeliveryError, HELPDESK_CHANNEL } from '../notify/messenger';
import type { DirectoryRoom } from '../recognition/types';
import { OpenCaseExists } from '../store/store';
import { diagnose, diagnosisCard } from './diagnose-room';
import { diagnosePhoneOf, phoneCaseData, phoneDiagnosisCard, phoneSubjectKey } from './phone-support';
import { t } from './texts';
import type { BotServices, Turn } from './types';

/** Verb of the "report it" buttons (and room pickers) an end user gets in a 1:1 chat. */
export const REPORT_ROOM_VERB = 'report.room';
export const REPORT_PHONE_VERB = 'report.phone';
export const REPORT_DISMISS_VERB = 'report.dismiss';
export const REPORT_RESOLVE_VERB = 'report.resolve';

/** An end user's report: a 1:1 chat with someone who may not act on cases. Helpdesk members get the diagnosis. */
export async function isEndUserReport(turn: Turn, services: BotServices): Promise<boolean> {
  return turn.conversation.type === 'personal' && !(await services.authorizer.canAct(turn.actor));
}

function reporterOf(turn: Turn): Reporter {
  return {
    userId: turn.actor.aadObjectId ?? turn.actor.id,
    ...(turn.actor.name ? { name: turn.actor.name } : {}),
    conversationId: turn.conversation.id,
    locale: turn.locale,
  };
}

/** Asks the reporter to confirm what and where before anything is sent to the helpdesk. */
export function confirmReportCard(
  locale: Locale,
  what: string,
  confirm: { verb: string; data: Record<string, string> },
): AdaptiveCard {
  return renderConfirmActionCard(
    {
      title: t(locale, 'report.confirm.title', { what }),
      changes: [t(locale, 'report.confirm.line1'), t(locale, 'report.confirm.line2')],
      confirm: { ...confirm, title: t(locale, 'report.confirm.button'), style: 'positive' },
      cancel: { verb: REPORT_DISMISS_VERB, title: t(locale, 'report.confirm.cancel'), data: {} },
    },
    locale,
  );
}

/** The helpdesk thread's language: the channel's, as stored with its reference. */
async function helpdeskLocale(services: BotServices): Promise<Locale> {
  const ref = await services.store.getReference(HELPDESK_CHANNEL).catch(() => undefined);
  return ref?.locale ?? 'en';
}

/** Where reports go: the channel set with "set helpdesk channel", else HELPDESK_CONVERSATION_ID. */
async function helpdeskTarget(services: BotServices): Promise<string | undefined> {
  if (await services.store.getReference(HELPDESK_CHANNEL)) return HELPDESK_CHANNEL;
  return services.helpdeskConversationId;
}

/**
 * Starts the case's thread in the helpdesk channel with `card` and attaches it to the case. When the channel is
 * not set or the bot was removed from it, the case stays as it is (nothing is lost) and `false` comes back: the
 * next helpdesk member who talks to the bot hears about it.
 */
export async function postToHelpdesk(c: RepairCase, card: AdaptiveCard, services: BotServices, turn: Turn) {
  const target = await helpdeskTarget(services);
  if (!target) {
    turn.log.warn({ caseId: c.id }, 'no helpdesk channel set; the report waits');
    return false;
  }
  try {
    const thread = await services.messenger.startThread(target, { card });
    await services.cases.record(c.id, {
      type: 'thread-attached',
      conversationId: thread.conversationId,
      ...(thread.activityId ? { activityId: thread.activityId } : {}),
    });
    return true;
  } catch (err) {
    if (err instanceof DeliveryError && (err.kind === 'gone' || err.kind === 'no-reference')) {
      turn.log.warn({ caseId: c.id, reason: err.kind }, 'helpdesk channel unreachable; the report waits');
      await services.cases.audit(c, {
        actor: 'bot',
        action: 'post report to the helpdesk channel',
        result: 'failed',
        detail: `${err.kind}: ${err.message}`,
      });
      return false;
    }
    throw err;
  }
}

/** The reporter joins an open case, or a new case is opened; either way the reporter hears its number. */
async function joinOrOpen(
  turn: Turn,
  services: BotServices,
  subject: string,
  open: () => Promise<{ c: RepairCase; card: AdaptiveCard }>,
  what: string,
): Promise<AdaptiveCard> {
  const reporter = reporterOf(turn);
  const existing = await services.store.findOpenCaseForRoom(subject);
  if (existing) {
    await services.cases.record(existing.id, { type: 'reporter-joined', reporter });
    return renderMessageCard(turn.locale, {
      title: t(turn.locale, 'report.joined.title', { number: existing.number, what }),
      lines: [t(turn.locale, 'report.joined.line')],
      tone: 'good',
    });
  }
  let opened: { c: RepairCase; card: AdaptiveCard };
  try {
    opened = await open();
  } catch (err) {
    if (err instanceof OpenCaseExists) return joinOrOpen(turn, services, subject, open, what);
    throw err;
  }
  const posted = await postToHelpdesk(opened.c, opened.card, services, turn);
  turn.log.info({ caseId: opened.c.id, case: opened.c.number, posted }, 'report opened a case');
  return renderMessageCard(turn.locale, {
    title: t(turn.locale, 'report.opened.title', { number: opened.c.number, what }),
    lines: [t(turn.locale, 'report.opened.line1'), t(turn.locale, 'report.opened.line2')],
    tone: 'good',
  });
}

/** A room reported from a 1:1 chat: a case for the repairable verdicts, the helpdesk thread either way. */
export async function reportRoom(
  turn: Turn,
  room: DirectoryRoom,
  services: BotServices,
): Promise<AdaptiveCard> {
  const reporter = reporterOf(turn);
  const locale = await helpdeskLocale(services);
  const banner = t(locale, 'report.banner', { name: reporter.name ?? reporter.userId });
  return joinOrOpen(
    turn,
    services,
    room.id,
    async () => {
      const known = await diagnose(room, locale, services);
      const { facts, diagnosis } = known;
      const account = facts.account;
      const code = diagnosis.verdict.code;
      const licence = diagnosis.roomLicence;
      const userSkus = userLicencesOnRoom(facts)
        .filter((l) => !l.groupId)
        .map((l) => l.skuId);
      const cycle = code === 'licence-bug' && licence?.assignment === 'direct';
      const removal = code === 'user-licence-on-room' && userSkus.length > 0;
      if ((!cycle && !removal) || !account) {
        // Not a repair the bot drives: the helpdesk fixes it by hand and closes the case from the thread.
        const c = await services.cases.open({
          kind: 'room-report',
          roomId: room.id,
          roomName: room.displayName,
          account: account?.userPrincipalName ?? room.emailAddress,
          accountId: account?.id ?? room.id,
          ...(facts.teamsDevice ? { teamsDeviceId: facts.teamsDevice.device.id } : {}),
          createdBy: { id: reporter.userId, ...(reporter.name ? { name: reporter.name } : {}) },
          locale,
          reporters: [reporter],
          state: 'diagnosed',
        });
        return { c, card: await reportCard(c, services, known) };
      }
      const card = await diagnosisCard(room, locale, services, { banner, known });
      const c = await services.cases.open({
        kind: cycle ? 'licence-cycle' : 'remove-user-licence',
        roomId: room.id,
        roomName: room.displayName,
        account: account.userPrincipalName ?? room.emailAddress,
        accountId: account.id,
        ...(facts.teamsDevice ? { teamsDeviceId: facts.teamsDevice.device.id } : {}),
        ...(cycle && licence
          ? {
              snapshot: {
                skuId: licence.skuId,
                skuPartNumber: licence.skuPartNumber,
                disabledPlans: [...licence.disabledPlans],
                assignment: 'direct' as const,
              },
            }
          : { removeSkuIds: userSkus }),
        createdBy: { id: reporter.userId, ...(reporter.name ? { name: reporter.name } : {}) },
        locale,
        reporters: [reporter],
        state: 'diagnosed',
      });
      return { c, card };
    },
    room.displayName,
  );
}

/** A phone reported from a 1:1 chat by its user: a phone case waiting for the helpdesk, and its thread. */
export async function reportPhone(
  turn: Turn,
  deviceId: string | undefined,
  services: BotServices,
): Promise<AdaptiveCard> {
  const reporter = reporterOf(turn);
  const userId = reporter.userId;
  const locale = await helpdeskLocale(services);
  const what = t(turn.locale, 'report.yourPhone');
  return joinOrOpen(
    turn,
    services,
    phoneSubjectKey(userId, deviceId),
    async () => {
      const known = await diagnosePhoneOf(userId, deviceId, locale, services);
      const { facts, diagnosis } = known;
      const phone = phoneCaseData(facts, diagnosis, userId);
      const banner = t(locale, 'report.banner', { name: reporter.name ?? phone.userName });
      const card = await phoneDiagnosisCard(userId, deviceId, locale, services, { banner, known });
      const c = await services.cases.open({
        kind: 'phone-no-internet',
        roomId: phoneSubjectKey(userId, deviceId),
        roomName: phone.model ? `${phone.userName} – ${phone.model}` : phone.userName,
        account: phone.upn,
        accountId: userId,
        ...(phone.deviceId ? { teamsDeviceId: phone.deviceId } : {}),
        phone,
        createdBy: { id: userId, ...(reporter.name ? { name: reporter.name } : {}) },
        locale,
        reporters: [reporter],
        state: 'diagnosed',
      });
      return { c, card };
    },
    what,
  );
}

/** Open cases whose report never reached the helpdesk channel (not set, or the bot was removed from it). */
export async function waitingReports(services: BotServices): Promise<RepairCase[]> {
  const open = await services.store.listCases({ open: true });
  return open.filter((c) => !c.conversationId && c.reporters.length > 0);
}

/**
 * Tells a helpdesk member that reports are waiting for a channel (not set, or the bot was removed from it), so
 * that nothing users reported goes unnoticed.
 */
export async function remindWaitingReports(turn: Turn, services: BotServices): Promise<void> {
  if (!(await services.authorizer.canAct(turn.actor))) return;
  const waiting = await waitingReports(services);
  if (waiting.length > 0) await turn.sendText(t(turn.locale, 'report.pending', { count: waiting.length }));
}

/**
 * The card a waiting report is posted with once a channel is set: the diagnosis (read again: it may have changed),
 * or the case card when the room left the directory.
 */
export async function reportCard(
  c: RepairCase,
  services: BotServices,
  known?: Awaited<ReturnType<typeof diagnose>>,
): Promise<AdaptiveCard> {
  const first = c.reporters[0];
  const banner = t(c.locale, 'report.banner', { name: first?.name ?? first?.userId ?? '' });
  if (c.kind === 'phone-no-internet' && c.phone)
    return phoneDiagnosisCard(c.phone.userId, c.phone.deviceId, c.locale, services, { banner });
  const room = services.directory.current().rooms.find((r) => r.id === c.roomId);
  // A report the bot does not repair gets its closing button on the diagnosis itself.
  const resolve: CardAction[] =
    c.kind === 'room-report'
      ? [
          {
            verb: REPORT_RESOLVE_VERB,
            title: t(c.locale, 'report.resolve'),
            data: { caseId: c.id },
            style: 'positive',
          },
        ]
      : [];
  if (room)
    return diagnosisCard(room, c.locale, services, {
      banner,
      extraActions: resolve,
      ...(known ? { known } : {}),
    });
  return renderCaseCard(presentCase(c, { locale: c.locale, now: services.now(), canAct: true }), c.locale);
}
