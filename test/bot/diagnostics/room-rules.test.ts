import { strict as assert } from 'node:assert';
import { diagnoseRoom } from '../../../bot/diagnostics/room-rules';
import type {
  Finding,
  FindingCode,
  PlanStep,
  PlanStepId,
  RoomDiagnosis,
} from '../../../bot/diagnostics/room-diagnosis';
import { defaultKnowledge, type Knowledge } from '../../../bot/knowledge';
import { DEMO_ROOMS, MTR_GROUP_ID, SKU, demoRoom, teamsDeviceId, userId } from './fixtures';

function finding<K extends FindingCode>(d: RoomDiagnosis, code: K): Extract<Finding, { code: K }> {
  const found = d.findings.find((f): f is Extract<Finding, { code: K }> => f.code === code);
  assert.ok(found, `expected finding ${code}, got ${d.findings.map((f) => f.code).join(', ')}`);
  return found;
}

function step<K extends PlanStepId>(d: RoomDiagnosis, id: K): Extract<PlanStep, { id: K }> {
  const found = d.verdict.plan.find((s): s is Extract<PlanStep, { id: K }> => s.id === id);
  assert.ok(found, `expected plan step ${id}, got ${ids(d).join(', ')}`);
  return found;
}

function ids(d: RoomDiagnosis): PlanStepId[] {
  return d.verdict.plan.map((s) => s.id);
}

function codes(d: RoomDiagnosis): FindingCode[] {
  return d.findings.map((f) => f.code);
}

const ADVANCED: PlanStepId[] = [
  'check-entra-device',
  'clear-token-cache',
  'update-app',
  'reinstall-app',
  'reimage-console',
  'escalate-to-microsoft',
];

