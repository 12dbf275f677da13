import { strict as assert } from 'node:assert';
import {
  MAX_CARD_BYTES,
  cardByteSize,
  renderFleetDigestCard,
  type AdaptiveCard,
  type JsonObject,
} from '../../../bot/cards';
import { MAX_DIGEST_ITEMS } from '../../../bot/cards/fleet-digest-card';
import { DIAGNOSE_VERB } from '../../../bot/commands/diagnose-room';
import { PHONE_DIAGNOSE_VERB } from '../../../bot/commands/phone-support';
import { FLEET_PROBLEM_KINDS, type FleetDigest, type FleetItem } from '../../../bot/diagnostics/fleet-rules';
import { fleetTextCatalog } from '../../../bot/diagnostics/fleet-texts';
import { presentFleetDigest } from '../../../bot/diagnostics/present-fleet';
import type { Locale } from '../../../bot/i18n';
import { validateCard } from '../../support/card-validator';
import { allStrings, elementsOfType, objectsOf, textRunTexts, withoutZeroWidth } from './card-helpers';

const LOCALES: Locale[] = ['en', 'fr'];
const SCANNED_AT = '2026-11-20T10:00:00.000Z';
const BASIC = '6af4b3d6-14bb-4a2a-960c-6c902aad34f3';
const PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
const STANDARD = '6070a4c8-34c6-4937-8dfb-39bbc6397a60';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';

function room(name: string): Omit<FleetItem, 'kind' | 'params'> {
  const id = `room-${name.toLowerCase().replace(/\W+/g, '-')}`;
  return {
    subject: id,
    subjectType: 'room',
    name,
    account: `${id}@contoso.com`,
    target: { verb: 'room.diagnose', data: { roomId: id } },
  };
}

function phone(person: string): Omit<FleetItem, 'kind' | 'params'> {
  const deviceId = `phone-${person.toLowerCase().replace(/\W+/g, '-')}`;
  return {
    subject: `phone:${deviceId}`,
    subjectType: 'phone',
    name: `${person} · Poly CCX 500`,
    account: `${person.toLowerCase().replace(/\W+/g, '.')}@contoso.com`,
    target: { verb: 'phone.diagnose', data: { userId: `user-${deviceId}`, deviceId } },
  };
}

/** One item of every kind, as the demo tenant gives them. */
function demoItems(): FleetItem[] {
  return [
    {
      ...room('Room 4B'),
      kind: 'bad-build',
      params: { version: '5.2.115.0', build: '5.2.115.0', signIn: 'failing' },
    },
    {
      ...room('Room 7G'),
      kind: 'sign-in-failing',
      params: {
        device: 'room',
        cause: 'account-disabled',
        since: SCANNED_AT,
        model: 'Lenovo ThinkSmart Core',
      },
    },
    {
      ...phone('Chloé Petit'),
      kind: 'sign-in-failing',
      params: { device: 'phone', cause: 'unknown', since: SCANNED_AT, model: 'Poly CCX 500' },
    },
    {
      ...phone('Alice Martin'),
      kind: 'phone-offline',
      params: { model: 'Poly CCX 500', since: '2026-11-17T10:00:00.000Z' },
    },
    {
      ...phone('Alice Martin'),
      kind: 'phone-old-firmware',
      params: {
        model: 'Poly CCX 500',
        version: '7.1.3.0991',
        minimum: '8.0.0.0',
        recommended: '8.1.4.1250',
        issue: '7.1.3.0991',
        belowMinimum: true,
      },
    },
    {
      ...room('Room 2C'),
      kind: 'user-licence-on-room',
      params: { skus: [{ skuId: E3, skuPartNumber: 'ENTERPRISEPACK', groupId: '' }] },
    },
    {
      ...room('Room 5E'),
      kind: 'group-licence-on-room',
      params: {
        skuId: PRO,
        skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
        groupIds: ['f0000000-0000-4000-8000-000000000002'],
      },
    },
    {
      kind: 'no-free-seat',
      subject: `sku:${BASIC}`,
      subjectType: 'sku',
      name: 'Microsoft_Teams_Rooms_Basic',
      account: '',
      target: null,
      params: {
        skuId: BASIC,
        skuPartNumber: 'Microsoft_Teams_Rooms_Basic',
        enabled: 25,
        consumed: 25,
        rooms: ['Room 1A', 'Room 2C', 'Room 3X', 'Room 4Y', 'Room 5Z'].map((name) => ({ id: name, name })),
      },
    },
    {
      ...room('Room 3D'),
      kind: 'deprecated-sku',
      params: { skuId: STANDARD, skuPartNumber: 'MEETING_ROOM' },
    },
    {
      ...room('Conf Lobby'),
      kind: 'naming',
      params: { upn: 'conf-lobby@contoso.com', pattern: '^room-[0-9a-z]+@contoso\\.com$' },
    },
  ];
}

