import { strict as assert } from 'node:assert';
import { cleanMessage, tokenise } from '../../../bot/recognition/normalise';
import { PersonIndex } from '../../../bot/recognition/person-index';
import type { DirectoryPerson, Resolution } from '../../../bot/recognition/types';
import { vocabulary } from '../../../bot/recognition/vocabulary';
import { DEMO_DIRECTORY } from './demo-directory';

function person(displayName: string, upn: string, givenName?: string, surname?: string): DirectoryPerson {
  return { id: upn, displayName, givenName, surname, userPrincipalName: upn, mail: upn };
}

function names(resolution: Resolution<DirectoryPerson> | undefined): string | string[] | undefined {
  if (!resolution) return undefined;
  if (resolution.kind === 'resolved') return resolution.value.displayName;
  if (resolution.kind === 'ambiguous') return resolution.candidates.map((p) => p.displayName);
  return `not found: ${resolution.query} (${resolution.suggestions.map((p) => p.displayName).join(', ')})`;
}

describe('recognition: person index', () => {
  const demo = new PersonIndex(DEMO_DIRECTORY.people, vocabulary());
  const find = (message: string, index = demo) =>
    names(index.find(tokenise(cleanMessage(message)), new Set())?.resolution);

  it('finds people by display name, first name, surname, UPN and mail', () => {
    assert.equal(find('Alice Martin'), 'Alice Martin');
    assert.equal(find('Martin Alice'), 'Alice Martin');
    assert.equal(find('alice'), 'Alice Martin');
    assert.equal(find('Durand'), 'Bob Durand');
    assert.equal(find('alice.martin@contoso.com'), 'Alice Martin');
    assert.equal(find('ALICE.MARTIN@CONTOSO.COM'), 'Alice Martin');
    assert.equal(find('chloe'), 'Chloé Petit');
    assert.equal(find('reception'), 'Reception');
  });

  it('reads French elision and English possessive', () => {
    assert.equal(find("le CCX d'Alice"), 'Alice Martin');
    assert.equal(find("Alice's phone"), 'Alice Martin');
    assert.equal(find("l'écran de Léo"), 'Léo Dupont');
  });

  it('prefers the longest name and reports several people behind it as ambiguous', () => {
    assert.deepEqual(find('Helpdesk'), undefined, 'a chat-noise word alone is not a name');
    assert.deepEqual(find('the phone of Helpdesk'), ['Anna Helpdesk', 'Marc Helpdesk']);
    assert.equal(find('Marc Helpdesk'), 'Marc Helpdesk');
  });

  it('takes an everyday word for a name only when it is written as one', () => {
    assert.equal(find('un petit problème'), undefined);
    assert.equal(find('le téléphone de Petit'), 'Chloé Petit');
    assert.equal(find('appelle Petit demain'), 'Chloé Petit');
    assert.equal(find('Petit problème'), undefined, 'capitalised at the start of a sentence proves nothing');
  });

  it('lists namesakes in display-name order', () => {
    const index = new PersonIndex(
      [
        person('Alice Zed', 'alice.zed@contoso.com', 'Alice', 'Zed'),
        person('Alice Martin', 'alice.martin@contoso.com', 'Alice', 'Martin'),
        person('Alice Blanc', 'alice.blanc@contoso.com', 'Alice', 'Blanc'),
      ],
      vocabulary(),
    );
    assert.deepEqual(find('Alice', index), ['Alice Blanc', 'Alice Martin', 'Alice Zed']);
    assert.equal(find('Alice Zed', index), 'Alice Zed');
  });

  it('splits a display name into first name and surname when Graph gives neither', () => {
    const index = new PersonIndex([person('Jean-Pierre Dupuis', 'jp@contoso.com')], vocabulary());
    assert.equal(find('Dupuis', index), 'Jean-Pierre Dupuis');
    assert.equal(find('jean-pierre dupuis', index), 'Jean-Pierre Dupuis');
  });

  it('reports an unknown name written as a name, with close names as suggestions', () => {
    const known = (word: string) => vocabulary().knownWords.has(word);
    const unknown = (message: string) =>
      names(demo.findUnknown(tokenise(cleanMessage(message)), new Set(), known)?.resolution);
    assert.equal(unknown("Bobby's phone"), 'not found: Bobby (Bob Durand)');
    assert.equal(unknown('le téléphone de Zoé'), 'not found: Zoé ()');
    assert.equal(unknown('nobody@contoso.com'), 'not found: nobody@contoso.com ()');
    assert.equal(unknown('the phone is dead'), undefined);
  });
});
