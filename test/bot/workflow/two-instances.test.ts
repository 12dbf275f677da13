import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import type { RepairCase } from '../../../bot/cases/model';
import { TableStore } from '../../../bot/store';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { startAzurite, type RunningAzurite } from '../../support/azurite';
import { DEMO_HELPDESK_GROUP, cardActions } from '../../support/bot-harness';
import { BotProcess } from '../../support/bot-process';
import { classifyThreadNotice, impliedThreadNotices } from '../../support/case-notices';
import { isLicenceWrite, isRestart, licencesOf, roomPlan, type RoomPlan } from '../../support/demo-rooms';
import { FakeConnector, cardOf } from '../../support/fake-connector';
import { untilExplained } from '../../support/until-explained';
import { TeamsDriver, channelThread } from '../../support/teams-driver';

/*
 * Two bot processes behind one Azure Tables store (Azurite), one Graph emulator and one fake Teams connector, as in
 * a scaled-out App Service: any turn may reach either instance, and every timer must fire on exactly one.
 */

const START_REPAIR = 'licence.start-repair';
const SET_USAGE_LOCATION = 'licence.set-usage-location';
const CYCLE_TIMEOUT_MS = 60_000;

interface OpenedCase {
  plan: RoomPlan;
  conversationId: string;
  /** The diagnosis message that becomes the case card. */
  cardMessageId: string;
  caseId: string;
}