function digestOf(items: FleetItem[], overrides: Partial<FleetDigest> = {}): FleetDigest {
  const problems = FLEET_PROBLEM_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) }));
  const subjects = new Map(items.map((i) => [i.subject, i.subjectType]));
  const affected = { rooms: 0, phones: 0, skus: 0, devices: 0 };
  for (const type of subjects.values()) {
    if (type === 'room') affected.rooms++;
    else if (type === 'phone') affected.phones++;
    else if (type === 'sku') affected.skus++;
    else affected.devices++;
  }
  return {
    scannedAt: SCANNED_AT,
    problems,
    alreadyInCase: 1,
    affected,
    totals: { rooms: 11, roomAccounts: 11, devices: 15, roomDevices: 10, phones: 5, versionsRead: 15 },
    namingChecked: true,
    gaps: [],
    cost: { httpRequests: 5, batchedRequests: 15 },
    ...overrides,
  };
}

function render(digest: FleetDigest, locale: Locale): AdaptiveCard {
  return renderFleetDigestCard(presentFleetDigest(digest, locale), locale);
}

function executes(card: AdaptiveCard): JsonObject[] {
  return elementsOfType(card, 'Action.Execute');
}

function texts(card: AdaptiveCard): string {
  return withoutZeroWidth(textRunTexts(card).join('\n'));
}

/** A fleet of 5,000 rooms with a few hundred problems of each kind and long names. */
function hugeItems(): FleetItem[] {
  const out: FleetItem[] = [];
  const long = (n: number) =>
    `Room ${String(n).padStart(4, '0')} – ${'Very long building and floor name '.repeat(3)}`;
  for (let n = 0; n < 5000; n++) {
    const kind = FLEET_PROBLEM_KINDS[n % FLEET_PROBLEM_KINDS.length] ?? 'bad-build';
    const base = room(long(n));
    switch (kind) {
      case 'bad-build':
        out.push({ ...base, kind, params: { version: '5.2.115.0', build: '5.2.115.0', signIn: 'ok' } });
        break;
      case 'sign-in-failing':
        out.push({
          ...base,
          kind,
          params: { device: 'room', cause: 'unknown', since: SCANNED_AT, model: 'Tap' },
        });
        break;
      case 'phone-offline':
        out.push({ ...phone(`Person ${n}`), kind, params: { model: 'Poly CCX 500', since: SCANNED_AT } });
        break;
      case 'phone-old-firmware':
        out.push({
          ...phone(`Person ${n}`),
          kind,
          params: {
            model: 'Poly CCX 500',
            version: '7.1.3.0991',
            minimum: '8.0.0.0',
            recommended: '8.1.4.1250',
            issue: '',
            belowMinimum: true,
          },
        });
        break;
      case 'user-licence-on-room':
        out.push({
          ...base,
          kind,
          params: { skus: [{ skuId: E3, skuPartNumber: 'ENTERPRISEPACK', groupId: '' }] },
        });
        break;
      case 'group-licence-on-room':
        out.push({ ...base, kind, params: { skuId: PRO, skuPartNumber: 'Pro', groupIds: ['g1', 'g2'] } });
        break;
      case 'no-free-seat':
        out.push({
          kind,
          subject: `sku:${n}`,
          subjectType: 'sku',
          name: `SKU ${n}`,
          account: '',
          target: null,
          params: {
            skuId: `${n}`,
            skuPartNumber: `SKU_${n}`,
            enabled: 10,
            consumed: 10,
            rooms: [{ id: 'r', name: 'R' }],
          },
        });
        break;
      case 'deprecated-sku':
        out.push({ ...base, kind, params: { skuId: STANDARD, skuPartNumber: 'MEETING_ROOM' } });
        break;
      case 'naming':
        out.push({ ...base, kind, params: { upn: `conf-${n}@contoso.com`, pattern: '^room-' } });
        break;
    }
  }
  return out;
}

