import { strict as assert } from 'node:assert';
import { DIAGNOSE_VERB } from '../../../bot/commands/diagnose-room';
import { PHONE_DIAGNOSE_VERB } from '../../../bot/commands/phone-support';
import type { FleetDeviceFacts, FleetFacts } from '../../../bot/diagnostics/fleet-facts';
import {
  FLEET_PROBLEM_KINDS,
  scanFindings,
  type FleetDigest,
  type FleetItem,
  type FleetProblemKind,
  type FleetRulesOptions,
} from '../../../bot/diagnostics/fleet-rules';
import type { GraphRoom, GraphSubscribedSku, GraphUser } from '../../../bot/graph/model';
import { defaultKnowledge, type Knowledge } from '../../../bot/knowledge';

const SKU = {
  basic: '6af4b3d6-14bb-4a2a-960c-6c902aad34f3',
  pro: '4cde982a-ede4-4409-9ae6-b003453c8ea6',
  standard: '6070a4c8-34c6-4937-8dfb-39bbc6397a60',
  e3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  mcocap: '295a8eb0-f78d-45c7-8b5b-1eed5ed02dff',
} as const;
const GROUP = 'f0000000-0000-4000-8000-000000000002';
const SCANNED_AT = '2026-11-20T10:00:00.000Z';

interface RoomSpec {
  name: string;
  licences?: { skuId: string; group?: string }[];
  enabled?: boolean;
  /** No resource account in the directory. */
  noAccount?: boolean;
  device?: {
    version?: string;
    signedIn?: boolean;
    online?: boolean;
    /** Health not read (over budget): only the list item is known. */
    skipped?: boolean;
  };
}

