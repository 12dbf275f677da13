import type {
  GraphRoom,
  GraphSubscribedSku,
  GraphTeamworkDevice,
  GraphTeamworkDeviceHealth,
  GraphUser,
} from '../graph/model';
import type { EvidenceGap } from './room-facts';

/** One Teams device of the fleet: its list item, and its health when the scan could afford to read it. */
export interface FleetDeviceFacts {
  device: GraphTeamworkDevice;
  /**
   * The device's health (sign-in, connection and the current app and firmware versions); `null` when it was not
   * read (the request budget went to less healthy devices first) or could not be read (see `healthRead`).
   */
  health: GraphTeamworkDeviceHealth | null;
  /** `read`: `health` holds the answer; `skipped`: not asked for; `failed`: asked for, Graph refused. */
  healthRead: 'read' | 'skipped' | 'failed';
}

/** Evidence the scan could not gather, and why; the digest still reports what the rest shows. */
export interface FleetGap {
  source: 'teams-devices' | 'device-health' | 'room-accounts' | 'subscribed-skus';
  reason: EvidenceGap['reason'];
  /** For `device-health`: how many devices' health could not be read. */
  count?: number;
  requestId?: string;
}

/** What the scan cost in Graph requests, as the gateway counted them. */
export interface FleetScanCost {
  /** HTTP requests sent (a `$batch` counts once, each page counts once). */
  httpRequests: number;
  /** Requests inside the `$batch` calls. */
  batchedRequests: number;
}

/** Everything Graph told one fleet scan; input of the pure fleet rules. */
export interface FleetFacts {
  /** Every room (`/places/microsoft.graph.room`). */
  rooms: GraphRoom[];
  /**
   * The rooms' resource accounts with their licences and licence assignment states; `null` when they could not be
   * read. Accounts of other people may be included (paging the whole directory can be cheaper than looking
   * accounts up): match them to rooms by address.
   */
  accounts: GraphUser[] | null;
  /** `null` when the subscribed SKUs could not be read. */
  subscribedSkus: GraphSubscribedSku[] | null;
  /** Every Teams device; `null` when the Teams devices list failed (beta, optional evidence). */
  devices: FleetDeviceFacts[] | null;
  gaps: FleetGap[];
  /** When the scan started (ISO 8601). */
  scannedAt: string;
  cost: FleetScanCost;
}
