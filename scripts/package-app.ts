// `npm run package`: builds the Teams app package (a zip to upload to Teams) from appPackage/.
//
// The manifest carries Microsoft 365 Agents Toolkit style placeholders (`${{BOT_ID}}`); this script fills them
// from the environment or from a KEY=VALUE file (`--env-file env/.env.dev`, the toolkit's format), checks the
// result against the official v1.29 schema and the files it references, and only then writes the zip.
//
// What the manifest leaves out on purpose:
// - `webApplicationInfo`: it declares an Entra app for single sign-on (`resource` api://<domain>/<app id>) and
//   is required by resource-specific consent. The bot uses neither: it reads and writes Graph with its own
//   application permissions (managed identity or client credentials), never on behalf of the user, so the
//   section would only add a consent surface and an app registration setting nothing uses.
// - `authorization.permissions.resourceSpecific` (RSC): the bot sees only the messages that mention it, which
//   needs no RSC permission, and it reads the directory through Graph application permissions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const REPO_ROOT = path.resolve(__dirname, '..');

/** The folder holding manifest.json and the files it references. */
export const DEFAULT_APP_DIR = path.join(REPO_ROOT, 'appPackage');
/** Where `npm run package` writes the zip unless `--out` says otherwise (ignored by git). */
export const DEFAULT_OUT = path.join(DEFAULT_APP_DIR, 'build', 'appPackage.zip');
/** The official v1.29 manifest schema, in the read-only reference shared by the project's workspaces. */
export const DEFAULT_SCHEMA_FILE = path.resolve(
  REPO_ROOT,
  '../shared/reference/teams-manifest/MicrosoftTeams.v1.29.schema.json',
);
const SCHEMA_URL = 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json';

const USAGE = `Usage: npm run package -- [--env-file <file>] [--out <zip>] [--schema <schema.json>]

Builds the Teams app package from appPackage/: fills \${{TEAMS_APP_ID}}, \${{BOT_ID}} and \${{BOT_DOMAIN}} in the
manifest from the environment, checks the manifest against the Teams manifest schema v1.29 and writes the zip.

  --env-file <file>  KEY=VALUE lines (for example env/.env.dev); its values win over the environment's
  --out <zip>        where to write the package (default appPackage/build/appPackage.zip)
  --schema <file>    the v1.29 manifest schema (default ../shared/reference/teams-manifest/), from
                     ${SCHEMA_URL}
`;

/** A problem the user can fix: printed as a heading and one line per problem, without a stack trace. */
export class PackageError extends Error {
  constructor(
    readonly heading: string,
    readonly problems: readonly string[] = [],
  ) {
    super([heading, ...problems.map((problem) => `- ${problem}`)].join('\n'));
    this.name = 'PackageError';
  }
}

// --- settings ---------------------------------------------------------------------------------------------------

/** The placeholders the manifest may use, `${{NAME}}`. */
export type PlaceholderName = 'TEAMS_APP_ID' | 'BOT_ID' | 'BOT_DOMAIN';
export type PlaceholderValues = Record<PlaceholderName, string>;

interface Placeholder {
  name: PlaceholderName;
  /** Other variables that hold the same value, looked at in this order after `name`. */
  alternatives: readonly string[];
  /** What the value is and where to find it, for the error message. */
  meaning: string;
  /** Why the value is unusable, or undefined when it is fine. */
  check(value: string): string | undefined;
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

function checkGuid(value: string): string | undefined {
  return GUID.test(value) ? undefined : 'is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)';
}

function checkHostName(value: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value);
  if (scheme) {
    const host = value.slice(scheme[0].length).split('/')[0] ?? '';
    return `must be a host name without "${scheme[0]}": use "${host}"`;
  }
  if (value.includes('/')) return `must be a host name without a path: use "${value.split('/')[0]}"`;
  if (/:\d*$/.test(value)) return `must be a host name without a port: use "${value.replace(/:\d*$/, '')}"`;
  if (!HOST_NAME.test(value)) return 'is not a host name (letters, digits, hyphens and at least one dot)';
  return undefined;
}

