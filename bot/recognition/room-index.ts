import { NearWords } from './fuzzy';
import { MAX_SUGGESTIONS, type Mention, displayNameOrder, queryOf, resolve, smallest } from './mention';
import { normaliseText, tokenise, type Token } from './normalise';
import type { DirectoryRoom } from './types';
import type { Vocabulary } from './vocabulary';

interface RoomEntry {
  readonly room: DirectoryRoom;
  // The tokens that tell this room from others ("4b"; "boardroom" + "north").
  readonly keys: readonly string[];
  // Every token of the display name, generic words included.
  readonly nameWords: ReadonlySet<string>;
  readonly buildingWords: readonly string[];
}

interface KeyHit {
  readonly positions: number[];
  // Written right after a room word ("salle 12"): enough to trust a bare number or letter.
  afterRoomWord: boolean;
  // Written as an everyday word ("est" for "east"): counts only beside a distinctive key of the same room.
  everyday: boolean;
  // A number, a single letter or an hour ("8h"): counts only after a room word or beside a distinctive key.
  bare: boolean;
}

interface Candidate {
  readonly entry: RoomEntry;
  readonly rank: readonly number[];
}

// Past this many rooms, a token names a group of rooms ("hq"), not a room: it cannot select on its own.
const MAX_ROOMS_PER_SELECTING_KEY = 50;
const MAX_CANDIDATE_ROOMS = 500;
const SUGGESTION_DISTANCE = 2;
const ROOM_CODE = /^\d{1,3}[a-z]$/;

/**
 * Rooms indexed by the tokens that distinguish them, so that "4B", "4-b", "salle 4B", "the MTR in 4B" and
 * "room-4b@contoso.com" all find "Room 4B", in time independent of the number of rooms.
 */
export class RoomIndex {
  private readonly entries: RoomEntry[] = [];
  private readonly byKey = new Map<string, RoomEntry[]>();
  private readonly byEmail = new Map<string, RoomEntry[]>();
  private readonly nearKeys = new NearWords(SUGGESTION_DISTANCE);
  private readonly order: (a: DirectoryRoom, b: DirectoryRoom) => number;

  constructor(
    rooms: readonly DirectoryRoom[],
    private readonly vocabulary: Vocabulary,
  ) {
    this.order = displayNameOrder(rooms);
    for (const room of rooms) {
      const entry = this.entryOf(room);
      this.entries.push(entry);
      for (const key of entry.keys) {
        const list = this.byKey.get(key);
        if (list) list.push(entry);
        else {
          this.byKey.set(key, [entry]);
          this.nearKeys.add(key);
        }
      }
      const email = normaliseText(room.emailAddress ?? '');
      if (email) {
        const list = this.byEmail.get(email);
        if (list) list.push(entry);
        else this.byEmail.set(email, [entry]);
      }
    }
  }

  /** Alphabetic tokens of room names, for typo correction. */
  words(): string[] {
    return [...this.byKey.keys()].filter((key) => /^[a-z]+$/.test(key));
  }

  /** Every token of every room name, generic words included. */
  nameWords(): Set<string> {
    return new Set(this.entries.flatMap((e) => [...e.nameWords]));
  }

  /**
   * The room the message names, skipping tokens in `used`: resolved, ambiguous (several rooms fit equally well),
   * not found (something that looks like a room but matches none, with suggestions), or undefined (no room).
   */
  find(tokens: readonly Token[], used: ReadonlySet<number>): Mention<DirectoryRoom> | undefined {
    return (
      this.findByEmail(tokens, used) ?? this.findByKeys(tokens, used) ?? this.findUnknownRoom(tokens, used)
    );
  }