interface PhoneSpec {
  person: string;
  model?: string;
  firmware?: string;
  online?: boolean;
  signedIn?: boolean;
  skipped?: boolean;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function roomId(name: string): string {
  return `room-id-${slug(name)}`;
}

function phoneDeviceId(person: string): string {
  return `PHONE-${slug(person)}`;
}

function userId(name: string): string {
  return `user-${slug(name)}`;
}

function health(online: boolean, signedIn: boolean, versions: { teams?: string; firmware?: string }) {
  return {
    connection: { connectionStatus: online ? 'connected' : 'disconnected', lastModifiedDateTime: SCANNED_AT },
    loginStatus: {
      teamsConnection: {
        connectionStatus: online && signedIn ? 'connected' : 'disconnected',
        lastModifiedDateTime: SCANNED_AT,
      },
    },
    softwareUpdateHealth: {
      teamsClientSoftwareUpdateStatus: versions.teams ? { currentVersion: versions.teams } : null,
      firmwareSoftwareUpdateStatus: versions.firmware ? { currentVersion: versions.firmware } : null,
    },
  };
}

/** A fleet from short descriptions: rooms with their account and console, phones with their user. */
function fleet(
  rooms: RoomSpec[],
  phones: PhoneSpec[] = [],
  skus: { skuId: string; enabled: number; consumed: number }[] = [],
): FleetFacts {
  const graphRooms: GraphRoom[] = [];
  const accounts: GraphUser[] = [];
  const devices: FleetDeviceFacts[] = [];
  for (const spec of rooms) {
    const upn = `${slug(spec.name)}@contoso.com`;
    graphRooms.push({ id: roomId(spec.name), displayName: spec.name, emailAddress: upn });
    const licences = spec.licences ?? [{ skuId: SKU.pro }];
    if (!spec.noAccount) {
      accounts.push({
        id: userId(spec.name),
        displayName: spec.name,
        userPrincipalName: upn,
        mail: upn,
        accountEnabled: spec.enabled ?? true,
        assignedLicenses: licences.map((l) => ({ skuId: l.skuId, disabledPlans: [] })),
        licenseAssignmentStates: licences.map((l) => ({
          skuId: l.skuId,
          assignedByGroup: l.group ?? null,
          state: 'Active',
          error: 'None',
          disabledPlans: [],
        })),
      });
    }
    const d = spec.device;
    if (!d) continue;
    const online = d.online ?? true;
    const signedIn = d.signedIn ?? true;
    devices.push({
      device: {
        id: `console-${slug(spec.name)}`,
        deviceType: 'teamsRoom',
        hardwareDetail: { manufacturer: 'Logitech', model: 'Tap' },
        currentUser: { id: userId(spec.name), displayName: spec.name, userPrincipalName: upn },
        healthStatus: !online ? 'offline' : signedIn ? 'healthy' : 'critical',
        lastModifiedDateTime: SCANNED_AT,
      },
      health: d.skipped ? null : health(online, signedIn, { teams: d.version ?? '5.2.136.1' }),
      healthRead: d.skipped ? 'skipped' : 'read',
    });
  }
  for (const spec of phones) {
    const online = spec.online ?? true;
    const signedIn = spec.signedIn ?? true;
    devices.push({
      device: {
        id: phoneDeviceId(spec.person),
        deviceType: 'ipPhone',
        hardwareDetail: { manufacturer: 'Poly', model: spec.model ?? 'CCX 500' },
        currentUser: {
          id: userId(spec.person),
          displayName: spec.person,
          userPrincipalName: `${slug(spec.person)}@contoso.com`,
        },
        healthStatus: !online ? 'offline' : signedIn ? 'healthy' : 'critical',
        lastModifiedDateTime: SCANNED_AT,
      },
      health: spec.skipped ? null : health(online, signedIn, { firmware: spec.firmware ?? '8.1.4.1250' }),
      healthRead: spec.skipped ? 'skipped' : 'read',
    });
  }
  const subscribedSkus: GraphSubscribedSku[] = [SKU.basic, SKU.pro, SKU.standard, SKU.e3, SKU.mcocap].map(
    (skuId) => {
      const seats = skus.find((s) => s.skuId === skuId) ?? { enabled: 100, consumed: 1 };
      return {
        id: `sku-${skuId}`,
        skuId,
        skuPartNumber: defaultKnowledge.licences.skus.find((s) => s.skuId === skuId)?.skuPartNumber ?? skuId,
        capabilityStatus: 'Enabled',
        consumedUnits: seats.consumed,
        prepaidUnits: { enabled: seats.enabled, suspended: 0, warning: 0 },
      };
    },
  );
  return {
    rooms: graphRooms,
    accounts,
    subscribedSkus,
    devices,
    gaps: [],
    scannedAt: SCANNED_AT,
    cost: { httpRequests: 5, batchedRequests: 20 },
  };
}

function scan(
  facts: FleetFacts,
  options: Partial<FleetRulesOptions> = {},
  knowledge: Knowledge = defaultKnowledge,
): FleetDigest {
  return scanFindings(facts, knowledge, { openSubjects: new Set(), ...options });
}

function items<K extends FleetProblemKind>(digest: FleetDigest, kind: K): Extract<FleetItem, { kind: K }>[] {
  return (digest.problems.find((p) => p.kind === kind)?.items ?? []) as Extract<FleetItem, { kind: K }>[];
}

function names(digest: FleetDigest, kind: FleetProblemKind): string[] {
  return items(digest, kind).map((i) => i.name);
}

function kindsOf(digest: FleetDigest, name: string): FleetProblemKind[] {
  return digest.problems.filter((p) => p.items.some((i) => i.name === name)).map((p) => p.kind);
}

describe('fleet rules', () => {
  describe('each problem, alone in a fleet of healthy rooms', () => {
    const healthy: RoomSpec[] = [
      { name: 'Room Healthy', device: {} },
      { name: 'Room Old Good Build', device: { version: '5.1.111.0' } },
    ];
    const cases: {
      title: string;
      rooms?: RoomSpec[];
      phones?: PhoneSpec[];
      skus?: { skuId: string; enabled: number; consumed: number }[];
      options?: Partial<FleetRulesOptions>;
      /** The item's name and every kind it must be listed under (and no other). */
      expect: { name: string; kinds: FleetProblemKind[] };
    }[] = [
      {
        title: 'a console on the known-bad build failing sign-in: bad build only (the build explains it)',
        rooms: [{ name: 'Room 4B', device: { version: '5.2.115.0', signedIn: false } }],
        expect: { name: 'Room 4B', kinds: ['bad-build'] },
      },
      {
        title: 'a console on the known-bad build still signed in',
        rooms: [{ name: 'Room Next', device: { version: '5.2.115.0' } }],
        expect: { name: 'Room Next', kinds: ['bad-build'] },
      },
      {
        title: 'a disabled account on a good build',
        rooms: [{ name: 'Room 7G', enabled: false, device: { signedIn: false } }],
        expect: { name: 'Room 7G', kinds: ['sign-in-failing'] },
      },
      {
        title: 'a disabled account on the bad build: the account is the cause, listed apart',
        rooms: [{ name: 'Room Both', enabled: false, device: { version: '5.2.115.0', signedIn: false } }],
        expect: { name: 'Room Both', kinds: ['bad-build', 'sign-in-failing'] },
      },
      {
        title: 'a console offline',
        rooms: [{ name: 'Room Dark', device: { online: false } }],
        expect: { name: 'Room Dark', kinds: ['sign-in-failing'] },
      },
      {
        title: 'a phone offline on firmware below the baseline',
        phones: [{ person: 'Alice Martin', firmware: '7.1.3.0991', online: false }],
        expect: { name: 'Alice Martin · Poly CCX 500', kinds: ['phone-offline', 'phone-old-firmware'] },
      },
      {
        title: 'a phone offline on current firmware',
        phones: [{ person: 'David Leroy', online: false }],
        expect: { name: 'David Leroy · Poly CCX 500', kinds: ['phone-offline'] },
      },
      {
        title: 'a phone online on old firmware',
        phones: [{ person: 'Eve Old', firmware: '7.9.0.1' }],
        expect: { name: 'Eve Old · Poly CCX 500', kinds: ['phone-old-firmware'] },
      },
      {
        title: 'a phone signed out while online',
        phones: [{ person: 'Chloé Petit', signedIn: false }],
        expect: { name: 'Chloé Petit · Poly CCX 500', kinds: ['sign-in-failing'] },
      },
      {
        title: 'a user licence (E3) next to the room licence',
        rooms: [{ name: 'Room 2C', licences: [{ skuId: SKU.basic }, { skuId: SKU.e3 }], device: {} }],
        expect: { name: 'Room 2C', kinds: ['user-licence-on-room'] },
      },
      {
        title: 'Teams Shared Devices on a room account',
        rooms: [{ name: 'Room Shared', licences: [{ skuId: SKU.pro }, { skuId: SKU.mcocap }] }],
        expect: { name: 'Room Shared', kinds: ['user-licence-on-room'] },
      },
      {
        title: 'a room licence assigned by a group',
        rooms: [{ name: 'Room 5E', licences: [{ skuId: SKU.pro, group: GROUP }], device: {} }],
        expect: { name: 'Room 5E', kinds: ['group-licence-on-room'] },
      },
      {
        title: 'the retired Teams Rooms Standard SKU',
        rooms: [{ name: 'Room 3D', licences: [{ skuId: SKU.standard }], device: { version: '5.1.111.0' } }],
        expect: { name: 'Room 3D', kinds: ['deprecated-sku'] },
      },
      {
        title: 'a room SKU without a free seat: one item for the SKU',
        rooms: [{ name: 'Room 1A', licences: [{ skuId: SKU.basic }], device: {} }],
        skus: [{ skuId: SKU.basic, enabled: 25, consumed: 25 }],
        expect: { name: 'Microsoft_Teams_Rooms_Basic', kinds: ['no-free-seat'] },
      },
      {
        title: 'an account outside the naming convention',
        rooms: [{ name: 'Conf Lobby', device: {} }],
        options: { roomAccountPattern: /^room-/i },
        expect: { name: 'Conf Lobby', kinds: ['naming'] },
      },
    ];

    for (const c of cases) {
      it(c.title, () => {
        const digest = scan(fleet([...healthy, ...(c.rooms ?? [])], c.phones ?? [], c.skus ?? []), c.options);
        assert.deepEqual(kindsOf(digest, c.expect.name), c.expect.kinds);
        const listed = digest.problems.flatMap((p) => p.items.map((i) => i.name));
        assert.deepEqual([...new Set(listed)], [c.expect.name], 'nothing else is reported');
      });
    }
  });

  it('lists every kind, in order, even when empty', () => {
    const digest = scan(fleet([{ name: 'Room Healthy', device: {} }]));
    assert.deepEqual(
      digest.problems.map((p) => p.kind),
      [...FLEET_PROBLEM_KINDS],
    );
    assert.ok(digest.problems.every((p) => p.items.length === 0));
    assert.deepEqual(digest.affected, { rooms: 0, phones: 0, skus: 0, devices: 0 });
  });

  it('says why sign-in fails when the scan can tell', () => {
    const digest = scan(
      fleet([
        { name: 'Room Disabled', enabled: false, device: { signedIn: false } },
        { name: 'Room Offline', device: { online: false } },
        { name: 'Room E3 Only', licences: [{ skuId: SKU.e3 }], device: { signedIn: false } },
        { name: 'Room No Licence', licences: [], device: { signedIn: false } },
        { name: 'Room No Account', noAccount: true, device: { signedIn: false } },
        { name: 'Room Mystery', device: { signedIn: false } },
      ]),
    );
    const causes = Object.fromEntries(items(digest, 'sign-in-failing').map((i) => [i.name, i.params.cause]));
    assert.deepEqual(causes, {
      'Room Disabled': 'account-disabled',
      'Room Offline': 'device-offline',
      'Room E3 Only': 'user-licence',
      'Room No Licence': 'no-room-licence',
      'Room No Account': 'account-missing',
      'Room Mystery': 'unknown',
    });
  });

  it('describes the bad build, the firmware and the seats with the knowledge it used', () => {
    const digest = scan(
      fleet(
        [
          { name: 'Room 4B', device: { version: '5.2.115.0', signedIn: false } },
          { name: 'Room 1A', licences: [{ skuId: SKU.basic }], device: {} },
          { name: 'Room 2C', licences: [{ skuId: SKU.basic }, { skuId: SKU.e3 }], device: {} },
        ],
        [{ person: 'Alice Martin', firmware: '7.1.3.0991', online: false }],
        [{ skuId: SKU.basic, enabled: 25, consumed: 26 }],
      ),
    );
    assert.deepEqual(items(digest, 'bad-build')[0]?.params, {
      version: '5.2.115.0',
      build: '5.2.115.0',
      signIn: 'failing',
    });
    assert.deepEqual(items(digest, 'phone-old-firmware')[0]?.params, {
      model: 'Poly CCX 500',
      version: '7.1.3.0991',
      minimum: '8.0.0.0',
      recommended: '8.1.4.1250',
      issue: '7.1.3.0991',
      belowMinimum: true,
    });
    const seat = items(digest, 'no-free-seat')[0];
    assert.ok(seat);
    assert.equal(seat.subject, `sku:${SKU.basic}`);
    assert.equal(seat.target, null, 'a SKU has no diagnosis to open');
    assert.deepEqual(
      seat.params.rooms.map((r) => r.name),
      ['Room 1A', 'Room 2C'],
    );
    assert.equal(seat.params.consumed - seat.params.enabled, 1);
  });

  it('gives rooms and phones a button to their diagnosis, with the data the verbs read', () => {
    const digest = scan(
      fleet(
        [{ name: 'Room 4B', device: { version: '5.2.115.0', signedIn: false } }],
        [{ person: 'Alice Martin', online: false }],
      ),
    );
    const room = items(digest, 'bad-build')[0];
    assert.deepEqual(room?.target, { verb: DIAGNOSE_VERB, data: { roomId: roomId('Room 4B') } });
    assert.equal(room?.subject, roomId('Room 4B'));
    const phone = items(digest, 'phone-offline')[0];
    assert.deepEqual(phone?.target, {
      verb: PHONE_DIAGNOSE_VERB,
      data: { userId: userId('Alice Martin'), deviceId: phoneDeviceId('Alice Martin') },
    });
    assert.equal(phone?.subject, `phone:${phoneDeviceId('Alice Martin').toLowerCase()}`);
  });

  describe('open cases', () => {
    const facts = () =>
      fleet(
        [
          { name: 'Room 4B', device: { version: '5.2.115.0', signedIn: false } },
          {
            name: 'Room 2C',
            licences: [{ skuId: SKU.basic }, { skuId: SKU.e3 }],
            device: { version: '5.2.115.0' },
          },
          { name: 'Room 5E', licences: [{ skuId: SKU.pro, group: GROUP }], device: {} },
        ],
        [
          { person: 'Alice Martin', firmware: '7.1.3.0991', online: false },
          { person: 'David Leroy', online: false },
        ],
      );

    it('leaves out every problem of a room with an open case, whatever the case of its id', () => {
      const digest = scan(facts(), { openSubjects: new Set([roomId('Room 2C').toUpperCase()]) });
      assert.deepEqual(kindsOf(digest, 'Room 2C'), []);
      assert.deepEqual(names(digest, 'bad-build'), ['Room 4B']);
      assert.equal(digest.alreadyInCase, 1, 'one room, counted once although it had two problems');
    });

    it('leaves out a phone by its device, or by its person when the case has no device', () => {
      const digest = scan(facts(), {
        openSubjects: new Set([
          `phone:${phoneDeviceId('Alice Martin').toLowerCase()}`,
          `phone-user:${userId('David Leroy')}`,
        ]),
      });
      assert.deepEqual(items(digest, 'phone-offline'), []);
      assert.deepEqual(items(digest, 'phone-old-firmware'), []);
      assert.equal(digest.alreadyInCase, 2);
      assert.deepEqual(digest.affected, { rooms: 3, phones: 0, skus: 0, devices: 0 });
    });
  });

  describe('naming convention', () => {
    const rooms: RoomSpec[] = [{ name: 'Room 4A' }, { name: 'Boardroom North' }, { name: 'Conf 12' }];

    it('is checked only when a pattern is set', () => {
      const off = scan(fleet(rooms));
      assert.equal(off.namingChecked, false);
      assert.deepEqual(items(off, 'naming'), []);
      const on = scan(fleet(rooms), { roomAccountPattern: '^(room|boardroom)-[0-9a-z-]+@contoso\\.com$' });
      assert.equal(on.namingChecked, true);
      assert.deepEqual(names(on, 'naming'), ['Conf 12']);
      assert.deepEqual(items(on, 'naming')[0]?.params, {
        upn: 'conf-12@contoso.com',
        pattern: '^(room|boardroom)-[0-9a-z-]+@contoso\\.com$',
      });
    });

    it('gives the same answer for every room with a global pattern (no lastIndex carried over)', () => {
      const digest = scan(fleet([{ name: 'Room 1' }, { name: 'Room 2' }, { name: 'Room 3' }]), {
        roomAccountPattern: /^room-/g,
      });
      assert.deepEqual(items(digest, 'naming'), []);
    });
  });

  it('reports a bad build added to the data in the next scan', () => {
    const facts = fleet([
      { name: 'Room 4A', device: { version: '5.2.136.1' } },
      { name: 'Room 9Z', device: { version: '5.2.136.1', signedIn: false } },
    ]);
    assert.deepEqual(items(scan(facts), 'bad-build'), []);
    const known = defaultKnowledge.builds.find((b) => b.status === 'bad');
    assert.ok(known);
    const knowledge: Knowledge = {
      ...defaultKnowledge,
      builds: [...defaultKnowledge.builds, { ...known, version: '5.2.136.1' }],
    };
    const digest = scan(facts, {}, knowledge);
    assert.deepEqual(names(digest, 'bad-build'), ['Room 4A', 'Room 9Z']);
    assert.deepEqual(
      items(digest, 'bad-build').map((i) => i.params.signIn),
      ['ok', 'failing'],
    );
    assert.deepEqual(items(digest, 'sign-in-failing'), [], 'the new bad build explains the failing sign-in');
  });

  it('counts the versions it read and finds nothing version-based on devices it did not read', () => {
    const digest = scan(
      fleet(
        [
          { name: 'Room Read', device: { version: '5.2.115.0' } },
          { name: 'Room Skipped', device: { version: '5.2.115.0', skipped: true } },
        ],
        [{ person: 'Phone Skipped', firmware: '7.1.3.0991', skipped: true }],
      ),
    );
    assert.deepEqual(names(digest, 'bad-build'), ['Room Read']);
    assert.deepEqual(items(digest, 'phone-old-firmware'), []);
    assert.deepEqual(digest.totals, {
      rooms: 2,
      roomAccounts: 2,
      devices: 3,
      roomDevices: 2,
      phones: 1,
      versionsRead: 1,
    });
  });

  it('reports an offline device from the list alone when its health was not read', () => {
    const facts = fleet(
      [{ name: 'Room Dark', device: { online: false, skipped: true } }],
      [{ person: 'Bob Offline', online: false, skipped: true }],
    );
    const digest = scan(facts);
    assert.deepEqual(names(digest, 'sign-in-failing'), ['Room Dark']);
    assert.deepEqual(names(digest, 'phone-offline'), ['Bob Offline · Poly CCX 500']);
  });

  it('still reports the licence anomalies when the Teams devices could not be listed', () => {
    const facts: FleetFacts = {
      ...fleet([
        {
          name: 'Room 2C',
          licences: [{ skuId: SKU.basic }, { skuId: SKU.e3 }],
          device: { version: '5.2.115.0' },
        },
        { name: 'Room 3D', licences: [{ skuId: SKU.standard }] },
      ]),
      devices: null,
      gaps: [{ source: 'teams-devices', reason: 'unavailable' }],
    };
    const digest = scan(facts);
    assert.deepEqual(names(digest, 'user-licence-on-room'), ['Room 2C']);
    assert.deepEqual(names(digest, 'deprecated-sku'), ['Room 3D']);
    assert.deepEqual(items(digest, 'bad-build'), []);
    assert.equal(digest.totals.devices, null);
    assert.equal(digest.totals.versionsRead, null);
    assert.deepEqual(digest.gaps, [{ source: 'teams-devices', reason: 'unavailable' }]);
  });

  it('reports the devices but no licence or name when the accounts could not be read', () => {
    const facts: FleetFacts = {
      ...fleet([
        { name: 'Room 2C', licences: [{ skuId: SKU.e3 }], device: { version: '5.2.115.0', signedIn: false } },
      ]),
      accounts: null,
      gaps: [{ source: 'room-accounts', reason: 'forbidden' }],
    };
    const digest = scan(facts, { roomAccountPattern: /^nothing-matches$/ });
    assert.deepEqual(kindsOf(digest, 'Room 2C'), ['bad-build']);
    assert.equal(digest.namingChecked, false);
    assert.equal(digest.totals.roomAccounts, null);
  });

  it('lists a room once per problem although two devices sign in with its account', () => {
    const facts = fleet([{ name: 'Room 4B', device: { version: '5.2.115.0', signedIn: false } }]);
    const console = facts.devices?.[0];
    assert.ok(console);
    facts.devices?.push({
      ...console,
      device: { ...console.device, id: 'panel-4b', deviceType: 'touchConsole' },
    });
    const digest = scan(facts);
    assert.deepEqual(names(digest, 'bad-build'), ['Room 4B']);
  });
});