const PLACEHOLDERS: readonly Placeholder[] = [
  {
    name: 'TEAMS_APP_ID',
    alternatives: [],
    meaning:
      'the Teams app id, a GUID that identifies this app in Teams; generate it once (for example with uuidgen) and keep it for every version',
    check: checkGuid,
  },
  {
    name: 'BOT_ID',
    alternatives: ['MICROSOFT_APP_ID', 'MicrosoftAppId'],
    meaning:
      "the Microsoft Entra app (client) id of the Azure Bot, the bot's MicrosoftAppId; set it or MICROSOFT_APP_ID",
    check: checkGuid,
  },
  {
    name: 'BOT_DOMAIN',
    alternatives: [],
    meaning:
      'the host name the bot is reached at, without https:// or a path (for example helpdesk-bot.azurewebsites.net or a dev tunnel host)',
    check: checkHostName,
  },
];

/** Where settings are looked up, in order: the first source with a non-empty value wins. */
export interface SettingsSource {
  /** Named in messages: "the environment", "env/.env.dev". */
  label: string;
  values: Readonly<Record<string, string | undefined>>;
}

/** The placeholder values, and where each came from ("env/.env.dev BOT_ID"). */
export interface ResolvedSettings {
  values: PlaceholderValues;
  origins: Record<PlaceholderName, string>;
}

/**
 * Finds every placeholder's value in the sources and checks it. All problems are reported at once, each with
 * what the variable is, so one run tells the user everything to set.
 * @throws PackageError listing each missing or invalid variable
 */
export function resolveSettings(sources: readonly SettingsSource[]): ResolvedSettings {
  const values: Partial<PlaceholderValues> = {};
  const origins: Partial<Record<PlaceholderName, string>> = {};
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const placeholder of PLACEHOLDERS) {
    const found = lookUp(sources, [placeholder.name, ...placeholder.alternatives]);
    if (!found) {
      missing.push(`${placeholder.name}: ${placeholder.meaning}`);
      continue;
    }
    const problem = placeholder.check(found.value);
    const via = found.name === placeholder.name ? '' : ` (from ${found.name})`;
    if (problem)
      invalid.push(`${placeholder.name}${via} "${found.value}" ${problem}. It is ${placeholder.meaning}`);
    values[placeholder.name] = found.value;
    origins[placeholder.name] = `${found.source} ${found.name}`;
  }
  const problems = [...missing, ...invalid];
  if (problems.length > 0) {
    const heading =
      missing.length > 0
        ? 'Cannot package the Teams app: set these in the environment or in a KEY=VALUE file passed with --env-file:'
        : 'Cannot package the Teams app: fix these settings:';
    throw new PackageError(heading, problems);
  }
  return { values: values as PlaceholderValues, origins: origins as Record<PlaceholderName, string> };
}

function lookUp(
  sources: readonly SettingsSource[],
  names: readonly string[],
): { value: string; name: string; source: string } | undefined {
  for (const source of sources) {
    for (const name of names) {
      const value = source.values[name]?.trim();
      if (value) return { value, name, source: source.label };
    }
  }
  return undefined;
}

/**
 * Parses a KEY=VALUE file as the Agents Toolkit writes them (`env/.env.dev`): `#` comments, blank lines, an
 * optional `export `, values optionally in single or double quotes.
 * @throws PackageError naming each line that is not KEY=VALUE
 */
