import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeError } from '../../../bot/knowledge';
import {
  NETWORK_CHECK_IDS,
  PHONE_CAUSE_IDS,
  PHONE_FIRMWARE_FILE,
  PHONE_TREE_FILE,
  defaultPhoneKnowledge,
  findFirmwareIssue,
  firmwareBaseline,
  loadPhoneKnowledge,
  parsePhoneFirmware,
  parsePhoneTree,
  phoneCause,
  phoneQuestion,
} from '../../../bot/knowledge/phone';
import { loadDemoTenant } from '../../../emulator/fixture-loader';

const KNOWLEDGE_DIR = join(__dirname, '..', '..', '..', 'bot', 'knowledge');

type Json = Record<string, unknown>;
interface FirmwareJson {
  models: (Json & { badVersions: Json[] })[];
}
interface TreeJson {
  root: string;
  questions: (Json & { id: string; text: Json; answers: Json[] })[];
  causes: (Json & { id: string; handoff: string[] })[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(KNOWLEDGE_DIR, file), 'utf8')) as T;
}

const firmwareJson = readJson<FirmwareJson>(PHONE_FIRMWARE_FILE);
const treeJson = readJson<TreeJson>(PHONE_TREE_FILE);

function question(tree: TreeJson, id: string): TreeJson['questions'][number] {
  const found = tree.questions.find((q) => q.id === id);
  assert.ok(found, `no question ${id}`);
  return found;
}

function answer(tree: TreeJson, questionId: string, answerId: string): Json {
  const found = question(tree, questionId).answers.find((a) => a.id === answerId);
  assert.ok(found, `no answer ${questionId}/${answerId}`);
  return found;
}

/** Runs a load that must fail, and checks it failed for exactly the expected problems. */
function problems(load: () => unknown, file: string): readonly string[] {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof KnowledgeError, String(error));
    assert.equal(error.file, file);
    assert.ok(error.message.startsWith(`Invalid knowledge file ${file}:\n- `), error.message);
    return error.problems;
  }
  assert.fail('the data was accepted');
}

function brokenFirmware(change: (data: FirmwareJson) => void): readonly string[] {
  const data = structuredClone(firmwareJson);
  change(data);
  return problems(() => parsePhoneFirmware(data), PHONE_FIRMWARE_FILE);
}

function brokenTree(change: (data: TreeJson) => void): readonly string[] {
  const data = structuredClone(treeJson);
  change(data);
  return problems(() => parsePhoneTree(data), PHONE_TREE_FILE);
}

