import assert from 'node:assert/strict';
import { loadDemoTenant, startEmulator, type RunningEmulator } from '../../emulator';
import { ROOM, SKU, TENANT_ID, at, call, list } from './support/http';
import { openApiChecker } from './support/openapi-validator';

type Version = 'v1.0' | 'beta';

describe('emulator: responses validate against the OpenAPI subsets', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  const checker = openApiChecker();
  const checked = new Set<string>();

  before(async () => {
    emu = await startEmulator({ port: 0, operationDurationMs: 1000 });
  });
  after(async () => {
    await emu.close();
  });

  /** Calls the emulator and validates the body against the schema of `template`'s operation for the status. */
  async function expectValid(
    version: Version,
    template: string,
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
    expectedStatus?: number,
  ): Promise<unknown> {
    const method = init.method ?? 'GET';
    const res = await call(emu, `/${version}${path}`, init);
    if (expectedStatus !== undefined)
      assert.equal(res.status, expectedStatus, `${method} ${path}: ${JSON.stringify(res.body)}`);
    // Graph answers PATCH with 204 and no body, although the description allows a user in 2XX.
    if (res.status === 204) {
      assert.equal(res.body, undefined);
    } else {
      const error = checker.check(version, template, method, res.status, res.body);
      assert.equal(
        error,
        null,
        `${method} ${path} (${res.status}) does not match ${template}:\n${error}\n${String(JSON.stringify(res.body)).slice(0, 800)}`,
      );
    }
    checked.add(`${version} ${method} ${template}`);
    return res.body;
  }

  it('the validator itself rejects a wrong body', () => {
    assert.notEqual(
      checker.check('v1.0', '/users/{user-id}', 'GET', 200, { id: 'x' }),
      null,
      '@odata.type is required',
    );
    assert.notEqual(
      checker.check('beta', '/teamwork/devices/{teamworkDevice-id}', 'GET', 200, {
        '@odata.type': '#microsoft.graph.teamworkDevice',
        id: 'x',
        deviceType: 'toaster',
      }),
      null,
      'deviceType is an enum',
    );
    assert.notEqual(checker.check('v1.0', '/users/{user-id}', 'GET', 404, { message: 'x' }), null);
    assert.notEqual(
      checker.check('v1.0', '/users', 'GET', 200, { value: [{ id: 'x' }] }),
      null,
      'items are checked',
    );
    const user = { '@odata.type': '#microsoft.graph.user', id: 'x', usageLocation: null };
    assert.equal(checker.check('v1.0', '/users/{user-id}', 'GET', 200, user), null, 'nullable is honoured');
    assert.notEqual(
      checker.check('v1.0', '/users/{user-id}', 'GET', 200, {
        ...user,
        assignedLicenses: [{ skuId: 'not-a-guid' }],
      }),
      null,
      'nested complex values are checked',
    );
  });

  it('users', async () => {
    const fx = loadDemoTenant();
    const page = await expectValid('v1.0', '/users', '/users?$top=3');
    assert.ok(at(page, '@odata.nextLink'));
    await expectValid(
      'v1.0',
      '/users',
      "/users?$filter=startswith(displayName,'Room')&$select=displayName,accountEnabled,assignedLicenses,licenseAssignmentStates,usageLocation",
    );
    await expectValid('v1.0', '/users', '/users?$count=true&$top=999', {
      headers: { ConsistencyLevel: 'eventual' },
    });
    for (const u of fx.users) {
      await expectValid(
        'v1.0',
        '/users/{user-id}',
        `/users/${u.id}?$select=id,displayName,userPrincipalName,mail,accountEnabled,usageLocation,assignedLicenses,licenseAssignmentStates,givenName,surname,createdDateTime,businessPhones`,
        {},
        200,
      );
      await expectValid(
        'v1.0',
        '/users/{user-id}',
        `/users/${encodeURIComponent(u.userPrincipalName)}`,
        {},
        200,
      );
      const details = await expectValid(
        'v1.0',
        '/users/{user-id}/licenseDetails',
        `/users/${u.id}/licenseDetails`,
        {},
        200,
      );
      for (const d of list(details, 'value')) {
        await expectValid(
          'v1.0',
          '/users/{user-id}/licenseDetails/{licenseDetails-id}',
          `/users/${u.id}/licenseDetails/${String(d.id)}`,
          {},
          200,
        );
      }
    }
    await expectValid('v1.0', '/users/{user-id}', '/users/nobody@contoso.com', {}, 404);
    await expectValid('v1.0', '/users', "/users?$filter=usageLocation ne 'FR'", {}, 400);
    await expectValid(
      'v1.0',
      '/users/{user-id}',
      '/users/room-6f@contoso.com',
      { method: 'PATCH', body: { usageLocation: 'FR' } },
      204,
    );
    await expectValid(
      'v1.0',
      '/users/{user-id}',
      '/users/room-6f@contoso.com',
      { method: 'PATCH', body: { usageLocation: 12 } },
      400,
    );
  });

  it('assignLicense, success and every error', async () => {
    const post = (user: string, body: unknown) => ({ method: 'POST', body, headers: {} }) as const;
    const t = '/users/{user-id}/assignLicense';
    await expectValid(
      'v1.0',
      t,
      '/users/room-4b@contoso.com/assignLicense',
      post('', { addLicenses: [], removeLicenses: [SKU.pro] }),
      200,
    );
    await expectValid(
      'v1.0',
      t,
      '/users/room-4b@contoso.com/assignLicense',
      post('', { addLicenses: [{ skuId: SKU.pro, disabledPlans: [] }], removeLicenses: [] }),
      200,
    );
    await expectValid(
      'v1.0',
      t,
      '/users/room-4a@contoso.com/assignLicense',
      post('', { addLicenses: [{ skuId: SKU.basic, disabledPlans: [] }], removeLicenses: [] }),
      400,
    );
    await expectValid(
      'v1.0',
      t,
      '/users/room-5e@contoso.com/assignLicense',
      post('', { addLicenses: [], removeLicenses: [SKU.pro] }),
      400,
    );
    await expectValid(
      'v1.0',
      t,
      '/users/room-8h@contoso.com/assignLicense',
      post('', { addLicenses: [] }),
      400,
    );
    await expectValid(
      'v1.0',
      t,
      '/users/nobody@contoso.com/assignLicense',
      post('', { addLicenses: [], removeLicenses: [] }),
      404,
    );
    emu.reset();
  });

  it('subscribedSkus', async () => {
    const skus = await expectValid('v1.0', '/subscribedSkus', '/subscribedSkus', {}, 200);
    assert.equal(list(skus, 'value').length, 6);
    for (const s of list(skus, 'value')) {
      await expectValid(
        'v1.0',
        '/subscribedSkus/{subscribedSku-id}',
        `/subscribedSkus/${String(s.id)}`,
        {},
        200,
      );
    }
    await expectValid(
      'v1.0',
      '/subscribedSkus/{subscribedSku-id}',
      `/subscribedSkus/${TENANT_ID}_00000000-0000-0000-0000-000000000000`,
      {},
      404,
    );
  });

  it('Entra devices', async () => {
    const devices = await expectValid('v1.0', '/devices', '/devices', {}, 200);
    for (const d of list(devices, 'value')) {
      await expectValid('v1.0', '/devices/{device-id}', `/devices/${String(d.id)}`, {}, 200);
    }
    await expectValid(
      'v1.0',
      '/devices',
      "/devices?$filter=displayName eq 'MTR-HQ-4B'&$select=displayName,accountEnabled,trustType,approximateLastSignInDateTime",
      {},
      200,
    );
    await expectValid('v1.0', '/devices/{device-id}', '/devices/nope', {}, 404);
  });

  it('places', async () => {
    const rooms = await expectValid(
      'v1.0',
      '/places/microsoft.graph.room',
      '/places/microsoft.graph.room',
      {},
      200,
    );
    const lists = await expectValid(
      'v1.0',
      '/places/microsoft.graph.roomList',
      '/places/microsoft.graph.roomList',
      {},
      200,
    );
    for (const r of list(rooms, 'value')) {
      await expectValid('v1.0', '/places/{place-id}', `/places/${String(r.id)}`, {}, 200);
      await expectValid('v1.0', '/places/{place-id}', `/places/${String(r.emailAddress)}`, {}, 200);
      await expectValid(
        'v1.0',
        '/places/{place-id}/microsoft.graph.room',
        `/places/${String(r.id)}/microsoft.graph.room`,
        {},
        200,
      );
    }
    for (const l of list(lists, 'value')) {
      const email = String(l.emailAddress);
      await expectValid('v1.0', '/places/{place-id}', `/places/${email}`, {}, 200);
      await expectValid(
        'v1.0',
        '/places/{place-id}/microsoft.graph.roomList',
        `/places/${email}/microsoft.graph.roomList`,
        {},
        200,
      );
      const inList = await expectValid(
        'v1.0',
        '/places/{place-id}/microsoft.graph.roomList/rooms',
        `/places/${email}/microsoft.graph.roomList/rooms`,
        {},
        200,
      );
      const first = list(inList, 'value')[0];
      await expectValid(
        'v1.0',
        '/places/{place-id}/microsoft.graph.roomList/rooms/{room-id}',
        `/places/${email}/microsoft.graph.roomList/rooms/${String(first?.id)}`,
        {},
        200,
      );
    }
    await expectValid('v1.0', '/places/{place-id}', '/places/nowhere@contoso.com', {}, 404);
  });

  it('Teams devices: list, device, health, configuration, activity, operations', async () => {
    const devices = await expectValid('beta', '/teamwork/devices', '/teamwork/devices', {}, 200);
    assert.equal(list(devices, 'value').length, 15);
    await expectValid(
      'beta',
      '/teamwork/devices',
      "/teamwork/devices?$filter=deviceType eq 'ipPhone'",
      {},
      200,
    );
    await expectValid('beta', '/teamwork/devices', "/teamwork/devices?$filter=displayName eq 'x'", {}, 400);
    for (const d of list(devices, 'value')) {
      const id = String(d.id);
      await expectValid('beta', '/teamwork/devices/{teamworkDevice-id}', `/teamwork/devices/${id}`, {}, 200);
      await expectValid(
        'beta',
        '/teamwork/devices/{teamworkDevice-id}/health',
        `/teamwork/devices/${id}/health`,
        {},
        200,
      );
      await expectValid(
        'beta',
        '/teamwork/devices/{teamworkDevice-id}/configuration',
        `/teamwork/devices/${id}/configuration`,
        {},
        200,
      );
      await expectValid(
        'beta',
        '/teamwork/devices/{teamworkDevice-id}/activity',
        `/teamwork/devices/${id}/activity`,
        {},
        200,
      );
    }
    const dev = ROOM['4A'].device;
    await expectValid(
      'beta',
      '/teamwork/devices/{teamworkDevice-id}/restart',
      `/teamwork/devices/${dev}/restart`,
      { method: 'POST' },
      202,
    );
    await expectValid(
      'beta',
      '/teamwork/devices/{teamworkDevice-id}/restart',
      `/teamwork/devices/${dev}/restart`,
      { method: 'POST' },
      409,
    );
    const ops = await expectValid(
      'beta',
      '/teamwork/devices/{teamworkDevice-id}/operations',
      `/teamwork/devices/${dev}/operations`,
      {},
      200,
    );
    const opId = String(at(ops, 'value', 0, 'id'));
    const t = '/teamwork/devices/{teamworkDevice-id}/operations/{teamworkDeviceOperation-id}';
    await expectValid('beta', t, `/teamwork/devices/${dev}/operations/${opId}`, {}, 200);
    emu.clock.advance(2000);
    const done = await expectValid('beta', t, `/teamwork/devices/${dev}/operations/${opId}`, {}, 200);
    assert.equal(at(done, 'status'), 'successful');
    await expectValid(
      'beta',
      '/teamwork/devices/{teamworkDevice-id}/runDiagnostics',
      `/teamwork/devices/${dev}/runDiagnostics`,
      { method: 'POST' },
      202,
    );
    emu.clock.advance(2000);
    await expectValid(
      'beta',
      '/teamwork/devices/{teamworkDevice-id}/updateSoftware',
      `/teamwork/devices/${dev}/updateSoftware`,
      { method: 'POST', body: { softwareType: 'teamsClient' } },
      202,
    );
    await expectValid(
      'beta',
      '/teamwork/devices/{teamworkDevice-id}/updateSoftware',
      `/teamwork/devices/${ROOM['4B'].device}/updateSoftware`,
      { method: 'POST', body: { softwareType: 'x' } },
      400,
    );
    // Offline phone: the operation fails, with an error object that must validate too.
    const alice = 'd0000000-0000-4000-8000-000000001001';
    await expectValid(
      'beta',
      '/teamwork/devices/{teamworkDevice-id}/restart',
      `/teamwork/devices/${alice}/restart`,
      { method: 'POST' },
      202,
    );
    emu.clock.advance(2000);
    const failed = await expectValid(
      'beta',
      '/teamwork/devices/{teamworkDevice-id}/operations',
      `/teamwork/devices/${alice}/operations`,
      {},
      200,
    );
    assert.equal(at(failed, 'value', 0, 'status'), 'failed');
    await expectValid('beta', '/teamwork/devices/{teamworkDevice-id}', '/teamwork/devices/nope', {}, 404);
    emu.reset();
  });

  it('covered every operation of both subsets', () => {
    const expected = [
      'v1.0 GET /users',
      'v1.0 GET /users/{user-id}',
      'v1.0 PATCH /users/{user-id}',
      'v1.0 GET /users/{user-id}/licenseDetails',
      'v1.0 GET /users/{user-id}/licenseDetails/{licenseDetails-id}',
      'v1.0 POST /users/{user-id}/assignLicense',
      'v1.0 GET /subscribedSkus',
      'v1.0 GET /subscribedSkus/{subscribedSku-id}',
      'v1.0 GET /devices',
      'v1.0 GET /devices/{device-id}',
      'v1.0 GET /places/microsoft.graph.room',
      'v1.0 GET /places/microsoft.graph.roomList',
      'v1.0 GET /places/{place-id}',
      'v1.0 GET /places/{place-id}/microsoft.graph.room',
      'v1.0 GET /places/{place-id}/microsoft.graph.roomList',
      'v1.0 GET /places/{place-id}/microsoft.graph.roomList/rooms',
      'v1.0 GET /places/{place-id}/microsoft.graph.roomList/rooms/{room-id}',
      'beta GET /teamwork/devices',
      'beta GET /teamwork/devices/{teamworkDevice-id}',
      'beta GET /teamwork/devices/{teamworkDevice-id}/activity',
      'beta GET /teamwork/devices/{teamworkDevice-id}/configuration',
      'beta GET /teamwork/devices/{teamworkDevice-id}/health',
      'beta GET /teamwork/devices/{teamworkDevice-id}/operations',
      'beta GET /teamwork/devices/{teamworkDevice-id}/operations/{teamworkDeviceOperation-id}',
      'beta POST /teamwork/devices/{teamworkDevice-id}/restart',
      'beta POST /teamwork/devices/{teamworkDevice-id}/runDiagnostics',
      'beta POST /teamwork/devices/{teamworkDevice-id}/updateSoftware',
    ];
    assert.deepEqual([...checked].sort(), expected.sort());
  });
});
