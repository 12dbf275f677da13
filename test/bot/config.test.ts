import { strict as assert } from 'node:assert';
import { loadConfig } from '../../bot/config';
import { ConfigError } from '../../bot/errors';

const TENANT = '11111111-2222-4333-8444-555555555555';
const APP = '99999999-8888-4777-8666-555555555555';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs locally on its defaults against the emulator', () => {
    const c = loadConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:5005' });
    assert.equal(c.port, 3978);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.bot.kind, 'local');
    assert.equal(c.graph.auth.kind, 'none');
    assert.equal(c.graph.directoryRefreshMs, 15 * 60_000);
  });

  it('collects every bad setting with a fix in one error', () => {
    const problems = problemsOf({
      PORT: 'abc',
      GRAPH_BASE_URL: 'not a url',
      LOG_LEVEL: 'loud',
      GRAPH_TIMEOUT: '20s',
    });
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /PORT="abc" is not a whole number/);
    assert.match(problems.join('\n'), /GRAPH_TIMEOUT="20s" is not an ISO 8601 duration\. Examples: PT30S/);
  });

  it('rejects a Graph URL that includes the API version', () => {
    assert.match(
      problemsOf({ GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' }).join(),
      /must not include the API version/,
    );
  });

  it('parses the tenant allow-list and rejects what is not a GUID', () => {
    const c = loadConfig({
      GRAPH_BASE_URL: 'http://127.0.0.1:5005',
      ALLOWED_TENANT_IDS: ` ${TENANT.toUpperCase()} ,`,
    });
    assert.deepEqual([...c.allowedTenantIds], [TENANT]);
    assert.match(problemsOf({ ALLOWED_TENANT_IDS: 'contoso.com' }).join(), /not a tenant id/);
  });

  it('refuses unauthenticated Graph against the real endpoint', () => {
    assert.match(problemsOf({ GRAPH_AUTH: 'none' }).join(), /only works with the local emulator/);
  });

  it('names each missing production setting and says how to fix it', () => {
    const problems = problemsOf({ NODE_ENV: 'production', GRAPH_BASE_URL: 'http://127.0.0.1:5005' });
    const expected: [RegExp, RegExp][] = [
      [/needs MicrosoftAppId/, /Set MicrosoftAppId to the Azure Bot's Microsoft App ID/],
      [/needs ALLOWED_TENANT_IDS/, /Set ALLOWED_TENANT_IDS to the tenant ids/],
      [/needs the real Graph endpoint/, /unset GRAPH_BASE_URL and set GRAPH_AUTH/],
      [/needs HELPDESK_GROUP_ID or HELPDESK_USER_IDS/, /Set HELPDESK_GROUP_ID to the object id/],
    ];
    assert.equal(problems.length, expected.length, problems.join('\n'));
    for (const [what, fix] of expected) {
      const problem = problems.find((p) => what.test(p));
      assert.ok(problem, `a problem matches ${what}`);
      assert.match(problem, fix);
    }
    assert.match(
      problems.join('\n'),
      /GRAPH_BASE_URL="http:\/\/127\.0\.0\.1:5005"/,
      'the emulator URL is shown',
    );
  });

  it('names the one missing production setting of an otherwise complete configuration', () => {
    const complete = {
      NODE_ENV: 'production',
      MicrosoftAppId: APP,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
      ALLOWED_TENANT_IDS: TENANT,
      HELPDESK_USER_IDS: APP,
    };
    assert.deepEqual(problemsOf(complete), []);
    for (const name of ['MicrosoftAppId', 'ALLOWED_TENANT_IDS', 'HELPDESK_USER_IDS'] as const) {
      const env: Record<string, string> = { ...complete };
      delete env[name];
      const problems = problemsOf(env);
      assert.equal(problems.length, 1, `without ${name}: ${problems.join(' | ')}`);
      assert.match(
        problems[0] ?? '',
        new RegExp(`^NODE_ENV=production needs [^:]*\\b${name}\\b.*\\bSet\\b[^.]*\\b${name}\\b`),
      );
    }
  });

  it('reads the Application Insights connection string, and none by default', () => {
    const local = { GRAPH_BASE_URL: 'http://127.0.0.1:5005' };
    assert.equal(loadConfig(local).telemetry.connectionString, undefined);
    const cs =
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';
    assert.equal(
      loadConfig({ ...local, APPLICATIONINSIGHTS_CONNECTION_STRING: cs }).telemetry.connectionString,
      cs,
    );
    assert.equal(
      loadConfig({ ...local, APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=http://127.0.0.1:1/' })
        .telemetry.connectionString,
      'IngestionEndpoint=http://127.0.0.1:1/',
    );
  });

  it('refuses what is not an Application Insights connection string, without repeating it', () => {
    const problems = problemsOf({
      GRAPH_BASE_URL: 'http://127.0.0.1:5005',
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        'DefaultEndpointsProtocol=https;AccountName=helpdesk;AccountKey=c2VjcmV0LWtleQ==',
    });
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /APPLICATIONINSIGHTS_CONNECTION_STRING is not an Application Insights/);
    assert.match(problems[0] ?? '', /neither InstrumentationKey= nor IngestionEndpoint=/);
    assert.match(problems[0] ?? '', /Copy the Connection String from the Application Insights resource/);
    assert.doesNotMatch(problems[0] ?? '', /AccountKey|c2VjcmV0/, 'a key pasted by mistake is not echoed');
  });

  it('accepts a complete production configuration with a managed identity', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: APP,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
      ALLOWED_TENANT_IDS: TENANT,
      GRAPH_AUTH: 'managed-identity',
      GRAPH_CLIENT_ID: APP,
      HELPDESK_GROUP_ID: TENANT,
    });
    assert.equal(c.host, '0.0.0.0');
    assert.deepEqual(c.bot, { kind: 'user-assigned-msi', appId: APP, tenantId: TENANT });
    assert.deepEqual(c.graph.auth, { kind: 'managed-identity', clientId: APP });
  });

  it('requires the secret and ids for client-secret Graph authentication', () => {
    const problems = problemsOf({ GRAPH_AUTH: 'client-secret' });
    assert.equal(problems.length, 3);
  });
});