export function parseEnvFile(text: string, label: string): Record<string, string> {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
      if (!match) {
        problems.push(`${label}:${index + 1}: expected KEY=VALUE, found "${line}"`);
        return;
      }
      const [, key = '', rest = ''] = match;
      let value = rest.trim();
      const quoted = /^(["'])(.*)\1$/.exec(value);
      if (quoted) value = quoted[2] ?? '';
      else value = value.replace(/\s+#.*$/, '');
      values[key] = value;
    });
  if (problems.length > 0) throw new PackageError(`Cannot read ${label}:`, problems);
  return values;
}

// --- manifest -------------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces every `${{NAME}}` in the document's string values. The document is walked as JSON rather than
 * edited as text so that no value, whatever it contains, can change the document's structure.
 * @throws PackageError naming any placeholder there is no value for
 */
export function fillPlaceholders<T>(document: T, values: Readonly<Record<string, string>>, file: string): T {
  const unknown = new Set<string>();
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) unknown.add(name);
        return value ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (isRecord(node))
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    return node;
  };
  const filled = fill(document as Json) as T;
  if (unknown.size > 0) {
    throw new PackageError(
      `${file} uses placeholders this script has no value for (it knows ${Object.keys(values).join(', ')}):`,
      [...unknown].map((name) => `\${{${name}}}`),
    );
  }
  return filled;
}

function describeSchemaError(error: ErrorObject): string {
  let detail = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') detail += ` ("${String(error.params.additionalProperty)}")`;
  if (error.keyword === 'enum') detail += ` (${JSON.stringify(error.params.allowedValues)})`;
  if (error.keyword === 'const') detail += ` (${JSON.stringify(error.params.allowedValue)})`;
  return `${error.instancePath || '/'}: ${detail}`;
}

/**
 * Compiles the Teams manifest schema. It declares draft-04, whose meta-schema Ajv 8 does not bundle, yet uses
 * only keywords that mean the same in Ajv's default draft (no boolean `exclusiveMinimum`, no `id`), plus the
 * draft-06 `const`; so the declaration is dropped and the rest compiled as is.
 * @returns a function listing the manifest's schema errors, as "/json/pointer: message" lines
 * @throws PackageError when the schema file is missing or unreadable
 */
export function manifestValidator(schemaFile: string): (manifest: unknown) => string[] {
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new PackageError(`Cannot read the Teams manifest schema v1.29 at ${schemaFile}:`, [
      (err as Error).message,
      `pass --schema <file> with the schema downloaded from ${SCHEMA_URL}`,
    ]);
  }
  delete document.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate: ValidateFunction = ajv.compile(document);
  return (manifest) => {
    if (validate(manifest)) return [];
    return [...new Set((validate.errors ?? []).map(describeSchemaError))];
  };
}

/** Length limits of the strings a localization file may translate (the manifest's, or the stricter one). */
const LOCALIZABLE: readonly { pattern: RegExp; maxLength: number }[] = [
  { pattern: /^name\.short$/, maxLength: 30 },
  { pattern: /^name\.full$/, maxLength: 100 },
  { pattern: /^description\.short$/, maxLength: 80 },
  { pattern: /^description\.full$/, maxLength: 4000 },
  // The localization schema accepts commands 0 to 9 of command lists 0 to 2.
  { pattern: /^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.title$/, maxLength: 32 },
  { pattern: /^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.description$/, maxLength: 128 },
];
const REQUIRED_LOCALIZED = ['name.short', 'description.short', 'description.full'];

