import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildAppPackage,
  createZip,
  DEFAULT_APP_DIR,
  DEFAULT_SCHEMA_FILE,
  fillPlaceholders,
  localizationProblems,
  main,
  PackageError,
  parseEnvFile,
  resolveSettings,
  type PlaceholderValues,
} from '../../scripts/package-app';
import { readZip } from './zip-reader';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

const VALUES: PlaceholderValues = {
  TEAMS_APP_ID: '3f6c2a1e-8b4d-4c9a-9e21-7d5b0c4a6f10',
  BOT_ID: '0b7e4d2c-1a3f-4e5b-8c6d-9f0a1b2c3d4e',
  BOT_DOMAIN: 'helpdesk-bot.azurewebsites.net',
};

/** The PackageError `run` throws; fails the test when it throws nothing or something else. */
function packageError(run: () => unknown): PackageError {
  try {
    run();
  } catch (err) {
    if (err instanceof PackageError) return err;
    throw err;
  }
  assert.fail('expected a PackageError');
}

function captureIo(): {
  stdout: string;
  stderr: string;
  io: { stdout(t: string): void; stderr(t: string): void };
} {
  const captured = {
    stdout: '',
    stderr: '',
    io: {
      stdout: (text: string) => void (captured.stdout += text),
      stderr: (text: string) => void (captured.stderr += text),
    },
  };
  return captured;
}

