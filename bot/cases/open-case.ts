import type { Locale } from '../i18n';
import type { CaseActor, CaseKind, LicenceSnapshot, PhoneCaseData, RepairCase, Reporter } from './model';

/** What is known when a case is opened; everything else is filled in by the transitions. */
export interface OpenCaseInput {
  id: string;
  number: number;
  kind: CaseKind;
  roomId: string;
  roomName: string;
  /** The room resource account (UPN). */
  account: string;
  accountId: string;
  teamsDeviceId?: string;
  /** Required for `licence-cycle`: the licence as it is now, which the reassignment and a cancel put back. */
  snapshot?: LicenceSnapshot;
  /** Required for `remove-user-licence`: the user licences to take off the room account. */
  removeSkuIds?: string[];
  /** Required for `phone-no-internet`: the phone and its person, as the diagnosis found them. */
  phone?: PhoneCaseData;
  createdBy: CaseActor;
  locale: Locale;
  conversationId?: string;
  /** The message that will show the case card (the diagnosis card the repair was started from). */
  cardActivityId?: string;
  reporters?: Reporter[];
  /**
   * `diagnosed` for a case opened from a report that the helpdesk has not taken up yet; `troubleshooting` for a
   * phone case opened by the helpdesk, which starts at the first site question.
   */
  state?: 'diagnosed' | 'awaiting-confirmation' | 'troubleshooting';
}

/** The input describes a case that could not be carried out. */
export class InvalidCaseInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCaseInput';
  }
}

/**
 * Builds a new case at version 1, with its opening history entry. Pure; the caller stores it.
 *
 * @throws {@link InvalidCaseInput} when the input cannot lead to a repair: a `licence-cycle` without a snapshot or
 * with a group-assigned licence, or a `remove-user-licence` with nothing to remove.
 */
export function openCase(input: OpenCaseInput, now: Date): RepairCase {
  validate(input);
  const at = now.toISOString();
  const state = input.state ?? 'awaiting-confirmation';
  const removeSkuIds =
    input.kind === 'remove-user-licence'
      ? [...new Set((input.removeSkuIds ?? []).filter((id) => id.length > 0))]
      : undefined;
  const snapshot = input.snapshot ? structuredClone(input.snapshot) : undefined;

  const reporters: Reporter[] = [];
  for (const r of input.reporters ?? []) {
    if (!reporters.some((known) => known.userId === r.userId)) reporters.push(structuredClone(r));
  }

  return {
    id: input.id,
    number: input.number,
    kind: input.kind,
    roomId: input.roomId,
    roomName: input.roomName,
    account: input.account,
    accountId: input.accountId,
    ...(input.teamsDeviceId ? { teamsDeviceId: input.teamsDeviceId } : {}),
    state,
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: { ...input.createdBy },
    locale: input.locale,
    ...(input.conversationId ? { conversationId: input.conversationId } : {}),
    ...(input.cardActivityId ? { cardActivityId: input.cardActivityId } : {}),
    reporters,
    ...(snapshot ? { snapshot } : {}),
    ...(removeSkuIds ? { removeSkuIds } : {}),
    ...(input.kind === 'phone-no-internet' && input.phone ? { phone: structuredClone(input.phone) } : {}),
    ...(input.kind === 'licence-cycle' && snapshot
      ? { target: { skuId: snapshot.skuId, disabledPlans: [...snapshot.disabledPlans] } }
      : {}),
    history: [
      {
        at,
        actor: input.createdBy.name?.trim() || input.createdBy.id,
        action: 'opened',
        result: 'ok',
        detail:
          input.kind === 'licence-cycle'
            ? `licence-cycle ${snapshot?.skuPartNumber ?? snapshot?.skuId ?? ''}`.trim()
            : input.kind === 'phone-no-internet'
              ? `phone-no-internet ${input.phone?.verdict ?? ''}`.trim()
              : input.kind === 'room-report'
                ? 'room-report'
                : `remove-user-licence ${(removeSkuIds ?? []).join(', ')}`,
      },
    ],
  };
}

function validate(input: OpenCaseInput): void {
  const label = `Case ${input.number} (${input.roomName || input.roomId})`;
  if (!input.id) throw new InvalidCaseInput('A case needs an id.');
  if (!Number.isInteger(input.number) || input.number < 1) {
    throw new InvalidCaseInput(`A case number must be a positive integer, got ${input.number}.`);
  }
  if (!input.roomId || !input.account || !input.accountId) {
    throw new InvalidCaseInput(`${label}: the room and its resource account must be known.`);
  }
  if (input.kind === 'room-report') return;
  if (input.kind === 'phone-no-internet') {
    if (!input.phone) throw new InvalidCaseInput(`${label}: a phone case needs the phone and its person.`);
    return;
  }
  if (input.kind === 'licence-cycle') {
    if (!input.snapshot) {
      throw new InvalidCaseInput(
        `${label}: a licence cycle needs a snapshot of the room licence, taken before anything is removed.`,
      );
    }
    if (input.snapshot.assignment !== 'direct') {
      throw new InvalidCaseInput(
        `${label}: the licence of ${input.account} is assigned through a group, so it cannot be removed for this account alone. Take the account out of the group (or change the group's licence) instead.`,
      );
    }
    if (input.removeSkuIds?.length) {
      throw new InvalidCaseInput(
        `${label}: a licence cycle removes the snapshot's licence only, not a list of SKUs.`,
      );
    }
  } else if (!input.removeSkuIds?.some((id) => id.length > 0)) {
    throw new InvalidCaseInput(`${label}: name at least one user licence to remove from ${input.account}.`);
  }
}
