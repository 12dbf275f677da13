import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildRecogniser, type Intent } from '../../bot/recognition';
import { drawColorIcon, drawOutlineIcon, encodePng, ICON_BACKGROUND } from '../../scripts/make-icons';
import { fillPlaceholders, localizationProblems } from '../../scripts/package-app';
import { decodePng, type DecodedPng } from './png-reader';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const APP_DIR = path.join(REPO_ROOT, 'appPackage');
// Read-only reference shared by the project's workspaces; never copied into the repository.
const SCHEMA_FILE = path.resolve(
  REPO_ROOT,
  '../shared/reference/teams-manifest/MicrosoftTeams.v1.29.schema.json',
);

const SAMPLE_VALUES = {
  TEAMS_APP_ID: '3f6c2a1e-8b4d-4c9a-9e21-7d5b0c4a6f10',
  BOT_ID: '0b7e4d2c-1a3f-4e5b-8c6d-9f0a1b2c3d4e',
  BOT_DOMAIN: 'helpdesk-bot.azurewebsites.net',
};

interface Command {
  title: string;
  description?: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Manifest {
  manifestVersion: string;
  id: string;
  accentColor: string;
  icons: { color: string; outline: string };
  localizationInfo?: {
    defaultLanguageTag: string;
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    isNotificationOnly?: boolean;
    commandLists: CommandList[];
  }[];
  validDomains: string[];
  webApplicationInfo?: unknown;
  authorization?: unknown;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(APP_DIR, file), 'utf8')) as T;
}

const raw = readJson<Manifest>('manifest.json');
const filled = fillPlaceholders(raw, SAMPLE_VALUES, 'manifest.json');
const bot = filled.bots[0]!;
const french = readJson<Record<string, string>>('fr.json');

function commandList(scope: string): CommandList {
  const lists = bot.commandLists.filter((list) => list.scopes.includes(scope));
  assert.equal(lists.length, 1, `exactly one command list for ${scope}`);
  return lists[0]!;
}

describe('app package: manifest', () => {
  it('uses exactly the TEAMS_APP_ID, BOT_ID and BOT_DOMAIN placeholders, where Teams reads those values', () => {
    const text = fs.readFileSync(path.join(APP_DIR, 'manifest.json'), 'utf8');
    const names = new Set([...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]));
    assert.deepEqual([...names].sort(), ['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    assert.equal(raw.id, '${{TEAMS_APP_ID}}');
    assert.equal(raw.bots[0]?.botId, '${{BOT_ID}}');
    assert.deepEqual(raw.validDomains, ['${{BOT_DOMAIN}}']);
    assert.equal(filled.id, SAMPLE_VALUES.TEAMS_APP_ID);
    assert.equal(bot.botId, SAMPLE_VALUES.BOT_ID);
    assert.deepEqual(filled.validDomains, [SAMPLE_VALUES.BOT_DOMAIN]);
    assert.doesNotMatch(JSON.stringify(filled), /\$\{\{/);
  });

  it('matches the official Teams manifest schema v1.29 once the placeholders are filled', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    // Declared draft-04 (not bundled with Ajv 8) but written with keywords that mean the same in Ajv's default.
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.equal(filled.manifestVersion, '1.29');
    assert.ok(validate(filled), JSON.stringify(validate.errors, null, 2));
    // The same validator rejects the unfilled template (placeholders are not GUIDs): it really checks.
    assert.equal(validate(raw), false);
    assert.ok(validate.errors?.some((error) => error.instancePath === '/id'));
  });

  it('is a conversational bot for personal chats, teams and group chats, without files', () => {
    assert.equal(filled.bots.length, 1);
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.supportsFiles, false);
    assert.equal(bot.isNotificationOnly, false);
  });

  it('offers help and status everywhere, and the helpdesk commands cases and fleet in teams and group chats', () => {
    assert.equal(bot.commandLists.length, 3);
    for (const list of bot.commandLists) assert.equal(list.scopes.length, 1, 'one command list per scope');
    const titles = (scope: string): string[] => commandList(scope).commands.map((command) => command.title);
    assert.deepEqual(titles('personal'), ['help', 'status']);
    assert.deepEqual(titles('team'), ['help', 'status', 'cases', 'fleet']);
    assert.deepEqual(titles('groupChat'), ['help', 'status', 'cases', 'fleet']);
  });

  it('describes every command in English within the lengths Teams shows', () => {
    for (const list of bot.commandLists) {
      for (const command of list.commands) {
        // 32 and 128 are the localization schema's limits, stricter than the manifest's.
        assert.ok(command.title.length <= 32, command.title);
        assert.ok(
          command.description && command.description.trim().length > 0,
          `${command.title}: no description`,
        );
        assert.ok(command.description.length <= 128, `${command.title}: description too long`);
        assert.doesNotMatch(command.description, /[àâçéèêëîïôûùüÿœæ«»]/i, `${command.title}: not English`);
      }
    }
  });

  it('command titles are words the bot understands as those commands, in English and in French', () => {
    const recogniser = buildRecogniser({ rooms: [], people: [] });
    const expected: Record<string, Intent> = {
      help: 'help',
      status: 'case-status',
      cases: 'case-status',
      fleet: 'fleet',
    };
    let checked = 0;
    bot.commandLists.forEach((list, i) => {
      list.commands.forEach((command, j) => {
        const intent = expected[command.title];
        const frenchTitle = french[`bots[0].commandLists[${i}].commands[${j}].title`];
        if (!intent) {
          assert.equal(
            frenchTitle,
            undefined,
            `${command.title} must not get a French title the bot ignores`,
          );
          return;
        }
        assert.equal(recogniser.recognise(command.title).intent, intent, command.title);
        assert.ok(frenchTitle, `${command.title} has a French title`);
        const recognised = recogniser.recognise(frenchTitle);
        assert.equal(recognised.intent, intent, frenchTitle);
        assert.equal(recognised.locale, 'fr', `${frenchTitle} is read as French`);
        checked++;
      });
    });
    assert.equal(checked, 10);
  });

  it('asks for no single sign-on and no resource-specific consent: the bot reads Graph as itself', () => {
    assert.equal(filled.webApplicationInfo, undefined);
    assert.equal(filled.authorization, undefined);
  });

  it('declares English as the default language and French in fr.json', () => {
    assert.equal(filled.localizationInfo?.defaultLanguageTag, 'en-us');
    assert.deepEqual(filled.localizationInfo?.additionalLanguages, [{ languageTag: 'fr', file: 'fr.json' }]);
    assert.ok(fs.existsSync(path.join(APP_DIR, 'fr.json')));
  });
});

describe('app package: French localization (fr.json)', () => {
  it('translates only strings the manifest has, within the localization limits', () => {
    assert.deepEqual(localizationProblems(filled, french, 'fr.json'), []);
    for (const key of Object.keys(french)) {
      assert.match(
        key,
        /^(\$schema|name\.(short|full)|description\.(short|full)|bots\[0\]\.commandLists\[\d\]\.commands\[\d\]\.(title|description))$/,
      );
    }
  });

  it('has a French name, description and description of every command', () => {
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      assert.ok(french[key]?.trim(), `${key} is translated`);
    }
    assert.notEqual(
      french['description.short'],
      'Diagnoses Teams Rooms and Teams phones and drives the repair.',
    );
    bot.commandLists.forEach((list, i) => {
      list.commands.forEach((command, j) => {
        const key = `bots[0].commandLists[${i}].commands[${j}].description`;
        assert.ok(french[key], `${key} (${command.title}) is translated`);
        assert.notEqual(french[key], command.description, `${key} differs from the English`);
      });
    });
  });

  it('gives the same command the same words in every scope', () => {
    const byTitle = new Map<string, string>();
    bot.commandLists.forEach((list, i) => {
      list.commands.forEach((command, j) => {
        const prefix = `bots[0].commandLists[${i}].commands[${j}]`;
        const words = `${french[`${prefix}.title`] ?? command.title} / ${french[`${prefix}.description`]}`;
        const seen = byTitle.get(command.title);
        if (seen) assert.equal(words, seen, command.title);
        else byTitle.set(command.title, words);
      });
    });
  });
});

