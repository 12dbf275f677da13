import { strict as assert } from 'node:assert';
import { TransitionRefused, type CaseEvent, type RepairCase } from '../../../bot/cases/model';
import { openCase } from '../../../bot/cases/open-case';
import { transition } from '../../../bot/cases/transition';
import { ALICE, BOB, T0, at, kinds, settings } from './fixtures';

/** Room 7G reported by an end user: the account is disabled, which the bot does not repair itself. */
function report7G(): RepairCase {
  return openCase(
    {
      id: 'case-7g',
      number: 7,
      kind: 'room-report',
      roomId: 'b0000000-0000-4000-8000-000000000707',
      roomName: 'Room 7G',
      account: 'room-7g@contoso.com',
      accountId: 'a-7g',
      createdBy: { id: 'aad-leo', name: 'Léo Dupont' },
      locale: 'en',
      reporters: [{ userId: 'aad-leo', name: 'Léo Dupont', conversationId: 'a:leo', locale: 'en' }],
      state: 'diagnosed',
    },
    T0,
  );
}

type Expected =
  { state: RepairCase['state']; effects: string[] } | { refused: TransitionRefused['reason'] } | 'ignored';

const ROWS: { name: string; from: () => RepairCase; event: CaseEvent; expected: Expected }[] = [
  {
    name: 'fixed by the helpdesk -> resolved, the thread and the reporters told',
    from: report7G,
    event: { type: 'check-result', actor: ALICE, works: true },
    expected: { state: 'resolved', effects: ['update-card', 'notify:both:resolved'] },
  },
  {
    name: 'cancelled -> cancelled, nothing restored',
    from: report7G,
    event: { type: 'cancel', actor: ALICE },
    expected: { state: 'cancelled', effects: ['update-card', 'notify:both:cancelled'] },
  },
  {
    name: '"still fails" has no meaning here',
    from: report7G,
    event: { type: 'check-result', actor: ALICE, works: false },
    expected: { refused: 'wrong-state' },
  },
  {
    name: 'no licence repair to start',
    from: report7G,
    event: { type: 'start', actor: ALICE },
    expected: { refused: 'wrong-state' },
  },
  {
    name: 'nothing to escalate to Microsoft',
    from: report7G,
    event: { type: 'escalate', actor: ALICE },
    expected: { refused: 'wrong-state' },
  },
  {
    name: 'no licence to remove',
    from: report7G,
    event: { type: 'confirm', actor: ALICE },
    expected: { refused: 'wrong-state' },
  },
  {
    name: 'a Graph result of another kind of case is ignored',
    from: report7G,
    event: { type: 'removed', at: T0.toISOString() },
    expected: 'ignored',
  },
  {
    name: 'a timer of another kind of case is ignored',
    from: report7G,
    event: { type: 'window-opened' },
    expected: 'ignored',
  },
  {
    name: 'a closed report refuses every decision',
    from: () =>
      transition(report7G(), { type: 'check-result', actor: ALICE, works: true }, at(60_000), settings())
        .case,
    event: { type: 'cancel', actor: BOB },
    expected: { refused: 'closed' },
  },
];

describe('room-report transitions', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const before = row.from();
      const frozen = structuredClone(before);
      const run = () => transition(before, row.event, at(5 * 60_000), settings());
      const expected = row.expected;
      if (expected === 'ignored') {
        const result = run();
        assert.equal(result.case, before);
        assert.deepEqual(result.effects, []);
      } else if ('refused' in expected) {
        assert.throws(
          run,
          (err: unknown) => err instanceof TransitionRefused && err.reason === expected.refused,
        );
      } else {
        const result = run();
        assert.equal(result.case.state, expected.state);
        assert.equal(result.case.version, before.version + 1);
        assert.deepEqual(kinds(result.effects), expected.effects);
      }
      assert.deepEqual(before, frozen, 'the input case is never modified');
    });
  }

  it('adds a second reporter once', () => {
    const reporter = {
      userId: 'aad-alice',
      name: 'Alice Martin',
      conversationId: 'a:alice',
      locale: 'fr' as const,
    };
    const once = transition(report7G(), { type: 'reporter-joined', reporter }, at(60_000), settings()).case;
    const twice = transition(once, { type: 'reporter-joined', reporter }, at(120_000), settings()).case;
    assert.deepEqual(
      twice.reporters.map((r) => r.name),
      ['Léo Dupont', 'Alice Martin'],
    );
    assert.equal(twice, once);
  });
});
