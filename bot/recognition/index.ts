import type { Locale } from '../i18n';
import { defaultFaq, type FaqEntry } from '../knowledge/faq';
import { FaqIndex, type FaqMatch } from './faq-index';
import { TypoCorrector } from './fuzzy';
import {
  ENTITY_EVIDENCE,
  FAQ_QUESTION_BONUS,
  INTENT_THRESHOLD,
  INTENT_TIE_ORDER,
  type IntentTerm,
  type LexiconLanguage,
  type ScoredIntent,
} from './lexicon';
import type { Mention } from './mention';
import { cleanMessage, stem, tokenise, type Token } from './normalise';
import { PersonIndex } from './person-index';
import { RoomIndex } from './room-index';
import type { Directory, DirectoryPerson, DirectoryRoom, Intent, Recognition } from './types';
import { vocabulary, withKnownWords, type Vocabulary } from './vocabulary';

export type { Directory, DirectoryPerson, DirectoryRoom, Intent, Recognition, Resolution } from './types';

/** Options of one {@link Recogniser.recognise} call. */
export interface RecogniseOptions {
  /** The user's Teams locale: breaks a tie between English and French evidence, and is the default. */
  locale?: Locale;
}

/** Knowledge the recogniser matches messages against, besides the directory. */
export interface RecogniserKnowledge {
  /** The FAQ whose keywords identify questions; the shipped FAQ by default. */
  faq?: readonly FaqEntry[];
}

/** Recognises what a chat message asks, against one snapshot of the directory. */
export interface Recogniser {
  /** Intent, language and entities of a message; deterministic, offline, and never throws on odd input. */
  recognise(text: string, options?: RecogniseOptions): Recognition;
}

// Requests fit in a few lines; a pasted log beyond this adds cost, not meaning.
const MAX_MESSAGE_LENGTH = 2000;

interface TermMatch {
  readonly term: IntentTerm;
  readonly positions: readonly number[];
}

/**
 * Builds a recogniser for a directory snapshot. Indexes of room and person names are built here, once per
 * directory refresh, so that each message costs a few map lookups whatever the size of the tenant.
 */
export function buildRecogniser(directory: Directory, knowledge: RecogniserKnowledge = {}): Recogniser {
  const faq = new FaqIndex(knowledge.faq ?? defaultFaq);
  const faqWords = faq.words();
  const vocab = withKnownWords(vocabulary(), faqWords);
  const rooms = new RoomIndex(directory.rooms, vocab);
  const people = new PersonIndex(directory.people, vocab);
  const typos = new TypoCorrector();
  for (const word of vocab.correctionTargets) typos.add(word, 0);
  for (const word of faqWords) typos.add(word, 0);
  for (const word of rooms.words()) typos.add(word, 1);
  const personWords = people.words();
  for (const word of personWords) typos.add(word, 2);
  const directoryWords = new Set([...rooms.nameWords(), ...personWords]);
  const isKnownWord = (word: string): boolean =>
    vocab.knownWords.has(word) || vocab.knownStems.has(stem(word)) || directoryWords.has(word);

  return {
    recognise(text: string, options?: RecogniseOptions): Recognition {
      const all = tokenise(cleanMessage(text.slice(0, MAX_MESSAGE_LENGTH)));
      const words = all.filter((t) => t.kind !== 'symbol');
      // A lone "?" asks for help; next to words it is just punctuation.
      const tokens = words.length > 0 ? words : all;
      for (const token of tokens) correctTypo(token, typos, isKnownWord);

      const used = new Set<number>();
      const caseRef = findCaseRef(tokens, vocab, used);
      const deviceModel = findDeviceModel(tokens, vocab, used);
      const room = rooms.find(tokens, used);
      markUsed(used, room);
      let person: Mention<DirectoryPerson> | undefined = people.find(tokens, used);
      markUsed(used, person);

      const terms = matchTerms(tokens, used, vocab);
      // The FAQ answers general questions: one about a named room, person, case or the writer's own device is a
      // request to look at it.
      const general = !room && !person && !caseRef && !tokens.some((t) => vocab.ownWords.has(t.text));
      const askedForFaq = terms.some((m) => m.term.evidence.faq !== undefined);
      const faqMatch =
        general && (askedForFaq || isQuestion(all, tokens, vocab)) ? faq.match(tokens) : undefined;
      const scores = scoreIntents(terms, { room, person, deviceModel, caseRef }, faqMatch);
      const intent = pickIntent(scores);
      if (!person && intent === 'phone-no-internet') {
        person = people.findUnknown(tokens, used, isKnownWord);
        markUsed(used, person);
      }

      const recognition: Recognition = {
        intent,
        locale: detectLocale(
          tokens,
          used,
          terms,
          intent === 'faq' ? faqMatch?.languages : undefined,
          vocab,
          options?.locale,
        ),
      };
      if (room) recognition.room = room.resolution;
      if (person) recognition.person = person.resolution;
      if (deviceModel) recognition.deviceModel = deviceModel;
      if (caseRef) recognition.caseRef = caseRef;
      if (intent === 'faq' && faqMatch?.id !== undefined) recognition.faqId = faqMatch.id;
      if (intent === 'phone-no-internet' && !person && speaksOfOwnPhone(tokens, vocab))
        recognition.self = true;
      return recognition;
    },
  };
}