describe('app package: icons', () => {
  function icon(file: string): DecodedPng {
    return decodePng(fs.readFileSync(path.join(APP_DIR, file)));
  }

  function pixel(image: DecodedPng, x: number, y: number): number[] {
    const at = (y * image.width + x) * 4;
    return [...image.pixels.subarray(at, at + 4)];
  }

  it('colour icon: 192x192, opaque, a white symbol on a full-bleed accent colour background', () => {
    const color = icon(filled.icons.color);
    assert.equal(color.width, 192);
    assert.equal(color.height, 192);
    assert.equal(filled.accentColor.toUpperCase(), ICON_BACKGROUND.toUpperCase());
    const background = [1, 3, 5].map((at) => Number.parseInt(ICON_BACKGROUND.slice(at, at + 2), 16));
    let white = 0;
    for (let y = 0; y < 192; y++) {
      for (let x = 0; x < 192; x++) {
        const [r, g, b, a] = pixel(color, x, y);
        assert.equal(a, 255, `pixel ${x},${y} is opaque`);
        if (r === 255 && g === 255 && b === 255) white++;
        // Teams rounds the icon's corners: the symbol keeps out of a 24-pixel border, which is all background.
        if (x < 24 || y < 24 || x >= 168 || y >= 168)
          assert.deepEqual([r, g, b], background, `pixel ${x},${y}`);
      }
    }
    assert.ok(white > 192 * 192 * 0.05, `a visible symbol (${white} white pixels)`);
  });

  it('outline icon: 32x32, white on a transparent background, each pixel fully one or the other', () => {
    const outline = icon(filled.icons.outline);
    assert.equal(outline.width, 32);
    assert.equal(outline.height, 32);
    assert.equal(outline.colorType, 6, 'RGBA');
    let opaque = 0;
    let transparent = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = pixel(outline, x, y);
        if (a === 0) transparent++;
        else {
          assert.equal(a, 255, `pixel ${x},${y}: alpha ${a}`);
          assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${x},${y} is white`);
          opaque++;
        }
      }
    }
    assert.ok(opaque > 32 * 32 * 0.1, `a visible symbol (${opaque} white pixels)`);
    assert.ok(transparent > 32 * 32 * 0.3, `a transparent background (${transparent} pixels)`);
    assert.deepEqual(pixel(outline, 0, 0).slice(3), [0], 'the corner is transparent');
  });

  it('the committed icons are exactly what scripts/make-icons.ts draws', () => {
    for (const [file, drawn] of [
      [filled.icons.color, drawColorIcon()],
      [filled.icons.outline, drawOutlineIcon()],
    ] as const) {
      const committed = icon(file);
      assert.deepEqual([committed.width, committed.height], [drawn.width, drawn.height], file);
      assert.ok(committed.pixels.equals(drawn.pixels), `${file} differs: run npx tsx scripts/make-icons.ts`);
      assert.ok(decodePng(encodePng(drawn)).pixels.equals(drawn.pixels), `${file} survives encoding`);
    }
  });
});
