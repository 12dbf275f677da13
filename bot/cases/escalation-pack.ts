import { defaultKnowledge, findLicence, type Knowledge } from '../knowledge';
import type { AuditEntry } from '../store/store';
import { formatDuration } from './case-texts';
import type { CaseOutcome, CaseState, HistoryEntry, RepairCase } from './model';

/** What the bot knows around a case that the case itself does not hold. */
export interface EscalationContext {
  tenantId?: string;
  device?: {
    model?: string;
    manufacturer?: string;
    serialNumber?: string;
    appVersion?: string;
    hostName?: string;
  };
  /** The audit entries of the case (any order). */
  audit: AuditEntry[];
  generatedAt: Date;
  /** The licence matrix product names come from; the shipped knowledge by default. */
  knowledge?: Knowledge;
}

/** A text file to attach to a Microsoft Support request. */
export interface EscalationPack {
  fileName: string;
  text: string;
}

/** The message the console shows, word for word, as support searches for it. */
export const LICENCE_ERROR_MESSAGE =
  "The account used to sign in doesn't have the correct license to use this device";

const NOT_RECORDED = 'not recorded';

const STATE_WORDS: Record<CaseState, string> = {
  diagnosed: 'diagnosed, no change made',
  'awaiting-confirmation': 'waiting for the helpdesk to confirm the removal',
  removing: 'removing the licence',
  waiting: 'licence removed, waiting before reassignment',
  'window-open': 'licence removed, ready to reassign',
  reassigning: 'reassigning the licence',
  verifying: 'licence reassigned, checking the console sign-in',
  troubleshooting: 'walking the site checks',
  'device-operation': 'a device command is running',
  checking: 'checking the phone after the fix',
  resolved: 'resolved',
  escalated: 'escalated to Microsoft Support',
  cancelled: 'cancelled',
};

const OUTCOME_WORDS: Record<CaseOutcome, string> = {
  resolved: 'the console signs in again',
  'not-verified': 'the console did not sign in after the repair',
  'restart-failed': 'the remote restart failed',
  'remove-failed': 'the licence could not be removed',
  'reassign-failed': 'the licence could not be reassigned',
  'no-seat': 'no free seat to reassign the licence',
  cancelled: 'cancelled by the helpdesk',
  escalated: 'escalated to Microsoft Support',
};

// Anything that looks like a credential is masked, whatever field it arrived in: details are free text written
// from Graph errors and could one day carry a URL with a signature or a token.
const SECRET_PATTERNS: readonly { pattern: RegExp; replacement: string }[] = [
  { pattern: /\bBearer\s+[\w.~+/=-]+/gi, replacement: 'Bearer [redacted]' },
  { pattern: /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, replacement: '[redacted]' },
  {
    pattern:
      /\b(client_secret|client_assertion|secret|password|passwd|pwd|token|access_token|refresh_token|id_token|sig|signature|apikey|api_key)\s*[=:]\s*[^\s&;,]+/gi,
    replacement: '$1=[redacted]',
  },
];

// Control and bidi-override characters could hide text in the support engineer's viewer.
const UNSAFE_CHARACTERS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

function redact(text: string): string {
  return SECRET_PATTERNS.reduce(
    (value, { pattern, replacement }) => value.replace(pattern, replacement),
    text,
  );
}

/** One line of outside text: safe characters, no line breaks, no credentials. */
function line(value: string | number | null | undefined): string {
  if (value === undefined || value === null) return NOT_RECORDED;
  // Line breaks and tabs become spaces first, so that dropping control characters does not glue words.
  const text = redact(String(value).replace(/\s+/g, ' ').replace(UNSAFE_CHARACTERS, '').trim());
  return text === '' ? NOT_RECORDED : text;
}

function has(value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value.trim() !== '';
}

