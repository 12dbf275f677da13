import { strict as assert } from 'node:assert';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../../bot/store/sqlite-store';
import { describeStoreContract, makeCase, makeJob } from './store-contract';

interface WorkerOrder {
  file: string;
  task: 'claim' | 'numbers';
  nowMs: number;
  count?: number;
}

// Runs sqlite-worker.ts in several processes that start their task together; returns what each produced.
async function inProcesses(orders: WorkerOrder[]): Promise<(string | number)[][]> {
  const children: ChildProcess[] = orders.map(() =>
    fork(join(__dirname, 'sqlite-worker.ts'), [], { execArgv: ['--require', 'tsx/cjs'], stdio: 'inherit' }),
  );
  const exits = children.map(
    (child) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
  );
  try {
    const ready = children.map(
      (child) => new Promise<void>((resolve) => child.once('message', () => resolve())),
    );
    children.forEach((child, i) => child.send(orders[i] ?? {}));
    await Promise.all(ready);
    const done = children.map(
      (child) =>
        new Promise<(string | number)[]>((resolve) =>
          child.once('message', (m: { done: (string | number)[] }) => resolve(m.done)),
        ),
    );
    for (const child of children) child.send('go');
    const results = await Promise.all(done);
    assert.deepEqual(
      await Promise.all(exits),
      orders.map(() => 0),
    );
    return results;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await Promise.all(exits);
  }
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'helpdesk-store-'));
}

describeStoreContract('SQLite, two connections on one file', () => {
  const dir = tempDir();
  const file = join(dir, 'store.sqlite');
  const store = SqliteStore.open({ file });
  return Promise.resolve({
    store,
    another: () => Promise.resolve(SqliteStore.open({ file })),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});

describe('SqliteStore', function () {
  let dir: string;

  beforeEach(function () {
    dir = tempDir();
  });

  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('works in memory', async function () {
    const store = SqliteStore.open({ file: ':memory:' });
    const c = makeCase();
    await store.createCase(c, []);
    assert.deepEqual(await store.getCase(c.id), c);
    await store.close();
  });

  it('creates the directory of its file and sets up WAL mode and the schema version', async function () {
    const file = join(dir, 'nested', 'data', 'store.sqlite');
    const store = SqliteStore.open({ file });
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.deepEqual(db.prepare('SELECT MAX(version) AS v FROM schema_version').get(), { v: 1 });
    } finally {
      db.close();
    }
  });

  it('opens an existing file without migrating it again', async function () {
    const file = join(dir, 'store.sqlite');
    const first = SqliteStore.open({ file });
    const c = makeCase();
    await first.createCase(c, []);
    await first.close();
    const second = SqliteStore.open({ file });
    assert.deepEqual(await second.getCase(c.id), c);
    await second.close();
    const db = new Database(file, { readonly: true });
    try {
      assert.deepEqual(db.prepare('SELECT version FROM schema_version').all(), [{ version: 1 }]);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer schema', function () {
    const file = join(dir, 'store.sqlite');
    const db = new Database(file);
    db.exec(
      'CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);',
    );
    db.close();
    assert.throws(() => SqliteStore.open({ file }), /schema version 99/);
  });

  it('never gives one job to two processes claiming from the same file', async function () {
    this.timeout(60_000);
    const file = join(dir, 'shared.sqlite');
    const store = SqliteStore.open({ file });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = makeCase({ number: i + 1 });
      const jobs = Array.from({ length: 25 }, (_, j) =>
        makeJob(c, { dueAt: new Date(Date.UTC(2030, 0, 1, 8, 0, j)).toISOString() }),
      );
      ids.push(...jobs.map((j) => j.id));
      await store.createCase(c, jobs);
    }
    await store.close();
    const nowMs = Date.UTC(2030, 0, 1, 9);
    const results = await inProcesses([1, 2, 3].map(() => ({ file, task: 'claim' as const, nowMs })));
    const claimed = results.flat();
    assert.equal(claimed.length, ids.length, 'no job was claimed twice');
    assert.deepEqual(new Set(claimed), new Set(ids));
  });

  it('hands out distinct case numbers to several processes', async function () {
    this.timeout(60_000);
    const file = join(dir, 'shared.sqlite');
    // No store opens the file first: the processes also race to create the schema.
    const results = await inProcesses(
      [1, 2, 3].map(() => ({ file, task: 'numbers' as const, nowMs: 0, count: 200 })),
    );
    const numbers = results.flat();
    assert.equal(new Set(numbers).size, 600);
  });

  it('rejects calls after close', async function () {
    const store = SqliteStore.open({ file: ':memory:' });
    await store.close();
    await store.close();
    await assert.rejects(store.ping());
  });
});
