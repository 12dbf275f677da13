import { strict as assert } from 'node:assert';
import type { PhoneFacts } from '../../../bot/diagnostics/phone-facts';
import {
  FLEET_WIDE_MIN_OTHERS,
  FLEET_WIDE_MIN_SHARE,
  PHONE_VERDICT_PRECEDENCE,
  diagnosePhone,
  isFleetWide,
  type PhoneDiagnosis,
  type PhoneFinding,
  type PhoneFindingCode,
  type PhonePlanStepId,
  type PhoneVerdictCode,
} from '../../../bot/diagnostics/phone-rules';
import { defaultPhoneKnowledge, parsePhoneFirmware } from '../../../bot/knowledge/phone';
import {
  GATHERED_AT,
  MCOEV_PLAN,
  SKU,
  VERDICT_SCENARIOS,
  demoPhoneFacts,
  demoPhoneId,
  otherPhones,
  phoneFacts,
  phoneOf,
  quietFleet,
  setConnection,
  setFirmware,
  setPhonePlanStatus,
} from './phone-fixtures';

function finding<K extends PhoneFindingCode>(d: PhoneDiagnosis, code: K): Extract<PhoneFinding, { code: K }> {
  const found = d.findings.find((f): f is Extract<PhoneFinding, { code: K }> => f.code === code);
  assert.ok(found, `expected finding ${code}, got ${codes(d).join(', ')}`);
  return found;
}

function codes(d: PhoneDiagnosis): PhoneFindingCode[] {
  return d.findings.map((f) => f.code);
}

function steps(d: PhoneDiagnosis): PhonePlanStepId[] {
  return d.verdict.plan.map((s) => s.id);
}

function actions(d: PhoneDiagnosis): string[] {
  return d.actions.map((a) => a.id);
}

/** Turns every enum value Graph sends into PascalCase, as the documentation examples show them. */
function pascalCase(facts: PhoneFacts): PhoneFacts {
  const up = (v: string | null | undefined) => (v ? v.charAt(0).toUpperCase() + v.slice(1) : v);
  const phone = facts.phone;
  if (phone) {
    phone.device.healthStatus = up(phone.device.healthStatus);
    const health = phone.health;
    if (health?.connection) health.connection.connectionStatus = up(health.connection.connectionStatus);
    const teams = health?.loginStatus?.teamsConnection;
    if (teams) teams.connectionStatus = up(teams.connectionStatus);
  }
  for (const details of facts.licenseDetails ?? []) {
    for (const plan of details.servicePlans)
      plan.provisioningStatus = plan.provisioningStatus?.toUpperCase() ?? null;
  }
  return facts;
}

const THREE_DAYS_AGO = '2026-11-19T10:05:00.000Z';

