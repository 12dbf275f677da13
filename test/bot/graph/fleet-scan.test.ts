import { strict as assert } from 'node:assert';
import pino from 'pino';
import type { FleetFacts } from '../../../bot/diagnostics/fleet-facts';
import { scanFindings, type FleetDigest, type FleetProblemKind } from '../../../bot/diagnostics/fleet-rules';
import { FLEET_SCAN_BUDGET, GraphGateway } from '../../../bot/graph/gateway';
import { GraphTransport } from '../../../bot/graph/graph-transport';
import { defaultKnowledge } from '../../../bot/knowledge';
import { loadDemoTenant, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator';
import type { TenantFixture } from '../../../emulator/fixture-types';
import { LARGE_TENANT_ROOM_PATTERN, largeTenant } from '../../../emulator/fixtures/generate-large-tenant';

const logger = pino({ level: 'silent' });

function gatewayFor(emulator: RunningEmulator): GraphGateway {
  const transport = new GraphTransport({
    baseUrl: emulator.url,
    maxRetries: 2,
    timeoutMs: 30_000,
    logger,
    retryDelaySeconds: 0,
  });
  return new GraphGateway(transport, { skuCacheMs: 0 });
}

function digestOf(facts: FleetFacts, pattern?: string): FleetDigest {
  return scanFindings(facts, defaultKnowledge, {
    openSubjects: new Set(),
    ...(pattern ? { roomAccountPattern: pattern } : {}),
  });
}

function names(digest: FleetDigest, kind: FleetProblemKind): string[] {
  return (digest.problems.find((p) => p.kind === kind)?.items ?? []).map((i) => i.name);
}

function outerRequests(emulator: RunningEmulator) {
  return emulator.requests().filter((r) => !r.inBatch);
}

describe('fleet scan against the emulator', function () {
  this.timeout(120_000);

  describe('the demo tenant', () => {
    let emulator: RunningEmulator;
    let gateway: GraphGateway;

    before(async () => {
      emulator = await startEmulator({ port: 0 });
      gateway = gatewayFor(emulator);
    });
    after(async () => {
      await emulator.close();
    });
    beforeEach(() => {
      emulator.reset();
    });

    it('lists every broken room and phone of DESIGN.md under its problems', async () => {
      const digest = digestOf(await gateway.scanFleet());
      assert.deepEqual(names(digest, 'bad-build'), ['Room 1A', 'Room 2C', 'Room 4B', 'Room 5E', 'Room 6F']);
      assert.ok(
        (digest.problems.find((p) => p.kind === 'bad-build')?.items ?? []).every(
          (i) => i.kind === 'bad-build' && i.params.signIn === 'failing' && i.params.version === '5.2.115.0',
        ),
      );
      assert.deepEqual(names(digest, 'sign-in-failing'), ['Chloé Petit · Poly CCX 500', 'Room 7G']);
      const sevenG = digest.problems
        .find((p) => p.kind === 'sign-in-failing')
        ?.items.find((i) => i.name === 'Room 7G');
      assert.equal(sevenG?.kind === 'sign-in-failing' && sevenG.params.cause, 'account-disabled');
      assert.deepEqual(names(digest, 'phone-offline'), [
        'Alice Martin · Poly CCX 500',
        'David Leroy · Poly CCX 500',
      ]);
      assert.deepEqual(names(digest, 'phone-old-firmware'), ['Alice Martin · Poly CCX 500']);
      assert.deepEqual(names(digest, 'user-licence-on-room'), ['Room 2C']);
      assert.deepEqual(names(digest, 'group-licence-on-room'), ['Room 5E']);
      assert.deepEqual(names(digest, 'deprecated-sku'), ['Room 3D']);
      const seats = digest.problems.find((p) => p.kind === 'no-free-seat')?.items ?? [];
      const basic = seats.find((i) => i.name === 'Microsoft_Teams_Rooms_Basic');
      assert.ok(basic?.kind === 'no-free-seat');
      assert.ok(
        basic.params.rooms.some((r) => r.name === 'Room 1A'),
        'Room 1A holds the full Basic SKU',
      );
      assert.deepEqual(names(digest, 'naming'), []);

      const listed = new Set(digest.problems.flatMap((p) => p.items.map((i) => i.name)));
      for (const healthy of ['Room 4A', 'Boardroom North', 'Boardroom South', 'Room 8H']) {
        assert.ok(!listed.has(healthy), `${healthy} is not reported`);
      }
      assert.ok(![...listed].some((n) => n.startsWith('Bob Durand') || n.startsWith('Reception')));
      assert.equal(digest.totals.versionsRead, 15, 'a small fleet gets every version read');
      assert.deepEqual(digest.gaps, []);
    });

    it('costs one request per list page and one $batch for the health, as it counts them', async () => {
      emulator.clearRequests();
      const facts = await gateway.scanFleet();
      const outer = outerRequests(emulator);
      const inner = emulator.requests().filter((r) => r.inBatch);
      assert.equal(outer.length, 5, outer.map((r) => r.path).join(', '));
      assert.deepEqual(facts.cost, { httpRequests: outer.length, batchedRequests: inner.length });
      assert.ok(
        inner.every((r) => r.path.endsWith('/health')),
        'the configuration is not read',
      );
    });

    it('shares a scan already running', async () => {
      emulator.clearRequests();
      const [first, second] = await Promise.all([gateway.scanFleet(), gateway.scanFleet()]);
      assert.equal(first, second);
      assert.equal(outerRequests(emulator).length, 5);
    });

    it('reads no health beyond its request budget and says so through the counts', async () => {
      emulator.clearRequests();
      const facts = await gateway.scanFleet({ maxRequests: 4 });
      assert.equal(outerRequests(emulator).length, 4);
      assert.ok(facts.devices?.every((d) => d.healthRead === 'skipped'));
      const digest = digestOf(facts);
      assert.equal(digest.totals.versionsRead, 0);
      assert.deepEqual(names(digest, 'bad-build'), [], 'no version, no bad build');
      assert.deepEqual(names(digest, 'phone-offline'), [
        'Alice Martin · Poly CCX 500',
        'David Leroy · Poly CCX 500',
      ]);
    });

    it('looks the room accounts up when that is cheaper than paging the directory', async () => {
      // 1,200 people listed before the rooms: one look-up batch costs less than the two pages left to read.
      const fixture = loadDemoTenant();
      for (let n = 0; n < 1200; n++) {
        fixture.users.unshift({
          id: `a9000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
          displayName: `Person ${n}`,
          userPrincipalName: `person${n}@contoso.com`,
          mail: `person${n}@contoso.com`,
          accountEnabled: true,
          usageLocation: 'FR',
          assignedLicenses: [],
        });
      }
      const big = await startEmulator({ port: 0, fixture });
      try {
        const digest = digestOf(await gatewayFor(big).scanFleet());
        const userCalls = big.requests().filter((r) => r.path === '/v1.0/users');
        assert.equal(userCalls.filter((r) => !r.inBatch).length, 1, 'one directory page, then look-ups');
        assert.equal(userCalls.filter((r) => r.inBatch).length, 1, 'the rooms not met yet, 15 per filter');
        assert.deepEqual(names(digest, 'user-licence-on-room'), ['Room 2C']);
        assert.deepEqual(names(digest, 'deprecated-sku'), ['Room 3D']);
      } finally {
        await big.close();
      }
    });
  });

  describe('when the Teams devices list fails (an unlicensed account signs in somewhere)', () => {
    let emulator: RunningEmulator;

    before(async () => {
      const options: EmulatorOptions = { port: 0, teamworkListFailsWhenUnlicensed: true };
      emulator = await startEmulator(options);
    });
    after(async () => {
      await emulator.close();
    });

    it('still reports the licence anomalies and says the devices were unavailable', async () => {
      const gateway = gatewayFor(emulator);
      // The repair's own first step: Room 4B's licence removed.
      await gateway.removeLicences('room-4b@contoso.com', ['4cde982a-ede4-4409-9ae6-b003453c8ea6']);
      const facts = await gateway.scanFleet();
      assert.equal(facts.devices, null);
      assert.deepEqual(
        facts.gaps.map((g) => [g.source, g.reason]),
        [['teams-devices', 'unavailable']],
      );
      const digest = digestOf(facts);
      assert.deepEqual(names(digest, 'user-licence-on-room'), ['Room 2C']);
      assert.deepEqual(names(digest, 'group-licence-on-room'), ['Room 5E']);
      assert.deepEqual(names(digest, 'deprecated-sku'), ['Room 3D']);
      assert.deepEqual(names(digest, 'bad-build'), []);
      assert.equal(digest.totals.devices, null);
    });
  });

  describe('a generated tenant of 5,000 rooms', () => {
    let emulator: RunningEmulator;
    let fixture: TenantFixture;
    let facts: FleetFacts;

    before(async () => {
      fixture = largeTenant(5000);
      emulator = await startEmulator({ port: 0, fixture });
      emulator.clearRequests();
      facts = await gatewayFor(emulator).scanFleet();
    });
    after(async () => {
      await emulator.close();
    });

    it('is generated the same way every time', () => {
      const again = largeTenant(5000);
      assert.equal(again.rooms.length, 5000);
      assert.deepEqual(
        again.teamworkDevices.map((d) => [d.id, d.healthStatus]),
        fixture.teamworkDevices.map((d) => [d.id, d.healthStatus]),
      );
    });

    it('stays within 200 Graph requests, the Teams devices paged 50 at a time', () => {
      const outer = outerRequests(emulator);
      const inner = emulator.requests().filter((r) => r.inBatch);
      assert.ok(outer.length <= 200, `${outer.length} requests`);
      assert.ok(outer.length <= FLEET_SCAN_BUDGET);
      const devicePages = outer.filter((r) => r.path === '/beta/teamwork/devices').length;
      assert.equal(devicePages, Math.ceil(fixture.teamworkDevices.length / 50));
      assert.ok(
        emulator.requests().every((r) => !r.path.endsWith('/$batch') || !r.inBatch),
        'no nested batch',
      );
      assert.deepEqual(facts.cost, { httpRequests: outer.length, batchedRequests: inner.length });
      assert.deepEqual(facts.gaps, []);
    });

    it('reads the health of every device that is not healthy, and of every phone', () => {
      const devices = facts.devices ?? [];
      assert.equal(devices.length, fixture.teamworkDevices.length);
      const unread = devices.filter((d) => d.healthRead !== 'read');
      assert.ok(unread.length > 0, 'healthy rooms beyond the budget are not read');
      for (const d of unread) {
        assert.equal(d.device.healthStatus, 'healthy');
        assert.equal(d.device.deviceType, 'teamsRoom');
      }
    });

    it('reports every failing room, every offline phone and every outdated firmware', () => {
      const digest = digestOf(facts, LARGE_TENANT_ROOM_PATTERN);
      const users = new Map(fixture.users.map((u) => [u.id, u]));
      const roomName = new Map(fixture.rooms.map((r) => [r.emailAddress, r.displayName]));
      const failing = fixture.teamworkDevices
        .filter((d) => d.deviceType === 'teamsRoom' && d.healthStatus !== 'healthy')
        .map((d) => roomName.get(users.get(d.currentUser?.id ?? '')?.userPrincipalName ?? ''));
      const listed = new Set([...names(digest, 'bad-build'), ...names(digest, 'sign-in-failing')]);
      assert.ok(failing.length > 100);
      for (const name of failing) assert.ok(name && listed.has(name), `${name} is reported`);

      const phones = fixture.teamworkDevices.filter((d) => d.deviceType === 'ipPhone');
      const offline = phones.filter((d) => d.healthStatus === 'offline').length;
      const oldFirmware = phones.filter((d) =>
        JSON.stringify(d.configuration).includes('"7.1.3.0991"'),
      ).length;
      assert.equal(names(digest, 'phone-offline').length, offline);
      assert.equal(names(digest, 'phone-old-firmware').length, oldFirmware);
      assert.ok(names(digest, 'naming').every((n) => n.startsWith('Room ')));
      assert.ok(names(digest, 'naming').length > 0);
      assert.ok(names(digest, 'user-licence-on-room').length > 1);
      assert.ok(names(digest, 'group-licence-on-room').length > 1);
      assert.ok(names(digest, 'deprecated-sku').length > 1);
    });
  });
});
