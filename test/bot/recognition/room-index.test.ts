import { strict as assert } from 'node:assert';
import { cleanMessage, tokenise } from '../../../bot/recognition/normalise';
import { RoomIndex } from '../../../bot/recognition/room-index';
import type { DirectoryRoom, Resolution } from '../../../bot/recognition/types';
import { vocabulary } from '../../../bot/recognition/vocabulary';
import { DEMO_DIRECTORY } from './demo-directory';

function room(displayName: string, building: string | null = null): DirectoryRoom {
  const account = displayName.toLowerCase().replace(/\W+/g, '-');
  return { id: account, displayName, emailAddress: `${account}@contoso.com`, building };
}

function find(index: RoomIndex, message: string): Resolution<DirectoryRoom> | undefined {
  return index.find(tokenise(cleanMessage(message)), new Set())?.resolution;
}

function names(resolution: Resolution<DirectoryRoom> | undefined): string | string[] | undefined {
  if (!resolution) return undefined;
  if (resolution.kind === 'resolved') return resolution.value.displayName;
  if (resolution.kind === 'ambiguous') return resolution.candidates.map((r) => r.displayName);
  return `not found: ${resolution.query} (${resolution.suggestions.map((r) => r.displayName).join(', ')})`;
}

describe('recognition: room index', () => {
  const demo = new RoomIndex(DEMO_DIRECTORY.rooms, vocabulary());

  it('resolves a room from its distinguishing token however it is written', () => {
    for (const message of ['4B', '4-b', '4 b', 'room4b', 'salle 4B', 'Room 4B', 'the MTR in 4B', 'ROOM 4B']) {
      assert.equal(names(find(demo, message)), 'Room 4B', message);
    }
  });

  it('resolves a room from its resource account', () => {
    assert.equal(names(find(demo, 'room-4b@contoso.com')), 'Room 4B');
    assert.equal(names(find(demo, 'boardroom-n@contoso.com')), 'Boardroom North');
  });

  it('matches whole tokens only', () => {
    assert.equal(names(find(demo, '4BX')), undefined);
    assert.equal(names(find(demo, 'broom')), undefined);
    assert.equal(names(find(demo, 'room 14B')), 'not found: 14B (Room 4B, Room 1A, Room 4A)');
  });

  it('needs every token of a multi-word name to tell rooms apart, in any order', () => {
    assert.deepEqual(names(find(demo, 'boardroom')), ['Boardroom North', 'Boardroom South']);
    assert.equal(names(find(demo, 'boardroom north')), 'Boardroom North');
    assert.equal(names(find(demo, 'north boardroom')), 'Boardroom North');
    assert.equal(names(find(demo, 'boardroom nord')), 'Boardroom North');
    assert.equal(names(find(demo, 'salle du conseil sud')), 'Boardroom South');
  });

  it('reports a room-like mention that matches nothing, with the closest names', () => {
    assert.equal(names(find(demo, 'room 9Z')), 'not found: 9Z (Room 1A, Room 2C, Room 3D)');
    assert.equal(names(find(demo, 'room 4C')), 'not found: 4C (Room 2C, Room 4A, Room 4B)');
    assert.equal(names(find(demo, 'salle Atlantis')), 'not found: Atlantis ()');
    assert.equal(
      names(find(demo, 'room-9z@contoso.com')),
      'not found: room-9z@contoso.com (Room 1A, Room 2C, Room 3D)',
    );
  });

  it('does not take a floor, an hour or a bare number for a room', () => {
    assert.equal(names(find(demo, 'salle du 4e étage')), undefined);
    assert.equal(names(find(demo, 'depuis 8h')), undefined);
    assert.equal(names(find(demo, 'salle 8h')), 'Room 8H');
    assert.equal(names(find(demo, 'stuck for 2 hours')), undefined);
  });

  it('skips tokens another entity already used', () => {
    const tokens = tokenise('room 4B');
    assert.equal(demo.find(tokens, new Set([1])), undefined);
  });

  it('trusts numbers and letters only next to a room word, and everyday words only beside a real key', () => {
    const index = new RoomIndex(
      [room('Room 12'), room('Room A'), room('East Wing'), room('Le Cube')],
      vocabulary(),
    );
    assert.equal(names(find(index, 'salle 12')), 'Room 12');
    assert.equal(names(find(index, 'stuck for 12 minutes')), undefined);
    assert.equal(names(find(index, 'room a')), 'Room A');
    assert.equal(names(find(index, 'a problem')), undefined);
    assert.equal(names(find(index, 'la salle est bloquée')), undefined, '"est" is French for "is" here');
    assert.equal(names(find(index, 'east wing')), 'East Wing');
    assert.equal(names(find(index, 'le cube')), 'Le Cube');
  });

  it('prefers the room whose whole name is written, then the one in the named building', () => {
    const index = new RoomIndex(
      [room('Room 4B', 'HQ'), room('Room 4B Lab', 'HQ'), room('Room 5A', 'HQ'), room('Room 5A', 'Annex')],
      vocabulary(),
    );
    assert.equal(names(find(index, '4B')), 'Room 4B');
    assert.equal(names(find(index, '4B lab')), 'Room 4B Lab');
    assert.deepEqual(names(find(index, '5A')), ['Room 5A', 'Room 5A']);
    const annex = find(index, '5A annex');
    assert.equal(annex?.kind === 'resolved' ? annex.value.building : undefined, 'Annex');
  });

  it('lists at most ten candidates, in display-name order', () => {
    const rooms = Array.from({ length: 30 }, (_, i) => room(`Atrium ${30 - i}`));
    const resolution = find(new RoomIndex(rooms, vocabulary()), 'atrium');
    assert.equal(resolution?.kind, 'ambiguous');
    assert.deepEqual(
      resolution?.kind === 'ambiguous' ? resolution.candidates.map((r) => r.displayName) : [],
      Array.from({ length: 10 }, (_, i) => `Atrium ${i + 1}`),
    );
  });

  it('gives the words of the message that named the room as the query', () => {
    const resolution = find(demo, 'the boardroom nord is stuck');
    assert.equal(resolution?.query, 'boardroom nord');
    assert.equal(find(demo, 'salle 4-b')?.query, '4-b');
  });
});
