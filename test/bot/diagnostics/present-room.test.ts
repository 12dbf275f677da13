import { strict as assert } from 'node:assert';
import type { RoomDiagnosisView } from '../../../bot/cards/view-models';
import { formatUtc, plainText, presentRoomDiagnosis } from '../../../bot/diagnostics/present-room';
import { diagnoseRoom } from '../../../bot/diagnostics/room-rules';
import type { RoomFacts } from '../../../bot/diagnostics/room-facts';
import { roomTextCatalog, type RoomTextKey } from '../../../bot/diagnostics/texts';
import type { Locale } from '../../../bot/i18n';
import { DEMO_ROOMS, MTR_GROUP_ID, demoRoom } from './fixtures';

function present(facts: RoomFacts, locale: Locale, markdown = true): RoomDiagnosisView {
  return presentRoomDiagnosis(diagnoseRoom(facts), facts, locale, { markdown });
}

function evidence(view: RoomDiagnosisView, label: string): { value: string; tone: string } {
  const line = view.evidence.find((e) => e.label === label);
  assert.ok(line, `no evidence "${label}" in ${view.evidence.map((e) => e.label).join(', ')}`);
  return line;
}

/** Every text of a view, for checks that apply to all of them. */
function texts(view: RoomDiagnosisView): string[] {
  return [
    view.verdict.headline,
    view.verdict.summary,
    ...view.evidence.flatMap((e) => [e.label, e.value]),
    ...view.plan.flatMap((s) => [s.title, s.detail]),
    ...view.missingEvidence,
    view.gatheredAt,
    view.room.location ?? '',
  ];
}

describe('presentRoomDiagnosis: Room 4B in English', () => {
  const view = present(demoRoom('room4B'), 'en');

  it('states the verdict with its tone', () => {
    assert.deepEqual(view.room, {
      id: 'room-4b',
      displayName: 'Room 4B',
      emailAddress: 'room-4b@contoso.com',
      location: 'HQ, floor 4',
    });
    assert.equal(view.verdict.headline, 'Matches the Teams Rooms 5.2.115.0 licence bug');
    assert.equal(view.verdict.tone, 'attention');
    assert.match(view.verdict.summary, /room-4b@contoso\.com holds Teams Rooms Pro, provisioned/);
    assert.match(view.verdict.summary, /wait 8 to 24 hours/);
  });

  it('lists the evidence as a helpdesk engineer would read it', () => {
    assert.deepEqual(evidence(view, 'Licence'), {
      label: 'Licence',
      value: 'Teams Rooms Pro, assigned directly, provisioned',
      tone: 'good',
    });
    assert.match(
      evidence(view, 'Teams Rooms app').value,
      /^5\.2\.115\.0 — known bad build \(licence error at sign-in\)\. /,
    );
    assert.equal(evidence(view, 'Teams Rooms app').tone, 'warning');
    assert.deepEqual(evidence(view, 'Sign-in to Teams'), {
      label: 'Sign-in to Teams',
      value: 'failing',
      tone: 'attention',
    });
    assert.equal(evidence(view, 'Usage location').value, 'FR');
    assert.equal(evidence(view, 'Free Teams Rooms Pro seats').value, '3 (7 of 10 in use)');
    assert.equal(evidence(view, 'Entra device').value, 'MTR-4B-HQ: enabled, Microsoft Entra joined');
    assert.equal(evidence(view, 'Room account').value, 'room-4b@contoso.com, enabled');
    assert.equal(evidence(view, 'Device health').value, 'Critical');
  });

  it('gives the plan step by step, with PowerShell and the advanced steps marked', () => {
    const titles = view.plan.map((s) => s.title);
    assert.deepEqual(titles.slice(0, 7), [
      'Write down the licence as it is',
      'Reset the Teams Rooms app on the console',
      'Remove the licence',
      'Wait 8 to 24 hours',
      'Assign the same licence again',
      'Restart the console',
      'Check that the console signs in',
    ]);
    assert.equal(titles[7], "If it still fails: check the console's Entra device object");
    assert.equal(titles[9], 'If it still fails: update the Teams Rooms app to 5.2.136.x');
    assert.equal(titles.at(-1), 'If it still fails: escalate to Microsoft Support');
    const remove = view.plan[2];
    assert.match(remove?.detail ?? '', /^Remove Teams Rooms Pro from room-4b@contoso\.com\./);
    assert.match(remove?.powershell ?? '', /^Set-MgUserLicense -UserId 'room-4b@contoso\.com'/);
    assert.equal(view.plan[1]?.powershell, undefined);
    assert.match(view.plan[3]?.detail ?? '', /at least 8 hours/);
  });

  it('formats the time of the facts in UTC and leaves the buttons to the caller', () => {
    assert.equal(view.gatheredAt, '22 Nov 2026, 10:05 UTC');
    assert.deepEqual(view.missingEvidence, []);
    assert.deepEqual(view.actions, []);
  });
});