function correctTypo(token: Token, typos: TypoCorrector, isKnownWord: (word: string) => boolean): void {
  if (token.kind !== 'word' || isKnownWord(token.text)) return;
  const correction = typos.correct(token.text);
  if (correction === undefined) return;
  token.text = correction;
  token.stem = stem(correction);
  token.corrected = true;
}

function markUsed<T>(used: Set<number>, mention: Mention<T> | undefined): void {
  for (const i of mention?.positions ?? []) used.add(i);
}

// "case 12", "dossier n° 12", "#12".
function findCaseRef(tokens: readonly Token[], vocab: Vocabulary, used: Set<number>): string | undefined {
  for (const [i, token] of tokens.entries()) {
    if (token.kind === 'ref') {
      used.add(i);
      return token.text;
    }
    if (!vocab.caseWords.has(token.text)) continue;
    let j = i + 1;
    if (vocab.caseNumberMarkers.has(tokens[j]?.text ?? '')) j++;
    const number = tokens[j];
    if (number && (number.kind === 'number' || number.kind === 'ref')) {
      used.add(j);
      return number.text;
    }
  }
  return undefined;
}

// "CCX 500", "ccx500", "CCX-500", "Poly CCX 400" -> "CCX 500".
function findDeviceModel(tokens: readonly Token[], vocab: Vocabulary, used: Set<number>): string | undefined {
  for (const [i, token] of tokens.entries()) {
    const label = vocab.deviceFamilies.get(token.text);
    const number = tokens[i + 1];
    if (label === undefined || number?.kind !== 'number' || used.has(i + 1)) continue;
    used.add(i + 1);
    return `${label} ${number.text}`;
  }
  return undefined;
}

// Finds lexicon phrases on whole tokens, longest first, so that "no internet" is read as one phrase and not
// as "no" + "internet". Tokens that named an entity are skipped. Among phrases of the same length, one
// written exactly as in the message wins over one that only shares its stems (its language is then the right
// one).
function matchTerms(tokens: readonly Token[], used: ReadonlySet<number>, vocab: Vocabulary): TermMatch[] {
  const matches: TermMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token || used.has(i)) {
      i++;
      continue;
    }
    let best: { term: IntentTerm; length: number; exact: boolean } | undefined;
    for (const candidate of vocab.termsByFirstStem.get(token.stem) ?? []) {
      const length = candidate.stems.length;
      if (best && length < best.length) break;
      const fits = candidate.stems.every((s, k) => tokens[i + k]?.stem === s && !used.has(i + k));
      if (!fits) continue;
      const exact = candidate.texts.every((t, k) => tokens[i + k]?.text === t);
      if (!best || (exact && !best.exact)) best = { term: candidate.term, length, exact };
    }
    if (best) {
      matches.push({ term: best.term, positions: Array.from({ length: best.length }, (_, k) => i + k) });
      i += best.length;
    } else i++;
  }
  return matches;
}

