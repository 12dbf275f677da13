import { strict as assert } from 'node:assert';
import {
  escalationFileName,
  escalationPack,
  LICENCE_ERROR_MESSAGE,
} from '../../../bot/cases/escalation-pack';
import type { RepairCase } from '../../../bot/cases/model';
import type { AuditEntry } from '../../../bot/store/store';

const PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const PLANS = ['0feaeb32-d00e-4d66-bd5a-43b5b83db82c', '9c0dab89-a30c-4117-86e7-97bda240acd2'];
const GENERATED_AT = new Date('2026-11-23T08:00:00.000Z');

const HISTORY_REQUESTS = [
  '1a2b3c4d-0000-4000-8000-000000000001',
  '1a2b3c4d-0000-4000-8000-000000000002',
  '1a2b3c4d-0000-4000-8000-000000000003',
];
const AUDIT_ONLY_REQUEST = '9f9f9f9f-0000-4000-8000-000000000009';

/** Room 4B after the whole cycle, the console still refusing to sign in: escalated. */
function escalatedCase(overrides: Partial<RepairCase> = {}): RepairCase {
  return {
    id: 'case-0012',
    number: 12,
    kind: 'licence-cycle',
    roomId: 'room-4b-id',
    roomName: 'Room 4B',
    account: 'room-4b@contoso.com',
    accountId: '11111111-2222-4333-8444-555555555555',
    teamsDeviceId: 'dev-4b',
    state: 'escalated',
    version: 14,
    createdAt: '2026-11-22T09:50:00.000Z',
    updatedAt: '2026-11-22T20:00:00.000Z',
    createdBy: { id: 'aad-anna', name: 'Anna Helpdesk' },
    locale: 'fr',
    conversationId: '19:helpdesk@thread.tacv2;messageid=42',
    cardActivityId: 'activity-42',
    reporters: [{ userId: 'aad-leo', name: 'Léo Dupont', locale: 'fr', conversationId: 'a:leo-chat' }],
    snapshot: {
      skuId: PRO,
      skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
      disabledPlans: PLANS,
      assignment: 'direct',
    },
    target: { skuId: PRO, disabledPlans: PLANS },
    removedAt: '2026-11-22T10:05:00.000Z',
    windowOpensAt: '2026-11-22T18:05:00.000Z',
    windowClosesAt: '2026-11-23T10:05:00.000Z',
    reassignedAt: '2026-11-22T19:08:00.000Z',
    verifyDeadline: '2026-11-22T19:38:00.000Z',
    outcome: 'escalated',
    history: [
      { at: '2026-11-22T09:50:00.000Z', actor: 'Anna Helpdesk', action: 'opened', result: 'ok' },
      { at: '2026-11-22T10:04:00.000Z', actor: 'Anna Helpdesk', action: 'confirm', result: 'ok' },
      {
        at: '2026-11-22T10:05:00.000Z',
        actor: 'bot',
        action: 'removed',
        result: 'ok',
        requestId: HISTORY_REQUESTS[0],
      },
      { at: '2026-11-22T18:05:00.000Z', actor: 'bot', action: 'window-opened', result: 'info' },
      {
        at: '2026-11-22T19:08:00.000Z',
        actor: 'bot',
        action: 'reassigned',
        result: 'ok',
        requestId: HISTORY_REQUESTS[1],
      },
      {
        at: '2026-11-22T19:08:04.000Z',
        actor: 'bot',
        action: 'restart-started',
        result: 'ok',
        requestId: HISTORY_REQUESTS[2],
      },
      { at: '2026-11-22T19:38:00.000Z', actor: 'bot', action: 'verify-timeout', result: 'failed' },
      {
        at: '2026-11-22T20:00:00.000Z',
        actor: 'Marc Helpdesk',
        action: 'escalate',
        result: 'ok',
        detail: 'from verifying',
      },
    ],
    ...overrides,
  };
}

const AUDIT: AuditEntry[] = [
  {
    id: 'audit-2',
    at: '2026-11-22T19:08:00.000Z',
    caseId: 'case-0012',
    caseNumber: 12,
    actor: 'bot',
    action: 'reassigned',
    result: 'ok',
    requestId: HISTORY_REQUESTS[1],
  },
  {
    id: 'audit-1',
    at: '2026-11-22T10:05:01.000Z',
    caseId: 'case-0012',
    caseNumber: 12,
    actor: 'bot',
    action: 'graph:assignLicense',
    result: 'ok',
    detail: 'removeLicenses 4cde982a',
    requestId: AUDIT_ONLY_REQUEST,
  },
];

