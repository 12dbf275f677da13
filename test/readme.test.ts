import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../bot/config';

const REPO_ROOT = join(__dirname, '..');
const read = (file: string): string => readFileSync(join(REPO_ROOT, file), 'utf8');

/** The lines of the README section under `heading` (up to the next heading of the same or a higher level). */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `README has "${heading}"`);
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const end = lines.findIndex(
    (line, i) => i > start && /^#+ /.test(line) && (/^#+/.exec(line)?.[0].length ?? 0) <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The rows of the first table in `lines`, as cells, without the header and separator rows. */
function tableRows(lines: string[]): string[][] {
  const first = lines.findIndex((l) => l.startsWith('|'));
  assert.ok(first >= 0, 'the section has a table');
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** Setting names in the first column of the README's settings table. */
function documentedSettings(): { names: Set<string>; rows: string[][] } {
  const rows = tableRows(section(read('README.md'), '## Settings'));
  const names = new Set<string>();
  for (const row of rows) {
    const found = [...(row[0] ?? '').matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1] ?? '');
    assert.ok(found.length > 0, `a settings row names its variable: ${row.join(' | ')}`);
    found.forEach((n) => names.add(n));
  }
  return { names, rows };
}

/** Names bot/config.ts reads through its helpers or `env` directly, from its source. */
function namesInConfigSource(): Set<string> {
  const src = read('bot/config.ts');
  const names = new Set<string>();
  for (const m of src.matchAll(/\b(?:str|int|bool|duration)\(\s*'([A-Za-z_][A-Za-z0-9_]*)'/g))
    names.add(m[1] ?? '');
  for (const m of src.matchAll(/\benv\[\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*\]/g)) names.add(m[1] ?? '');
  for (const m of src.matchAll(/\benv\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1] ?? '');
  names.delete('');
  return names;
}

/**
 * Names loadConfig actually asks its environment for, over profiles that take each branch (production, every
 * Graph and Bot Framework authentication, each store): catches a read the source scan would not recognise.
 */
function namesReadAtRunTime(): Set<string> {
  const GUID = '11111111-2222-4333-8444-555555555555';
  const profiles: Record<string, string>[] = [
    {},
    { GRAPH_BASE_URL: 'http://127.0.0.1:5005' },
    { NODE_ENV: 'production' },
    { MicrosoftAppId: GUID },
    { MicrosoftAppId: GUID, MicrosoftAppType: 'SingleTenant' },
    { MicrosoftAppId: GUID, MicrosoftAppType: 'UserAssignedMSI' },
    { GRAPH_AUTH: 'client-secret' },
    { GRAPH_AUTH: 'certificate' },
    { STORE: 'azure-tables' },
    { FLEET_SCAN_INTERVAL: 'PT1H', ROOM_ACCOUNT_PATTERN: '^room-' },
  ];
  const names = new Set<string>();
  for (const values of profiles) {
    const env = new Proxy(values, {
      get(target, key) {
        if (typeof key === 'string') names.add(key);
        return target[key as string];
      },
    });
    try {
      loadConfig(env);
    } catch {
      // Incomplete profiles are refused; what they read is what counts here.
    }
  }
  return names;
}

describe('README', () => {
  it('lists every setting bot/config.ts reads in its settings table, and nothing else', () => {
    const { names: documented } = documentedSettings();
    const fromSource = namesInConfigSource();
    const atRunTime = namesReadAtRunTime();
    for (const name of ['PORT', 'MicrosoftAppId', 'GRAPH_CLIENT_SECRET', 'AZURE_TABLES_ENDPOINT']) {
      assert.ok(fromSource.has(name) && atRunTime.has(name), `the scans find ${name}`);
    }
    const read = new Set([...fromSource, ...atRunTime]);
    assert.deepEqual(
      [...read].filter((n) => !documented.has(n)).sort(),
      [],
      'settings read by bot/config.ts missing from the README settings table',
    );
    assert.deepEqual(
      [...documented].filter((n) => !read.has(n)).sort(),
      [],
      'README settings that bot/config.ts does not read',
    );
  });

  it('gives every setting a meaning', () => {
    for (const row of documentedSettings().rows) {
      assert.equal(row.length, 3, `three columns: ${row.join(' | ')}`);
      assert.ok((row[2] ?? '').length > 10, `${row[0]} has a meaning`);
    }
  });

  it('lists exactly the Graph permissions of infra/graph-permissions.json in the install guide', () => {
    const file = JSON.parse(read('infra/graph-permissions.json')) as {
      permissions: { name: string; onlyWith?: string }[];
    };
    const rows = tableRows(section(read('README.md'), '### 2. Grant the Microsoft Graph permissions'));
    const listed = rows.map((r) => /^`([A-Za-z.]+)`$/.exec(r[0] ?? '')?.[1]);
    assert.deepEqual(listed.sort(), file.permissions.map((p) => p.name).sort());
    for (const p of file.permissions.filter((x) => x.onlyWith)) {
      const row = rows.find((r) => r[0] === `\`${p.name}\``);
      assert.match(
        row?.[1] ?? '',
        new RegExp(`only with \`${p.onlyWith}\``),
        `${p.name} says when it is needed`,
      );
    }
  });
});
