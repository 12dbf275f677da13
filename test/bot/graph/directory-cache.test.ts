import { strict as assert } from 'node:assert';
import pino from 'pino';
import sinon from 'sinon';
import { DirectoryCache } from '../../../bot/graph/directory-cache';
import type { GraphGateway } from '../../../bot/graph/gateway';
import type { GraphRoom, GraphTeamworkDevice, GraphUser } from '../../../bot/graph/model';

/** A gateway double: the directory cache only needs the three list calls. */
function gatewayWith(lists: {
  rooms: () => Promise<GraphRoom[]>;
  people?: () => Promise<GraphUser[]>;
  devices?: () => Promise<GraphTeamworkDevice[]>;
}) {
  return {
    listRooms: lists.rooms,
    listPeople: lists.people ?? (() => Promise.resolve([])),
    listTeamsDevices: lists.devices ?? (() => Promise.resolve([])),
  } as unknown as GraphGateway;
}

const room = (n: string): GraphRoom => ({
  id: n,
  displayName: `Room ${n}`,
  emailAddress: `room-${n}@contoso.com`,
  building: 'HQ',
  floorNumber: 4,
});

describe('DirectoryCache', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => clock.restore());

  it('refreshes in the background at the configured interval', async () => {
    let calls = 0;
    const cache = new DirectoryCache(gatewayWith({ rooms: () => Promise.resolve([room(String(++calls))]) }), {
      refreshMs: 60_000,
      logger: pino({ level: 'silent' }),
    });
    await cache.start();
    assert.deepEqual(
      cache.current().rooms.map((r) => r.displayName),
      ['Room 1'],
    );
    await clock.tickAsync(60_000);
    assert.deepEqual(
      cache.current().rooms.map((r) => r.displayName),
      ['Room 2'],
    );
    cache.stop();
    await clock.tickAsync(180_000);
    assert.equal(calls, 2, 'no refresh after stop()');
  });

  it('keeps the previous directory when a refresh fails', async () => {
    let fail = false;
    const cache = new DirectoryCache(
      gatewayWith({
        rooms: () => (fail ? Promise.reject(new Error('Graph down')) : Promise.resolve([room('4B')])),
      }),
      { refreshMs: 1000, logger: pino({ level: 'silent' }) },
    );
    await cache.start();
    fail = true;
    await clock.tickAsync(1000);
    assert.deepEqual(
      cache.current().rooms.map((r) => r.displayName),
      ['Room 4B'],
    );
    cache.stop();
  });

  it('keeps the known device map when only the beta device list fails', async () => {
    let devicesFail = false;
    const cache = new DirectoryCache(
      gatewayWith({
        rooms: () => Promise.resolve([room('4B')]),
        devices: () =>
          devicesFail
            ? Promise.reject(new Error('beta list failed'))
            : Promise.resolve([
                {
                  id: 'dev-1',
                  deviceType: 'teamsRoom',
                  hardwareDetail: {},
                  currentUser: {
                    id: 'u-4b',
                    displayName: 'Room 4B',
                    userPrincipalName: 'Room-4B@contoso.com',
                  },
                },
              ]),
      }),
      { refreshMs: 1000, logger: pino({ level: 'silent' }) },
    );
    await cache.start();
    devicesFail = true;
    await clock.tickAsync(1000);
    assert.equal(cache.current().teamsDeviceByAccount.get('room-4b@contoso.com'), 'dev-1');
    cache.stop();
  });

  it('shares one load between concurrent refreshes', async () => {
    let calls = 0;
    const cache = new DirectoryCache(gatewayWith({ rooms: () => Promise.resolve([room(String(++calls))]) }), {
      refreshMs: 1000,
      logger: pino({ level: 'silent' }),
    });
    await Promise.all([cache.refresh(), cache.refresh(), cache.refresh()]);
    assert.equal(calls, 1);
  });
});
