// Line breaks would let a value start its own Markdown block (list, heading, quote).
const LINE_BREAKS = /[\r\n\t\u2028\u2029]+/g;
// Control characters, and bidi overrides that could make a value read as something else.
const CONTROL_CHARS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
// Braces too: they would otherwise read as `{placeholder}` texts or the card renderer's `{{DATE()}}` macros.
const MARKDOWN_SPECIALS = /[\\`*_[\]()#<>{}]/g;

/**
 * Neutralises a value from Microsoft Graph (or a user) before it goes into Markdown text: drops control and bidi
 * characters, folds line breaks into spaces and backslash-escapes the characters Markdown gives a meaning to
 * (`\ ` * _ [ ] ( ) # < > { }`, and a leading `-`, `+`, `1.` or `1)` followed by a space, which would start a
 * list).
 */
export function plainText(value: string): string {
  return value
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROL_CHARS, '')
    .replace(MARKDOWN_SPECIALS, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}
