import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';
import type * as AdaptiveCardsApi from 'adaptivecards';

/** Teams refuses messages over about 100 KB; cards must stay under this many UTF-8 bytes. */
export const CARD_SIZE_LIMIT_BYTES = 80 * 1024;

const REPO_ROOT = path.resolve(__dirname, '..', '..');
// Read-only reference shared by the project's workspaces; never copied into the repository.
const SCHEMA_FILE = path.resolve(
  REPO_ROOT,
  '../shared/reference/adaptive-cards/adaptive-card-1.5.0.schema.json',
);

// The package's main entry is extension-less ESM that Node cannot load; the bundled UMD build parses fine in
// Node (rendering would need a DOM, parsing does not). Types come from the package's own declarations.
const loadFromHere = createRequire(__filename);
const AdaptiveCards = loadFromHere('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsApi;

interface CompiledSchema {
  id: string;
  ajv: Ajv;
  validate: ValidateFunction;
  definitions: ReadonlySet<string>;
}

let compiled: CompiledSchema | undefined;

function schema(): CompiledSchema {
  if (compiled) return compiled;
  const document = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // Ajv 8 rejects draft-04 style "id"; the schema is otherwise draft-06.
  const id = String(document.id);
  document.$id = id;
  delete document.id;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema(draft06MetaSchema);
  ajv.addSchema(document);
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`Schema ${SCHEMA_FILE} did not compile`);
  const definitions = new Set(isRecord(document.definitions) ? Object.keys(document.definitions) : []);
  compiled = { id, ajv, validate, definitions };
  return compiled;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = { [key: string]: Json };

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAction(node: JsonRecord): boolean {
  return typeof node.type === 'string' && node.type.startsWith('Action.');
}

/**
 * Visits every object of a card with its JSON pointer. Action `data` is the author's payload, not card
 * structure, so it is not descended into.
 */
function walk(node: Json, pointer: string, visit: (node: JsonRecord, pointer: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, `${pointer}/${index}`, visit));
    return;
  }
  if (!isRecord(node)) return;
  visit(node, pointer);
  const action = isAction(node);
  for (const [key, value] of Object.entries(node)) {
    if (action && key === 'data') continue;
    walk(value, `${pointer}/${key}`, visit);
  }
}

/** Removes the Teams-only additions the official schema rejects: root `msteams`, `conditionallyEnabled` on actions. */
function withoutTeamsExtensions(card: JsonRecord): JsonRecord {
  const copy = structuredClone(card);
  delete copy.msteams;
  walk(copy, '', (node) => {
    if (isAction(node)) delete node.conditionallyEnabled;
  });
  return copy;
}

function formatAjvError(error: ErrorObject, base: string, owner: string): string {
  const where = `${base}${error.instancePath}` || '/';
  let detail = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') detail += ` ("${String(error.params.additionalProperty)}")`;
  if (error.keyword === 'enum') detail += ` (${JSON.stringify(error.params.allowedValues)})`;
  return `schema: ${where} (${owner}): ${detail}`;
}

/**
 * The whole-card validation of a schema built from `anyOf` says little about where the problem is. Validating
 * each typed object against its own definition, and keeping only errors that are not inside a nested typed
 * object, names the element and the property.
 */
function explainSchemaFailure(card: JsonRecord): string[] {
  const { ajv, id, definitions } = schema();
  const messages = new Set<string>();
  walk(card, '', (node, pointer) => {
    const type = node.type;
    if (typeof type !== 'string') return;
    if (!definitions.has(type)) {
      messages.add(`schema: ${pointer || '/'}: unknown type "${type}"`);
      return;
    }
    const validate = ajv.getSchema(`${id}#/definitions/${type}`);
    if (!validate || validate(node)) return;
    const relevant = (validate.errors ?? []).filter(
      (error) =>
        error.keyword !== 'anyOf' &&
        error.keyword !== 'allOf' &&
        !insideNestedTypedObject(node, error.instancePath),
    );
    for (const error of relevant) {
      if (isEchoOfAnotherBranch(error, relevant)) continue;
      messages.add(formatAjvError(error, pointer, type));
    }
  });
  return [...messages];
}

// A property typed `anyOf: [enum, case-insensitive pattern, null]` fails every branch; the enum error says it
// best, the "must match pattern" and "must be null" ones only repeat it.
function isEchoOfAnotherBranch(error: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (!error.schemaPath.includes('/anyOf/') || (error.keyword !== 'type' && error.keyword !== 'pattern'))
    return false;
  return all.some(
    (other) =>
      other !== error &&
      other.instancePath === error.instancePath &&
      other.keyword !== 'type' &&
      other.keyword !== 'pattern',
  );
}

function insideNestedTypedObject(root: JsonRecord, instancePath: string): boolean {
  let node: Json = root;
  for (const segment of instancePath.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)] ?? null;
    else if (isRecord(node)) node = node[key] ?? null;
    else return false;
    if (isRecord(node) && typeof node.type === 'string') return true;
  }
  return false;
}

function validateWithSchema(card: JsonRecord): string[] {
  const { validate } = schema();
  if (validate(card)) return [];
  const explained = explainSchemaFailure(card);
  if (explained.length > 0) return explained;
  // The targeted pass found nothing specific: fall back to Ajv's own list, deduplicated.
  return [...new Set((validate.errors ?? []).map((error) => formatAjvError(error, '', 'card')))];
}

function validateWithRenderer(card: JsonRecord): string[] {
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.parse(card, context);
  const messages: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    messages.push(`adaptivecards: ${AdaptiveCards.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    messages.push(`adaptivecards: ${AdaptiveCards.ValidationEvent[event.event]}: ${event.message}`);
  }
  return messages;
}

/** Checks the renderers do not catch: every Action.ToggleVisibility target must exist on the card. */
function validateReferences(card: JsonRecord): string[] {
  const ids = new Set<string>();
  walk(card, '', (node) => {
    if (typeof node.id === 'string') ids.add(node.id);
  });
  const messages: string[] = [];
  walk(card, '', (node, pointer) => {
    if (node.type !== 'Action.ToggleVisibility' || !Array.isArray(node.targetElements)) return;
    for (const target of node.targetElements) {
      const targetId = isRecord(target) ? target.elementId : target;
      if (typeof targetId !== 'string' || !ids.has(targetId)) {
        messages.push(`references: ${pointer}: toggles missing element ${JSON.stringify(targetId)}`);
      }
    }
  });
  return messages;
}

/** UTF-8 size of the card's JSON, as Teams counts it. */
export function cardSizeBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card) ?? '', 'utf8');
}

/** The outcome of {@link validateCard}; `errors` are prefixed with the check that found them. */
export interface CardValidation {
  valid: boolean;
  errors: string[];
}

/**
 * Validates a card the way Teams will meet it: the official Adaptive Cards 1.5 JSON schema (after removing the
 * allow-listed Teams extensions), the `adaptivecards` renderer's own parser targeting 1.5 (bad enum values,
 * elements newer than 1.5, duplicate ids), toggle targets, and the message size limit.
 */
export function validateCard(card: unknown): CardValidation {
  if (!isRecord(card)) return { valid: false, errors: ['card: not a JSON object'] };
  const errors = [
    ...validateWithSchema(withoutTeamsExtensions(card)),
    ...validateWithRenderer(card),
    ...validateReferences(card),
  ];
  const size = cardSizeBytes(card);
  if (size >= CARD_SIZE_LIMIT_BYTES) errors.push(`size: ${size} bytes, limit ${CARD_SIZE_LIMIT_BYTES}`);
  return { valid: errors.length === 0, errors };
}
