import { ELISION_PREFIXES, VERB_LIKE_LETTERS } from './lexicon';

/**
 * `word`: letters only; `number`: digits only; `code`: letters and digits ("4b", "e3"); `email`; `ref`: "#12";
 * `version`: dotted numbers ("5.2.115.0"); `symbol`: a question mark.
 */
export type TokenKind = 'word' | 'number' | 'code' | 'email' | 'ref' | 'version' | 'symbol';

/** One token of a message, normalised, with what the recogniser needs to know about how it was written. */
export interface Token {
  /** Lower case, accents stripped; replaced by the lexicon or directory word when it was a typo. */
  text: string;
  /** `text` with plural and common inflections removed; what lexicon phrases are matched on. */
  stem: string;
  /** As written (after mention and markup removal). */
  raw: string;
  kind: TokenKind;
  /** Offsets in the cleaned message. */
  start: number;
  end: number;
  capitalised: boolean;
  /** Inside double quotes or guillemets: quoted text does not tell the writer's language. */
  quoted: boolean;
  /** A French elided word written with an apostrophe ("d" of "d'Alice"). */
  elision: boolean;
  /** Followed by an English possessive "'s". */
  possessive: boolean;
  /** `text` was corrected from a typo. */
  corrected: boolean;
}

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};
const ELISIONS = new Set(ELISION_PREFIXES);
const VERB_LETTERS = new Set(VERB_LIKE_LETTERS);

/** Lower case, compatibility-decomposed, combining marks stripped: "Chloé" and "CHLOE" both give "chloe". */
export function normaliseText(text: string): string {
  // Most words are plain ASCII; decomposing them is the costliest step of indexing a large directory.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøđł]/g, (c) => LIGATURES[c] ?? c);
}

/**
 * Removes what Teams and chat add around the words: `<at>` mentions, HTML markup and entities, links, and
 * "@Name" mention leftovers (an "@" inside a word is an e-mail address and stays).
 */
