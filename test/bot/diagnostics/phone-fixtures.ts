/*
 * PhoneFacts for the demo tenant's phones, read from the emulator's fixture (emulator/fixtures/demo-tenant.json)
 * the way the gateway reads Graph: the fixture is the single source of the demo data. Relative times ("now-P3D")
 * resolve against GATHERED_AT.
 */
import type {
  GraphLicenseDetails,
  GraphTeamworkDevice,
  GraphTeamworkDeviceConfiguration,
  GraphTeamworkDeviceHealth,
  GraphUser,
} from '../../../bot/graph/model';
import type { PhoneDeviceFacts, PhoneFacts } from '../../../bot/diagnostics/phone-facts';
import type { PhoneVerdictCode } from '../../../bot/diagnostics/phone-rules';
import { loadDemoTenant, resolveRelativeTimes } from '../../../emulator/fixture-loader';
import type { FixtureTeamworkDevice, TenantFixture } from '../../../emulator/fixture-types';

export const GATHERED_AT = '2026-11-22T10:05:00Z';

export const DEMO_PEOPLE = ['alice', 'bob', 'chloe', 'david', 'reception'] as const;
export type DemoPerson = (typeof DEMO_PEOPLE)[number];

const NUMBER: Record<DemoPerson, string> = {
  alice: '1001',
  bob: '1002',
  chloe: '1003',
  david: '1004',
  reception: '1005',
};

/** The Graph user id of a demo person. */
export function demoUserId(person: DemoPerson): string {
  return `a0000000-0000-4000-8000-00000000${NUMBER[person]}`;
}

/** The Teams device id of a demo person's phone. */
export function demoPhoneId(person: DemoPerson): string {
  return `d0000000-0000-4000-8000-00000000${NUMBER[person]}`;
}

export const SKU = {
  o365E3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  teamsPhone: 'e43b5b99-8dfb-405f-9987-dc307f34bcbd',
  sharedDevices: '295a8eb0-f78d-45c7-8b5b-1eed5ed02dff',
  o365E5: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
} as const;

export const MCOEV_PLAN = '4828c8ec-dc2e-4779-b502-87ac9ce28ab7';

let tenant: TenantFixture | undefined;

function demoTenant(): TenantFixture {
  if (!tenant) {
    tenant = loadDemoTenant();
    resolveRelativeTimes(tenant, Date.parse(GATHERED_AT));
  }
  return structuredClone(tenant);
}

function isPhone(device: FixtureTeamworkDevice): boolean {
  return device.deviceType === 'ipPhone' || device.deviceType === 'teamsPhone';
}

function firmwareOf(device: FixtureTeamworkDevice): string {
  const config = device.configuration as GraphTeamworkDeviceConfiguration;
  return config.softwareVersions?.firmwareSoftwareVersion ?? '';
}

function isOffline(device: FixtureTeamworkDevice): boolean {
  const health = device.health as GraphTeamworkDeviceHealth;
  return health.connection?.connectionStatus?.toLowerCase() === 'disconnected';
}

/** The facts the gateway would gather for a demo person's phone, from the demo tenant as it is. */
export function demoPhoneFacts(person: DemoPerson): PhoneFacts {
  const fx = demoTenant();
  const fixtureUser = fx.users.find((u) => u.id === demoUserId(person));
  if (!fixtureUser) throw new Error(`no user ${person} in the demo tenant`);
  const user: GraphUser = {
    id: fixtureUser.id,
    displayName: fixtureUser.displayName,
    userPrincipalName: fixtureUser.userPrincipalName,
    mail: fixtureUser.mail ?? null,
    givenName: fixtureUser.givenName ?? null,
    surname: fixtureUser.surname ?? null,
    accountEnabled: fixtureUser.accountEnabled,
    usageLocation: fixtureUser.usageLocation,
    assignedLicenses: fixtureUser.assignedLicenses.map((l) => ({
      ...l,
      disabledPlans: [...l.disabledPlans],
    })),
    licenseAssignmentStates: fixtureUser.assignedLicenses.map((l) => ({
      skuId: l.skuId,
      assignedByGroup: null,
      state: 'Active',
      error: 'None',
      disabledPlans: [...l.disabledPlans],
    })),
  };
  // licenseDetails as Graph derives them: the SKU's service plans, Disabled where the assignment turns them off.
  const licenseDetails: GraphLicenseDetails[] = fixtureUser.assignedLicenses.map((l) => {
    const sku = fx.subscribedSkus.find((s) => s.skuId === l.skuId);
    if (!sku) throw new Error(`no subscribed SKU ${l.skuId}`);
    return {
      id: `${fixtureUser.id}_${l.skuId}`,
      skuId: sku.skuId,
      skuPartNumber: sku.skuPartNumber,
      servicePlans: sku.servicePlans.map((p) => ({
        servicePlanId: p.servicePlanId,
        servicePlanName: p.servicePlanName,
        provisioningStatus: l.disabledPlans.includes(p.servicePlanId)
          ? 'Disabled'
          : (fixtureUser.emulator?.servicePlanStatus?.[l.skuId]?.[p.servicePlanId] ?? 'Success'),
        appliesTo: p.appliesTo ?? 'User',
      })),
    };
  });

  const phones = fx.teamworkDevices.filter(isPhone);
  const own = phones.find((d) => d.currentUser?.id === fixtureUser.id);
  let phone: PhoneDeviceFacts | null = null;
  if (own) {
    const { health, configuration, ...device } = own;
    phone = {
      device: device as unknown as GraphTeamworkDevice,
      health,
      configuration,
    };
  }
  const others = phones.filter((d) => d !== own);
  const summary = (d: FixtureTeamworkDevice) => ({
    id: d.id,
    user: d.currentUser?.userPrincipalName ?? null,
    model: d.hardwareDetail.model ?? null,
  });
  return {
    user,
    licenseDetails,
    phone,
    fleet: {
      total: phones.length,
      otherOffline: others.filter(isOffline).map(summary),
      sameFirmware: own ? others.filter((d) => firmwareOf(d) === firmwareOf(own)).map(summary) : [],
    },
    gaps: [],
    site: typeof fixtureUser.officeLocation === 'string' ? fixtureUser.officeLocation : null,
    gatheredAt: GATHERED_AT,
  };
}

