/*
 * The tenant fixture: Graph-shaped objects the emulator serves mostly as they are, plus a few emulator-only
 * settings kept under an `emulator` key (never served). Timestamps may be ISO 8601 or relative to the emulator
 * clock when the tenant is loaded: "now", "now-P3D", "now-PT2H30M".
 * Any other Graph property on an object is passed through untouched, so a generator can add what it likes.
 */

/** A service plan inside a SKU. */
export interface FixtureServicePlan {
  servicePlanId: string;
  servicePlanName: string;
  appliesTo?: string;
}

/** A licence the tenant subscribes to (`subscribedSku`); `consumedUnits` is computed, never stored. */
export interface FixtureSubscribedSku {
  skuId: string;
  skuPartNumber: string;
  appliesTo?: string;
  capabilityStatus?: string;
  prepaidUnits: { enabled: number; suspended?: number; warning?: number; lockedOut?: number };
  servicePlans: FixtureServicePlan[];
  subscriptionIds?: string[];
  emulator?: {
    /** Seats used by accounts that are not in the fixture (added to the computed consumedUnits). */
    consumedOutsideFixture?: number;
    /** A readable product name, for people reading the fixture. */
    productName?: string;
  };
  [graphProperty: string]: unknown;
}

/** A licence assignment: the SKU and the service plans switched off. */
export interface FixtureAssignedLicense {
  skuId: string;
  disabledPlans: string[];
}

/** A security group that assigns licences to its members (group-based licensing). */
export interface FixtureGroup {
  id: string;
  displayName: string;
  mail?: string | null;
  description?: string | null;
  /** Member user ids. */
  members: string[];
  assignedLicenses: FixtureAssignedLicense[];
}

/** Provisioning status of a service plan in `licenseDetails`. */
export type ProvisioningStatus =
  'Success' | 'Disabled' | 'Error' | 'PendingInput' | 'PendingActivation' | 'PendingProvisioning';

/** A user; `assignedLicenses` lists the DIRECT assignments only (group ones come from `groups`). */
export interface FixtureUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail?: string | null;
  givenName?: string | null;
  surname?: string | null;
  accountEnabled: boolean;
  usageLocation: string | null;
  assignedLicenses: FixtureAssignedLicense[];
  emulator?: {
    /** Forced provisioning status of service plans: skuId -> servicePlanId -> status. */
    servicePlanStatus?: Record<string, Record<string, ProvisioningStatus>>;
  };
  [graphProperty: string]: unknown;
}

/** A room list (`microsoft.graph.roomList` place). */
export interface FixtureRoomList {
  id: string;
  displayName: string;
  emailAddress: string;
  [graphProperty: string]: unknown;
}

/** A room (`microsoft.graph.room` place); its `emailAddress` is the resource account's UPN. */
export interface FixtureRoom {
  id: string;
  displayName: string;
  emailAddress: string;
  building?: string | null;
  floorNumber?: number | null;
  emulator: {
    /** Email address of the room list the room belongs to. */
    roomList: string;
  };
  [graphProperty: string]: unknown;
}

/** An Entra ID device object. */
export interface FixtureEntraDevice {
  id: string;
  deviceId: string;
  displayName: string;
  accountEnabled: boolean;
  trustType: string | null;
  [graphProperty: string]: unknown;
}

/** Any Graph-shaped JSON object. */
export type GraphObject = Record<string, unknown>;

/**
 * A Teams device (beta `teamworkDevice`) with its health, configuration and activity.
 * Connection and sign-in state are read from `health.connection` and `health.loginStatus.teamsConnection` when the
 * tenant loads, then maintained by the emulator.
 */
export interface FixtureTeamworkDevice {
  id: string;
  deviceType: string;
  hardwareDetail: {
    serialNumber?: string | null;
    uniqueId?: string | null;
    macAddresses?: string[];
    manufacturer?: string | null;
    model?: string | null;
  };
  currentUser: {
    id: string;
    displayName: string;
    userPrincipalName?: string;
    userIdentityType?: string;
  } | null;
  healthStatus?: string;
  activityState?: string;
  health: GraphObject;
  configuration: GraphObject;
  activity?: GraphObject;
  emulator?: {
    /** In the bad state of the 5.2.115.0 licence bug: cannot sign in until the licence purge cycle is done. */
    licenceBug?: boolean;
  };
  [graphProperty: string]: unknown;
}

/** Rules the emulator applies to the fixture's licences and devices. */
export interface FixtureBehaviour {
  /** Teams Rooms app builds that get stuck after a licence is removed and given back too early. */
  licenceBugVersions: string[];
  /** SKUs that license a Teams Rooms resource account. */
  teamsRoomsSkuIds: string[];
  /** User licences (E1/E3/E5...) that Teams Rooms refuses to sign in with. */
  userLicenceSkuIds: string[];
  /** Service plans that give Microsoft Teams. */
  teamsServicePlanIds: string[];
  /** Service plans that give Teams Phone (needed to sign in on a phone). */
  teamsPhoneServicePlanIds: string[];
  /** Latest firmware per "manufacturer model" (e.g. "Poly CCX 500"). */
  latestFirmware: Record<string, string>;
  /** Latest Teams app per device type (e.g. "teamsRoom"). */
  latestTeamsClient: Record<string, string>;
}

/** A whole tenant for the emulator. */
export interface TenantFixture {
  tenant: { id: string; domain: string; displayName: string };
  behaviour: FixtureBehaviour;
  subscribedSkus: FixtureSubscribedSku[];
  groups: FixtureGroup[];
  users: FixtureUser[];
  roomLists: FixtureRoomList[];
  rooms: FixtureRoom[];
  devices: FixtureEntraDevice[];
  teamworkDevices: FixtureTeamworkDevice[];
}