const DEVICE = {
  model: 'Tap IP',
  manufacturer: 'Logitech',
  serialNumber: '2219LZ0ABC',
  appVersion: '5.2.115.0',
  hostName: 'MTR-4B',
};

function pack(
  c: RepairCase = escalatedCase(),
  audit: AuditEntry[] = AUDIT,
): { fileName: string; text: string } {
  return escalationPack(c, {
    tenantId: 'contoso-tenant-guid',
    device: DEVICE,
    audit,
    generatedAt: GENERATED_AT,
  });
}

describe('escalation pack', () => {
  it('names the file after the case and the room, with safe characters only', () => {
    assert.equal(pack().fileName, 'case-12-room-4b-escalation.txt');
    assert.equal(
      escalationFileName(escalatedCase({ roomName: 'Salle Étoile / ../../etc "x" ${y}' })),
      'case-12-salle-etoile-etc-x-y-escalation.txt',
    );
    assert.equal(escalationFileName(escalatedCase({ roomName: '🚀🚀' })), 'case-12-escalation.txt');
    const long = escalationFileName(escalatedCase({ roomName: 'A very long room name '.repeat(10) }));
    assert.match(long, /^case-12-[a-z0-9-]{1,40}-escalation\.txt$/);
    assert.doesNotMatch(long, /--/);
  });

  it('describes the tenant, room, account, device and licence', () => {
    const { text } = pack();
    for (const line of [
      'Tenant ID: contoso-tenant-guid',
      'Room: Room 4B',
      'Resource account (UPN): room-4b@contoso.com',
      'Resource account object ID: 11111111-2222-4333-8444-555555555555',
      'Teams device ID: dev-4b',
      'Device manufacturer: Logitech',
      'Device model: Tap IP',
      'Serial number: 2219LZ0ABC',
      'Teams Rooms app version: 5.2.115.0',
      'Host name: MTR-4B',
      'SKU: Teams Rooms Pro (Microsoft_Teams_Rooms_Pro)',
      `SKU ID: ${PRO}`,
      `Disabled service plans (2): ${PLANS.join(', ')}`,
      'Assigned: directly to the account',
      'Case state: escalated to Microsoft Support',
    ]) {
      assert.ok(text.split('\n').includes(line), `missing line "${line}"\n${text}`);
    }
  });

  it('quotes the exact error the console shows', () => {
    assert.equal(
      LICENCE_ERROR_MESSAGE,
      "The account used to sign in doesn't have the correct license to use this device",
    );
    assert.ok(pack().text.includes(`"${LICENCE_ERROR_MESSAGE}"`));
  });

  it('lists every Graph request id from the history and the audit', () => {
    const { text } = pack();
    for (const id of [...HISTORY_REQUESTS, AUDIT_ONLY_REQUEST]) {
      assert.ok(text.includes(id), `missing request id ${id}`);
    }
    const section = text.slice(text.indexOf('== Graph request IDs =='), text.indexOf('== Advanced steps'));
    assert.equal(section.split('\n').filter((line) => line.startsWith('- ')).length, 4);
  });

  it('merges history and audit into one timeline in time order, without repeating the same step', () => {
    const { text } = pack();
    const timeline = text
      .slice(text.indexOf('== Timeline =='), text.indexOf('== Graph request IDs =='))
      .split('\n')
      .filter((line) => line.includes(' UTC | '));
    assert.equal(timeline.length, 9);
    assert.equal(timeline[0], '2026-11-22 09:50:00 UTC | Anna Helpdesk | opened | ok');
    assert.equal(
      timeline[2],
      `2026-11-22 10:05:00 UTC | bot | removed | ok | Graph request id ${HISTORY_REQUESTS[0]}`,
    );
    assert.equal(
      timeline[3],
      `2026-11-22 10:05:01 UTC | bot | graph:assignLicense | ok | removeLicenses 4cde982a | Graph request id ${AUDIT_ONLY_REQUEST} | (audit)`,
    );
    assert.equal(timeline.filter((line) => line.includes(HISTORY_REQUESTS[1] ?? '?')).length, 1);
  });

  it('says what was tried, with the wait actually waited', () => {
    const { text } = pack();
    const tried = text.slice(text.indexOf('== What was tried =='), text.indexOf('== Timeline =='));
    assert.match(
      tried,
      /app reset and sign-out .* removal confirmed by Anna Helpdesk at 2026-11-22 10:04:00 UTC/,
    );
    assert.match(
      tried,
      new RegExp(`Licence removed at 2026-11-22 10:05:00 UTC, Graph request id ${HISTORY_REQUESTS[0]}`),
    );
    assert.match(tried, /the licence stayed removed for 9 h 3 min \(planned minimum 8 h\)/);
    assert.match(tried, /Licence reassigned at 2026-11-22 19:08:00 UTC/);
    assert.match(tried, /Remote console restart requested at 2026-11-22 19:08:04 UTC/);
    assert.match(tried, /the console did not sign in before 2026-11-22 19:38:00 UTC/);
  });

  it('lists the advanced steps still to try', () => {
    const { text } = pack();
    const steps = text.slice(text.indexOf('== Advanced steps not tried yet =='));
    assert.match(steps, /^1\. Download the device logs/m);
    assert.match(steps, /^5\. Re-image the console/m);
  });

  it('never prints undefined, null or NaN, even when almost nothing is known', () => {
    const bare = escalatedCase({
      state: 'waiting',
      outcome: undefined,
      teamsDeviceId: undefined,
      reassignedAt: undefined,
      verifyDeadline: undefined,
      createdBy: { id: 'aad-anna' },
      history: [{ at: 'not a date', actor: '', action: 'removed', result: 'ok' }],
    });
    const { text } = escalationPack(bare, { audit: [], generatedAt: GENERATED_AT });
    assert.doesNotMatch(text, /\b(undefined|null|NaN|Invalid Date)\b/);
    assert.ok(text.includes('Tenant ID: not recorded'));
    assert.ok(text.includes('Device model: not recorded'));
    assert.ok(text.includes('Outcome: none yet'));
    assert.match(text, /the licence has been removed for 21 h 55 min so far/);
    assert.doesNotMatch(pack().text, /\b(undefined|null|NaN|Invalid Date)\b/);
  });

  it('describes a user-licence removal', () => {
    const c = escalatedCase({
      kind: 'remove-user-licence',
      snapshot: undefined,
      target: undefined,
      removeSkuIds: [E3],
      windowOpensAt: undefined,
      windowClosesAt: undefined,
      reassignedAt: undefined,
    });
    const { text } = pack(c, []);
    assert.ok(
      text.includes(
        `User licence removed from the room account: Office 365 E3 (ENTERPRISEPACK), SKU ID ${E3}`,
      ),
      text,
    );
    assert.match(text, /held a user licence, which Teams Rooms consoles refuse/);
    assert.doesNotMatch(text, /Wait:/);
    assert.doesNotMatch(text, /\b(undefined|null)\b/);
  });

  it('leaves out conversation ids and never prints anything that looks like a credential', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXRlc3Q';
    const c = escalatedCase();
    c.history.push({
      at: '2026-11-22T20:01:00.000Z',
      actor: 'bot',
      action: 'restart-failed',
      result: 'failed',
      detail: `Authorization: Bearer ${token} https://x.example/op?sig=abcDEF123&x=1 client_secret=s3cr3t password: hunter2`,
    });
    const { text } = pack(c, [
      {
        id: 'a',
        at: '2026-11-22T20:02:00.000Z',
        actor: 'bot',
        action: 'token',
        result: 'failed',
        detail: token,
      },
    ]);
    for (const secret of [
      token,
      'abcDEF123',
      's3cr3t',
      'hunter2',
      '19:helpdesk@thread',
      'activity-42',
      'a:leo-chat',
    ]) {
      assert.ok(!text.includes(secret), `leaked ${secret}`);
    }
    assert.ok(text.includes('Bearer [redacted]'));
    assert.ok(text.includes('client_secret=[redacted]'));
  });

  it('keeps each recorded value on its own line, free of control characters', () => {
    const c = escalatedCase({ roomName: 'Room\n4B\u0007 \u202Eevil' });
    const { text } = pack(c);
    assert.ok(text.includes('Room: Room 4B evil'));
    assert.ok(text.split('\n').every((line) => !/[\p{Cc}\u202a-\u202e]/u.test(line)));
    assert.ok(text.endsWith('\n'));
  });
});