function instant(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = new Date(iso).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** "2026-11-22 10:05:00 UTC": unambiguous for support in any country. */
function utc(iso: string | Date | undefined): string {
  if (iso === undefined) return NOT_RECORDED;
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return line(typeof iso === 'string' ? iso : undefined);
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function slug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

/** `case-12-room-4b-escalation.txt`: letters, digits and dashes only, whatever the room is called. */
export function escalationFileName(c: RepairCase): string {
  const room = slug(c.roomName);
  return room === '' ? `case-${c.number}-escalation.txt` : `case-${c.number}-${room}-escalation.txt`;
}

interface TimelineEntry {
  at: string;
  actor: string;
  action: string;
  result: string;
  detail?: string;
  requestId?: string;
  source: 'case' | 'audit';
}

function timeline(history: readonly HistoryEntry[], audit: readonly AuditEntry[]): TimelineEntry[] {
  const entries: TimelineEntry[] = history.map((entry) => ({ ...entry, source: 'case' }));
  const seen = new Set(entries.map((entry) => `${entry.at}|${entry.action}|${entry.requestId ?? ''}`));
  for (const entry of audit) {
    const key = `${entry.at}|${entry.action}|${entry.requestId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      result: entry.result,
      detail: entry.detail,
      requestId: entry.requestId,
      source: 'audit',
    });
  }
  const order = (entry: TimelineEntry): number => instant(entry.at) ?? Number.MAX_SAFE_INTEGER;
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => order(a.entry) - order(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}

class PackWriter {
  private readonly lines: string[] = [];

  heading(title: string): void {
    if (this.lines.length > 0) this.lines.push('');
    this.lines.push(`== ${title} ==`);
  }

  field(label: string, value: string | number | null | undefined): void {
    this.lines.push(`${label}: ${line(value)}`);
  }

  text(value: string): void {
    this.lines.push(value);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function licenceLabel(knowledge: Knowledge, skuId: string, partNumber?: string | null): string {
  const sku = findLicence(knowledge, skuId);
  const name = sku?.productName.en;
  const part = has(partNumber) ? partNumber : sku?.skuPartNumber;
  if (name && part) return `${line(name)} (${line(part)})`;
  return line(name ?? part ?? skuId);
}

function lastOf(entries: readonly TimelineEntry[], actions: readonly string[]): TimelineEntry | undefined {
  return [...entries].reverse().find((entry) => actions.includes(entry.action));
}

function withRequest(entry: TimelineEntry | undefined): string {
  return entry && has(entry.requestId) ? `, Graph request id ${line(entry.requestId)}` : '';
}

function triedSteps(c: RepairCase, steps: readonly TimelineEntry[], generatedAt: Date): string[] {
  const out: string[] = [];
  const confirm = lastOf(steps, ['confirm', 'approve']);
  if (c.kind === 'licence-cycle') {
    out.push(
      confirm
        ? `- Teams Rooms app reset and sign-out on the console: on the helpdesk checklist before removal; removal confirmed by ${line(confirm.actor)} at ${utc(confirm.at)}.`
        : '- Teams Rooms app reset and sign-out on the console: on the helpdesk checklist; not confirmed yet.',
    );
  }

  const removal = lastOf(steps, ['removed']);
  const removeFailed = lastOf(steps, ['remove-failed']);
  if (c.removedAt) out.push(`- Licence removed at ${utc(c.removedAt)}${withRequest(removal)}.`);
  else if (removeFailed)
    out.push(
      `- Licence removal failed at ${utc(removeFailed.at)}: ${line(removeFailed.detail)}${withRequest(removeFailed)}.`,
    );
  else out.push('- Licence removal: not done.');

  if (c.kind === 'licence-cycle') {
    const removedMs = instant(c.removedAt);
    const reassignedMs = instant(c.reassignedAt);
    const opensMs = instant(c.windowOpensAt);
    const planned =
      removedMs !== undefined && opensMs !== undefined
        ? ` (planned minimum ${formatDuration(opensMs - removedMs, 'en')})`
        : '';
    if (removedMs !== undefined && reassignedMs !== undefined) {
      out.push(
        `- Wait: the licence stayed removed for ${formatDuration(reassignedMs - removedMs, 'en')}${planned}.`,
      );
    } else if (removedMs !== undefined) {
      out.push(
        `- Wait: the licence has been removed for ${formatDuration(generatedAt.getTime() - removedMs, 'en')} so far${planned}; not reassigned yet.`,
      );
    } else {
      out.push('- Wait: not started.');
    }

    const reassigned = lastOf(steps, ['reassigned', 'restored']);
    const reassignFailed = lastOf(steps, ['reassign-failed']);
    if (c.reassignedAt) out.push(`- Licence reassigned at ${utc(c.reassignedAt)}${withRequest(reassigned)}.`);
    else if (reassignFailed)
      out.push(
        `- Licence reassignment failed at ${utc(reassignFailed.at)}: ${line(reassignFailed.detail ?? c.outcomeDetail)}${withRequest(reassignFailed)}.`,
      );
    else out.push('- Licence reassignment: not done.');
  }

  const restarted = lastOf(steps, ['restart-started']);
  const restartFailed = lastOf(steps, ['restart-failed']);
  if (restartFailed && (!restarted || (instant(restartFailed.at) ?? 0) >= (instant(restarted.at) ?? 0))) {
    out.push(
      `- Remote console restart failed at ${utc(restartFailed.at)}: ${line(restartFailed.detail)}${withRequest(restartFailed)}. The helpdesk was asked to restart it by hand.`,
    );
  } else if (restarted) {
    out.push(`- Remote console restart requested at ${utc(restarted.at)}${withRequest(restarted)}.`);
  } else {
    out.push('- Console restart: not done.');
  }

  const verified = lastOf(steps, ['verify-result', 'verify-timeout']);
  if (c.outcome === 'resolved' || c.state === 'resolved') {
    out.push(`- Sign-in check: the console signed in again${verified ? ` (${utc(verified.at)})` : ''}.`);
  } else if (c.outcome === 'not-verified' || verified?.action === 'verify-timeout') {
    out.push(
      `- Sign-in check: the console did not sign in before ${utc(c.verifyDeadline ?? verified?.at)}${verified && has(verified.detail) ? ` (${line(verified.detail)})` : ''}.`,
    );
  } else if (verified) {
    out.push(`- Sign-in check at ${utc(verified.at)}: ${line(verified.detail ?? verified.result)}.`);
  } else {
    out.push('- Sign-in check: not done.');
  }
  return out;
}

const ADVANCED_STEPS: readonly string[] = [
  'Download the device logs from the Teams admin center (Teams devices, the console, Download device logs) and attach them to the request.',
  'Check that the Entra device object of the console is enabled and that there is only one for this console.',
  'Clear the Teams Rooms app cache and its stored sign-in tokens on the console, then sign in again.',
  'Update the Teams Rooms app to a build later than 5.2.115.0, or reinstall it.',
  'Re-image the console with the manufacturer recovery image, then sign in again.',
];

/**
 * A plain-text escalation pack for Microsoft Support, in English: tenant, room, account, device, licence, the exact
 * symptom, every step with UTC times and Graph request ids (case history and audit merged), what was tried and
 * what remains. Credentials never appear: the case holds none, and anything credential-like in free text is masked.
 */
export function escalationPack(c: RepairCase, context: EscalationContext): EscalationPack {
  if (c.kind === 'phone-no-internet') return phoneEscalationPack(c, context);
  const knowledge = context.knowledge ?? defaultKnowledge;
  const steps = timeline(c.history, context.audit);
  const out = new PackWriter();

  out.text('Escalation pack: Microsoft Teams Rooms licence error at sign-in');
  out.text(`Helpdesk case ${c.number}, room ${line(c.roomName)}`);
  out.text(`Generated ${utc(context.generatedAt)} by the helpdesk bot. All times are UTC.`);

  out.heading('Status');
  out.field('Case state', STATE_WORDS[c.state]);
  out.field('Outcome', c.outcome ? OUTCOME_WORDS[c.outcome] : 'none yet');
  if (has(c.outcomeDetail)) out.field('Outcome detail', c.outcomeDetail);
  out.field('Case opened', `${utc(c.createdAt)} by ${line(c.createdBy.name ?? c.createdBy.id)}`);
  out.field('Last update', utc(c.updatedAt));

  out.heading('Environment');
  out.field('Tenant ID', context.tenantId);
  out.field('Room', c.roomName);
  out.field('Resource account (UPN)', c.account);
  out.field('Resource account object ID', c.accountId);
  out.field('Teams device ID', c.teamsDeviceId);
  const device = context.device ?? {};
  out.field('Device manufacturer', device.manufacturer);
  out.field('Device model', device.model);
  out.field('Serial number', device.serialNumber);
  out.field('Teams Rooms app version', device.appVersion);
  out.field('Host name', device.hostName);

  out.heading('Licence');
  const snapshot = c.snapshot;
  if (snapshot) {
    out.field('SKU', licenceLabel(knowledge, snapshot.skuId, snapshot.skuPartNumber));
    out.field('SKU ID', snapshot.skuId);
    out.field(
      `Disabled service plans (${snapshot.disabledPlans.length})`,
      snapshot.disabledPlans.length === 0 ? 'none' : snapshot.disabledPlans.map(line).join(', '),
    );
    out.field('Assigned', snapshot.assignment === 'group' ? 'through a group' : 'directly to the account');
  }
  if (c.target && (!snapshot || c.target.skuId.toLowerCase() !== snapshot.skuId.toLowerCase())) {
    out.field('Reassigned as', `${licenceLabel(knowledge, c.target.skuId)}, SKU ID ${line(c.target.skuId)}`);
  }
  for (const skuId of c.removeSkuIds ?? []) {
    out.field(
      'User licence removed from the room account',
      `${licenceLabel(knowledge, skuId)}, SKU ID ${line(skuId)}`,
    );
  }
  if (!snapshot && (c.removeSkuIds ?? []).length === 0) out.field('SKU', undefined);

  out.heading('Symptom');
  out.text('The Teams Rooms console does not sign in to Teams and shows:');
  out.text(`  "${LICENCE_ERROR_MESSAGE}"`);
  out.text(
    c.kind === 'licence-cycle'
      ? 'The resource account holds a Teams Rooms licence. The helpdesk applied the known workaround for the licence bug of Teams Rooms 5.2.115.0: reset and sign out the app, remove the licence, wait, assign the same licence again, restart the console.'
      : 'The resource account held a user licence, which Teams Rooms consoles refuse. The helpdesk removed it and restarted the console.',
  );

  out.heading('What was tried');
  for (const step of triedSteps(c, steps, context.generatedAt)) out.text(step);

  out.heading('Timeline');
  if (steps.length === 0) out.text('No step recorded.');
  for (const step of steps) {
    const parts = [utc(step.at), line(step.actor), line(step.action), line(step.result)];
    if (has(step.detail)) parts.push(line(step.detail));
    if (has(step.requestId)) parts.push(`Graph request id ${line(step.requestId)}`);
    if (step.source === 'audit') parts.push('(audit)');
    out.text(parts.join(' | '));
  }

  out.heading('Graph request IDs');
  const requestIds = [
    ...new Set(steps.flatMap((step) => (has(step.requestId) ? [line(step.requestId)] : []))),
  ];
  if (requestIds.length === 0) out.text('None recorded.');
  for (const id of requestIds) {
    const step = steps.find((entry) => has(entry.requestId) && line(entry.requestId) === id);
    out.text(`- ${id}${step ? ` (${line(step.action)}, ${utc(step.at)})` : ''}`);
  }

  out.heading('Advanced steps not tried yet');
  ADVANCED_STEPS.forEach((step, index) => out.text(`${index + 1}. ${step}`));

  return { fileName: escalationFileName(c), text: out.toString() };
}

/** The message a Teams phone shows, word for word. */
export const PHONE_ERROR_MESSAGE = "No internet. Emergency calls aren't supported";

const PHONE_LOGS: readonly string[] = [
  'Device logs: Teams admin center > Teams devices > Phones > the phone > Download device logs (or, on the phone, Settings > Device settings > Debugging > Send logs).',
  'A packet capture on the switch port of the phone while it boots (DHCP, DNS, NTP and TLS to Microsoft 365).',
  'The DHCP server log for the phone MAC address, and the firewall or proxy log for its IP address.',
  'A screenshot of the phone network status screen (IP address, gateway, DNS, VLAN).',
];

/**
 * The escalation pack of a phone case, in English: short description, the phone and its network facts, the site
 * answers with their times, the probable cause, the commands sent with their outcome and Graph request ids, and the
 * logs to attach.
 */
export function phoneEscalationPack(c: RepairCase, context: EscalationContext): EscalationPack {
  const phone = c.phone;
  const steps = timeline(c.history, context.audit);
  const out = new PackWriter();
  out.text('Escalation pack: Teams phone shows "No internet"');
  out.text(`Helpdesk case ${c.number}, ${line(c.roomName)}`);
  out.text(`Generated ${utc(context.generatedAt)} by the helpdesk bot. All times are UTC.`);

  out.heading('Description');
  out.text(
    `The Teams phone of ${line(phone?.userName)} shows "${PHONE_ERROR_MESSAGE}" and cannot make or receive calls. Diagnosis verdict when the case opened: ${line(phone?.verdict)}.`,
  );

  out.heading('Status');
  out.field('Case state', STATE_WORDS[c.state]);
  out.field('Outcome', c.outcome ? OUTCOME_WORDS[c.outcome] : 'none yet');
  out.field('Case opened', `${utc(c.createdAt)} by ${line(c.createdBy.name ?? c.createdBy.id)}`);
  out.field('Last update', utc(c.updatedAt));

  out.heading('Phone');
  out.field('Tenant ID', context.tenantId);
  out.field('User', `${line(phone?.userName)} (${line(phone?.upn)})`);
  out.field('User object ID', phone?.userId);
  out.field('Teams device ID', phone?.deviceId);
  out.field('Model', phone?.model);
  out.field('Serial number', phone?.site.serialNumber);
  out.field('Asset tag', phone?.site.assetTag);
  out.field('Firmware', phone?.firmware);
  if (phone?.targetFirmware) out.field('Recommended firmware', phone.targetFirmware);
  out.field('MAC address', phone?.site.macAddress);
  out.field('IP address', phone?.site.ipAddress);
  out.field('Gateway', phone?.site.gateway);
  out.field('DNS servers', phone?.site.dns?.join(', '));
  out.field('DHCP', phone?.site.dhcp === undefined ? undefined : phone.site.dhcp ? 'on' : 'off');
  out.field('Host name', phone?.site.hostName);
  out.field('Site', phone?.site.location);

  out.heading('Site checks');
  if (!phone?.answers.length) out.text('None answered.');
  for (const a of phone?.answers ?? [])
    out.text(`${utc(a.at)} | ${line(a.by)} | ${line(a.questionId)}: ${line(a.answerId)}`);
  out.field('Probable cause', phone?.conclusion ?? 'not reached');

  out.heading('Actions tried');
  // The command asked for, Teams accepting it, and how it ended; not "restart-checks" (the site checks started over).
  const tried = steps.filter((step) =>
    /^(restart|update-firmware)(-(succeeded|failed|conflict))?$|^operation-started$/.test(step.action),
  );
  if (tried.length === 0) out.text('No command was sent to the phone.');
  for (const step of tried) {
    const parts = [utc(step.at), line(step.action), line(step.result)];
    if (has(step.detail)) parts.push(line(step.detail));
    if (has(step.requestId)) parts.push(`Graph request id ${line(step.requestId)}`);
    out.text(parts.join(' | '));
  }

  out.heading('Timeline');
  for (const step of steps) {
    const parts = [utc(step.at), line(step.actor), line(step.action), line(step.result)];
    if (has(step.detail)) parts.push(line(step.detail));
    if (has(step.requestId)) parts.push(`Graph request id ${line(step.requestId)}`);
    if (step.source === 'audit') parts.push('(audit)');
    out.text(parts.join(' | '));
  }

  out.heading('Logs to attach');
  PHONE_LOGS.forEach((item, index) => out.text(`${index + 1}. ${item}`));
  return { fileName: escalationFileName(c), text: out.toString() };
}
