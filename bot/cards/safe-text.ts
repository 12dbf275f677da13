/**
 * Makes text from users and Microsoft Graph safe to place on a card.
 *
 * Cards show such text only in `TextRun`s and button titles, which no Teams client parses as Markdown, so
 * Markdown characters are left alone (escaping them would show stray backslashes on some clients). What can
 * still go wrong is handled here: control and bidi-override characters, lone surrogates, line breaks in
 * one-line fields, the renderer's `{{DATE(...)}}` / `{{TIME(...)}}` macros, and sheer length.
 */

const ELLIPSIS = '…';
const ZERO_WIDTH_SPACE = '\u200b';

// The Adaptive Cards renderers rewrite these macros into localised dates, even inside a TextRun.
const DATE_MACRO = /\{\{(?=(?:DATE|TIME)\()/gi;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function isLineBreak(codePoint: number): boolean {
  return codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x2028 || codePoint === 0x2029;
}

function isDropped(codePoint: number): boolean {
  return (
    (codePoint < 0x20 && codePoint !== 0x09 && !isLineBreak(codePoint)) ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    // Bidi embeddings, overrides and isolates can make a name read as something else.
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    // Lone surrogates (a paired one arrives here as a single code point above 0xffff).
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    codePoint === 0xfffe ||
    codePoint === 0xffff
  );
}

/** Drops unsafe characters; line breaks become "\n" and tabs become spaces. */
function clean(value: string): string {
  let out = '';
  let previousWasCarriageReturn = false;
  for (const char of value) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint === 0x0a && previousWasCarriageReturn) {
      previousWasCarriageReturn = false;
      continue;
    }
    previousWasCarriageReturn = codePoint === 0x0d;
    if (isLineBreak(codePoint)) out += '\n';
    else if (codePoint === 0x09) out += ' ';
    else if (!isDropped(codePoint)) out += char;
  }
  return out;
}

/** The first `count` user-perceived characters of `value`. */
function firstGraphemes(value: string, count: number): string {
  let seen = 0;
  for (const { index } of graphemes.segment(value)) {
    if (seen === count) return value.slice(0, index);
    seen += 1;
  }
  return value;
}

function graphemeCount(value: string): number {
  let count = 0;
  for (const _ of graphemes.segment(value)) count += 1;
  return count;
}

/** Cuts to at most `max` user-perceived characters (ellipsis included), never inside an emoji or accent. */
export function truncate(value: string, max: number): { text: string; cut: boolean } {
  // Fewer code units than `max` means fewer graphemes too: skip the segmenter for the common case.
  if (value.length <= max || graphemeCount(value) <= max) return { text: value, cut: false };
  return { text: firstGraphemes(value, Math.max(0, max - 1)).trimEnd() + ELLIPSIS, cut: true };
}

function defuseMacros(value: string): string {
  return value.replace(DATE_MACRO, `{${ZERO_WIDTH_SPACE}{`);
}

// Bounds the work done on absurdly long input before the character-by-character passes.
function preCut(value: string, max: number): { text: string; cut: boolean } {
  const hardLimit = max * 4 + 64;
  return value.length > hardLimit
    ? { text: value.slice(0, hardLimit), cut: true }
    : { text: value, cut: false };
}

/** The result of making one string safe; `cut` says whether it was shortened. */
export interface SafeText {
  text: string;
  cut: boolean;
}

function finish(value: string, max: number, inputWasCut: boolean): SafeText {
  const result = truncate(value, max);
  if (result.cut || !inputWasCut) return { text: defuseMacros(result.text), cut: result.cut };
  // Only part of the input was looked at, so the reader must still see that something is missing.
  const kept = firstGraphemes(value, Math.max(0, max - 1)).trimEnd();
  return { text: defuseMacros(kept + ELLIPSIS), cut: true };
}

/**
 * For names, titles and other one-line values: whitespace runs, line breaks included, become one space. A lone
 * no-break space stays: French typography puts one before "?", ":" and the like.
 */
export function safeLine(value: string, max: number): SafeText {
  const raw = preCut(value, max);
  return finish(
    clean(raw.text)
      .replace(/[^\S\u00a0\u202f]+/g, ' ')
      .replace(/\s{2,}/g, ' ')
      .trim(),
    max,
    raw.cut,
  );
}

/** For sentences and paragraphs: keeps single and double line breaks, drops trailing spaces and extra blank lines. */
export function safeParagraphs(value: string, max: number): SafeText {
  const raw = preCut(value, max);
  const tidy = clean(raw.text)
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return finish(tidy, max, raw.cut);
}

/**
 * For commands: keeps indentation and line breaks exactly. A command that does not fit is refused (undefined)
 * rather than cut, because a truncated command pasted into PowerShell can do something else than intended.
 */
export function safeCode(value: string, max: number): string | undefined {
  if (value.length > max * 2) return undefined;
  const tidy = clean(value)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
  if (graphemeCount(tidy) > max) return undefined;
  return defuseMacros(tidy);
}
