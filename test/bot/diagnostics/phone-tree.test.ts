import { strict as assert } from 'node:assert';
import {
  PhoneTreeError,
  networkHandoff,
  phoneTreeStep,
  type PhoneTreeAnswerRef,
  type PhoneTreeErrorCode,
} from '../../../bot/diagnostics/phone-tree';
import { diagnosePhone, type PhoneSiteFacts } from '../../../bot/diagnostics/phone-rules';
import {
  PHONE_CAUSE_IDS,
  defaultPhoneKnowledge,
  phoneCause,
  type PhoneCause,
  type PhoneCauseId,
  type PhoneDecisionTree,
} from '../../../bot/knowledge/phone';
import { demoPhoneFacts } from './phone-fixtures';

const TREE = defaultPhoneKnowledge.tree;

// "question:answer" pairs separated by spaces, in the order they are asked.
function parsePath(path: string): PhoneTreeAnswerRef[] {
  return path.split(' ').map((pair) => {
    const [questionId = '', answerId = ''] = pair.split(':');
    return { questionId, answerId };
  });
}

/** Every root-to-conclusion path of a tree, as "question:answer ..." strings, read from the data itself. */
function allPaths(tree: PhoneDecisionTree): Map<string, PhoneCauseId> {
  const paths = new Map<string, PhoneCauseId>();
  const walk = (questionId: string, prefix: string[]) => {
    const question = tree.questions.find((q) => q.id === questionId);
    assert.ok(question, questionId);
    for (const answer of question.answers) {
      const here = [...prefix, `${question.id}:${answer.id}`];
      if (answer.conclusion !== undefined) paths.set(here.join(' '), answer.conclusion);
      else walk(answer.next, here);
    }
  };
  walk(tree.root, []);
  return paths;
}

function cause(id: PhoneCauseId): PhoneCause {
  const found = phoneCause(TREE, id);
  assert.ok(found, id);
  return found;
}

function rejected(answers: PhoneTreeAnswerRef[], code: PhoneTreeErrorCode, index: number, tree = TREE) {
  assert.throws(
    () => phoneTreeStep(tree, answers),
    (error: unknown) => {
      assert.ok(error instanceof PhoneTreeError, String(error));
      assert.equal(error.code, code, error.message);
      assert.equal(error.index, index, error.message);
      return true;
    },
  );
}

// Where the answers of the site checks lead; the network branch ("moved") is reached from three places.
const EXPECTED: [string, PhoneCauseId][] = [
  ['reboots:yes', 'poe-budget'],
  [
    'reboots:no ip-address:valid ping-gateway:yes ping-outside:both clock:yes other-account:yes',
    'licence-account',
  ],
  [
    'reboots:no ip-address:valid ping-gateway:yes ping-outside:both clock:yes other-account:no firmware-line:no',
    'firmware',
  ],
  [
    'reboots:no ip-address:valid ping-gateway:yes ping-outside:both clock:yes other-account:no firmware-line:yes factory-reset:yes',
    'escalate',
  ],
  [
    'reboots:no ip-address:valid ping-gateway:yes ping-outside:both clock:yes other-account:no firmware-line:yes factory-reset:no',
    'corrupt-profile',
  ],
  [
    'reboots:no ip-address:valid ping-gateway:yes ping-outside:both clock:yes other-account:not-tried firmware-line:no',
    'firmware',
  ],
  [
    'reboots:no ip-address:valid ping-gateway:yes ping-outside:both clock:yes other-account:not-tried firmware-line:yes factory-reset:yes',
    'escalate',
  ],
  [
    'reboots:no ip-address:valid ping-gateway:yes ping-outside:both clock:yes other-account:not-tried firmware-line:yes factory-reset:no',
    'corrupt-profile',
  ],
  ['reboots:no ip-address:valid ping-gateway:yes ping-outside:both clock:no', 'time-certificates'],
  ['reboots:no ip-address:valid ping-gateway:yes ping-outside:address-only', 'egress-filtering'],
  ['reboots:no ip-address:valid ping-gateway:yes ping-outside:neither', 'egress-filtering'],
  ['reboots:no ip-address:valid ping-gateway:no moved:yes', 'vlan-dhcp-cabling'],
  ['reboots:no ip-address:valid ping-gateway:no moved:no same-port:no', 'vlan-dhcp-cabling'],
  ['reboots:no ip-address:valid ping-gateway:no moved:no same-port:yes firmware-line:no', 'firmware'],
  [
    'reboots:no ip-address:valid ping-gateway:no moved:no same-port:yes firmware-line:yes factory-reset:yes',
    'escalate',
  ],
  [
    'reboots:no ip-address:valid ping-gateway:no moved:no same-port:yes firmware-line:yes factory-reset:no',
    'corrupt-profile',
  ],
  ['reboots:no ip-address:link-local moved:yes', 'vlan-dhcp-cabling'],
  ['reboots:no ip-address:link-local moved:no same-port:no', 'vlan-dhcp-cabling'],
  ['reboots:no ip-address:link-local moved:no same-port:yes firmware-line:no', 'firmware'],
  ['reboots:no ip-address:link-local moved:no same-port:yes firmware-line:yes factory-reset:yes', 'escalate'],
  [
    'reboots:no ip-address:link-local moved:no same-port:yes firmware-line:yes factory-reset:no',
    'corrupt-profile',
  ],
  ['reboots:no ip-address:none moved:yes', 'vlan-dhcp-cabling'],
  ['reboots:no ip-address:none moved:no same-port:no', 'vlan-dhcp-cabling'],
  ['reboots:no ip-address:none moved:no same-port:yes firmware-line:no', 'firmware'],
  ['reboots:no ip-address:none moved:no same-port:yes firmware-line:yes factory-reset:yes', 'escalate'],
  ['reboots:no ip-address:none moved:no same-port:yes firmware-line:yes factory-reset:no', 'corrupt-profile'],
];