describe('phone knowledge: shipped data files', () => {
  it('pass validation as read from disk', () => {
    assert.deepEqual(loadPhoneKnowledge({ firmware: firmwareJson, tree: treeJson }), defaultPhoneKnowledge);
  });

  it('hold the Poly CCX family on the 8.x line, recommending what the demo tenant calls the latest firmware', () => {
    const latest = loadDemoTenant().behaviour.latestFirmware;
    for (const model of ['CCX 400', 'CCX 500', 'CCX 600', 'CCX 700']) {
      const baseline = firmwareBaseline(model, defaultPhoneKnowledge, 'Poly');
      assert.ok(baseline, model);
      assert.equal(baseline.minimum, '8.0.0.0', model);
      assert.equal(baseline.recommended, '8.1.4.1250', model);
    }
    assert.equal(firmwareBaseline('Poly CCX 500')?.recommended, latest['Poly CCX 500']);
    assert.equal(firmwareBaseline('Poly CCX 400')?.recommended, latest['Poly CCX 400']);
  });

  it('know 7.1.3.0991 as below the 8.x line on the CCX 500, with a note in both languages', () => {
    const baseline = firmwareBaseline('CCX 500', defaultPhoneKnowledge, 'Poly');
    assert.ok(baseline);
    const issue = findFirmwareIssue(baseline, '7.1.3.0991');
    assert.equal(issue?.version, '7.1.3.0991');
    assert.match(issue?.note.en ?? '', /8\.x/);
    assert.match(issue?.note.fr ?? '', /8\.x/);
    assert.equal(findFirmwareIssue(baseline, '8.1.4.1250'), undefined);
    assert.equal(findFirmwareIssue(baseline, ''), undefined);
  });

  it('describe every cause once, with actions in both languages', () => {
    const tree = defaultPhoneKnowledge.tree;
    assert.deepEqual(tree.causes.map((c) => c.id).sort(), [...PHONE_CAUSE_IDS].sort());
    for (const cause of tree.causes) {
      assert.ok(cause.actions.length > 0, cause.id);
      for (const text of [cause.title, cause.explanation, ...cause.actions]) {
        assert.notEqual(text.en, text.fr, `${cause.id}: "${text.en}" is not translated`);
      }
    }
  });

  it('send the network causes to the network team, and the others not', () => {
    const handoff = (id: (typeof PHONE_CAUSE_IDS)[number]) =>
      phoneCause(defaultPhoneKnowledge.tree, id)?.handoff;
    assert.deepEqual(handoff('vlan-dhcp-cabling'), ['switch-port', 'voice-vlan', 'dhcp', 'cabling']);
    assert.deepEqual(handoff('egress-filtering'), ['firewall', 'proxy', 'dns', 'ntp']);
    assert.deepEqual(handoff('poe-budget'), ['poe', 'switch-port', 'cabling']);
    assert.deepEqual(handoff('time-certificates'), ['ntp', 'dhcp']);
    for (const id of ['licence-account', 'corrupt-profile', 'firmware', 'escalate'] as const) {
      assert.deepEqual(handoff(id), [], id);
    }
  });

  it('give the exact ports of egress filtering in both languages', () => {
    const cause = phoneCause(defaultPhoneKnowledge.tree, 'egress-filtering');
    assert.ok(cause);
    for (const text of [cause.explanation.en, cause.explanation.fr]) {
      for (const port of ['TCP 443', 'UDP 3478–3481', '(53)', 'UDP 123', 'TCP 80']) {
        assert.ok(text.includes(port), `"${port}" missing from: ${text}`);
      }
    }
  });

  it('ask the questions of the playbook, starting from the root', () => {
    const tree = defaultPhoneKnowledge.tree;
    assert.equal(tree.root, 'reboots');
    for (const id of [
      'reboots',
      'ip-address',
      'ping-gateway',
      'ping-outside',
      'moved',
      'clock',
      'other-account',
      'firmware-line',
    ]) {
      assert.ok(phoneQuestion(tree, id), id);
    }
    assert.deepEqual(
      phoneQuestion(tree, 'ip-address')?.answers.map((a) => a.id),
      ['valid', 'link-local', 'none'],
    );
    assert.match(phoneQuestion(tree, 'ip-address')?.answers[1]?.label.en ?? '', /^169\.254\.x\.x/);
  });
});

describe('phone knowledge: look-ups', () => {
  it('finds a baseline whatever the spelling of the model, and only for the right manufacturer', () => {
    for (const [model, manufacturer] of [
      ['CCX 500', 'Poly'],
      ['ccx500', 'POLY'],
      ['Poly CCX 500', null],
      ['Poly CCX-500', undefined],
      ['CCX 500', undefined],
    ] as const) {
      assert.equal(
        firmwareBaseline(model, defaultPhoneKnowledge, manufacturer)?.model,
        'CCX 500',
        `${manufacturer} ${model}`,
      );
    }
    assert.equal(firmwareBaseline('CCX 500', defaultPhoneKnowledge, 'Yealink'), undefined);
    assert.equal(firmwareBaseline('MP56', defaultPhoneKnowledge, 'Yealink'), undefined);
    assert.equal(firmwareBaseline('', defaultPhoneKnowledge, 'Poly'), undefined);
    assert.equal(firmwareBaseline(null), undefined);
  });

  it('prefers an exact bad version over a pattern, and a narrower pattern over a wider one', () => {
    const [baseline] = parsePhoneFirmware({
      models: [
        {
          manufacturer: 'Poly',
          model: 'CCX 500',
          minimum: '8.0.0.0',
          recommended: '8.1.4.1250',
          badVersions: [
            { version: '7.*', note: { en: 'a', fr: 'a' } },
            { version: '7.1.*', note: { en: 'b', fr: 'b' } },
            { version: '7.1.3.0991', note: { en: 'c', fr: 'c' } },
          ],
        },
      ],
    });
    assert.ok(baseline);
    assert.equal(findFirmwareIssue(baseline, '7.1.3.991')?.version, '7.1.3.0991');
    assert.equal(findFirmwareIssue(baseline, '7.1.2.0')?.version, '7.1.*');
    assert.equal(findFirmwareIssue(baseline, '7.9.0.0')?.version, '7.*');
    assert.equal(findFirmwareIssue(baseline, '8.0.0.0'), undefined);
  });
});

