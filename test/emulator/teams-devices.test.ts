import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { HOUR, ROOM, SKU, at, call, list } from './support/http';

const OP_MS = 60_000;

async function signIn(emu: RunningEmulator, deviceId: string): Promise<{ teams: unknown; health: unknown }> {
  const health = await call(emu, `/beta/teamwork/devices/${deviceId}/health`);
  assert.equal(health.status, 200);
  const device = await call(emu, `/beta/teamwork/devices/${deviceId}`);
  return {
    teams: at(health.body, 'loginStatus', 'teamsConnection', 'connectionStatus'),
    health: at(device.body, 'healthStatus'),
  };
}

async function assign(emu: RunningEmulator, user: string, add: string[], remove: string[]): Promise<void> {
  const res = await call(emu, `/v1.0/users/${user}/assignLicense`, {
    method: 'POST',
    body: { addLicenses: add.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: remove },
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** Restarts the device and moves the emulator clock past the end of the operation. */
async function restart(emu: RunningEmulator, deviceId: string): Promise<unknown> {
  const res = await call(emu, `/beta/teamwork/devices/${deviceId}/restart`, { method: 'POST' });
  assert.equal(res.status, 202);
  const location = res.headers.get('location') ?? '';
  emu.clock.advance(OP_MS + 1);
  const op = await fetch(location);
  return ((await op.json()) as { status: unknown }).status;
}

describe('emulator: Teams devices and the licence bug', function () {
  let emu: RunningEmulator;

  before(async () => {
    emu = await startEmulator({ port: 0, operationDurationMs: OP_MS });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => emu.reset());

  it('shows the demo states: 4B failing on 5.2.115.0, 4A healthy, phones offline or signed out', async () => {
    assert.deepEqual(await signIn(emu, ROOM['4B'].device), { teams: 'disconnected', health: 'critical' });
    assert.deepEqual(await signIn(emu, ROOM['4A'].device), { teams: 'connected', health: 'healthy' });
    const alice = await call(emu, '/beta/teamwork/devices/d0000000-0000-4000-8000-000000001001');
    assert.equal(at(alice.body, 'healthStatus'), 'offline');
    const aliceHealth = await call(emu, '/beta/teamwork/devices/d0000000-0000-4000-8000-000000001001/health');
    assert.equal(at(aliceHealth.body, 'connection', 'connectionStatus'), 'disconnected');
    assert.equal(
      at(aliceHealth.body, 'softwareUpdateHealth', 'firmwareSoftwareUpdateStatus', 'currentVersion'),
      '7.1.3.0991',
    );
    assert.deepEqual(await signIn(emu, 'd0000000-0000-4000-8000-000000001003'), {
      teams: 'disconnected',
      health: 'critical',
    });
    assert.deepEqual(await signIn(emu, 'd0000000-0000-4000-8000-000000001005'), {
      teams: 'connected',
      health: 'healthy',
    });
  });

  it('keeps Room 4B broken when the licence comes back before the purge time, even after a restart', async () => {
    await assign(emu, 'room-4b@contoso.com', [], [SKU.pro]);
    assert.equal((await signIn(emu, ROOM['4B'].device)).teams, 'disconnected');
    emu.clock.advance(2 * HOUR);
    await assign(emu, 'room-4b@contoso.com', [SKU.pro], []);
    assert.equal(await restart(emu, ROOM['4B'].device), 'successful');
    assert.deepEqual(await signIn(emu, ROOM['4B'].device), { teams: 'disconnected', health: 'critical' });
  });

  it('fixes Room 4B with the full cycle: remove, wait 8 h, reassign, restart', async () => {
    await assign(emu, 'room-4b@contoso.com', [], [SKU.pro]);
    emu.clock.advance(8 * HOUR);
    await assign(emu, 'room-4b@contoso.com', [SKU.pro], []);
    assert.equal((await signIn(emu, ROOM['4B'].device)).teams, 'disconnected', 'not before the restart');
    assert.equal(await restart(emu, ROOM['4B'].device), 'successful');
    assert.deepEqual(await signIn(emu, ROOM['4B'].device), { teams: 'connected', health: 'healthy' });
    const entra = await call(emu, "/v1.0/devices?$filter=displayName eq 'MTR-HQ-4B'");
    const lastSignIn = Date.parse(String(at(entra.body, 'value', 0, 'approximateLastSignInDateTime')));
    assert.ok(
      emu.clock.now().getTime() - lastSignIn < 2 * OP_MS,
      'the restart refreshed the Entra sign-in time',
    );
  });

  it('starts the purge clock over after an early reassignment', async () => {
    await assign(emu, 'room-4b@contoso.com', [], [SKU.pro]);
    emu.clock.advance(6 * HOUR);
    await assign(emu, 'room-4b@contoso.com', [SKU.pro], []);
    await assign(emu, 'room-4b@contoso.com', [], [SKU.pro]);
    emu.clock.advance(4 * HOUR); // 10 h since the first removal, 4 h since the second
    await assign(emu, 'room-4b@contoso.com', [SKU.pro], []);
    await restart(emu, ROOM['4B'].device);
    assert.equal((await signIn(emu, ROOM['4B'].device)).teams, 'disconnected');
  });

  it('honours purgeAfterMs', async () => {
    const fast = await startEmulator({ purgeAfterMs: 2 * 60_000, operationDurationMs: 1000 });
    try {
      await assign(fast, 'room-1a@contoso.com', [], [SKU.basic]);
      fast.clock.advance(2 * 60_000);
      await assign(fast, 'room-1a@contoso.com', [SKU.basic], []);
      await call(fast, `/beta/teamwork/devices/${ROOM['1A'].device}/restart`, { method: 'POST' });
      fast.clock.advance(1001);
      assert.equal((await signIn(fast, ROOM['1A'].device)).teams, 'connected');
    } finally {
      await fast.close();
    }
  });

  it('signs a healthy room out while its account has no Teams Rooms licence', async () => {
    await assign(emu, 'room-4a@contoso.com', [], [SKU.pro]);
    assert.deepEqual(await signIn(emu, ROOM['4A'].device), { teams: 'disconnected', health: 'critical' });
    await assign(emu, 'room-4a@contoso.com', [SKU.pro], []);
    await restart(emu, ROOM['4A'].device);
    assert.equal((await signIn(emu, ROOM['4A'].device)).teams, 'connected', '5.2.136.1 has no purge bug');
  });

  it('signs Room 2C in once the E3 is removed and the console restarted', async () => {
    await restart(emu, ROOM['2C'].device);
    assert.equal(
      (await signIn(emu, ROOM['2C'].device)).teams,
      'disconnected',
      'the user licence blocks sign-in',
    );
    await assign(emu, 'room-2c@contoso.com', [], [SKU.e3]);
    assert.equal((await signIn(emu, ROOM['2C'].device)).teams, 'disconnected', 'not before the restart');
    await restart(emu, ROOM['2C'].device);
    assert.equal((await signIn(emu, ROOM['2C'].device)).teams, 'connected');
  });

  it('never signs in a disabled account, whatever the licence', async () => {
    await assign(emu, 'room-7g@contoso.com', [], [SKU.pro]);
    emu.clock.advance(9 * HOUR);
    await assign(emu, 'room-7g@contoso.com', [SKU.pro], []);
    await restart(emu, ROOM['7G'].device);
    assert.equal((await signIn(emu, ROOM['7G'].device)).teams, 'disconnected');
    await call(emu, '/v1.0/users/room-7g@contoso.com', { method: 'PATCH', body: { accountEnabled: true } });
    await restart(emu, ROOM['7G'].device);
    assert.equal((await signIn(emu, ROOM['7G'].device)).teams, 'connected');
  });

  it('answers 202 with a Location, moves the operation queued -> running -> successful, and 409s in between', async () => {
    const first = await call(emu, `/beta/teamwork/devices/${ROOM['4A'].device}/restart`, { method: 'POST' });
    assert.equal(first.status, 202);
    assert.equal(first.body, undefined, 'empty body');
    const location = first.headers.get('location') ?? '';
    assert.match(
      location,
      new RegExp(`^${emu.url}/beta/teamwork/devices/${ROOM['4A'].device}/operations/[0-9a-f-]{36}$`),
    );
    const status = async (): Promise<unknown> => at(await (await fetch(location)).json(), 'status');
    assert.equal(await status(), 'queued');

    const second = await call(emu, `/beta/teamwork/devices/${ROOM['4A'].device}/restart`, { method: 'POST' });
    assert.equal(second.status, 409);
    assert.equal(at(second.body, 'error', 'code'), 'Conflict');
    const diag = await call(emu, `/beta/teamwork/devices/${ROOM['4A'].device}/runDiagnostics`, {
      method: 'POST',
    });
    assert.equal(diag.status, 409, 'any command waits for the queued one');

    emu.clock.advance(OP_MS / 2 + 1);
    assert.equal(await status(), 'running');
    assert.equal(
      (await call(emu, `/beta/teamwork/devices/${ROOM['4A'].device}/restart`, { method: 'POST' })).status,
      409,
    );
    emu.clock.advance(OP_MS / 2);
    assert.equal(await status(), 'successful');
    const op = await (await fetch(location)).json();
    assert.equal(at(op, 'operationType'), 'deviceRestart');
    assert.ok(at(op, 'completedDateTime'));
    assert.equal(
      (await call(emu, `/beta/teamwork/devices/${ROOM['4A'].device}/restart`, { method: 'POST' })).status,
      202,
    );
    const ops = await call(emu, `/beta/teamwork/devices/${ROOM['4A'].device}/operations`);
    assert.equal(list(ops.body, 'value').length, 2);
  });

  it('fails a command sent to an offline phone', async () => {
    const alice = 'd0000000-0000-4000-8000-000000001001';
    const res = await call(emu, `/beta/teamwork/devices/${alice}/restart`, { method: 'POST' });
    assert.equal(res.status, 202);
    emu.clock.advance(OP_MS);
    const op = await (await fetch(res.headers.get('location') ?? '')).json();
    assert.equal(at(op, 'status'), 'failed');
    assert.equal(at(op, 'error', 'code'), 'DeviceOffline');
  });

  it("updates phone firmware to the fixture's latest version", async () => {
    const bob = 'd0000000-0000-4000-8000-000000001002';
    // Pretend Bob's phone is old first: ask for a specific version, then for the latest.
    let res = await call(emu, `/beta/teamwork/devices/${bob}/updateSoftware`, {
      method: 'POST',
      body: { softwareType: 'firmware', softwareVersion: '8.0.0.0001' },
    });
    assert.equal(res.status, 202);
    emu.clock.advance(OP_MS);
    let cfg = await call(emu, `/beta/teamwork/devices/${bob}/configuration`);
    assert.equal(at(cfg.body, 'softwareVersions', 'firmwareSoftwareVersion'), '8.0.0.0001');
    let health = await call(emu, `/beta/teamwork/devices/${bob}/health`);
    assert.equal(
      at(health.body, 'softwareUpdateHealth', 'firmwareSoftwareUpdateStatus', 'softwareFreshness'),
      'updateAvailable',
    );

    res = await call(emu, `/beta/teamwork/devices/${bob}/updateSoftware`, {
      method: 'POST',
      body: { softwareType: 'firmware' },
    });
    assert.equal(res.status, 202);
    emu.clock.advance(OP_MS);
    cfg = await call(emu, `/beta/teamwork/devices/${bob}/configuration`);
    assert.equal(at(cfg.body, 'softwareVersions', 'firmwareSoftwareVersion'), '8.1.4.1250');
    health = await call(emu, `/beta/teamwork/devices/${bob}/health`);
    assert.deepEqual(
      [
        at(health.body, 'softwareUpdateHealth', 'firmwareSoftwareUpdateStatus', 'currentVersion'),
        at(health.body, 'softwareUpdateHealth', 'firmwareSoftwareUpdateStatus', 'softwareFreshness'),
      ],
      ['8.1.4.1250', 'latest'],
    );
  });

  it('updates the Teams Rooms app on a console', async () => {
    const res = await call(emu, `/beta/teamwork/devices/${ROOM['4B'].device}/updateSoftware`, {
      method: 'POST',
      body: { softwareType: 'teamsClient' },
    });
    assert.equal(res.status, 202);
    emu.clock.advance(OP_MS);
    const cfg = await call(emu, `/beta/teamwork/devices/${ROOM['4B'].device}/configuration`);
    assert.equal(at(cfg.body, 'softwareVersions', 'teamsClientSoftwareVersion'), '5.2.136.1');
  });

  it('refuses updateSoftware without a valid softwareType', async () => {
    const res = await call(emu, `/beta/teamwork/devices/${ROOM['4A'].device}/updateSoftware`, {
      method: 'POST',
      body: { softwareType: 'bios' },
    });
    assert.equal(res.status, 400);
    assert.equal((await call(emu, '/beta/teamwork/devices/nope/restart', { method: 'POST' })).status, 404);
  });

  it("signs Chloé's phone in once she has Teams Phone and the phone restarts", async () => {
    const chloe = 'd0000000-0000-4000-8000-000000001003';
    await assign(emu, 'chloe.petit@contoso.com', [SKU.mcoev], []);
    await restart(emu, chloe);
    assert.deepEqual(await signIn(emu, chloe), { teams: 'connected', health: 'healthy' });
  });

  it('can make the device list fail for everyone while an account is unlicensed (reported bug)', async () => {
    const buggy = await startEmulator({ teamworkListFailsWhenUnlicensed: true });
    try {
      assert.equal((await call(buggy, '/beta/teamwork/devices')).status, 200, 'everyone licensed at first');
      await assign(buggy, 'room-4b@contoso.com', [], [SKU.pro]);
      const failed = await call(buggy, '/beta/teamwork/devices');
      assert.equal(failed.status, 500);
      assert.ok(at(failed.body, 'error', 'code'));
      assert.equal((await call(buggy, `/beta/teamwork/devices/${ROOM['4B'].device}`)).status, 200);
      assert.equal((await call(buggy, `/beta/teamwork/devices/${ROOM['4A'].device}/health`)).status, 200);
      await assign(buggy, 'room-4b@contoso.com', [SKU.pro], []);
      assert.equal((await call(buggy, '/beta/teamwork/devices')).status, 200);
    } finally {
      await buggy.close();
    }
    assert.equal((await call(emu, '/beta/teamwork/devices')).status, 200);
  });

  it('uses the emulator clock for timestamps', async () => {
    emu.clock.set(new Date('2030-01-01T00:00:00Z'));
    await assign(emu, 'room-4a@contoso.com', [], [SKU.pro]);
    const health = await call(emu, `/beta/teamwork/devices/${ROOM['4A'].device}/health`);
    const changed = String(at(health.body, 'loginStatus', 'teamsConnection', 'lastModifiedDateTime'));
    assert.ok(changed.startsWith('2030-01-01T00:0'), changed);
    emu.clock.advance(HOUR);
    await assign(emu, 'room-4a@contoso.com', [SKU.pro], []);
    const user = await call(emu, '/v1.0/users/room-4a@contoso.com?$select=licenseAssignmentStates');
    const updated = String(at(user.body, 'licenseAssignmentStates', 0, 'lastUpdatedDateTime'));
    assert.ok(updated.startsWith('2030-01-01T01:0'), updated);
  });
});
