/**
 * A separate process on a shared SQLite file, driven by sqlite-store.test.ts over IPC: it opens the store, waits
 * for "go" so that every worker starts together, then claims (and completes) jobs or takes case numbers.
 */
import { SqliteStore } from '../../../bot/store/sqlite-store';

interface Order {
  file: string;
  task: 'claim' | 'numbers';
  nowMs: number;
  count?: number;
}

function send(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('sqlite-worker must be started with an IPC channel'));
      return;
    }
    process.send(message, (err: Error | null) => (err ? reject(err) : resolve()));
  });
}

async function run(order: Order): Promise<void> {
  const store = SqliteStore.open({ file: order.file });
  await send({ ready: true });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const out: (string | number)[] = [];
  if (order.task === 'claim') {
    const owner = `worker-${process.pid}`;
    for (;;) {
      const jobs = await store.claimDueJobs(new Date(order.nowMs), owner, 600_000, 3);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        out.push(job.id);
        await store.completeJob(job, owner);
      }
    }
  } else {
    for (let i = 0; i < (order.count ?? 0); i++) out.push(await store.nextCaseNumber());
  }
  await store.close();
  await send({ done: out });
}

process.once('message', (order: Order) => {
  run(order).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    },
  );
});
