import { strict as assert } from 'node:assert';
import { defaultPhoneKnowledge } from '../../../bot/knowledge/phone';
import type { PhoneCauseId } from '../../../bot/knowledge/phone-types';
import { cardOf, cardText, type ConnectorCall } from '../../support/fake-connector';
import { TestClock, cardActions, clickExecute, startHarness, type Harness } from '../../support/bot-harness';
import { validateCard } from '../../support/card-validator';
import { until } from '../../support/until';

const ALICE_PHONE = 'd0000000-0000-4000-8000-000000001001';
const LEO = 'a0000000-0000-4000-8000-000000002003';

/** The answers that lead from the root of the decision tree to `cause` (first path found). */
function pathTo(cause: PhoneCauseId): { questionId: string; answerId: string }[] {
  const tree = defaultPhoneKnowledge.tree;
  const walk = (questionId: string): { questionId: string; answerId: string }[] | undefined => {
    const q = tree.questions.find((item) => item.id === questionId);
    for (const a of q?.answers ?? []) {
      if (a.conclusion === cause) return [{ questionId, answerId: a.id }];
      if (a.next) {
        const rest = walk(a.next);
        if (rest) return [{ questionId, answerId: a.id }, ...rest];
      }
    }
    return undefined;
  };
  const path = walk(tree.root);
  assert.ok(path, `the tree reaches ${cause}`);
  return path;
}

/** Every answer button of the card's current question. */
function answerButtons(card: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === 'phone.answer')
        out.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

function action(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const data = cardActions(card).get(verb);
  assert.ok(data, `the card offers ${verb}; it offers ${[...cardActions(card).keys()].join(', ')}`);
  return data;
}

async function ask(h: Harness, text: string, fixture?: string): Promise<ConnectorCall> {
  const t0 = Date.now();
  await h.say(text, fixture);
  return h.connector.waitFor((c) => c.at >= t0 && cardOf(c) !== undefined);
}

