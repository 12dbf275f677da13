import { TypoCorrector } from './fuzzy';
import { MAX_SUGGESTIONS, type Mention, byDisplayName, queryOf, resolve } from './mention';
import { normaliseText, tokenise, type Token } from './normalise';
import type { DirectoryPerson } from './types';
import type { Vocabulary } from './vocabulary';

interface NameForm {
  readonly words: readonly string[];
  readonly person: DirectoryPerson;
}

interface Found {
  readonly start: number;
  readonly span: number;
  // Names of more words win; an address beats any name, since it cannot be a sentence word.
  readonly strength: number;
  readonly people: readonly DirectoryPerson[];
}

const EMAIL_STRENGTH = Number.MAX_SAFE_INTEGER;

function wordsOf(text: string | null | undefined): string[] {
  return tokenise(text ?? '')
    .filter((t) => t.kind === 'word' || t.kind === 'code')
    .map((t) => t.text);
}

/**
 * People indexed by the ways chat names them: display name, first and last name in either order, first name or
 * surname alone, user principal name and mail.
 */
export class PersonIndex {
  // Names of two words or more, by their first two words.
  private readonly byBigram = new Map<string, NameForm[]>();
  // First names, surnames and one-word display names ("Reception").
  private readonly bySingleWord = new Map<string, DirectoryPerson[]>();
  private readonly byEmail = new Map<string, DirectoryPerson[]>();
  // For suggestions only, so short names ("Bob") are kept.
  private readonly nameWords = new TypoCorrector(2);
  private readonly allWords = new Set<string>();

  constructor(
    people: readonly DirectoryPerson[],
    private readonly vocabulary: Vocabulary,
  ) {
    // Every list below is then in display-name order, so candidates never need sorting per message.
    for (const person of [...people].sort(byDisplayName)) this.add(person);
  }

  /** Every word of every name, for typo correction and for telling names from sentence words. */
  words(): string[] {
    return [...this.allWords];
  }

  /**
   * The person the message names, skipping tokens in `used`. A first name or surname alone counts only when it
   * cannot be a sentence word: not an everyday word, or written as a name ("d'Alice", "Alice's", capitalised
   * mid-sentence). The longest name wins; several people behind it make it ambiguous.
   */
  find(tokens: readonly Token[], used: ReadonlySet<number>): Mention<DirectoryPerson> | undefined {
    let best: Found | undefined;
    for (const [i, token] of tokens.entries()) {
      if (used.has(i)) continue;
      const found = this.findAt(tokens, used, i, token);
      if (found && (!best || found.strength > best.strength)) best = found;
    }
    if (!best) return undefined;
    const { start, span } = best;
    const positions = Array.from({ length: span }, (_, k) => start + k);
    return { resolution: resolve(best.people, queryOf(tokens, positions)), positions };
  }

  /** A capitalised word written as a name ("le téléphone de Zoé") that matches nobody: not found, with suggestions. */
  findUnknown(
    tokens: readonly Token[],
    used: ReadonlySet<number>,
    isKnownWord: (word: string) => boolean,
  ): Mention<DirectoryPerson> | undefined {
    for (const [i, token] of tokens.entries()) {
      if (used.has(i)) continue;
      if (token.kind === 'email' && !this.byEmail.has(token.text)) {
        const local = wordsOf(token.text.split('@')[0])[0] ?? '';
        return {
          resolution: { kind: 'not-found', query: token.raw, suggestions: this.suggest(local) },
          positions: [i],
        };
      }
      if (token.kind !== 'word' || !token.capitalised || isKnownWord(token.text)) continue;
      if (!this.inNameContext(tokens, i)) continue;
      return {
        resolution: { kind: 'not-found', query: token.raw, suggestions: this.suggest(token.text) },
        positions: [i],
      };
    }
    return undefined;
  }

  /** People with a name word close to `word`. */
  suggest(word: string): DirectoryPerson[] {
    const people: DirectoryPerson[] = [];
    for (const near of this.nameWords.near(normaliseText(word), 2)) {
      for (const person of this.bySingleWord.get(near) ?? []) {
        if (!people.includes(person)) people.push(person);
        if (people.length >= MAX_SUGGESTIONS) break;
      }
      if (people.length >= MAX_SUGGESTIONS) break;
    }
    return people.slice(0, MAX_SUGGESTIONS);
  }

  private add(person: DirectoryPerson): void {
    const display = wordsOf(person.displayName);
    let given = wordsOf(person.givenName);
    let surname = wordsOf(person.surname);
    if (given.length === 0 && surname.length === 0 && display.length >= 2) {
      given = display.slice(0, 1);
      surname = display.slice(-1);
    }
    const forms = [display, [...given, ...surname], [...surname, ...given], given, surname];
    const seen = new Set<string>();
    for (const words of forms) {
      const key = words.join(' ');
      if (words.length === 0 || seen.has(key)) continue;
      for (const word of words) this.allWords.add(word);
      seen.add(key);
      if (words.length === 1) {
        push(this.bySingleWord, key, person);
        this.nameWords.add(key, 0);
      } else {
        push(this.byBigram, `${words[0]} ${words[1]}`, { words, person });
      }
    }
    for (const address of [person.userPrincipalName, person.mail]) {
      const email = normaliseText(address ?? '');
      if (email && !(this.byEmail.get(email) ?? []).includes(person)) push(this.byEmail, email, person);
    }
  }

  private findAt(
    tokens: readonly Token[],
    used: ReadonlySet<number>,
    i: number,
    token: Token,
  ): Found | undefined {
    if (token.kind === 'email') {
      const people = this.byEmail.get(token.text);
      return people ? { start: i, span: 1, strength: EMAIL_STRENGTH, people } : undefined;
    }
    const next = tokens[i + 1];
    if (next && !used.has(i + 1)) {
      const forms = this.byBigram.get(`${token.text} ${next.text}`) ?? [];
      let longest = 0;
      let people: DirectoryPerson[] = [];
      for (const form of forms) {
        const fits = form.words.every((word, k) => tokens[i + k]?.text === word && !used.has(i + k));
        if (!fits || form.words.length < longest) continue;
        if (form.words.length > longest) people = [];
        longest = form.words.length;
        people.push(form.person);
      }
      if (longest > 0) return { start: i, span: longest, strength: longest, people };
    }
    const people = this.bySingleWord.get(token.text);
    if (!people || !this.acceptsSingleWord(tokens, i, token)) return undefined;
    return { start: i, span: 1, strength: 1, people };
  }

  private acceptsSingleWord(tokens: readonly Token[], i: number, token: Token): boolean {
    if (this.inNameContext(tokens, i)) return true;
    const everyday = this.vocabulary.everydayWords.has(token.text);
    if (token.corrected) return token.capitalised;
    if (!everyday) return true;
    return token.capitalised && i > 0 && !this.vocabulary.noise.has(token.text);
  }

  private inNameContext(tokens: readonly Token[], i: number): boolean {
    const token = tokens[i];
    const before = tokens[i - 1];
    return (
      Boolean(token?.possessive) || (before !== undefined && this.vocabulary.personContext.has(before.text))
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
