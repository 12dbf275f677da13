import type {
  BuildStatus,
  BuildSymptom,
  Knowledge,
  KnownBuild,
  LicenceCategory,
  LicenceMatrix,
  LicenceSku,
  LocalizedText,
} from './types';

export const BUILDS_FILE = 'teams-rooms-builds.json';
export const LICENCES_FILE = 'licences.json';

const BUILD_STATUSES: readonly BuildStatus[] = ['bad', 'good'];
const BUILD_SYMPTOMS: readonly BuildSymptom[] = ['licence-error-at-sign-in', 'none'];
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

// Collects every problem of a file before failing, so one run shows all that needs fixing.
class Checker {
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
  const c = new Checker();
  const root = c.record(data, '(root)');
  if (root) c.onlyKeys(root, '(root)', ['builds']);
  const list = root ? c.array(root.builds, 'builds') : undefined;
  const builds: KnownBuild[] = [];
  const seen = new Set<string>();
  list?.forEach((item, i) => {
    const path = `builds[${i}]`;
    const entry = c.record(item, path);
    if (!entry) return;
    c.onlyKeys(entry, path, ['version', 'status', 'symptom', 'note']);
    const version = c.text(entry.version, `${path}.version`, {
      test: VERSION_PATTERN,
      expected: 'a dotted version such as "5.2.115.0" or "5.2.136.*"',
    });
    const status = c.oneOf(entry.status, `${path}.status`, BUILD_STATUSES);
    const symptom = c.oneOf(entry.symptom, `${path}.symptom`, BUILD_SYMPTOMS);
    const note = c.localized(entry.note, `${path}.note`);
    if (version !== undefined) {
      if (seen.has(version)) c.problems.push(`${path}.version "${version}" is listed twice`);
      seen.add(version);
    }
    if (status === 'good' && symptom !== undefined && symptom !== 'none') {
      c.problems.push(`${path}.symptom must be "none" for a good build (got "${symptom}")`);
    }
    if (status === 'bad' && symptom === 'none') {
      c.problems.push(`${path}.symptom must name what goes wrong on a bad build`);
    }
    if (version !== undefined && status && symptom && note) builds.push({ version, status, symptom, note });
  });
  c.failIfAny(file);
  return builds;
}

/**
 * Validates the content of `licences.json`.
 * @throws KnowledgeError listing every problem, with its JSON path.
 */
export function parseLicences(data: unknown, file = LICENCES_FILE): LicenceMatrix {
  const c = new Checker();
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