describe('phone knowledge: a broken firmware file', () => {
  it('rejects an unknown property, with its JSON path', () => {
    assert.deepEqual(
      brokenFirmware((d) => {
        d.models[0] = { ...d.models[0], recomended: '8.1.4.1250' } as FirmwareJson['models'][number];
      }),
      [
        'models[0] has an unknown property "recomended" (expected manufacturer, model, minimum, recommended, badVersions)',
      ],
    );
  });

  it('rejects a note without its French text', () => {
    assert.deepEqual(
      brokenFirmware((d) => {
        (d.models[1]?.badVersions[0] as Json).note = { en: 'Below the 8.x line.' };
      }),
      ['models[1].badVersions[0].note.fr must be a non-empty string (got nothing)'],
    );
  });

  it('rejects versions that are not dotted numbers', () => {
    assert.deepEqual(
      brokenFirmware((d) => {
        (d.models[0] as Json).minimum = '8.x';
        (d.models[0]?.badVersions[0] as Json).version = '7.1.3-0991';
      }),
      [
        'models[0].minimum must be a dotted version such as "8.1.4.1250" (got "8.x")',
        'models[0].badVersions[0].version must be a dotted version such as "7.1.3.0991" or "7.*" (got "7.1.3-0991")',
      ],
    );
  });

  it('rejects a recommended version older than the minimum', () => {
    assert.deepEqual(
      brokenFirmware((d) => {
        (d.models[2] as Json).recommended = '7.9.0.0';
      }),
      ['models[2].recommended "7.9.0.0" is older than the minimum "8.0.0.0"'],
    );
  });

  it('rejects a model listed twice, however it is spelt', () => {
    assert.deepEqual(
      brokenFirmware((d) => {
        d.models.push({
          ...structuredClone(d.models[1] as FirmwareJson['models'][number]),
          model: 'ccx-500',
        });
      }),
      [`models[${firmwareJson.models.length}] "Poly ccx-500" is listed twice`],
    );
  });

  it('rejects a bad version that includes the recommended one, or is listed twice', () => {
    assert.deepEqual(
      brokenFirmware((d) => {
        const bad = d.models[1]?.badVersions;
        bad?.push({ version: '8.1.*', note: { en: 'x', fr: 'x' } });
        bad?.push({ version: '7.1.3.0991', note: { en: 'y', fr: 'y' } });
      }),
      [
        'models[1].badVersions[1].version "8.1.*" includes the recommended version "8.1.4.1250"',
        'models[1].badVersions[2].version "7.1.3.0991" is listed twice',
      ],
    );
  });

  it('rejects an empty list of models and a root that is not an object', () => {
    assert.deepEqual(
      problems(() => parsePhoneFirmware({ models: [] }), PHONE_FIRMWARE_FILE),
      ['models must not be empty'],
    );
    assert.deepEqual(
      problems(() => parsePhoneFirmware([]), PHONE_FIRMWARE_FILE),
      ['(root) must be an object (got an array)'],
    );
  });

  it('names the firmware file when the whole knowledge is loaded', () => {
    const firmware = structuredClone(firmwareJson);
    (firmware.models[0] as Json).model = '';
    const found = problems(() => loadPhoneKnowledge({ firmware, tree: treeJson }), PHONE_FIRMWARE_FILE);
    assert.deepEqual(found, ['models[0].model must be a non-empty string (got "")']);
  });
});

