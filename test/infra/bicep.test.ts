import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ManagedIdentityCredential } from '@azure/identity';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../bot/config';
import { createGraphCredential } from '../../bot/graph/credentials';

// The Bicep CLI is not available here, so these tests read infra/main.bicep as text: its structure, the settings it
// gives the bot (fed to the bot's own loadConfig), and how the Agents Toolkit project file and the parameters file
// fit it.

const ROOT = resolve(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

const STORAGE_TABLE_DATA_CONTRIBUTOR = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3';

/** App settings that are not for the bot but for App Service itself, with why they are set. */
const PLATFORM_SETTINGS: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service runs a build after the Agents Toolkit uploads the zip',
  CUSTOM_BUILD_COMMAND: 'that build installs the production dependencies on Linux (better-sqlite3 is native)',
};

/** Settings the Bicep may set ahead of bot/config.ts reading them (none today: keep it that way). */
const PENDING_SETTINGS = new Set<string>();

// ---------------------------------------------------------------------------------------------------------------------
// A small reader for the parts of Bicep this template uses
// ---------------------------------------------------------------------------------------------------------------------

/** Removes // and /* *\/ comments, leaving strings ('...' with \' escapes) and line breaks alone. */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      const skipped = src.slice(i, end < 0 ? src.length : end + 2);
      out += skipped.replace(/[^\n]/g, '');
      i = end < 0 ? src.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The text between the brace at `open` and its partner, braces in strings ignored. */
function braceBlock(src: string, open: number): string {
  assert.equal(src[open], '{', `a block starts at offset ${open}`);
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "'") {
      i++;
      while (i < src.length && src[i] !== "'") i += src[i] === '\\' ? 2 : 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return src.slice(open + 1, i);
  }
  throw new Error(`unbalanced braces from offset ${open}`);
}

/** The value of `key:` in a block, at any depth, as written (trimmed). */
function prop(block: string, key: string): string | undefined {
  return new RegExp(`^\\s*'?${key}'?\\s*:\\s*(.+?)\\s*$`, 'm').exec(block)?.[1];
}

/** The block value of `key: { ... }` inside a block. */
function subBlock(block: string, key: string): string {
  const m = new RegExp(`^\\s*${key}\\s*:\\s*\\{`, 'm').exec(block);
  assert.ok(m, `a "${key}: { ... }" block`);
  return braceBlock(block, m.index + m[0].length - 1);
}

interface Param {
  name: string;
  type: string;
  defaultValue: string | undefined;
  decorators: string[];
}
interface Resource {
  symbol: string;
  type: string;
  apiVersion: string;
  body: string;
}
interface Output {
  name: string;
  type: string;
  expression: string;
  decorators: string[];
}

interface Template {
  source: string;
  params: Map<string, Param>;
  vars: Map<string, string>;
  resources: Resource[];
  outputs: Map<string, Output>;
}

function readTemplate(path: string): Template {
  const source = stripComments(read(path));
  const lines = source.split('\n');
  const decoratorsAbove = (index: number): string[] => {
    const found: string[] = [];
    for (let i = index - 1; i >= 0 && (lines[i] ?? '').trim().startsWith('@'); i--) {
      found.unshift((lines[i] ?? '').trim());
    }
    return found;
  };
  const params = new Map<string, Param>();
  const vars = new Map<string, string>();
  const outputs = new Map<string, Output>();
  lines.forEach((line, index) => {
    let m = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+?))?\s*$/.exec(line);
    if (m?.[1] && m[2]) {
      params.set(m[1], { name: m[1], type: m[2], defaultValue: m[3], decorators: decoratorsAbove(index) });
    }
    m = /^var\s+(\w+)\s*=\s*(.+?)\s*$/.exec(line);
    if (m?.[1] && m[2]) vars.set(m[1], m[2]);
    m = /^output\s+(\w+)\s+(\w+)\s*=\s*(.+?)\s*$/.exec(line);
    if (m?.[1] && m[2] && m[3]) {
      outputs.set(m[1], { name: m[1], type: m[2], expression: m[3], decorators: decoratorsAbove(index) });
    }
  });
  const resources: Resource[] = [];
  for (const m of source.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*=\s*(?:if\s*\(.*?\)\s*)?\{/gm)) {
    const [whole, symbol, type, apiVersion] = m;
    if (!symbol || !type || !apiVersion) continue;
    resources.push({ symbol, type, apiVersion, body: braceBlock(source, m.index + whole.length - 1) });
  }
  return { source, params, vars, resources, outputs };
}