describe('diagnoseRoom: demo tenant', () => {
  it('Room 4B: matches the 5.2.115.0 licence bug and plans the full remove/wait/reassign cycle', () => {
    const d = diagnoseRoom(demoRoom('room4B'));
    assert.equal(d.verdict.code, 'licence-bug');
    assert.deepEqual(finding(d, 'room-licence').params, {
      skuId: SKU.pro,
      skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
      category: 'room-pro',
      assignment: 'direct',
      provisioning: 'ready',
    });
    assert.deepEqual(finding(d, 'app-version-bad').params, {
      version: '5.2.115.0',
      pattern: '5.2.115.0',
      symptom: 'licence-error-at-sign-in',
    });
    assert.equal(finding(d, 'sign-in-failing').severity, 'blocker');
    assert.deepEqual(finding(d, 'free-seats').params, { skuId: SKU.pro, free: 3, enabled: 10, consumed: 7 });
    assert.equal(finding(d, 'usage-location').params.usageLocation, 'FR');
    assert.deepEqual(finding(d, 'entra-device').params, {
      name: 'MTR-4B-HQ',
      enabled: true,
      trustType: 'AzureAd',
    });

    assert.deepEqual(ids(d), [
      'record-licence',
      'reset-console-app',
      'remove-licence',
      'wait-for-purge',
      'reassign-licence',
      'restart-console',
      'verify-sign-in',
      ...ADVANCED,
    ]);
    assert.equal(
      step(d, 'remove-licence').powershell,
      `Set-MgUserLicense -UserId 'room-4b@contoso.com' -AddLicenses @() -RemoveLicenses @('${SKU.pro}')`,
    );
    assert.equal(
      step(d, 'reassign-licence').powershell,
      `Set-MgUserLicense -UserId 'room-4b@contoso.com' -AddLicenses @{SkuId='${SKU.pro}'; DisabledPlans=@()} -RemoveLicenses @()`,
    );
    assert.deepEqual(step(d, 'wait-for-purge').params, { minMinutes: 480, maxMinutes: 1440 });
    assert.equal(
      step(d, 'restart-console').powershell,
      `Restart-MgBetaTeamworkDevice -TeamworkDeviceId '${teamsDeviceId('4b')}'`,
    );
    assert.match(
      step(d, 'check-entra-device').powershell ?? '',
      /^Get-MgDevice -Filter "displayName eq 'MTR-4B-HQ'"/,
    );
    assert.deepEqual(step(d, 'update-app').params, { version: '5.2.115.0', goodVersion: '5.2.136.*' });
    assert.ok(d.verdict.plan.filter((s) => ADVANCED.includes(s.id)).every((s) => s.stage === 'fallback'));
    assert.equal(step(d, 'remove-licence').stage, 'fix');

    // The bug is defined by the bad build, the failed sign-in and a sound room licence: all three back the verdict.
    assert.deepEqual(
      d.verdict.findings.map((f) => f.code),
      ['room-licence', 'app-version-bad', 'sign-in-failing', 'device-health'],
    );
    assert.deepEqual(d.roomLicence, {
      skuId: SKU.pro,
      skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
      category: 'room-pro',
      disabledPlans: [],
      assignment: 'direct',
      groupIds: [],
      provisioning: 'ready',
    });
    assert.deepEqual(d.verdict.missingEvidence, []);
  });

  it('Room 4A: healthy on 5.2.136.1, nothing to do', () => {
    const d = diagnoseRoom(demoRoom('room4A'));
    assert.equal(d.verdict.code, 'healthy');
    assert.deepEqual(d.verdict.plan, []);
    assert.equal(finding(d, 'app-version-good').params.pattern, '5.2.136.*');
    assert.equal(finding(d, 'sign-in-ok').severity, 'ok');
    assert.ok(
      d.findings.every((f) => f.severity === 'ok'),
      codes(d).join(', '),
    );
    assert.ok(d.verdict.findings.length > 0 && d.verdict.findings.every((f) => f.severity === 'ok'));
  });

  it('Room 2C: an Office 365 E3 licence on the room account is the cause; remove it, keep Basic', () => {
    const d = diagnoseRoom(demoRoom('room2C'));
    assert.equal(d.verdict.code, 'user-licence-on-room');
    const user = finding(d, 'user-licence-on-room');
    assert.equal(user.severity, 'blocker');
    assert.equal(user.params.skuId, SKU.o365E3);
    assert.equal(user.params.blockedSince, '2023-07-01');
    assert.equal(finding(d, 'room-licence').params.category, 'room-basic');
    assert.deepEqual(ids(d), ['remove-user-licence', 'restart-console', 'verify-sign-in', 'rediagnose']);
    assert.equal(
      step(d, 'remove-user-licence').powershell,
      `Set-MgUserLicense -UserId 'room-2c@contoso.com' -AddLicenses @() -RemoveLicenses @('${SKU.o365E3}')`,
    );
    assert.ok(!d.verdict.plan.some((s) => s.powershell?.includes(SKU.basic)), 'the Basic licence stays');
    // Basic is full, but no licence is removed here: not a warning, and no alternative to offer.
    assert.equal(finding(d, 'no-free-seat').severity, 'info');
    assert.ok(!codes(d).includes('alternative-seats'));
  });

  it('Room 3D: legacy Teams Rooms Standard is retired; advise swapping to Pro in one call', () => {
    const d = diagnoseRoom(demoRoom('room3D'));
    assert.equal(d.verdict.code, 'deprecated-sku');
    assert.equal(finding(d, 'room-licence').params.category, 'room-legacy-standard');
    assert.equal(finding(d, 'deprecated-sku').severity, 'warning');
    assert.equal(finding(d, 'app-version-good').params.version, '5.1.111.0');
    assert.deepEqual(finding(d, 'alternative-seats').params, { skuId: SKU.pro, free: 3 });
    assert.deepEqual(ids(d), [
      'check-free-seats',
      'replace-legacy-licence',
      'restart-console',
      'verify-sign-in',
    ]);
    // Only the room SKUs the tenant subscribes to are worth checking.
    assert.deepEqual(step(d, 'check-free-seats').params.skuIds, [SKU.basic, SKU.pro]);
    const swap = step(d, 'replace-legacy-licence');
    assert.deepEqual(swap.params, {
      upn: 'room-3d@contoso.com',
      fromSkuId: SKU.standard,
      skuId: SKU.pro,
      free: 3,
    });
    assert.equal(
      swap.powershell,
      `Set-MgUserLicense -UserId 'room-3d@contoso.com' -AddLicenses @{SkuId='${SKU.pro}'; DisabledPlans=@()} -RemoveLicenses @('${SKU.standard}')`,
    );
  });

  it('Room 5E: the bug with a group-based licence: go through the group "MTR Licences", not the user', () => {
    const d = diagnoseRoom(demoRoom('room5E'));
    assert.equal(d.verdict.code, 'licence-bug');
    assert.equal(finding(d, 'room-licence').params.assignment, 'group');
    const group = finding(d, 'licence-assigned-by-group');
    assert.equal(group.severity, 'warning');
    assert.deepEqual(group.params, { skuId: SKU.pro, groupId: MTR_GROUP_ID, groupName: 'MTR Licences' });
    assert.ok(!ids(d).includes('remove-licence') && !ids(d).includes('reassign-licence'));
    const out = step(d, 'remove-from-licence-group');
    assert.equal(out.params.groupName, 'MTR Licences');
    assert.equal(
      out.powershell,
      `Remove-MgGroupMemberByRef -GroupId '${MTR_GROUP_ID}' -DirectoryObjectId '${userId('5e')}'`,
    );
    assert.equal(
      step(d, 'add-to-licence-group').powershell,
      `New-MgGroupMemberByRef -GroupId '${MTR_GROUP_ID}' -OdataId 'https://graph.microsoft.com/v1.0/directoryObjects/${userId('5e')}'`,
    );
    assert.ok(ids(d).indexOf('remove-from-licence-group') < ids(d).indexOf('wait-for-purge'));
    assert.ok(ids(d).indexOf('wait-for-purge') < ids(d).indexOf('add-to-licence-group'));
    assert.deepEqual(d.roomLicence?.groupIds, [MTR_GROUP_ID]);
  });

  it('Room 6F: the bug, but the usage location is missing: set it before touching the licence', () => {
    const d = diagnoseRoom(demoRoom('room6F'));
    assert.equal(d.verdict.code, 'licence-bug');
    assert.equal(finding(d, 'usage-location-missing').severity, 'warning');
    assert.equal(ids(d)[0], 'set-usage-location');
    assert.equal(
      step(d, 'set-usage-location').powershell,
      "Update-MgUser -UserId 'room-6f@contoso.com' -UsageLocation 'FR'",
    );
    assert.ok(ids(d).indexOf('set-usage-location') < ids(d).indexOf('remove-licence'));
  });

  it('Room 1A: the bug, but Basic has no free seat: protect the seat and offer Pro, which has 3', () => {
    const d = diagnoseRoom(demoRoom('room1A'));
    assert.equal(d.verdict.code, 'licence-bug');
    const seat = finding(d, 'no-free-seat');
    assert.equal(seat.severity, 'warning');
    assert.deepEqual(seat.params, { skuId: SKU.basic, free: 0, enabled: 25, consumed: 25, basicCap: 25 });
    assert.deepEqual(finding(d, 'alternative-seats').params, { skuId: SKU.pro, free: 3 });
    assert.deepEqual(step(d, 'hold-freed-seat').params, {
      skuId: SKU.basic,
      alternativeSkuId: SKU.pro,
      alternativeFree: 3,
    });
    assert.deepEqual(step(d, 'check-free-seats').params.skuIds, [SKU.basic, SKU.pro]);
    assert.equal(step(d, 'reassign-licence').params.skuId, SKU.basic);
    const alternative = step(d, 'reassign-alternative');
    assert.deepEqual(alternative.params, {
      upn: 'room-1a@contoso.com',
      fromSkuId: SKU.basic,
      skuId: SKU.pro,
      free: 3,
    });
    assert.ok(ids(d).indexOf('hold-freed-seat') < ids(d).indexOf('remove-licence'));
  });

  for (const room of ['boardroomNorth', 'boardroomSouth'] as const) {
    it(`${room}: healthy`, () => {
      const d = diagnoseRoom(demoRoom(room));
      assert.equal(d.verdict.code, 'healthy');
      assert.deepEqual(d.verdict.plan, []);
      assert.equal(
        finding(d, 'app-version-good').params.version,
        '5.2.136.' + (room === 'boardroomNorth' ? '4' : '1'),
      );
    });
  }

  it('Room 7G: account disabled: the cause is not the licence, so no licence step', () => {
    const d = diagnoseRoom(demoRoom('room7G'));
    assert.equal(d.verdict.code, 'account-disabled');
    assert.equal(finding(d, 'account-disabled').severity, 'blocker');
    assert.deepEqual(ids(d), [
      'find-why-disabled',
      'enable-account',
      'restart-console',
      'verify-sign-in',
      'rediagnose',
    ]);
    assert.equal(
      step(d, 'enable-account').powershell,
      "Update-MgUser -UserId 'room-7g@contoso.com' -AccountEnabled:$true",
    );
    assert.ok(!d.verdict.plan.some((s) => s.powershell?.includes('Set-MgUserLicense')));
  });

  it('Room 8H: account and licence fine, no Teams device: says so and goes on', () => {
    const d = diagnoseRoom(demoRoom('room8H'));
    assert.equal(d.verdict.code, 'no-device-data');
    assert.equal(finding(d, 'room-licence').params.provisioning, 'ready');
    assert.deepEqual(d.verdict.missingEvidence, [{ source: 'teams-device', reason: 'not-registered' }]);
    assert.deepEqual(finding(d, 'evidence-missing').params, {
      source: 'teams-device',
      reason: 'not-registered',
    });
    assert.ok(!codes(d).includes('sign-in-failing') && !codes(d).includes('sign-in-ok'));
    assert.deepEqual(ids(d), ['check-console-on-site', 'find-teams-device']);
    assert.equal(
      step(d, 'find-teams-device').powershell,
      `Get-MgBetaTeamworkDevice -Filter "currentUser/id eq '${userId('8h')}'"`,
    );
  });

  it('covers every demo room', () => {
    const verdicts = Object.fromEntries(
      DEMO_ROOMS.map((room) => [room, diagnoseRoom(demoRoom(room)).verdict.code]),
    );
    assert.deepEqual(verdicts, {
      room4B: 'licence-bug',
      room4A: 'healthy',
      room2C: 'user-licence-on-room',
      room3D: 'deprecated-sku',
      room5E: 'licence-bug',
      room6F: 'licence-bug',
      room1A: 'licence-bug',
      boardroomNorth: 'healthy',
      boardroomSouth: 'healthy',
      room7G: 'account-disabled',
      room8H: 'no-device-data',
    });
  });
});

