import type {
  GraphDevice,
  GraphLicenseDetails,
  GraphSubscribedSku,
  GraphTeamworkDevice,
  GraphTeamworkDeviceConfiguration,
  GraphTeamworkDeviceHealth,
  GraphUser,
} from '../graph/model';

/** Evidence that could not be gathered, and why; the diagnosis goes on without it and says so. */
export interface EvidenceGap {
  source: 'teams-device' | 'entra-device' | 'licence-details' | 'subscribed-skus';
  reason: 'unavailable' | 'forbidden' | 'throttled' | 'not-registered' | 'not-found';
  /** Graph's request id of the failed call, for support. */
  requestId?: string;
}

/** Everything Graph told us about one room, gathered by the gateway; input of the pure rules. */
export interface RoomFacts {
  room: {
    id: string;
    displayName: string;
    emailAddress: string;
    building?: string | null;
    floor?: number | null;
  };
  /** The resource account; `null` when no user has the room's address. */
  account: GraphUser | null;
  licenseDetails: GraphLicenseDetails[] | null;
  subscribedSkus: GraphSubscribedSku[] | null;
  /** The Teams device signed in (or trying to) with the room account; `null` when none is registered or it could not be read. */
  teamsDevice: {
    device: GraphTeamworkDevice;
    health: GraphTeamworkDeviceHealth | null;
    configuration: GraphTeamworkDeviceConfiguration | null;
  } | null;
  /** The console's Entra ID device object; `null` when not found or not readable. */
  entraDevice: GraphDevice | null;
  gaps: EvidenceGap[];
  /** When the facts were read (ISO 8601). */
  gatheredAt: string;
  /** Names of the groups found in `licenseAssignmentStates[].assignedByGroup`, when the gateway read them. */
  licenceGroups?: { id: string; displayName: string | null }[];
  /** The tenant's country (organization `countryLetterCode`): proposed when the usage location is missing. */
  tenantCountryCode?: string | null;
}