describe('fleet digest card', () => {
  for (const locale of LOCALES) {
    describe(`in ${locale}`, () => {
      const card = render(digestOf(demoItems()), locale);

      it('is a valid Adaptive Card 1.5 within the Teams size', () => {
        const result = validateCard(card);
        assert.deepEqual(result.errors, [], result.errors.join('\n'));
        assert.ok(cardByteSize(card) < MAX_CARD_BYTES);
      });

      it('leaves no template binding unresolved', () => {
        assert.deepEqual(
          allStrings(card).filter((text) => text.includes('${')),
          [],
        );
        const keys = objectsOf(card).flatMap(({ node }) =>
          Object.keys(node).filter((key) => key.startsWith('$') && key !== '$schema'),
        );
        assert.deepEqual(keys, []);
      });

      it('shows the counts by problem, in the reader language', () => {
        const facts = elementsOfType(card, 'FactSet').flatMap((f) => (Array.isArray(f.facts) ? f.facts : []));
        const labels = facts.map((f) => (f as JsonObject).title);
        assert.equal(labels.length, FLEET_PROBLEM_KINDS.length);
        assert.deepEqual(
          labels,
          FLEET_PROBLEM_KINDS.map((kind) => fleetTextCatalog[locale][`kind.${kind}`]),
        );
        const text = texts(card);
        assert.match(text, locale === 'en' ? /Fleet scan/ : /Analyse du parc/);
        assert.match(text, locale === 'en' ? /Already in a case/ : /Déjà dans un dossier/);
        assert.match(text, /Room 1A, Room 2C, Room 3X/, 'SKU holders are named');
      });

      it('gives each room and phone one button to its diagnosis, with a Submit fallback', () => {
        const buttons = executes(card);
        assert.equal(buttons.length, 9, 'every item but the SKU');
        for (const b of buttons) {
          assert.ok(b.verb === DIAGNOSE_VERB || b.verb === PHONE_DIAGNOSE_VERB);
          const data = b.data as JsonObject;
          if (b.verb === DIAGNOSE_VERB) assert.deepEqual(Object.keys(data), ['roomId']);
          else assert.deepEqual(Object.keys(data).sort(), ['deviceId', 'userId']);
          const fallback = b.fallback as JsonObject;
          assert.equal(fallback.type, 'Action.Submit');
          assert.deepEqual(fallback.data, { ...data, verb: b.verb });
        }
        const four = buttons.find((b) => b.title === 'Room 4B');
        assert.deepEqual(four?.data, { roomId: 'room-room-4b' });
        for (const set of elementsOfType(card, 'ActionSet')) {
          assert.ok(Array.isArray(set.actions) && set.actions.length <= 5);
        }
      });
    });
  }

  it('says so when the Teams devices could not be read, and what was still checked', () => {
    const licences = demoItems().filter((i) => i.subjectType === 'room' && i.kind !== 'bad-build');
    const digest = digestOf(licences, {
      totals: {
        rooms: 11,
        roomAccounts: 11,
        devices: null,
        roomDevices: null,
        phones: null,
        versionsRead: null,
      },
      gaps: [{ source: 'teams-devices', reason: 'unavailable' }],
    });
    const en = texts(render(digest, 'en'));
    assert.match(en, /The Teams devices could not be read \(Microsoft Graph did not answer\)/);
    assert.match(en, /licence checks are complete/);
    assert.doesNotMatch(en, /Teams devices ·|Versions read/);
    const fr = texts(render(digest, 'fr'));
    assert.match(fr, /Les appareils Teams n'ont pas pu être lus/);
  });

  it('says for how many devices the versions were read', () => {
    const digest = digestOf(demoItems(), {
      totals: {
        rooms: 5000,
        roomAccounts: 5000,
        devices: 5038,
        roomDevices: 4933,
        phones: 105,
        versionsRead: 1320,
      },
    });
    assert.match(texts(render(digest, 'en')), /Versions read for 1,320 of 5,038 devices/);
    assert.match(texts(render(digest, 'fr')), /Versions lues pour 1\u202f320 appareils sur 5\u202f038/);
  });

  it('says there is nothing to report when every list is empty', () => {
    const card = render(digestOf([], { alreadyInCase: 0 }), 'en');
    assert.deepEqual(validateCard(card).errors, []);
    assert.match(texts(card), /Nothing to report/);
    assert.equal(executes(card).length, 0);
    assert.doesNotMatch(texts(card), /Already in a case/);
  });

  for (const locale of LOCALES) {
    it(`keeps 5,000 rooms' findings within the size limit, with "and N more" (${locale})`, () => {
      const items = hugeItems();
      const card = render(digestOf(items), locale);
      const result = validateCard(card);
      assert.deepEqual(result.errors, [], result.errors.join('\n'));
      assert.ok(cardByteSize(card) < MAX_CARD_BYTES, `${cardByteSize(card)} bytes`);
      const buttons = executes(card);
      assert.ok(buttons.length > 0 && buttons.length <= MAX_DIGEST_ITEMS * FLEET_PROBLEM_KINDS.length);
      assert.match(texts(card), locale === 'en' ? /…and \d+ more/ : /…et \d+ de plus/);
    });
  }

  it('shows names as typed, never as template syntax or Markdown', () => {
    const hostile = { ...room('${title} **Room** {{DATE(2026-01-01)}}') };
    const card = render(
      digestOf([
        { ...hostile, kind: 'bad-build', params: { version: '5.2.115.0', build: '5.2.115.0', signIn: 'ok' } },
      ]),
      'en',
    );
    assert.deepEqual(validateCard(card).errors, []);
    const title = executes(card)[0]?.title;
    assert.ok(typeof title === 'string' && title.includes('${title} **Room**'));
    assert.ok(!allStrings(card).some((s) => s.includes('{{DATE(')), 'the date macro is defused');
  });

  it('writes French with a no-break space before : ; ? !', () => {
    for (const [key, value] of Object.entries(fleetTextCatalog.fr)) {
      assert.doesNotMatch(value, / [:;?!]/, `fr.${key} has a plain space before punctuation`);
    }
    assert.deepEqual(Object.keys(fleetTextCatalog.fr).sort(), Object.keys(fleetTextCatalog.en).sort());
  });
});