async function setOnline(h: Harness, deviceId: string, online: boolean): Promise<void> {
  const res = await fetch(`${h.emulator.url}/_emulator/devices/${deviceId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ online }),
  });
  assert.equal(res.status, 200);
}

describe('phone playbook: Poly CCX 500 "No internet", over HTTP against the emulator', function () {
  this.timeout(60_000);
  let h: Harness;
  const clock = new TestClock();

  beforeEach(async () => {
    h = await startHarness({ clock, emulator: { operationDurationMs: 60_000 } });
  });
  afterEach(async () => {
    await h.stop();
  });

  async function openAliceCase(): Promise<{ card: Record<string, unknown>; replyToId: string }> {
    const reply = await ask(h, "Alice's CCX 500 says no internet");
    const diagnosis = cardOf(reply) ?? {};
    const open = action(diagnosis, 'phone.open-case');
    const replyToId = reply.assignedId ?? '';
    const opened = await clickExecute(h, 'phone.open-case', open, { replyToId });
    assert.equal(opened.status, 200);
    return { card: opened.card, replyToId };
  }

  async function answerAll(
    card: Record<string, unknown>,
    path: { questionId: string; answerId: string }[],
    replyToId: string,
  ): Promise<Record<string, unknown>> {
    let current = card;
    for (const step of path) {
      const button = answerButtons(current).find(
        (b) => b.questionId === step.questionId && b.answerId === step.answerId,
      );
      assert.ok(button, `the card asks ${step.questionId} with answer ${step.answerId}`);
      current = (await clickExecute(h, 'phone.answer', button, { replyToId })).card;
      assert.deepEqual(validateCard(current).errors, []);
    }
    return current;
  }

  it("diagnoses Alice's phone: offline, firmware 7.1.3.0991 below the 8.x line, a network path to walk", async () => {
    const reply = await ask(h, "Alice's CCX 500 says no internet");
    const card = cardOf(reply) ?? {};
    assert.deepEqual(validateCard(card).errors, []);
    const text = cardText(card);
    assert.match(text, /Alice Martin/);
    assert.match(text, /7\.1\.3\.0991/);
    assert.match(text, /8\.1\.4\.1250/);
    assert.match(text, /10\.20\.3\.41/);
  });

  it('understands the request in French and answers in French', async () => {
    const reply = await ask(h, "le téléphone d'Alice Martin affiche No internet", 'personal-message-fr');
    const text = cardText(cardOf(reply));
    assert.match(text, /Alice Martin/);
    assert.match(text, /Ouvrir un dossier|Vérifier/);
  });

  it('walks the site checks to VLAN/DHCP, hands off to the network team, updates the firmware and closes', async () => {
    const { card, replyToId } = await openAliceCase();
    assert.deepEqual(validateCard(card).errors, []);
    assert.ok(answerButtons(card).length >= 2, 'the case card asks the first site question');

    const concluded = await answerAll(card, pathTo('vlan-dhcp-cabling'), replyToId);
    const cause = defaultPhoneKnowledge.tree.causes.find((c) => c.id === 'vlan-dhcp-cabling');
    assert.ok(cause);
    assert.ok(cardText(concluded).includes(cause.title.en), 'the card names the probable cause');

    const t0 = Date.now();
    await clickExecute(h, 'phone.handoff', action(concluded, 'phone.handoff'), { replyToId });
    const handoff = await h.connector.waitFor(
      (c) => c.at >= t0 && cardOf(c) !== undefined && c.kind !== 'update',
    );
    const handoffText = cardText(cardOf(handoff));
    assert.match(handoffText, /10\.20\.3\.41/);
    assert.match(handoffText, /00-04-F2-A1-10-01/i);

    // The phone is offline: the firmware update cannot run, and the card says so.
    const confirmCard = (
      await clickExecute(h, 'phone.update', action(concluded, 'phone.update'), { replyToId })
    ).card;
    assert.match(cardText(confirmCard), /8\.1\.4\.1250/);
    await clickExecute(h, 'phone.update-confirmed', action(confirmCard, 'phone.update-confirmed'), {
      replyToId,
    });
    const caseId = String(action(concluded, 'phone.update').caseId);
    await until('the command accepted', async () => {
      const c = await h.bot.services.cases.get(caseId);
      return c?.phone?.operation?.status === 'running' ? c : undefined;
    });
    clock.advance(61_000, h.emulator);
    h.bot.scheduler.wake();
    const failed = await until('the failed update', async () => {
      const c = await h.bot.services.cases.get(caseId);
      return c?.phone?.operation?.status === 'failed' ? c : undefined;
    });
    assert.equal(failed.state, 'troubleshooting');
    assert.match(failed.phone?.operation?.detail ?? '', /offline/i);

    // The network team fixed the port: the phone is back, the update goes through.
    await setOnline(h, ALICE_PHONE, true);
    const current = await h.bot.services.cases.get(caseId);
    assert.ok(current);
    const refreshed = (
      await clickExecute(h, 'case.refresh', { caseId, version: current.version }, { replyToId })
    ).card;
    const confirm2 = (await clickExecute(h, 'phone.update', action(refreshed, 'phone.update'), { replyToId }))
      .card;
    await clickExecute(h, 'phone.update-confirmed', action(confirm2, 'phone.update-confirmed'), {
      replyToId,
    });
    await until('the second command accepted', async () => {
      const c = await h.bot.services.cases.get(caseId);
      return c?.phone?.operation?.status === 'running' ? c : undefined;
    });
    const before = Date.now();
    clock.advance(61_000, h.emulator);
    h.bot.scheduler.wake();
    const checking = await until('the checklist', async () => {
      const c = await h.bot.services.cases.get(caseId);
      return c?.state === 'checking' ? c : undefined;
    });
    assert.equal(checking.phone?.firmware, '8.1.4.1250');
    const told = await h.connector.waitFor(
      (c) => c.at >= before && typeof c.body.text === 'string' && /went through/.test(String(c.body.text)),
    );
    assert.match(String(told.body.text), /Case \d+/);

    const checkCard = (
      await clickExecute(h, 'case.refresh', { caseId, version: checking.version }, { replyToId })
    ).card;
    assert.match(cardText(checkCard), /test call/i);
    await clickExecute(h, 'phone.works', action(checkCard, 'phone.works'), { replyToId });
    const resolved = await h.bot.services.cases.get(caseId);
    assert.equal(resolved?.state, 'resolved');
  });

  it('says so when another command is already queued on the phone (409)', async () => {
    await setOnline(h, ALICE_PHONE, true);
    const { card, replyToId } = await openAliceCase();
    const caseId = String(action(card, 'phone.restart').caseId);
    // Someone restarted the phone from the Teams admin center a moment ago.
    const queued = await fetch(`${h.emulator.url}/beta/teamwork/devices/${ALICE_PHONE}/restart`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(queued.status, 202);
    const confirm = (await clickExecute(h, 'phone.restart', action(card, 'phone.restart'), { replyToId }))
      .card;
    await clickExecute(h, 'phone.restart-confirmed', action(confirm, 'phone.restart-confirmed'), {
      replyToId,
    });
    const refused = await until('the conflict', async () => {
      const c = await h.bot.services.cases.get(caseId);
      return c?.phone?.operation?.status === 'conflict' ? c : undefined;
    });
    assert.equal(refused.state, 'troubleshooting');
    const shown = (await clickExecute(h, 'case.refresh', { caseId, version: refused.version }, { replyToId }))
      .card;
    assert.match(cardText(shown), /already queued or running/);
  });

  it('escalates with a pack when the phone still fails, and reminds the thread an hour later', async () => {
    const { card, replyToId } = await openAliceCase();
    const caseId = String(action(card, 'phone.remind').caseId);
    await clickExecute(h, 'phone.remind', action(card, 'phone.remind'), { replyToId });
    const before = Date.now();
    clock.advance(61 * 60_000, h.emulator);
    h.bot.scheduler.wake();
    await h.connector.waitFor(
      (c) => c.at >= before && typeof c.body.text === 'string' && /reminder/i.test(String(c.body.text)),
    );

    const current = await h.bot.services.cases.get(caseId);
    assert.ok(current);
    const now = (await clickExecute(h, 'case.refresh', { caseId, version: current.version }, { replyToId }))
      .card;
    const t0 = Date.now();
    await clickExecute(h, 'case.escalate', action(now, 'case.escalate'), { replyToId });
    const pack = await h.connector.waitFor(
      (c) => c.at >= t0 && typeof c.body.text === 'string' && /Logs to attach/.test(String(c.body.text)),
    );
    const text = String(pack.body.text);
    assert.match(text, /No internet/);
    assert.match(text, /7\.1\.3\.0991/);
    assert.match(text, /00-04-F2-A1-10-01/);
  });

  it('refuses a person outside the helpdesk and records the attempt', async () => {
    const reply = await ask(h, "Alice's CCX 500 says no internet");
    const open = action(cardOf(reply) ?? {}, 'phone.open-case');
    const res = await clickExecute(h, 'phone.open-case', open, { fromAadObjectId: LEO });
    assert.match(cardText(res.card), /helpdesk/i);
    const audit = await h.bot.services.store.listAudit({ limit: 20 });
    assert.ok(audit.some((a) => a.action === 'open phone case' && a.result === 'refused'));
  });

  for (const [person, expected] of [
    ['Bob Durand', /8\.1\.4\.1250/],
    ['Chloé Petit', /Teams Phone/],
    ['David Leroy', /disabled/i],
    ['Reception', /Shared Devices|CCX 400/],
  ] as const) {
    it(`diagnoses ${person}'s phone`, async () => {
      const reply = await ask(h, `${person}'s phone says no internet`);
      const card = cardOf(reply) ?? {};
      assert.deepEqual(validateCard(card).errors, []);
      assert.match(cardText(card), expected);
    });
  }
});
