import { renderPhoneChoiceCard, renderPhoneDiagnosisCard, type AdaptiveCard } from '../cards';
import type { CardAction } from '../cards/view-models';
import type { PhoneCaseData } from '../cases/model';
import { PHONE_VERBS } from '../cases/present-phone-case';
import type { PhoneFacts } from '../diagnostics/phone-facts';
import { diagnosePhone, type PhoneDiagnosis, type PhoneSiteFacts } from '../diagnostics/phone-rules';
import { presentPhoneDiagnosis } from '../diagnostics/present-phone';
import { BotError, GraphError } from '../errors';
import type { GraphTeamworkDevice } from '../graph/model';
import type { Locale } from '../i18n';
import { t } from './texts';
import type { BotServices } from './types';

/** Verb of the buttons that (re)diagnose a phone: phone pickers and "check again". */
export const PHONE_DIAGNOSE_VERB = 'phone.diagnose';
/** Verb of the diagnosis card's "open a case" button. */
export const PHONE_OPEN_CASE_VERB = 'phone.open-case';

/** One open case per phone (or per person without a registered phone). */
export function phoneSubjectKey(userId: string, deviceId: string | undefined): string {
  return deviceId ? `phone:${deviceId.toLowerCase()}` : `phone-user:${userId.toLowerCase()}`;
}

/** The user and device ids a phone card action carries. */
export function phoneTarget(data: Readonly<Record<string, unknown>>): { userId: string; deviceId?: string } {
  const userId = typeof data.userId === 'string' && data.userId.trim() !== '' ? data.userId : undefined;
  if (!userId)
    throw new BotError(
      'input.invalid',
      'This card does not say whose phone it is. Ask about the phone again.',
    );
  const deviceId = typeof data.deviceId === 'string' && data.deviceId !== '' ? data.deviceId : undefined;
  return deviceId ? { userId, deviceId } : { userId };
}

/** The phones signed in with a person; the devices API failing is not fatal (the diagnosis says so). */
export async function phonesOf(
  userId: string,
  services: BotServices,
): Promise<GraphTeamworkDevice[] | undefined> {
  try {
    return await services.gateway.listPhonesFor(userId);
  } catch (err) {
    if (err instanceof GraphError && err.code === 'graph.throttled') throw err;
    return undefined;
  }
}

/** Facts, rules and the view of the diagnosis card for one person's phone. */
export async function diagnosePhoneOf(
  userId: string,
  deviceId: string | undefined,
  locale: Locale,
  services: BotServices,
): Promise<{ facts: PhoneFacts; diagnosis: PhoneDiagnosis }> {
  const facts = await services.gateway.gatherPhoneFacts(userId, deviceId);
  if (!facts.user)
    throw new BotError('input.invalid', t(locale, 'person.notFound', { query: userId }), { userId });
  return { facts, diagnosis: diagnosePhone(facts) };
}

/** The diagnosis card of a phone, with "open a case" (helpdesk) and "check again". */
export async function phoneDiagnosisCard(
  userId: string,
  deviceId: string | undefined,
  locale: Locale,
  services: BotServices,
  options: { banner?: string; known?: Awaited<ReturnType<typeof diagnosePhoneOf>> } = {},
): Promise<AdaptiveCard> {
  const { facts, diagnosis } = options.known ?? (await diagnosePhoneOf(userId, deviceId, locale, services));
  const banner = options.banner;
  const view = presentPhoneDiagnosis(diagnosis, facts, locale, { markdown: false });
  const data: Record<string, string> = { userId, ...(deviceId ? { deviceId } : {}) };
  const actions: CardAction[] = [
    { verb: PHONE_OPEN_CASE_VERB, title: t(locale, 'phone.openCase'), data, style: 'positive' },
    { verb: PHONE_DIAGNOSE_VERB, title: t(locale, 'repair.recheck'), data },
  ];
  return renderPhoneDiagnosisCard({ ...view, actions, ...(banner ? { banner } : {}) }, locale);
}

/** Asks which phone, when a person has several. */
export function phoneChoiceCard(
  person: string,
  userId: string,
  phones: readonly GraphTeamworkDevice[],
  locale: Locale,
  pickVerb: string = PHONE_DIAGNOSE_VERB,
): AdaptiveCard {
  return renderPhoneChoiceCard(
    {
      person,
      pickVerb,
      phones: phones.map((p) => ({
        label: [p.hardwareDetail.manufacturer, p.hardwareDetail.model].filter(Boolean).join(' ') || p.id,
        detail: [p.hardwareDetail.macAddresses?.[0], p.companyAssetTag, p.healthStatus]
          .filter((v): v is string => Boolean(v))
          .join(' · '),
        data: { userId, deviceId: p.id },
      })),
    },
    locale,
  );
}

/** What the case keeps about the phone, from the diagnosis that opened it. */
export function phoneCaseData(facts: PhoneFacts, diagnosis: PhoneDiagnosis, userId: string): PhoneCaseData {
  const site: PhoneSiteFacts = diagnosis.siteFacts;
  const update = diagnosis.actions.find((a) => a.id === 'update-firmware');
  const model = [site.manufacturer, site.model].filter(Boolean).join(' ');
  const data: PhoneCaseData = {
    userId,
    userName: facts.user?.displayName ?? facts.user?.userPrincipalName ?? userId,
    upn: facts.user?.userPrincipalName ?? userId,
    site: {
      ...(site.ipAddress ? { ipAddress: site.ipAddress } : {}),
      ...(site.macAddress ? { macAddress: site.macAddress } : {}),
      ...(site.hostName ? { hostName: site.hostName } : {}),
      ...(site.gateway ? { gateway: site.gateway } : {}),
      ...(site.dnsServers.length ? { dns: [...site.dnsServers] } : {}),
      ...(site.dhcp !== null ? { dhcp: site.dhcp } : {}),
      ...(site.serialNumber ? { serialNumber: site.serialNumber } : {}),
      ...(site.assetTag ? { assetTag: site.assetTag } : {}),
      ...(site.site ? { location: site.site } : {}),
    },
    verdict: diagnosis.verdict.code,
    answers: [],
  };
  if (facts.phone) data.deviceId = facts.phone.device.id;
  if (model) data.model = model;
  if (site.firmware) data.firmware = site.firmware;
  if (update?.id === 'update-firmware') data.targetFirmware = update.targetVersion;
  return data;
}

/** The hand-off's site facts, rebuilt from what the case kept. */
export function siteFactsOf(phone: PhoneCaseData): PhoneSiteFacts {
  const [manufacturer = '', ...rest] = (phone.model ?? '').split(' ');
  return {
    deviceId: phone.deviceId ?? '',
    user: phone.upn,
    site: phone.site.location ?? '',
    manufacturer,
    model: rest.join(' '),
    serialNumber: phone.site.serialNumber ?? '',
    assetTag: phone.site.assetTag ?? '',
    macAddress: phone.site.macAddress ?? '',
    hostName: phone.site.hostName ?? '',
    ipAddress: phone.site.ipAddress ?? '',
    subnetMask: '',
    gateway: phone.site.gateway ?? '',
    dnsServers: phone.site.dns ?? [],
    dhcp: phone.site.dhcp ?? null,
    firmware: phone.firmware ?? '',
  };
}

export { PHONE_VERBS };