/** The manifest value a localization key such as `bots[0].commandLists[1].commands[2].title` translates. */
function manifestValueAt(manifest: unknown, key: string): unknown {
  let node: unknown = manifest;
  for (const segment of key.match(/[^.[\]]+/g) ?? []) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * Checks a localization file (such as fr.json) against the manifest it translates: only keys Teams accepts,
 * each translating a string the manifest has, within Teams' length limits, and the keys Teams requires.
 * @returns one line per problem, empty when the file is fine
 */
export function localizationProblems(manifest: unknown, localization: unknown, file: string): string[] {
  if (!isRecord(localization)) return [`${file}: not a JSON object`];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(localization)) {
    if (key === '$schema') continue;
    const rule = LOCALIZABLE.find((candidate) => candidate.pattern.test(key));
    if (!rule) {
      problems.push(`${file}: "${key}" is not a key a Teams localization file accepts here`);
      continue;
    }
    if (typeof manifestValueAt(manifest, key) !== 'string') {
      problems.push(`${file}: "${key}" translates nothing: the manifest has no such string`);
    }
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${file}: "${key}" must be a text`);
    else if (value.length > rule.maxLength) {
      problems.push(
        `${file}: "${key}" is ${value.length} characters long, at most ${rule.maxLength} allowed`,
      );
    }
  }
  for (const key of REQUIRED_LOCALIZED) {
    if (!(key in localization)) problems.push(`${file}: "${key}" is required`);
  }
  return problems;
}

/** Pixel size of a PNG, read from its header; undefined when the data is not a PNG. */
function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature)) return undefined;
  if (data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

// Teams rejects a package whose icons have other sizes; the schema does not check them.
const ICON_SIZES: Readonly<Record<string, number>> = { color: 192, outline: 32, color32x32: 32 };

// --- zip --------------------------------------------------------------------------------------------------------

/** One file of a zip archive. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

// Every entry gets the same timestamp (1980-01-01 00:00, the earliest DOS date) so that the same inputs always
// give the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

/** A zip archive (deflate, or stored when that is smaller), as Teams and every unzip read it. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = zlib.deflateRawSync(entry.data, { level: 9 });
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal and external attributes stay 0.
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// --- package --------------------------------------------------------------------------------------------------

/** What {@link buildAppPackage} needs; every path absolute or relative to the current directory. */
export interface PackageOptions {
  appDir: string;
  out: string;
  schemaFile: string;
  values: PlaceholderValues;
}

/**
 * Builds the app package: manifest.json with its placeholders filled, then every file the manifest references
 * (icons, localization files), all at the zip's root as Teams expects. Nothing is written unless the manifest
 * matches the schema and every referenced file is present and right.
 * @returns the names of the zip's entries, in order
 * @throws PackageError listing every problem found
 */
export function buildAppPackage(options: PackageOptions): string[] {
  const values: Record<string, string> = options.values;
  const manifestFile = path.join(options.appDir, 'manifest.json');
  const manifest = fillPlaceholders(readJson(manifestFile), values, 'manifest.json');
  const schemaErrors = manifestValidator(options.schemaFile)(manifest);
  if (schemaErrors.length > 0) {
    throw new PackageError(
      `manifest.json (placeholders filled) does not match the Teams manifest schema v1.29; no package was written:`,
      schemaErrors,
    );
  }
  if (!isRecord(manifest)) throw new PackageError('manifest.json: not a JSON object');

  const problems: string[] = [];
  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
  ];
  const add = (relative: string, check: (data: Buffer) => Buffer | string[]): void => {
    if (entries.some((entry) => entry.name === relative)) return;
    if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) {
      problems.push(`${relative}: the manifest must reference files inside the package`);
      return;
    }
    const file = path.join(options.appDir, relative);
    if (!fs.existsSync(file)) {
      problems.push(`${relative}: referenced by manifest.json but missing from ${options.appDir}`);
      return;
    }
    const result = check(fs.readFileSync(file));
    if (Array.isArray(result)) problems.push(...result);
    else entries.push({ name: relative.replace(/\\/g, '/'), data: result });
  };

  const icons = isRecord(manifest.icons) ? manifest.icons : {};
  for (const [kind, relative] of Object.entries(icons)) {
    const size = ICON_SIZES[kind];
    if (typeof relative !== 'string' || size === undefined) continue;
    add(relative, (data) => {
      const actual = pngSize(data);
      if (!actual) return [`${relative}: the ${kind} icon must be a PNG file`];
      if (actual.width !== size || actual.height !== size) {
        return [
          `${relative}: the ${kind} icon is ${actual.width}x${actual.height}, Teams requires ${size}x${size}`,
        ];
      }
      return data;
    });
  }

  const localization = isRecord(manifest.localizationInfo) ? manifest.localizationInfo : {};
  const languageFiles = [
    localization.defaultLanguageFile,
    ...(Array.isArray(localization.additionalLanguages)
      ? localization.additionalLanguages.map((language) => (isRecord(language) ? language.file : undefined))
      : []),
  ].filter((file): file is string => typeof file === 'string');
  for (const relative of languageFiles) {
    add(relative, (data) => {
      let parsed: unknown;
      try {
        parsed = fillPlaceholders(JSON.parse(data.toString('utf8')) as unknown, values, relative);
      } catch (err) {
        if (err instanceof PackageError) throw err;
        return [`${relative}: not valid JSON (${(err as Error).message})`];
      }
      const found = localizationProblems(manifest, parsed, relative);
      return found.length > 0 ? found : Buffer.from(`${JSON.stringify(parsed, null, 2)}\n`, 'utf8');
    });
  }

  if (problems.length > 0) {
    throw new PackageError('The app package is not complete; no package was written:', problems);
  }
  fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  fs.writeFileSync(options.out, createZip(entries));
  return entries.map((entry) => entry.name);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new PackageError(`Cannot read ${file}:`, [(err as Error).message]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new PackageError(`${file} is not valid JSON:`, [(err as Error).message]);
  }
}

// --- command line ---------------------------------------------------------------------------------------------

interface Arguments {
  envFile?: string;
  out?: string;
  schema?: string;
  help: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { help: false };
  const options = { '--env-file': 'envFile', '--out': 'out', '--schema': 'schema' } as const;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    const [flag = '', inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    const key = (options as Record<string, 'envFile' | 'out' | 'schema'>)[flag];
    if (!key) throw new PackageError(`Unknown argument "${arg}".\n\n${USAGE}`);
    const value = inline ?? argv[++index];
    if (!value) throw new PackageError(`${flag} needs a value.\n\n${USAGE}`);
    parsed[key] = value;
  }
  return parsed;
}

/** Where the script writes its messages; injected so that tests can capture them. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * `npm run package`: reads the arguments and the given environment, builds the package and reports.
 * @param env the environment to read settings from (the script passes `process.env`)
 * @param cwd the directory relative paths in the arguments are resolved against
 * @returns the exit code: 0 when the package was written, 1 otherwise
 */
export function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: Io,
  cwd: string = process.cwd(),
): number {
  try {
    const args = parseArguments(argv);
    if (args.help) {
      io.stdout(USAGE);
      return 0;
    }
    const sources: SettingsSource[] = [];
    if (args.envFile) {
      const file = path.resolve(cwd, args.envFile);
      if (!fs.existsSync(file)) throw new PackageError(`--env-file ${args.envFile}: no such file.`);
      sources.push({
        label: args.envFile,
        values: parseEnvFile(fs.readFileSync(file, 'utf8'), args.envFile),
      });
    }
    sources.push({ label: 'environment', values: env });
    const settings = resolveSettings(sources);
    const out = args.out ? path.resolve(cwd, args.out) : DEFAULT_OUT;
    const entries = buildAppPackage({
      appDir: DEFAULT_APP_DIR,
      out,
      schemaFile: args.schema ? path.resolve(cwd, args.schema) : DEFAULT_SCHEMA_FILE,
      values: settings.values,
    });
    const shown = path.relative(cwd, out).startsWith('..') ? out : path.relative(cwd, out);
    const lines = [
      `Wrote ${shown}: ${entries.join(', ')}`,
      ...PLACEHOLDERS.map(
        ({ name }) => `  ${name.padEnd(12)} ${settings.values[name]}  (${settings.origins[name]})`,
      ),
      'Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.',
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof PackageError) io.stderr(`${err.message}\n`);
    else io.stderr(`Cannot package the Teams app: ${(err as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), process.env, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