describe('diagnoseRoom: evidence gaps', () => {
  it('still gives a verdict when the Teams devices API is unavailable, and lists what is missing', () => {
    const facts = demoRoom('room4B', {
      device: null,
      entra: null,
      gaps: [
        { source: 'teams-device', reason: 'unavailable', requestId: 'req-42' },
        { source: 'entra-device', reason: 'forbidden' },
      ],
    });
    const d = diagnoseRoom(facts);
    assert.equal(d.verdict.code, 'no-device-data');
    assert.deepEqual(d.verdict.missingEvidence, [
      { source: 'teams-device', reason: 'unavailable', requestId: 'req-42' },
      { source: 'entra-device', reason: 'forbidden' },
    ]);
    assert.equal(finding(d, 'room-licence').params.provisioning, 'ready');
    assert.deepEqual(ids(d), ['check-console-on-site', 'find-teams-device', 'retry-later']);
    assert.equal(step(d, 'find-teams-device').params.reason, 'unavailable');
  });

  it('goes on without licence details and seat counts: the bug is still recognised', () => {
    const facts = demoRoom('room4B', {
      licenceDetailsUnavailable: true,
      subscribedSkus: null,
      gaps: [
        { source: 'licence-details', reason: 'throttled' },
        { source: 'subscribed-skus', reason: 'unavailable' },
      ],
    });
    const d = diagnoseRoom(facts);
    assert.equal(d.verdict.code, 'licence-bug');
    assert.equal(finding(d, 'room-licence').params.provisioning, 'unknown');
    assert.ok(!codes(d).includes('free-seats') && !codes(d).includes('no-free-seat'));
    // Seats unknown: check them before freeing one.
    assert.deepEqual(step(d, 'check-free-seats').params.skuIds, [SKU.pro]);
    assert.equal(d.verdict.missingEvidence.length, 2);
  });

  it('a device without sign-in state is not called healthy', () => {
    const d = diagnoseRoom(demoRoom('room4A', { device: { version: '5.2.136.1', signIn: null } }));
    assert.equal(d.verdict.code, 'no-device-data');
    assert.equal(finding(d, 'sign-in-unknown').severity, 'info');
    assert.ok(ids(d).includes('check-device-health'));
  });
});

