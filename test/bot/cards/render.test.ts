import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CardTemplateName, expandTemplate } from '../../../bot/cards/render';
import { objectsOf } from './card-helpers';

const CARDS_DIR = path.resolve(__dirname, '..', '..', '..', 'cards');
const NAMES: CardTemplateName[] = [
  'room-diagnosis',
  'room-choice',
  'confirm-action',
  'help',
  'error',
  'message',
  'case',
  'case-list',
  'fleet-digest',
];

function readTemplate(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(CARDS_DIR, file), 'utf8'));
}

describe('card templates', () => {
  it('has exactly one template file per card', () => {
    const files = fs.readdirSync(CARDS_DIR).filter((file) => file.endsWith('.json'));
    assert.deepEqual(files.sort(), NAMES.map((name) => `${name}.json`).sort());
  });

  for (const name of NAMES) {
    it(`${name}.json is an Adaptive Card 1.5 that holds no language`, () => {
      const template = readTemplate(`${name}.json`);
      assert.ok(template !== null && typeof template === 'object' && !Array.isArray(template));
      const root = template as Record<string, unknown>;
      assert.equal(root.type, 'AdaptiveCard');
      assert.equal(root.version, '1.5');
      // Every visible string is a whole binding or a language-neutral symbol.
      const visible = objectsOf(template as never).flatMap(({ node }) =>
        ['text', 'title', 'fallbackText', 'altText', 'speak']
          .map((key) => node[key])
          .filter((value): value is string => typeof value === 'string'),
      );
      assert.ok(visible.length > 0);
      for (const value of visible) assert.match(value, /^(\$\{[^}]+\}|•)$/, `${name}: "${value}"`);
    });
  }

  it('expands with the data as $root and returns a detached card', () => {
    const data = {
      fallbackText: 'F',
      title: 'T',
      color: 'Good',
      lines: [{ text: 'L' }],
      hasLines: true,
      hasNotice: false,
      notice: '',
    };
    const first = expandTemplate('message', data);
    assert.equal(first.fallbackText, 'F');
    first.fallbackText = 'changed';
    data.lines.push({ text: 'M' });
    const second = expandTemplate('message', { ...data, lines: [{ text: 'L' }] });
    assert.equal(second.fallbackText, 'F', 'the cached template is not affected by edits to a result');
    assert.deepEqual(
      objectsOf(second)
        .map(({ node }) => node)
        .filter((node) => node.type === 'TextRun')
        .map((node) => node.text),
      ['T', 'L'],
    );
  });
});
