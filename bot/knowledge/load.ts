import type {
  BuildStatus,
  BuildSymptom,
  Knowledge,
  KnownBuild,
  LicenceCategory,
  LicenceMatrix,
  LicenceSku,
  LocalizedText,
  PlaybookId,
} from './types';
import { compareVersions, matchesVersionPattern } from './versions';

export const BUILDS_FILE = 'teams-rooms-builds.json';
export const LICENCES_FILE = 'licences.json';

const BUILD_STATUSES: readonly BuildStatus[] = ['bad', 'good'];
const BUILD_SYMPTOMS: readonly BuildSymptom[] = ['licence-error-at-sign-in', 'none'];
/** Every playbook the bot runs; data files may only point at these. */
export const PLAYBOOK_IDS: readonly PlaybookId[] = ['room-licence', 'phone-no-internet'];
const LICENCE_CATEGORIES: readonly LicenceCategory[] = [
  'room-basic',
  'room-pro',
  'room-legacy-standard',
  'room-legacy-premium',
  'user',
  'phone',
  'shared-device',
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION_PATTERN = /^(\d+|\*)(\.(\d+|\*))*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A knowledge file does not have the expected shape; `problems` says where and what, one line each. */
export class KnowledgeError extends Error {
  readonly file: string;
  readonly problems: readonly string[];

  constructor(file: string, problems: string[]) {
    super(`Invalid knowledge file ${file}:\n- ${problems.join('\n- ')}`);
    this.name = 'KnowledgeError';
    this.file = file;
    this.problems = problems;
  }
}

/**
 * Collects every problem of a data file before failing, so that one run shows all that needs fixing. Shared by the
 * loaders of this folder.
 */
export class KnowledgeChecker {
  readonly problems: string[] = [];

  record(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    this.problems.push(`${path} must be an object (got ${describe(value)})`);
    return undefined;
  }

  // Unknown properties are usually typos that would otherwise be silently ignored.
  onlyKeys(obj: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        this.problems.push(`${path} has an unknown property "${key}" (expected ${allowed.join(', ')})`);
      }
    }
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (Array.isArray(value)) return value as unknown[];
    this.problems.push(`${path} must be an array (got ${describe(value)})`);
    return undefined;
  }

  text(value: unknown, path: string, format?: { test: RegExp; expected: string }): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      this.problems.push(`${path} must be a non-empty string (got ${describe(value)})`);
      return undefined;
    }
    if (format && !format.test.test(value)) {
      this.problems.push(`${path} must be ${format.expected} (got ${describe(value)})`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${path} must be one of ${allowed.join(', ')} (got ${describe(value)})`);
    return undefined;
  }

  bool(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.problems.push(`${path} must be true or false (got ${describe(value)})`);
    return undefined;
  }

  positiveInteger(value: unknown, path: string): number | undefined {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    this.problems.push(`${path} must be a positive integer (got ${describe(value)})`);
    return undefined;
  }

  localized(value: unknown, path: string): LocalizedText | undefined {
    const obj = this.record(value, path);
    if (!obj) return undefined;
    this.onlyKeys(obj, path, ['en', 'fr']);
    const en = this.text(obj.en, `${path}.en`);
    const fr = this.text(obj.fr, `${path}.fr`);
    return en !== undefined && fr !== undefined ? { en, fr } : undefined;
  }

  failIfAny(file: string): void {
    if (this.problems.length > 0) throw new KnowledgeError(file, this.problems);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Validates the content of `teams-rooms-builds.json`.
 * @throws KnowledgeError listing every problem, with its JSON path.
 */
export function parseBuilds(data: unknown, file = BUILDS_FILE): KnownBuild[] {
  const c = new KnowledgeChecker();
  const root = c.record(data, '(root)');
  if (root) c.onlyKeys(root, '(root)', ['builds']);
  const list = root ? c.array(root.builds, 'builds') : undefined;
  const builds: KnownBuild[] = [];
  const fixes: { path: string; version: string; fixedIn: string }[] = [];
  const seen = new Set<string>();
  list?.forEach((item, i) => {
    const path = `builds[${i}]`;
    const entry = c.record(item, path);
    if (!entry) return;
    c.onlyKeys(entry, path, ['version', 'status', 'symptom', 'note', 'symptomText', 'fixedIn', 'playbook']);
    const version = c.text(entry.version, `${path}.version`, {
      test: VERSION_PATTERN,
      expected: 'a dotted version such as "5.2.115.0" or "5.2.136.*"',
    });
    const status = c.oneOf(entry.status, `${path}.status`, BUILD_STATUSES);
    const symptom = c.oneOf(entry.symptom, `${path}.symptom`, BUILD_SYMPTOMS);
    const note = c.localized(entry.note, `${path}.note`);
    const issue = parseIssue(c, entry, path, status, symptom);
    if (version !== undefined) {
      if (seen.has(version)) c.problems.push(`${path}.version "${version}" is listed twice`);
      seen.add(version);
      if (issue.fixedIn !== undefined) fixes.push({ path, version, fixedIn: issue.fixedIn });
    }
    if (status === 'good' && symptom !== undefined && symptom !== 'none') {
      c.problems.push(`${path}.symptom must be "none" for a good build (got "${symptom}")`);
    }
    if (status === 'bad' && symptom === 'none') {
      c.problems.push(`${path}.symptom must name what goes wrong on a bad build`);
    }
    if (version !== undefined && status && symptom && note) {
      builds.push({ version, status, symptom, note, ...issue });
    }
  });
  // A fix must point at a build the file knows to be good, or the diagnosis would advise updating to a bad one.
  for (const fix of fixes) {
    const good = builds.filter((b) => b.status === 'good');
    const known = good.some(
      (b) =>
        b.version === fix.fixedIn ||
        (!fix.fixedIn.includes('*') && matchesVersionPattern(fix.fixedIn, b.version)),
    );
    if (!known) c.problems.push(`${fix.path}.fixedIn "${fix.fixedIn}" must be a good build of this file`);
    else if (compareVersions(zeroed(fix.fixedIn), zeroed(fix.version)) <= 0) {
      c.problems.push(`${fix.path}.fixedIn "${fix.fixedIn}" must be newer than "${fix.version}"`);
    }
  }
  c.failIfAny(file);
  return builds;
}

// What a symptom breaks decides which playbook repairs it; data cannot send a console to the wrong one.
const SYMPTOM_PLAYBOOKS: Readonly<Record<Exclude<BuildSymptom, 'none'>, PlaybookId>> = {
  'licence-error-at-sign-in': 'room-licence',
};

// The known-issue part of a build entry: optional, and only meaningful on a bad build.
function parseIssue(
  c: KnowledgeChecker,
  entry: Record<string, unknown>,
  path: string,
  status: BuildStatus | undefined,
  symptom: BuildSymptom | undefined,
): Pick<KnownBuild, 'symptomText' | 'fixedIn' | 'playbook'> {
  const issue: Pick<KnownBuild, 'symptomText' | 'fixedIn' | 'playbook'> = {};
  for (const key of ['symptomText', 'fixedIn', 'playbook'] as const) {
    if (entry[key] !== undefined && status === 'good') {
      c.problems.push(`${path}.${key} is only for a bad build`);
    }
  }
  if (entry.symptomText !== undefined) {
    const text = c.localized(entry.symptomText, `${path}.symptomText`);
    if (text) issue.symptomText = text;
  }
  if (entry.fixedIn !== undefined) {
    const fixedIn = c.text(entry.fixedIn, `${path}.fixedIn`, {
      test: VERSION_PATTERN,
      expected: 'a dotted version such as "5.2.136.1" or "5.2.136.*"',
    });
    if (fixedIn !== undefined) issue.fixedIn = fixedIn;
  }
  if (entry.playbook !== undefined) {
    const playbook = c.oneOf(entry.playbook, `${path}.playbook`, PLAYBOOK_IDS);
    const expected = symptom !== undefined && symptom !== 'none' ? SYMPTOM_PLAYBOOKS[symptom] : undefined;
    if (playbook !== undefined && expected !== undefined && playbook !== expected) {
      c.problems.push(
        `${path}.playbook must be "${expected}" for the symptom "${symptom}" (got "${playbook}")`,
      );
    }
    if (playbook !== undefined) issue.playbook = playbook;
  }
  return issue;
}

// "5.2.136.*" compares as its first build.
function zeroed(version: string): string {
  return version.replace(/\*/g, '0');
}

/**
 * Validates the content of `licences.json`.
 * @throws KnowledgeError listing every problem, with its JSON path.
 */
export function parseLicences(data: unknown, file = LICENCES_FILE): LicenceMatrix {
  const c = new KnowledgeChecker();
  const root = c.record(data, '(root)');
  if (!root) {
    c.failIfAny(file);
    throw new KnowledgeError(file, ['(root) must be an object']);
  }
  c.onlyKeys(root, '(root)', [
    'servicePlans',
    'roomsBasicTenantCap',
    'userLicencesBlockedOnRoomsSince',
    'skus',
  ]);
  const plans = c.record(root.servicePlans, 'servicePlans');
  if (plans) c.onlyKeys(plans, 'servicePlans', ['teamsPhone']);
  const teamsPhone = plans
    ? c.text(plans.teamsPhone, 'servicePlans.teamsPhone', { test: GUID, expected: 'a GUID' })
    : undefined;
  const cap = c.positiveInteger(root.roomsBasicTenantCap, 'roomsBasicTenantCap');
  const since = c.text(root.userLicencesBlockedOnRoomsSince, 'userLicencesBlockedOnRoomsSince', {
    test: DATE,
    expected: 'a date YYYY-MM-DD',
  });
  const skus: LicenceSku[] = [];
  const seen = new Set<string>();
  c.array(root.skus, 'skus')?.forEach((item, i) => {
    const path = `skus[${i}]`;
    const entry = c.record(item, path);
    if (!entry) return;
    c.onlyKeys(entry, path, [
      'skuId',
      'skuPartNumber',
      'productName',
      'category',
      'allowedOnRoomAccount',
      'deprecated',
    ]);
    const skuId = c.text(entry.skuId, `${path}.skuId`, { test: GUID, expected: 'a GUID' });
    const skuPartNumber = c.text(entry.skuPartNumber, `${path}.skuPartNumber`);
    const productName = c.localized(entry.productName, `${path}.productName`);
    const category = c.oneOf(entry.category, `${path}.category`, LICENCE_CATEGORIES);
    const allowed = c.bool(entry.allowedOnRoomAccount, `${path}.allowedOnRoomAccount`);
    const deprecated = c.bool(entry.deprecated, `${path}.deprecated`);
    if (skuId !== undefined) {
      const key = skuId.toLowerCase();
      if (seen.has(key)) c.problems.push(`${path}.skuId "${skuId}" is listed twice`);
      seen.add(key);
    }
    if (category === 'user' && allowed === true) {
      c.problems.push(`${path}.allowedOnRoomAccount must be false for a user licence`);
    }
    if (category?.startsWith('room-') && allowed === false) {
      c.problems.push(`${path}.allowedOnRoomAccount must be true for a Teams Rooms licence`);
    }
    if (
      skuId !== undefined &&
      skuPartNumber !== undefined &&
      productName &&
      category &&
      allowed !== undefined &&
      deprecated !== undefined
    ) {
      skus.push({
        skuId: skuId.toLowerCase(),
        skuPartNumber,
        productName,
        category,
        allowedOnRoomAccount: allowed,
        deprecated,
      });
    }
  });
  c.failIfAny(file);
  if (teamsPhone === undefined || cap === undefined || since === undefined) {
    throw new KnowledgeError(file, ['incomplete licence matrix']);
  }
  return {
    servicePlans: { teamsPhone: teamsPhone.toLowerCase() },
    roomsBasicTenantCap: cap,
    userLicencesBlockedOnRoomsSince: since,
    skus,
  };
}

/**
 * Builds the knowledge from the parsed JSON of its files, validating their shape.
 * @throws KnowledgeError naming the file and every problem found in it.
 */
export function loadKnowledge(files: { builds: unknown; licences: unknown }): Knowledge {
  return { builds: parseBuilds(files.builds), licences: parseLicences(files.licences) };
}