/** A demo person's facts, changed by `change` (which gets a private copy). */
export function phoneFacts(person: DemoPerson, change: (facts: PhoneFacts) => void = () => {}): PhoneFacts {
  const facts = demoPhoneFacts(person);
  change(facts);
  return facts;
}

/** The phone of some facts; fails the test when there is none. */
export function phoneOf(facts: PhoneFacts): PhoneDeviceFacts {
  if (!facts.phone) throw new Error('these facts have no phone');
  return facts.phone;
}

/** `count` other phones offline, for fleet scenarios. */
export function otherPhones(count: number): { id: string; user: string | null; model: string | null }[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `d-other-${i}`,
    user: `user${i}@contoso.com`,
    model: 'CCX 500',
  }));
}

/** Sets the firmware version wherever Graph reports it (configuration and health). */
export function setFirmware(facts: PhoneFacts, version: string): void {
  const phone = phoneOf(facts);
  const versions = phone.configuration?.softwareVersions;
  if (versions) versions.firmwareSoftwareVersion = version;
  const status = phone.health?.softwareUpdateHealth?.firmwareSoftwareUpdateStatus;
  if (status) status.currentVersion = version;
  // The demo fleet's list was for the old version; no other phone runs the new one.
  if (facts.fleet) facts.fleet.sameFirmware = [];
}

/** No other phone offline: the phone's own state decides, whatever the demo fleet looks like. */
export function quietFleet(facts: PhoneFacts): void {
  if (facts.fleet) facts.fleet.otherOffline = [];
}

/** Sets the Teams Phone plan's provisioning status in every licence that carries it. */
export function setPhonePlanStatus(facts: PhoneFacts, status: string): void {
  for (const details of facts.licenseDetails ?? []) {
    for (const plan of details.servicePlans) {
      if (plan.servicePlanId === MCOEV_PLAN) plan.provisioningStatus = status;
    }
  }
}

/** Puts the phone offline (or back online), as Graph reports it. */
export function setConnection(facts: PhoneFacts, status: 'connected' | 'disconnected', since?: string): void {
  const phone = phoneOf(facts);
  phone.device.healthStatus = status === 'connected' ? 'healthy' : 'offline';
  const connection = phone.health?.connection;
  if (connection) {
    connection.connectionStatus = status;
    if (since) connection.lastModifiedDateTime = since;
  }
}

/** One set of facts per verdict, for checks that must hold for every verdict. */
export const VERDICT_SCENARIOS = {
  'user-not-found': () =>
    phoneFacts('alice', (f) => {
      f.user = null;
      f.licenseDetails = null;
    }),
  'account-disabled': () => demoPhoneFacts('david'),
  'no-phone-licence': () => demoPhoneFacts('chloe'),
  'licence-not-provisioned': () => phoneFacts('alice', (f) => setPhonePlanStatus(f, 'PendingProvisioning')),
  'no-phone': () =>
    phoneFacts('bob', (f) => {
      f.phone = null;
    }),
  'fleet-wide': () =>
    phoneFacts('alice', (f) => {
      f.fleet = { total: 20, otherOffline: otherPhones(4), sameFirmware: [] };
    }),
  'offline-old-firmware': () => demoPhoneFacts('alice'),
  offline: () => phoneFacts('alice', (f) => setFirmware(f, '8.1.4.1250')),
  'signed-out': () =>
    phoneFacts('bob', (f) => {
      const teams = phoneOf(f).health?.loginStatus?.teamsConnection;
      if (teams) teams.connectionStatus = 'disconnected';
    }),
  // Alice and David are offline in the demo: from Bob's side that is 2 of 5, a fleet-wide outage once Bob is down.
  'state-unknown': () =>
    phoneFacts('bob', (f) => {
      quietFleet(f);
      phoneOf(f).health = null;
      phoneOf(f).device.healthStatus = 'unknown';
    }),
  'old-firmware': () => phoneFacts('bob', (f) => setFirmware(f, '7.1.3.0991')),
  healthy: () => demoPhoneFacts('bob'),
} satisfies Record<PhoneVerdictCode, () => PhoneFacts>;
