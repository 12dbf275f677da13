import type { Locale } from '../i18n';
import { findLicence, type Knowledge } from '../knowledge';
import { plainText } from './plain-text';

/**
 * A value that came from Graph, ready for a card: escaped when the text is read as Markdown, on one line otherwise.
 * Every admin-typed value goes through here, so none reaches Markdown raw.
 */
export function graphValue(value: string, markdown: boolean): string {
  return markdown ? plainText(value) : value.replace(/[\r\n]+/g, ' ');
}

/** A licence by its product name in the reader's language, else the part number or id Graph gave. */
export function licenceName(
  knowledge: Knowledge,
  locale: Locale,
  skuId: string,
  partNumber: string | undefined,
  markdown: boolean,
): string {
  const sku = findLicence(knowledge, skuId);
  if (sku) return sku.productName[locale];
  return graphValue(partNumber || skuId, markdown);
}

/** "a, b and c": `last` joins the final item, in the reader's language. */
export function joinList(items: readonly string[], last: (head: string, tail: string) => string): string {
  if (items.length <= 1) return items[0] ?? '';
  return last(items.slice(0, -1).join(', '), items[items.length - 1] ?? '');
}