export function cleanMessage(text: string): string {
  return text
    .replace(
      /&(amp|lt|gt|quot|apos|nbsp|#39);/gi,
      (_whole, name: string) => HTML_ENTITIES[name.toLowerCase()] ?? ' ',
    )
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/(^|[\s(,;])@[\p{L}\p{N}._-]+/gu, '$1 ');
}

/**
 * A light stemmer shared by English and French: enough to make plurals, past participles and feminine forms meet
 * ("licensed"/"license", "bloquées"/"bloqué", "cases"/"case"). Applied identically to lexicon and messages, so
 * it only has to be consistent, not linguistically right.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  // Four-letter words ending in "s" are rarely plurals ("news", "says", "plus").
  if (w.length >= 5 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length >= 5 && w.endsWith('ed')) w = w.slice(0, -2);
  // Twice, so that the French feminine participle "-ée" meets the masculine "-é".
  for (let i = 0; i < 2 && w.length > 3 && w.endsWith('e'); i++) w = w.slice(0, -1);
  return w;
}

const TOKEN_PATTERN =
  /(?:(\p{L}{1,6})['’ʼ])?([\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)|#(\p{N}+)|(\p{N}+(?:\.\p{N}+){2,})|([\p{L}\p{M}\p{N}]+(?:['’ʼ‘`][\p{L}\p{M}\p{N}]+)*)|(\?)|(["“”«»„])/gu;
const APOSTROPHE = /['’ʼ‘`]/u;

interface Piece {
  raw: string;
  start: number;
  elision: boolean;
  possessive: boolean;
}

function kindOf(text: string): TokenKind {
  if (/^\d+$/.test(text)) return 'number';
  return /\d/.test(text) ? 'code' : 'word';
}

function makeToken(piece: Piece, quoted: boolean): Token {
  const text = normaliseText(piece.raw);
  return {
    text,
    stem: stem(text),
    raw: piece.raw,
    kind: kindOf(text),
    start: piece.start,
    end: piece.start + piece.raw.length,
    capitalised: /^\p{Lu}/u.test(piece.raw),
    quoted,
    elision: piece.elision,
    possessive: piece.possessive,
    corrected: false,
  };
}

// "d'Alice" -> "d" (elision) + "Alice"; "Alice's" -> "Alice" (possessive); "doesn't" -> "doesnt".
function splitApostrophes(raw: string, start: number): Piece[] {
  const parts = raw.split(APOSTROPHE);
  if (parts.length === 1) return [{ raw, start, elision: false, possessive: false }];
  const pieces: Piece[] = [];
  let offset = start;
  let rest = parts;
  while (rest.length > 1 && ELISIONS.has(normaliseText(rest[0] ?? ''))) {
    const head = rest[0] ?? '';
    pieces.push({ raw: head, start: offset, elision: true, possessive: false });
    offset += head.length + 1;
    rest = rest.slice(1);
  }
  const tail = raw.slice(offset - start);
  if (rest.length === 2 && normaliseText(rest[1] ?? '') === 's') {
    pieces.push({ raw: rest[0] ?? '', start: offset, elision: false, possessive: true });
  } else if (rest.length > 1) {
    // English contractions and names like O'Brien read as one word, the same way in messages and in the directory.
    pieces.push({
      raw: tail.replace(new RegExp(APOSTROPHE.source, 'gu'), ''),
      start: offset,
      elision: false,
      possessive: false,
    });
  } else {
    pieces.push({ raw: tail, start: offset, elision: false, possessive: false });
  }
  return pieces;
}

// "room4b" -> "room" + "4b", "ccx500" -> "ccx" + "500"; "4b", "e3" and "14b" stay whole.
function splitLettersFromDigits(piece: Piece): Piece[] {
  const text = normaliseText(piece.raw);
  if (!/^[a-z]{2,}\d[a-z\d]*$/.test(text)) return [piece];
  const digitAt = piece.raw.search(/\p{N}/u);
  return [
    { raw: piece.raw.slice(0, digitAt), start: piece.start, elision: piece.elision, possessive: false },
    {
      raw: piece.raw.slice(digitAt),
      start: piece.start + digitAt,
      elision: false,
      possessive: piece.possessive,
    },
  ];
}

// "4-b" and "4 b" are written room codes: join a number with a single letter that follows it, unless the
// letter is also a verb and more words follow ("la salle 4 a un problème").
function joinRoomCodes(tokens: Token[], text: string): Token[] {
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const current = tokens[i];
    const next = tokens[i + 1];
    if (!current) continue;
    if (current.kind === 'number' && next?.kind === 'word' && next.text.length === 1 && !next.elision) {
      const gap = text.slice(current.end, next.start);
      const hyphen = /^\s*-\s*$/.test(gap);
      const space = /^\s+$/.test(gap) && !(VERB_LETTERS.has(next.text) && i + 2 < tokens.length);
      if (hyphen || space) {
        const code = current.text + next.text;
        joined.push({
          ...current,
          text: code,
          stem: code,
          raw: text.slice(current.start, next.end),
          kind: 'code',
          end: next.end,
          possessive: next.possessive,
        });
        i++;
        continue;
      }
    }
    joined.push(current);
  }
  return joined;
}

/** Splits a cleaned message into normalised tokens (see {@link cleanMessage}). */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let quoted = false;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const [whole, elided, email, ref, version, word, question] = match;
    const start = match.index;
    if (email !== undefined) {
      // "d'alice.martin@contoso.com": the address starts after the elided word.
      const at = start + whole.length - email.length;
      if (elided !== undefined) {
        const elision = ELISIONS.has(normaliseText(elided));
        tokens.push(makeToken({ raw: elided, start, elision, possessive: false }, quoted));
      }
      tokens.push({
        ...makeToken({ raw: email, start: at, elision: false, possessive: false }, quoted),
        kind: 'email',
      });
    } else if (ref !== undefined) {
      tokens.push({
        ...makeToken({ raw: whole, start, elision: false, possessive: false }, quoted),
        text: ref,
        stem: ref,
        kind: 'ref',
      });
    } else if (version !== undefined) {
      tokens.push({
        ...makeToken({ raw: version, start, elision: false, possessive: false }, quoted),
        kind: 'version',
      });
    } else if (word !== undefined) {
      for (const piece of splitApostrophes(word, start)) {
        for (const part of splitLettersFromDigits(piece)) {
          if (part.raw.length > 0) tokens.push(makeToken(part, quoted));
        }
      }
    } else if (question !== undefined) {
      tokens.push({
        ...makeToken({ raw: question, start, elision: false, possessive: false }, quoted),
        kind: 'symbol',
      });
    } else {
      quoted = !quoted;
    }
  }
  return joinRoomCodes(tokens, text);
}
