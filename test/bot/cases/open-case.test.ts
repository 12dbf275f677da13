import { strict as assert } from 'node:assert';
import { InvalidCaseInput, openCase } from '../../../bot/cases/open-case';
import { ALICE, DISABLED_PLANS, room4bInput, SKU, T0, userLicenceInput } from './fixtures';

describe('openCase', () => {
  it('opens a licence-cycle case for Room 4B at version 1', () => {
    const c = openCase(room4bInput(), T0);
    assert.equal(c.id, 'case-room-4b');
    assert.equal(c.number, 12);
    assert.equal(c.kind, 'licence-cycle');
    assert.equal(c.account, 'room-4b@contoso.com');
    assert.equal(c.state, 'awaiting-confirmation');
    assert.equal(c.version, 1);
    assert.equal(c.createdAt, T0.toISOString());
    assert.equal(c.updatedAt, T0.toISOString());
    assert.deepEqual(c.createdBy, ALICE);
    assert.equal(c.snapshot?.skuId, SKU.pro);
    assert.equal(c.removeSkuIds, undefined);
    assert.equal(c.outcome, undefined);
    assert.equal(c.reporters.length, 1);
  });

  it('targets the snapshot licence, disabled plans included', () => {
    const c = openCase(room4bInput(), T0);
    assert.deepEqual(c.target, { skuId: SKU.pro, disabledPlans: DISABLED_PLANS });
  });

  it('writes the opening history entry', () => {
    const c = openCase(room4bInput(), T0);
    assert.deepEqual(c.history, [
      {
        at: T0.toISOString(),
        actor: 'Alice Martin',
        action: 'opened',
        result: 'ok',
        detail: 'licence-cycle Microsoft_Teams_Rooms_Pro',
      },
    ]);
  });

  it('names the opener by id when Teams gives no name', () => {
    const c = openCase(room4bInput({ createdBy: { id: 'aad-zed' } }), T0);
    assert.equal(c.history[0]?.actor, 'aad-zed');
  });

  it('opens a case from a report in the diagnosed state', () => {
    assert.equal(openCase(room4bInput({ state: 'diagnosed' }), T0).state, 'diagnosed');
  });

  it('opens a remove-user-licence case without a target', () => {
    const c = openCase(userLicenceInput({ removeSkuIds: [SKU.o365E3, SKU.o365E3, ''] }), T0);
    assert.equal(c.kind, 'remove-user-licence');
    assert.deepEqual(c.removeSkuIds, [SKU.o365E3]);
    assert.equal(c.target, undefined);
    assert.equal(c.history[0]?.detail, `remove-user-licence ${SKU.o365E3}`);
  });

  it('keeps each reporter once', () => {
    const dana = { userId: 'aad-dana', locale: 'fr' as const };
    const c = openCase(room4bInput({ reporters: [dana, { ...dana, name: 'Dana again' }] }), T0);
    assert.equal(c.reporters.length, 1);
  });

  it('leaves optional fields out rather than undefined', () => {
    const input = room4bInput();
    delete input.teamsDeviceId;
    delete input.conversationId;
    delete input.reporters;
    const c = openCase(input, T0);
    assert.ok(!('teamsDeviceId' in c));
    assert.ok(!('conversationId' in c));
    assert.deepEqual(c.reporters, []);
  });

  it('copies the input, so later changes to it do not reach the case', () => {
    const input = room4bInput();
    const c = openCase(input, T0);
    input.snapshot?.disabledPlans.push('x');
    input.reporters?.push({ userId: 'late', locale: 'en' });
    assert.deepEqual(c.snapshot?.disabledPlans, DISABLED_PLANS);
    assert.deepEqual(c.target?.disabledPlans, DISABLED_PLANS);
    assert.equal(c.reporters.length, 1);
  });

  describe('validation', () => {
    const invalid: [
      string,
      Parameters<typeof room4bInput>[0] | (() => ReturnType<typeof room4bInput>),
      RegExp,
    ][] = [
      [
        'a group-assigned licence',
        {
          snapshot: {
            skuId: SKU.pro,
            skuPartNumber: 'Microsoft_Teams_Rooms_Pro',
            disabledPlans: [],
            assignment: 'group',
          },
        },
        /assigned through a group/,
      ],
      [
        'a licence cycle without snapshot',
        () => {
          const input = room4bInput();
          delete input.snapshot;
          return input;
        },
        /needs a snapshot/,
      ],
      ['a licence cycle with SKUs to remove', { removeSkuIds: [SKU.o365E3] }, /snapshot's licence only/],
      [
        'a user-licence removal with no SKU',
        { kind: 'remove-user-licence', removeSkuIds: [] },
        /at least one user licence/,
      ],
      [
        'a user-licence removal with only empty ids',
        { kind: 'remove-user-licence', removeSkuIds: [''] },
        /at least one/,
      ],
      [
        'a user-licence removal without the list',
        { kind: 'remove-user-licence' },
        /at least one user licence/,
      ],
      ['a case number of 0', { number: 0 }, /positive integer/],
      ['a fractional case number', { number: 1.5 }, /positive integer/],
      ['an empty id', { id: '' }, /needs an id/],
      ['no resource account', { account: '' }, /resource account/],
    ];
    for (const [name, overrides, message] of invalid) {
      it(`refuses ${name}`, () => {
        const input = typeof overrides === 'function' ? overrides() : room4bInput(overrides);
        assert.throws(
          () => openCase(input, T0),
          (err: unknown) => err instanceof InvalidCaseInput && message.test(err.message),
        );
      });
    }
  });
});
