import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { SKU, TENANT_ID, at, call, list } from './support/http';

async function seats(emu: RunningEmulator, skuId: string): Promise<{ consumed: number; enabled: number }> {
  const res = await call(emu, `/v1.0/subscribedSkus/${TENANT_ID}_${skuId}`);
  return {
    consumed: Number(at(res.body, 'consumedUnits')),
    enabled: Number(at(res.body, 'prepaidUnits', 'enabled')),
  };
}

function assign(emu: RunningEmulator, user: string, add: string[], remove: string[]) {
  return call(emu, `/v1.0/users/${user}/assignLicense`, {
    method: 'POST',
    body: { addLicenses: add.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: remove },
  });
}

describe('emulator: licences', function () {
  let emu: RunningEmulator;

  before(async () => {
    emu = await startEmulator({ port: 0 });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => emu.reset());

  it('computes consumedUnits from direct and group assignments, and moves it on remove and assign', async () => {
    // 7 direct Pro rooms + Room 5E through the "MTR Licences" group.
    assert.deepEqual(await seats(emu, SKU.pro), { consumed: 8, enabled: 10 });
    const removed = await assign(emu, 'room-4b@contoso.com', [], [SKU.pro]);
    assert.equal(removed.status, 200);
    assert.deepEqual(at(removed.body, 'assignedLicenses'), []);
    assert.equal((await seats(emu, SKU.pro)).consumed, 7);
    const back = await assign(emu, 'room-4b@contoso.com', [SKU.pro], []);
    assert.equal(back.status, 200);
    assert.equal(at(back.body, 'assignedLicenses', 0, 'skuId'), SKU.pro);
    assert.equal((await seats(emu, SKU.pro)).consumed, 8);
  });

  it('refuses a licence with no free seat (Teams Rooms Basic is full) and names the subscription', async () => {
    assert.deepEqual(await seats(emu, SKU.basic), { consumed: 25, enabled: 25 });
    const res = await assign(emu, 'room-4a@contoso.com', [SKU.basic], []);
    assert.equal(res.status, 400);
    assert.equal(at(res.body, 'error', 'code'), 'Request_BadRequest');
    assert.equal(
      at(res.body, 'error', 'message'),
      `Subscription with SKU ${SKU.basic} does not have any available licenses.`,
    );
    assert.equal(at(res.body, 'error', 'details', 0, 'code'), 'CountViolation');
    assert.equal(at(res.body, 'error', 'details', 0, 'target'), SKU.basic);
    assert.equal((await seats(emu, SKU.basic)).consumed, 25, 'nothing changed');
  });

  it('lets another account take the seat Room 1A frees during the wait', async () => {
    assert.equal((await assign(emu, 'room-1a@contoso.com', [], [SKU.basic])).status, 200);
    assert.equal(
      (await assign(emu, 'room-4a@contoso.com', [SKU.basic], [])).status,
      200,
      'the freed seat is taken',
    );
    const back = await assign(emu, 'room-1a@contoso.com', [SKU.basic], []);
    assert.equal(back.status, 400);
    assert.equal(at(back.body, 'error', 'details', 0, 'code'), 'CountViolation');
  });

  it('refuses to remove a licence inherited from a group, and says which group assigns it', async () => {
    const user = await call(
      emu,
      '/v1.0/users/room-5e@contoso.com?$select=assignedLicenses,licenseAssignmentStates',
    );
    const state = list(user.body, 'licenseAssignmentStates')[0];
    assert.equal(state?.skuId, SKU.pro);
    assert.equal(state?.assignedByGroup, 'f0000000-0000-4000-8000-000000000002');
    assert.equal(state?.state, 'Active');
    const res = await assign(emu, 'room-5e@contoso.com', [], [SKU.pro]);
    assert.equal(res.status, 400);
    assert.equal(at(res.body, 'error', 'code'), 'Request_BadRequest');
    assert.equal(
      at(res.body, 'error', 'message'),
      'User license is inherited from a group membership and it cannot be removed directly from the user.',
    );
    assert.equal((await seats(emu, SKU.pro)).consumed, 8);
  });

  it('shows direct assignments with assignedByGroup null', async () => {
    const user = await call(emu, '/v1.0/users/room-2c@contoso.com?$select=licenseAssignmentStates');
    const states = list(user.body, 'licenseAssignmentStates');
    assert.equal(states.length, 2);
    for (const s of states) assert.equal(s.assignedByGroup, null);
  });

  it('refuses to assign to a user without usage location until PATCH sets one', async () => {
    const removed = await assign(emu, 'room-6f@contoso.com', [], [SKU.pro]);
    assert.equal(removed.status, 200, 'removing works without a usage location');
    const refused = await assign(emu, 'room-6f@contoso.com', [SKU.pro], []);
    assert.equal(refused.status, 400);
    assert.equal(at(refused.body, 'error', 'code'), 'Request_BadRequest');
    assert.equal(
      at(refused.body, 'error', 'message'),
      'License assignment cannot be done for user with invalid usage location.',
    );
    const patched = await call(emu, '/v1.0/users/room-6f@contoso.com', {
      method: 'PATCH',
      body: { usageLocation: 'FR' },
    });
    assert.equal(patched.status, 204);
    assert.equal(patched.body, undefined);
    const user = await call(emu, '/v1.0/users/room-6f@contoso.com?$select=usageLocation');
    assert.equal(at(user.body, 'usageLocation'), 'FR');
    assert.equal((await assign(emu, 'room-6f@contoso.com', [SKU.pro], [])).status, 200);
  });

  it('validates the assignLicense body: both arrays required, known SKUs only, no removal of a missing licence', async () => {
    const missing = await call(emu, '/v1.0/users/room-4a@contoso.com/assignLicense', {
      method: 'POST',
      body: { addLicenses: [] },
    });
    assert.equal(missing.status, 400);
    assert.match(String(at(missing.body, 'error', 'message')), /removeLicenses/);
    const unknown = await assign(emu, 'room-4a@contoso.com', ['11111111-2222-3333-4444-555555555555'], []);
    assert.equal(unknown.status, 400);
    const notHeld = await assign(emu, 'room-4a@contoso.com', [], [SKU.e3]);
    assert.equal(notHeld.status, 400);
    assert.equal(at(notHeld.body, 'error', 'message'), 'User does not have a corresponding license.');
    const nobody = await assign(emu, 'nobody@contoso.com', [], []);
    assert.equal(nobody.status, 404);
  });

  it('PATCH changes accountEnabled and refuses properties it does not model', async () => {
    assert.equal(
      (
        await call(emu, '/v1.0/users/room-7g@contoso.com', {
          method: 'PATCH',
          body: { accountEnabled: true },
        })
      ).status,
      204,
    );
    const user = await call(emu, '/v1.0/users/room-7g@contoso.com?$select=accountEnabled');
    assert.equal(at(user.body, 'accountEnabled'), true);
    const bad = await call(emu, '/v1.0/users/room-7g@contoso.com', {
      method: 'PATCH',
      body: { usageLocation: 'France' },
    });
    assert.equal(bad.status, 400);
    const other = await call(emu, '/v1.0/users/room-7g@contoso.com', {
      method: 'PATCH',
      body: { jobTitle: 'Room' },
    });
    assert.equal(other.status, 400);
  });

  it('reset() restores seats and licences', async () => {
    await assign(emu, 'room-4b@contoso.com', [], [SKU.pro]);
    assert.equal((await seats(emu, SKU.pro)).consumed, 7);
    emu.reset();
    assert.equal((await seats(emu, SKU.pro)).consumed, 8);
    const user = await call(emu, '/v1.0/users/room-4b@contoso.com?$select=assignedLicenses');
    assert.equal(at(user.body, 'assignedLicenses', 0, 'skuId'), SKU.pro);
  });
});
