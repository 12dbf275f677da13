/** Shortest word a typo is looked for in; shorter words differ by one letter too often to guess. */
export const MIN_TYPO_LENGTH = 4;
const TWO_TYPOS_LENGTH = 8;

/** Edits tolerated in a word of this length: 0 below 4 letters, 1 from 4, 2 from 8. */
export function typoBudget(length: number): number {
  if (length >= TWO_TYPOS_LENGTH) return 2;
  return length >= MIN_TYPO_LENGTH ? 1 : 0;
}

// Rows reused across calls: the distance runs on every candidate of a lookup and must not allocate.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and transpositions of
 * adjacent letters). Stops early and returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) {
    const size = b.length * 2 + 1;
    rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  const distance = previous[b.length]!;
  return distance > max ? max + 1 : distance;
}

/**
 * Words that typos are corrected to (lexicon and directory tokens), bucketed by first letter and length so that a
 * lookup compares a word with a few dozen candidates, not the whole vocabulary. Keeping the first letter is also
 * what stops "broom" from becoming "room": people rarely mistype the first letter, but transposing the first two
 * is looked for.
 */
export class TypoCorrector {
  private readonly buckets = new Map<string, string[]>();
  // Lower rank wins a tie between candidates at the same distance (the lexicon before directory names).
  private readonly ranks = new Map<string, number>();

  /** @param minLength shorter words are not added (default {@link MIN_TYPO_LENGTH}). */
  constructor(private readonly minLength = MIN_TYPO_LENGTH) {}

  /** Adds a correct word; words that are too short or not purely alphabetic are skipped. */
  add(word: string, rank: number): void {
    if (word.length < this.minLength || !/^[a-z]+$/.test(word)) return;
    const known = this.ranks.get(word);
    if (known !== undefined) {
      if (rank < known) this.ranks.set(word, rank);
      return;
    }
    this.ranks.set(word, rank);
    const key = bucketKey(word[0] ?? '', word.length);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(word);
    else this.buckets.set(key, [word]);
  }

  has(word: string): boolean {
    return this.ranks.has(word);
  }

  /** The closest known word within the typo budget of both words, or undefined. Deterministic on ties. */
  correct(word: string): string | undefined {
    const budget = typoBudget(word.length);
    if (budget === 0 || !/^[a-z]+$/.test(word)) return undefined;
    let best: string | undefined;
    let bestDistance = budget + 1;
    let bestRank = Number.POSITIVE_INFINITY;
    for (const candidate of this.candidates(word, budget)) {
      const allowed = Math.min(budget, typoBudget(candidate.length));
      const distance = editDistance(word, candidate, allowed);
      if (distance > allowed) continue;
      const rank = this.ranks.get(candidate) ?? 0;
      if (
        distance < bestDistance ||
        (distance === bestDistance &&
          (rank < bestRank || (rank === bestRank && best !== undefined && candidate < best)))
      ) {
        best = candidate;
        bestDistance = distance;
        bestRank = rank;
      }
    }
    return best;
  }

  /** Known words within `maxDistance` of `word` (same bucketing), closest first, for "did you mean" lists. */
  near(word: string, maxDistance: number): string[] {
    const found: { candidate: string; distance: number }[] = [];
    for (const candidate of this.candidates(word, maxDistance)) {
      const distance = editDistance(word, candidate, maxDistance);
      if (distance <= maxDistance) found.push({ candidate, distance });
    }
    found.sort((x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : 1));
    return found.map((f) => f.candidate);
  }

  private *candidates(word: string, budget: number): Generator<string> {
    const first = word[0] ?? '';
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      yield* this.buckets.get(bucketKey(first, length)) ?? [];
    }
    const second = word[1];
    if (second !== undefined && second !== first) {
      const swapped = second + first;
      for (const candidate of this.buckets.get(bucketKey(second, word.length)) ?? []) {
        if (candidate.startsWith(swapped)) yield candidate;
      }
    }
  }
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

/**
 * Words within a small edit distance of a query, found through shared deletions (a word and its misspelling
 * both become the same string once the differing letters are deleted), so that a lookup touches only near words
 * whatever the size of the vocabulary. Used for "did you mean" lists, where the first letter may be wrong too.
 */
export class NearWords {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly words = new Set<string>();

  constructor(private readonly maxDistance: number) {}

  add(word: string): void {
    if (this.words.has(word)) return;
    this.words.add(word);
    for (const variant of deletions(word, this.maxDistance)) {
      const list = this.byDeletion.get(variant);
      if (list) list.push(word);
      else this.byDeletion.set(variant, [word]);
    }
  }

  /**
   * Known words within `maxDistance` (at most the distance given at construction), closest first, then
   * alphabetically. A smaller distance is much cheaper for short words, which are near almost everything.
   */
  near(word: string, maxDistance = this.maxDistance): { word: string; distance: number }[] {
    const limit = Math.min(maxDistance, this.maxDistance);
    const found = new Map<string, number>();
    for (const variant of deletions(word, limit)) {
      for (const candidate of this.byDeletion.get(variant) ?? []) {
        if (found.has(candidate)) continue;
        found.set(candidate, editDistance(word, candidate, limit));
      }
    }
    return [...found]
      .filter(([, distance]) => distance <= limit)
      .map(([candidate, distance]) => ({ word: candidate, distance }))
      .sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  }
}

// `word` with up to `depth` letters deleted, itself included.
function deletions(word: string, depth: number): Set<string> {
  const all = new Set([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const current of frontier) {
      for (let i = 0; i < current.length; i++) {
        const shorter = current.slice(0, i) + current.slice(i + 1);
        if (!all.has(shorter)) {
          all.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return all;
}
