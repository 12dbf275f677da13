import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'infra', 'grant-graph-permissions.sh');
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The Microsoft Graph application permissions the bot needs, with their published app role ids. */
const EXPECTED: Record<string, string> = {
  'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
  'LicenseAssignment.ReadWrite.All': '5facf0c1-8979-4e95-abcf-ff3d079771c0',
  'Place.Read.All': '913b9306-0ce1-42b8-9137-6a7df690a760',
  'Device.Read.All': '7438b122-aefc-4978-80ed-43db9fcc7715',
  'TeamworkDevice.ReadWrite.All': '79c02f5b-bd4f-4713-bc2c-a8a4a66e127b',
  'GroupMember.Read.All': '98830695-27a2-44f7-8c18-0c3ebc9698f6',
  'User.ReadWrite.All': '741f803b-c850-494e-b5df-cde7c675a1ca',
};
const USAGE_LOCATION_ONLY = 'User.ReadWrite.All';
const ALWAYS = Object.keys(EXPECTED).filter((name) => name !== USAGE_LOCATION_ONLY);

interface Permission {
  name: string;
  id: string;
  reason: string;
  onlyWith?: string;
}
const permissionsFile = JSON.parse(readFileSync(join(ROOT, 'infra', 'graph-permissions.json'), 'utf8')) as {
  resourceAppId: string;
  permissions: Permission[];
};

