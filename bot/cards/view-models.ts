/**
 * Data contracts of the cards: what each render function takes. All strings are final, localised text;
 * the render functions never translate.
 */

export type Tone = 'good' | 'warning' | 'attention' | 'default';

/** A card button: rendered as Action.Execute with an Action.Submit fallback carrying the same verb and data. */
export interface CardAction {
  verb: string;
  title: string;
  data: Record<string, string | number | boolean>;
  style?: 'positive' | 'destructive' | 'default';
}

export interface RoomSummaryView {
  id: string;
  displayName: string;
  emailAddress: string;
  /** "HQ, floor 4" / "HQ, étage 4" */
  location?: string;
}

export interface RoomDiagnosisView {
  /** A line above everything, e.g. who reported the problem from a 1:1 chat. */
  banner?: string;
  room: RoomSummaryView;
  verdict: { headline: string; summary: string; tone: Tone };
  evidence: { label: string; value: string; tone: Tone }[];
  /** `advanced`: a fallback step, for when the main steps did not work; folded away on the card. */
  plan: { title: string; detail: string; powershell?: string; advanced?: boolean }[];
  /** Evidence that could not be read, each as a sentence. */
  missingEvidence: string[];
  /** When the facts were read, already formatted for the reader. */
  gatheredAt: string;
  actions: CardAction[];
}

export interface RoomChoiceView {
  /** What the user typed for the room. */
  query: string;
  /** Candidates to pick from (ambiguous) or the closest names (not found). */
  rooms: RoomSummaryView[];
  /** Verb and extra data each pick sends back, with `roomId` added per room. */
  pickVerb: string;
  pickData: Record<string, string>;
}

export interface ConfirmActionView {
  title: string;
  /** One line per change, exactly what will happen. */
  changes: string[];
  warning?: string;
  confirm: CardAction;
  cancel: CardAction;
}

export interface ErrorView {
  title: string;
  message: string;
  /** What the user can do about it. */
  nextStep?: string;
  correlationId: string;
  requestId?: string;
}

/** One example shown on the help card. */
export interface HelpExample {
  text: string;
  description: string;
}

/** A repair case as its card shows it. */
export interface CaseCardView {
  /** "Case 12 · Room 4B" */
  title: string;
  stateLabel: string;
  tone: Tone;
  /** What is happening now and what comes next, in one or two sentences. */
  summary: string;
  facts: { label: string; value: string }[];
  /** Steps someone must do by hand (console reset, manual restart), when the state needs them. */
  checklist?: { title: string; items: string[] };
  warning?: string;
  /** Latest history entries, newest first, already formatted. */
  history: { at: string; text: string }[];
  historyTitle: string;
  actions: CardAction[];
  /** Shown instead of buttons to people who may not act. */
  readOnlyNote?: string;
  /** Phone cases: the site check to ask now, one answer button each. */
  question?: { title: string; text: string; help?: string; answers: CardAction[] };
}

/** The "cases" command: open cases with their state and time left. */
export interface CaseListView {
  title: string;
  rows: { number: string; room: string; state: string; detail: string; open: CardAction }[];
  /** Shown when there are no rows. */
  empty: string;
}

/** A phone diagnosis card: the header names the phone and its user; otherwise as a room's. */
export interface PhoneDiagnosisCardView {
  banner?: string;
  phone: { title: string; subtitle: string; facts: { label: string; value: string }[] };
  verdict: { headline: string; summary: string; tone: Tone };
  evidence: { label: string; value: string; tone: Tone }[];
  plan: { title: string; detail: string }[];
  missingEvidence: string[];
  gatheredAt: string;
  actions: CardAction[];
}

/** Which of a person's phones: one button each. */
export interface PhoneChoiceView {
  person: string;
  pickVerb: string;
  phones: { label: string; detail: string; data: Record<string, string> }[];
}