describe('diagnoseRoom: rules', () => {
  it('compares enum values and GUIDs case-insensitively', () => {
    const facts = demoRoom('room4B', {
      licences: [{ skuId: SKU.pro.toUpperCase(), provisioning: 'SUCCESS' }],
      device: { version: '5.2.115.0', signIn: 'DISCONNECTED', healthStatus: 'Critical' },
    });
    const d = diagnoseRoom(facts);
    assert.equal(d.verdict.code, 'licence-bug');
    assert.equal(finding(d, 'room-licence').params.skuId, SKU.pro);
    assert.equal(finding(d, 'device-health').severity, 'warning');
  });

  it('identifies the SKU by skuId, never by part number', () => {
    const renamed = diagnoseRoom(
      demoRoom('room4A', { licences: [{ skuId: SKU.proNoAudio, partNumber: 'SOMETHING_ELSE' }] }),
    );
    assert.equal(finding(renamed, 'room-licence').params.category, 'room-pro');
    const impostor = diagnoseRoom(
      demoRoom('room4A', {
        licences: [
          { skuId: '11111111-2222-3333-4444-555555555555', partNumber: 'Microsoft_Teams_Rooms_Pro' },
        ],
      }),
    );
    assert.equal(impostor.verdict.code, 'no-room-licence');
  });

  it('recognises every Teams Rooms SKU, Pro first when several are held', () => {
    for (const [skuId, category] of [
      [SKU.basic, 'room-basic'],
      [SKU.basicNoAudio, 'room-basic'],
      [SKU.pro, 'room-pro'],
      [SKU.proNoAudio, 'room-pro'],
      [SKU.standard, 'room-legacy-standard'],
      [SKU.premium, 'room-legacy-premium'],
    ] as const) {
      const d = diagnoseRoom(demoRoom('room4A', { licences: [{ skuId }] }));
      assert.equal(finding(d, 'room-licence').params.category, category, skuId);
    }
    const both = diagnoseRoom(demoRoom('room4A', { licences: [{ skuId: SKU.basic }, { skuId: SKU.pro }] }));
    assert.equal(both.roomLicence?.skuId, SKU.pro);
    assert.deepEqual(finding(both, 'multiple-room-licences').params.skuIds, [SKU.pro, SKU.basic]);
  });

  it('flags every user licence (E1, E3, E5) on a room account', () => {
    for (const skuId of [SKU.o365E1, SKU.o365E3, SKU.o365E5, SKU.m365E3, SKU.m365E5]) {
      const d = diagnoseRoom(demoRoom('room4A', { licences: [{ skuId: SKU.pro }, { skuId }] }));
      assert.equal(d.verdict.code, 'user-licence-on-room', skuId);
    }
  });

  it('a user licence alone: assign a room licence first, then remove the user licence', () => {
    const d = diagnoseRoom(demoRoom('room2C', { licences: [{ skuId: SKU.m365E5 }] }));
    assert.equal(d.verdict.code, 'user-licence-on-room');
    assert.deepEqual(ids(d).slice(0, 2), ['assign-room-licence', 'remove-user-licence']);
    assert.deepEqual(step(d, 'assign-room-licence').params, {
      upn: 'room-2c@contoso.com',
      skuId: SKU.pro,
      free: 3,
    });
  });

  it('a user licence from a group is removed through the group', () => {
    const d = diagnoseRoom(
      demoRoom('room2C', { licences: [{ skuId: SKU.basic }, { skuId: SKU.o365E3, group: 'g-e3' }] }),
    );
    assert.equal(
      step(d, 'remove-user-licence').powershell,
      `Remove-MgGroupMemberByRef -GroupId 'g-e3' -DirectoryObjectId '${userId('2c')}'`,
    );
  });

  it('a shared-devices licence is not a room licence', () => {
    const d = diagnoseRoom(demoRoom('room4A', { licences: [{ skuId: SKU.sharedDevices }] }));
    assert.equal(d.verdict.code, 'no-room-licence');
    assert.equal(finding(d, 'licence-not-for-rooms').severity, 'warning');
    assert.deepEqual(ids(d), [
      'check-free-seats',
      'assign-room-licence',
      'restart-console',
      'verify-sign-in',
    ]);
    assert.equal(step(d, 'assign-room-licence').params.skuId, SKU.pro);
  });

  it('no room licence and no free seat anywhere: assign Pro after buying it', () => {
    const full = demoRoom('room4A').subscribedSkus?.map((s) => ({
      ...s,
      consumedUnits: s.prepaidUnits?.enabled ?? 0,
    }));
    const d = diagnoseRoom(demoRoom('room4A', { licences: [], subscribedSkus: full }));
    assert.equal(d.verdict.code, 'no-room-licence');
    assert.deepEqual(step(d, 'assign-room-licence').params, {
      upn: 'room-4a@contoso.com',
      skuId: SKU.pro,
      free: 0,
    });
  });

  it('a licence still provisioning is not ready, whatever the build', () => {
    const d = diagnoseRoom(
      demoRoom('room4B', { licences: [{ skuId: SKU.pro, provisioning: 'PendingProvisioning' }] }),
    );
    assert.equal(d.verdict.code, 'licence-not-provisioned');
    assert.match(finding(d, 'room-licence-not-provisioned').params.plans, /^TEAMS1 \(PendingProvisioning\)/);
    assert.deepEqual(ids(d), [
      'check-licence-details',
      'wait-for-provisioning',
      'restart-console',
      'verify-sign-in',
    ]);
  });

  it('disabled plans count as ready', () => {
    const d = diagnoseRoom(
      demoRoom('room4A', {
        licences: [{ skuId: SKU.pro, disabledPlans: ['4828c8ec-dc2e-4779-b502-87ac9ce28ab7'] }],
      }),
    );
    assert.equal(d.verdict.code, 'healthy');
    assert.deepEqual(d.roomLicence?.disabledPlans, ['4828c8ec-dc2e-4779-b502-87ac9ce28ab7']);
  });

  it('the reassignment restores the same disabled plans', () => {
    const plans = ['4828c8ec-dc2e-4779-b502-87ac9ce28ab7'];
    const d = diagnoseRoom(demoRoom('room4B', { licences: [{ skuId: SKU.pro, disabledPlans: plans }] }));
    assert.equal(
      step(d, 'reassign-licence').powershell,
      `Set-MgUserLicense -UserId 'room-4b@contoso.com' -AddLicenses @{SkuId='${SKU.pro}'; DisabledPlans=@('${plans[0]}')} -RemoveLicenses @()`,
    );
  });

  it('an assignment error blocks the licence, with a fix per error', () => {
    const d = diagnoseRoom(
      demoRoom('room4B', {
        licences: [{ skuId: SKU.pro, state: 'Error', error: 'CountViolation', group: MTR_GROUP_ID }],
      }),
    );
    assert.equal(d.verdict.code, 'licence-not-provisioned');
    assert.equal(finding(d, 'licence-assignment-error').params.error, 'CountViolation');
    assert.deepEqual(ids(d), [
      'check-licence-details',
      'check-free-seats',
      'fix-assignment-error',
      'reprocess-licence',
      'restart-console',
      'verify-sign-in',
    ]);
    assert.equal(
      step(d, 'reprocess-licence').powershell,
      "Invoke-MgLicenseUser -UserId 'room-4b@contoso.com'",
    );
  });

  it('no account: nothing else is judged', () => {
    const d = diagnoseRoom(demoRoom('room4B', { account: null }));
    assert.equal(d.verdict.code, 'account-not-found');
    assert.deepEqual(codes(d), ['account-not-found']);
    assert.deepEqual(ids(d), ['find-resource-account', 'check-room-mailbox']);
    assert.equal(
      step(d, 'find-resource-account').powershell,
      `Get-MgUser -Filter "mail eq 'room-4b@contoso.com'"`,
    );
  });

  it('precedence: disabled account over user licence over the bug', () => {
    const all = demoRoom('room2C', { account: { enabled: false } });
    assert.equal(diagnoseRoom(all).verdict.code, 'account-disabled');
    assert.equal(diagnoseRoom(demoRoom('room2C')).verdict.code, 'user-licence-on-room');
  });

  it('sign-in failing on a good build is not the bug: advanced steps, licence cycle as an option', () => {
    const d = diagnoseRoom(demoRoom('room4B', { device: { version: '5.2.136.1', signIn: 'disconnected' } }));
    assert.equal(d.verdict.code, 'sign-in-failing-unknown');
    assert.deepEqual(ids(d), [
      'check-console-screen',
      'try-licence-cycle',
      'check-entra-device',
      'clear-token-cache',
      'reinstall-app',
      'reimage-console',
      'escalate-to-microsoft',
    ]);
    assert.equal(
      step(d, 'escalate-to-microsoft').powershell,
      `Start-MgBetaTeamworkDeviceDiagnostic -TeamworkDeviceId '${teamsDeviceId('4b')}'`,
    );
  });

  it('a disabled Entra device object is pointed at first', () => {
    const d = diagnoseRoom(
      demoRoom('room4B', {
        device: { version: '9.9.9.9', signIn: 'disconnected' },
        entra: { name: 'MTR-4B-HQ', enabled: false },
      }),
    );
    assert.equal(finding(d, 'app-version-unknown').params.version, '9.9.9.9');
    assert.equal(finding(d, 'entra-device').severity, 'warning');
    assert.equal(
      step(d, 'enable-entra-device').powershell,
      "Update-MgDevice -DeviceId 'entra-4b' -AccountEnabled:$true",
    );
  });

  it('a working room with a problem waiting to happen gets warnings and a short plan', () => {
    const d = diagnoseRoom(
      demoRoom('room4A', {
        account: { usageLocation: '' },
        device: { version: '5.2.115.0', signIn: 'connected' },
      }),
    );
    assert.equal(d.verdict.code, 'healthy-with-warnings');
    assert.deepEqual(ids(d), ['set-usage-location', 'update-app']);
    assert.deepEqual(
      d.verdict.findings.map((f) => f.code),
      ['usage-location-missing', 'app-version-bad'],
    );
  });

  it('a full SKU or a group licence is no warning on a healthy room', () => {
    const d = diagnoseRoom(
      demoRoom('room1A', { licences: [{ skuId: SKU.basic, group: MTR_GROUP_ID }], device: {} }),
    );
    assert.equal(d.verdict.code, 'healthy');
    assert.equal(finding(d, 'no-free-seat').severity, 'info');
    assert.equal(finding(d, 'licence-assigned-by-group').severity, 'info');
  });

  it('adding a known bad build is one data change', () => {
    const facts = demoRoom('room4B', { device: { version: '5.3.20.0', signIn: 'disconnected' } });
    assert.equal(diagnoseRoom(facts).verdict.code, 'sign-in-failing-unknown');
    const knowledge: Knowledge = {
      ...defaultKnowledge,
      builds: [
        ...defaultKnowledge.builds,
        { version: '5.3.*', status: 'bad', symptom: 'licence-error-at-sign-in', note: { en: 'n', fr: 'n' } },
      ],
    };
    const d = diagnoseRoom(facts, knowledge);
    assert.equal(d.verdict.code, 'licence-bug');
    assert.equal(finding(d, 'app-version-bad').params.pattern, '5.3.*');
  });

  it('takes the wait from the options (the demo compresses it)', () => {
    const d = diagnoseRoom(demoRoom('room4B'), defaultKnowledge, {
      licenceWait: { minMinutes: 2, maxMinutes: 6 },
    });
    assert.deepEqual(step(d, 'wait-for-purge').params, { minMinutes: 2, maxMinutes: 6 });
  });

  it('quotes Graph values for PowerShell, so a name cannot inject a command', () => {
    const facts = demoRoom('room4B', { entra: { name: `MTR "$(Remove-Item C:\\)" o'hare` } });
    if (facts.account) facts.account.userPrincipalName = "o'brien@contoso.com";
    const d = diagnoseRoom(facts);
    assert.equal(
      step(d, 'remove-licence').powershell,
      `Set-MgUserLicense -UserId 'o''brien@contoso.com' -AddLicenses @() -RemoveLicenses @('${SKU.pro}')`,
    );
    assert.match(
      step(d, 'check-entra-device').powershell ?? '',
      /^Get-MgDevice -Filter "displayName eq 'MTR `"`\$\(Remove-Item C:\\\)`" o''hare'"/,
    );
  });

  it('is pure: same facts, same diagnosis, facts untouched', () => {
    const facts = demoRoom('room5E');
    const before = structuredClone(facts);
    assert.deepEqual(diagnoseRoom(facts), diagnoseRoom(facts));
    assert.deepEqual(facts, before);
  });
});
