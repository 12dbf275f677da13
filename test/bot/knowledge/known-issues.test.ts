import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseRoom } from '../../../bot/diagnostics/room-rules';
import {
  BUILDS_FILE,
  KnowledgeError,
  LICENCES_FILE,
  defaultKnowledge,
  findKnownBuild,
  loadKnowledge,
  parseBuilds,
} from '../../../bot/knowledge';
import { buildRecogniser } from '../../../bot/recognition';
import { demoRoom } from '../diagnostics/fixtures';

const KNOWLEDGE_DIR = join(__dirname, '..', '..', '..', 'bot', 'knowledge');

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(KNOWLEDGE_DIR, file), 'utf8')) as unknown;
}

type BuildsFile = { builds: Record<string, unknown>[] };

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof KnowledgeError, String(error));
    return error.problems;
  }
  assert.fail('the data was accepted');
}

const BAD_BUILD = {
  version: '5.2.140.0',
  status: 'bad',
  symptom: 'licence-error-at-sign-in',
  playbook: 'room-licence',
  note: { en: 'A made-up bad build for this test.', fr: 'Une version défectueuse inventée pour ce test.' },
};

describe('knowledge: known issues in the builds file', () => {
  it('describe the licence bug of 5.2.115.0: console text in both languages, fixed build, playbook', () => {
    const build = findKnownBuild(defaultKnowledge, '5.2.115.0');
    assert.ok(build);
    assert.equal(build.playbook, 'room-licence');
    assert.equal(
      build.symptomText?.en,
      "The account used to sign in doesn't have the correct license to use this device",
    );
    assert.notEqual(build.symptomText?.fr ?? '', '');
    assert.equal(build.fixedIn, '5.2.136.*');
    assert.equal(findKnownBuild(defaultKnowledge, '5.2.136.1')?.status, 'good', 'the fix is a good build');
  });

  it('give every bad build a playbook, and a console text the recogniser reads as that playbook', () => {
    const recogniser = buildRecogniser({ rooms: [], people: [] });
    const bad = defaultKnowledge.builds.filter((b) => b.status === 'bad');
    assert.ok(bad.length > 0);
    for (const build of bad) {
      assert.ok(build.playbook, `${build.version} has a playbook`);
      for (const locale of ['en', 'fr'] as const) {
        const text = build.symptomText?.[locale];
        assert.ok(text, `${build.version} has the console text in ${locale}`);
        assert.equal(recogniser.recognise(text).intent, build.playbook, text);
      }
    }
  });

  it('still load builds written before known issues had these fields', () => {
    const builds = parseBuilds({
      builds: [
        {
          version: '5.2.115.0',
          status: 'bad',
          symptom: 'licence-error-at-sign-in',
          note: { en: 'a', fr: 'a' },
        },
      ],
    });
    assert.deepEqual(builds, [
      {
        version: '5.2.115.0',
        status: 'bad',
        symptom: 'licence-error-at-sign-in',
        note: { en: 'a', fr: 'a' },
      },
    ]);
  });

  it('rejects a fix that is not a newer good build of the file, and known-issue fields on a good build', () => {
    const data = structuredClone(readJson(BUILDS_FILE)) as BuildsFile;
    data.builds.push(
      { ...BAD_BUILD, version: '5.2.120.0', fixedIn: '5.3.0.0' },
      { ...BAD_BUILD, version: '5.2.121.0', fixedIn: '5.1.111.0' },
      { ...BAD_BUILD, version: '5.2.122.0', fixedIn: '5.2.115.0' },
      { ...BAD_BUILD, version: '5.2.123.0', fixedIn: '5.2.136.7' },
      {
        version: '5.2.150.0',
        status: 'good',
        symptom: 'none',
        playbook: 'room-licence',
        note: { en: 'n', fr: 'n' },
      },
    );
    const problems = problemsOf(() => parseBuilds(data));
    assert.deepEqual(problems, [
      'builds[7].playbook is only for a bad build',
      'builds[3].fixedIn "5.3.0.0" must be a good build of this file',
      'builds[4].fixedIn "5.1.111.0" must be newer than "5.2.121.0"',
      'builds[5].fixedIn "5.2.115.0" must be a good build of this file',
    ]);
  });

  it('rejects an unknown playbook, one that does not repair the symptom, and a console text in one language', () => {
    const data = structuredClone(readJson(BUILDS_FILE)) as BuildsFile;
    data.builds.push(
      { ...BAD_BUILD, playbook: 'printer-jam' },
      { ...BAD_BUILD, version: '5.2.141.0', playbook: 'phone-no-internet' },
      { ...BAD_BUILD, version: '5.2.142.0', symptomText: { en: 'Only English' } },
      { ...BAD_BUILD, version: '5.2.143.0', fixedIn: 'soon' },
    );
    const problems = problemsOf(() => parseBuilds(data));
    assert.deepEqual(problems, [
      'builds[3].playbook must be one of room-licence, phone-no-internet (got "printer-jam")',
      'builds[4].playbook must be "room-licence" for the symptom "licence-error-at-sign-in" (got "phone-no-internet")',
      'builds[5].symptomText.fr must be a non-empty string (got nothing)',
      'builds[6].fixedIn must be a dotted version such as "5.2.136.1" or "5.2.136.*" (got "soon")',
    ]);
  });
});

describe('knowledge: adding a known bad build is one data change', () => {
  it('makes the diagnosis flag a console on that build, with nothing else changed', () => {
    const facts = demoRoom('room4A', { device: { version: '5.2.140.0', signIn: 'disconnected' } });
    assert.equal(
      diagnoseRoom(facts).verdict.code,
      'sign-in-failing-unknown',
      'unknown build: no known cause',
    );

    const builds = structuredClone(readJson(BUILDS_FILE)) as BuildsFile;
    builds.builds.push(BAD_BUILD);
    const knowledge = loadKnowledge({ builds, licences: readJson(LICENCES_FILE) });

    const d = diagnoseRoom(facts, knowledge);
    assert.equal(d.verdict.code, 'licence-bug');
    const flagged = d.findings.find((f) => f.code === 'app-version-bad');
    assert.deepEqual(flagged?.params, {
      version: '5.2.140.0',
      pattern: '5.2.140.0',
      symptom: 'licence-error-at-sign-in',
    });
    assert.equal(findKnownBuild(knowledge, '5.2.140.0')?.playbook, 'room-licence');
  });
});
