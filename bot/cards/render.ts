import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { Locale } from '../i18n';
import { BUDGET_LEVELS, TextBudget } from './budget';
import { cardText } from './texts';

/** A JSON value as it travels in a Teams activity. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A rendered Adaptive Card, ready to attach as `application/vnd.microsoft.card.adaptive`. */
export interface AdaptiveCard extends JsonObject {
  type: 'AdaptiveCard';
  version: '1.5';
}

/** The template files in `cards/`, without the `.json` extension. */
export type CardTemplateName =
  | 'room-diagnosis'
  | 'room-choice'
  | 'confirm-action'
  | 'help'
  | 'error'
  | 'message'
  | 'case'
  | 'case-list'
  | 'fleet-digest';

/**
 * Largest serialized card, in UTF-8 bytes. Teams refuses messages over about 100 KB; the margin leaves room for
 * the activity around the card.
 */
export const MAX_CARD_BYTES = 80_000;

/** The size Teams counts: UTF-8 bytes of the card's JSON. */
export function cardByteSize(card: JsonValue): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

// bot/cards/ when run from source, dist/bot/cards/ once compiled: the templates stay in <repo>/cards/.
const TEMPLATE_DIRECTORIES = [
  path.resolve(__dirname, '..', '..', 'cards'),
  path.resolve(__dirname, '..', '..', '..', 'cards'),
];

const templates = new Map<CardTemplateName, ACData.Template>();

function templateFile(name: CardTemplateName): string {
  for (const directory of TEMPLATE_DIRECTORIES) {
    const file = path.join(directory, `${name}.json`);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`Card template "${name}.json" not found in ${TEMPLATE_DIRECTORIES.join(' or ')}`);
}

function loadTemplate(name: CardTemplateName): ACData.Template {
  const cached = templates.get(name);
  if (cached) return cached;
  const payload: unknown = JSON.parse(fs.readFileSync(templateFile(name), 'utf8'));
  if (!isJsonObject(payload)) throw new Error(`Card template "${name}.json" is not a JSON object`);
  const template = new ACData.Template(payload);
  templates.set(name, template);
  return template;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAdaptiveCard(value: unknown): value is AdaptiveCard {
  return isJsonObject(value) && value.type === 'AdaptiveCard' && value.version === '1.5';
}

/**
 * Expands one template with `data` as `$root`. Values are inserted as data, never parsed as template syntax, so
 * text such as `${x}` shows as typed. Every field a template binds must be present in `data`: the templating
 * engine would print a missing one as its own binding.
 * @throws Error when the template is missing or does not produce an Adaptive Card 1.5 (a bug, caught by tests).
 */
export function expandTemplate(name: CardTemplateName, data: JsonObject): AdaptiveCard {
  const expanded: unknown = loadTemplate(name).expand({ $root: data });
  if (expanded === undefined || expanded === null)
    throw new Error(`Card template "${name}" expanded to nothing`);
  // A JSON round trip detaches the card from the caller's objects, which the engine inserts by reference.
  const card: unknown = JSON.parse(JSON.stringify(expanded));
  if (!isAdaptiveCard(card)) throw new Error(`Card template "${name}" did not produce an Adaptive Card 1.5`);
  return card;
}

/**
 * Renders a card within the Teams size limit. `build` turns the view into template data, passing every piece of
 * outside text through the budget it is given; when the card is too large it is called again with a tighter
 * budget. Whenever something was shortened the card says so. If even the tightest budget is too large, a short
 * notice card replaces it: the user never sees an error for an oversized card.
 */
export function renderWithinBudget(
  name: CardTemplateName,
  locale: Locale,
  build: (budget: TextBudget) => JsonObject,
): AdaptiveCard {
  for (const limits of BUDGET_LEVELS) {
    const budget = new TextBudget(limits);
    const data = build(budget);
    const card = expandTemplate(name, {
      ...data,
      hasNotice: budget.truncated,
      notice: budget.truncated ? cardText(locale, 'shortened') : '',
    });
    if (cardByteSize(card) < MAX_CARD_BYTES) return card;
  }
  return tooLargeCard(locale);
}

function tooLargeCard(locale: Locale): AdaptiveCard {
  const title = cardText(locale, 'tooLargeTitle');
  return expandTemplate('message', {
    fallbackText: title,
    title: `⚠️ ${title}`,
    color: 'Warning',
    lines: [{ text: cardText(locale, 'tooLargeBody') }],
    hasLines: true,
    hasNotice: false,
    notice: '',
  });
}
