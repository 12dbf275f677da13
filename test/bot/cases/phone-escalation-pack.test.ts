import { strict as assert } from 'node:assert';
import { escalationPack, PHONE_ERROR_MESSAGE, phoneEscalationPack } from '../../../bot/cases/escalation-pack';
import type { CaseEvent, RepairCase } from '../../../bot/cases/model';
import type { AuditEntry } from '../../../bot/store/store';
import { ALICE, at, BOB, play, T0 } from './fixtures';
import {
  ALICE_PHONE_ID,
  ALICE_UPN,
  ALICE_USER_ID,
  alicePhone,
  alicePhoneCase,
  answerEvent,
  FIRMWARE,
  MINUTE,
  PATHS,
  PHONE_IP,
  PHONE_MAC,
  phoneWithoutDevice,
  TARGET_FIRMWARE,
} from './phone-fixtures';

const GENERATED_AT = new Date('2025-03-10T09:00:00.000Z');

const REQUEST = {
  restart: '5e1f0000-0000-4000-8000-00000000b001',
  update: '5e1f0000-0000-4000-8000-00000000b002',
  auditOnly: '5e1f0000-0000-4000-8000-00000000b009',
} as const;

/** Events at T0 + n minutes. */
function timed(minutes: number, event: CaseEvent): { event: CaseEvent; now: Date } {
  return { event, now: at(minutes * MINUTE, T0) };
}

/**
 * Alice's phone: the site checks end on egress filtering; a restart fails (`restartDetail`), a firmware update goes
 * through, and the phone still fails: escalated at 08:12.
 */
function escalatedAfterUpdate(restartDetail = 'DeviceOffline'): RepairCase {
  let c = alicePhoneCase();
  PATHS.egress.forEach(([questionId, answerId], index) => {
    c = play(c, [timed(index + 1, answerEvent(c, questionId, answerId))]);
  });
  return play(c, [
    timed(5, { type: 'device-action', actor: BOB, action: 'restart' }),
    timed(6, { type: 'operation-started', requestId: REQUEST.restart }),
    timed(7, { type: 'operation-status', status: 'failed', detail: restartDetail }),
    timed(8, { type: 'device-action', actor: BOB, action: 'update-firmware' }),
    timed(9, { type: 'operation-started', requestId: REQUEST.update }),
    timed(11, { type: 'operation-status', status: 'succeeded' }),
    timed(12, { type: 'check-result', actor: BOB, works: false }),
  ]);
}

/** Escalated right after a failed restart: the firmware is still the old one. */
function escalatedAfterRestart(): RepairCase {
  return play(alicePhoneCase(), [
    timed(1, { type: 'device-action', actor: ALICE, action: 'restart' }),
    timed(2, { type: 'operation-conflict', requestId: REQUEST.restart, detail: 'DeviceOperationInProgress' }),
    timed(3, { type: 'escalate', actor: ALICE }),
  ]);
}

const AUDIT: AuditEntry[] = [
  {
    id: 'audit-1',
    at: '2025-03-10T08:06:00.000Z',
    caseId: 'case-phone-alice',
    caseNumber: 21,
    actor: 'bot',
    action: 'operation-started',
    result: 'ok',
    requestId: REQUEST.restart,
  },
  {
    id: 'audit-2',
    at: '2025-03-10T08:08:30.000Z',
    caseId: 'case-phone-alice',
    caseNumber: 21,
    actor: 'bot',
    action: 'graph:listOperations',
    result: 'ok',
    detail: 'no operation queued',
    requestId: REQUEST.auditOnly,
  },
];

function pack(c: RepairCase = escalatedAfterUpdate(), audit: AuditEntry[] = AUDIT): string {
  return escalationPack(c, { tenantId: 'contoso-tenant-guid', audit, generatedAt: GENERATED_AT }).text;
}

function section(text: string, title: string): string[] {
  const start = text.indexOf(`== ${title} ==`);
  assert.ok(start >= 0, `no section ${title}`);
  const end = text.indexOf('\n== ', start + 1);
  return text
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .slice(1)
    .filter((line) => line !== '');
}

function assertLines(text: string, lines: string[]): void {
  const all = text.split('\n');
  for (const line of lines) assert.ok(all.includes(line), `missing line "${line}"\n${text}`);
}