interface Entities {
  room: Mention<DirectoryRoom> | undefined;
  person: Mention<DirectoryPerson> | undefined;
  deviceModel: string | undefined;
  caseRef: string | undefined;
}

// A question mark, a question phrase anywhere ("why", "est-ce que") or a question word first ("can I…", "faut-il…").
function isQuestion(all: readonly Token[], tokens: readonly Token[], vocab: Vocabulary): boolean {
  if (all.some((t) => t.kind === 'symbol')) return true;
  const first = tokens.find((t) => !vocab.noise.has(t.text));
  if (first && vocab.questionOpeners.has(first.text)) return true;
  return tokens.some((_, i) =>
    vocab.questionPhrases.some((phrase) => phrase.every((word, k) => tokens[i + k]?.text === word)),
  );
}

// "my phone", "I can't make calls", "mon poste", unless someone else's device is meant ("my colleague's phone").
function speaksOfOwnPhone(tokens: readonly Token[], vocab: Vocabulary): boolean {
  if (tokens.some((t) => vocab.otherOwnerWords.has(t.text))) return false;
  return tokens.some((t) => vocab.ownWords.has(t.text) || vocab.speakerWords.has(t.text));
}

// Sums the evidence of each lexicon group found (once per group), of each entity present, and of the FAQ entry a
// general question matches best.
function scoreIntents(
  terms: readonly TermMatch[],
  entities: Entities,
  faq: FaqMatch | undefined,
): Map<ScoredIntent, number> {
  const scores = new Map<ScoredIntent, number>();
  const add = (evidence: Readonly<Partial<Record<ScoredIntent, number>>>): void => {
    for (const [intent, points] of Object.entries(evidence) as [ScoredIntent, number][]) {
      scores.set(intent, (scores.get(intent) ?? 0) + points);
    }
  };
  for (const term of new Set(terms.map((m) => m.term))) add(term.evidence);
  if (entities.room) add(ENTITY_EVIDENCE.room);
  if (entities.person) add(ENTITY_EVIDENCE.person);
  if (entities.deviceModel) add(ENTITY_EVIDENCE.deviceModel);
  if (entities.caseRef) add(ENTITY_EVIDENCE.caseRef);
  if (faq) add({ faq: faq.score + FAQ_QUESTION_BONUS });
  return scores;
}

function pickIntent(scores: ReadonlyMap<ScoredIntent, number>): Intent {
  let best: ScoredIntent | undefined;
  let bestScore = INTENT_THRESHOLD - Number.EPSILON;
  for (const intent of INTENT_TIE_ORDER) {
    const score = scores.get(intent) ?? 0;
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  return best ?? 'unknown';
}

// Counts the words that belong to one language. Names, quoted text and language-neutral phrases (the device
// error texts, shown in English to everyone) do not vote. A tie goes to the user's Teams locale.
function detectLocale(
  tokens: readonly Token[],
  used: ReadonlySet<number>,
  terms: readonly TermMatch[],
  faqLanguages: ReadonlyMap<number, LexiconLanguage> | undefined,
  vocab: Vocabulary,
  fallback: Locale | undefined,
): Locale {
  const termLanguage = new Map<number, IntentTerm['lang']>();
  for (const [i, lang] of faqLanguages ?? []) if (lang !== 'any') termLanguage.set(i, lang);
  for (const match of terms) for (const i of match.positions) termLanguage.set(i, match.term.lang);
  let en = 0;
  let fr = 0;
  for (const [i, token] of tokens.entries()) {
    if (used.has(i) || token.quoted) continue;
    const language = termLanguage.get(i) ?? vocab.wordLanguage.get(token.text);
    if (language === 'en') en++;
    else if (language === 'fr') fr++;
  }
  if (en > fr) return 'en';
  if (fr > en) return 'fr';
  return fallback ?? 'en';
}