describe('phoneTreeStep: every path of the site decision tree', () => {
  it('the table covers exactly the paths of the shipped tree', () => {
    const actual = allPaths(TREE);
    assert.deepEqual([...actual.keys()].sort(), EXPECTED.map(([path]) => path).sort());
    for (const [path, expected] of EXPECTED) assert.equal(actual.get(path), expected, path);
  });

  it('every cause is the end of at least one path', () => {
    assert.deepEqual([...new Set(EXPECTED.map(([, c]) => c))].sort(), [...PHONE_CAUSE_IDS].sort());
  });

  for (const [path, expected] of EXPECTED) {
    it(`${path} -> ${expected}`, () => {
      const answers = parsePath(path);
      const step = phoneTreeStep(TREE, answers);
      assert.equal(step.kind, 'conclusion');
      assert.ok(step.kind === 'conclusion');
      assert.equal(step.cause.id, expected);
      assert.deepEqual(
        step.path.map((hop) => ({ questionId: hop.question.id, answerId: hop.answer.id })),
        answers,
      );
      // Each prefix of the path asks the next question of the path.
      for (let i = 0; i < answers.length; i++) {
        const partial = phoneTreeStep(TREE, answers.slice(0, i));
        assert.equal(partial.kind, 'question');
        assert.ok(partial.kind === 'question');
        assert.equal(partial.question.id, answers[i]?.questionId);
        assert.equal(partial.path.length, i);
      }
    });
  }
});

