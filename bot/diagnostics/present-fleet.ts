import type { FleetDigestView } from '../cards/fleet-digest-card';
import type { CardAction, Tone } from '../cards/view-models';
import type { Locale, TextParams } from '../i18n';
import { defaultKnowledge, findLicence, type Knowledge } from '../knowledge';
import type { FleetGap } from './fleet-facts';
import type { FleetDigest, FleetItem, FleetProblemKind } from './fleet-rules';
import { fleetText, type FleetTextKey } from './fleet-texts';
import { formatUtc } from './present-room';

/** How to present a fleet digest. */
export interface PresentFleetOptions {
  /** The licence knowledge, for product names. */
  knowledge?: Knowledge;
}

// Problems that stop a room or a phone now; the others are advice.
const URGENT: ReadonlySet<FleetProblemKind> = new Set(['bad-build', 'sign-in-failing', 'phone-offline']);
const LOCALE_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };
// Rooms named in a "no free seat" line before "and N more".
const SEAT_HOLDERS_SHOWN = 3;

class FleetPresenter {
  private readonly numbers: Intl.NumberFormat;

  constructor(
    private readonly locale: Locale,
    private readonly knowledge: Knowledge,
  ) {
    this.numbers = new Intl.NumberFormat(LOCALE_TAG[locale]);
  }

  t(key: FleetTextKey, params?: TextParams): string {
    return fleetText(this.locale, key, params);
  }

  n(value: number): string {
    return this.numbers.format(value);
  }

  count(unit: 'room' | 'phone' | 'licence' | 'device' | 'teamsDevice', value: number): string {
    // French counts 0 and 1 as singular.
    const one = this.locale === 'fr' ? value <= 1 : value === 1;
    return this.t(`unit.${unit}.${one ? 'one' : 'other'}`, { count: this.n(value) });
  }

  since(iso: string): string {
    return iso ? this.t('since', { time: formatUtc(iso, this.locale) }) : '';
  }

  product(skuId: string, partNumber: string): string {
    return findLicence(this.knowledge, skuId)?.productName[this.locale] ?? partNumber;
  }

  detail(item: FleetItem): string {
    switch (item.kind) {
      case 'bad-build':
        return this.t(`detail.bad-build.${item.params.signIn}`, {
          version: item.params.version,
          since: '',
        });
      case 'sign-in-failing': {
        const p = item.params;
        if (p.device === 'phone') return this.t('detail.sign-in.phone', { since: this.since(p.since) });
        return this.t(`detail.sign-in.${p.cause}`, {
          since: this.since(p.since),
          account: item.account,
          model: p.model || item.name,
        });
      }
      case 'phone-offline':
        return this.t('detail.phone-offline', { since: this.since(item.params.since) });
      case 'phone-old-firmware': {
        const p = item.params;
        const key = p.belowMinimum ? 'detail.phone-old-firmware.minimum' : 'detail.phone-old-firmware.issue';
        return this.t(key, { version: p.version, minimum: p.minimum, recommended: p.recommended });
      }
      case 'user-licence-on-room':
        return this.t('detail.user-licence-on-room', {
          licences: item.params.skus
            .map((s) => this.product(s.skuId, s.skuPartNumber))
            .join(this.t('listSeparator')),
        });
      case 'group-licence-on-room':
        return this.t('detail.group-licence-on-room', {
          licence: this.product(item.params.skuId, item.params.skuPartNumber),
          groups: item.params.groupIds.join(this.t('listSeparator')),
        });
      case 'no-free-seat': {
        const p = item.params;
        const names = p.rooms.slice(0, SEAT_HOLDERS_SHOWN).map((r) => r.name);
        const rest = p.rooms.length - names.length;
        const list = names.join(this.t('listSeparator'));
        return this.t('detail.no-free-seat', {
          consumed: this.n(p.consumed),
          enabled: this.n(p.enabled),
          rooms: rest > 0 ? this.t('detail.no-free-seat.more', { names: list, count: this.n(rest) }) : list,
        });
      }
      case 'deprecated-sku':
        return this.t('detail.deprecated-sku', {
          licence: this.product(item.params.skuId, item.params.skuPartNumber),
        });
      case 'naming':
        return this.t('detail.naming', { upn: item.params.upn, pattern: item.params.pattern });
    }
  }

