// How values are laid out in Azure Table entities: safe keys, sortable numbers, and long JSON split over several
// string properties.
import { createHash } from 'node:crypto';

// Well under the 1 KiB key limit, since a due entry's RowKey holds two ids.
const MAX_KEY_CHARS = 200;

/**
 * Azure forbids `/ \ # ?` and control characters in PartitionKey and RowKey. They are percent-encoded (and `%`
 * itself, so decoding stays unambiguous); every other character is kept, so ids stay readable in Storage Explorer.
 */
export function tableKey(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const forbidden =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x25 ||
      code === 0x2f ||
      code === 0x5c ||
      code === 0x23 ||
      code === 0x3f;
    out += forbidden ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : value.charAt(i);
  }
  // Keys are limited to 1 KiB: a long value keeps a readable head and a hash that keeps it unique.
  if (out.length > MAX_KEY_CHARS)
    out = `${out.slice(0, MAX_KEY_CHARS - 70)}~${createHash('sha256').update(value).digest('hex')}`;
  return out;
}

/** Fixed-width decimal so that string order is numeric order in keys (non-negative integers only). */
export function sortable(value: number, width = 15): string {
  return String(Math.max(0, Math.floor(value))).padStart(width, '0');
}

// Characters per string property: Azure allows 32K UTF-16 units (64 KiB); a margin keeps clear of the edge.
const PART_CHARS = 30_000;
// An entity holds at most 1 MiB; the parts of one value stay well under it, leaving room for the other
// fields.
const MAX_PARTS = 15;

/** Splits `text` into `name0`, `name1`, ... properties plus `nameParts`, never cutting a surrogate pair in two. */
export function splitText(name: string, text: string, what: string): Record<string, string | number> {
  const props: Record<string, string | number> = {};
  let part = 0;
  for (let start = 0; start < text.length; part++) {
    let end = Math.min(start + PART_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    // A high surrogate at the cut would be sent as U+FFFD and corrupt the JSON: end the part one unit earlier.
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    props[`${name}${part}`] = text.slice(start, end);
    start = end;
  }
  if (part > MAX_PARTS) {
    throw new Error(
      `${what} is ${text.length} characters of JSON, more than an Azure table entity can hold ` +
        `(${MAX_PARTS * PART_CHARS}); trim it before storing`,
    );
  }
  props[`${name}Parts`] = part;
  return props;
}

/** Joins what {@link splitText} wrote; undefined when the entity has no such value. */
export function joinText(name: string, entity: Record<string, unknown>): string | undefined {
  const parts = entity[`${name}Parts`];
  if (typeof parts !== 'number') return undefined;
  let text = '';
  for (let i = 0; i < parts; i++) {
    const piece = entity[`${name}${i}`];
    if (typeof piece !== 'string') throw new Error(`stored entity is missing ${name}${i} of ${parts}`);
    text += piece;
  }
  return text;
}
