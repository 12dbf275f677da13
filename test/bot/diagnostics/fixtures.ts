/*
 * Hand-built RoomFacts for the demo tenant of DESIGN.md (contoso.com). The SKU ids are copied from FACTS.md, not
 * from the knowledge files, so the tests also check that data.
 */
import type {
  GraphDevice,
  GraphLicenseDetails,
  GraphSubscribedSku,
  GraphTeamworkDeviceConfiguration,
  GraphTeamworkDeviceHealth,
  GraphUser,
  LicenseAssignmentState,
} from '../../../bot/graph/model';
import type { EvidenceGap, RoomFacts } from '../../../bot/diagnostics/room-facts';

export const SKU = {
  basic: '6af4b3d6-14bb-4a2a-960c-6c902aad34f3',
  basicNoAudio: '50509a35-f0bd-4c5e-89ac-22f0e16a00f8',
  pro: '4cde982a-ede4-4409-9ae6-b003453c8ea6',
  proNoAudio: '21943e3a-2429-4f83-84c1-02735cd49e78',
  standard: '6070a4c8-34c6-4937-8dfb-39bbc6397a60',
  premium: '4fb214cb-a430-4a91-9c91-4976763aa78f',
  phone: 'e43b5b99-8dfb-405f-9987-dc307f34bcbd',
  sharedDevices: '295a8eb0-f78d-45c7-8b5b-1eed5ed02dff',
  o365E1: '18181a46-0d4e-45cd-891e-60aabd171b4e',
  o365E3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  o365E5: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
  m365E3: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  m365E5: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
} as const;

const PART_NUMBER: Record<string, string> = {
  [SKU.basic]: 'Microsoft_Teams_Rooms_Basic',
  [SKU.pro]: 'Microsoft_Teams_Rooms_Pro',
  [SKU.standard]: 'MEETING_ROOM',
  [SKU.premium]: 'MTR_PREM',
  [SKU.o365E3]: 'ENTERPRISEPACK',
  [SKU.sharedDevices]: 'MCOCAP',
};

export const GATHERED_AT = '2026-11-22T10:05:00Z';
export const MTR_GROUP_ID = '8f6a0a5e-33c1-4b8e-9d0c-5b1e2f7a9c41';

/** Seats of the demo tenant: Basic is full (the cap of 25 is reached), Pro has 3 free. */
export function demoSubscribedSkus(): GraphSubscribedSku[] {
  const sku = (skuId: string, enabled: number, consumed: number): GraphSubscribedSku => ({
    id: `tenant_${skuId}`,
    skuId,
    skuPartNumber: PART_NUMBER[skuId] ?? null,
    capabilityStatus: 'Enabled',
    consumedUnits: consumed,
    prepaidUnits: { enabled, suspended: 0, warning: 0 },
  });
  return [
    sku(SKU.basic, 25, 25),
    sku(SKU.pro, 10, 7),
    sku(SKU.standard, 5, 1),
    sku(SKU.o365E3, 50, 41),
    sku(SKU.sharedDevices, 5, 1),
  ];
}

export interface LicenceSpec {
  skuId: string;
  /** A group id, or direct assignment when absent. */
  group?: string;
  disabledPlans?: string[];
  /** Provisioning status of every service plan. */
  provisioning?: string;
  state?: string;
  error?: string | null;
  partNumber?: string;
}

export interface DeviceSpec {
  id?: string;
  version?: string | null;
  /** Where the version is reported: configuration (default) or only in the health's software status. */
  versionIn?: 'configuration' | 'health';
  /** teamsConnection.connectionStatus, as Graph sends it. */
  signIn?: string | null;
  healthStatus?: string;
  hostName?: string;
}

export interface RoomSpec {
  key: string;
  displayName: string;
  email: string;
  building?: string;
  floor?: number;
  /** `null`: no user has the room's address. */
  account?: { enabled?: boolean | null; usageLocation?: string | null } | null;
  licences: LicenceSpec[];
  /** `null`: no Teams device registered with the account. */
  device: DeviceSpec | null;
  entra?: { name: string; enabled?: boolean; trustType?: string } | null;
  gaps?: EvidenceGap[];
  subscribedSkus?: GraphSubscribedSku[] | null;
  licenceDetailsUnavailable?: boolean;
}

const PLANS = [
  { servicePlanId: '57ff2da0-773e-42df-b2af-ffb7a2317929', servicePlanName: 'TEAMS1' },
  { servicePlanId: 'efb87545-963c-4e0d-99df-69c6916d9eb0', servicePlanName: 'EXCHANGE_S_ENTERPRISE' },
  { servicePlanId: '4828c8ec-dc2e-4779-b502-87ac9ce28ab7', servicePlanName: 'MCOEV' },
];

