import { strict as assert } from 'node:assert';
import { RestError, TableClient } from '@azure/data-tables';
import { explain, StoreUnavailable } from '../../../bot/store/table-access';
import { TableStore } from '../../../bot/store/table-store';
import { startAzurite, type RunningAzurite } from '../../support/azurite';
import { describeStoreContract, makeCase, makeJob } from './store-contract';

describe('TableStore on Azurite', function () {
  this.timeout(60_000);
  let azurite: RunningAzurite;
  let prefixes = 0;
  const nextPrefix = () => `t${process.pid}x${++prefixes}`;

  before(async function () {
    azurite = await startAzurite();
  });

  after(async function () {
    await azurite?.stop();
  });

  describeStoreContract('Azure Tables (Azurite), two instances', async () => {
    const tablePrefix = nextPrefix();
    const open = () => TableStore.open({ connectionString: azurite.connectionString, tablePrefix });
    const store = await open();
    return {
      store,
      another: open,
      cleanup: async () => {
        await store.dropTables();
        await store.close();
      },
    };
  });

  describe('engine specifics', function () {
    let store: TableStore;
    let tablePrefix: string;

    beforeEach(async function () {
      tablePrefix = nextPrefix();
      store = await TableStore.open({ connectionString: azurite.connectionString, tablePrefix });
    });

    afterEach(async function () {
      await store.dropTables();
      await store.close();
    });

    const client = (suffix: string) =>
      TableClient.fromConnectionString(azurite.connectionString, `${tablePrefix}${suffix}`, {
        allowInsecureConnection: true,
      });

    it('splits a large case over several properties', async function () {
      const c = makeCase({
        history: [{ at: c0(), actor: 'bot', action: 'big', result: 'info', detail: 'y'.repeat(70_000) }],
      });
      await store.createCase(c, []);
      const entity = await client('Cases').getEntity<Record<string, unknown>>(c.id, 'case');
      assert.equal(entity.jsonParts, 3);
      assert.deepEqual(await store.getCase(c.id), c);
    });

    it('refuses a case too large for one entity with a clear message', async function () {
      const c = makeCase({
        history: [{ at: c0(), actor: 'bot', action: 'huge', result: 'info', detail: 'z'.repeat(600_000) }],
      });
      await assert.rejects(store.createCase(c, []), /more than an Azure table entity can hold/);
    });

    it('skips a due entry whose job was never committed, and removes it once it is old', async function () {
      const c = makeCase();
      const job = makeJob(c);
      await store.createCase(c, [job]);
      const due = client('Due');
      const stray = {
        partitionKey: '000000000000',
        rowKey: '000000000000001~ghost~job',
        caseId: 'ghost',
        jobId: 'job',
        dueMs: 1,
        writtenMs: 0,
      };
      await due.createEntity(stray);
      const claimed = await store.claimDueJobs(new Date(Date.parse(job.dueAt)), 'w', 60_000, 10);
      assert.deepEqual(
        claimed.map((j) => j.id),
        [job.id],
      );
      await assert.rejects(
        due.getEntity(stray.partitionKey, stray.rowKey),
        /ResourceNotFound|does not exist/,
      );
    });

    it('takes over a room lock left by a case that was never written', async function () {
      const c = makeCase();
      const lock = { partitionKey: 'room', rowKey: c.roomId, roomId: c.roomId, caseId: 'never-written' };
      await client('Index').createEntity(lock);
      await store.createCase(c, []);
      assert.equal((await store.findOpenCaseForRoom(c.roomId))?.id, c.id);
      // The dead creator is fenced: its case can no longer appear.
      await assert.rejects(
        store.createCase(makeCase({ id: 'never-written', roomId: c.roomId, number: 2 }), []),
      );
      assert.equal(await store.getCase('never-written'), undefined);
    });

    it('takes over a room lock still held by a closed case', async function () {
      const first = makeCase({ number: 1 });
      await store.createCase(first, []);
      await store.commitCase({ ...first, state: 'resolved', version: 2 }, 1, []);
      // As if the release after the close had failed: the lock still names the closed case.
      await client('Index').upsertEntity({
        partitionKey: 'room',
        rowKey: first.roomId,
        roomId: first.roomId,
        caseId: first.id,
      });
      const second = makeCase({ number: 2, roomId: first.roomId });
      await store.createCase(second, []);
      assert.equal((await store.findOpenCaseForRoom(first.roomId))?.id, second.id);
      assert.equal((await store.getCase(first.id))?.state, 'resolved');
    });

    it('refuses more jobs than one transaction can hold', async function () {
      const c = makeCase();
      const jobs = Array.from({ length: 100 }, () => makeJob(c));
      await assert.rejects(store.createCase(c, jobs), /at most 99 jobs/);
    });

    it('explains a missing table, bad credentials and a bad prefix', async function () {
      await store.dropTables();
      await assert.rejects(store.getCase('x'), (err: unknown) => {
        assert.ok(err instanceof StoreUnavailable);
        assert.match(err.message, /does not exist.*AZURE_TABLES_PREFIX/s);
        return true;
      });
      const badKey = azurite.connectionString.replace(
        /AccountKey=[^;]+/,
        `AccountKey=${Buffer.from('k'.repeat(64)).toString('base64')}`,
      );
      await assert.rejects(
        TableStore.open({ connectionString: badKey, tablePrefix: nextPrefix() }),
        (err: unknown) => {
          assert.ok(err instanceof StoreUnavailable);
          assert.match(err.message, /refused the credentials.*AccountKey/s);
          return true;
        },
      );
      await assert.rejects(
        TableStore.open({ connectionString: azurite.connectionString, tablePrefix: 'bad-prefix' }),
        /AZURE_TABLES_PREFIX/,
      );
      await assert.rejects(TableStore.open({}), /AZURE_TABLES_CONNECTION_STRING/);
      // Recreate the tables so afterEach can drop them.
      store = await TableStore.open({ connectionString: azurite.connectionString, tablePrefix });
    });
  });
});

function c0(): string {
  return '2030-01-01T09:00:00.000Z';
}

describe('Azure table error explanations', function () {
  const endpoint = { endpoint: 'https://acct.table.core.windows.net' };

  it('names the endpoint setting when the service cannot be reached', function () {
    const err = explain(
      new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }),
      'helpdeskCases',
      endpoint,
    );
    assert.ok(err instanceof StoreUnavailable);
    assert.match(err.message, /unreachable \(ECONNREFUSED\).*AZURE_TABLES_ENDPOINT/);
  });

  it('points a managed identity refused by the service at its role', function () {
    const err = explain(
      new RestError('denied', { statusCode: 403, code: 'AuthorizationPermissionMismatch' }),
      'helpdeskCases',
      endpoint,
    );
    assert.ok(err instanceof StoreUnavailable);
    assert.match(err.message, /Storage Table Data Contributor/);
  });

  it('says when no managed identity is available', function () {
    const missing = Object.assign(new Error('no identity'), { name: 'CredentialUnavailableError' });
    const err = explain(missing, 'helpdeskCases', endpoint);
    assert.ok(err instanceof StoreUnavailable);
    assert.match(err.message, /managed identity/);
  });

  it('leaves the answers the store handles itself alone', function () {
    const conflict = new RestError('exists', { statusCode: 409 });
    assert.equal(explain(conflict, 'helpdeskCases', endpoint), conflict);
  });
});
