import {
  CASE_NUMBER_MARKERS,
  CASE_WORDS,
  DEVICE_FAMILIES,
  FLOOR_WORDS,
  HOUR_LETTERS,
  INTENT_TERMS,
  LANGUAGE_WORDS,
  NOISE_WORDS,
  OTHER_OWNER_WORDS,
  PERSON_CONTEXT_WORDS,
  QUESTION_OPENERS,
  QUESTION_PHRASES,
  ROOM_TOKEN_SYNONYMS,
  ROOM_WORDS,
  SELF_WORDS,
  type IntentTerm,
} from './lexicon';
import { normaliseText, stem, tokenise } from './normalise';

/** A lexicon phrase ready to be matched against message tokens. */
export interface CompiledTerm {
  readonly term: IntentTerm;
  readonly texts: readonly string[];
  readonly stems: readonly string[];
}

/** The lexicon, tokenised once with the same code as messages. */
export interface Vocabulary {
  /** Phrases by the stem of their first token, longest phrases first. */
  readonly termsByFirstStem: ReadonlyMap<string, readonly CompiledTerm[]>;
  /** Every word and stem the lexicon knows: such words are never treated as typos. */
  readonly knownWords: ReadonlySet<string>;
  readonly knownStems: ReadonlySet<string>;
  /** Lexicon words worth correcting typos to. */
  readonly correctionTargets: readonly string[];
  /** Function and everyday words of either language. */
  readonly languageWords: ReadonlySet<string>;
  /** Words of sentences rather than names: language words, lexicon phrases, chat noise. */
  readonly everydayWords: ReadonlySet<string>;
  /** Words that belong to one language only. */
  readonly wordLanguage: ReadonlyMap<string, 'en' | 'fr'>;
  readonly noise: ReadonlySet<string>;
  readonly roomWords: ReadonlySet<string>;
  readonly roomSynonyms: ReadonlyMap<string, string>;
  readonly personContext: ReadonlySet<string>;
  readonly caseWords: ReadonlySet<string>;
  readonly caseNumberMarkers: ReadonlySet<string>;
  readonly deviceFamilies: ReadonlyMap<string, string>;
  readonly floorWords: ReadonlySet<string>;
  readonly hourLetters: ReadonlySet<string>;
  /** Question phrases, as token texts. */
  readonly questionPhrases: readonly (readonly string[])[];
  readonly questionOpeners: ReadonlySet<string>;
  readonly ownWords: ReadonlySet<string>;
  readonly speakerWords: ReadonlySet<string>;
  readonly otherOwnerWords: ReadonlySet<string>;
}

function wordsOf(phrase: string): string[] {
  return tokenise(phrase).map((t) => t.text);
}

function wordSet(phrases: readonly string[]): Set<string> {
  return new Set(phrases.flatMap(wordsOf));
}

function compile(): Vocabulary {
  const termsByFirstStem = new Map<string, CompiledTerm[]>();
  const knownWords = new Set<string>();
  const knownStems = new Set<string>();
  const correctionTargets = new Set<string>();
  for (const term of INTENT_TERMS) {
    for (const phrase of term.phrases) {
      const tokens = tokenise(phrase);
      const first = tokens[0];
      if (!first) continue;
      const compiled: CompiledTerm = {
        term,
        texts: tokens.map((t) => t.text),
        stems: tokens.map((t) => t.stem),
      };
      const list = termsByFirstStem.get(first.stem);
      if (list) list.push(compiled);
      else termsByFirstStem.set(first.stem, [compiled]);
      for (const token of tokens) {
        knownWords.add(token.text);
        knownStems.add(token.stem);
        correctionTargets.add(token.text);
      }
    }
  }
  for (const list of termsByFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  const en = wordSet(LANGUAGE_WORDS.en);
  const fr = wordSet(LANGUAGE_WORDS.fr);
  const noiseEn = wordSet(NOISE_WORDS.en);
  const noiseFr = wordSet(NOISE_WORDS.fr);
  const noise = new Set([...noiseEn, ...noiseFr, ...wordSet(NOISE_WORDS.any)]);
  const wordLanguage = new Map<string, 'en' | 'fr'>();
  for (const word of new Set([...en, ...noiseEn]))
    if (!fr.has(word) && !noiseFr.has(word)) wordLanguage.set(word, 'en');
  for (const word of new Set([...fr, ...noiseFr]))
    if (!en.has(word) && !noiseEn.has(word)) wordLanguage.set(word, 'fr');

  const roomWords = wordSet(ROOM_WORDS);
  const personContext = wordSet(PERSON_CONTEXT_WORDS);
  const caseWords = wordSet(CASE_WORDS);
  const caseNumberMarkers = wordSet(CASE_NUMBER_MARKERS);
  const floorWords = wordSet(FLOOR_WORDS);
  const questionPhrases = QUESTION_PHRASES.map(wordsOf).filter((words) => words.length > 0);
  const questionOpeners = wordSet(QUESTION_OPENERS);
  const ownWords = wordSet(SELF_WORDS.own);
  const speakerWords = wordSet(SELF_WORDS.speaker);
  const otherOwnerWords = wordSet(OTHER_OWNER_WORDS);
  const roomSynonyms = new Map(
    Object.entries(ROOM_TOKEN_SYNONYMS).map(
      ([from, to]) => [normaliseText(from), normaliseText(to)] as const,
    ),
  );
  const deviceFamilies = new Map(
    Object.entries(DEVICE_FAMILIES).map(([token, label]) => [normaliseText(token), label] as const),
  );
  const everydayWords = new Set([...knownWords, ...en, ...fr, ...noise]);
  const questionWords = new Set([...questionPhrases.flat(), ...questionOpeners]);
  for (const set of [
    en,
    fr,
    noise,
    roomWords,
    personContext,
    caseWords,
    caseNumberMarkers,
    floorWords,
    questionWords,
    ownWords,
    speakerWords,
    otherOwnerWords,
  ]) {
    for (const word of set) knownWords.add(word);
  }
  for (const word of [...roomSynonyms.keys(), ...deviceFamilies.keys()]) knownWords.add(word);
  for (const word of roomWords) correctionTargets.add(word);
  for (const word of knownWords) knownStems.add(stem(word));

  return {
    termsByFirstStem,
    knownWords,
    knownStems,
    correctionTargets: [...correctionTargets],
    languageWords: new Set([...en, ...fr]),
    everydayWords,
    wordLanguage,
    noise,
    roomWords,
    roomSynonyms,
    personContext,
    caseWords,
    caseNumberMarkers,
    deviceFamilies,
    floorWords,
    hourLetters: wordSet(HOUR_LETTERS),
    questionPhrases,
    questionOpeners,
    ownWords,
    speakerWords,
    otherOwnerWords,
  };
}

let cached: Vocabulary | undefined;

/** The compiled lexicon; compiled on first use and shared, since the lexicon does not change at run time. */
export function vocabulary(): Vocabulary {
  cached ??= compile();
  return cached;
}

/**
 * The vocabulary with more words that are never typos nor unknown room names: the FAQ keywords, which come from
 * knowledge data rather than from the lexicon.
 */
export function withKnownWords(base: Vocabulary, words: Iterable<string>): Vocabulary {
  const knownWords = new Set(base.knownWords);
  const knownStems = new Set(base.knownStems);
  for (const word of words) {
    knownWords.add(word);
    knownStems.add(stem(word));
  }
  return { ...base, knownWords, knownStems };
}