export function userId(key: string): string {
  return `user-${key}`;
}

export function teamsDeviceId(key: string): string {
  return `tw-${key}`;
}

/** Builds the facts the gateway would gather for one room. */
export function roomFacts(spec: RoomSpec): RoomFacts {
  const id = userId(spec.key);
  let account: GraphUser | null = null;
  if (spec.account !== null) {
    const states: LicenseAssignmentState[] = spec.licences.map((l) => ({
      skuId: l.skuId,
      assignedByGroup: l.group ?? null,
      state: l.state ?? 'Active',
      error: l.error === undefined ? 'None' : l.error,
      disabledPlans: l.disabledPlans ?? [],
      lastUpdatedDateTime: '2026-10-01T08:00:00Z',
    }));
    account = {
      id,
      displayName: spec.displayName,
      userPrincipalName: spec.email,
      mail: spec.email,
      accountEnabled: spec.account?.enabled === undefined ? true : spec.account.enabled,
      usageLocation: spec.account?.usageLocation === undefined ? 'FR' : spec.account.usageLocation,
      assignedLicenses: spec.licences.map((l) => ({ skuId: l.skuId, disabledPlans: l.disabledPlans ?? [] })),
      licenseAssignmentStates: states,
    };
  }
  const licenseDetails: GraphLicenseDetails[] | null =
    spec.account === null || spec.licenceDetailsUnavailable
      ? null
      : spec.licences.map((l) => ({
          id: `ld-${l.skuId}`,
          skuId: l.skuId,
          skuPartNumber: l.partNumber ?? PART_NUMBER[l.skuId] ?? null,
          servicePlans: PLANS.map((p) => ({
            ...p,
            provisioningStatus: (l.disabledPlans ?? []).includes(p.servicePlanId)
              ? 'Disabled'
              : (l.provisioning ?? 'Success'),
            appliesTo: 'User',
          })),
        }));

  let teamsDevice: RoomFacts['teamsDevice'] = null;
  const d = spec.device;
  if (d && spec.account !== null) {
    const version = d.version === undefined ? '5.2.136.1' : d.version;
    const health: GraphTeamworkDeviceHealth = {
      id: 'health',
      connection: { connectionStatus: 'connected', lastModifiedDateTime: '2026-11-22T10:00:00Z' },
      loginStatus:
        d.signIn === null
          ? null
          : {
              teamsConnection: { connectionStatus: d.signIn ?? 'connected' },
              exchangeConnection: { connectionStatus: 'connected' },
            },
      softwareUpdateHealth: {
        teamsClientSoftwareUpdateStatus:
          d.versionIn === 'health' ? { currentVersion: version, softwareFreshness: 'latest' } : null,
      },
    };
    const configuration: GraphTeamworkDeviceConfiguration | null =
      d.versionIn === 'health'
        ? null
        : {
            id: 'configuration',
            softwareVersions: { teamsClientSoftwareVersion: version },
            systemConfiguration: { networkConfiguration: { hostName: d.hostName ?? null } },
          };
    teamsDevice = {
      device: {
        id: d.id ?? teamsDeviceId(spec.key),
        deviceType: 'teamsRoom',
        hardwareDetail: { manufacturer: 'Logitech', model: 'Tap', serialNumber: `SN-${spec.key}` },
        currentUser: { id, displayName: spec.displayName, userIdentityType: 'aadUser' },
        healthStatus: d.healthStatus ?? 'healthy',
        activityState: 'idle',
      },
      health,
      configuration,
    };
  }

  let entraDevice: GraphDevice | null = null;
  if (spec.entra) {
    entraDevice = {
      id: `entra-${spec.key}`,
      deviceId: `device-${spec.key}`,
      displayName: spec.entra.name,
      accountEnabled: spec.entra.enabled ?? true,
      trustType: spec.entra.trustType ?? 'AzureAd',
      operatingSystem: 'Windows',
      approximateLastSignInDateTime: '2026-11-22T09:00:00Z',
    };
  }

  return {
    room: {
      id: `room-${spec.key}`,
      displayName: spec.displayName,
      emailAddress: spec.email,
      building: spec.building ?? null,
      floor: spec.floor ?? null,
    },
    account,
    licenseDetails,
    subscribedSkus: spec.subscribedSkus === undefined ? demoSubscribedSkus() : spec.subscribedSkus,
    teamsDevice,
    entraDevice,
    gaps: spec.gaps ?? [],
    gatheredAt: GATHERED_AT,
    licenceGroups: [{ id: MTR_GROUP_ID, displayName: 'MTR Licences' }],
    tenantCountryCode: 'FR',
  };
}