describe('infra/graph-permissions.json', () => {
  it('lists exactly the Microsoft Graph application permissions the bot needs', () => {
    assert.equal(permissionsFile.resourceAppId, GRAPH_APP_ID);
    assert.deepEqual(permissionsFile.permissions.map((p) => p.name).sort(), Object.keys(EXPECTED).sort());
  });

  it('gives each one its app role id and the reason the bot needs it', () => {
    for (const p of permissionsFile.permissions) {
      assert.match(p.id, GUID, `${p.name} has a GUID id`);
      assert.equal(p.id, EXPECTED[p.name], `${p.name} has Microsoft Graph's app role id`);
      assert.ok(p.reason.trim().length >= 40, `${p.name} says why it is needed`);
    }
    assert.equal(
      new Set(permissionsFile.permissions.map((p) => p.id)).size,
      permissionsFile.permissions.length,
    );
  });

  it('asks for User.ReadWrite.All only when setting usage locations is wanted', () => {
    const conditional = permissionsFile.permissions.filter((p) => p.onlyWith !== undefined);
    assert.deepEqual(
      conditional.map((p) => [p.name, p.onlyWith]),
      [[USAGE_LOCATION_ONLY, '--with-usage-location']],
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------------

const PRINCIPAL = '5b1c7a9e-3d2f-4e6a-8b0c-1d2e3f4a5b6c';
const GRAPH_SP = 'a1b2c3d4-0000-4000-8000-00000000aaaa';
const OTHER_RESOURCE = 'b2c3d4e5-0000-4000-8000-00000000bbbb';

/** An `az` stand-in: logs each call (arguments separated by \x1f) and answers from JSON files in its folder. */
const FAKE_AZ = `#!/usr/bin/env bash
{ for a in "$@"; do printf '%s\\x1f' "$a"; done; printf '\\n'; } >>"$FAKE_AZ_DIR/calls.log"
case "$*" in
  "identity show "*) cat "$FAKE_AZ_DIR/principal.txt" ;;
  *"--method GET"*"servicePrincipals(appId="*) cat "$FAKE_AZ_DIR/graph-sp.json" ;;
  *"--method GET"*"/appRoleAssignments"*"page=2"*) cat "$FAKE_AZ_DIR/assignments-2.json" ;;
  *"--method GET"*"/appRoleAssignments"*) cat "$FAKE_AZ_DIR/assignments.json" ;;
  *"--method POST"*"/appRoleAssignments"*) ;;
  *) echo "fake az: unexpected call: $*" >&2; exit 2 ;;
esac
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[][];
}

describe('infra/grant-graph-permissions.sh', function () {
  this.timeout(60_000);
  let dir: string;

  /** Microsoft Graph's service principal as the tenant returns it (with one delegated-only scope to ignore). */
  function graphServicePrincipal(overrides: Record<string, string> = {}): object {
    const roles = { ...EXPECTED, 'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96', ...overrides };
    return {
      id: GRAPH_SP,
      appRoles: [
        ...Object.entries(roles).map(([value, id]) => ({ value, id, allowedMemberTypes: ['Application'] })),
        { value: 'Delegated.Only', id: 'c0000000-0000-4000-8000-000000000000', allowedMemberTypes: ['User'] },
      ],
    };
  }

  /** Sets what the fake tenant holds: the identity's app role assignments, on Graph unless said otherwise. */
  function tenant(options: {
    held?: string[];
    heldElsewhere?: string[];
    secondPage?: string[];
    graph?: object;
  }): void {
    const assignment = (name: string, resourceId = GRAPH_SP): object => ({
      appRoleId: EXPECTED[name]?.toUpperCase(),
      resourceId,
    });
    writeFileSync(join(dir, 'graph-sp.json'), JSON.stringify(options.graph ?? graphServicePrincipal()));
    writeFileSync(
      join(dir, 'assignments.json'),
      JSON.stringify({
        value: [
          ...(options.held ?? []).map((n) => assignment(n)),
          ...(options.heldElsewhere ?? []).map((n) => assignment(n, OTHER_RESOURCE)),
        ],
        ...(options.secondPage
          ? {
              '@odata.nextLink': `https://graph.microsoft.com/v1.0/servicePrincipals/${PRINCIPAL}/appRoleAssignments?page=2`,
            }
          : {}),
      }),
    );
    writeFileSync(
      join(dir, 'assignments-2.json'),
      JSON.stringify({ value: (options.secondPage ?? []).map((n) => assignment(n)) }),
    );
  }

  function run(...args: string[]): Run {
    const result = spawnSync('bash', [SCRIPT, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${dir}${delimiter}${process.env.PATH ?? ''}`,
        FAKE_AZ_DIR: dir,
        MANAGED_IDENTITY_PRINCIPAL_ID: '',
      },
    });
    let log = '';
    try {
      log = readFileSync(join(dir, 'calls.log'), 'utf8');
    } catch {
      // no call was made
    }
    rmSync(join(dir, 'calls.log'), { force: true });
    const calls = log
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\x1f').slice(0, -1));
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
  }

  const posts = (r: Run): string[][] => r.calls.filter((c) => c[1] === '--method' && c[2] === 'POST');
  /** The names of the roles the script POSTed, from the request bodies. */
  const grantedNames = (r: Run): string[] =>
    posts(r).map((c) => {
      const body = JSON.parse(c[c.indexOf('--body') + 1] ?? '{}') as Record<string, string>;
      assert.equal(body.principalId, PRINCIPAL);
      assert.equal(body.resourceId, GRAPH_SP);
      assert.match(
        c[c.indexOf('--url') + 1] ?? '',
        new RegExp(`/servicePrincipals/${PRINCIPAL}/appRoleAssignments$`),
      );
      const name = Object.keys(EXPECTED).find((n) => EXPECTED[n] === body.appRoleId);
      assert.ok(name, `the POSTed role ${body.appRoleId} is one of the list`);
      return name;
    });
  const lines = (stdout: string, label: string): string[] =>
    stdout
      .split('\n')
      .filter((l) => l.trimStart().startsWith(label))
      .map((l) => (l.trim().slice(label.length).trim().split(' ')[0] ?? '').trim());

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grant-graph-'));
    writeFileSync(join(dir, 'az'), FAKE_AZ);
    chmodSync(join(dir, 'az'), 0o755);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is valid bash', () => {
    const result = spawnSync('bash', ['-n', SCRIPT], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('with --dry-run, lists only the missing roles and changes nothing', () => {
    tenant({ held: ['User.Read.All'], heldElsewhere: ['Place.Read.All'] });
    const r = run('--principal-id', PRINCIPAL, '--dry-run');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(lines(r.stdout, 'already granted'), ['User.Read.All']);
    assert.deepEqual(
      lines(r.stdout, 'would grant').sort(),
      ALWAYS.filter((n) => n !== 'User.Read.All').sort(),
      'a role held on another resource is still missing on Graph',
    );
    assert.ok(
      !r.stdout.includes(USAGE_LOCATION_ONLY),
      'User.ReadWrite.All is not asked for without the flag',
    );
    assert.deepEqual(posts(r), [], 'a dry run makes no POST');
    assert.deepEqual(
      r.calls.map((c) => [c[0], c[2], c[4]]),
      [
        [
          'rest',
          'GET',
          `https://graph.microsoft.com/v1.0/servicePrincipals(appId='${GRAPH_APP_ID}')?$select=id,appRoles`,
        ],
        [
          'rest',
          'GET',
          `https://graph.microsoft.com/v1.0/servicePrincipals/${PRINCIPAL}/appRoleAssignments?$select=appRoleId,resourceId`,
        ],
      ],
    );
    assert.match(r.stdout, /Dry run: 5 to grant, 1 already granted; nothing was changed\./);
  });

  it('adds User.ReadWrite.All only with --with-usage-location', () => {
    tenant({ held: ALWAYS });
    const without = run('--principal-id', PRINCIPAL, '--dry-run');
    assert.equal(without.status, 0, without.stderr);
    assert.deepEqual(lines(without.stdout, 'would grant'), []);

    const withFlag = run('--principal-id', PRINCIPAL, '--dry-run', '--with-usage-location');
    assert.equal(withFlag.status, 0, withFlag.stderr);
    assert.deepEqual(lines(withFlag.stdout, 'would grant'), [USAGE_LOCATION_ONLY]);
    assert.deepEqual(posts(withFlag), []);
  });

  it('grants exactly the missing roles, and nothing on a second run', () => {
    tenant({ held: ['GroupMember.Read.All', 'Device.Read.All'] });
    const first = run('--principal-id', PRINCIPAL);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(
      grantedNames(first).sort(),
      ALWAYS.filter((n) => n !== 'GroupMember.Read.All' && n !== 'Device.Read.All').sort(),
    );
    assert.match(first.stdout, /Done: 4 granted, 2 already granted\./);

    tenant({ held: ALWAYS });
    const second = run('--principal-id', PRINCIPAL);
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(posts(second), [], 'nothing left to grant');
    assert.deepEqual(lines(second.stdout, 'already granted').sort(), [...ALWAYS].sort());
  });

  it('grants User.ReadWrite.All with the flag, and only reports it when it is held without the flag', () => {
    tenant({ held: ALWAYS });
    const granted = run('--principal-id', PRINCIPAL, '--with-usage-location');
    assert.equal(granted.status, 0, granted.stderr);
    assert.deepEqual(grantedNames(granted), [USAGE_LOCATION_ONLY]);

    tenant({ held: [...ALWAYS, USAGE_LOCATION_ONLY] });
    const reported = run('--principal-id', PRINCIPAL);
    assert.equal(reported.status, 0, reported.stderr);
    assert.deepEqual(posts(reported), []);
    assert.deepEqual(
      lines(reported.stdout, 'not requested'),
      [USAGE_LOCATION_ONLY],
      'reported, never removed',
    );
    assert.ok(!reported.calls.some((c) => c.includes('DELETE')));
  });

  it("follows the next page of the identity's assignments", () => {
    tenant({ held: ['User.Read.All'], secondPage: ['Place.Read.All'] });
    const r = run('--principal-id', PRINCIPAL, '--dry-run');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(lines(r.stdout, 'already granted').sort(), ['Place.Read.All', 'User.Read.All']);
    assert.equal(r.calls.length, 3);
  });

  it('refuses to grant when an id in the file is not the one Microsoft Graph publishes', () => {
    tenant({ graph: graphServicePrincipal({ 'Place.Read.All': 'd0000000-0000-4000-8000-000000000000' }) });
    const r = run('--principal-id', PRINCIPAL);
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /gives Place\.Read\.All the id 913b9306-0ce1-42b8-9137-6a7df690a760, but Microsoft Graph says d0000000/,
    );
    assert.deepEqual(posts(r), []);
  });

  it('looks the identity up by name and resource group', () => {
    tenant({ held: ALWAYS });
    writeFileSync(join(dir, 'principal.txt'), `${PRINCIPAL}\n`);
    const r = run('--identity-name', 'helpdeskdev-identity', '--resource-group', 'rg-helpdesk', '--dry-run');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.calls[0]?.slice(0, 6), [
      'identity',
      'show',
      '--name',
      'helpdeskdev-identity',
      '--resource-group',
      'rg-helpdesk',
    ]);
    assert.match(r.stdout, new RegExp(`service principal ${PRINCIPAL}:`));
  });

  it('explains what is missing instead of calling Azure', () => {
    tenant({});
    const none = run('--dry-run');
    assert.equal(none.status, 64);
    assert.match(none.stderr, /--principal-id/);
    const invalid = run('--principal-id', 'not-a-guid');
    assert.equal(invalid.status, 1);
    assert.match(invalid.stderr, /not an object id/);
    const unknown = run('--principal-id', PRINCIPAL, '--grant-everything');
    assert.equal(unknown.status, 64);
    assert.match(unknown.stderr, /unknown option --grant-everything/);
    assert.deepEqual([...none.calls, ...invalid.calls, ...unknown.calls], []);
  });
});