describe('phone escalation pack', () => {
  it('is the pack of every phone case and names its file after the case and the phone', () => {
    const c = escalatedAfterUpdate();
    const context = { audit: AUDIT, generatedAt: GENERATED_AT };
    assert.deepEqual(escalationPack(c, context), phoneEscalationPack(c, context));
    assert.equal(escalationPack(c, context).fileName, 'case-21-alice-martin-poly-ccx-500-escalation.txt');
  });

  it('quotes the message the phone shows, word for word', () => {
    assert.equal(PHONE_ERROR_MESSAGE, "No internet. Emergency calls aren't supported");
    const description = section(pack(), 'Description').join('\n');
    assert.ok(description.includes(`"${PHONE_ERROR_MESSAGE}"`), description);
    assert.match(description, /The Teams phone of Alice Martin/);
    assert.match(description, /verdict when the case opened: offline-old-firmware/);
  });

  it('names the user and the phone with its network facts', () => {
    assertLines(pack(), [
      'Tenant ID: contoso-tenant-guid',
      `User: Alice Martin (${ALICE_UPN})`,
      `User object ID: ${ALICE_USER_ID}`,
      `Teams device ID: ${ALICE_PHONE_ID}`,
      'Model: Poly CCX 500',
      'Serial number: 64167F1001A1',
      'Asset tag: CT-PH-1001',
      `Firmware: ${TARGET_FIRMWARE}`,
      `MAC address: ${PHONE_MAC}`,
      `IP address: ${PHONE_IP}`,
      'Gateway: 10.20.3.1',
      'DNS servers: 10.20.0.10, 10.20.0.11',
      'DHCP: on',
      'Host name: CCX500-0004F2A11001',
      'Case opened: 2025-03-10 08:00:00 UTC by Alice Martin',
      'Last update: 2025-03-10 08:12:00 UTC',
    ]);
    assert.ok(!pack().includes('Recommended firmware'), 'the update went through: nothing more to recommend');
  });

  it('names the firmware the phone runs and the one recommended before an update', () => {
    const text = pack(escalatedAfterRestart(), []);
    assertLines(text, [`Firmware: ${FIRMWARE}`, `Recommended firmware: ${TARGET_FIRMWARE}`]);
  });

  it('lists every site answer with its time and who gave it, then the probable cause', () => {
    assert.deepEqual(section(pack(), 'Site checks'), [
      '2025-03-10 08:01:00 UTC | Alice Martin | reboots: no',
      '2025-03-10 08:02:00 UTC | Alice Martin | ip-address: valid',
      '2025-03-10 08:03:00 UTC | Alice Martin | ping-gateway: yes',
      '2025-03-10 08:04:00 UTC | Alice Martin | ping-outside: address-only',
      'Probable cause: egress-filtering',
    ]);
  });

  it('lists the commands sent to the phone with their outcome and Graph request ids', () => {
    assert.deepEqual(section(pack(), 'Actions tried'), [
      '2025-03-10 08:05:00 UTC | restart | ok',
      `2025-03-10 08:06:00 UTC | operation-started | ok | restart | Graph request id ${REQUEST.restart}`,
      '2025-03-10 08:07:00 UTC | restart-failed | failed | DeviceOffline',
      '2025-03-10 08:08:00 UTC | update-firmware | ok | 7.1.3.0991 -> 8.1.4.1250',
      `2025-03-10 08:09:00 UTC | operation-started | ok | update-firmware | Graph request id ${REQUEST.update}`,
      '2025-03-10 08:11:00 UTC | update-firmware-succeeded | ok',
    ]);
    assert.deepEqual(section(pack(escalatedAfterRestart(), []), 'Actions tried'), [
      '2025-03-10 08:01:00 UTC | restart | ok',
      `2025-03-10 08:02:00 UTC | restart-conflict | failed | DeviceOperationInProgress | Graph request id ${REQUEST.restart}`,
    ]);
  });

  it('does not count starting the site checks over as a command sent to the phone', () => {
    const c = play(alicePhoneCase(), [
      timed(1, answerEvent(alicePhoneCase(), 'reboots', 'yes')),
      timed(2, { type: 'restart-checks', actor: ALICE }),
      timed(3, { type: 'escalate', actor: ALICE }),
    ]);
    assert.deepEqual(section(pack(c, []), 'Actions tried'), ['No command was sent to the phone.']);
    const timeline = section(pack(c, []), 'Timeline');
    assert.ok(
      timeline.includes('2025-03-10 08:02:00 UTC | Alice Martin | restart-checks | ok'),
      timeline.join('\n'),
    );
  });

  it('merges history and audit in one timeline, without repeating a step', () => {
    const timeline = section(pack(), 'Timeline');
    assert.equal(
      timeline[0],
      '2025-03-10 08:00:00 UTC | Alice Martin | opened | ok | phone-no-internet offline-old-firmware',
    );
    assert.equal(timeline.filter((line) => line.includes(REQUEST.restart)).length, 1, 'same step once');
    assert.ok(
      timeline.includes(
        `2025-03-10 08:08:30 UTC | bot | graph:listOperations | ok | no operation queued | Graph request id ${REQUEST.auditOnly} | (audit)`,
      ),
    );
    assert.equal(timeline.at(-1), '2025-03-10 08:12:00 UTC | Bob Durand | check-failed | ok | from checking');
    const times = timeline.map((line) => line.slice(0, 23));
    assert.deepEqual(times, [...times].sort());
  });

  it('says which logs to attach', () => {
    const logs = section(pack(), 'Logs to attach');
    assert.equal(logs.length, 4);
    assert.match(logs[0] ?? '', /^1\. Device logs: Teams admin center .* Download device logs/);
    assert.ok(logs.some((line) => /packet capture on the switch port/.test(line)));
    assert.ok(logs.some((line) => /DHCP server log for the phone MAC address/.test(line)));
  });

  it('never prints undefined, null or NaN, even for a person without a phone', () => {
    const c = play(alicePhoneCase({ phone: phoneWithoutDevice() }), [{ type: 'cancel', actor: ALICE }]);
    const text = escalationPack(c, { audit: [], generatedAt: GENERATED_AT }).text;
    assert.doesNotMatch(text, /\b(undefined|null|NaN|Invalid Date)\b/);
    assertLines(text, [
      'Tenant ID: not recorded',
      'Teams device ID: not recorded',
      'Model: not recorded',
      'Firmware: not recorded',
      'IP address: not recorded',
      'DHCP: not recorded',
      'None answered.',
      'Probable cause: not reached',
      'No command was sent to the phone.',
    ]);
    assert.doesNotMatch(pack(), /\b(undefined|null|NaN|Invalid Date)\b/);
  });

  it('masks anything that looks like a credential, from Graph errors, the audit or the facts', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXRlc3Q';
    const detail = `Authorization: Bearer ${token} https://x.example/op?sig=abcDEF123&x=1 client_secret=s3cr3t password: hunter2`;
    const base = escalatedAfterUpdate(detail);
    // Facts come from Graph too: a host name or a site could carry anything.
    const c: RepairCase = {
      ...base,
      phone: alicePhone({
        ...base.phone,
        site: { ...alicePhone().site, hostName: 'ccx token=t0k3nVALUE', location: 'HQ apikey=k3yVALUE' },
      }),
    };
    const text = pack(c, [
      ...AUDIT,
      {
        id: 'audit-3',
        at: '2025-03-10T08:07:30.000Z',
        actor: 'bot',
        action: 'graph:restart',
        result: 'failed',
        detail: `${token} access_token=at0k3n`,
      },
    ]);
    for (const secret of [
      token,
      'abcDEF123',
      's3cr3t',
      'hunter2',
      't0k3nVALUE',
      'k3yVALUE',
      'at0k3n',
      '19:helpdesk@thread',
      'a:1alice',
    ]) {
      assert.ok(!text.includes(secret), `leaked ${secret}`);
    }
    assert.ok(text.includes('Bearer [redacted]'));
    assert.ok(text.includes('client_secret=[redacted]'));
    assert.ok(text.includes('password=[redacted]'));
    assert.ok(text.includes('Host name: ccx token=[redacted]'));
    // The failed restart is still reported, only the credentials are gone.
    assert.ok(
      section(text, 'Actions tried').some((line) => line.includes('restart-failed | failed | Authorization')),
    );
  });

  it('keeps each recorded value on its own line, free of control characters', () => {
    const base = escalatedAfterRestart();
    const c: RepairCase = {
      ...base,
      roomName: 'Alice\nMartin\u0007 \u202Eevil',
      phone: alicePhone({ ...base.phone, userName: 'Alice\r\nMartin\u202E', model: 'CCX\t500\u0000' }),
    };
    const text = pack(c, []);
    assertLines(text, [
      'Helpdesk case 21, Alice Martin evil',
      'Model: CCX 500',
      `User: Alice Martin (${ALICE_UPN})`,
    ]);
    assert.ok(text.split('\n').every((line) => !/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(line)));
    assert.ok(text.endsWith('\n'));
  });
});
