import { strict as assert } from 'node:assert';
import type { CaseState, RepairCase } from '../../../bot/cases/model';
import {
  OpenCaseExists,
  VersionConflict,
  type AuditEntry,
  type Job,
  type NewJob,
  type Store,
  type StoredReference,
} from '../../../bot/store/store';

export interface StoreFixture {
  store: Store;
  /** A second instance on the same data, as another process of the bot would open it. */
  another?: () => Promise<Store>;
  cleanup(): Promise<void>;
}

const T0 = Date.parse('2030-01-01T09:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;

function at(ms: number): string {
  return new Date(T0 + ms).toISOString();
}

let serial = 0;

// Ids unique across tests, so engines that keep data between tests never see a neighbour's rows.
function uid(label: string): string {
  serial += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${serial}`;
}

export function makeCase(overrides: Partial<RepairCase> = {}): RepairCase {
  const id = overrides.id ?? uid('case');
  return {
    id,
    number: overrides.number ?? 1,
    kind: 'licence-cycle',
    roomId: overrides.roomId ?? uid('room'),
    roomName: 'Room Jupiter',
    account: 'jupiter@contoso.example',
    accountId: 'acc-1',
    state: 'diagnosed',
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    createdBy: { id: 'user-1', name: 'Ada' },
    locale: 'en',
    reporters: [],
    history: [],
    ...overrides,
  };
}

export function makeJob(repairCase: RepairCase, overrides: Partial<NewJob> = {}): NewJob {
  return {
    id: overrides.id ?? uid('job'),
    caseId: repairCase.id,
    kind: 'timer:window-open',
    payload: { kind: 'schedule', timer: 'window-open', dueAt: overrides.dueAt ?? at(0) },
    dueAt: at(0),
    ...overrides,
  };
}

// The next version of a case, as a transition would produce it.
function next(repairCase: RepairCase, changes: Partial<RepairCase> = {}): RepairCase {
  return {
    ...repairCase,
    ...changes,
    version: repairCase.version + 1,
    updatedAt: at(repairCase.version * SECOND),
  };
}

async function rejectsWith<E extends Error>(
  work: Promise<unknown>,
  type: new (...args: never[]) => E,
  check?: (err: E) => void,
): Promise<void> {
  await assert.rejects(work, (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    check?.(err);
    return true;
  });
}

// Reads, changes and commits a case until the commit goes through, as the case service does.
async function appendHistory(store: Store, caseId: string, label: string): Promise<number> {
  for (let attempt = 1; attempt <= 500; attempt++) {
    const current = await store.getCase(caseId);
    if (!current) throw new Error(`case ${caseId} vanished`);
    const updated = next(current, {
      history: [...current.history, { at: at(attempt), actor: label, action: 'append', result: 'info' }],
    });
    try {
      await store.commitCase(updated, current.version, []);
      return attempt;
    } catch (err) {
      if (!(err instanceof VersionConflict)) throw err;
    }
  }
  throw new Error(`${label} never got its commit through`);
}

async function claimAll(store: Store, owner: string, nowMs: number, batch: number): Promise<Job[]> {
  const claimed: Job[] = [];
  for (;;) {
    const jobs = await store.claimDueJobs(new Date(nowMs), owner, 10 * MINUTE, batch);
    if (jobs.length === 0) return claimed;
    claimed.push(...jobs);
  }
}

/**
 * The behaviour every {@link Store} engine must have. `makeStore` is called before each test and must give a
 * store with no data visible to other tests.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, function () {
    let fixture: StoreFixture;
    let store: Store;
    const extra: Store[] = [];

    async function second(): Promise<Store> {
      if (!fixture.another) throw new Error('this engine gives no second instance');
      const other = await fixture.another();
      extra.push(other);
      return other;
    }

    beforeEach(async function () {
      fixture = await makeStore();
      store = fixture.store;
    });

    afterEach(async function () {
      for (const other of extra.splice(0)) await other.close();
      await fixture.cleanup();
    });

    describe('cases', function () {
      it('stores a case and finds it by id, by number and by room', async function () {
        const c = makeCase({
          number: 7,
          history: [{ at: at(0), actor: 'bot', action: 'diagnose', result: 'ok' }],
        });
        await store.createCase(c, []);
        assert.deepEqual(await store.getCase(c.id), c);
        assert.deepEqual(await store.getCaseByNumber(7), c);
        assert.deepEqual(await store.findOpenCaseForRoom(c.roomId), c);
        assert.equal(await store.getCase(uid('missing')), undefined);
        assert.equal(await store.getCaseByNumber(999_999), undefined);
        assert.equal(await store.findOpenCaseForRoom(uid('room')), undefined);
      });

      it('refuses a second open case in the same room', async function () {
        const first = makeCase({ number: 1 });
        await store.createCase(first, []);
        const again = makeCase({ number: 2, roomId: first.roomId });
        await rejectsWith(store.createCase(again, [makeJob(again)]), OpenCaseExists, (err) => {
          assert.equal(err.roomId, first.roomId);
          assert.equal(err.existingCaseId, first.id);
        });
        assert.equal(await store.getCase(again.id), undefined, 'the refused case is not stored');
        assert.deepEqual(await store.listJobs(again.id), [], 'nor are its jobs');
      });

      it('lets exactly one of two instances open a case in a room at the same time', async function () {
        const other = await second();
        for (let round = 0; round < 5; round++) {
          const roomId = uid('room');
          const a = makeCase({ roomId, number: 100 + round * 2 });
          const b = makeCase({ roomId, number: 101 + round * 2 });
          const results = await Promise.allSettled([store.createCase(a, []), other.createCase(b, [])]);
          const won = results.filter((r) => r.status === 'fulfilled');
          const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          assert.equal(won.length, 1, `round ${round}: one winner`);
          assert.equal(lost.length, 1, `round ${round}: one loser`);
          const reason: unknown = lost[0]?.reason;
          assert.ok(reason instanceof OpenCaseExists, `round ${round}: ${String(reason)}`);
          const winner = results[0]?.status === 'fulfilled' ? a : b;
          assert.equal(reason.existingCaseId, winner.id);
          assert.equal((await store.findOpenCaseForRoom(roomId))?.id, winner.id);
          assert.equal((await other.findOpenCaseForRoom(roomId))?.id, winner.id);
        }
      });

      for (const closed of ['resolved', 'escalated', 'cancelled'] as CaseState[]) {
        it(`frees the room when its case is ${closed}`, async function () {
          const first = makeCase({ number: 1 });
          await store.createCase(first, []);
          await store.commitCase(next(first, { state: closed }), 1, []);
          assert.equal(await store.findOpenCaseForRoom(first.roomId), undefined);
          const second = makeCase({ number: 2, roomId: first.roomId, createdAt: at(MINUTE) });
          await store.createCase(second, []);
          assert.equal((await store.findOpenCaseForRoom(first.roomId))?.id, second.id);
          assert.equal((await store.getCase(first.id))?.state, closed, 'the closed case is kept');
        });
      }

      it('does not let a closed case reopen while its room has another open case', async function () {
        const first = makeCase({ number: 1 });
        await store.createCase(first, []);
        const closed = next(first, { state: 'cancelled' });
        await store.commitCase(closed, 1, []);
        const second = makeCase({ number: 2, roomId: first.roomId });
        await store.createCase(second, []);
        await rejectsWith(
          store.commitCase(next(closed, { state: 'waiting' }), 2, []),
          OpenCaseExists,
          (err) => {
            assert.equal(err.existingCaseId, second.id);
          },
        );
        assert.deepEqual(await store.getCase(first.id), closed);
        assert.equal((await store.findOpenCaseForRoom(first.roomId))?.id, second.id);
      });

      it('commits only over the expected version, and a refused commit writes nothing', async function () {
        const c = makeCase();
        await store.createCase(c, []);
        const v2 = next(c, { state: 'awaiting-confirmation' });
        const firstJob = makeJob(c, { id: uid('first') });
        await store.commitCase(v2, 1, [firstJob]);

        const stale = next(c, { state: 'cancelled' });
        const staleJob = makeJob(c, { id: uid('stale'), dueAt: at(-MINUTE) });
        await rejectsWith(store.commitCase(stale, 1, [staleJob]), VersionConflict, (err) => {
          assert.equal(err.caseId, c.id);
        });
        assert.deepEqual(await store.getCase(c.id), v2);
        assert.deepEqual(
          (await store.listJobs(c.id)).map((j) => j.id),
          [firstJob.id],
          'the stale job was not written',
        );
        const claimed = await store.claimDueJobs(new Date(T0 + 365 * 24 * 60 * MINUTE), 'w', MINUTE, 100);
        assert.ok(!claimed.some((j) => j.id === staleJob.id), 'and cannot be claimed');
        assert.equal(
          (await store.findOpenCaseForRoom(c.roomId))?.id,
          c.id,
          'the refused close did not free the room',
        );
      });

      it('refuses a commit to a case that does not exist', async function () {
        const ghost = makeCase();
        await rejectsWith(store.commitCase(next(ghost), 1, []), VersionConflict);
        assert.equal(await store.getCase(ghost.id), undefined);
      });

      it('rejects a commit whose version is not the expected one plus one', async function () {
        const c = makeCase();
        await store.createCase(c, []);
        await assert.rejects(store.commitCase({ ...c, version: 5 }, 1, []), /version/);
        assert.deepEqual(await store.getCase(c.id), c);
      });

      it('rejects jobs that belong to another case', async function () {
        const c = makeCase();
        const stranger = makeJob(makeCase());
        await assert.rejects(store.createCase(c, [stranger]), /belongs to case/);
        assert.equal(await store.getCase(c.id), undefined);
      });

      it('loses no update when two instances read-modify-write the same case concurrently', async function () {
        this.timeout(120_000);
        const other = await second();
        const c = makeCase();
        await store.createCase(c, []);
        const writers = [
          ...Array.from({ length: 20 }, (_, i) => appendHistory(store, c.id, `a${i}`)),
          ...Array.from({ length: 20 }, (_, i) => appendHistory(other, c.id, `b${i}`)),
        ];
        await Promise.all(writers);
        const final = await store.getCase(c.id);
        assert.equal(final?.history.length, 40);
        assert.equal(final?.version, 41);
        const actors = new Set(final?.history.map((h) => h.actor));
        assert.equal(actors.size, 40, 'every writer appended exactly once');
      });

      it('lists open cases or all cases, newest first', async function () {
        const old = makeCase({ number: 1, createdAt: at(0) });
        const mid = makeCase({ number: 2, createdAt: at(MINUTE) });
        const recent = makeCase({ number: 3, createdAt: at(2 * MINUTE) });
        for (const c of [old, mid, recent]) await store.createCase(c, []);
        await store.commitCase(next(mid, { state: 'resolved' }), 1, []);
        assert.deepEqual(
          (await store.listCases({ open: true })).map((c) => c.id),
          [recent.id, old.id],
        );
        assert.deepEqual(
          (await store.listCases({ open: false })).map((c) => c.id),
          [recent.id, mid.id, old.id],
        );
      });

      it('keeps a large case whole, including characters outside the basic plane', async function () {
        const detail = `${'x'.repeat(29_999)}😀${'é'.repeat(10)}`;
        const history = Array.from({ length: 8 }, (_, i) => ({
          at: at(i),
          actor: 'bot',
          action: `step ${i}`,
          result: 'info' as const,
          detail: `${i}${detail}`,
        }));
        const c = makeCase({ history });
        await store.createCase(c, []);
        assert.deepEqual(await store.getCase(c.id), c);
        const grown = next(c, { history: [...history, ...history.slice(0, 2)] });
        await store.commitCase(grown, 1, []);
        assert.deepEqual(await store.getCase(c.id), grown);
      });

      it('accepts ids with characters that are special in keys', async function () {
        const c = makeCase({ id: uid('case/with#odd?chars\\%'), roomId: uid("room/42#'quoted'") });
        const job = makeJob(c, { id: uid('job/1#a?b') });
        await store.createCase(c, [job]);
        assert.deepEqual(await store.getCase(c.id), c);
        assert.equal((await store.findOpenCaseForRoom(c.roomId))?.id, c.id);
        assert.deepEqual(
          (await store.listJobs(c.id)).map((j) => j.id),
          [job.id],
        );
        const [claimed] = await store.claimDueJobs(new Date(T0), 'w', MINUTE, 10);
        assert.equal(claimed?.id, job.id);
        assert.equal(await store.completeJob(claimed, 'w'), true);
      });
    });

    describe('case numbers', function () {
      it('hands out increasing numbers', async function () {
        const a = await store.nextCaseNumber();
        const b = await store.nextCaseNumber();
        assert.ok(b > a);
      });

      it('never hands out the same number twice across two instances', async function () {
        this.timeout(120_000);
        const other = await second();
        const numbers = await Promise.all([
          ...Array.from({ length: 20 }, () => store.nextCaseNumber()),
          ...Array.from({ length: 20 }, () => other.nextCaseNumber()),
        ]);
        assert.equal(new Set(numbers).size, 40);
      });
    });

    describe('outbox', function () {
      it('stores jobs with the case that creates them', async function () {
        const c = makeCase();
        const timer = makeJob(c, { id: uid('timer'), dueAt: at(MINUTE) });
        await store.createCase(c, [timer]);
        const [stored] = await store.listJobs(c.id);
        assert.deepEqual(stored, { ...timer, attempts: 0 });

        const effect = makeJob(c, {
          id: uid('effect'),
          kind: 'effect:remove-licences',
          payload: { kind: 'remove-licences', skuIds: ['sku-1'] },
          dueAt: at(0),
        });
        await store.commitCase(next(c), 1, [effect]);
        assert.deepEqual(
          (await store.listJobs(c.id)).map((j) => j.id),
          [effect.id, timer.id],
          'pending jobs, soonest first',
        );
      });

      it('ignores a job whose id is already pending', async function () {
        const c = makeCase();
        const job = makeJob(c, { dueAt: at(MINUTE), payload: { first: true } });
        await store.createCase(c, [job]);
        await store.commitCase(next(c), 1, [{ ...job, dueAt: at(5 * MINUTE), payload: { first: false } }]);
        const jobs = await store.listJobs(c.id);
        assert.equal(jobs.length, 1);
        assert.equal(jobs[0]?.dueAt, job.dueAt);
        assert.deepEqual(jobs[0]?.payload, { first: true });
      });

      it('stores a job listed twice in one write once', async function () {
        const c = makeCase();
        const job = makeJob(c);
        await store.createCase(c, [job, { ...job }]);
        assert.equal((await store.listJobs(c.id)).length, 1);
      });
    });

    describe('due jobs and leases', function () {
      it('claims only due jobs, oldest first, up to the limit', async function () {
        const c = makeCase();
        const late = makeJob(c, { id: uid('late'), dueAt: at(-1 * SECOND) });
        const early = makeJob(c, { id: uid('early'), dueAt: at(-5 * SECOND) });
        const future = makeJob(c, { id: uid('future'), dueAt: at(2 * MINUTE) });
        const onTime = makeJob(c, { id: uid('ontime'), dueAt: at(0) });
        await store.createCase(c, [late, future, early, onTime]);

        const first = await store.claimDueJobs(new Date(T0), 'w1', MINUTE, 2);
        assert.deepEqual(
          first.map((j) => j.id),
          [early.id, late.id],
        );
        assert.ok(first.every((j) => j.leaseOwner === 'w1' && j.leaseUntil === at(MINUTE)));
        const rest = await store.claimDueJobs(new Date(T0), 'w1', MINUTE, 10);
        assert.deepEqual(
          rest.map((j) => j.id),
          [onTime.id],
          'the future job is not due',
        );
        assert.deepEqual(await store.claimDueJobs(new Date(T0), 'w1', MINUTE, 0), []);
      });

      it('does not claim a leased job again until its lease expires', async function () {
        const c = makeCase();
        const job = makeJob(c);
        await store.createCase(c, [job]);
        const [mine] = await store.claimDueJobs(new Date(T0), 'w1', MINUTE, 10);
        assert.equal(mine?.id, job.id);
        assert.deepEqual(await store.claimDueJobs(new Date(T0 + 30 * SECOND), 'w2', MINUTE, 10), []);

        const [theirs] = await store.claimDueJobs(new Date(T0 + MINUTE + SECOND), 'w2', MINUTE, 10);
        assert.equal(theirs?.id, job.id, 'an expired lease lets another owner claim');
        assert.equal(theirs?.leaseOwner, 'w2');
        assert.equal(await store.completeJob(mine, 'w1'), false, 'the first owner lost the job');
        assert.equal(await store.retryJob(mine, 'w1', new Date(T0 + 10 * MINUTE), 'late'), false);
        assert.equal((await store.listJobs(c.id)).length, 1);
        assert.equal(await store.completeJob(theirs, 'w2'), true);
        assert.deepEqual(await store.listJobs(c.id), []);
        assert.equal(await store.completeJob(theirs, 'w2'), false, 'completing twice is a no-op');
      });

      it('claims every job exactly once when two instances claim concurrently', async function () {
        this.timeout(120_000);
        const other = await second();
        const cases = Array.from({ length: 6 }, (_, i) => makeCase({ number: i + 1 }));
        const all: NewJob[] = [];
        for (const c of cases) {
          const jobs = Array.from({ length: 10 }, (_, i) => makeJob(c, { dueAt: at(-i * SECOND) }));
          all.push(...jobs);
          await store.createCase(c, jobs);
        }
        const [a, b] = await Promise.all([claimAll(store, 'a', T0, 4), claimAll(other, 'b', T0, 4)]);
        const ids = [...a, ...b].map((j) => j.id);
        assert.equal(ids.length, all.length, 'no job claimed twice');
        assert.deepEqual(new Set(ids), new Set(all.map((j) => j.id)), 'every job claimed');
      });

      it('counts attempts and moves the due time on retry', async function () {
        const c = makeCase();
        await store.createCase(c, [makeJob(c)]);
        const [job] = await store.claimDueJobs(new Date(T0), 'w1', MINUTE, 1);
        assert.ok(job);
        assert.equal(await store.retryJob(job, 'w2', new Date(T0 + MINUTE), 'not mine'), false);
        assert.equal(await store.retryJob(job, 'w1', new Date(T0 + 5 * MINUTE), 'Graph said 503'), true);

        const [pending] = await store.listJobs(c.id);
        assert.equal(pending?.attempts, 1);
        assert.equal(pending?.lastError, 'Graph said 503');
        assert.equal(Date.parse(pending?.dueAt ?? ''), T0 + 5 * MINUTE);
        assert.equal(pending?.leaseOwner, undefined);

        assert.deepEqual(await store.claimDueJobs(new Date(T0 + 4 * MINUTE), 'w1', MINUTE, 1), []);
        const [again] = await store.claimDueJobs(new Date(T0 + 5 * MINUTE), 'w2', MINUTE, 1);
        assert.equal(again?.id, job.id);
        assert.equal(again?.attempts, 1);
        assert.equal(await store.retryJob(again, 'w2', new Date(T0 + 6 * MINUTE), 'again'), true);
        assert.equal((await store.listJobs(c.id))[0]?.attempts, 2);
      });

      it('gives a job back on release without counting an attempt', async function () {
        const c = makeCase();
        await store.createCase(c, [makeJob(c)]);
        const [job] = await store.claimDueJobs(new Date(T0), 'w1', 10 * MINUTE, 1);
        assert.ok(job);
        await store.releaseJob(job, 'w2');
        assert.deepEqual(
          await store.claimDueJobs(new Date(T0), 'w2', MINUTE, 1),
          [],
          'a stranger cannot release',
        );
        await store.releaseJob(job, 'w1');
        const [again] = await store.claimDueJobs(new Date(T0), 'w2', MINUTE, 1);
        assert.equal(again?.id, job.id);
        assert.equal(again?.attempts, 0);
      });

      it('cancels the pending jobs of a case, all or some kinds', async function () {
        const c = makeCase({ number: 1 });
        const other = makeCase({ number: 2 });
        const open = makeJob(c, { kind: 'timer:window-open' });
        const close = makeJob(c, { kind: 'timer:window-close' });
        const effect = makeJob(c, { kind: 'effect:update-card' });
        await store.createCase(c, [open, close, effect]);
        await store.createCase(other, [makeJob(other)]);

        await store.cancelJobs(c.id, ['timer:window-open', 'timer:window-close']);
        assert.deepEqual(
          (await store.listJobs(c.id)).map((j) => j.id),
          [effect.id],
        );
        await store.cancelJobs(c.id, []);
        assert.equal((await store.listJobs(c.id)).length, 1, 'an empty kind list cancels nothing');
        await store.cancelJobs(c.id);
        assert.deepEqual(await store.listJobs(c.id), []);
        assert.equal((await store.listJobs(other.id)).length, 1, "another case's jobs are untouched");
        const claimed = await store.claimDueJobs(new Date(T0), 'w', MINUTE, 10);
        assert.deepEqual(
          claimed.map((j) => j.caseId),
          [other.id],
          'cancelled jobs are never claimed',
        );
      });

      it('cancels some kinds in the same commit, keeping a timer of that kind the commit adds', async function () {
        const c = makeCase();
        const oldClose = makeJob(c, { id: uid('old-close'), kind: 'timer:window-close', dueAt: at(MINUTE) });
        const open = makeJob(c, { id: uid('open'), kind: 'timer:window-open', dueAt: at(MINUTE) });
        await store.createCase(c, [oldClose, open]);
        const newClose = makeJob(c, {
          id: uid('new-close'),
          kind: 'timer:window-close',
          dueAt: at(5 * MINUTE),
        });
        await store.commitCase(next(c), 1, [newClose], ['timer:window-close']);
        assert.deepEqual(
          (await store.listJobs(c.id)).map((j) => j.id).sort(),
          [newClose.id, open.id].sort(),
          'the old close timer is gone, the new one and the other kind stay',
        );
      });

      it('cancels nothing when the conditional commit fails', async function () {
        const c = makeCase();
        const close = makeJob(c, { id: uid('close'), kind: 'timer:window-close', dueAt: at(MINUTE) });
        await store.createCase(c, [close]);
        await assert.rejects(store.commitCase(next(next(c)), 2, [], ['timer:window-close']), VersionConflict);
        assert.deepEqual(
          (await store.listJobs(c.id)).map((j) => j.id),
          [close.id],
        );
      });

      it('tells when the next job can be claimed', async function () {
        assert.equal(await store.nextDueAt(), undefined);
        const c = makeCase();
        await store.createCase(c, [
          makeJob(c, { id: uid('soon'), dueAt: at(MINUTE) }),
          makeJob(c, { id: uid('later'), dueAt: at(5 * MINUTE) }),
        ]);
        assert.equal((await store.nextDueAt())?.getTime(), T0 + MINUTE);
        const [job] = await store.claimDueJobs(new Date(T0 + MINUTE), 'w', 2 * MINUTE, 1);
        assert.ok(job);
        assert.equal(
          (await store.nextDueAt())?.getTime(),
          T0 + 3 * MINUTE,
          'a leased job counts from its lease expiry',
        );
        await store.completeJob(job, 'w');
        assert.equal((await store.nextDueAt())?.getTime(), T0 + 5 * MINUTE);
      });
    });

    describe('conversation references', function () {
      it('saves, overwrites, reads and deletes a reference', async function () {
        const conversationId = uid('19:abc@thread.tacv2;messageid=1/2');
        const ref: StoredReference = {
          conversationId,
          reference: { conversation: { id: conversationId }, serviceUrl: 'https://smba.example/emea/' },
          tenantId: 'tenant-1',
          locale: 'fr',
          kind: 'channel',
          updatedAt: at(0),
        };
        await store.saveReference(ref);
        assert.deepEqual(await store.getReference(conversationId), ref);
        const newer: StoredReference = { ...ref, locale: 'en', userId: 'user-2', updatedAt: at(MINUTE) };
        await store.saveReference(newer);
        assert.deepEqual(await store.getReference(conversationId), newer);
        await store.deleteReference(conversationId);
        assert.equal(await store.getReference(conversationId), undefined);
        await store.deleteReference(conversationId);
      });
    });

    describe('audit', function () {
      it('lists entries newest first, for one case or all, with a limit', async function () {
        const caseA = uid('case');
        const caseB = uid('case');
        const entry = (i: number, caseId?: string): AuditEntry => ({
          id: uid('audit'),
          at: at(i * SECOND),
          actor: 'Ada',
          action: `action ${i}`,
          result: 'ok',
          ...(caseId ? { caseId, caseNumber: 3 } : {}),
        });
        const entries = [entry(1, caseA), entry(2, caseB), entry(3), entry(4, caseA), entry(5, caseB)];
        for (const e of [entries[3], entries[0], entries[4], entries[2], entries[1]]) {
          if (e) await store.appendAudit(e);
        }
        const ids = (list: AuditEntry[]) => list.map((e) => e.id);
        const [e1, e2, e3, e4, e5] = entries.map((e) => e.id);
        assert.deepEqual(ids(await store.listAudit({})), [e5, e4, e3, e2, e1]);
        assert.deepEqual(ids(await store.listAudit({ limit: 2 })), [e5, e4]);
        assert.deepEqual(ids(await store.listAudit({ caseId: caseA })), [e4, e1]);
        assert.deepEqual(ids(await store.listAudit({ caseId: caseB, limit: 1 })), [e5]);
        assert.deepEqual(await store.listAudit({ caseId: uid('none') }), []);
        assert.deepEqual((await store.listAudit({ caseId: caseA }))[1], entries[0]);
      });
    });

    describe('markOnce', function () {
      it('is true the first time, false within the time to live, true again after it', async function () {
        const key = uid('activity');
        assert.equal(await store.markOnce(key, MINUTE, new Date(T0)), true);
        assert.equal(await store.markOnce(key, MINUTE, new Date(T0 + 30 * SECOND)), false);
        assert.equal(await store.markOnce(uid('activity'), MINUTE, new Date(T0 + 30 * SECOND)), true);
        assert.equal(await store.markOnce(key, MINUTE, new Date(T0 + MINUTE + SECOND)), true);
        assert.equal(await store.markOnce(key, MINUTE, new Date(T0 + MINUTE + 2 * SECOND)), false);
      });

      it('tells whether a key is marked without marking it (engines that offer hasMark)', async function () {
        const marks = store as Store & { hasMark?: (key: string, now: Date) => Promise<boolean> };
        if (!marks.hasMark) this.skip();
        const key = uid('sent');
        assert.equal(await marks.hasMark(key, new Date(T0)), false);
        assert.equal(await marks.hasMark(key, new Date(T0)), false, 'looking does not mark');
        await store.markOnce(key, MINUTE, new Date(T0));
        assert.equal(await marks.hasMark(key, new Date(T0 + 30 * SECOND)), true);
        assert.equal(await marks.hasMark(key, new Date(T0 + 2 * MINUTE)), false, 'an expired mark is gone');
      });

      it('answers true to exactly one of two instances', async function () {
        const other = await second();
        const keys = Array.from({ length: 10 }, () => uid('activity'));
        for (const key of keys) {
          const answers = await Promise.all([
            store.markOnce(key, MINUTE, new Date(T0)),
            other.markOnce(key, MINUTE, new Date(T0)),
          ]);
          assert.equal(answers.filter(Boolean).length, 1);
        }
      });
    });

    describe('lifecycle', function () {
      it('answers a ping', async function () {
        await store.ping();
      });

      it('keeps its data for the next instance after close', async function () {
        if (!fixture.another) this.skip();
        const c = makeCase();
        await store.createCase(c, [makeJob(c)]);
        await store.close();
        const reopened = await second();
        assert.deepEqual(await reopened.getCase(c.id), c);
        assert.equal((await reopened.listJobs(c.id)).length, 1);
      });
    });
  });
}