describe('phoneTreeStep: answers that do not follow the tree', () => {
  it('starts with the root question and its help, in both languages', () => {
    const step = phoneTreeStep(TREE, []);
    assert.ok(step.kind === 'question');
    assert.equal(step.question.id, 'reboots');
    assert.match(step.question.text.en, /restart by itself/);
    assert.match(step.question.text.fr, /redémarre-t-il tout seul/);
    assert.ok(step.question.help?.en && step.question.help.fr);
    assert.deepEqual(step.path, []);
  });

  it('rejects skipping ahead to a later question', () => {
    rejected(parsePath('ip-address:valid'), 'unexpected-question', 0);
    rejected(parsePath('reboots:no ip-address:valid ping-outside:both'), 'unexpected-question', 2);
  });

  it('rejects answers out of order', () => {
    rejected(parsePath('reboots:no ping-gateway:yes ip-address:valid'), 'unexpected-question', 1);
  });

  it('rejects a question of another branch', () => {
    // After a 169.254.x.x address the tree asks about a move, not about the gateway.
    rejected(parsePath('reboots:no ip-address:link-local ping-gateway:no'), 'unexpected-question', 2);
  });

  it('rejects an unknown question or answer', () => {
    rejected(parsePath('reboots:no firmware:yes'), 'unexpected-question', 1);
    rejected(parsePath('reboots:maybe'), 'unknown-answer', 0);
    rejected(parsePath('reboots:no ip-address:10.0.0.1'), 'unknown-answer', 1);
  });

  it('rejects answers past a conclusion', () => {
    rejected(parsePath('reboots:yes ip-address:valid'), 'after-conclusion', 1);
  });

  it('reports a tree that links to nothing, rather than failing obscurely', () => {
    const broken: PhoneDecisionTree = {
      root: 'q1',
      questions: [
        {
          id: 'q1',
          text: { en: 'Q1?', fr: 'Q1 ?' },
          answers: [
            { id: 'a', label: { en: 'A', fr: 'A' }, next: 'q2' },
            { id: 'b', label: { en: 'B', fr: 'B' }, conclusion: 'escalate' },
          ],
        },
      ],
      causes: [],
    };
    rejected(parsePath('q1:a'), 'broken-tree', 0, broken);
    rejected(parsePath('q1:b'), 'broken-tree', 0, broken);
    rejected([], 'broken-tree', 0, { ...broken, root: 'nowhere' });
  });

  it('carries a message that names the offending answer', () => {
    try {
      phoneTreeStep(TREE, parsePath('reboots:no ip-address:maybe'));
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof PhoneTreeError);
      assert.equal(error.message, '"maybe" is not an answer of question "ip-address"');
      assert.equal(error.name, 'PhoneTreeError');
    }
  });
});