describe('presentRoomDiagnosis: in French', () => {
  const view = present(demoRoom('room4B'), 'fr');

  it('speaks French', () => {
    assert.equal(view.verdict.headline, 'Correspond au bug de licence de Teams Rooms 5.2.115.0');
    assert.equal(view.room.location, 'HQ, étage 4');
    assert.equal(evidence(view, 'Licence').value, 'Teams Rooms Pro, attribuée directement, provisionnée');
    assert.equal(evidence(view, 'Connexion à Teams').value, 'en échec');
    assert.equal(evidence(view, "Emplacement d'utilisation").value, 'FR');
    assert.equal(evidence(view, 'Licences Teams Rooms Pro disponibles').value, '3 (7 sur 10 utilisées)');
    assert.equal(evidence(view, 'Appareil Entra').value, 'MTR-4B-HQ : activé, joint à Microsoft Entra');
    assert.equal(view.plan[3]?.title, 'Attendre 8 à 24 heures');
    assert.equal(
      view.plan[7]?.title,
      "Si cela échoue encore : vérifier l'objet appareil Entra de la console",
    );
    assert.equal(view.gatheredAt, '22 nov. 2026, 10:05 UTC');
  });

  it('has a French text for every English one', () => {
    assert.deepEqual(Object.keys(roomTextCatalog.fr).sort(), Object.keys(roomTextCatalog.en).sort());
    // Texts that are the same in both languages: names, numbers, bare values.
    const same = new Set([
      'label.licences',
      'label.licence',
      'value.roomLicence',
      'value.usageLocation',
      'value.alternativeSeats',
      'format.minute',
      'format.minutes',
    ]);
    const untranslated = (Object.keys(roomTextCatalog.en) as RoomTextKey[]).filter(
      (key) => !same.has(key) && roomTextCatalog.en[key] === roomTextCatalog.fr[key],
    );
    assert.deepEqual(untranslated, []);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(roomTextCatalog.en) as RoomTextKey[]) {
      assert.deepEqual(placeholders(roomTextCatalog.fr[key]), placeholders(roomTextCatalog.en[key]), key);
    }
  });
});