function theResource(t: Template, type: string, where: (r: Resource) => boolean = () => true): Resource {
  const found = t.resources.filter((r) => r.type === type && where(r));
  assert.equal(found.length, 1, `exactly one ${type} resource`);
  return found[0] as Resource;
}

/** The string a single-quoted Bicep literal stands for, or undefined for any other expression. */
function literal(expression: string | undefined): string | undefined {
  const m = /^'((?:[^'\\]|\\.)*)'$/.exec(expression ?? '');
  return m?.[1]?.replace(/\\(.)/g, '$1');
}

/** The names of the environment variables bot/config.ts reads. */
function settingsTheBotReads(): Set<string> {
  const src = read('bot/config.ts');
  const names = new Set<string>();
  for (const m of src.matchAll(/\b(?:str|int|bool|duration)\(\s*'([A-Za-z_][A-Za-z0-9_]*)'/g))
    names.add(m[1] ?? '');
  for (const m of src.matchAll(/\benv\[\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*\]/g)) names.add(m[1] ?? '');
  for (const m of src.matchAll(/\benv\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1] ?? '');
  names.delete('');
  return names;
}

/** `KEY: expression` pairs of the web app's appsettings resource, in order. */
function appSettings(t: Template): Map<string, string> {
  const config = theResource(
    t,
    'Microsoft.Web/sites/config',
    (r) => literal(prop(r.body, 'name')) === 'appsettings',
  );
  const settings = new Map<string, string>();
  for (const line of subBlock(config.body, 'properties').split('\n')) {
    const m = /^\s*'?([A-Za-z_][A-Za-z0-9_]*)'?\s*:\s*(.+?)\s*$/.exec(line);
    if (!m?.[1] || !m[2]) continue;
    assert.ok(!settings.has(m[1]), `${m[1]} is set once`);
    settings.set(m[1], m[2]);
  }
  return settings;
}

/** Variable names used in a file as `${{NAME}}` (Agents Toolkit placeholders). */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1] ?? '');
}

/** Names defined in a dotenv file. */
function dotenvNames(path: string): Set<string> {
  return new Set([...read(path).matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1] ?? ''));
}

const template = readTemplate('infra/main.bicep');

// ---------------------------------------------------------------------------------------------------------------------