describe('networkHandoff', () => {
  const alice = diagnosePhone(demoPhoneFacts('alice')).siteFacts;

  it("fills the firewall checklist with Alice's phone and the exact ports", () => {
    const handoff = networkHandoff(cause('egress-filtering'), alice, 'en');
    assert.equal(handoff.title, 'Network checks for CCX500-0004F2A11001: Firewall, proxy or DNS filtering');
    assert.deepEqual(handoff.facts, [
      'Phone: Poly CCX 500',
      'Serial number: 64167F1001A1',
      'Asset tag: CT-PH-1001',
      'User: alice.martin@contoso.com',
      'Site: HQ',
      'MAC address: 00-04-F2-A1-10-01',
      'IP address: 10.20.3.41',
      'Subnet mask: 255.255.255.0',
      'Gateway: 10.20.3.1',
      'DNS: 10.20.0.10, 10.20.0.11',
      'DHCP: on',
      'Host name: CCX500-0004F2A11001',
      'Firmware: 7.1.3.0991',
    ]);
    assert.deepEqual(handoff.checks, [
      'Outbound from 10.20.3.41 to Microsoft 365 allowed: TCP 443, UDP 3478–3481 (media) and TCP 80.',
      'No TLS inspection of the traffic from 10.20.3.41 to the Microsoft 365 endpoints: let it bypass the proxy, or exclude those endpoints from inspection.',
      'DNS from 10.20.3.41 to 10.20.0.10, 10.20.0.11 on UDP and TCP 53: public Microsoft 365 names such as teams.microsoft.com resolve.',
      'NTP from 10.20.3.41 on UDP 123 reaches the time server given by DHCP option 42 or the phone configuration.',
    ]);
  });

  it('writes the switch, VLAN, DHCP and cabling checks in French, with the MAC and the gateway', () => {
    const handoff = networkHandoff(cause('vlan-dhcp-cabling'), alice, 'fr');
    assert.equal(
      handoff.title,
      'Vérifications réseau pour CCX500-0004F2A11001 : Port du commutateur, VLAN, DHCP ou câblage',
    );
    assert.ok(handoff.facts.includes('Adresse MAC : 00-04-F2-A1-10-01'));
    assert.ok(handoff.facts.includes('Site : HQ'));
    assert.deepEqual(handoff.checks, [
      "Port du commutateur de la MAC 00-04-F2-A1-10-01 : actif, ni désactivé ni en err-disabled, sans erreurs sur l'interface.",
      'VLAN voix annoncé sur le port du commutateur du téléphone par LLDP-MED (ou CDP sur les commutateurs Cisco) ; VLAN données non étiqueté pour le port PC du téléphone.',
      'Étendue DHCP du VLAN voix : des baux disponibles, et les options 3 (routeur : 10.20.3.1), 6 (DNS : 10.20.0.10, 10.20.0.11) et 42 (NTP) renseignées.',
      'Câble et prise murale entre le bureau et le commutateur : testez avec un câble sain et une autre prise.',
    ]);
  });

  it('adds a check of the static address when the phone does not use DHCP', () => {
    const handoff = networkHandoff(cause('vlan-dhcp-cabling'), { ...alice, dhcp: false }, 'en');
    assert.ok(handoff.facts.includes('DHCP: off (static address)'));
    assert.equal(
      handoff.checks[3],
      'The phone has a static address (10.20.3.41): check that it belongs to the voice VLAN and that no other device uses it.',
    );
    assert.equal(handoff.checks.length, 5);
  });

  it('asks for the PoE class and budget on the right port', () => {
    const handoff = networkHandoff(cause('poe-budget'), alice, 'en');
    assert.equal(
      handoff.checks[0],
      'PoE on the switch port of MAC 00-04-F2-A1-10-01: the class the phone asks for is granted, and the switch has PoE budget left.',
    );
  });

  it('needs no network team for a cause on the account or the phone', () => {
    for (const id of ['licence-account', 'corrupt-profile', 'firmware', 'escalate'] as const) {
      const handoff = networkHandoff(cause(id), alice, 'en');
      assert.deepEqual(handoff.checks, [], id);
      assert.equal(handoff.title, `${cause(id).title.en}: no network check needed`);
      assert.ok(handoff.facts.includes('IP address: 10.20.3.41'), id);
    }
  });

  it('still reads well when Graph reported nothing about the phone', () => {
    const empty: PhoneSiteFacts = {
      deviceId: '',
      user: '',
      site: '',
      manufacturer: '',
      model: '',
      serialNumber: '',
      assetTag: '',
      macAddress: '',
      hostName: '',
      ipAddress: '',
      subnetMask: '',
      gateway: '',
      dnsServers: [],
      dhcp: null,
      firmware: '',
    };
    const en = networkHandoff(cause('egress-filtering'), empty, 'en');
    assert.equal(en.title, 'Network checks for Teams phone: Firewall, proxy or DNS filtering');
    assert.deepEqual(en.facts, [
      'Phone: —',
      'Site: —',
      'MAC address: —',
      'IP address: —',
      'Gateway: —',
      'DNS: —',
    ]);
    assert.match(en.checks[0] ?? '', /^Outbound from the voice VLAN to Microsoft 365/);
    assert.match(en.checks[2] ?? '', /^DNS from the voice VLAN to the site's DNS servers on UDP and TCP 53/);
    const fr = networkHandoff(cause('vlan-dhcp-cabling'), empty, 'fr');
    assert.match(fr.checks[0] ?? '', /^Port du commutateur du téléphone : /);
    assert.match(fr.checks[2] ?? '', /routeur : la passerelle du site/);
  });

  it('escapes Graph values for Markdown, unless told the text is shown verbatim', () => {
    const hostile = { ...alice, hostName: 'CCX_500 *lab*', site: '# HQ [x](http://evil)' };
    const markdown = networkHandoff(cause('egress-filtering'), hostile, 'en');
    assert.equal(markdown.title, 'Network checks for CCX\\_500 \\*lab\\*: Firewall, proxy or DNS filtering');
    assert.ok(markdown.facts.includes('Site: \\# HQ \\[x\\]\\(http://evil\\)'));
    const verbatim = networkHandoff(cause('egress-filtering'), hostile, 'en', { markdown: false });
    assert.ok(verbatim.facts.includes('Site: # HQ [x](http://evil)'));
  });

  it('leaves no placeholder in any line, for every cause and language', () => {
    for (const id of PHONE_CAUSE_IDS) {
      for (const locale of ['en', 'fr'] as const) {
        for (const site of [alice, { ...alice, dhcp: false }, { ...alice, macAddress: '', ipAddress: '' }]) {
          const handoff = networkHandoff(cause(id), site, locale);
          for (const line of [handoff.title, ...handoff.facts, ...handoff.checks]) {
            assert.doesNotMatch(line, /\{\w+\}/, `${id} ${locale}: ${line}`);
          }
        }
      }
    }
  });
});
