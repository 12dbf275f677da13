import { strict as assert } from 'node:assert';
import pino from 'pino';
import { diagnoseRoom } from '../../../bot/diagnostics';
import { DirectoryCache } from '../../../bot/graph/directory-cache';
import { GraphGateway } from '../../../bot/graph/gateway';
import { GraphTransport } from '../../../bot/graph/graph-transport';
import { GraphError } from '../../../bot/errors';
import { loadDemoTenant, startEmulator, type RunningEmulator } from '../../../emulator';

const logger = pino({ level: 'silent' });

/** Expected verdict for every room of the demo tenant (DESIGN.md). */
const VERDICTS: Record<string, string> = {
  'Room 4B': 'licence-bug',
  'Room 4A': 'healthy',
  'Room 2C': 'user-licence-on-room',
  'Room 3D': 'deprecated-sku',
  'Room 5E': 'licence-bug',
  'Room 6F': 'licence-bug',
  'Room 1A': 'licence-bug',
  'Boardroom North': 'healthy',
  'Boardroom South': 'healthy',
  'Room 7G': 'account-disabled',
  'Room 8H': 'no-device-data',
};

describe('GraphGateway against the emulator', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let gateway: GraphGateway;
  let directory: DirectoryCache;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    const transport = new GraphTransport({
      baseUrl: emulator.url,
      maxRetries: 2,
      timeoutMs: 5000,
      logger,
      retryDelaySeconds: 0,
    });
    gateway = new GraphGateway(transport, { skuCacheMs: 0 });
    directory = new DirectoryCache(gateway, { refreshMs: 60_000, logger });
    await directory.refresh();
  });
  after(async () => {
    directory.stop();
    await emulator.close();
  });
  beforeEach(() => {
    emulator.reset();
  });

  async function factsFor(name: string) {
    const snap = directory.current();
    const room = snap.rooms.find((r) => r.displayName === name);
    assert.ok(room, `${name} is in the directory`);
    const teamsDeviceId = snap.teamsDeviceByAccount.get(room.emailAddress.toLowerCase());
    return gateway.gatherRoomFacts(room, {
      ...(teamsDeviceId ? { teamsDeviceId } : {}),
      ...(snap.usualUsageLocation ? { usualUsageLocation: snap.usualUsageLocation } : {}),
    });
  }

  it('loads every demo room, the people and the device map', () => {
    const snap = directory.current();
    assert.deepEqual(snap.rooms.map((r) => r.displayName).sort(), Object.keys(VERDICTS).sort());
    assert.ok(snap.people.some((p) => p.displayName === 'Alice Martin'));
    assert.ok(
      !snap.people.some((p) => p.userPrincipalName === 'room-4b@contoso.com'),
      'room accounts are not people',
    );
    assert.ok(snap.teamsDeviceByAccount.has('room-4b@contoso.com'));
    assert.equal(snap.usualUsageLocation, 'FR');
  });

  for (const [name, verdict] of Object.entries(VERDICTS)) {
    it(`diagnoses ${name} as ${verdict}`, async () => {
      const facts = await factsFor(name);
      assert.equal(diagnoseRoom(facts).verdict.code, verdict);
    });
  }

  it('reads Room 4B in two sequential round trips, selecting only what it uses', async () => {
    emulator.clearRequests();
    const facts = await factsFor('Room 4B');
    assert.equal(facts.teamsDevice?.configuration?.softwareVersions?.teamsClientSoftwareVersion, '5.2.115.0');
    assert.equal(facts.entraDevice?.displayName, 'MTR-HQ-4B');
    const log = emulator.requests();
    const outer = log.filter((r) => !r.inBatch);
    assert.deepEqual(
      outer.map((r) => r.path).sort(),
      ['/beta/$batch', '/v1.0/$batch', '/v1.0/devices'].sort(),
    );
    for (const r of log.filter((r) => r.method === 'GET'))
      assert.match(decodeURIComponent(r.query), /\$select=/, `${r.path} has $select`);
  });

  it('says which evidence is missing for a room without a Teams device', async () => {
    const facts = await factsFor('Room 8H');
    assert.equal(facts.teamsDevice, null);
    assert.deepEqual(facts.gaps, [{ source: 'teams-device', reason: 'not-registered' }]);
  });

  it('suggests the tenant usual usage location for Room 6F', async () => {
    const facts = await factsFor('Room 6F');
    assert.equal(facts.account?.usageLocation ?? null, null);
    assert.equal(facts.tenantCountryCode, 'FR');
  });

  it('keeps going when the Teams devices API is down, recording the request id', async () => {
    emulator.faults.add({ path: '^/beta/', status: 503, retryAfterSeconds: 0 });
    const facts = await factsFor('Room 4A');
    assert.equal(facts.teamsDevice, null);
    assert.equal(facts.gaps[0]?.source, 'teams-device');
    assert.equal(facts.gaps[0]?.reason, 'unavailable');
    assert.ok(facts.account, 'account facts are still there');
  });

  it('raises a coded error with the request id when the room account cannot be read', async () => {
    emulator.faults.add({
      path: '^/v1\\.0/users/[^/]+$',
      status: 403,
      graphCode: 'Authorization_RequestDenied',
    });
    const err = await factsFor('Room 4B').then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof GraphError);
    assert.equal(err.code, 'graph.forbidden');
    assert.equal(err.requiredPermission, 'User.Read.All');
    assert.match(err.requestId ?? '', /^[0-9a-f-]{36}$/);
  });
});

describe('GraphGateway paging', function () {
  this.timeout(20_000);
  it('follows @odata.nextLink through every page of Teams devices (50 per page)', async () => {
    const fixture = loadDemoTenant();
    const template = fixture.teamworkDevices[0];
    assert.ok(template);
    const extra = 120 - fixture.teamworkDevices.length;
    for (let i = 0; i < extra; i++) {
      const id = `d9000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      fixture.teamworkDevices.push({ ...structuredClone(template), id });
    }
    const emulator = await startEmulator({ port: 0, fixture });
    try {
      const transport = new GraphTransport({ baseUrl: emulator.url, maxRetries: 0, timeoutMs: 5000, logger });
      const devices = await new GraphGateway(transport).listTeamsDevices();
      assert.equal(devices.length, 120);
      assert.equal(new Set(devices.map((d) => d.id)).size, 120);
      assert.equal(emulator.requests().filter((r) => r.path === '/beta/teamwork/devices').length, 3);
    } finally {
      await emulator.close();
    }
  });
});
