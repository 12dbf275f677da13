import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { ROOM, at, call } from './support/http';

describe('emulator: fault injection and admin API', function () {
  let emu: RunningEmulator;

  before(async () => {
    emu = await startEmulator({ port: 0 });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => emu.reset());

  it('adds latency to matching requests only', async () => {
    emu.faults.add({ path: '^/v1\\.0/subscribedSkus', latencyMs: 300 });
    let t = Date.now();
    assert.equal((await call(emu, '/v1.0/subscribedSkus')).status, 200);
    const slow = Date.now() - t;
    t = Date.now();
    await call(emu, '/v1.0/users?$top=1');
    const fast = Date.now() - t;
    assert.ok(slow >= 250, `slow request took ${slow} ms`);
    assert.ok(fast < slow, `unmatched request took ${fast} ms`);
  });

  it('delays a $batch once, not once per inner request', async () => {
    emu.faults.add({ path: '.*', latencyMs: 200 });
    const requests = Array.from({ length: 10 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/subscribedSkus',
    }));
    const t = Date.now();
    const res = await call(emu, '/v1.0/$batch', { method: 'POST', body: { requests } });
    const took = Date.now() - t;
    assert.equal(res.status, 200);
    assert.ok(took >= 150 && took < 1500, `batch took ${took} ms`);
  });

  it("answers 429 with Retry-After and Graph's error body", async () => {
    emu.faults.add({ path: '^/v1\\.0/users$', status: 429, retryAfterSeconds: 3 });
    const res = await call(emu, '/v1.0/users');
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '3');
    assert.equal(at(res.body, 'error', 'code'), 'TooManyRequests');
    assert.ok(res.headers.get('request-id'));
    assert.equal((await call(emu, '/v1.0/users/room-4b@contoso.com')).status, 200, 'the regex is anchored');
  });

  it('answers 503 with Retry-After, only for the given method', async () => {
    emu.faults.add({
      path: '/assignLicense$',
      method: 'post',
      status: 503,
      retryAfterSeconds: 10,
      graphCode: 'serviceNotAvailable',
    });
    const res = await call(emu, '/v1.0/users/room-4b@contoso.com/assignLicense', {
      method: 'POST',
      body: { addLicenses: [], removeLicenses: [] },
    });
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '10');
    assert.equal(at(res.body, 'error', 'code'), 'serviceNotAvailable');
    assert.equal(
      (await call(emu, '/v1.0/users/room-4b@contoso.com/assignLicense')).status,
      405,
      'GET is not faulted',
    );
  });

  it('expires a fault after count matching requests', async () => {
    emu.faults.add({ path: '^/beta/teamwork/devices$', status: 500, count: 2 });
    assert.equal((await call(emu, '/beta/teamwork/devices')).status, 500);
    assert.equal(
      (await call(emu, `/beta/teamwork/devices/${ROOM['4B'].device}`)).status,
      200,
      'not matched, not counted',
    );
    assert.equal((await call(emu, '/beta/teamwork/devices')).status, 500);
    assert.equal((await call(emu, '/beta/teamwork/devices')).status, 200);
  });

  it('counts inner batch requests against count', async () => {
    emu.faults.add({ path: '^/v1\\.0/subscribedSkus$', status: 429, retryAfterSeconds: 1, count: 1 });
    const res = await call(emu, '/v1.0/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/subscribedSkus' },
          { id: '2', method: 'GET', url: '/subscribedSkus' },
        ],
      },
    });
    const statuses = ((at(res.body, 'responses') as { status: number }[]) ?? []).map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 429]);
  });

  it('removes and clears faults', async () => {
    const id = emu.faults.add({ path: '.*', status: 500 });
    assert.equal((await call(emu, '/v1.0/users')).status, 500);
    emu.faults.remove(id);
    assert.equal((await call(emu, '/v1.0/users')).status, 200);
    emu.faults.add({ path: '.*', status: 500 });
    emu.faults.clear();
    assert.equal((await call(emu, '/v1.0/users')).status, 200);
  });

  it('can hang a request until the client gives up', async () => {
    emu.faults.add({ path: '^/v1\\.0/devices$', hang: true, count: 1 });
    await assert.rejects(
      fetch(`${emu.url}/v1.0/devices`, { signal: AbortSignal.timeout(300) }),
      /abort|timeout/i,
    );
    assert.equal((await call(emu, '/v1.0/devices')).status, 200, 'count 1: the next one answers');
    assert.equal(
      emu.requests().find((e) => e.path === '/v1.0/devices')?.status,
      0,
      'logged without an answer',
    );
  });

  it('refuses invalid fault specs', () => {
    assert.throws(() => emu.faults.add({ path: '(' }), /regular expression/);
    assert.throws(() => emu.faults.add({ path: '.*', status: 200 }), /status/);
  });

  it('logs outer requests with their status; admin calls are not logged', async () => {
    emu.clearRequests();
    const before = Date.now();
    await call(emu, '/v1.0/users?$top=2');
    await call(emu, '/v1.0/users/nobody');
    await call(emu, '/_emulator/health');
    const log = emu.requests();
    assert.equal(log.length, 2);
    assert.deepEqual(
      log.map((e) => [e.method, e.version, e.path, e.query, e.status, e.inBatch]),
      [
        ['GET', 'v1.0', '/v1.0/users', '$top=2', 200, false],
        ['GET', 'v1.0', '/v1.0/users/nobody', '', 404, false],
      ],
    );
    assert.ok((log[0]?.seq ?? 0) < (log[1]?.seq ?? 0));
    assert.ok((log[0]?.at ?? 0) >= before);
  });

  it('sends one structured line per request to the logger', async () => {
    const lines: object[] = [];
    const logged = await startEmulator({ logger: (l) => lines.push(l) });
    try {
      await call(logged, '/v1.0/subscribedSkus');
      assert.equal(lines.length, 1);
      assert.equal(at(lines[0], 'path'), '/v1.0/subscribedSkus');
      assert.equal(at(lines[0], 'status'), 200);
    } finally {
      await logged.close();
    }
  });

  describe('admin HTTP API', () => {
    it('reports health', async () => {
      assert.deepEqual((await call(emu, '/_emulator/health')).body, { ok: true });
    });

    it('reads, advances and sets the clock', async () => {
      const start = Date.parse(String(at((await call(emu, '/_emulator/clock')).body, 'now')));
      const advanced = await call(emu, '/_emulator/clock', { method: 'POST', body: { advance: 'PT8H' } });
      const after = Date.parse(String(at(advanced.body, 'now')));
      assert.ok(Math.abs(after - start - 8 * 3_600_000) < 5_000);
      await call(emu, '/_emulator/clock', { method: 'POST', body: { advance: 60_000 } });
      assert.ok(emu.clock.now().getTime() - start >= 8 * 3_600_000 + 60_000);
      const set = await call(emu, '/_emulator/clock', {
        method: 'POST',
        body: { set: '2031-05-01T12:00:00Z' },
      });
      assert.ok(String(at(set.body, 'now')).startsWith('2031-05-01T12:00'));
      const bad = await call(emu, '/_emulator/clock', { method: 'POST', body: { advance: '8 hours' } });
      assert.equal(bad.status, 400);
      assert.match(String(at(bad.body, 'error', 'message')), /ISO 8601/);
    });

    it('adds, lists and deletes faults', async () => {
      const added = await call(emu, '/_emulator/faults', {
        method: 'POST',
        body: { path: '^/v1\\.0/users$', status: 429, retryAfterSeconds: 2 },
      });
      assert.equal(added.status, 201);
      const id = String(at(added.body, 'id'));
      assert.equal((await call(emu, '/v1.0/users')).status, 429);
      assert.equal((await call(emu, `/_emulator/faults/${id}`, { method: 'DELETE' })).status, 204);
      assert.equal((await call(emu, '/v1.0/users')).status, 200);
      assert.equal((await call(emu, `/_emulator/faults/${id}`, { method: 'DELETE' })).status, 404);
      await call(emu, '/_emulator/faults', { method: 'POST', body: { path: '.*', status: 500 } });
      assert.equal((await call(emu, '/_emulator/faults', { method: 'DELETE' })).status, 204);
      assert.equal((await call(emu, '/v1.0/users')).status, 200);
      assert.equal(
        (await call(emu, '/_emulator/faults', { method: 'POST', body: { status: 500 } })).status,
        400,
      );
    });

    it('returns and clears the request log', async () => {
      await call(emu, '/v1.0/users?$top=1');
      const log = await call(emu, '/_emulator/requests');
      assert.equal((at(log.body, 'requests') as unknown[]).length, 1);
      assert.equal((await call(emu, '/_emulator/requests', { method: 'DELETE' })).status, 204);
      assert.deepEqual(at((await call(emu, '/_emulator/requests')).body, 'requests'), []);
    });

    it('resets the tenant, the clock and the faults', async () => {
      await call(emu, '/v1.0/users/room-4b@contoso.com/assignLicense', {
        method: 'POST',
        body: { addLicenses: [], removeLicenses: ['4cde982a-ede4-4409-9ae6-b003453c8ea6'] },
      });
      emu.clock.advance(86_400_000);
      emu.faults.add({ path: '^/v1\\.0/devices$', status: 500 });
      assert.equal((await call(emu, '/_emulator/reset', { method: 'POST' })).status, 200);
      const user = await call(emu, '/v1.0/users/room-4b@contoso.com?$select=assignedLicenses');
      assert.equal((at(user.body, 'assignedLicenses') as unknown[]).length, 1);
      assert.ok(Math.abs(emu.clock.now().getTime() - Date.now()) < 5_000);
      assert.equal((await call(emu, '/v1.0/devices')).status, 200);
    });
  });
});