describe('infra/main.bicep', () => {
  const identity = theResource(template, 'Microsoft.ManagedIdentity/userAssignedIdentities');
  const webApp = theResource(template, 'Microsoft.Web/sites');
  const storage = theResource(template, 'Microsoft.Storage/storageAccounts');
  const bot = theResource(template, 'Microsoft.BotService/botServices');

  describe('parameters and outputs', () => {
    it('puts a non-empty @description(...) on every parameter', () => {
      assert.ok(template.params.size >= 5, 'the reader found the parameters');
      for (const p of template.params.values()) {
        const description = p.decorators.find((d) => d.startsWith('@description('));
        assert.ok(
          description,
          `param ${p.name} has @description(...) right above it (single-line decorators only)`,
        );
        assert.match(description, /^@description\('.{10,}'\)$/, `param ${p.name} is described in a sentence`);
      }
    });

    it('has no secret: no @secure(), no listKeys(), no parameter or output named like a credential', () => {
      assert.doesNotMatch(template.source, /@secure\s*\(/);
      assert.doesNotMatch(template.source, /\blist(Keys|AccountSas|ServiceSas|ConnectionStrings)\s*\(/i);
      const credentialLike = /secret|password|passwd|key|token|connection_?string|credential|sas/i;
      for (const name of [...template.params.keys(), ...template.outputs.keys()]) {
        assert.doesNotMatch(name, credentialLike, `${name} does not look like a credential`);
      }
    });

    it('lets the instance count go from one to at least two', () => {
      const plan = theResource(template, 'Microsoft.Web/serverfarms');
      const capacity = prop(subBlock(plan.body, 'sku'), 'capacity') ?? '';
      const param = template.params.get(capacity);
      assert.ok(param, `the plan's capacity is a parameter (found "${capacity}")`);
      assert.equal(param.type, 'int');
      const min = Number(
        /^@minValue\((\d+)\)$/.exec(param.decorators.find((d) => d.startsWith('@minValue')) ?? '')?.[1],
      );
      const max = Number(
        /^@maxValue\((\d+)\)$/.exec(param.decorators.find((d) => d.startsWith('@maxValue')) ?? '')?.[1],
      );
      assert.equal(min, 1);
      assert.ok(max >= 2, `@maxValue allows two instances (found ${max})`);
      const defaultValue = Number(param.defaultValue);
      assert.ok(defaultValue >= min && defaultValue <= max, 'the default is within the bounds');
    });

    it('outputs what the Agents Toolkit and the permissions script need', () => {
      const expected: Record<string, string> = {
        BOT_ID: `${identity.symbol}.properties.clientId`,
        BOT_DOMAIN: `${webApp.symbol}.properties.defaultHostName`,
        BOT_AZURE_APP_SERVICE_RESOURCE_ID: `${webApp.symbol}.id`,
        MANAGED_IDENTITY_CLIENT_ID: `${identity.symbol}.properties.clientId`,
        MANAGED_IDENTITY_PRINCIPAL_ID: `${identity.symbol}.properties.principalId`,
        MANAGED_IDENTITY_RESOURCE_ID: `${identity.symbol}.id`,
        BOT_SERVICE_RESOURCE_ID: `${bot.symbol}.id`,
        STORAGE_ACCOUNT_RESOURCE_ID: `${storage.symbol}.id`,
      };
      for (const [name, expression] of Object.entries(expected)) {
        assert.equal(template.outputs.get(name)?.expression, expression, `output ${name}`);
      }
      for (const o of template.outputs.values()) {
        assert.equal(o.type, 'string', `output ${o.name} is a string (the toolkit writes it to a .env file)`);
        assert.ok(
          o.decorators.some((d) => d.startsWith('@description(')),
          `output ${o.name} is described`,
        );
      }
    });
  });

  describe('resources', () => {
    it('hosts the bot on Linux App Service, Node.js 20, with the health check the bot serves', () => {
      const plan = theResource(template, 'Microsoft.Web/serverfarms');
      assert.equal(prop(plan.body, 'kind'), "'linux'");
      assert.equal(prop(plan.body, 'reserved'), 'true');
      assert.equal(prop(webApp.body, 'serverFarmId'), `${plan.symbol}.id`);
      assert.equal(prop(webApp.body, 'httpsOnly'), 'true');
      const site = subBlock(webApp.body, 'siteConfig');
      assert.match(literal(prop(site, 'linuxFxVersion')) ?? '', /^NODE\|20(-lts)?$/);
      assert.equal(prop(site, 'alwaysOn'), 'true');
      assert.equal(prop(site, 'minTlsVersion'), "'1.2'");
      assert.equal(prop(site, 'ftpsState'), "'Disabled'");
      const healthPath = literal(prop(site, 'healthCheckPath'));
      assert.equal(healthPath, '/healthz');
      assert.match(
        read('bot/server.ts'),
        new RegExp(`server\\.get\\('${healthPath}'`),
        'the bot answers GET /healthz',
      );
    });

    it('starts the compiled entry point that `npm run build` produces', () => {
      const command = literal(prop(subBlock(webApp.body, 'siteConfig'), 'appCommandLine'));
      assert.equal(command, 'node dist/bot/index.js');
      const build = JSON.parse(read('tsconfig.build.json')) as { extends?: string; include?: string[] };
      const base = JSON.parse(read('tsconfig.json')) as {
        compilerOptions?: { outDir?: string; rootDir?: string };
      };
      assert.equal(build.extends, './tsconfig.json');
      assert.ok(build.include?.includes('bot'), 'the build compiles bot/');
      assert.equal(base.compilerOptions?.outDir, 'dist');
      assert.equal(base.compilerOptions?.rootDir, '.');
      assert.match(
        read('bot/index.ts'),
        /if \(require\.main === module\)/,
        'bot/index.ts runs when started directly',
      );
      const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
      assert.match(scripts.build ?? '', /tsc -p tsconfig\.build\.json/);
    });

    it('attaches the user-assigned identity to the web app', () => {
      const assigned = subBlock(webApp.body, 'identity');
      assert.equal(prop(assigned, 'type'), "'UserAssigned'");
      assert.match(
        subBlock(assigned, 'userAssignedIdentities'),
        new RegExp(`'\\$\\{${identity.symbol}\\.id\\}'\\s*:\\s*\\{\\}`),
      );
    });

    it('registers an Azure Bot that authenticates with that identity, with the Teams channel', () => {
      assert.equal(prop(bot.body, 'kind'), "'azurebot'");
      assert.equal(prop(bot.body, 'location'), "'global'");
      const skuParam = template.params.get(prop(subBlock(bot.body, 'sku'), 'name') ?? '');
      assert.ok(skuParam, 'the bot SKU is a parameter');
      const properties = subBlock(bot.body, 'properties');
      assert.equal(prop(properties, 'msaAppType'), "'UserAssignedMSI'");
      assert.equal(prop(properties, 'msaAppId'), `${identity.symbol}.properties.clientId`);
      assert.equal(prop(properties, 'msaAppMSIResourceId'), `${identity.symbol}.id`);
      assert.equal(prop(properties, 'msaAppTenantId'), `${identity.symbol}.properties.tenantId`);
      assert.equal(
        prop(properties, 'endpoint'),
        `'https://\${${webApp.symbol}.properties.defaultHostName}/api/messages'`,
      );
      assert.match(
        read('bot/server.ts'),
        /server\.post\('\/api\/messages'/,
        'the bot listens on /api/messages',
      );

      const channel = theResource(template, 'Microsoft.BotService/botServices/channels');
      assert.equal(prop(channel.body, 'parent'), bot.symbol);
      assert.equal(literal(prop(channel.body, 'name')), 'MsTeamsChannel');
      assert.equal(literal(prop(channel.body, 'channelName')), 'MsTeamsChannel');
      assert.equal(prop(channel.body, 'isEnabled'), 'true');
    });

    it('keeps the storage account keyless and private, reachable over TLS 1.2 only', () => {
      assert.equal(prop(storage.body, 'kind'), "'StorageV2'");
      assert.equal(prop(storage.body, 'allowSharedKeyAccess'), 'false');
      assert.equal(prop(storage.body, 'allowBlobPublicAccess'), 'false');
      assert.equal(prop(storage.body, 'minimumTlsVersion'), "'TLS1_2'");
      assert.equal(prop(storage.body, 'supportsHttpsTrafficOnly'), 'true');
    });

    it('lets the identity use Table Storage through a role on that account only', () => {
      const assignments = template.resources.filter(
        (r) =>
          r.type === 'Microsoft.Authorization/roleAssignments' && prop(r.body, 'scope') === storage.symbol,
      );
      assert.equal(assignments.length, 1, 'one role assignment on the storage account');
      const body = assignments[0]?.body ?? '';
      const roleVar = [...template.vars].find(
        ([, value]) => literal(value) === STORAGE_TABLE_DATA_CONTRIBUTOR,
      )?.[0];
      assert.ok(roleVar, 'the Storage Table Data Contributor role id is in the template');
      assert.match(prop(body, 'roleDefinitionId') ?? '', new RegExp(`roleDefinitions', ${roleVar}\\)$`));
      assert.equal(prop(body, 'principalId'), `${identity.symbol}.properties.principalId`);
      assert.equal(prop(body, 'principalType'), "'ServicePrincipal'");
    });

    it('sends telemetry to a workspace-based Application Insights', () => {
      const workspace = theResource(template, 'Microsoft.OperationalInsights/workspaces');
      const insights = theResource(template, 'Microsoft.Insights/components');
      assert.equal(prop(insights.body, 'WorkspaceResourceId'), `${workspace.symbol}.id`);
    });
  });

  describe('app settings', () => {
    const settings = appSettings(template);
    const botReads = settingsTheBotReads();

    it('reads the setting names from bot/config.ts', () => {
      for (const name of [
        'MicrosoftAppId',
        'MicrosoftAppType',
        'GRAPH_AUTH',
        'STORE',
        'AZURE_TABLES_ENDPOINT',
      ]) {
        assert.ok(botReads.has(name), `found ${name} in bot/config.ts`);
      }
    });

    it('sets only settings the bot reads, apart from the App Service build ones', () => {
      const unknown = [...settings.keys()].filter(
        (name) => !botReads.has(name) && !(name in PLATFORM_SETTINGS) && !PENDING_SETTINGS.has(name),
      );
      assert.deepEqual(unknown, [], 'every app setting is read by bot/config.ts (check the spelling)');
      for (const name of [...Object.keys(PLATFORM_SETTINGS), ...PENDING_SETTINGS]) {
        assert.ok(settings.has(name), `${name} is still set (otherwise drop it from this test's lists)`);
      }
    });

    it('uses the same managed identity for the Bot Framework, Graph and Table Storage', () => {
      const clientId = `${identity.symbol}.properties.clientId`;
      assert.equal(settings.get('MicrosoftAppId'), clientId);
      assert.equal(settings.get('GRAPH_CLIENT_ID'), clientId);
      assert.equal(settings.get('AZURE_CLIENT_ID'), clientId);
      assert.equal(settings.get('MicrosoftAppTenantId'), `${identity.symbol}.properties.tenantId`);
      for (const [name, expression] of settings) {
        assert.doesNotMatch(expression, /listKeys|AccountKey|SharedAccessSignature/i, `${name} holds no key`);
      }
    });

    it('gives the bot a configuration it accepts: production, managed identity everywhere, Azure Tables', () => {
      const clientId = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
      const tenantId = '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b';
      const groupId = '0f3e2d1c-9b8a-4765-8c4d-3e2f1a0b9c8d';
      const endpoint = 'https://helpdeskdevabcdefghijklm.table.core.windows.net';
      // What the expressions evaluate to in Azure; literals are taken as written.
      const evaluated: Record<string, string> = {
        [`${identity.symbol}.properties.clientId`]: clientId,
        [`${identity.symbol}.properties.tenantId`]: tenantId,
        acceptedTenantIds: tenantId,
        tableEndpoint: endpoint,
        tablePrefix: 'helpdesk',
        helpdeskGroupId: groupId,
        helpdeskUserIds: '',
        "requireApproval ? 'true' : 'false'": 'false',
        logLevel: 'info',
        'appInsights.properties.ConnectionString': 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      };
      const env: Record<string, string> = {};
      for (const [name, expression] of settings) {
        const value = literal(expression) ?? evaluated[expression];
        assert.ok(value !== undefined, `${name}: add a sample value for "${expression}" to this test`);
        env[name] = value;
      }

      const config = loadConfig(env);
      assert.equal(config.production, true);
      assert.equal(config.host, '0.0.0.0', 'listens on every interface, as App Service needs');
      assert.deepEqual(config.bot, { kind: 'user-assigned-msi', appId: clientId, tenantId });
      assert.deepEqual([...config.allowedTenantIds], [tenantId]);
      assert.equal(config.graph.baseUrl, 'https://graph.microsoft.com');
      assert.deepEqual(config.graph.auth, { kind: 'managed-identity', clientId });
      assert.ok(createGraphCredential(config.graph.auth) instanceof ManagedIdentityCredential);
      assert.deepEqual(config.store, {
        kind: 'azure-tables',
        endpoint,
        managedIdentityClientId: clientId,
        tablePrefix: 'helpdesk',
      });
      assert.equal(config.helpdesk.groupId, groupId);
      assert.equal(config.cases.requireApproval, false);
    });

    it('points the bot at a table endpoint without a trailing slash', () => {
      const expression = template.vars.get(settings.get('AZURE_TABLES_ENDPOINT') ?? '') ?? '';
      assert.match(expression, /^'https:\/\/\$\{\w+\}\.table\.\$\{environment\(\)\.suffixes\.storage\}'$/);
    });
  });
});

describe('infra/main.parameters.json', () => {
  const file = JSON.parse(read('infra/main.parameters.json')) as {
    parameters: Record<string, { value: unknown }>;
  };
  const given = Object.keys(file.parameters);

  it('gives every required parameter and no unknown one', () => {
    const required = [...template.params.values()]
      .filter((p) => p.defaultValue === undefined)
      .map((p) => p.name);
    assert.ok(required.includes('resourceBaseName'));
    for (const name of required) assert.ok(given.includes(name), `the parameters file gives ${name}`);
    for (const name of given) assert.ok(template.params.has(name), `${name} is a parameter of main.bicep`);
  });

  it('fills placeholders only from variables the dev environment defines', () => {
    const defined = dotenvNames('env/.env.dev');
    const used = placeholders(read('infra/main.parameters.json'));
    assert.ok(used.length > 0);
    for (const name of used) assert.ok(defined.has(name), `env/.env.dev defines ${name}`);
    const jsonType: Record<string, string> = {
      string: 'string',
      int: 'number',
      bool: 'boolean',
      object: 'object',
    };
    for (const [name, { value }] of Object.entries(file.parameters)) {
      const type = template.params.get(name)?.type ?? '';
      assert.equal(typeof value, jsonType[type], `${name} is given as a ${type}`);
    }
  });
});

describe('m365agents.yml', () => {
  interface Step {
    uses: string;
    with?: Record<string, unknown>;
    writeToEnvironmentFile?: Record<string, string>;
  }
  const text = read('m365agents.yml');
  const project = parseYaml(text) as {
    version: string;
    environmentFolderPath: string;
    provision: Step[];
    deploy: Step[];
    publish?: Step[];
  };
  const steps = [...project.provision, ...project.deploy, ...(project.publish ?? [])];
  const withString = (step: Step | undefined, key: string): string => {
    const value = step?.with?.[key];
    assert.equal(typeof value, 'string', `${step?.uses ?? 'step'} has with.${key}`);
    return value as string;
  };
  const file = (path: string): string => join(ROOT, path);

  it('declares the schema version it is written for', () => {
    const schema =
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/(v1\.\d+)\/yaml\.schema\.json$/m.exec(
        text,
      );
    assert.ok(schema, 'a $schema comment');
    assert.equal(project.version, schema[1]);
    assert.ok(existsSync(join(file(project.environmentFolderPath), '.env.dev')), 'env/.env.dev exists');
  });

  it('uses only known toolkit actions and none that creates an app registration or a secret', () => {
    const known = new Set([
      'teamsApp/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/publishAppPackage',
      'arm/deploy',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    for (const step of steps) assert.ok(known.has(step.uses), `${step.uses} is a known action`);
    assert.ok(!steps.some((s) => /^(botAadApp|aadApp|botFramework)\//.test(s.uses)));
  });

  it('provisions infra/main.bicep with its parameters file, then the Teams app package', () => {
    const arm = project.provision.find((s) => s.uses === 'arm/deploy');
    const templates = arm?.with?.templates as { path: string; parameters: string }[] | undefined;
    assert.deepEqual(
      templates?.map((t) => [t.path, t.parameters]),
      [['./infra/main.bicep', './infra/main.parameters.json']],
    );
    for (const t of templates ?? []) {
      assert.ok(existsSync(file(t.path)));
      assert.ok(existsSync(file(t.parameters)));
    }
    const uses = project.provision.map((s) => s.uses);
    for (const action of [
      'teamsApp/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/update',
    ]) {
      assert.ok(uses.includes(action), `provision runs ${action}`);
    }
    assert.ok(
      uses.indexOf('arm/deploy') < uses.indexOf('teamsApp/zipAppPackage'),
      'BOT_ID exists before zipping',
    );
    for (const step of steps.filter((s) => s.with?.manifestPath !== undefined)) {
      assert.ok(existsSync(file(withString(step, 'manifestPath'))), `${step.uses}: the manifest exists`);
    }
  });

  it('deploys the build to the web app the template creates', () => {
    const npm = project.deploy
      .filter((s) => s.uses === 'cli/runNpmCommand')
      .map((s) => withString(s, 'args'));
    assert.ok(npm.includes('run build'), 'deploy builds');
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    assert.ok(scripts.build, 'package.json has a build script');

    const zip = project.deploy.find((s) => s.uses === 'azureAppService/zipDeploy');
    const target = /^\$\{\{(\w+)\}\}$/.exec(withString(zip, 'resourceId'))?.[1] ?? '';
    assert.equal(
      template.outputs.get(target)?.expression,
      `${theResource(template, 'Microsoft.Web/sites').symbol}.id`,
    );
    assert.equal(withString(zip, 'artifactFolder'), '.');
    const ignore = read(withString(zip, 'ignoreFile'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(ignore[0], '/*', 'everything is left out unless listed');
    for (const kept of ['/dist', '/cards', '/package.json', '/package-lock.json']) {
      assert.ok(ignore.includes(`!${kept}`), `${kept} is uploaded`);
      assert.ok(existsSync(file(kept.slice(1))) || kept === '/dist', `${kept} exists`);
    }
  });

  it('only uses variables that are built in, written by a step or an output, or defined in env/.env.dev', () => {
    const known = new Set([
      'TEAMSFX_ENV',
      'APP_NAME_SUFFIX',
      'AZURE_SUBSCRIPTION_ID',
      'AZURE_RESOURCE_GROUP_NAME',
    ]);
    for (const step of steps)
      for (const name of Object.values(step.writeToEnvironmentFile ?? {})) known.add(name);
    for (const name of template.outputs.keys()) known.add(name);
    for (const name of dotenvNames('env/.env.dev')) known.add(name);
    const used = [...placeholders(text), ...placeholders(read('appPackage/manifest.json'))];
    assert.ok(used.includes('BOT_ID'), 'the manifest takes the bot id from the environment');
    for (const name of used) assert.ok(known.has(name), `\${{${name}}} has a source`);
  });

  it('matches the environment template with the outputs of main.bicep', () => {
    const defined = dotenvNames('env/.env.dev');
    for (const name of template.outputs.keys()) assert.ok(defined.has(name), `env/.env.dev lists ${name}`);
    assert.ok(
      [...defined].every((name) => !/secret|password/i.test(name)),
      'no secret in the environment file',
    );
  });
});
