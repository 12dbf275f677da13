import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILDS_FILE,
  KnowledgeError,
  LICENCES_FILE,
  defaultKnowledge,
  findKnownBuild,
  findLicence,
  loadKnowledge,
  parseBuilds,
  parseLicences,
} from '../../../bot/knowledge';

const KNOWLEDGE_DIR = join(__dirname, '..', '..', '..', 'bot', 'knowledge');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(KNOWLEDGE_DIR, file), 'utf8')) as unknown;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function rejects(load: () => unknown, file: string, ...expected: RegExp[]): KnowledgeError {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof KnowledgeError, String(error));
    assert.equal(error.file, file);
    assert.match(error.message, new RegExp(`^Invalid knowledge file ${file.replace('.', '\\.')}:`));
    for (const pattern of expected) {
      assert.ok(
        error.problems.some((p) => pattern.test(p)),
        `no problem matches ${pattern}: ${error.problems.join(' | ')}`,
      );
    }
    return error;
  }
  assert.fail('the data was accepted');
}

describe('knowledge: shipped data files', () => {
  it('pass validation as read from disk', () => {
    const knowledge = loadKnowledge({ builds: readJson(BUILDS_FILE), licences: readJson(LICENCES_FILE) });
    assert.deepEqual(knowledge, defaultKnowledge);
  });

  it('hold every SKU of FACTS.md, by skuId, with the right category', () => {
    const expected: [string, string, string, boolean][] = [
      ['6af4b3d6-14bb-4a2a-960c-6c902aad34f3', 'Microsoft_Teams_Rooms_Basic', 'room-basic', false],
      [
        '50509a35-f0bd-4c5e-89ac-22f0e16a00f8',
        'Microsoft_Teams_Rooms_Basic_without_Audio_Conferencing',
        'room-basic',
        false,
      ],
      ['4cde982a-ede4-4409-9ae6-b003453c8ea6', 'Microsoft_Teams_Rooms_Pro', 'room-pro', false],
      [
        '21943e3a-2429-4f83-84c1-02735cd49e78',
        'Microsoft_Teams_Rooms_Pro_without_Audio_Conferencing',
        'room-pro',
        false,
      ],
      ['6070a4c8-34c6-4937-8dfb-39bbc6397a60', 'MEETING_ROOM', 'room-legacy-standard', true],
      ['4fb214cb-a430-4a91-9c91-4976763aa78f', 'MTR_PREM', 'room-legacy-premium', true],
      ['e43b5b99-8dfb-405f-9987-dc307f34bcbd', 'MCOEV', 'phone', false],
      ['295a8eb0-f78d-45c7-8b5b-1eed5ed02dff', 'MCOCAP', 'shared-device', false],
      ['6fd2c87f-b296-42f0-b197-1e91e994b900', 'ENTERPRISEPACK', 'user', false],
      ['18181a46-0d4e-45cd-891e-60aabd171b4e', 'STANDARDPACK', 'user', false],
      ['05e9a617-0261-4cee-bb44-138d3ef5d965', 'SPE_E3', 'user', false],
      ['c7df2760-2c81-4ef7-b578-5b5392b571df', 'ENTERPRISEPREMIUM', 'user', false],
      ['06ebc4ee-1bb5-47dd-8120-11324bc54e06', 'SPE_E5', 'user', false],
    ];
    for (const [skuId, partNumber, category, deprecated] of expected) {
      const sku = findLicence(defaultKnowledge, skuId);
      assert.ok(sku, skuId);
      assert.equal(sku.skuPartNumber, partNumber);
      assert.equal(sku.category, category, partNumber);
      assert.equal(sku.deprecated, deprecated, partNumber);
      assert.equal(sku.allowedOnRoomAccount, category !== 'user' && category !== 'shared-device', partNumber);
      assert.notEqual(sku.productName.en, '');
      assert.notEqual(sku.productName.fr, '');
    }
    assert.equal(defaultKnowledge.licences.skus.length, expected.length);
  });

  it('hold the licence rules: Teams Phone plan, Basic cap, user licences blocked since July 2023', () => {
    assert.equal(defaultKnowledge.licences.servicePlans.teamsPhone, '4828c8ec-dc2e-4779-b502-87ac9ce28ab7');
    assert.equal(defaultKnowledge.licences.roomsBasicTenantCap, 25);
    assert.equal(defaultKnowledge.licences.userLicencesBlockedOnRoomsSince, '2023-07-01');
  });

  it('know 5.2.115.0 as bad, 5.1.111.0 and 5.2.136.x as good', () => {
    assert.equal(findKnownBuild(defaultKnowledge, '5.2.115.0')?.status, 'bad');
    assert.equal(findKnownBuild(defaultKnowledge, '5.2.115.0')?.symptom, 'licence-error-at-sign-in');
    assert.equal(findKnownBuild(defaultKnowledge, '5.1.111.0')?.status, 'good');
    assert.equal(findKnownBuild(defaultKnowledge, '5.2.136.7')?.version, '5.2.136.*');
    assert.equal(findKnownBuild(defaultKnowledge, '5.3.0.0'), undefined);
    assert.equal(findKnownBuild(defaultKnowledge, ''), undefined);
  });
});

