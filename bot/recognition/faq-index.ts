import type { FaqEntry } from '../knowledge/faq';
import { FAQ_KEYWORD_WEIGHTS, FAQ_MAX_SCORE, type LexiconLanguage } from './lexicon';
import { tokenise, type Token } from './normalise';

interface CompiledKeyword {
  readonly entry: number;
  readonly stems: readonly string[];
  readonly weight: number;
  readonly lang: LexiconLanguage;
}

/** How a message matches the FAQ. */
export interface FaqMatch {
  /** The entry that scores above every other one; absent on a tie. */
  readonly id?: string;
  /** The best entry's score (capped). */
  readonly score: number;
  /** Tokens that matched keywords of the best entries, with the language of each keyword. */
  readonly languages: ReadonlyMap<number, LexiconLanguage>;
}

/**
 * The FAQ's keywords, compiled with the tokeniser and stemmer of messages, so that they match whole words whatever
 * the accents, case and plurals, and never inside another word.
 */
export class FaqIndex {
  private readonly ids: readonly string[];
  // By the stem of their first word.
  private readonly byFirstStem = new Map<string, CompiledKeyword[]>();
  private readonly allWords = new Set<string>();

  constructor(entries: readonly Pick<FaqEntry, 'id' | 'keywords'>[]) {
    this.ids = entries.map((e) => e.id);
    entries.forEach((entry, index) => {
      // A keyword listed in both languages says nothing about the language.
      const languages = new Map<string, { stems: string[]; lang: LexiconLanguage }>();
      for (const lang of ['en', 'fr'] as const) {
        for (const keyword of entry.keywords[lang]) {
          const tokens = tokenise(keyword).filter((t) => t.kind !== 'symbol');
          if (tokens.length === 0) continue;
          for (const token of tokens) this.allWords.add(token.text);
          const stems = tokens.map((t) => t.stem);
          const key = stems.join(' ');
          const known = languages.get(key);
          languages.set(key, { stems, lang: known && known.lang !== lang ? 'any' : lang });
        }
      }
      for (const { stems, lang } of languages.values()) {
        const weight = FAQ_KEYWORD_WEIGHTS[Math.min(stems.length, FAQ_KEYWORD_WEIGHTS.length - 1)] ?? 0;
        const first = stems[0] ?? '';
        const list = this.byFirstStem.get(first);
        const compiled: CompiledKeyword = { entry: index, stems, weight, lang };
        if (list) list.push(compiled);
        else this.byFirstStem.set(first, [compiled]);
      }
    });
  }

  /** Every word of every keyword: known words, and targets of typo correction. */
  words(): string[] {
    return [...this.allWords];
  }

  /**
   * Scores each entry by the keywords found in the message, each keyword once: a phrase and the words it contains
   * all count, so an entry whose phrase is typed in full wins over one that only shares a word. Returns the best,
   * or undefined when no keyword matches.
   */
  match(tokens: readonly Token[]): FaqMatch | undefined {
    const scores = new Array<number>(this.ids.length).fill(0);
    const counted = new Set<CompiledKeyword>();
    const hits: { keyword: CompiledKeyword; start: number }[] = [];
    for (const [i, token] of tokens.entries()) {
      for (const keyword of this.byFirstStem.get(token.stem) ?? []) {
        if (!keyword.stems.every((s, k) => tokens[i + k]?.stem === s)) continue;
        hits.push({ keyword, start: i });
        if (counted.has(keyword)) continue;
        counted.add(keyword);
        scores[keyword.entry] = (scores[keyword.entry] ?? 0) + keyword.weight;
      }
    }
    const best = Math.max(0, ...scores);
    if (best === 0) return undefined;
    const leaders = scores.flatMap((score, entry) => (score === best ? [entry] : []));
    const languages = new Map<number, LexiconLanguage>();
    for (const { keyword, start } of hits) {
      if (!leaders.includes(keyword.entry)) continue;
      keyword.stems.forEach((_, k) => {
        if ((languages.get(start + k) ?? 'any') === 'any') languages.set(start + k, keyword.lang);
      });
    }
    const id = leaders.length === 1 ? this.ids[leaders[0] ?? -1] : undefined;
    return { ...(id !== undefined ? { id } : {}), score: Math.min(best, FAQ_MAX_SCORE), languages };
  }
}
