import type {
  GraphLicenseDetails,
  GraphTeamworkDevice,
  GraphTeamworkDeviceConfiguration,
  GraphTeamworkDeviceHealth,
  GraphUser,
} from '../graph/model';
import type { EvidenceGap } from './room-facts';

/** One Teams phone as Graph sees it: the device, its health and its configuration (each may be unreadable). */
export interface PhoneDeviceFacts {
  device: GraphTeamworkDevice;
  health: GraphTeamworkDeviceHealth | null;
  configuration: GraphTeamworkDeviceConfiguration | null;
}

/** How the rest of the phone fleet looks, to tell a local cause from a network or service one. */
export interface PhoneFleetFacts {
  /** Phones (ipPhone, teamsPhone, collaborationBar-like desk devices excluded) the list returned, this one included. */
  total: number;
  /** Other phones that are offline (disconnected), by device id. */
  otherOffline: { id: string; user: string | null; model: string | null }[];
  /** Other phones reporting the same firmware version as this one. */
  sameFirmware: { id: string; user: string | null; model: string | null }[];
}

/** Everything Graph told us about one person's phone problem; input of the pure phone rules. */
export interface PhoneFacts {
  /** The person the phone is signed in with (or should be); `null` when the account could not be read. */
  user: GraphUser | null;
  licenseDetails: GraphLicenseDetails[] | null;
  /** The phone in question; `null` when the person has none registered or the list could not be read. */
  phone: PhoneDeviceFacts | null;
  /** `null` when the fleet could not be listed. */
  fleet: PhoneFleetFacts | null;
  gaps: EvidenceGap[];
  /** Where the phone is (the person's office location, or a site the helpdesk named), for the network hand-off. */
  site?: string | null;
  /** When the facts were read (ISO 8601). */
  gatheredAt: string;
}
