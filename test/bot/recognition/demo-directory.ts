import type { Directory, DirectoryPerson, DirectoryRoom } from '../../../bot/recognition/types';

function room(
  displayName: string,
  account: string,
  building: string | null,
  floor: number | null,
): DirectoryRoom {
  return { id: `id-${account}`, displayName, emailAddress: `${account}@contoso.com`, building, floor };
}

function person(
  displayName: string,
  account: string,
  givenName: string | null,
  surname: string | null,
): DirectoryPerson {
  const upn = `${account}@contoso.com`;
  return { id: `id-${account}`, displayName, givenName, surname, userPrincipalName: upn, mail: upn };
}

/** The demo tenant of the design notes ("Demo tenant"), as the directory cache would hold it. */
export const DEMO_DIRECTORY: Directory = {
  rooms: [
    room('Room 4B', 'room-4b', 'HQ', 4),
    room('Room 4A', 'room-4a', 'HQ', 4),
    room('Room 2C', 'room-2c', 'HQ', 2),
    room('Room 3D', 'room-3d', 'HQ', 3),
    room('Room 5E', 'room-5e', 'Annex', 5),
    room('Room 6F', 'room-6f', 'Annex', 6),
    room('Room 1A', 'room-1a', 'HQ', 1),
    room('Boardroom North', 'boardroom-n', 'HQ', null),
    room('Boardroom South', 'boardroom-s', 'HQ', null),
    room('Room 7G', 'room-7g', 'Annex', 7),
    room('Room 8H', 'room-8h', 'Annex', 8),
  ],
  people: [
    person('Alice Martin', 'alice.martin', 'Alice', 'Martin'),
    person('Bob Durand', 'bob.durand', 'Bob', 'Durand'),
    person('Chloé Petit', 'chloe.petit', 'Chloé', 'Petit'),
    person('David Leroy', 'david.leroy', 'David', 'Leroy'),
    person('Reception', 'reception', null, null),
    person('Anna Helpdesk', 'anna.helpdesk', 'Anna', 'Helpdesk'),
    person('Marc Helpdesk', 'marc.helpdesk', 'Marc', 'Helpdesk'),
    person('Léo Dupont', 'leo.dupont', 'Léo', 'Dupont'),
  ],
};
