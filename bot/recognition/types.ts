import type { Locale } from '../i18n';

/** What the user wants. New intents are added here and in the recognition lexicon. */
export type Intent =
  | 'room-licence'
  | 'phone-no-internet'
  | 'case-status'
  | 'case-cancel'
  | 'case-export'
  | 'helpdesk-channel-set'
  | 'fleet'
  | 'faq'
  | 'help'
  | 'unknown';

/** A room as the directory cache knows it (from `GET /places/microsoft.graph.room`). */
export interface DirectoryRoom {
  id: string;
  displayName: string;
  /** The room's resource account, which signs in on the console. */
  emailAddress: string;
  building?: string | null;
  floor?: number | null;
}

/** A person as the directory cache knows them (from `GET /users`). */
export interface DirectoryPerson {
  id: string;
  displayName: string;
  givenName?: string | null;
  surname?: string | null;
  userPrincipalName: string;
  mail?: string | null;
}

export interface Directory {
  rooms: readonly DirectoryRoom[];
  people: readonly DirectoryPerson[];
}

/** How a mentioned entity resolved against the directory. */
export type Resolution<T> =
  | { kind: 'resolved'; value: T; query: string }
  | { kind: 'ambiguous'; candidates: T[]; query: string }
  | { kind: 'not-found'; query: string; suggestions: T[] };

export interface Recognition {
  intent: Intent;
  /** The language the message is written in (falls back to the user's Teams locale). */
  locale: Locale;
  /** Present when the message names a room (or looks like it tries to). */
  room?: Resolution<DirectoryRoom>;
  /** Present when the message names a person. */
  person?: Resolution<DirectoryPerson>;
  /** A device model named in the message, normalised ("CCX 500"). */
  deviceModel?: string;
  /** A case number named in the message ("case 12" -> "12"). */
  caseRef?: string;
  /**
   * `faq` only: the id of the FAQ entry the question matches best (knowledge `faq.json`). Absent when no entry
   * matches clearly, for example a bare "faq".
   */
  faqId?: string;
  /**
   * `phone-no-internet` only: the writer speaks of their own phone ("my phone says No internet", "mon poste ne passe
   * plus d'appels") and names nobody else.
   */
  self?: true;
}
