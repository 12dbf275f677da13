import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { ROOM, SKU, at, call, list } from './support/http';

describe('emulator: Graph surface', function () {
  let emu: RunningEmulator;

  before(async () => {
    emu = await startEmulator({ port: 0 });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => emu.reset());

  it('listens on 127.0.0.1 with a random port', () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(emu.url, 'http://127.0.0.1:0');
  });

  it('pages users with $top and an opaque @odata.nextLink until every user is read', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${emu.url}/v1.0/users?$top=5&$select=displayName`;
    let pages = 0;
    while (next) {
      const res = await fetch(next);
      assert.equal(res.status, 200);
      const body = (await res.json()) as {
        value: { id: string; displayName: string }[];
        '@odata.nextLink'?: string;
      };
      assert.ok(body.value.length <= 5);
      seen.push(...body.value.map((u) => u.id));
      next = body['@odata.nextLink'];
      if (next) {
        assert.ok(next.startsWith(`${emu.url}/v1.0/users?`), next);
        assert.match(next, /\$skiptoken=/);
      }
      pages++;
    }
    assert.equal(seen.length, 19, 'the demo tenant has 19 users');
    assert.equal(new Set(seen).size, 19, 'no user is repeated across pages');
    assert.equal(pages, 4);
  });

  it("returns Graph's default user properties without $select, and only the selected ones plus id with it", async () => {
    const plain = await call(emu, `/v1.0/users/${ROOM['4B'].user}`);
    assert.equal(plain.status, 200);
    assert.equal(at(plain.body, 'displayName'), 'Room 4B');
    assert.equal(at(plain.body, 'accountEnabled'), undefined, 'accountEnabled needs $select, as in Graph');
    assert.equal(at(plain.body, 'assignedLicenses'), undefined);

    const selected = await call(
      emu,
      '/v1.0/users/room-6f@contoso.com?$select=usageLocation,accountEnabled,assignedLicenses',
    );
    assert.equal(selected.status, 200);
    const keys = Object.keys(selected.body as object).filter((k) => !k.startsWith('@odata'));
    assert.deepEqual(keys.sort(), ['accountEnabled', 'assignedLicenses', 'id', 'usageLocation']);
    assert.equal(at(selected.body, 'usageLocation'), null);
    assert.equal(at(selected.body, 'assignedLicenses', 0, 'skuId'), SKU.pro);
    assert.match(
      String(at(selected.body, '@odata.context')),
      /#users\(usageLocation,accountEnabled,assignedLicenses\)\/\$entity$/,
    );
  });

  it('rejects an unknown property in $select like Graph', async () => {
    const res = await call(emu, '/v1.0/users?$select=displayName,favouriteColour');
    assert.equal(res.status, 400);
    assert.match(String(at(res.body, 'error', 'message')), /favouriteColour/);
  });

  it('filters users, including lambda filters on assignedLicenses', async () => {
    const byName = await call(emu, "/v1.0/users?$filter=startswith(displayName,'Room')&$select=displayName");
    assert.deepEqual(
      list(byName.body, 'value')
        .map((u) => u.displayName)
        .sort(),
      ['Room 1A', 'Room 2C', 'Room 3D', 'Room 4A', 'Room 4B', 'Room 5E', 'Room 6F', 'Room 7G', 'Room 8H'],
    );
    const basic = await call(
      emu,
      `/v1.0/users?$filter=assignedLicenses/any(x:x/skuId eq ${SKU.basic})&$select=userPrincipalName`,
    );
    assert.deepEqual(
      list(basic.body, 'value')
        .map((u) => u.userPrincipalName)
        .sort(),
      ['room-1a@contoso.com', 'room-2c@contoso.com'],
    );
    // Group-based licences show in assignedLicenses too.
    const pro = await call(
      emu,
      `/v1.0/users?$filter=assignedLicenses/any(x:x/skuId eq ${SKU.pro})&$select=userPrincipalName`,
    );
    assert.ok(list(pro.body, 'value').some((u) => u.userPrincipalName === 'room-5e@contoso.com'));
    const upn = await call(emu, "/v1.0/users?$filter=userPrincipalName eq 'ROOM-4B@contoso.com'");
    assert.equal(list(upn.body, 'value').length, 1, 'string equality is case-insensitive');
  });

  it('needs an advanced query (ConsistencyLevel: eventual and $count=true) for ne and not on users', async () => {
    const plain = await call(emu, "/v1.0/users?$filter=usageLocation ne 'FR'");
    assert.equal(plain.status, 400);
    assert.equal(at(plain.body, 'error', 'code'), 'Request_UnsupportedQuery');
    const advanced = await call(
      emu,
      "/v1.0/users?$filter=usageLocation ne 'FR'&$count=true&$select=displayName",
      {
        headers: { ConsistencyLevel: 'eventual' },
      },
    );
    assert.equal(advanced.status, 200);
    assert.equal(at(advanced.body, '@odata.count'), 1);
    assert.equal(at(advanced.body, 'value', 0, 'displayName'), 'Room 6F');
  });

  it('returns @odata.count only with ConsistencyLevel: eventual on directory objects', async () => {
    const without = await call(emu, '/v1.0/users?$count=true');
    assert.equal(without.status, 400);
    const withHeader = await call(emu, '/v1.0/users?$count=true&$top=3', {
      headers: { ConsistencyLevel: 'eventual' },
    });
    assert.equal(withHeader.status, 200);
    assert.equal(at(withHeader.body, '@odata.count'), 19);
    assert.equal(list(withHeader.body, 'value').length, 3);
  });

  it('rejects $top outside 1..999 on users', async () => {
    assert.equal((await call(emu, '/v1.0/users?$top=1000')).status, 400);
    assert.equal((await call(emu, '/v1.0/users?$top=abc')).status, 400);
  });

  it("finds the console's Entra device by displayName, the Teams device host name", async () => {
    const cfg = await call(emu, `/beta/teamwork/devices/${ROOM['4B'].device}/configuration`);
    const host = String(at(cfg.body, 'systemConfiguration', 'networkConfiguration', 'hostName'));
    assert.equal(host, 'MTR-HQ-4B');
    const devices = await call(emu, `/v1.0/devices?$filter=displayName eq '${host}'`);
    assert.equal(devices.status, 200);
    const [device] = list(devices.body, 'value');
    assert.equal(device?.displayName, host);
    assert.equal(device?.trustType, 'AzureAd');
    const one = await call(emu, `/v1.0/devices/${String(device?.id)}`);
    assert.equal(at(one.body, 'deviceId'), device?.deviceId);
  });

  it('serves rooms, room lists, a place by id or email, and the rooms of a list by its email', async () => {
    const rooms = await call(emu, '/v1.0/places/microsoft.graph.room');
    assert.equal(list(rooms.body, 'value').length, 11);
    const lists = await call(emu, '/v1.0/places/microsoft.graph.roomList');
    assert.deepEqual(
      list(lists.body, 'value')
        .map((l) => l.displayName)
        .sort(),
      ['Annex', 'HQ'],
    );
    const byEmail = await call(emu, '/v1.0/places/room-4b@contoso.com');
    assert.equal(at(byEmail.body, '@odata.type'), '#microsoft.graph.room');
    assert.equal(at(byEmail.body, 'building'), 'HQ');
    assert.equal(at(byEmail.body, 'floorNumber'), 4);
    const byId = await call(emu, `/v1.0/places/${String(at(byEmail.body, 'id'))}`);
    assert.equal(at(byId.body, 'emailAddress'), 'room-4b@contoso.com');
    const annex = await call(emu, '/v1.0/places/annex-rooms@contoso.com/microsoft.graph.roomList/rooms');
    assert.deepEqual(
      list(annex.body, 'value')
        .map((r) => r.displayName)
        .sort(),
      ['Boardroom South', 'Room 5E', 'Room 6F', 'Room 7G', 'Room 8H'],
    );
    const notAList = await call(emu, '/v1.0/places/room-4b@contoso.com/microsoft.graph.roomList/rooms');
    assert.equal(notAList.status, 404);
  });

  it("rejects a path that is not in the OpenAPI subset with Graph's BadRequest", async () => {
    for (const [path, segment] of [
      ['/v1.0/me', 'me'],
      ['/v1.0/users/x/memberOf', 'memberOf'],
      ['/v1.0/teamwork/devices', 'teamwork'],
      ['/beta/users', 'users'],
      ['/v1.0/places', 'places'],
    ] as const) {
      const res = await call(emu, path);
      assert.equal(res.status, 400, path);
      assert.equal(at(res.body, 'error', 'code'), 'BadRequest');
      assert.equal(at(res.body, 'error', 'message'), `Resource not found for the segment '${segment}'.`);
    }
    const version = await call(emu, '/v2.0/users');
    assert.equal(version.status, 400);
  });

  it('answers 405 for a method the path does not define', async () => {
    const res = await call(emu, '/v1.0/users', { method: 'DELETE' });
    assert.equal(res.status, 405);
    const restartGet = await call(emu, `/beta/teamwork/devices/${ROOM['4B'].device}/restart`);
    assert.equal(restartGet.status, 405);
  });

  it("answers 404 with Graph's codes for unknown ids", async () => {
    const user = await call(emu, '/v1.0/users/nobody@contoso.com');
    assert.equal(user.status, 404);
    assert.equal(at(user.body, 'error', 'code'), 'Request_ResourceNotFound');
    assert.equal(
      at(user.body, 'error', 'message'),
      "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.",
    );
    const device = await call(emu, '/v1.0/devices/00000000-0000-0000-0000-000000000000');
    assert.equal(at(device.body, 'error', 'code'), 'Request_ResourceNotFound');
    const teams = await call(emu, '/beta/teamwork/devices/nope/health');
    assert.equal(teams.status, 404);
    assert.equal(at(teams.body, 'error', 'code'), 'NotFound');
  });

  it('sends request-id on every response and echoes client-request-id, also in the error body', async () => {
    const res = await call(emu, '/v1.0/users/nobody', { headers: { 'client-request-id': 'abc-123' } });
    const requestId = res.headers.get('request-id') ?? '';
    assert.match(requestId, /^[0-9a-f-]{36}$/);
    assert.equal(res.headers.get('client-request-id'), 'abc-123');
    assert.equal(at(res.body, 'error', 'innerError', 'request-id'), requestId);
    assert.equal(at(res.body, 'error', 'innerError', 'client-request-id'), 'abc-123');
    const ok = await call(emu, '/v1.0/subscribedSkus');
    assert.match(ok.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('accepts any Authorization header, or none', async () => {
    assert.equal(
      (await call(emu, '/v1.0/subscribedSkus', { headers: { Authorization: 'Bearer whatever' } })).status,
      200,
    );
    assert.equal((await call(emu, '/v1.0/subscribedSkus')).status, 200);
  });

  it('refuses query options the operation does not declare or the emulator does not implement', async () => {
    assert.equal((await call(emu, '/v1.0/users?$skip=2')).status, 400, 'Graph users do not support $skip');
    assert.equal((await call(emu, '/v1.0/users?$expand=manager')).status, 400);
    assert.equal((await call(emu, '/v1.0/subscribedSkus?$skip=2')).status, 200);
  });

  it('lists Teams devices 50 at most per page and filters only on the properties Graph allows', async () => {
    const all = await call(emu, '/beta/teamwork/devices?$top=500');
    assert.equal(list(all.body, 'value').length, 15);
    const rooms = await call(emu, "/beta/teamwork/devices?$filter=deviceType eq 'teamsRoom'");
    assert.equal(list(rooms.body, 'value').length, 10);
    const byUser = await call(emu, `/beta/teamwork/devices?$filter=currentUser/id eq '${ROOM['4B'].user}'`);
    assert.deepEqual(
      list(byUser.body, 'value').map((d) => d.id),
      [ROOM['4B'].device],
    );
    const byUnique = await call(
      emu,
      "/beta/teamwork/devices?$filter=hardwareDetail/uniqueId eq 'MTR-HQ-4B-0402'",
    );
    assert.equal(list(byUnique.body, 'value').length, 1);
    const refused = await call(emu, "/beta/teamwork/devices?$filter=healthStatus eq 'critical'");
    assert.equal(refused.status, 400);
    assert.match(String(at(refused.body, 'error', 'message')), /healthStatus/);
    const paged = await call(emu, '/beta/teamwork/devices?$top=4');
    assert.equal(list(paged.body, 'value').length, 4);
    assert.ok(at(paged.body, '@odata.nextLink'));
  });

  it('derives licenseDetails from the assignments, with Disabled plans where disabledPlans says so', async () => {
    const details = await call(emu, '/v1.0/users/room-2c@contoso.com/licenseDetails');
    const skus = list(details.body, 'value')
      .map((d) => d.skuPartNumber)
      .sort();
    assert.deepEqual(skus, ['ENTERPRISEPACK', 'Microsoft_Teams_Rooms_Basic']);
    for (const d of list(details.body, 'value')) {
      for (const p of d.servicePlans as { provisioningStatus: string }[])
        assert.equal(p.provisioningStatus, 'Success');
    }
    const teams1 = '57ff2da0-773e-42df-b2af-ffb7a2317929';
    const assigned = await call(emu, '/v1.0/users/leo.dupont@contoso.com/assignLicense', {
      method: 'POST',
      body: { addLicenses: [{ skuId: SKU.e3, disabledPlans: [teams1] }], removeLicenses: [] },
    });
    assert.equal(assigned.status, 200);
    const after = await call(emu, '/v1.0/users/leo.dupont@contoso.com/licenseDetails');
    const plans = list(after.body, 'value', 0, 'servicePlans');
    assert.equal(plans.find((p) => p.servicePlanId === teams1)?.provisioningStatus, 'Disabled');
    assert.equal(
      plans.find((p) => p.servicePlanName === 'EXCHANGE_S_ENTERPRISE')?.provisioningStatus,
      'Success',
    );
    const one = await call(
      emu,
      `/v1.0/users/leo.dupont@contoso.com/licenseDetails/${String(at(after.body, 'value', 0, 'id'))}`,
    );
    assert.equal(at(one.body, 'skuId'), SKU.e3);
  });

  it('shows PendingProvisioning for a fresh assignment while provisioningDelayMs has not passed', async () => {
    const slow = await startEmulator({ provisioningDelayMs: 5 * 60_000 });
    try {
      await call(slow, '/v1.0/users/leo.dupont@contoso.com/assignLicense', {
        method: 'POST',
        body: { addLicenses: [{ skuId: SKU.mcoev, disabledPlans: [] }], removeLicenses: [] },
      });
      const statusOf = async (): Promise<unknown> => {
        const d = await call(slow, '/v1.0/users/leo.dupont@contoso.com/licenseDetails');
        const mcoev = list(d.body, 'value').find((x) => x.skuId === SKU.mcoev);
        return at(mcoev, 'servicePlans', 0, 'provisioningStatus');
      };
      assert.equal(await statusOf(), 'PendingProvisioning');
      slow.clock.advance(5 * 60_000);
      assert.equal(await statusOf(), 'Success');
    } finally {
      await slow.close();
    }
  });

  it('gets a subscribedSku by its tenant-qualified id', async () => {
    const res = await call(emu, `/v1.0/subscribedSkus/c0a70000-0000-4000-8000-000000000000_${SKU.pro}`);
    assert.equal(res.status, 200);
    assert.equal(at(res.body, 'skuPartNumber'), 'Microsoft_Teams_Rooms_Pro');
    assert.equal((await call(emu, `/v1.0/subscribedSkus/${SKU.pro}`)).status, 404);
  });
});

describe('emulator: helpdesk membership through $expand=memberOf', function () {
  this.timeout(20_000);
  it('lists the direct groups of a user, and refuses other expansions', async () => {
    const e = await startEmulator({ port: 0 });
    try {
      const anna = await fetch(
        `${e.url}/v1.0/users/anna.helpdesk@contoso.com?$select=id&$expand=memberOf($select=id)`,
      );
      const body = (await anna.json()) as { memberOf?: { id: string }[] };
      assert.deepEqual(
        body.memberOf?.map((g) => g.id),
        ['f0000000-0000-4000-8000-000000000001'],
      );
      const leo = (await (
        await fetch(`${e.url}/v1.0/users/leo.dupont@contoso.com?$select=id&$expand=memberOf($select=id)`)
      ).json()) as { memberOf?: unknown[] };
      assert.deepEqual(leo.memberOf, []);
      const other = await fetch(`${e.url}/v1.0/users/leo.dupont@contoso.com?$expand=manager`);
      assert.equal(other.status, 400);
    } finally {
      await e.close();
    }
  });
});
