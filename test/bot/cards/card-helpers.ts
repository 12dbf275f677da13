import type { AdaptiveCard, JsonObject, JsonValue } from '../../../bot/cards';

/** Every object in a card, depth first, with its JSON pointer. Action data is included (it is plain JSON). */
export function objectsOf(value: JsonValue, pointer = ''): { node: JsonObject; pointer: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectsOf(item, `${pointer}/${index}`));
  if (value === null || typeof value !== 'object') return [];
  return [
    { node: value, pointer },
    ...Object.entries(value).flatMap(([key, child]) => objectsOf(child, `${pointer}/${key}`)),
  ];
}

/** Objects of a given Adaptive Card `type`. */
export function elementsOfType(card: AdaptiveCard, type: string): JsonObject[] {
  return objectsOf(card)
    .map(({ node }) => node)
    .filter((node) => node.type === type);
}

function stringProperty(node: JsonObject, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

/** Texts of TextBlocks (which Teams renders as Markdown). */
export function textBlockTexts(card: AdaptiveCard): string[] {
  return elementsOfType(card, 'TextBlock').flatMap((node) => stringProperty(node, 'text') ?? []);
}

/** Texts of TextRuns (plain text on every client). */
export function textRunTexts(card: AdaptiveCard): string[] {
  return elementsOfType(card, 'TextRun').flatMap((node) => stringProperty(node, 'text') ?? []);
}

/** Titles of every button, wherever it sits. */
export function actionTitles(card: AdaptiveCard): string[] {
  return objectsOf(card)
    .map(({ node }) => node)
    .filter((node) => typeof node.type === 'string' && node.type.startsWith('Action.'))
    .flatMap((node) => stringProperty(node, 'title') ?? []);
}

/** Everything a reader can see or hear: text, button titles and the fallback text. */
export function visibleTexts(card: AdaptiveCard): string[] {
  const fallback = typeof card.fallbackText === 'string' ? [card.fallbackText] : [];
  return [...textBlockTexts(card), ...textRunTexts(card), ...actionTitles(card), ...fallback];
}

/** Every string anywhere in the card, keys excluded. */
export function allStrings(value: JsonValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** Removes the zero-width spaces the cards insert to defuse renderer macros. */
export function withoutZeroWidth(text: string): string {
  return text.replace(/\u200b/g, '');
}
