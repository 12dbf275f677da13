import { strict as assert } from 'node:assert';
import type { PhoneFacts } from '../../../bot/diagnostics/phone-facts';
import {
  diagnosePhone,
  type PhoneFindingCode,
  type PhonePlanStepId,
  type PhoneVerdictCode,
} from '../../../bot/diagnostics/phone-rules';
import { phoneTextCatalog } from '../../../bot/diagnostics/phone-texts';
import { presentPhoneDiagnosis, type PhoneDiagnosisView } from '../../../bot/diagnostics/present-phone';
import type { Locale } from '../../../bot/i18n';
import { defaultPhoneKnowledge, parsePhoneFirmware } from '../../../bot/knowledge/phone';
import {
  MCOEV_PLAN,
  VERDICT_SCENARIOS,
  demoPhoneFacts,
  otherPhones,
  phoneFacts,
  phoneOf,
  quietFleet,
  setFirmware,
  setPhonePlanStatus,
} from './phone-fixtures';

const LOCALES: Locale[] = ['en', 'fr'];

function present(facts: PhoneFacts, locale: Locale, markdown = true): PhoneDiagnosisView {
  return presentPhoneDiagnosis(diagnosePhone(facts), facts, locale, { markdown });
}

function evidence(view: PhoneDiagnosisView, label: string): { value: string; tone: string } {
  const line = view.evidence.find((e) => e.label === label);
  assert.ok(line, `no evidence "${label}" in ${view.evidence.map((e) => e.label).join(', ')}`);
  return line;
}

function fact(view: PhoneDiagnosisView, label: string): string {
  const line = view.phone.facts.find((f) => f.label === label);
  assert.ok(line, `no fact "${label}" in ${view.phone.facts.map((f) => f.label).join(', ')}`);
  return line.value;
}

/** Every text of a view, for checks that apply to all of them. */
function texts(view: PhoneDiagnosisView): string[] {
  return [
    view.phone.title,
    view.phone.subtitle,
    ...view.phone.facts.flatMap((f) => [f.label, f.value]),
    view.verdict.headline,
    view.verdict.summary,
    ...view.evidence.flatMap((e) => [e.label, e.value]),
    ...view.plan.flatMap((s) => [s.title, s.detail]),
    ...view.missingEvidence,
    view.gatheredAt,
  ];
}

// Compile-time complete: adding a finding code or a plan step without listing it here fails the type check.
const FINDING_CODES: Record<PhoneFindingCode, true> = {
  'user-not-found': true,
  'account-enabled': true,
  'account-disabled': true,
  'account-state-unknown': true,
  'phone-licence': true,
  'no-phone-licence': true,
  'phone-plan-disabled': true,
  'licence-not-provisioned': true,
  'licences-unknown': true,
  'no-phone': true,
  'device-online': true,
  'device-offline': true,
  'device-state-unknown': true,
  'signed-in': true,
  'signed-out': true,
  'sign-in-unknown': true,
  'firmware-below-baseline': true,
  'firmware-behind': true,
  'firmware-current': true,
  'firmware-unknown-model': true,
  'firmware-missing': true,
  'fleet-ok': true,
  'fleet-some-offline': true,
  'fleet-wide-offline': true,
  'fleet-unknown': true,
  'same-firmware': true,
  'evidence-missing': true,
};

const PLAN_STEPS: Record<PhonePlanStepId, true> = {
  'check-account': true,
  'find-why-disabled': true,
  'enable-account': true,
  'assign-phone-licence': true,
  'enable-phone-plan': true,
  'wait-for-provisioning': true,
  'sign-in-again': true,
  'find-phone': true,
  'retry-later': true,
  'check-outage': true,
  'walk-site-checks': true,
  'restart-phone': true,
  'update-firmware': true,
  'update-other-phones': true,
  verify: true,
};

