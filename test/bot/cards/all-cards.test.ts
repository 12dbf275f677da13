import { strict as assert } from 'node:assert';
import type { Locale } from '../../../bot/i18n';
import { cardByteSize, MAX_CARD_BYTES } from '../../../bot/cards';
import { CARD_TEXTS } from '../../../bot/cards/texts';
import { validateCard } from '../../support/card-validator';
import { allStrings, elementsOfType, objectsOf, visibleTexts } from './card-helpers';
import { renderAll } from './fixtures';

const LOCALES: Locale[] = ['en', 'fr'];

// The static parts of a label around its {placeholders}, long enough to identify it.
function fragments(label: string): string[] {
  return label
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[“”«»\u00a0:?.]/g, ' ').trim())
    .filter((part) => part.length >= 4);
}

function labelsOnlyIn(locale: Locale): string[] {
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  return Object.entries(CARD_TEXTS[locale]).flatMap(([key, label]) => {
    const translated = CARD_TEXTS[other][key as keyof (typeof CARD_TEXTS)['en']];
    return label === translated ? [] : fragments(label);
  });
}

describe('all cards', () => {
  for (const locale of LOCALES) {
    describe(`in ${locale}`, () => {
      for (const { name, card } of renderAll(locale)) {
        it(`renders a valid ${name} card`, () => {
          const result = validateCard(card);
          assert.deepEqual(result.errors, [], `${name} (${locale}):\n${result.errors.join('\n')}`);
          assert.equal(card.type, 'AdaptiveCard');
          assert.equal(card.version, '1.5');
          assert.ok(cardByteSize(card) < MAX_CARD_BYTES);
        });

        it(`leaves no template binding unresolved in the ${name} card`, () => {
          const leftovers = allStrings(card).filter((text) => text.includes('${'));
          assert.deepEqual(leftovers, []);
          const keys = objectsOf(card).flatMap(({ node }) =>
            Object.keys(node).filter((key) => key.startsWith('$') && key !== '$schema'),
          );
          assert.deepEqual(keys, []);
        });

        it(`gives every Action.Execute of the ${name} card a Submit fallback with the same verb and data`, () => {
          const executes = elementsOfType(card, 'Action.Execute');
          for (const execute of executes) {
            const fallback = execute.fallback;
            assert.ok(
              fallback !== null && typeof fallback === 'object' && !Array.isArray(fallback),
              'fallback must be an object',
            );
            assert.equal(fallback.type, 'Action.Submit');
            assert.equal(fallback.title, execute.title);
            assert.equal(fallback.style, execute.style);
            const data = execute.data;
            assert.ok(data !== null && typeof data === 'object' && !Array.isArray(data));
            assert.deepEqual(fallback.data, { ...data, verb: execute.verb });
            assert.equal(typeof execute.verb, 'string');
          }
          assert.deepEqual(
            elementsOfType(card, 'Action.Submit').length,
            executes.length,
            'no Submit without its Execute',
          );
        });

        it(`shows no label of the other language on the ${name} card`, () => {
          const foreign = labelsOnlyIn(locale === 'en' ? 'fr' : 'en');
          const texts = visibleTexts(card);
          const leaks = foreign.filter((fragment) => texts.some((text) => text.includes(fragment)));
          assert.deepEqual(leaks, []);
        });
      }
    });
  }

  it('has a French label for every English one, and they differ where a reader would notice', () => {
    assert.deepEqual(Object.keys(CARD_TEXTS.fr).sort(), Object.keys(CARD_TEXTS.en).sort());
    const same = Object.entries(CARD_TEXTS.en).filter(
      ([key, label]) => CARD_TEXTS.fr[key as keyof (typeof CARD_TEXTS)['fr']] === label,
    );
    assert.deepEqual(same, []);
  });

  it('puts every catalogue label of the language on at least one card', () => {
    for (const locale of LOCALES) {
      const texts = renderAll(locale).flatMap(({ card }) => visibleTexts(card));
      const unused = Object.entries(CARD_TEXTS[locale])
        // Shown only when a card must be shortened or replaced: covered by the size tests.
        .filter(
          ([key]) =>
            !['shortened', 'tooLargeTitle', 'tooLargeBody', 'powerShellOmitted', 'moreRooms'].includes(key),
        )
        .filter(
          ([, label]) => !fragments(label).every((fragment) => texts.some((text) => text.includes(fragment))),
        )
        .map(([key]) => key);
      assert.deepEqual(unused, [], locale);
    }
  });
});
