import type { Token } from './normalise';
import type { Resolution } from './types';

/** At most this many candidates or suggestions are returned; a longer list does not help anyone choose. */
export const MAX_CANDIDATES = 10;
export const MAX_SUGGESTIONS = 3;

/** An entity found in a message, and which tokens named it. */
export interface Mention<T> {
  readonly resolution: Resolution<T>;
  readonly positions: readonly number[];
}

/** The words of the message that named the entity, as written. */
export function queryOf(tokens: readonly Token[], positions: readonly number[]): string {
  return [...new Set(positions)]
    .sort((a, b) => a - b)
    .map((i) => tokens[i]?.raw ?? '')
    .filter((raw) => raw.length > 0)
    .join(' ');
}

// One collator for all comparisons: `localeCompare` with options builds a new one per call, which is slow.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Sorts by display name, with numbers in natural order ("Room 2C" before "Room 10A"). */
export function byDisplayName<T extends { displayName: string }>(a: T, b: T): number {
  return collator.compare(a.displayName, b.displayName);
}

/** The `count` smallest items in `order`, without sorting the whole list. */
export function smallest<T>(items: Iterable<T>, count: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === count) {
      const last = kept[count - 1];
      if (last === undefined || order(item, last) >= 0) continue;
      kept.pop();
    }
    let at = kept.length;
    while (at > 0 && order(item, kept[at - 1] as T) < 0) at--;
    kept.splice(at, 0, item);
  }
  return kept;
}

/**
 * One match resolves; several are ambiguous, the first {@link MAX_CANDIDATES} in `order`. Without `order`, the
 * matches are taken to be in display-name order already (indexes built from a sorted directory).
 */
export function resolve<T>(
  matches: readonly T[],
  query: string,
  order?: (a: T, b: T) => number,
): Resolution<T> {
  const unique = new Set<T>();
  for (const match of matches) {
    unique.add(match);
    if (!order && unique.size > MAX_CANDIDATES) break;
  }
  const [only, second] = unique;
  if (only !== undefined && second === undefined) return { kind: 'resolved', value: only, query };
  const candidates = order ? smallest(unique, MAX_CANDIDATES, order) : [...unique].slice(0, MAX_CANDIDATES);
  return { kind: 'ambiguous', candidates, query };
}

/** Display-name order computed once per directory, so that ranking candidates costs a map lookup per comparison. */
export function displayNameOrder<T extends { displayName: string }>(
  items: readonly T[],
): (a: T, b: T) => number {
  const ranks = new Map([...items].sort(byDisplayName).map((item, i) => [item, i] as const));
  return (a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0);
}