const BUG_DEVICE: DeviceSpec = { version: '5.2.115.0', signIn: 'disconnected', healthStatus: 'critical' };

/** The rooms of the demo tenant, as specs so a test can vary one detail. */
export const demoRoomSpecs = {
  room4B: {
    key: '4b',
    displayName: 'Room 4B',
    email: 'room-4b@contoso.com',
    building: 'HQ',
    floor: 4,
    licences: [{ skuId: SKU.pro }],
    device: { ...BUG_DEVICE, hostName: 'MTR-4B-HQ' },
    entra: { name: 'MTR-4B-HQ' },
  },
  room4A: {
    key: '4a',
    displayName: 'Room 4A',
    email: 'room-4a@contoso.com',
    building: 'HQ',
    floor: 4,
    licences: [{ skuId: SKU.pro }],
    // Graph documentation examples use PascalCase enum values: the rules must not care.
    device: { version: '5.2.136.1', signIn: 'Connected', healthStatus: 'Healthy' },
    entra: { name: 'MTR-4A-HQ' },
  },
  room2C: {
    key: '2c',
    displayName: 'Room 2C',
    email: 'room-2c@contoso.com',
    building: 'HQ',
    floor: 2,
    licences: [{ skuId: SKU.basic }, { skuId: SKU.o365E3 }],
    device: BUG_DEVICE,
    entra: { name: 'MTR-2C-HQ' },
  },
  room3D: {
    key: '3d',
    displayName: 'Room 3D',
    email: 'room-3d@contoso.com',
    building: 'HQ',
    floor: 3,
    licences: [{ skuId: SKU.standard }],
    device: { version: '5.1.111.0', signIn: 'connected', healthStatus: 'healthy' },
    entra: { name: 'MTR-3D-HQ' },
  },
  room5E: {
    key: '5e',
    displayName: 'Room 5E',
    email: 'room-5e@contoso.com',
    building: 'Annex',
    floor: 5,
    licences: [{ skuId: SKU.pro, group: MTR_GROUP_ID }],
    device: BUG_DEVICE,
    entra: { name: 'MTR-5E-ANNEX' },
  },
  room6F: {
    key: '6f',
    displayName: 'Room 6F',
    email: 'room-6f@contoso.com',
    building: 'Annex',
    floor: 6,
    account: { usageLocation: null },
    licences: [{ skuId: SKU.pro }],
    device: BUG_DEVICE,
    entra: { name: 'MTR-6F-ANNEX' },
  },
  room1A: {
    key: '1a',
    displayName: 'Room 1A',
    email: 'room-1a@contoso.com',
    building: 'HQ',
    floor: 1,
    licences: [{ skuId: SKU.basic }],
    device: BUG_DEVICE,
    entra: { name: 'MTR-1A-HQ' },
  },
  boardroomNorth: {
    key: 'bn',
    displayName: 'Boardroom North',
    email: 'boardroom-n@contoso.com',
    building: 'HQ',
    floor: 9,
    licences: [{ skuId: SKU.pro }],
    device: { version: '5.2.136.4', signIn: 'connected', healthStatus: 'healthy' },
    entra: { name: 'MTR-BOARD-N' },
  },
  boardroomSouth: {
    key: 'bs',
    displayName: 'Boardroom South',
    email: 'boardroom-s@contoso.com',
    building: 'HQ',
    floor: 9,
    licences: [{ skuId: SKU.pro }],
    // This console reports its version only in the health's software status.
    device: { version: '5.2.136.1', versionIn: 'health', signIn: 'CONNECTED', healthStatus: 'HEALTHY' },
    entra: { name: 'MTR-BOARD-S' },
  },
  room7G: {
    key: '7g',
    displayName: 'Room 7G',
    email: 'room-7g@contoso.com',
    building: 'Annex',
    floor: 7,
    account: { enabled: false },
    licences: [{ skuId: SKU.pro }],
    device: BUG_DEVICE,
    entra: { name: 'MTR-7G-ANNEX' },
  },
  room8H: {
    key: '8h',
    displayName: 'Room 8H',
    email: 'room-8h@contoso.com',
    building: 'Annex',
    floor: 8,
    licences: [{ skuId: SKU.pro }],
    device: null,
    entra: null,
  },
} satisfies Record<string, RoomSpec>;

export type DemoRoom = keyof typeof demoRoomSpecs;

/** The facts of one demo room, optionally changed. */
export function demoRoom(room: DemoRoom, change: Partial<RoomSpec> = {}): RoomFacts {
  return roomFacts({ ...demoRoomSpecs[room], ...change });
}

export const DEMO_ROOMS = Object.keys(demoRoomSpecs) as DemoRoom[];
