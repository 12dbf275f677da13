import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function run(env: Record<string, string>) {
  return spawn(process.execPath, ['--require', 'tsx/cjs', 'emulator/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finish(
  child: ReturnType<typeof run>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('emulator: command line (npm run emulator)', function () {
  this.timeout(30_000);

  it('prints one listening line, serves the demo tenant and stops cleanly on SIGTERM', async () => {
    const child = run({
      GRAPH_EMULATOR_PORT: '0',
      EMULATOR_PURGE_AFTER: 'PT2M',
      EMULATOR_OPERATION_DURATION: 'PT5S',
    });
    const done = finish(child);
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.on('exit', () => reject(new Error('exited before listening')));
    });
    const m = /^Graph emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(tenant contoso\.com\)$/.exec(line);
    assert.ok(m, line);
    const res = await fetch(`${m[1]}/v1.0/users/room-4b@contoso.com`);
    assert.equal(res.status, 200);
    child.kill('SIGTERM');
    const { code, stdout, stderr } = await done;
    assert.equal(code, 0);
    assert.equal(stdout.trim().split('\n').length, 1);
    assert.equal(stderr, '');
  });

  for (const [env, pattern] of [
    [{ EMULATOR_PURGE_AFTER: '8 hours' }, /EMULATOR_PURGE_AFTER: "8 hours" is not an ISO 8601 duration/],
    [{ EMULATOR_OPERATION_DURATION: 'P1M' }, /EMULATOR_OPERATION_DURATION/],
    [{ GRAPH_EMULATOR_PORT: 'abc' }, /GRAPH_EMULATOR_PORT="abc" is not a port number/],
    [{ EMULATOR_FIXTURE: '/nonexistent/tenant.json' }, /EMULATOR_FIXTURE: Cannot read the fixture/],
  ] as const) {
    it(`refuses ${JSON.stringify(env)} with a clear message and no stack trace`, async () => {
      const { code, stderr } = await finish(run({ GRAPH_EMULATOR_PORT: '0', ...env }));
      assert.equal(code, 1);
      assert.match(stderr, pattern);
      assert.doesNotMatch(stderr, /\n\s+at /);
    });
  }
});
