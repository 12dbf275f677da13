// Runs before `npm start` and `npm test` on a fresh clone: it may only use Node's standard library,
// because the dependencies it installs are not there yet.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2] ?? 'start';

function run(cmd, args) {
  process.stdout.write(`setup: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(
      `setup: "${cmd} ${args.join(' ')}" failed (exit ${r.status}). Fix the error above and run the command again.\n`,
    );
    process.exit(r.status ?? 1);
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`setup: Node ${process.versions.node} is too old; install Node 20.19 or later.\n`);
  process.exit(1);
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  run('npm', existsSync(join(root, 'package-lock.json')) ? ['ci', '--no-audit', '--no-fund'] : ['install']);
}

function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

if (mode === 'test' && !chromiumPath()) {
  const aptUsable =
    existsSync('/usr/bin/apt-get') && typeof process.getuid === 'function' && process.getuid() === 0;
  if (!aptUsable) {
    process.stderr.write(
      'setup: the browser tests need Chromium and it is not installed.\n' +
        '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
        '  Elsewhere: install Chromium and set CHROMIUM_PATH to its executable.\n',
    );
    process.exit(1);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
}