  /** The rooms whose name is closest to `query` (up to two edits), for a "did you mean" answer. */
  suggest(query: string): DirectoryRoom[] {
    const text = normaliseText(query);
    const best = new Map<RoomEntry, number>();
    // Two edits away, a short code is near every other code: look that far only when one edit finds too few.
    for (let distance = 1; distance <= SUGGESTION_DISTANCE && best.size < MAX_SUGGESTIONS; distance++) {
      for (const near of this.nearKeys.near(text, distance)) {
        const rooms = this.byKey.get(near.word) ?? [];
        // A token shared by many rooms ("hq") does not make any of them a good guess.
        if (rooms.length > MAX_ROOMS_PER_SELECTING_KEY) continue;
        for (const entry of rooms) if (!best.has(entry)) best.set(entry, near.distance);
      }
    }
    return smallest(
      best.entries(),
      MAX_SUGGESTIONS,
      ([a, da], [b, db]) => da - db || this.order(a.room, b.room),
    ).map(([entry]) => entry.room);
  }

  private entryOf(room: DirectoryRoom): RoomEntry {
    const tokens = tokenise(room.displayName).filter((t) => !t.elision);
    const words = tokens.map((t) => this.canonical(t.text));
    const { roomWords, languageWords } = this.vocabulary;
    let keys = words.filter((w) => !roomWords.has(w) && !languageWords.has(w));
    if (keys.length === 0) keys = words.filter((w) => !roomWords.has(w));
    if (keys.length === 0) keys = words;
    const buildingWords = tokenise(room.building ?? '')
      .map((t) => this.canonical(t.text))
      .filter((w) => !keys.includes(w));
    return { room, keys: [...new Set(keys)], nameWords: new Set(tokens.map((t) => t.text)), buildingWords };
  }

  private canonical(word: string): string {
    return this.vocabulary.roomSynonyms.get(word) ?? word;
  }

  // "8h" in "depuis 8h" is a time; "8H" in capitals is left to be a room code.
  private isHour(token: Token): boolean {
    const match = /^(\d{1,2})([a-z])$/.exec(token.text);
    if (!match || !this.vocabulary.hourLetters.has(match[2] ?? '')) return false;
    return Number(match[1]) <= 24 && token.raw.slice(-1) === token.raw.slice(-1).toLowerCase();
  }

  private findByEmail(
    tokens: readonly Token[],
    used: ReadonlySet<number>,
  ): Mention<DirectoryRoom> | undefined {
    for (const [i, token] of tokens.entries()) {
      const entries = token.kind === 'email' && !used.has(i) ? this.byEmail.get(token.text) : undefined;
      if (!entries) continue;
      const rooms = entries.map((e) => e.room);
      return { resolution: resolve(rooms, token.raw, this.order), positions: [i] };
    }
    return undefined;
  }

  private findByKeys(
    tokens: readonly Token[],
    used: ReadonlySet<number>,
  ): Mention<DirectoryRoom> | undefined {
    const hits = new Map<string, KeyHit>();
    const messageWords = new Set<string>();
    for (const [i, token] of tokens.entries()) {
      if (used.has(i) || token.elision || token.kind === 'email' || token.kind === 'symbol') continue;
      const key = this.canonical(token.text);
      messageWords.add(key);
      if (!this.byKey.has(key)) continue;
      const before = tokens[i - 1]?.text ?? '';
      const afterRoomWord = this.vocabulary.roomWords.has(before);
      const everyday = this.vocabulary.everydayWords.has(token.text);
      const bare = isBare(key) || this.isHour(token);
      const hit = hits.get(key);
      if (hit) {
        hit.positions.push(i);
        hit.afterRoomWord ||= afterRoomWord;
        hit.everyday &&= everyday;
        hit.bare &&= bare;
      } else hits.set(key, { positions: [i], afterRoomWord, everyday, bare });
    }
    // A room counts only with a distinctive key, or a number or letter written after a room word: without either,
    // skip ranking the (possibly many) rooms that share an everyday word.
    const anyCounts = [...hits.values()].some((h) => (h.bare ? h.afterRoomWord : !h.everyday));
    if (!anyCounts) return undefined;

    const candidates = this.candidateRooms([...hits.keys()]);
    let best: Candidate[] = [];
    for (const entry of candidates) {
      const rank = this.rank(entry, hits, messageWords);
      if (!rank) continue;
      const order = best[0] ? compareRanks(rank, best[0].rank) : 1;
      if (order > 0) best = [{ entry, rank }];
      else if (order === 0) best.push({ entry, rank });
    }
    if (best.length === 0) return undefined;

    const chosen = best.map((c) => c.entry);
    const positions = chosen.flatMap((entry) => entry.keys.flatMap((key) => hits.get(key)?.positions ?? []));
    // "Room" in "Room 4B" is part of the name, not a word of the sentence.
    for (const i of [...positions]) {
      const before = tokens[i - 1];
      if (
        before &&
        chosen.some((e) => e.nameWords.has(before.text)) &&
        this.vocabulary.roomWords.has(before.text)
      ) {
        positions.push(i - 1);
      }
    }
    const keyPositions = positions.filter((i) => !this.vocabulary.roomWords.has(tokens[i]?.text ?? ''));
    return {
      resolution: resolve(
        chosen.map((e) => e.room),
        queryOf(tokens, keyPositions),
        this.order,
      ),
      positions: [...new Set(positions)],
    };
  }