// Facts -> verdict. The demo tenant's phones first, then each rule on its own.
const TABLE: [string, () => PhoneFacts, PhoneVerdictCode][] = [
  [
    'Alice: CCX 500 on 7.1.3.0991, offline, E3 + Teams Phone',
    () => demoPhoneFacts('alice'),
    'offline-old-firmware',
  ],
  ['Bob: 8.1.4.1250, online and signed in', () => demoPhoneFacts('bob'), 'healthy'],
  ['Chloé: E3 only, signed out', () => demoPhoneFacts('chloe'), 'no-phone-licence'],
  ['David: account disabled, offline', () => demoPhoneFacts('david'), 'account-disabled'],
  ['Reception: Teams Shared Devices, CCX 400', () => demoPhoneFacts('reception'), 'healthy'],
  ['no account', VERDICT_SCENARIOS['user-not-found'], 'user-not-found'],
  [
    'account disabled and no Teams Phone licence: the account comes first',
    () =>
      phoneFacts('chloe', (f) => {
        if (f.user) f.user.accountEnabled = false;
      }),
    'account-disabled',
  ],
  [
    'enabled state not reported: the phone is judged on the rest',
    () =>
      phoneFacts('alice', (f) => {
        if (f.user) f.user.accountEnabled = null;
      }),
    'offline-old-firmware',
  ],
  [
    'Teams Phone plan PendingProvisioning',
    VERDICT_SCENARIOS['licence-not-provisioned'],
    'licence-not-provisioned',
  ],
  [
    'Teams Phone plan in Error',
    () => phoneFacts('bob', (f) => setPhonePlanStatus(f, 'Error')),
    'licence-not-provisioned',
  ],
  [
    'Teams Phone plan turned off in the assignment',
    () =>
      phoneFacts('bob', (f) => {
        setPhonePlanStatus(f, 'Disabled');
        const phone = f.user?.assignedLicenses?.find((l) => l.skuId === SKU.teamsPhone);
        if (phone) phone.disabledPlans = [MCOEV_PLAN];
      }),
    'no-phone-licence',
  ],
  [
    'no licence at all, no phone either: the licence comes first',
    () =>
      phoneFacts('bob', (f) => {
        f.licenseDetails = [];
        if (f.user) f.user.assignedLicenses = [];
        f.phone = null;
      }),
    'no-phone-licence',
  ],
  [
    'E5 carries the Teams Phone plan',
    () =>
      phoneFacts('chloe', (f) => {
        f.licenseDetails = [
          {
            id: 'e5',
            skuId: SKU.o365E5,
            skuPartNumber: 'ENTERPRISEPREMIUM',
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
        const teams = phoneOf(f).health?.loginStatus?.teamsConnection;
        if (teams) teams.connectionStatus = 'connected';
      }),
    'healthy',
  ],
  [
    'licence details unreadable, Teams Phone Standard assigned',
    () =>
      phoneFacts('bob', (f) => {
        f.licenseDetails = null;
        f.gaps = [{ source: 'licence-details', reason: 'forbidden' }];
      }),
    'healthy',
  ],
  [
    'licence details unreadable, E3 only: cannot tell, so the phone is judged on the rest',
    () =>
      phoneFacts('chloe', (f) => {
        f.licenseDetails = null;
      }),
    'signed-out',
  ],
  ['no phone registered', VERDICT_SCENARIOS['no-phone'], 'no-phone'],
  [
    'Teams devices unreadable',
    () =>
      phoneFacts('alice', (f) => {
        f.phone = null;
        f.fleet = null;
        f.gaps = [{ source: 'teams-device', reason: 'unavailable', requestId: 'req-1' }];
      }),
    'no-phone',
  ],
  ['4 other phones offline out of 20', VERDICT_SCENARIOS['fleet-wide'], 'fleet-wide'],
  [
    '1 other phone offline out of 3 (33%)',
    () =>
      phoneFacts('alice', (f) => {
        f.fleet = { total: 3, otherOffline: otherPhones(1), sameFirmware: [] };
      }),
    'fleet-wide',
  ],
  [
    '2 other phones offline out of 10 (20%)',
    () =>
      phoneFacts('alice', (f) => {
        f.fleet = { total: 10, otherOffline: otherPhones(2), sameFirmware: [] };
      }),
    'offline-old-firmware',
  ],
  [
    'Bob offline while Alice and David are too: 2 others of 5 is 40% of the fleet',
    () => phoneFacts('bob', (f) => setConnection(f, 'disconnected')),
    'fleet-wide',
  ],
  [
    'many phones offline but this one online: not part of the outage',
    () =>
      phoneFacts('bob', (f) => {
        f.fleet = { total: 20, otherOffline: otherPhones(8), sameFirmware: [] };
      }),
    'healthy',
  ],
  ['offline on 8.1.4.1250', VERDICT_SCENARIOS.offline, 'offline'],
  [
    'offline on 8.0.2.0: supported, not the recommended version',
    () => phoneFacts('alice', (f) => setFirmware(f, '8.0.2.0')),
    'offline',
  ],
  [
    'offline and firmware not reported',
    () =>
      phoneFacts('alice', (f) => {
        phoneOf(f).configuration = null;
        const health = phoneOf(f).health;
        if (health) health.softwareUpdateHealth = null;
      }),
    'offline',
  ],
  [
    'offline, health unreadable but the device says offline',
    () =>
      phoneFacts('alice', (f) => {
        phoneOf(f).health = null;
      }),
    'offline-old-firmware',
  ],
  ['online, signed out of Teams', VERDICT_SCENARIOS['signed-out'], 'signed-out'],
  ['state not reported', VERDICT_SCENARIOS['state-unknown'], 'state-unknown'],
  ['online on 7.1.3.0991', VERDICT_SCENARIOS['old-firmware'], 'old-firmware'],
  [
    'firmware only in the health report',
    () =>
      phoneFacts('bob', (f) => {
        setFirmware(f, '7.1.3.0991');
        phoneOf(f).configuration = null;
      }),
    'old-firmware',
  ],
  [
    'a model without a baseline',
    () =>
      phoneFacts('bob', (f) => {
        phoneOf(f).device.hardwareDetail = { manufacturer: 'Yealink', model: 'MP56' };
        setFirmware(f, '122.15.0.36');
      }),
    'healthy',
  ],
  ['PascalCase: Alice', () => pascalCase(demoPhoneFacts('alice')), 'offline-old-firmware'],
  ['PascalCase: Bob', () => pascalCase(demoPhoneFacts('bob')), 'healthy'],
  ['PascalCase: signed out', () => pascalCase(VERDICT_SCENARIOS['signed-out']()), 'signed-out'],
  [
    'PascalCase: provisioning',
    () => pascalCase(VERDICT_SCENARIOS['licence-not-provisioned']()),
    'licence-not-provisioned',
  ],
  [
    'PascalCase: Offline from the device when the health is unreadable',
    () =>
      phoneFacts('bob', (f) => {
        quietFleet(f);
        phoneOf(f).health = null;
        phoneOf(f).device.healthStatus = 'Offline';
      }),
    'offline',
  ],
];

describe('diagnosePhone: facts -> verdict', () => {
  for (const [name, facts, expected] of TABLE) {
    it(`${name} -> ${expected}`, () => {
      assert.equal(diagnosePhone(facts()).verdict.code, expected);
    });
  }

  it('the table reaches every verdict, and so does each shared scenario', () => {
    assert.deepEqual(
      [...new Set(TABLE.map(([, , verdict]) => verdict))].sort(),
      [...PHONE_VERDICT_PRECEDENCE].sort(),
    );
    for (const [code, facts] of Object.entries(VERDICT_SCENARIOS)) {
      assert.equal(diagnosePhone(facts()).verdict.code, code);
    }
  });

  it('has a precedence with each verdict once, identity first and healthy last', () => {
    assert.equal(new Set(PHONE_VERDICT_PRECEDENCE).size, PHONE_VERDICT_PRECEDENCE.length);
    assert.deepEqual(PHONE_VERDICT_PRECEDENCE.slice(0, 4), [
      'user-not-found',
      'account-disabled',
      'no-phone-licence',
      'licence-not-provisioned',
    ]);
    assert.equal(PHONE_VERDICT_PRECEDENCE.at(-1), 'healthy');
  });
});

describe('diagnosePhone: the demo phones in detail', () => {
  it('Alice: offline for 3 days on 7.1.3.0991, the network path to walk, then the update to 8.x', () => {
    const d = diagnosePhone(demoPhoneFacts('alice'));
    assert.deepEqual(codes(d), [
      'account-enabled',
      'phone-licence',
      'device-offline',
      'signed-out',
      'firmware-below-baseline',
      'fleet-some-offline',
    ]);
    assert.deepEqual(finding(d, 'phone-licence').params, {
      skuId: SKU.teamsPhone,
      skuPartNumber: 'MCOEV',
      via: 'teams-phone-plan',
    });
    assert.deepEqual(finding(d, 'device-offline').params, {
      deviceId: demoPhoneId('alice'),
      healthStatus: 'offline',
      lastSeen: THREE_DAYS_AGO,
    });
    assert.equal(finding(d, 'signed-out').severity, 'info');
    assert.deepEqual(finding(d, 'firmware-below-baseline'), {
      code: 'firmware-below-baseline',
      severity: 'warning',
      params: {
        version: '7.1.3.0991',
        minimum: '8.0.0.0',
        recommended: '8.1.4.1250',
        model: 'Poly CCX 500',
        issue: '7.1.3.0991',
        belowMinimum: true,
      },
    });
    // David's phone is the only other one offline: 1 of 5 points to a local cause.
    assert.deepEqual(finding(d, 'fleet-some-offline').params, { offline: 1, total: 5 });
    assert.deepEqual(
      d.verdict.findings.map((f) => f.code),
      ['device-offline', 'firmware-below-baseline'],
    );
    assert.deepEqual(steps(d), ['walk-site-checks', 'restart-phone', 'update-firmware', 'verify']);
    assert.deepEqual(d.verdict.plan[1]?.params, { deviceId: demoPhoneId('alice'), offline: true });
    assert.deepEqual(d.actions, [
      { id: 'restart', deviceId: demoPhoneId('alice') },
      {
        id: 'update-firmware',
        deviceId: demoPhoneId('alice'),
        currentVersion: '7.1.3.0991',
        targetVersion: '8.1.4.1250',
      },
      { id: 'walk-site-checks' },
    ]);
    assert.equal(d.connection, 'offline');
    assert.equal(d.baseline?.model, 'CCX 500');
    assert.deepEqual(d.verdict.missingEvidence, []);
  });

  it('Alice: gives the network team what identifies her phone', () => {
    assert.deepEqual(diagnosePhone(demoPhoneFacts('alice')).siteFacts, {
      deviceId: demoPhoneId('alice'),
      user: 'alice.martin@contoso.com',
      site: 'HQ',
      manufacturer: 'Poly',
      model: 'CCX 500',
      serialNumber: '64167F1001A1',
      assetTag: 'CT-PH-1001',
      macAddress: '00-04-F2-A1-10-01',
      hostName: 'CCX500-0004F2A11001',
      ipAddress: '10.20.3.41',
      subnetMask: '255.255.255.0',
      gateway: '10.20.3.1',
      dnsServers: ['10.20.0.10', '10.20.0.11'],
      dhcp: true,
      firmware: '7.1.3.0991',
    });
  });

  it('Bob: nothing wrong, the site checks are still offered for a problem that comes and goes', () => {
    const d = diagnosePhone(demoPhoneFacts('bob'));
    assert.deepEqual(finding(d, 'firmware-current').params, {
      version: '8.1.4.1250',
      recommended: '8.1.4.1250',
      model: 'Poly CCX 500',
    });
    assert.equal(finding(d, 'signed-in').severity, 'ok');
    // Alice and David are offline: 2 of 5 others is a wide outage, but Bob's phone is not part of it.
    assert.deepEqual(finding(d, 'fleet-wide-offline'), {
      code: 'fleet-wide-offline',
      severity: 'info',
      params: { offline: 2, total: 5, share: 40 },
    });
    assert.ok(d.verdict.findings.every((f) => f.severity === 'ok'));
    assert.deepEqual(steps(d), ['walk-site-checks']);
    assert.deepEqual(actions(d), ['restart', 'walk-site-checks']);
  });

  it('Chloé: E3 only, so no Teams Phone; signed out although online; no site checks', () => {
    const d = diagnosePhone(demoPhoneFacts('chloe'));
    assert.deepEqual(finding(d, 'no-phone-licence').params, { skuIds: [SKU.o365E3] });
    assert.deepEqual(finding(d, 'signed-out'), {
      code: 'signed-out',
      severity: 'blocker',
      params: { status: 'disconnected', since: '2026-11-22T09:55:00.000Z', online: true },
    });
    assert.deepEqual(steps(d), ['assign-phone-licence', 'sign-in-again', 'verify']);
    assert.deepEqual(actions(d), ['restart']);
  });

  it('David: disabled account; the licence is not blamed', () => {
    const d = diagnosePhone(demoPhoneFacts('david'));
    assert.equal(finding(d, 'account-disabled').params.upn, 'david.leroy@contoso.com');
    assert.equal(finding(d, 'phone-licence').severity, 'ok');
    assert.deepEqual(steps(d), ['find-why-disabled', 'enable-account', 'restart-phone', 'verify']);
    assert.deepEqual(actions(d), ['restart']);
  });

  it('Reception: the Teams Shared Devices licence includes Teams Phone for a common-area phone', () => {
    const d = diagnosePhone(demoPhoneFacts('reception'));
    assert.deepEqual(finding(d, 'phone-licence').params, {
      skuId: SKU.sharedDevices,
      skuPartNumber: 'MCOCAP',
      via: 'shared-devices',
    });
    assert.equal(finding(d, 'firmware-current').params.model, 'Poly CCX 400');
    assert.equal(d.baseline?.model, 'CCX 400');
  });

  it('Reception: Teams Shared Devices counts even when its plans are not listed', () => {
    const d = diagnosePhone(
      phoneFacts('reception', (f) => {
        const details = f.licenseDetails?.[0];
        if (details) details.servicePlans = [];
      }),
    );
    assert.equal(d.verdict.code, 'healthy');
    assert.equal(finding(d, 'phone-licence').params.via, 'shared-devices');
  });
});

describe('diagnosePhone: each rule', () => {
  it('names the licence whose Teams Phone plan is not ready, with its status as Graph sent it', () => {
    const d = diagnosePhone(VERDICT_SCENARIOS['licence-not-provisioned']());
    assert.deepEqual(finding(d, 'licence-not-provisioned').params, {
      skuId: SKU.teamsPhone,
      skuPartNumber: 'MCOEV',
      status: 'PendingProvisioning',
    });
    assert.deepEqual(steps(d), ['wait-for-provisioning', 'sign-in-again', 'verify']);
    // The phone's own actions still apply; walking the site does not while the licence is not ready.
    assert.deepEqual(actions(d), ['restart', 'update-firmware']);
  });

  it('asks to turn the plan back on rather than to buy a licence when it is only disabled', () => {
    const d = diagnosePhone(
      phoneFacts('bob', (f) => {
        setPhonePlanStatus(f, 'Disabled');
      }),
    );
    assert.deepEqual(finding(d, 'phone-plan-disabled').params, {
      skuId: SKU.teamsPhone,
      skuPartNumber: 'MCOEV',
    });
    assert.deepEqual(d.verdict.plan[0], {
      id: 'enable-phone-plan',
      params: { upn: 'bob.durand@contoso.com', skuId: SKU.teamsPhone },
    });
  });

  it('says so when no phone is registered, and still offers the site checks', () => {
    const d = diagnosePhone(VERDICT_SCENARIOS['no-phone']());
    assert.deepEqual(finding(d, 'no-phone'), {
      code: 'no-phone',
      severity: 'warning',
      params: { reason: 'not-registered' },
    });
    assert.deepEqual(steps(d), ['find-phone', 'walk-site-checks', 'verify']);
    assert.deepEqual(d.actions, [{ id: 'walk-site-checks' }]);
    assert.equal(d.siteFacts.user, 'bob.durand@contoso.com');
    assert.equal(d.siteFacts.ipAddress, '');
  });

  it('tells an unreadable device list from a missing phone, and keeps the gap', () => {
    const d = diagnosePhone(
      phoneFacts('alice', (f) => {
        f.phone = null;
        f.fleet = null;
        f.gaps = [{ source: 'teams-device', reason: 'throttled', requestId: 'req-9' }];
      }),
    );
    assert.deepEqual(finding(d, 'no-phone').params, { reason: 'throttled' });
    assert.ok(codes(d).includes('fleet-unknown'));
    assert.deepEqual(steps(d), ['find-phone', 'retry-later', 'walk-site-checks', 'verify']);
    assert.deepEqual(d.verdict.missingEvidence, [
      { source: 'teams-device', reason: 'throttled', requestId: 'req-9' },
    ]);
    assert.deepEqual(finding(d, 'evidence-missing').params, {
      source: 'teams-device',
      reason: 'throttled',
      requestId: 'req-9',
    });
  });

  it('sees a fleet-wide outage, and still plans the firmware update', () => {
    const d = diagnosePhone(VERDICT_SCENARIOS['fleet-wide']());
    assert.deepEqual(finding(d, 'fleet-wide-offline'), {
      code: 'fleet-wide-offline',
      severity: 'warning',
      params: { offline: 4, total: 20, share: 20 },
    });
    assert.deepEqual(steps(d), ['check-outage', 'walk-site-checks', 'update-firmware', 'verify']);
    assert.deepEqual(actions(d), ['restart', 'update-firmware', 'walk-site-checks']);
  });

  it('draws the fleet line at 3 other phones, or 30% of the fleet', () => {
    assert.equal(FLEET_WIDE_MIN_OTHERS, 3);
    assert.equal(FLEET_WIDE_MIN_SHARE, 0.3);
    const cases: [number, number, boolean][] = [
      [0, 1, false],
      [0, 5, false],
      [1, 5, false],
      [1, 4, false],
      [1, 3, true],
      [2, 10, false],
      [2, 6, true],
      [3, 100, true],
      [2, 100, false],
    ];
    for (const [offline, total, expected] of cases) {
      assert.equal(isFleetWide(offline, total), expected, `${offline} of ${total}`);
    }
  });

  it('suggests updating the other phones on the same old firmware', () => {
    const d = diagnosePhone(
      phoneFacts('alice', (f) => {
        if (f.fleet) f.fleet.sameFirmware = otherPhones(2);
      }),
    );
    assert.deepEqual(finding(d, 'same-firmware').params, { count: 2, version: '7.1.3.0991' });
    assert.deepEqual(d.verdict.plan[3], {
      id: 'update-other-phones',
      params: { count: 2, version: '7.1.3.0991', target: '8.1.4.1250' },
    });
  });

  it('restarts an online phone remotely, an offline one on site', () => {
    const online = diagnosePhone(VERDICT_SCENARIOS['signed-out']());
    assert.deepEqual(steps(online), ['sign-in-again', 'restart-phone', 'verify']);
    assert.deepEqual(online.verdict.plan[1]?.params, { deviceId: demoPhoneId('bob'), offline: false });
    const offline = diagnosePhone(VERDICT_SCENARIOS.offline());
    assert.deepEqual(offline.verdict.plan[1]?.params, { deviceId: demoPhoneId('alice'), offline: true });
    assert.deepEqual(actions(offline), ['restart', 'walk-site-checks']);
  });

  it('uses the connection time as "last seen", and only while disconnected', () => {
    const d = diagnosePhone(
      phoneFacts('bob', (f) => {
        quietFleet(f);
        setConnection(f, 'disconnected', '2026-11-21T18:30:00Z');
      }),
    );
    assert.equal(d.verdict.code, 'offline');
    assert.equal(finding(d, 'device-offline').params.lastSeen, '2026-11-21T18:30:00Z');
    assert.equal(
      diagnosePhone(demoPhoneFacts('bob')).findings.some((f) => f.code === 'device-offline'),
      false,
    );
    const noHealth = diagnosePhone(
      phoneFacts('alice', (f) => {
        phoneOf(f).health = null;
      }),
    );
    assert.equal(finding(noHealth, 'device-offline').params.lastSeen, '');
  });

  it('compares firmware versions as numbers, not as text', () => {
    const behind = diagnosePhone(phoneFacts('bob', (f) => setFirmware(f, '8.1.4.999')));
    assert.equal(behind.verdict.code, 'healthy');
    assert.deepEqual(finding(behind, 'firmware-behind').params, {
      version: '8.1.4.999',
      recommended: '8.1.4.1250',
      model: 'Poly CCX 500',
    });
    const newer = diagnosePhone(phoneFacts('bob', (f) => setFirmware(f, '8.10.0.1')));
    assert.equal(finding(newer, 'firmware-current').params.version, '8.10.0.1');
    const older = diagnosePhone(phoneFacts('bob', (f) => setFirmware(f, '7.10.0.0')));
    assert.equal(finding(older, 'firmware-below-baseline').params.issue, '');
    assert.equal(older.verdict.code, 'old-firmware');
  });

  it('flags a known bad version on the 8.x line as old firmware, without calling it below the line', () => {
    const knowledge = {
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
    const d = diagnosePhone(
      phoneFacts('bob', (f) => setFirmware(f, '8.0.1.44')),
      knowledge,
    );
    assert.equal(d.verdict.code, 'old-firmware');
    assert.deepEqual(finding(d, 'firmware-below-baseline').params, {
      version: '8.0.1.44',
      minimum: '8.0.0.0',
      recommended: '8.1.4.1250',
      model: 'Poly CCX 500',
      issue: '8.0.1.*',
      belowMinimum: false,
    });
    assert.deepEqual(steps(d), ['update-firmware', 'walk-site-checks', 'verify']);
  });

  it('does not judge the firmware of a model it has no baseline for', () => {
    const d = diagnosePhone(
      phoneFacts('alice', (f) => {
        phoneOf(f).device.hardwareDetail.model = 'VVX 450';
      }),
    );
    assert.equal(d.verdict.code, 'offline');
    assert.deepEqual(finding(d, 'firmware-unknown-model').params, {
      version: '7.1.3.0991',
      model: 'Poly VVX 450',
    });
    assert.equal(d.baseline, null);
    assert.deepEqual(actions(d), ['restart', 'walk-site-checks']);
  });

  it('keeps its hands off the account when it is missing: nothing to restart, no site checks', () => {
    const d = diagnosePhone(
      phoneFacts('alice', (f) => {
        f.user = null;
        f.licenseDetails = null;
        f.phone = null;
      }),
    );
    assert.equal(d.verdict.code, 'user-not-found');
    assert.deepEqual(codes(d).slice(0, 2), ['user-not-found', 'no-phone']);
    assert.deepEqual(steps(d), ['check-account']);
    assert.deepEqual(d.actions, []);
  });

  it('takes the sign-in name from the phone when the account cannot be read', () => {
    const d = diagnosePhone(VERDICT_SCENARIOS['user-not-found']());
    assert.deepEqual(d.verdict.plan, [{ id: 'check-account', params: { upn: 'alice.martin@contoso.com' } }]);
    assert.deepEqual(actions(d), ['restart', 'update-firmware']);
  });

  it('reads the facts without changing them, and says when they were gathered', () => {
    const facts = demoPhoneFacts('alice');
    const before = structuredClone(facts);
    diagnosePhone(facts);
    assert.deepEqual(facts, before);
    assert.equal(facts.gatheredAt, GATHERED_AT);
  });
});