describe('app package: npm run package', () => {
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  });

  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A copy of appPackage/ the test may break. */
  function copyOfAppDir(): string {
    const dir = path.join(tmp, 'appPackage');
    fs.cpSync(DEFAULT_APP_DIR, dir, {
      recursive: true,
      filter: (source) => path.relative(DEFAULT_APP_DIR, source).split(path.sep)[0] !== 'build',
    });
    return dir;
  }

  function editJson(file: string, edit: (document: Record<string, unknown>) => void): void {
    const document = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    edit(document);
    fs.writeFileSync(file, JSON.stringify(document));
  }

  describe('the package', () => {
    it('holds manifest.json with its placeholders filled, both icons and fr.json, at the root of the zip', () => {
      const out = path.join(tmp, 'nested', 'dir', 'app.zip');
      const names = buildAppPackage({
        appDir: DEFAULT_APP_DIR,
        out,
        schemaFile: DEFAULT_SCHEMA_FILE,
        values: VALUES,
      });
      assert.deepEqual(names, ['manifest.json', 'color.png', 'outline.png', 'fr.json']);

      const entries = readZip(fs.readFileSync(out));
      assert.deepEqual([...entries.keys()], names);
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as {
        id: string;
        bots: { botId: string }[];
        validDomains: string[];
      };
      assert.equal(manifest.id, VALUES.TEAMS_APP_ID);
      assert.equal(manifest.bots[0]?.botId, VALUES.BOT_ID);
      assert.deepEqual(manifest.validDomains, [VALUES.BOT_DOMAIN]);
      for (const [name, data] of entries) assert.ok(!data.includes('${{'), `${name} has no placeholder left`);
      for (const icon of ['color.png', 'outline.png']) {
        assert.ok(entries.get(icon)!.equals(fs.readFileSync(path.join(DEFAULT_APP_DIR, icon))), icon);
      }
      assert.deepEqual(
        JSON.parse(entries.get('fr.json')!.toString('utf8')),
        JSON.parse(fs.readFileSync(path.join(DEFAULT_APP_DIR, 'fr.json'), 'utf8')),
      );
    });

    it('gives the same bytes for the same inputs', () => {
      const first = path.join(tmp, 'first.zip');
      const second = path.join(tmp, 'second.zip');
      buildAppPackage({
        appDir: DEFAULT_APP_DIR,
        out: first,
        schemaFile: DEFAULT_SCHEMA_FILE,
        values: VALUES,
      });
      buildAppPackage({
        appDir: DEFAULT_APP_DIR,
        out: second,
        schemaFile: DEFAULT_SCHEMA_FILE,
        values: VALUES,
      });
      assert.ok(fs.readFileSync(first).equals(fs.readFileSync(second)));
    });

    it('zip: deflates what compresses, stores what does not, and unzip agrees', function () {
      const noise = randomBytes(4096);
      const text = Buffer.from('room 4B stuck on licence\n'.repeat(200));
      const archive = createZip([
        { name: 'noise.bin', data: noise },
        { name: 'text.txt', data: text },
        { name: 'empty', data: Buffer.alloc(0) },
      ]);
      assert.equal(archive.readUInt16LE(8), 0, 'the noise, first entry, is stored');
      assert.ok(archive.length < noise.length + text.length, 'the text was compressed');
      const entries = readZip(archive);
      assert.ok(entries.get('noise.bin')?.equals(noise));
      assert.ok(entries.get('text.txt')?.equals(text));
      assert.equal(entries.get('empty')?.length, 0);

      // A second, independent reader, where the machine has one.
      const unzip = ['/usr/bin/unzip', '/bin/unzip'].find((candidate) => fs.existsSync(candidate));
      if (!unzip) this.skip();
      const file = path.join(tmp, 'check.zip');
      fs.writeFileSync(file, archive);
      const tested = spawnSync(unzip, ['-t', file], { encoding: 'utf8' });
      assert.equal(tested.status, 0, tested.stdout + tested.stderr);
      assert.match(tested.stdout, /No errors detected/);
    });
  });

  describe('refusals', () => {
    it('refuses a manifest that breaks the v1.29 schema, naming each property, and writes nothing', () => {
      const appDir = copyOfAppDir();
      editJson(path.join(appDir, 'manifest.json'), (manifest) => {
        delete manifest.accentColor;
        const bots = manifest.bots as { scopes: string[] }[];
        bots[0]!.scopes = ['personal', 'team', 'groupchat'];
      });
      const out = path.join(tmp, 'app.zip');
      const error = packageError(() =>
        buildAppPackage({ appDir, out, schemaFile: DEFAULT_SCHEMA_FILE, values: VALUES }),
      );
      assert.match(error.heading, /does not match the Teams manifest schema v1\.29; no package was written/);
      assert.ok(
        error.problems.some(
          (problem) => problem.startsWith('/bots/0/scopes/2:') && problem.includes('groupChat'),
        ),
        error.message,
      );
      assert.ok(
        error.problems.some((problem) => problem.includes("'accentColor'")),
        error.message,
      );
      assert.equal(fs.existsSync(out), false);
    });

    it('refuses a wrong-size or missing icon and a localization key that translates nothing', () => {
      const appDir = copyOfAppDir();
      fs.copyFileSync(path.join(appDir, 'color.png'), path.join(appDir, 'outline.png'));
      editJson(path.join(appDir, 'manifest.json'), (manifest) => {
        manifest.icons = { color: 'colour.png', outline: 'outline.png' };
      });
      editJson(path.join(appDir, 'fr.json'), (fr) => {
        fr['bots[0].commandLists[0].commands[7].title'] = 'fantôme';
      });
      const out = path.join(tmp, 'app.zip');
      const error = packageError(() =>
        buildAppPackage({ appDir, out, schemaFile: DEFAULT_SCHEMA_FILE, values: VALUES }),
      );
      assert.deepEqual(error.problems, [
        `colour.png: referenced by manifest.json but missing from ${appDir}`,
        'outline.png: the outline icon is 192x192, Teams requires 32x32',
        'fr.json: "bots[0].commandLists[0].commands[7].title" translates nothing: the manifest has no such string',
      ]);
      assert.equal(fs.existsSync(out), false);
    });

    it('says where the schema is expected when it is missing', () => {
      const missing = path.join(tmp, 'no-schema.json');
      const error = packageError(() =>
        buildAppPackage({
          appDir: DEFAULT_APP_DIR,
          out: path.join(tmp, 'a.zip'),
          schemaFile: missing,
          values: VALUES,
        }),
      );
      assert.ok(error.heading.includes(missing));
      assert.ok(error.problems.some((problem) => problem.includes('--schema')));
    });
  });

  describe('settings', () => {
    it('lists every missing setting with what it is', () => {
      const error = packageError(() =>
        resolveSettings([{ label: 'environment', values: { BOT_DOMAIN: '  ' } }]),
      );
      assert.match(
        error.heading,
        /set these in the environment or in a KEY=VALUE file passed with --env-file/,
      );
      assert.equal(error.problems.length, 3);
      assert.match(error.problems[0]!, /^TEAMS_APP_ID: the Teams app id, a GUID/);
      assert.match(
        error.problems[1]!,
        /^BOT_ID: the Microsoft Entra app \(client\) id of the Azure Bot.*MICROSOFT_APP_ID/,
      );
      assert.match(
        error.problems[2]!,
        /^BOT_DOMAIN: the host name the bot is reached at, without https:\/\//,
      );
    });

    it('rejects ids that are not GUIDs and a domain with a scheme, a path or a port, saying what to use', () => {
      const problems = (BOT_DOMAIN: string): readonly string[] =>
        packageError(() =>
          resolveSettings([
            { label: 'environment', values: { TEAMS_APP_ID: 'my-app', BOT_ID: VALUES.BOT_ID, BOT_DOMAIN } },
          ]),
        ).problems;
      const withScheme = problems('https://helpdesk.example.com/api/messages');
      assert.match(withScheme[0]!, /^TEAMS_APP_ID "my-app" is not a GUID/);
      assert.match(withScheme[1]!, /^BOT_DOMAIN .* without "https:\/\/": use "helpdesk\.example\.com"/);
      assert.match(problems('helpdesk.example.com/api')[1]!, /without a path: use "helpdesk\.example\.com"/);
      assert.match(problems('helpdesk.example.com:443')[1]!, /without a port: use "helpdesk\.example\.com"/);
      assert.match(problems('localhost')[1]!, /is not a host name/);
      assert.match(problems('bad_host.example.com')[1]!, /is not a host name/);
    });

    it('takes BOT_ID, else MICROSOFT_APP_ID, else MicrosoftAppId, and says where each value came from', () => {
      const base = { TEAMS_APP_ID: VALUES.TEAMS_APP_ID, BOT_DOMAIN: VALUES.BOT_DOMAIN };
      const other = '11111111-2222-4333-8444-555555555555';
      const fromBotId = resolveSettings([
        { label: 'environment', values: { ...base, BOT_ID: VALUES.BOT_ID, MICROSOFT_APP_ID: other } },
      ]);
      assert.equal(fromBotId.values.BOT_ID, VALUES.BOT_ID);
      const fallback = resolveSettings([
        { label: 'environment', values: { ...base, MICROSOFT_APP_ID: other, MicrosoftAppId: VALUES.BOT_ID } },
      ]);
      assert.equal(fallback.values.BOT_ID, other);
      assert.equal(fallback.origins.BOT_ID, 'environment MICROSOFT_APP_ID');
      const runtimeName = resolveSettings([
        { label: 'environment', values: { ...base, MicrosoftAppId: other } },
      ]);
      assert.equal(runtimeName.values.BOT_ID, other);
    });

    it('a value in the --env-file wins over the environment', () => {
      const settings = resolveSettings([
        { label: 'env/.env.dev', values: { BOT_DOMAIN: 'dev.example.com' } },
        { label: 'environment', values: { ...VALUES, BOT_DOMAIN: 'stale.example.com' } },
      ]);
      assert.equal(settings.values.BOT_DOMAIN, 'dev.example.com');
      assert.equal(settings.origins.BOT_DOMAIN, 'env/.env.dev BOT_DOMAIN');
      assert.equal(settings.origins.BOT_ID, 'environment BOT_ID');
    });

    it('reads KEY=VALUE files as the Agents Toolkit writes them, and names the line it cannot read', () => {
      const text = [
        '# Built-in environment variables',
        'TEAMSFX_ENV=dev',
        '',
        `export BOT_ID="${VALUES.BOT_ID}"`,
        `TEAMS_APP_ID='${VALUES.TEAMS_APP_ID}'`,
        'BOT_DOMAIN=helpdesk.example.com   # the tunnel',
        'EMPTY=',
      ].join('\r\n');
      assert.deepEqual(parseEnvFile(text, 'env/.env.dev'), {
        TEAMSFX_ENV: 'dev',
        BOT_ID: VALUES.BOT_ID,
        TEAMS_APP_ID: VALUES.TEAMS_APP_ID,
        BOT_DOMAIN: 'helpdesk.example.com',
        EMPTY: '',
      });
      const error = packageError(() => parseEnvFile('A=1\nthis is not a setting\n', 'env/.env.dev'));
      assert.deepEqual(error.problems, ['env/.env.dev:2: expected KEY=VALUE, found "this is not a setting"']);
    });
  });

  describe('placeholders and localization', () => {
    it('fills placeholders inside strings only, so no value can change the structure', () => {
      const document = { a: 'x-${{BOT_ID}}-y', list: ['${{ BOT_ID }}'], n: 1 };
      const tricky = '", "injected": "1';
      const result = fillPlaceholders(document, { BOT_ID: tricky }, 'manifest.json');
      assert.deepEqual(result, { a: `x-${tricky}-y`, list: [tricky], n: 1 });
      const error = packageError(() =>
        fillPlaceholders({ a: '${{APP_NAME_SUFFIX}}' }, VALUES, 'manifest.json'),
      );
      assert.deepEqual(error.problems, ['${{APP_NAME_SUFFIX}}']);
    });

    it('flags localization keys Teams does not accept, strings too long and required keys missing', () => {
      const manifest = {
        name: { short: 'Helpdesk Bot' },
        bots: [{ commandLists: [{ commands: [{ title: 'help' }] }] }],
      };
      const problems = localizationProblems(
        manifest,
        {
          'name.short': 'x'.repeat(31),
          'bots[0].commandLists[0].commands[0].title': 'aide',
          'bots[0].commandLists[0].commands[0].description': 'the manifest has no description here',
          accentColor: '#000000',
        },
        'fr.json',
      );
      assert.deepEqual(problems, [
        'fr.json: "name.short" is 31 characters long, at most 30 allowed',
        'fr.json: "bots[0].commandLists[0].commands[0].description" translates nothing: the manifest has no such string',
        'fr.json: "accentColor" is not a key a Teams localization file accepts here',
        'fr.json: "description.short" is required',
        'fr.json: "description.full" is required',
      ]);
    });
  });

  describe('command line', () => {
    it('--env-file and --out: writes the package and says where, with each value and its origin', () => {
      const envFile = path.join(tmp, '.env.dev');
      fs.writeFileSync(envFile, `TEAMS_APP_ID=${VALUES.TEAMS_APP_ID}\nBOT_DOMAIN=${VALUES.BOT_DOMAIN}\n`);
      const captured = captureIo();
      const code = main(
        ['--env-file', '.env.dev', '--out=out/app.zip'],
        { MICROSOFT_APP_ID: VALUES.BOT_ID },
        captured.io,
        tmp,
      );
      assert.equal(code, 0, captured.stderr);
      const out = path.join(tmp, 'out', 'app.zip');
      assert.deepEqual(
        [...readZip(fs.readFileSync(out)).keys()],
        ['manifest.json', 'color.png', 'outline.png', 'fr.json'],
      );
      assert.match(
        captured.stdout,
        /^Wrote out\/app\.zip: manifest\.json, color\.png, outline\.png, fr\.json\n/,
      );
      assert.match(
        captured.stdout,
        new RegExp(`BOT_ID +${VALUES.BOT_ID} +\\(environment MICROSOFT_APP_ID\\)`),
      );
      assert.match(
        captured.stdout,
        /BOT_DOMAIN +helpdesk-bot\.azurewebsites\.net +\(\.env\.dev BOT_DOMAIN\)/,
      );
      assert.equal(captured.stderr, '');
    });

    it('an unknown argument or a missing --env-file exits 1 with the reason', () => {
      const unknown = captureIo();
      assert.equal(main(['--output', 'x.zip'], VALUES, unknown.io, tmp), 1);
      assert.match(unknown.stderr, /^Unknown argument "--output"\.\n\nUsage: npm run package --/);
      const missing = captureIo();
      assert.equal(main(['--env-file', 'env/.env.nowhere'], VALUES, missing.io, tmp), 1);
      assert.equal(missing.stderr, '--env-file env/.env.nowhere: no such file.\n');
    });

    it('run without settings, exits 1 listing each missing variable, without a stack trace', () => {
      const out = path.join(tmp, 'never.zip');
      // Only PATH: the settings must not leak in from the environment the tests run in.
      const run = spawnSync(
        process.execPath,
        ['--require', 'tsx/cjs', path.join('scripts', 'package-app.ts'), '--out', out],
        { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 60_000 },
      );
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stdout, '');
      const lines = run.stderr.trimEnd().split('\n');
      assert.match(
        lines[0]!,
        /^Cannot package the Teams app: set these in the environment or in a KEY=VALUE file/,
      );
      assert.deepEqual(
        lines.slice(1).map((line) => /^- (\w+): /.exec(line)?.[1]),
        ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN'],
      );
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(fs.existsSync(out), false);
    });
  });
});
