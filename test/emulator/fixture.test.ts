import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  FixtureError,
  loadDemoTenant,
  loadFixtureFile,
  startEmulator,
  validateFixture,
  type FixtureTeamworkDevice,
  type TenantFixture,
} from '../../emulator';
import { SKU, at, call, list } from './support/http';

const fx = loadDemoTenant();
const user = (upn: string) => {
  const u = fx.users.find((x) => x.userPrincipalName === upn);
  assert.ok(u, upn);
  return u;
};
const directSkus = (upn: string) =>
  user(upn)
    .assignedLicenses.map((l) => l.skuId)
    .sort();
const deviceOf = (upn: string): FixtureTeamworkDevice | undefined =>
  fx.teamworkDevices.find((d) => d.currentUser?.id === user(upn).id);
const version = (d: FixtureTeamworkDevice | undefined) =>
  at(d?.configuration, 'softwareVersions', 'teamsClientSoftwareVersion');
const teams = (d: FixtureTeamworkDevice | undefined) =>
  at(d?.health, 'loginStatus', 'teamsConnection', 'connectionStatus');

describe('emulator: demo tenant fixture', () => {
  it('is contoso.com with the DESIGN.md rooms, in their buildings and floors', () => {
    assert.equal(fx.tenant.domain, 'contoso.com');
    const rooms = Object.fromEntries(
      fx.rooms.map((r) => [r.displayName, [r.emailAddress, r.building, r.floorNumber]]),
    );
    assert.deepEqual(rooms, {
      'Room 4B': ['room-4b@contoso.com', 'HQ', 4],
      'Room 4A': ['room-4a@contoso.com', 'HQ', 4],
      'Room 2C': ['room-2c@contoso.com', 'HQ', 2],
      'Room 3D': ['room-3d@contoso.com', 'HQ', 3],
      'Room 5E': ['room-5e@contoso.com', 'Annex', 5],
      'Room 6F': ['room-6f@contoso.com', 'Annex', 6],
      'Room 1A': ['room-1a@contoso.com', 'HQ', 1],
      'Boardroom North': ['boardroom-n@contoso.com', 'HQ', 9],
      'Boardroom South': ['boardroom-s@contoso.com', 'Annex', 9],
      'Room 7G': ['room-7g@contoso.com', 'Annex', 7],
      'Room 8H': ['room-8h@contoso.com', 'Annex', 8],
    });
    assert.deepEqual(fx.roomLists.map((l) => l.displayName).sort(), ['Annex', 'HQ']);
  });

  it('gives each room account the licence and device state of its scenario', () => {
    assert.deepEqual(directSkus('room-4b@contoso.com'), [SKU.pro]);
    const d4b = deviceOf('room-4b@contoso.com');
    assert.equal(version(d4b), '5.2.115.0');
    assert.equal(teams(d4b), 'disconnected');
    assert.equal(d4b?.hardwareDetail.manufacturer, 'Logitech');
    assert.equal(d4b?.hardwareDetail.model, 'Tap');
    assert.equal(d4b?.emulator?.licenceBug, true);

    assert.deepEqual(directSkus('room-4a@contoso.com'), [SKU.pro]);
    assert.equal(version(deviceOf('room-4a@contoso.com')), '5.2.136.1');
    assert.equal(teams(deviceOf('room-4a@contoso.com')), 'connected');

    assert.deepEqual(directSkus('room-2c@contoso.com'), [SKU.basic, SKU.e3].sort());
    assert.equal(version(deviceOf('room-2c@contoso.com')), '5.2.115.0');

    assert.deepEqual(directSkus('room-3d@contoso.com'), [SKU.meetingRoom]);
    assert.equal(version(deviceOf('room-3d@contoso.com')), '5.1.111.0');
    assert.equal(teams(deviceOf('room-3d@contoso.com')), 'connected');

    assert.deepEqual(directSkus('room-5e@contoso.com'), [], 'licensed through the group only');
    const group = fx.groups.find((g) => g.displayName === 'MTR Licences');
    assert.deepEqual(group?.members, [user('room-5e@contoso.com').id]);
    assert.deepEqual(
      group?.assignedLicenses.map((l) => l.skuId),
      [SKU.pro],
    );

    assert.equal(user('room-6f@contoso.com').usageLocation, null);
    assert.deepEqual(directSkus('room-1a@contoso.com'), [SKU.basic]);
    assert.equal(user('room-7g@contoso.com').accountEnabled, false);
    assert.equal(deviceOf('room-8h@contoso.com'), undefined, 'Room 8H has no Teams device');
    assert.deepEqual(directSkus('room-8h@contoso.com'), [SKU.pro]);
    for (const upn of ['boardroom-n@contoso.com', 'boardroom-s@contoso.com']) {
      assert.deepEqual(directSkus(upn), [SKU.pro]);
      assert.equal(teams(deviceOf(upn)), 'connected');
    }
    for (const u of fx.users)
      if (u.userPrincipalName !== 'room-6f@contoso.com') assert.equal(u.usageLocation, 'FR');
  });

  it('has the phones and people of DESIGN.md', () => {
    const phone = (upn: string) => {
      const d = deviceOf(upn);
      return [
        d?.deviceType,
        d?.hardwareDetail.manufacturer,
        d?.hardwareDetail.model,
        at(d?.configuration, 'softwareVersions', 'firmwareSoftwareVersion'),
        at(d?.health, 'connection', 'connectionStatus'),
        teams(d),
      ];
    };
    assert.deepEqual(phone('alice.martin@contoso.com'), [
      'ipPhone',
      'Poly',
      'CCX 500',
      '7.1.3.0991',
      'disconnected',
      'disconnected',
    ]);
    assert.deepEqual(phone('bob.durand@contoso.com'), [
      'ipPhone',
      'Poly',
      'CCX 500',
      '8.1.4.1250',
      'connected',
      'connected',
    ]);
    assert.deepEqual(phone('chloe.petit@contoso.com'), [
      'ipPhone',
      'Poly',
      'CCX 500',
      '8.1.4.1250',
      'connected',
      'disconnected',
    ]);
    assert.deepEqual(phone('david.leroy@contoso.com'), [
      'ipPhone',
      'Poly',
      'CCX 500',
      '8.1.4.1250',
      'disconnected',
      'disconnected',
    ]);
    assert.deepEqual(phone('reception@contoso.com'), [
      'ipPhone',
      'Poly',
      'CCX 400',
      '8.1.4.1250',
      'connected',
      'connected',
    ]);
    assert.deepEqual(directSkus('alice.martin@contoso.com'), [SKU.e3, SKU.mcoev].sort());
    assert.deepEqual(directSkus('chloe.petit@contoso.com'), [SKU.e3]);
    assert.equal(user('david.leroy@contoso.com').accountEnabled, false);
    assert.deepEqual(directSkus('reception@contoso.com'), [SKU.mcocap]);
    assert.equal(user('chloe.petit@contoso.com').displayName, 'Chloé Petit');
    assert.equal(
      at(
        deviceOf('alice.martin@contoso.com')?.health,
        'softwareUpdateHealth',
        'firmwareSoftwareUpdateStatus',
        'availableVersion',
      ),
      '8.1.4.1250',
    );
    const helpdesk = fx.groups.find((g) => g.displayName === 'Helpdesk');
    assert.deepEqual(
      helpdesk?.members.sort(),
      [user('anna.helpdesk@contoso.com').id, user('marc.helpdesk@contoso.com').id].sort(),
    );
    assert.equal(user('leo.dupont@contoso.com').displayName, 'Léo Dupont');
  });

  it('links every Teams device to an Entra device by host name = displayName', () => {
    for (const d of fx.teamworkDevices) {
      const host = at(d.configuration, 'systemConfiguration', 'networkConfiguration', 'hostName');
      assert.equal(fx.devices.filter((e) => e.displayName === host).length, 1, String(host));
      if (d.deviceType === 'teamsRoom') {
        assert.equal(
          at(d.health, 'softwareUpdateHealth', 'teamsClientSoftwareUpdateStatus', 'currentVersion'),
          version(d),
        );
        assert.equal(
          d.currentUser?.userPrincipalName,
          fx.users.find((u) => u.id === d.currentUser?.id)?.userPrincipalName,
        );
      }
    }
  });

  it('uses the SKU ids of FACTS.md, and MCOEV inside Teams Shared Devices', () => {
    const byPart = Object.fromEntries(fx.subscribedSkus.map((s) => [s.skuPartNumber, s]));
    assert.equal(byPart.Microsoft_Teams_Rooms_Basic?.skuId, SKU.basic);
    assert.equal(byPart.Microsoft_Teams_Rooms_Pro?.skuId, SKU.pro);
    assert.equal(byPart.MEETING_ROOM?.skuId, SKU.meetingRoom);
    assert.equal(byPart.ENTERPRISEPACK?.skuId, SKU.e3);
    assert.equal(byPart.MCOEV?.skuId, SKU.mcoev);
    assert.equal(byPart.MCOCAP?.skuId, SKU.mcocap);
    const mcoevPlan = '4828c8ec-dc2e-4779-b502-87ac9ce28ab7';
    assert.deepEqual(
      byPart.MCOEV?.servicePlans.map((p) => p.servicePlanId),
      [mcoevPlan],
    );
    assert.ok(
      byPart.MCOCAP?.servicePlans.some((p) => p.servicePlanId === mcoevPlan && p.servicePlanName === 'MCOEV'),
    );
  });

  it('loadDemoTenant returns a fresh copy each time', () => {
    const a = loadDemoTenant();
    a.users.length = 0;
    assert.equal(loadDemoTenant().users.length, 19);
  });

  it('reports every inconsistency of a bad fixture', () => {
    const bad = loadDemoTenant() as unknown as Record<string, unknown> & TenantFixture;
    bad.users[0]!.assignedLicenses.push({ skuId: '99999999-9999-4999-8999-999999999999', disabledPlans: [] });
    bad.teamworkDevices[0]!.currentUser = { id: 'ghost', displayName: 'Ghost' };
    bad.rooms[0]!.emulator.roomList = 'nowhere@contoso.com';
    assert.throws(
      () => validateFixture(bad),
      (e: unknown) => {
        assert.ok(e instanceof FixtureError);
        assert.match(e.message, /99999999-9999-4999-8999-999999999999/);
        assert.match(e.message, /ghost/);
        assert.match(e.message, /roomList/);
        return true;
      },
    );
    assert.throws(() => validateFixture({ tenant: 1 }), FixtureError);
    const file = path.join(os.tmpdir(), `emulator-fixture-${process.pid}.json`);
    fs.writeFileSync(file, '{ not json');
    try {
      assert.throws(() => loadFixtureFile(file), /not valid JSON/);
    } finally {
      fs.rmSync(file, { force: true });
    }
    assert.throws(() => loadFixtureFile('/nonexistent/fixture.json'), /Cannot read the fixture/);
  });

  it('serves a custom fixture; a big one pages Teams devices by 50', async () => {
    const big = loadDemoTenant();
    const template = big.teamworkDevices.find((d) => d.deviceType === 'ipPhone');
    assert.ok(template);
    for (let i = 0; i < 120; i++)
      big.teamworkDevices.push({ ...structuredClone(template), id: `extra-${i}` });
    const emu = await startEmulator({ fixture: big });
    try {
      const first = await call(emu, '/beta/teamwork/devices');
      assert.equal(list(first.body, 'value').length, 50);
      const asked = await call(emu, '/beta/teamwork/devices?$top=80');
      assert.equal(list(asked.body, 'value').length, 50, 'never more than 50 per page');
      let next = at(first.body, '@odata.nextLink') as string | undefined;
      let total = 50;
      while (next) {
        const page = (await (await fetch(next)).json()) as { value: unknown[]; '@odata.nextLink'?: string };
        total += page.value.length;
        next = page['@odata.nextLink'];
      }
      assert.equal(total, 135);
    } finally {
      await emu.close();
    }
  });
});
