import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { ROOM, SKU, at, call, list } from './support/http';

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

async function batch(emu: RunningEmulator, version: 'v1.0' | 'beta', requests: unknown[]) {
  const res = await call(emu, `/${version}/$batch`, { method: 'POST', body: { requests } });
  const responses = (at(res.body, 'responses') ?? []) as BatchResponse[];
  const byId = new Map(responses.map((r) => [r.id, r]));
  return { status: res.status, body: res.body, responses, byId };
}

describe('emulator: $batch', function () {
  let emu: RunningEmulator;

  before(async () => {
    emu = await startEmulator({ port: 0 });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => emu.reset());

  it('runs each request with its own status and matches responses by id', async () => {
    const r = await batch(emu, 'v1.0', [
      { id: '1', method: 'GET', url: '/users/room-4b@contoso.com?$select=accountEnabled,usageLocation' },
      { id: '2', method: 'GET', url: 'users/nobody@contoso.com' },
      { id: '3', method: 'GET', url: "/devices?$filter=displayName eq 'MTR-HQ-4B'" },
      { id: '10', method: 'GET', url: '/subscribedSkus' },
    ]);
    assert.equal(r.status, 200);
    assert.equal(r.responses.length, 4);
    assert.equal(r.byId.get('1')?.status, 200);
    assert.equal(at(r.byId.get('1')?.body, 'accountEnabled'), true);
    assert.equal(r.byId.get('2')?.status, 404);
    assert.equal(at(r.byId.get('2')?.body, 'error', 'code'), 'Request_ResourceNotFound');
    assert.equal(list(r.byId.get('3')?.body, 'value').length, 1);
    assert.equal(r.byId.get('10')?.status, 200);
    assert.notDeepEqual(
      r.responses.map((x) => x.id),
      ['1', '2', '3', '10'],
      'responses come back in an order of their own: callers must match by id',
    );
  });

  it('logs the batch once and each inner request with inBatch and batchSeq', async () => {
    emu.clearRequests();
    await batch(emu, 'beta', [
      { id: 'a', method: 'GET', url: `/teamwork/devices/${ROOM['4B'].device}` },
      { id: 'b', method: 'GET', url: `/teamwork/devices/${ROOM['4B'].device}/health` },
    ]);
    const log = emu.requests();
    const outer = log.filter((e) => !e.inBatch);
    assert.equal(outer.length, 1);
    assert.equal(outer[0]?.path, '/beta/$batch');
    assert.equal(outer[0]?.status, 200);
    const inner = log.filter((e) => e.inBatch);
    assert.deepEqual(
      inner.map((e) => [e.path, e.status, e.batchSeq, e.version]),
      [
        [`/beta/teamwork/devices/${ROOM['4B'].device}`, 200, outer[0]?.seq, 'beta'],
        [`/beta/teamwork/devices/${ROOM['4B'].device}/health`, 200, outer[0]?.seq, 'beta'],
      ],
    );
  });

  it('accepts 20 requests and refuses 21', async () => {
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/users?$top=1' }));
    const twenty = await batch(emu, 'v1.0', make(20));
    assert.equal(twenty.status, 200);
    assert.equal(twenty.responses.length, 20);
    const over = await batch(emu, 'v1.0', make(21));
    assert.equal(over.status, 400);
    assert.equal(at(over.body, 'error', 'code'), 'BadRequest');
  });

  it('gives 424 to requests whose dependency failed, and runs dependencies first', async () => {
    const r = await batch(emu, 'v1.0', [
      {
        id: 'assign',
        method: 'POST',
        url: '/users/room-6f@contoso.com/assignLicense',
        headers: { 'Content-Type': 'application/json' },
        body: { addLicenses: [{ skuId: SKU.e3, disabledPlans: [] }], removeLicenses: [] },
        dependsOn: ['fix'],
      },
      {
        id: 'fix',
        method: 'PATCH',
        url: '/users/room-6f@contoso.com',
        headers: { 'Content-Type': 'application/json' },
        body: { usageLocation: 'FR' },
      },
      {
        id: 'bad',
        method: 'POST',
        url: '/users/room-5e@contoso.com/assignLicense',
        headers: { 'Content-Type': 'application/json' },
        body: { addLicenses: [], removeLicenses: [SKU.pro] },
      },
      { id: 'after-bad', method: 'GET', url: '/users/room-5e@contoso.com', dependsOn: ['bad'] },
      { id: 'chain', method: 'GET', url: '/users/room-5e@contoso.com', dependsOn: ['after-bad'] },
    ]);
    assert.equal(r.status, 200);
    assert.equal(r.byId.get('fix')?.status, 204);
    assert.equal(r.byId.get('assign')?.status, 200, 'ran after the PATCH that set the usage location');
    assert.equal(r.byId.get('bad')?.status, 400);
    assert.equal(r.byId.get('after-bad')?.status, 424);
    assert.equal(r.byId.get('chain')?.status, 424);
  });

  it('gives an inner request its own 429 from a fault, with Retry-After', async () => {
    emu.faults.add({ path: '^/v1\\.0/users/[^/]+/licenseDetails$', status: 429, retryAfterSeconds: 7 });
    const r = await batch(emu, 'v1.0', [
      { id: '1', method: 'GET', url: '/users/room-4b@contoso.com/licenseDetails' },
      { id: '2', method: 'GET', url: '/users/room-4b@contoso.com' },
    ]);
    assert.equal(r.status, 200);
    assert.equal(r.byId.get('1')?.status, 429);
    assert.equal(r.byId.get('1')?.headers['Retry-After'], '7');
    assert.equal(at(r.byId.get('1')?.body, 'error', 'code'), 'TooManyRequests');
    assert.equal(r.byId.get('2')?.status, 200);
    assert.equal(emu.requests().find((e) => e.inBatch && e.path.endsWith('licenseDetails'))?.status, 429);
  });

  it('keeps the Location header of a 202 inside a batch', async () => {
    const r = await batch(emu, 'beta', [
      { id: 'r', method: 'POST', url: `/teamwork/devices/${ROOM['4A'].device}/restart` },
    ]);
    assert.equal(r.byId.get('r')?.status, 202);
    assert.match(r.byId.get('r')?.headers.Location ?? '', /\/operations\//);
  });

  it('resolves inner URLs against the batch version: a v1.0 path in a beta batch is refused', async () => {
    const r = await batch(emu, 'beta', [{ id: '1', method: 'GET', url: '/users/room-4b@contoso.com' }]);
    assert.equal(r.byId.get('1')?.status, 400);
    assert.equal(
      at(r.byId.get('1')?.body, 'error', 'message'),
      "Resource not found for the segment 'users'.",
    );
  });

  it('refuses malformed batches', async () => {
    assert.equal((await batch(emu, 'v1.0', [])).status, 400);
    const dup = await batch(emu, 'v1.0', [
      { id: '1', method: 'GET', url: '/users' },
      { id: '1', method: 'GET', url: '/users' },
    ]);
    assert.equal(dup.status, 400);
    const absolute = await batch(emu, 'v1.0', [
      { id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/users' },
    ]);
    assert.equal(absolute.status, 400);
    const unknownDep = await batch(emu, 'v1.0', [
      { id: '1', method: 'GET', url: '/users', dependsOn: ['9'] },
    ]);
    assert.equal(unknownDep.status, 400);
    const noContentType = await batch(emu, 'v1.0', [
      { id: '1', method: 'PATCH', url: '/users/room-6f@contoso.com', body: { usageLocation: 'FR' } },
    ]);
    assert.equal(noContentType.status, 400);
    assert.match(String(at(noContentType.body, 'error', 'message')), /Content-Type/);
    const cycle = await batch(emu, 'v1.0', [
      { id: '1', method: 'GET', url: '/users', dependsOn: ['2'] },
      { id: '2', method: 'GET', url: '/users', dependsOn: ['1'] },
    ]);
    assert.equal(cycle.status, 400);
    const get = await call(emu, '/v1.0/$batch');
    assert.equal(get.status, 405);
  });
});
