import type { CaseKind } from '../../bot/cases/model';
import type { RequestLogEntry } from '../../emulator';

export const TEAMS_ROOMS_PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
export const TEAMS_ROOMS_BASIC = '6af4b3d6-14bb-4a2a-960c-6c902aad34f3';
export const OFFICE_E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';

/** A room of the demo tenant (emulator/fixtures/demo-tenant.json) whose repair the bot carries out end to end. */
export interface RoomPlan {
  label: string;
  roomId: string;
  account: string;
  deviceId: string;
  kind: CaseKind;
  /** The Teams Rooms licence the account must hold whenever no repair is under way. */
  roomsSku: string;
  /** A user licence the repair removes for good (remove-user-licence). */
  removedSku?: string;
  /** assignLicense calls of one repair: removal and reassignment, or the single removal. */
  licenceWrites: number;
}

function room(
  label: string,
  suffix: string,
  kind: CaseKind,
  roomsSku: string,
  removedSku?: string,
): RoomPlan {
  return {
    label,
    roomId: `b0000000-0000-4000-8000-${suffix}`,
    account: `room-${label.toLowerCase()}@contoso.com`,
    deviceId: `d0000000-0000-4000-8000-${suffix}`,
    kind,
    roomsSku,
    ...(removedSku ? { removedSku } : {}),
    licenceWrites: kind === 'licence-cycle' ? 2 : 1,
  };
}

/**
 * 4B, 1A and 6F have the 5.2.115.0 licence bug with a directly assigned Teams Rooms licence (6F first needs its
 * usage location, which the card offers to set); 2C carries an E3 user licence to remove. 5E is left out: its
 * licence comes from a group, so the bot only explains.
 */
export const REPAIRABLE_ROOMS: readonly RoomPlan[] = [
  room('4B', '000000000402', 'licence-cycle', TEAMS_ROOMS_PRO),
  room('1A', '000000000101', 'licence-cycle', TEAMS_ROOMS_BASIC),
  room('6F', '000000000606', 'licence-cycle', TEAMS_ROOMS_PRO),
  room('2C', '000000000203', 'remove-user-licence', TEAMS_ROOMS_BASIC, OFFICE_E3),
];

export function roomPlan(label: string): RoomPlan {
  const plan = REPAIRABLE_ROOMS.find((p) => p.label === label);
  if (!plan) throw new Error(`no repairable demo room ${label}`);
  return plan;
}

/** assignLicense calls for the room's account (removals and additions alike: the log has no bodies). */
export const isLicenceWrite =
  (plan: RoomPlan) =>
  (e: RequestLogEntry): boolean =>
    e.method === 'POST' && e.path.toLowerCase() === `/v1.0/users/${plan.account}/assignlicense`;

/** Restart requests for the room's console. */
export const isRestart =
  (plan: RoomPlan) =>
  (e: RequestLogEntry): boolean =>
    e.method === 'POST' && e.path.toLowerCase() === `/beta/teamwork/devices/${plan.deviceId}/restart`;

/** Licences the emulator says the account holds (lower-case SKU ids). */
export async function licencesOf(graphUrl: string, account: string): Promise<string[]> {
  const res = await fetch(`${graphUrl}/v1.0/users/${account}?$select=assignedLicenses`);
  const body = (await res.json()) as { assignedLicenses: { skuId: string }[] };
  return body.assignedLicenses.map((l) => l.skuId.toLowerCase());
}