describe('presentRoomDiagnosis: every demo room, both languages', () => {
  for (const room of DEMO_ROOMS) {
    for (const locale of ['en', 'fr'] as const) {
      it(`${room} (${locale}) has complete texts`, () => {
        const view = present(demoRoom(room), locale);
        for (const text of texts(view)) {
          assert.doesNotMatch(text, /\{\w+\}/, `placeholder left in "${text}"`);
          assert.doesNotMatch(text, /undefined|null|NaN|\[object/, text);
        }
        assert.notEqual(view.verdict.headline, '');
        assert.notEqual(view.verdict.summary, '');
        assert.ok(view.plan.every((s) => s.title !== '' && s.detail !== ''));
        assert.ok(view.evidence.every((e) => e.label !== '' && e.value !== ''));
      });
    }
  }

  it('tells each scenario apart in its summary', () => {
    assert.match(
      present(demoRoom('room2C'), 'en').verdict.summary,
      /holds Office 365 E3, a user licence\. Since July 2023/,
    );
    assert.match(present(demoRoom('room2C'), 'fr').verdict.summary, /Depuis juillet 2023/);
    assert.match(
      present(demoRoom('room3D'), 'en').verdict.summary,
      /^Teams Rooms Standard is a legacy licence/,
    );
    assert.match(
      present(demoRoom('room5E'), 'en').verdict.summary,
      /comes from group MTR Licences: take the room out/,
    );
    assert.match(
      present(demoRoom('room6F'), 'en').verdict.summary,
      /The usage location is not set: set it first/,
    );
    assert.match(present(demoRoom('room1A'), 'en').verdict.summary, /No Teams Rooms Basic seat is free/);
    assert.match(present(demoRoom('room7G'), 'en').verdict.summary, /The licence is not the cause/);
    assert.equal(present(demoRoom('room4A'), 'en').verdict.headline, 'Nothing wrong found');
    assert.equal(present(demoRoom('room4A'), 'en').verdict.tone, 'good');
    assert.equal(present(demoRoom('room3D'), 'en').verdict.tone, 'warning');
  });

  it('shows the group and the seat situation where they change the plan', () => {
    const e = present(demoRoom('room5E'), 'en');
    assert.equal(
      evidence(e, 'Licence').value,
      'Teams Rooms Pro, assigned through group MTR Licences, provisioned',
    );
    assert.equal(
      e.plan
        .find((s) => s.title === 'Take the room out of group MTR Licences')
        ?.powershell?.includes(MTR_GROUP_ID),
      true,
    );
    const a = present(demoRoom('room1A'), 'en');
    assert.match(
      evidence(a, 'Free Teams Rooms Basic seats').value,
      /^None \(25 of 25 in use; Basic is capped at 25 rooms per tenant\)/,
    );
    assert.equal(evidence(a, 'Free Teams Rooms Pro seats').value, '3');
    assert.ok(a.plan.some((s) => s.title === 'Or assign Teams Rooms Pro instead'));
    const c = present(demoRoom('room2C'), 'en');
    assert.deepEqual(evidence(c, 'Free Teams Rooms Basic seats'), {
      label: 'Free Teams Rooms Basic seats',
      value: 'None (25 of 25 in use; Basic is capped at 25 rooms per tenant)',
      tone: 'default',
    });
    const f = present(demoRoom('room6F'), 'en');
    assert.equal(f.plan[0]?.title, 'Set the usage location first');
    assert.match(f.plan[0]?.detail ?? '', /the tenant's country is FR/);
  });

  it('says which evidence is missing and that the diagnosis went on without it', () => {
    const h = present(demoRoom('room8H'), 'en');
    assert.equal(h.verdict.headline, 'Account and licence are fine, but the console could not be checked');
    assert.deepEqual(h.missingEvidence, [
      'No Teams device is registered with this room account: the app version and sign-in state are unknown, and the diagnosis went on without them.',
    ]);
    const facts = demoRoom('room4B', {
      device: null,
      entra: null,
      gaps: [{ source: 'teams-device', reason: 'unavailable', requestId: 'req-42' }],
    });
    const en = present(facts, 'en');
    assert.deepEqual(en.missingEvidence, [
      'The Teams device data (app version, sign-in state) could not be read (the service did not answer); the diagnosis went on without it. Request id: req-42.',
    ]);
    assert.match(en.verdict.summary, /the Teams device data could not be read/);
    assert.match(
      present(facts, 'fr').missingEvidence[0] ?? '',
      /^Les données de l'appareil Teams .* le diagnostic s'est poursuivi sans\./,
    );
  });
});

describe('presentRoomDiagnosis: Graph text is neutralised', () => {
  const hostile = (): RoomFacts => {
    const facts = demoRoom('room4B', { entra: { name: 'MTR [click](https://evil.example) **now**' } });
    if (facts.account) facts.account.userPrincipalName = 'room_4b@contoso.com';
    if (facts.teamsDevice?.configuration?.softwareVersions) {
      facts.teamsDevice.configuration.softwareVersions.teamsClientSoftwareVersion = '9.9.9.9 {upn}\n# title';
    }
    facts.licenceGroups = [{ id: MTR_GROUP_ID, displayName: '> MTR_Licences' }];
    return facts;
  };

  it('escapes Markdown characters in Graph values', () => {
    const view = present(hostile(), 'en');
    assert.equal(
      evidence(view, 'Entra device').value,
      'MTR \\[click\\]\\(https://evil.example\\) \\*\\*now\\*\\*: enabled, Microsoft Entra joined',
    );
    assert.equal(evidence(view, 'Room account').value, 'room\\_4b@contoso.com, enabled');
    assert.equal(
      evidence(view, 'Teams Rooms app').value,
      '9.9.9.9 \\{upn\\} \\# title — not in the list of known builds',
    );
    for (const text of texts(view)) {
      assert.doesNotMatch(text, /(^|[^\\])\[click/, text);
      assert.doesNotMatch(text, /\n/, text);
    }
  });

  it('can leave values verbatim for renderers that do not read Markdown', () => {
    const view = present(hostile(), 'en', false);
    assert.equal(evidence(view, 'Room account').value, 'room_4b@contoso.com, enabled');
  });

  it('escapes group names too', () => {
    const facts = demoRoom('room5E');
    facts.licenceGroups = [{ id: MTR_GROUP_ID, displayName: 'MTR_Licences (rooms)' }];
    const view = present(facts, 'en');
    assert.equal(
      evidence(view, 'Licence').value,
      'Teams Rooms Pro, assigned through group MTR\\_Licences \\(rooms\\), provisioned',
    );
  });
});

describe('plainText', () => {
  it('escapes the characters Markdown reads', () => {
    assert.equal(
      plainText('a*b_c[d](e)#f>g<h`i\\j{k}'),
      'a\\*b\\_c\\[d\\]\\(e\\)\\#f\\>g\\<h\\`i\\\\j\\{k\\}',
    );
  });

  it('neutralises a leading list marker but not a version number', () => {
    assert.equal(plainText('- item'), '\\- item');
    assert.equal(plainText('+ item'), '\\+ item');
    assert.equal(plainText('1. item'), '1\\. item');
    assert.equal(plainText('5.2.115.0'), '5.2.115.0');
    assert.equal(plainText('MTR-4B-HQ'), 'MTR-4B-HQ');
  });

  it('folds line breaks and drops control and bidi characters', () => {
    assert.equal(plainText('one\r\ntwo\u2028three\tfour'), 'one two three four');
    assert.equal(plainText('ab\u0007c\u202Ed'), 'abcd');
  });

  it('leaves plain text alone', () => {
    assert.equal(plainText('room-4b@contoso.com'), 'room-4b@contoso.com');
    assert.equal(plainText('Réception, étage 2'), 'Réception, étage 2');
  });
});

describe('formatUtc', () => {
  it('formats per locale, in UTC', () => {
    assert.equal(formatUtc('2026-11-22T10:05:00Z', 'en'), '22 Nov 2026, 10:05 UTC');
    assert.equal(formatUtc('2026-11-22T10:05:00+02:00', 'en'), '22 Nov 2026, 08:05 UTC');
    assert.equal(formatUtc('2026-03-01T23:59:00Z', 'fr'), '1 mars 2026, 23:59 UTC');
  });

  it('shows an unreadable date as it came', () => {
    assert.equal(formatUtc('yesterday', 'en'), 'yesterday');
  });
});
