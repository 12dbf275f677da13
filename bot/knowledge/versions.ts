function segments(version: string): string[] {
  return version.trim().split('.');
}

function compareSegments(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) {
    const diff = Number(a) - Number(b);
    return diff === 0 ? 0 : diff < 0 ? -1 : 1;
  }
  // Vendors sometimes put letters in a segment ("1.0.96-beta"): fall back to a stable text order.
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Orders two dotted versions segment by segment, numerically where both segments are numbers;
 * a missing segment counts as 0 ("5.2" equals "5.2.0.0").
 * @returns -1 when `a` is older, 0 when equal, 1 when `a` is newer.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = segments(a);
  const right = segments(b);
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const result = compareSegments(left[i] ?? '0', right[i] ?? '0');
    if (result !== 0) return result < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Whether `version` belongs to `pattern`. A `*` segment matches any one segment; a trailing `*` matches
 * whatever follows ("5.2.136.*" matches "5.2.136.1" and "5.2.136.1.7"). Other segments compare as numbers.
 */
export function matchesVersionPattern(version: string, pattern: string): boolean {
  const value = segments(version);
  const wanted = segments(pattern);
  for (let i = 0; i < wanted.length; i++) {
    const w = wanted[i] ?? '';
    const isLast = i === wanted.length - 1;
    if (w === '*' && isLast) return value.length >= wanted.length - 1;
    const v = value[i];
    if (v === undefined) return false;
    if (w !== '*' && compareSegments(v, w) !== 0) return false;
  }
  return value.length === wanted.length;
}

/** Whether a known-build entry names one build rather than a family. */
export function isExactVersion(pattern: string): boolean {
  return !pattern.includes('*');
}

/** How many segments of a pattern are literal: the more, the more specific the pattern. */
export function patternSpecificity(pattern: string): number {
  return segments(pattern).filter((s) => s !== '*').length;
}