describe('knowledge: look-ups', () => {
  it('finds a licence by skuId whatever its case, never by part number', () => {
    assert.equal(findLicence(defaultKnowledge, '4CDE982A-EDE4-4409-9AE6-B003453C8EA6')?.category, 'room-pro');
    assert.equal(findLicence(defaultKnowledge, 'Microsoft_Teams_Rooms_Pro'), undefined);
    assert.equal(findLicence(defaultKnowledge, null), undefined);
  });

  it('prefers an exact build over a pattern, and a narrower pattern over a wider one', () => {
    const knowledge = {
      ...defaultKnowledge,
      builds: parseBuilds({
        builds: [
          { version: '5.*', status: 'good', symptom: 'none', note: { en: 'a', fr: 'a' } },
          { version: '5.2.*', status: 'good', symptom: 'none', note: { en: 'b', fr: 'b' } },
          {
            version: '5.2.140.3',
            status: 'bad',
            symptom: 'licence-error-at-sign-in',
            note: { en: 'c', fr: 'c' },
          },
        ],
      }),
    };
    assert.equal(findKnownBuild(knowledge, '5.2.140.3')?.version, '5.2.140.3');
    assert.equal(findKnownBuild(knowledge, '5.2.140.4')?.version, '5.2.*');
    assert.equal(findKnownBuild(knowledge, '5.9.0.0')?.version, '5.*');
  });
});

describe('knowledge: validation of a bad data file', () => {
  const builds = readJson(BUILDS_FILE) as { builds: Record<string, unknown>[] };
  const licences = readJson(LICENCES_FILE) as { skus: Record<string, unknown>[] } & Record<string, unknown>;

  it('rejects a wrong build status with the file, the JSON path and the bad value', () => {
    const bad = clone(builds);
    bad.builds[0] = { ...bad.builds[0], status: 'broken' };
    const error = rejects(() => loadKnowledge({ builds: bad, licences }), BUILDS_FILE);
    assert.deepEqual(error.problems, ['builds[0].status must be one of bad, good (got "broken")']);
  });

  it('lists every problem at once', () => {
    const bad = clone(builds);
    bad.builds.push({ version: '5.x.1', status: 'bad', symptom: 'none', note: { en: 'only English' } });
    rejects(
      () => parseBuilds(bad),
      BUILDS_FILE,
      /^builds\[3\]\.version must be a dotted version/,
      /^builds\[3\]\.note\.fr must be a non-empty string \(got nothing\)$/,
      /^builds\[3\]\.symptom must name what goes wrong on a bad build$/,
    );
  });

  it('rejects a duplicate build, a typo in a property and a missing list', () => {
    const dup = clone(builds);
    dup.builds.push({ ...dup.builds[0] });
    rejects(() => parseBuilds(dup), BUILDS_FILE, /^builds\[3\]\.version "5\.2\.115\.0" is listed twice$/);
    const typo = clone(builds);
    typo.builds[1] = { ...typo.builds[1], symtom: 'none' };
    rejects(() => parseBuilds(typo), BUILDS_FILE, /^builds\[1\] has an unknown property "symtom"/);
    rejects(() => parseBuilds({}), BUILDS_FILE, /^builds must be an array \(got nothing\)$/);
    rejects(() => parseBuilds([]), BUILDS_FILE, /^\(root\) must be an object \(got an array\)$/);
  });

  it('rejects a malformed skuId, a duplicate SKU and an unknown category', () => {
    const bad = clone(licences);
    bad.skus[0] = { ...bad.skus[0], skuId: 'not-a-guid' };
    bad.skus[1] = { ...bad.skus[1], category: 'room-deluxe' };
    bad.skus.push({ ...bad.skus[2] });
    rejects(
      () => loadKnowledge({ builds, licences: bad }),
      LICENCES_FILE,
      /^skus\[0\]\.skuId must be a GUID \(got "not-a-guid"\)$/,
      /^skus\[1\]\.category must be one of room-basic, room-pro/,
      /^skus\[13\]\.skuId "4cde982a-ede4-4409-9ae6-b003453c8ea6" is listed twice$/,
    );
  });

  it('refuses a user licence allowed on a room account, and a room licence that is not', () => {
    const bad = clone(licences);
    const e3 = bad.skus.findIndex((s) => s.skuPartNumber === 'ENTERPRISEPACK');
    const pro = bad.skus.findIndex((s) => s.skuPartNumber === 'Microsoft_Teams_Rooms_Pro');
    bad.skus[e3] = { ...bad.skus[e3], allowedOnRoomAccount: true };
    bad.skus[pro] = { ...bad.skus[pro], allowedOnRoomAccount: false };
    rejects(
      () => parseLicences(bad),
      LICENCES_FILE,
      new RegExp(`^skus\\[${e3}\\]\\.allowedOnRoomAccount must be false for a user licence$`),
      new RegExp(`^skus\\[${pro}\\]\\.allowedOnRoomAccount must be true for a Teams Rooms licence$`),
    );
  });

  it('checks the matrix settings', () => {
    const bad = clone(licences);
    bad.roomsBasicTenantCap = -3;
    bad.userLicencesBlockedOnRoomsSince = 'July 2023';
    bad.servicePlans = {};
    rejects(
      () => parseLicences(bad),
      LICENCES_FILE,
      /^roomsBasicTenantCap must be a positive integer \(got -3\)$/,
      /^userLicencesBlockedOnRoomsSince must be a date YYYY-MM-DD \(got "July 2023"\)$/,
      /^servicePlans\.teamsPhone must be a non-empty string \(got nothing\)$/,
    );
    rejects(
      () => parseLicences('licences'),
      LICENCES_FILE,
      /^\(root\) must be an object \(got "licences"\)$/,
    );
  });
});