  title(item: FleetItem): string {
    return item.kind === 'no-free-seat'
      ? this.product(item.params.skuId, item.params.skuPartNumber)
      : item.name;
  }

  gap(gap: FleetGap): string {
    const reason = this.t(`reason.${gap.reason}`);
    if (gap.source === 'device-health') return this.t('gap.device-health', { count: this.n(gap.count ?? 0) });
    return this.t(`gap.${gap.source}`, { reason });
  }
}

/**
 * The fleet digest as its card shows it, in the reader's language. Texts go into plain-text runs on the card, so
 * Graph values are left as they are (the card's budget makes them safe).
 */
export function presentFleetDigest(
  digest: FleetDigest,
  locale: Locale,
  options: PresentFleetOptions = {},
): FleetDigestView {
  const p = new FleetPresenter(locale, options.knowledge ?? defaultKnowledge);
  const withItems = digest.problems.filter((problem) => problem.items.length > 0);

  const subjects = [
    digest.affected.rooms > 0 ? p.count('room', digest.affected.rooms) : '',
    digest.affected.phones > 0 ? p.count('phone', digest.affected.phones) : '',
    digest.affected.skus > 0 ? p.count('licence', digest.affected.skus) : '',
    digest.affected.devices > 0 ? p.count('device', digest.affected.devices) : '',
  ].filter((text) => text !== '');
  const tone: Tone = withItems.some((problem) => URGENT.has(problem.kind))
    ? 'attention'
    : withItems.length > 0
      ? 'warning'
      : 'good';

  const time = formatUtc(digest.scannedAt, locale);
  const rooms = p.count('room', digest.totals.rooms);
  const subtitle =
    digest.totals.devices === null
      ? p.t('subtitleNoDevices', { time, rooms })
      : p.t('subtitle', { time, rooms, devices: p.count('teamsDevice', digest.totals.devices) });

  const notes: string[] = [];
  const { devices, versionsRead } = digest.totals;
  if (devices !== null && versionsRead !== null && devices > 0) {
    if (versionsRead === 0) notes.push(p.t('versionsNone'));
    else if (versionsRead >= devices) notes.push(p.t('versionsAll', { total: p.n(devices) }));
    else notes.push(p.t('versionsSome', { read: p.n(versionsRead), total: p.n(devices) }));
  }

  return {
    title: p.t('title'),
    subtitle,
    summary:
      subjects.length > 0
        ? p.t('summary', { subjects: subjects.join(p.t('listSeparator')) })
        : p.t('summaryNone'),
    tone,
    counts: withItems.map((problem) => ({
      label: p.t(`kind.${problem.kind}`),
      value: p.n(problem.items.length),
    })),
    sections: withItems.map((problem) => ({
      title: p.t('sectionTitle', { kind: p.t(`kind.${problem.kind}`), count: p.n(problem.items.length) }),
      items: problem.items.map((item) => {
        const title = p.title(item);
        const action: CardAction | undefined = item.target
          ? { verb: item.target.verb, title, data: { ...item.target.data } }
          : undefined;
        return { title, detail: p.detail(item), ...(action ? { action } : {}) };
      }),
    })),
    moreLabel: p.t('more'),
    ...(digest.alreadyInCase > 0
      ? { alreadyInCase: p.t('alreadyInCase', { count: p.n(digest.alreadyInCase) }) }
      : {}),
    notes,
    warnings: digest.gaps.map((gap) => p.gap(gap)),
  };
}
