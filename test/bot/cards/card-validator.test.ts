import { strict as assert } from 'node:assert';
import { CARD_SIZE_LIMIT_BYTES, validateCard } from '../../support/card-validator';

function card(body: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'AdaptiveCard', version: '1.5', body, ...extra };
}

const submitAction = { type: 'Action.Submit', title: 'Go', data: { verb: 'go' } };

describe('card validator', () => {
  it('accepts a small valid card', () => {
    const result = validateCard(
      card([{ type: 'TextBlock', text: 'Hello', wrap: true }], { actions: [submitAction] }),
    );
    assert.deepEqual(result, { valid: true, errors: [] });
  });

  it('rejects an unknown property, naming the element and the property', () => {
    const result = validateCard(card([{ type: 'TextBlock', text: 'Hello', colour: 'good' }]));
    assert.equal(result.valid, false);
    assert.ok(
      result.errors.some((error) => error.includes('/body/0 (TextBlock)') && error.includes('"colour"')),
      result.errors.join('\n'),
    );
  });

  it('rejects a bad enum value through both the schema and the renderer', () => {
    const result = validateCard(card([{ type: 'TextBlock', text: 'Hello', color: 'purple' }]));
    assert.equal(result.valid, false);
    assert.ok(
      result.errors.some((error) => error.startsWith('schema: /body/0/color')),
      result.errors.join('\n'),
    );
    assert.ok(
      result.errors.some((error) => error.startsWith('adaptivecards: InvalidPropertyValue')),
      result.errors.join('\n'),
    );
  });

  it('rejects an unknown element type', () => {
    const result = validateCard(card([{ type: 'Carousel', pages: [] }]));
    assert.equal(result.valid, false);
    assert.ok(
      result.errors.some((error) => error.includes('unknown type "Carousel"')),
      result.errors.join('\n'),
    );
    assert.ok(
      result.errors.some((error) => error.includes('UnknownElementType')),
      result.errors.join('\n'),
    );
  });

  it('rejects a wrongly typed property deep inside containers', () => {
    const nested = {
      type: 'Container',
      items: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 42 }] }] }],
    };
    const result = validateCard(card([nested]));
    assert.equal(result.valid, false);
    assert.ok(
      result.errors.some((error) =>
        error.includes('/body/0/items/0/columns/0/items/0/text (TextBlock): must be string'),
      ),
      result.errors.join('\n'),
    );
  });

  it('rejects duplicate ids and toggles that target nothing', () => {
    const result = validateCard(
      card([
        { type: 'TextBlock', id: 'same', text: 'a' },
        { type: 'TextBlock', id: 'same', text: 'b' },
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.ToggleVisibility', title: 'Show', targetElements: ['missing'] }],
        },
      ]),
    );
    assert.equal(result.valid, false);
    assert.ok(
      result.errors.some((error) => error.includes('DuplicateId')),
      result.errors.join('\n'),
    );
    assert.ok(
      result.errors.some((error) => error.includes('toggles missing element "missing"')),
      result.errors.join('\n'),
    );
  });

  it('allows the Teams extensions on the allow list and nothing else', () => {
    const teamsCard = card([{ type: 'TextBlock', text: 'Hi' }], {
      msteams: { width: 'Full' },
      actions: [{ ...submitAction, conditionallyEnabled: true }],
    });
    assert.deepEqual(validateCard(teamsCard), { valid: true, errors: [] });

    const misplaced = validateCard(card([{ type: 'TextBlock', text: 'Hi', msteams: { width: 'Full' } }]));
    assert.equal(misplaced.valid, false);
    assert.ok(
      misplaced.errors.some((error) => error.includes('"msteams"')),
      misplaced.errors.join('\n'),
    );
  });

  it('does not look into action data, which is the author payload', () => {
    const result = validateCard(
      card([], { actions: [{ ...submitAction, data: { type: 'NotAnElement', anything: 1 } }] }),
    );
    assert.deepEqual(result, { valid: true, errors: [] });
  });

  it('rejects a card at or over the size limit', () => {
    const text = 'x'.repeat(CARD_SIZE_LIMIT_BYTES);
    const result = validateCard(card([{ type: 'TextBlock', text }]));
    assert.equal(result.valid, false);
    assert.ok(
      result.errors.some((error) => error.startsWith('size:')),
      result.errors.join('\n'),
    );
  });

  it('rejects something that is not a card object', () => {
    assert.equal(validateCard([]).valid, false);
    assert.equal(validateCard('{"type":"AdaptiveCard"}').valid, false);
    assert.equal(validateCard({ type: 'AdaptiveCard', version: '1.5', body: 'nope' }).valid, false);
  });
});
