import { strict as assert } from 'node:assert';
import { TextBudget, BUDGET_LEVELS } from '../../../bot/cards/budget';
import { safeCode, safeLine, safeParagraphs, truncate } from '../../../bot/cards/safe-text';

const FAMILY = '👨‍👩‍👧‍👦';

describe('safe text', () => {
  it('truncates by user-perceived characters, never inside an emoji sequence', () => {
    assert.deepEqual(truncate(FAMILY.repeat(5), 3), { text: `${FAMILY}${FAMILY}…`, cut: true });
    assert.deepEqual(truncate('e\u0301'.repeat(4), 4), { text: 'e\u0301'.repeat(4), cut: false });
    assert.deepEqual(truncate('abcdef', 6), { text: 'abcdef', cut: false });
    assert.deepEqual(truncate('abcdefg', 6), { text: 'abcde…', cut: true });
    assert.deepEqual(truncate('abc   defg', 6), { text: 'abc…', cut: true }, 'no space before the ellipsis');
  });

  it('flattens one-line values', () => {
    assert.deepEqual(safeLine('  Room\t4B\r\n(HQ)\u2028floor 4  ', 200), {
      text: 'Room 4B (HQ) floor 4',
      cut: false,
    });
  });

  it('keeps paragraphs but limits blank lines and trailing spaces', () => {
    assert.deepEqual(safeParagraphs('a  \r\nb\r\r\r\rc\n', 200), { text: 'a\nb\n\nc', cut: false });
  });

  it('bounds the work on very large input and still ends with an ellipsis', () => {
    const result = safeLine(`${' '.repeat(1_000_000)}tail`, 10);
    assert.deepEqual(result, { text: '…', cut: true });
    const big = safeParagraphs('word '.repeat(200_000), 50);
    assert.equal(big.cut, true);
    assert.ok(big.text.length <= 50 && big.text.endsWith('…'));
  });

  it('keeps a command exactly, or refuses it when too long', () => {
    const command = "Get-Thing |\n    Where-Object { $_.Name -like '*4B*' }";
    assert.equal(safeCode(`\n${command}  \n`, 4000), command);
    assert.equal(safeCode('x'.repeat(4001), 4000), undefined);
  });

  it('records in the budget whether anything was cut', () => {
    const level = BUDGET_LEVELS[0];
    assert.ok(level);
    const budget = new TextBudget(level);
    assert.equal(budget.line('short'), 'short');
    assert.deepEqual(budget.list([1, 2, 3]), [1, 2, 3]);
    assert.equal(budget.truncated, false);
    budget.line('x'.repeat(500));
    assert.equal(budget.truncated, true);

    const tight = BUDGET_LEVELS.at(-1);
    assert.ok(tight);
    const listBudget = new TextBudget(tight);
    assert.equal(listBudget.list([1, 2, 3, 4, 5]).length, tight.items);
    assert.equal(listBudget.truncated, true);
    assert.equal(
      new TextBudget(tight).code('Get-Thing'),
      undefined,
      'the tightest level leaves commands out',
    );
  });
});