const KNOWN_ISSUE_KNOWLEDGE = {
  ...defaultPhoneKnowledge,
  firmware: parsePhoneFirmware({
    models: [
      {
        manufacturer: 'Poly',
        model: 'CCX 500',
        minimum: '8.0.0.0',
        recommended: '8.1.4.1250',
        badVersions: [{ version: '8.0.1.*', note: { en: 'Drops calls.', fr: 'Coupe les appels.' } }],
      },
    ],
  }),
};

// Facts that, between them, produce every finding and every plan step, beside one scenario per verdict.
const EXTRA_FACTS: Record<string, () => PhoneFacts> = {
  'account state unknown, licence details unreadable, firmware behind, quiet fleet': () =>
    phoneFacts('bob', (f) => {
      if (f.user) f.user.accountEnabled = null;
      f.licenseDetails = null;
      if (f.user)
        f.user.assignedLicenses = [{ skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', disabledPlans: [] }];
      f.gaps = [{ source: 'licence-details', reason: 'forbidden', requestId: 'req-42' }];
      setFirmware(f, '8.0.2.0');
      quietFleet(f);
    }),
  'plan turned off, model without baseline, fleet unknown': () =>
    phoneFacts('bob', (f) => {
      setPhonePlanStatus(f, 'Disabled');
      phoneOf(f).device.hardwareDetail.model = 'VVX 450';
      f.fleet = null;
    }),
  'firmware not reported, same old firmware on other phones': () =>
    phoneFacts('alice', (f) => {
      if (f.fleet) f.fleet.sameFirmware = otherPhones(3);
    }),
  'no firmware at all': () =>
    phoneFacts('alice', (f) => {
      phoneOf(f).configuration = null;
      const health = phoneOf(f).health;
      if (health) health.softwareUpdateHealth = null;
    }),
  'devices unreadable': () =>
    phoneFacts('alice', (f) => {
      f.phone = null;
      f.fleet = null;
      f.gaps = [{ source: 'teams-device', reason: 'throttled' }];
    }),
};

function allFacts(): [string, PhoneFacts][] {
  return [
    ...Object.entries(VERDICT_SCENARIOS).map(([name, facts]): [string, PhoneFacts] => [name, facts()]),
    ...Object.entries(EXTRA_FACTS).map(([name, facts]): [string, PhoneFacts] => [name, facts()]),
  ];
}

describe('presentPhoneDiagnosis: Alice in English', () => {
  const view = present(demoPhoneFacts('alice'), 'en');

  it('shows the phone as the network team will look for it', () => {
    assert.equal(view.phone.title, 'Poly CCX 500 · Alice Martin');
    assert.equal(view.phone.subtitle, 'alice.martin@contoso.com · HQ');
    assert.deepEqual(view.phone.facts, [
      { label: 'IP address', value: '10.20.3.41' },
      { label: 'MAC address', value: '00-04-F2-A1-10-01' },
      { label: 'Host name', value: 'CCX500-0004F2A11001' },
      { label: 'Gateway', value: '10.20.3.1' },
      { label: 'DNS', value: '10.20.0.10, 10.20.0.11' },
      { label: 'DHCP', value: 'on' },
      { label: 'Serial number', value: '64167F1001A1' },
      { label: 'Asset tag', value: 'CT-PH-1001' },
      { label: 'Firmware', value: '7.1.3.0991' },
      { label: 'Last seen', value: '19 Nov 2026, 10:05 UTC' },
    ]);
  });

  it('states the playbook verdict: old firmware, network path first, then the update', () => {
    assert.equal(view.verdict.headline, 'Offline, with firmware 7.1.3.0991 below the 8.x line');
    assert.equal(view.verdict.tone, 'attention');
    assert.equal(
      view.verdict.summary,
      'The Poly CCX 500 has been offline since 19 Nov 2026, 10:05 UTC and runs firmware 7.1.3.0991, below the 8.x line (8.1.4.1250 recommended). ' +
        '1 other phone is offline too, not enough to suspect the whole network. ' +
        'First walk the network path from the phone to the internet, then update the firmware to 8.1.4.1250 once the phone is back online.',
    );
  });

  it('lists the evidence with its tone', () => {
    assert.deepEqual(view.evidence, [
      { label: 'Account', value: 'alice.martin@contoso.com, enabled', tone: 'good' },
      { label: 'Teams Phone licence', value: 'Teams Phone Standard, Teams Phone plan active', tone: 'good' },
      { label: 'Network connection', value: 'Offline since 19 Nov 2026, 10:05 UTC', tone: 'attention' },
      { label: 'Sign-in to Teams', value: 'Not signed in while the phone is offline', tone: 'default' },
      { label: 'Firmware', value: '7.1.3.0991: below the 8.x line; update to 8.1.4.1250', tone: 'warning' },
      { label: 'Other phones', value: '1 other offline out of 5', tone: 'default' },
    ]);
  });

  it('gives the plan in the playbook order', () => {
    assert.deepEqual(
      view.plan.map((s) => s.title),
      [
        'Walk the site checks with someone at the phone',
        'Restart the phone on site',
        'Update the firmware to 8.1.4.1250',
        'Check that the phone works',
      ],
    );
    assert.match(view.plan[1]?.detail ?? '', /cannot receive a remote restart/);
    assert.match(view.plan[2]?.detail ?? '', /^The phone runs 7\.1\.3\.0991, below the 8\.x line\./);
  });

  it('formats the time in UTC and leaves the buttons to the caller', () => {
    assert.equal(view.gatheredAt, '22 Nov 2026, 10:05 UTC');
    assert.deepEqual(view.missingEvidence, []);
    assert.deepEqual(view.actions, []);
  });
});

describe('presentPhoneDiagnosis: in French', () => {
  const view = present(demoPhoneFacts('alice'), 'fr');

  it('speaks French, with French typography', () => {
    assert.equal(view.verdict.headline, 'Hors ligne, avec un firmware 7.1.3.0991 antérieur à la ligne 8.x');
    assert.match(
      view.verdict.summary,
      /^Le Poly CCX 500 est hors ligne depuis le 19 nov\. 2026, 10:05 UTC et a le/,
    );
    assert.equal(evidence(view, 'Compte').value, 'alice.martin@contoso.com, activé');
    assert.equal(evidence(view, 'Liaison réseau').value, 'Hors ligne depuis le 19 nov. 2026, 10:05 UTC');
    assert.equal(
      evidence(view, 'Firmware').value,
      '7.1.3.0991 : antérieur à la ligne 8.x ; mettez à jour en 8.1.4.1250',
    );
    assert.equal(evidence(view, 'Autres téléphones').value, '1 autre hors ligne sur 5');
    assert.equal(fact(view, 'DHCP'), 'activé');
    assert.equal(fact(view, "Numéro d'inventaire"), 'CT-PH-1001');
    assert.equal(view.plan[0]?.title, "Faire les vérifications sur site avec quelqu'un devant le téléphone");
    assert.equal(view.gatheredAt, '22 nov. 2026, 10:05 UTC');
  });

  it('has a French text for every English one', () => {
    assert.deepEqual(Object.keys(phoneTextCatalog.fr).sort(), Object.keys(phoneTextCatalog.en).sort());
  });

  it('puts a space before the high punctuation in French, and none in English', () => {
    for (const [key, text] of Object.entries(phoneTextCatalog.fr)) {
      assert.doesNotMatch(text, /[^\s\u00a0][:;?!](\s|$)/, `fr ${key}: ${text}`);
      assert.doesNotMatch(text, /\d%/, `fr ${key}: ${text}`);
    }
    for (const [key, text] of Object.entries(phoneTextCatalog.en)) {
      assert.doesNotMatch(text, /\s[:;?!]/, `en ${key}: ${text}`);
    }
  });
});

describe('presentPhoneDiagnosis: every verdict, finding and plan step', () => {
  it('has a headline and a summary for every verdict in both languages, with no placeholder left', () => {
    const verdicts = Object.keys(VERDICT_SCENARIOS) as PhoneVerdictCode[];
    for (const code of verdicts) {
      const facts = VERDICT_SCENARIOS[code]();
      const en = present(facts, 'en');
      const fr = present(facts, 'fr');
      for (const view of [en, fr]) {
        assert.ok(view.verdict.headline.length > 0, code);
        assert.ok(view.verdict.summary.length > 20, code);
        for (const text of texts(view)) {
          assert.doesNotMatch(text, /\{\w+\}|undefined|NaN/, `${code}: ${text}`);
        }
      }
      assert.notEqual(en.verdict.headline, fr.verdict.headline, code);
      assert.notEqual(en.verdict.summary, fr.verdict.summary, code);
    }
  });

  it('gives each verdict its tone', () => {
    const tone = (code: PhoneVerdictCode) => present(VERDICT_SCENARIOS[code](), 'en').verdict.tone;
    assert.equal(tone('healthy'), 'good');
    assert.equal(tone('old-firmware'), 'warning');
    assert.equal(tone('no-phone'), 'warning');
    assert.equal(tone('account-disabled'), 'attention');
    assert.equal(tone('fleet-wide'), 'attention');
  });

  it('writes an evidence line for every finding, in both languages', () => {
    const seen = new Set<PhoneFindingCode>();
    for (const [name, facts] of allFacts()) {
      const diagnosis = diagnosePhone(facts);
      const shown = diagnosis.findings.filter((f) => f.code !== 'evidence-missing');
      diagnosis.findings.forEach((f) => seen.add(f.code));
      for (const locale of LOCALES) {
        const view = presentPhoneDiagnosis(diagnosis, facts, locale);
        assert.equal(view.evidence.length, shown.length, `${name} ${locale}`);
        for (const line of view.evidence) {
          assert.ok(line.label && line.value, `${name} ${locale}: ${JSON.stringify(line)}`);
          assert.doesNotMatch(`${line.label} ${line.value}`, /\{\w+\}|undefined/, `${name} ${locale}`);
        }
        assert.equal(
          view.missingEvidence.length,
          diagnosis.verdict.missingEvidence.length,
          `${name} ${locale}: missing evidence`,
        );
      }
    }
    assert.deepEqual([...seen].sort(), Object.keys(FINDING_CODES).sort());
  });

  it('writes a title and a detail for every plan step, in both languages', () => {
    const seen = new Set<PhonePlanStepId>();
    for (const [name, facts] of allFacts()) {
      const diagnosis = diagnosePhone(facts);
      diagnosis.verdict.plan.forEach((s) => seen.add(s.id));
      for (const locale of LOCALES) {
        const view = presentPhoneDiagnosis(diagnosis, facts, locale);
        assert.equal(view.plan.length, diagnosis.verdict.plan.length, name);
        for (const step of view.plan) {
          assert.ok(step.title && step.detail, `${name} ${locale}`);
          assert.doesNotMatch(`${step.title} ${step.detail}`, /\{\w+\}|undefined/, `${name} ${locale}`);
        }
      }
    }
    assert.deepEqual([...seen].sort(), Object.keys(PLAN_STEPS).sort());
  });
});

describe('presentPhoneDiagnosis: the other verdicts', () => {
  it('Chloé: names the licences she holds and the one she lacks', () => {
    const view = present(demoPhoneFacts('chloe'), 'en');
    assert.equal(view.verdict.headline, 'No Teams Phone licence');
    assert.match(
      view.verdict.summary,
      /^chloe\.petit@contoso\.com holds Office 365 E3, but none of them includes/,
    );
    assert.equal(evidence(view, 'Teams Phone licence').value, 'No Teams Phone plan in Office 365 E3');
    assert.equal(evidence(view, 'Sign-in to Teams').value, 'Signed out since 22 Nov 2026, 09:55 UTC');
    assert.equal(view.phone.title, 'Poly CCX 500 · Chloé Petit');
  });

  it('Reception: the shared-devices licence, in French', () => {
    const view = present(demoPhoneFacts('reception'), 'fr');
    assert.equal(view.verdict.headline, 'Le téléphone semble en bon état vu de Microsoft 365');
    assert.equal(
      evidence(view, 'Licence Teams Phone').value,
      'Teams Shared Devices, qui inclut Teams Phone pour les téléphones de parties communes',
    );
    assert.equal(evidence(view, 'Firmware').value, '8.1.4.1250 : à jour');
  });

  it('Bob in a fleet with two others offline: the count and its share', () => {
    const en = present(demoPhoneFacts('bob'), 'en');
    const { value, tone } = evidence(en, 'Other phones');
    assert.deepEqual(
      { value, tone },
      {
        value: '2 others offline out of 5 (40%): check the network and the service',
        tone: 'default',
      },
    );
    const fr = present(demoPhoneFacts('bob'), 'fr');
    assert.equal(
      evidence(fr, 'Autres téléphones').value,
      '2 autres hors ligne sur 5 (40\u00a0%) : vérifiez le réseau et le service',
    );
  });

  it('fleet-wide: counts this phone among the phones offline', () => {
    const view = present(VERDICT_SCENARIOS['fleet-wide'](), 'en');
    assert.match(view.verdict.summary, /^5 phones out of 20 are offline, this one included\./);
    assert.match(view.plan[0]?.detail ?? '', /^5 phones out of 20 are offline\./);
  });

  it('no phone: says none is registered, or that the list could not be read and why', () => {
    const none = present(VERDICT_SCENARIOS['no-phone'](), 'en');
    assert.equal(none.verdict.headline, 'No phone registered for this person');
    assert.equal(none.phone.title, 'No phone registered · Bob Durand');
    assert.equal(evidence(none, 'Phone').value, 'None registered with this account');
    const unreadable = present(EXTRA_FACTS['devices unreadable']?.() ?? demoPhoneFacts('alice'), 'fr');
    assert.equal(unreadable.verdict.headline, "Le téléphone n'a pas pu être lu");
    assert.match(unreadable.verdict.summary, /\(Microsoft Graph a demandé au bot de ralentir\)/);
    assert.deepEqual(unreadable.missingEvidence, [
      "Les données de l'appareil Teams (réseau, firmware, connexion) : lecture impossible (Microsoft Graph a demandé au bot de ralentir) ; le diagnostic s'est poursuivi sans.",
    ]);
  });

  it('gives the request id of evidence that could not be read', () => {
    const view = present(
      EXTRA_FACTS['account state unknown, licence details unreadable, firmware behind, quiet fleet']?.() ??
        demoPhoneFacts('bob'),
      'en',
    );
    assert.deepEqual(view.missingEvidence, [
      'The licence details (Teams Phone plan): could not be read (the bot is not allowed to read it); the diagnosis went on without it. Request id: req-42.',
    ]);
    assert.equal(evidence(view, 'Teams Phone licence').value, 'Could not be checked');
    assert.equal(evidence(view, 'Firmware').value, '8.0.2.0: supported; 8.1.4.1250 is recommended');
  });

  it('a known issue on the 8.x line: speaks of the issue and its note, not of the line', () => {
    const facts = phoneFacts('bob', (f) => setFirmware(f, '8.0.1.44'));
    const view = presentPhoneDiagnosis(diagnosePhone(facts, KNOWN_ISSUE_KNOWLEDGE), facts, 'en', {
      phoneKnowledge: KNOWN_ISSUE_KNOWLEDGE,
    });
    assert.equal(view.verdict.headline, 'Firmware 8.0.1.44 has a known issue');
    assert.match(
      view.verdict.summary,
      /which has a known issue: Drops calls\. Schedule its update to 8\.1\.4\.1250;/,
    );
    assert.equal(
      evidence(view, 'Firmware').value,
      '8.0.1.44: known issue; update to 8.1.4.1250. Drops calls.',
    );
    assert.match(view.plan[0]?.detail ?? '', /^The phone runs 8\.0\.1\.44, which has a known issue\./);
  });

  it('other phones on the same old firmware: singular and plural', () => {
    const one = present(
      phoneFacts('alice', (f) => {
        if (f.fleet) f.fleet.sameFirmware = otherPhones(1);
      }),
      'en',
    );
    assert.equal(evidence(one, 'Same firmware').value, '1 other phone runs 7.1.3.0991 too');
    assert.equal(
      one.plan[3]?.detail,
      '1 other phone runs 7.1.3.0991 too: update it to 8.1.4.1250 before it shows the same problem.',
    );
    const three = present(
      EXTRA_FACTS['firmware not reported, same old firmware on other phones']?.() ?? demoPhoneFacts('alice'),
      'fr',
    );
    assert.equal(
      evidence(three, 'Même firmware').value,
      '3 autres téléphones ont aussi le firmware 7.1.3.0991',
    );
  });
});

describe('presentPhoneDiagnosis: Graph text', () => {
  const hostile = () =>
    phoneFacts('chloe', (f) => {
      if (f.user) {
        f.user.displayName = 'Chloé *Petit* [click](http://evil)';
        f.user.userPrincipalName = 'chloe_petit@contoso.com';
      }
      f.site = '# HQ <b>';
      const phone = phoneOf(f);
      phone.device.hardwareDetail.model = 'CCX_500';
      const net = phone.configuration?.systemConfiguration?.networkConfiguration;
      if (net) net.hostName = 'CCX500\n- injected';
      // A licence the matrix does not know: its part number is shown as Graph sent it.
      if (f.user) f.user.assignedLicenses = [{ skuId: 'unknown-sku', disabledPlans: [] }];
      f.licenseDetails = [
        {
          id: 'x',
          skuId: 'unknown-sku',
          skuPartNumber: 'PACK_*',
          servicePlans: [
            {
              servicePlanId: MCOEV_PLAN,
              servicePlanName: 'MCOEV',
              provisioningStatus: 'Success',
              appliesTo: 'User',
            },
          ],
        },
      ];
    });

  it('escapes every Graph value for Markdown', () => {
    const view = present(hostile(), 'en');
    assert.equal(view.phone.title, 'Poly CCX\\_500 · Chloé \\*Petit\\* \\[click\\]\\(http://evil\\)');
    assert.equal(view.phone.subtitle, 'chloe\\_petit@contoso.com · \\# HQ \\<b\\>');
    assert.equal(fact(view, 'Host name'), 'CCX500 - injected');
    assert.equal(evidence(view, 'Account').value, 'chloe\\_petit@contoso.com, enabled');
    assert.equal(evidence(view, 'Teams Phone licence').value, 'PACK\\_\\*, Teams Phone plan active');
    assert.equal(view.verdict.headline, 'Online, but signed out of Teams');
    assert.match(
      view.verdict.summary,
      /^The Poly CCX\\_500 is on the network, .* check chloe\\_petit@contoso\.com's account/,
    );
    for (const text of texts(view)) {
      assert.doesNotMatch(text, /(^|[^\\])[*_[#<]/, text);
      assert.doesNotMatch(text, /\n/, text);
    }
  });

  it('keeps the values as they are when the card shows text verbatim, but on one line', () => {
    const view = present(hostile(), 'en', false);
    assert.equal(view.phone.title, 'Poly CCX_500 · Chloé *Petit* [click](http://evil)');
    assert.equal(fact(view, 'Host name'), 'CCX500 - injected');
    assert.equal(evidence(view, 'Account').value, 'chloe_petit@contoso.com, enabled');
    assert.equal(evidence(view, 'Teams Phone licence').value, 'PACK_*, Teams Phone plan active');
  });
});
