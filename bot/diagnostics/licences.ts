import type { Locale } from '../i18n';
import { defaultKnowledge, findLicence, type Knowledge, type LicenceCategory } from '../knowledge';
import type { RoomFacts } from './room-facts';
import { diagnoseRoom } from './room-rules';

/** A licence held by the room account, named for people. */
export interface HeldLicence {
  skuId: string;
  skuPartNumber: string;
  /** Product name in the requested language, e.g. "Teams Rooms Pro". */
  name: string;
  category: LicenceCategory | 'unknown';
  /** The group it comes from; empty when assigned directly. */
  groupId: string;
}

function named(
  knowledge: Knowledge,
  locale: Locale,
  skuId: string,
  skuPartNumber: string,
  groupId: string,
): HeldLicence {
  const sku = findLicence(knowledge, skuId);
  return {
    skuId,
    skuPartNumber,
    name: sku?.productName[locale] ?? skuPartNumber,
    category: sku?.category ?? 'unknown',
    groupId,
  };
}

/**
 * The Teams Rooms licence the rules consider the room's own (Pro before Basic before the legacy SKUs), with the
 * group it comes from when group-based; `undefined` when the account holds none.
 */
export function roomLicenceSku(
  facts: RoomFacts,
  locale: Locale = 'en',
  knowledge: Knowledge = defaultKnowledge,
): (HeldLicence & { disabledPlans: string[] }) | undefined {
  const snapshot = diagnoseRoom(facts, knowledge).roomLicence;
  if (!snapshot) return undefined;
  return {
    ...named(knowledge, locale, snapshot.skuId, snapshot.skuPartNumber, snapshot.groupIds[0] ?? ''),
    disabledPlans: snapshot.disabledPlans,
  };
}

/** The user licences (E1, E3, E5…) found on the room account, which Microsoft blocks on Teams Rooms. */
export function userLicencesOnRoom(
  facts: RoomFacts,
  locale: Locale = 'en',
  knowledge: Knowledge = defaultKnowledge,
): HeldLicence[] {
  return diagnoseRoom(facts, knowledge).findings.flatMap((f) =>
    f.code === 'user-licence-on-room'
      ? [named(knowledge, locale, f.params.skuId, f.params.skuPartNumber, f.params.groupId)]
      : [],
  );
}
