import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIsoDuration, DurationError } from './duration';
import type { TenantFixture } from './fixture-types';

/** Thrown when a fixture is unreadable or inconsistent; the message lists every problem found. */
export class FixtureError extends Error {
  override name = 'FixtureError';
}

const DEMO_TENANT_FILE = path.join(__dirname, 'fixtures', 'demo-tenant.json');

let demoText: string | undefined;

/** The demo tenant (contoso.com) described in DESIGN.md; each call returns a fresh copy. */
export function loadDemoTenant(): TenantFixture {
  demoText ??= fs.readFileSync(DEMO_TENANT_FILE, 'utf8');
  return validateFixture(JSON.parse(demoText) as unknown, DEMO_TENANT_FILE);
}

/**
 * Reads and checks a tenant fixture from a JSON file.
 * @throws FixtureError when the file cannot be read, is not JSON, or is not a consistent tenant.
 */
export function loadFixtureFile(file: string): TenantFixture {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new FixtureError(
      `Cannot read the fixture ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new FixtureError(`The fixture ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return validateFixture(value, file);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks that a value is a consistent tenant fixture: required fields present, ids unique, and every reference
 * (group members, licences, device users, room lists) resolved.
 * @throws FixtureError listing every problem found.
 */
export function validateFixture(value: unknown, source = 'fixture'): TenantFixture {
  const problems: string[] = [];
  const fail = (msg: string): void => {
    if (problems.length < 50) problems.push(msg);
  };
  if (!isRecord(value)) throw new FixtureError(`${source}: the fixture must be a JSON object.`);
  const arrays = [
    'subscribedSkus',
    'groups',
    'users',
    'roomLists',
    'rooms',
    'devices',
    'teamworkDevices',
  ] as const;
  for (const key of arrays) {
    if (!Array.isArray(value[key])) fail(`"${key}" must be an array.`);
  }
  const tenant = value.tenant;
  if (!isRecord(tenant) || typeof tenant.id !== 'string' || typeof tenant.domain !== 'string') {
    fail('"tenant" must have string "id" and "domain".');
  }
  const behaviour = value.behaviour;
  if (!isRecord(behaviour)) fail('"behaviour" must be an object.');
  else {
    for (const key of [
      'licenceBugVersions',
      'teamsRoomsSkuIds',
      'userLicenceSkuIds',
      'teamsServicePlanIds',
      'teamsPhoneServicePlanIds',
    ]) {
      if (!Array.isArray(behaviour[key])) fail(`"behaviour.${key}" must be an array.`);
    }
    for (const key of ['latestFirmware', 'latestTeamsClient']) {
      if (!isRecord(behaviour[key])) fail(`"behaviour.${key}" must be an object.`);
    }
  }
  if (problems.length)
    throw new FixtureError(`${source} is not a tenant fixture:\n- ${problems.join('\n- ')}`);
  const fx = value as unknown as TenantFixture;

  const ids = new Set<string>();
  const unique = (kind: string, id: unknown, index: number): boolean => {
    if (typeof id !== 'string' || !id) {
      fail(`${kind}[${index}] has no string "id".`);
      return false;
    }
    const key = `${kind}:${id.toLowerCase()}`;
    if (ids.has(key)) fail(`${kind} id "${id}" is used twice.`);
    ids.add(key);
    return true;
  };

  const plansBySku = new Map<string, Set<string>>();
  fx.subscribedSkus.forEach((sku, i) => {
    if (!isRecord(sku) || typeof sku.skuId !== 'string') return fail(`subscribedSkus[${i}] has no "skuId".`);
    unique('subscribedSkus', sku.skuId, i);
    if (typeof sku.skuPartNumber !== 'string') fail(`subscribedSkus[${i}] has no "skuPartNumber".`);
    if (!isRecord(sku.prepaidUnits) || typeof sku.prepaidUnits.enabled !== 'number') {
      fail(`subscribedSkus[${i}] needs "prepaidUnits.enabled".`);
    }
    if (!Array.isArray(sku.servicePlans)) return fail(`subscribedSkus[${i}] needs "servicePlans".`);
    plansBySku.set(
      sku.skuId.toLowerCase(),
      new Set(sku.servicePlans.map((p) => p.servicePlanId.toLowerCase())),
    );
  });

  const checkLicences = (owner: string, list: unknown): void => {
    if (!Array.isArray(list)) return fail(`${owner} needs an "assignedLicenses" array.`);
    for (const l of list) {
      if (!isRecord(l) || typeof l.skuId !== 'string') {
        fail(`${owner} has a licence without "skuId".`);
        continue;
      }
      const plans = plansBySku.get(l.skuId.toLowerCase());
      if (!plans) fail(`${owner} has licence ${l.skuId}, which is not in subscribedSkus.`);
      if (!Array.isArray(l.disabledPlans)) fail(`${owner} licence ${l.skuId} needs a "disabledPlans" array.`);
      else if (plans) {
        for (const p of l.disabledPlans) {
          if (typeof p !== 'string' || !plans.has(p.toLowerCase())) {
            fail(`${owner} disables plan ${String(p)}, which SKU ${l.skuId} does not have.`);
          }
        }
      }
    }
  };

  const userIds = new Set<string>();
  fx.users.forEach((u, i) => {
    if (!isRecord(u) || !unique('users', u.id, i)) return;
    userIds.add(u.id.toLowerCase());
    if (typeof u.userPrincipalName !== 'string') fail(`users[${i}] (${u.id}) has no "userPrincipalName".`);
    else unique('userPrincipalName', u.userPrincipalName, i);
    if (typeof u.accountEnabled !== 'boolean')
      fail(`users[${i}] (${u.id}) needs a boolean "accountEnabled".`);
    if (u.usageLocation !== null && typeof u.usageLocation !== 'string') {
      fail(`users[${i}] (${u.id}) needs "usageLocation" (a country code or null).`);
    }
    checkLicences(`users[${i}] (${u.userPrincipalName})`, u.assignedLicenses);
  });

  fx.groups.forEach((g, i) => {
    if (!isRecord(g) || !unique('groups', g.id, i)) return;
    if (!Array.isArray(g.members)) fail(`groups[${i}] needs "members".`);
    else
      for (const m of g.members)
        if (!userIds.has(String(m).toLowerCase())) fail(`groups[${i}] member ${m} is not a user.`);
    checkLicences(`groups[${i}] (${g.displayName})`, g.assignedLicenses);
  });

  const listEmails = new Set<string>();
  fx.roomLists.forEach((l, i) => {
    if (!isRecord(l) || !unique('places', l.id, i)) return;
    if (typeof l.emailAddress !== 'string') fail(`roomLists[${i}] needs "emailAddress".`);
    else listEmails.add(l.emailAddress.toLowerCase());
  });
  fx.rooms.forEach((r, i) => {
    if (!isRecord(r) || !unique('places', r.id, i)) return;
    if (typeof r.emailAddress !== 'string') fail(`rooms[${i}] needs "emailAddress".`);
    const list = isRecord(r.emulator) ? r.emulator.roomList : undefined;
    if (typeof list !== 'string' || !listEmails.has(list.toLowerCase())) {
      fail(
        `rooms[${i}] (${String(r.displayName)}) needs "emulator.roomList" naming a room list's email address.`,
      );
    }
  });

  fx.devices.forEach((d, i) => {
    if (!isRecord(d) || !unique('devices', d.id, i)) return;
    if (typeof d.displayName !== 'string') fail(`devices[${i}] needs "displayName".`);
  });

  fx.teamworkDevices.forEach((d, i) => {
    if (!isRecord(d) || !unique('teamworkDevices', d.id, i)) return;
    if (typeof d.deviceType !== 'string') fail(`teamworkDevices[${i}] needs "deviceType".`);
    if (!isRecord(d.hardwareDetail)) fail(`teamworkDevices[${i}] needs "hardwareDetail".`);
    if (!isRecord(d.health)) fail(`teamworkDevices[${i}] needs "health".`);
    if (!isRecord(d.configuration)) fail(`teamworkDevices[${i}] needs "configuration".`);
    if (d.currentUser !== null) {
      if (!isRecord(d.currentUser) || typeof d.currentUser.id !== 'string') {
        fail(`teamworkDevices[${i}] needs "currentUser" (with "id") or null.`);
      } else if (!userIds.has(d.currentUser.id.toLowerCase())) {
        fail(`teamworkDevices[${i}] currentUser ${d.currentUser.id} is not a user.`);
      }
    }
  });

  if (problems.length)
    throw new FixtureError(`${source} is not a consistent tenant:\n- ${problems.join('\n- ')}`);
  return fx;
}

const RELATIVE_TIME = /^now(?:-(P.+))?$/i;

/** Replaces relative timestamps ("now", "now-P3D") anywhere in a fixture value by ISO strings, in place. */
export function resolveRelativeTimes(value: unknown, nowMs: number): unknown {
  if (typeof value === 'string') {
    const m = RELATIVE_TIME.exec(value);
    if (!m) return value;
    try {
      return new Date(nowMs - (m[1] ? parseIsoDuration(m[1]) : 0)).toISOString();
    } catch (e) {
      if (e instanceof DurationError) throw new FixtureError(`Bad relative time "${value}": ${e.message}`);
      throw e;
    }
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = resolveRelativeTimes(value[i], nowMs);
    return value;
  }
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) value[k] = resolveRelativeTimes(v, nowMs);
  }
  return value;
}