describe('phone knowledge: a broken decision tree', () => {
  it('rejects an unknown property and a missing French text, with their JSON paths', () => {
    assert.deepEqual(
      brokenTree((d) => {
        const q = question(d, 'clock');
        q.hint = 'look at the screen';
        q.text = { en: 'Is the clock right?' };
      }),
      [
        'questions[6] has an unknown property "hint" (expected id, text, help, answers)',
        'questions[6].text.fr must be a non-empty string (got nothing)',
      ],
    );
  });

  it('rejects an answer with both a next question and a conclusion, or with neither', () => {
    assert.deepEqual(
      brokenTree((d) => {
        answer(d, 'reboots', 'yes').next = 'ip-address';
        delete answer(d, 'clock', 'yes').next;
      }),
      [
        'questions[0].answers[0] must have exactly one of "next" (a question id) and "conclusion" (a cause id)',
        'questions[6].answers[0] must have exactly one of "next" (a question id) and "conclusion" (a cause id)',
      ],
    );
  });

  it('rejects a next question that does not exist', () => {
    assert.deepEqual(
      brokenTree((d) => {
        answer(d, 'ip-address', 'none').next = 'move';
      }),
      ['question "ip-address", answer "none" leads to "move", which is not a question'],
    );
  });

  it('rejects a conclusion that is not a known cause', () => {
    assert.deepEqual(
      brokenTree((d) => {
        answer(d, 'clock', 'no').conclusion = 'wrong-clock';
      }),
      [
        'questions[6].answers[1].conclusion must be one of vlan-dhcp-cabling, egress-filtering, poe-budget, time-certificates, licence-account, corrupt-profile, firmware, escalate (got "wrong-clock")',
      ],
    );
  });

  it('rejects a cause that is not described, or described twice', () => {
    assert.deepEqual(
      brokenTree((d) => {
        d.causes = d.causes.filter((c) => c.id !== 'escalate');
      }),
      ['causes must describe "escalate"'],
    );
    assert.deepEqual(
      brokenTree((d) => {
        d.causes.push(structuredClone(d.causes[0] as TreeJson['causes'][number]));
      }),
      [`causes[${treeJson.causes.length}].id "vlan-dhcp-cabling" is listed twice`],
    );
  });

  it('rejects a root that is not a question', () => {
    assert.deepEqual(
      brokenTree((d) => {
        d.root = 'start';
      }),
      ['root "start" is not a question'],
    );
  });

  it('rejects a cycle, naming the questions in it', () => {
    assert.deepEqual(
      brokenTree((d) => {
        const reset = answer(d, 'factory-reset', 'yes');
        delete reset.conclusion;
        reset.next = 'other-account';
      }),
      [
        'the questions form a cycle: other-account -> firmware-line -> factory-reset -> other-account',
        'cause "escalate" is never concluded',
      ],
    );
  });

  it('rejects an answer that leads back to its own question', () => {
    assert.deepEqual(
      brokenTree((d) => {
        answer(d, 'ip-address', 'none').next = 'ip-address';
      }),
      ['question "ip-address", answer "none" leads back to its own question'],
    );
  });

  it('rejects a question that cannot be reached from the root', () => {
    assert.deepEqual(
      brokenTree((d) => {
        d.questions.push({
          id: 'cable-colour',
          text: { en: 'What colour is the cable?', fr: 'De quelle couleur est le câble ?' },
          answers: [
            { id: 'blue', label: { en: 'Blue', fr: 'Bleu' }, conclusion: 'escalate' },
            { id: 'grey', label: { en: 'Grey', fr: 'Gris' }, conclusion: 'escalate' },
          ],
        });
      }),
      ['question "cable-colour" cannot be reached from the root "reboots"'],
    );
  });

  it('rejects a cause that no answer concludes', () => {
    assert.deepEqual(
      brokenTree((d) => {
        answer(d, 'factory-reset', 'yes').conclusion = 'corrupt-profile';
      }),
      ['cause "escalate" is never concluded'],
    );
  });

  it('rejects duplicate ids, a question with one answer and an unknown network check', () => {
    assert.deepEqual(
      brokenTree((d) => {
        question(d, 'clock').answers.pop();
        question(d, 'moved').answers.push(structuredClone(answer(d, 'moved', 'yes')));
        d.questions.push(structuredClone(question(d, 'reboots')));
        (d.causes[1] as TreeJson['causes'][number]).handoff = ['firewall', 'sip-alg', 'firewall'];
      }),
      [
        'questions[2].answers[2].id "yes" is listed twice',
        'questions[6].answers must offer at least two answers',
        `questions[${treeJson.questions.length}].id "reboots" is listed twice`,
        `causes[1].handoff[1] must be one of ${NETWORK_CHECK_IDS.join(', ')} (got "sip-alg")`,
        'causes[1].handoff lists "firewall" twice',
      ],
    );
  });

  it('rejects a cause without actions, and ids that are not kebab-case', () => {
    assert.deepEqual(
      brokenTree((d) => {
        (d.causes[2] as TreeJson['causes'][number]).actions = [];
        answer(d, 'reboots', 'no').id = 'No';
      }),
      [
        'questions[0].answers[1].id must be a kebab-case id (got "No")',
        'causes[2].actions must not be empty',
      ],
    );
  });
});