  // Rooms reachable from the most selective keys first, so that a common token cannot make the work grow.
  private candidateRooms(keys: readonly string[]): Set<RoomEntry> {
    const lists = keys.map((key) => this.byKey.get(key) ?? []).sort((a, b) => a.length - b.length);
    const candidates = new Set<RoomEntry>();
    for (const list of lists) {
      if (list.length > MAX_ROOMS_PER_SELECTING_KEY && candidates.size > 0) break;
      if (candidates.size + list.length > MAX_CANDIDATE_ROOMS) break;
      for (const entry of list) candidates.add(entry);
    }
    return candidates;
  }

  // [complete name, keys matched, building matched]; undefined when nothing counts.
  private rank(entry: RoomEntry, hits: ReadonlyMap<string, KeyHit>, messageWords: ReadonlySet<string>) {
    const matched = entry.keys.filter((key) => hits.has(key));
    const distinctive = matched.some((key) => {
      const hit = hits.get(key);
      return hit !== undefined && !hit.everyday && !hit.bare;
    });
    const counted = matched.filter((key) => {
      const hit = hits.get(key);
      if (!hit) return false;
      if (hit.bare) return distinctive || hit.afterRoomWord;
      return !hit.everyday || distinctive;
    });
    if (counted.length === 0) return undefined;
    return [
      counted.length === entry.keys.length ? 1 : 0,
      counted.length,
      entry.buildingWords.some((w) => messageWords.has(w)) ? 1 : 0,
    ];
  }

  // "room 9Z", "salle Atlantis", a bare "9Z": the writer means a room the directory does not have.
  private findUnknownRoom(
    tokens: readonly Token[],
    used: ReadonlySet<number>,
  ): Mention<DirectoryRoom> | undefined {
    const { roomWords, knownWords, floorWords } = this.vocabulary;
    for (const [i, token] of tokens.entries()) {
      if (used.has(i)) continue;
      if (floorWords.has(tokens[i + 1]?.text ?? '')) continue;
      const afterRoomWord = roomWords.has(tokens[i - 1]?.text ?? '');
      const looksLikeRoom =
        (token.kind === 'code' && ROOM_CODE.test(token.text) && !this.isHour(token)) ||
        (afterRoomWord &&
          (token.kind === 'code' ||
            token.kind === 'number' ||
            (token.kind === 'word' && token.capitalised && !knownWords.has(token.text)))) ||
        (token.kind === 'email' &&
          tokenise(token.text.split('@')[0] ?? '').some((t) => roomWords.has(t.text)));
      if (!looksLikeRoom) continue;
      const query = token.kind === 'email' ? (token.text.split('@')[0] ?? '') : token.text;
      const key = tokenise(query).find((t) => !roomWords.has(t.text));
      const suggestions = this.suggest(key?.text ?? query);
      return { resolution: { kind: 'not-found', query: token.raw, suggestions }, positions: [i] };
    }
    return undefined;
  }
}

// A number or a single letter says little on its own ("2 hours", "a").
function isBare(key: string): boolean {
  return key.length === 1 || /^\d+$/.test(key);
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