describe('two bot instances sharing one Azure Tables store', function () {
  this.timeout(180_000);
  let azurite: RunningAzurite | undefined;
  let emulator: RunningEmulator | undefined;
  const connector = new FakeConnector();
  const driver = new TeamsDriver(connector);
  const bots: BotProcess[] = [];
  let store: TableStore | undefined;

  const botA = (): BotProcess => bots[0] as BotProcess;
  const botB = (): BotProcess => bots[1] as BotProcess;
  const graph = (): RunningEmulator => emulator as RunningEmulator;
  const tables = (): TableStore => store as TableStore;

  before(async () => {
    azurite = await startAzurite();
    emulator = await startEmulator({ port: 0, purgeAfterMs: 2000, operationDurationMs: 500 });
    await connector.start();
    const prefix = `twoinst${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const env = (instance: string): Record<string, string> => ({
      STORE: 'azure-tables',
      AZURE_TABLES_CONNECTION_STRING: (azurite as RunningAzurite).connectionString,
      AZURE_TABLES_PREFIX: prefix,
      INSTANCE_ID: instance,
      GRAPH_BASE_URL: graph().url,
      GRAPH_MAX_RETRIES: '2',
      HELPDESK_GROUP_ID: DEMO_HELPDESK_GROUP,
      LOG_LEVEL: 'info',
      LICENCE_WAIT_MIN: 'PT2S',
      LICENCE_WAIT_MAX: 'PT6S',
      VERIFY_POLL_INTERVAL: 'PT0.5S',
      VERIFY_TIMEOUT: 'PT2M',
      SCHEDULER_POLL_INTERVAL: 'PT0.2S',
    });
    // Both at once, as a scale-out starts them: they race to create the tables.
    const started = await Promise.allSettled([
      BotProcess.start({ env: env('instance-a'), name: 'bot A' }),
      BotProcess.start({ env: env('instance-b'), name: 'bot B' }),
    ]);
    for (const s of started) if (s.status === 'fulfilled') bots.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    store = await TableStore.open({ connectionString: azurite.connectionString, tablePrefix: prefix });
  });

  after(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await store?.close();
    await connector.stop();
    await emulator?.close();
    await azurite?.stop();
  });

  /** Diagnosis on `diagnoseOn`, repair button on `startOn`: the case, awaiting confirmation. */
  async function openCase(plan: RoomPlan, diagnoseOn: BotProcess, startOn: BotProcess): Promise<OpenedCase> {
    const conversationId = channelThread(`two${plan.label}`);
    const { id } = await driver.say(diagnoseOn.url, conversationId, `room ${plan.label} stuck on licence`);
    const reply = await untilExplained(
      `the diagnosis card of ${plan.label} from ${diagnoseOn.name}`,
      () => driver.replyOffering(conversationId, id, START_REPAIR),
      20_000,
      () => connectorSummary(conversationId),
    );
    const cardMessageId = reply.assignedId ?? '';
    const start = cardActions(cardOf(reply)).get(START_REPAIR) ?? {};
    let answer = await driver.click(startOn.url, conversationId, START_REPAIR, start, cardMessageId);
    const usage = cardActions(answer.card).get(SET_USAGE_LOCATION);
    if (usage)
      answer = await driver.click(startOn.url, conversationId, SET_USAGE_LOCATION, usage, cardMessageId);
    const confirm = cardActions(answer.card).get('case.confirm');
    assert.ok(
      confirm && typeof confirm.caseId === 'string',
      `${plan.label}: the repair button opened a case awaiting confirmation; the card offers ${[...cardActions(answer.card).keys()].join(', ')}`,
    );
    return { plan, conversationId, cardMessageId, caseId: confirm.caseId };
  }

  /** A person's decision on the case card, clicked on `on` with the version the card now shows. */
  async function decide(opened: OpenedCase, verb: string, on: BotProcess): Promise<void> {
    const c = await mustGet(opened.caseId);
    const answer = await driver.click(
      on.url,
      opened.conversationId,
      verb,
      { caseId: c.id, version: c.version },
      opened.cardMessageId,
    );
    assert.equal(answer.status, 200, `${verb} on ${on.name} answered ${answer.status}`);
    // A card older than the case gets the current card back: the person clicks again on that one.
    const fresh = cardActions(answer.card).get(verb);
    if (fresh && fresh.version !== c.version) {
      const again = await driver.click(on.url, opened.conversationId, verb, fresh, opened.cardMessageId);
      assert.equal(again.status, 200, `${verb} again on ${on.name} answered ${again.status}`);
    }
  }

  async function mustGet(caseId: string): Promise<RepairCase> {
    const c = await tables().getCase(caseId);
    assert.ok(c, `case ${caseId} is in the shared store`);
    return c;
  }

  async function waitForState(opened: OpenedCase, states: readonly string[]): Promise<RepairCase> {
    return untilExplained(
      `case of ${opened.plan.label} to be ${states.join(' or ')}`,
      async () => {
        const c = await tables().getCase(opened.caseId);
        return c && states.includes(c.state) ? c : undefined;
      },
      CYCLE_TIMEOUT_MS,
      async () => caseSummary(await tables().getCase(opened.caseId)),
    );
  }

  /** Until no job of the case is left: the card updates and notices that follow the last transition. */
  async function drained(opened: OpenedCase): Promise<void> {
    await untilExplained(
      `the last jobs of ${opened.plan.label}`,
      async () => ((await tables().listJobs(opened.caseId)).length === 0 ? true : undefined),
      20_000,
      async () =>
        (await tables().listJobs(opened.caseId))
          .map((j) => `${j.kind} (attempts ${j.attempts}, lease ${j.leaseOwner ?? 'none'})`)
          .join('; '),
    );
  }

  function connectorSummary(conversationId: string): string {
    const calls = connector.calls.filter((c) => c.conversationId === conversationId);
    return `The connector saw ${calls.length} calls there: ${calls.map((c) => c.kind).join(', ')}. ${problems()}`;
  }

  function caseSummary(c: RepairCase | undefined): string {
    if (!c) return 'The case is not in the store.';
    return `It is ${c.state} (v${c.version}); history: ${c.history.map((h) => `${h.action}/${h.result}`).join(' > ')}. ${problems()}`;
  }

  function problems(): string {
    const lines = bots.flatMap((b) =>
      b
        .output()
        .split('\n')
        .filter((l) => /"level":(50|60)/.test(l))
        .map((l) => `[${b.name}] ${l.slice(0, 300)}`),
    );
    return lines.length ? `Errors logged:\n${lines.slice(-20).join('\n')}` : '';
  }

  /**
   * Each notice the history implies reached the thread exactly once (no crash here, so no excuse for a repeat),
   * each Graph write happened once, and the room ended with its licence.
   */
  async function checkExactlyOnce(opened: OpenedCase): Promise<string[]> {
    const { plan } = opened;
    const c = await mustGet(opened.caseId);
    const found: string[] = [];
    const received = new Map<string, number>();
    for (const text of driver.threadTexts(opened.conversationId)) {
      const kind = classifyThreadNotice(text, c.number);
      if (kind) received.set(kind, (received.get(kind) ?? 0) + 1);
    }
    const implied = impliedThreadNotices(c);
    for (const [kind, count] of implied) {
      const got = received.get(kind) ?? 0;
      if (got !== count)
        found.push(`${plan.label}: notice "${kind}" delivered ${got} times, expected ${count}`);
    }
    for (const [kind, got] of received) {
      if (!implied.has(kind as never))
        found.push(`${plan.label}: notice "${kind}" delivered ${got} times, not implied`);
    }
    if (plan.kind === 'licence-cycle') {
      const opens = c.history.filter((h) => h.action === 'window-opened').length;
      if (opens !== 1) found.push(`${plan.label}: the window opened ${opens} times in the history`);
    }
    const log = graph().requests();
    const writes = log.filter(isLicenceWrite(plan));
    if (writes.length !== plan.licenceWrites)
      found.push(`${plan.label}: ${writes.length} assignLicense calls, expected ${plan.licenceWrites}`);
    const restarts = log.filter(isRestart(plan));
    if (restarts.length !== 1) found.push(`${plan.label}: ${restarts.length} restart requests, expected 1`);
    const held = await licencesOf(graph().url, plan.account);
    if (!held.includes(plan.roomsSku)) found.push(`${plan.label}: ended without its Teams Rooms licence`);
    if (plan.removedSku && held.includes(plan.removedSku))
      found.push(`${plan.label}: still holds the user licence`);
    return found;
  }

  it('carries one case through turns that alternate between the instances', async () => {
    const plan = roomPlan('4B');
    const opened = await openCase(plan, botA(), botB());
    await decide(opened, 'case.confirm', botA());
    await waitForState(opened, ['window-open']);
    await decide(opened, 'case.reassign', botB());
    const done = await waitForState(opened, ['resolved', 'escalated', 'cancelled']);
    assert.equal(done.state, 'resolved', caseSummary(done));
    await drained(opened);
    assert.deepEqual(await checkExactlyOnce(opened), []);
  });

  it('fires each timer once and writes to Graph once per step with several cases on both instances', async () => {
    // The first test repaired 4B: start again from the fixture (which also empties the request log).
    graph().reset();
    const plans = ['4B', '1A', '6F', '2C'].map(roomPlan);
    const pair = (i: number): [BotProcess, BotProcess] => (i % 2 === 0 ? [botA(), botB()] : [botB(), botA()]);
    const opened = await Promise.all(plans.map((plan, i) => openCase(plan, ...pair(i))));
    const numbers = await Promise.all(opened.map(async (o) => (await mustGet(o.caseId)).number));
    assert.equal(new Set(numbers).size, numbers.length, `case numbers are unique: ${numbers.join(', ')}`);

    await Promise.all(
      opened.map(async (o, i) => {
        const [first, second] = pair(i);
        await decide(o, 'case.confirm', second);
        if (o.plan.kind === 'licence-cycle') {
          await waitForState(o, ['window-open']);
          await decide(o, 'case.reassign', first);
        }
        const done = await waitForState(o, ['resolved', 'escalated', 'cancelled']);
        assert.equal(done.state, 'resolved', `${o.plan.label}: ${caseSummary(done)}`);
      }),
    );
    await Promise.all(opened.map(drained));
    const found = (await Promise.all(opened.map(checkExactlyOnce))).flat();
    assert.deepEqual(found, [], `${found.join('\n')}\n${problems()}`);
    const open = await tables().listCases({ open: true });
    assert.deepEqual(
      open.map((c) => `${c.roomName}: ${c.state}`),
      [],
      'no case is left open',
    );
  });
});
