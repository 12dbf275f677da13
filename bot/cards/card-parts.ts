import type { TextBudget } from './budget';
import type { JsonObject } from './render';
import type { CardAction, RoomSummaryView, Tone } from './view-models';

/** How a tone looks: text colour, container style and a leading icon. */
export type ToneLook = {
  color: 'Good' | 'Warning' | 'Attention' | 'Default';
  containerStyle: 'good' | 'warning' | 'attention' | 'emphasis';
  icon: string;
};

const TONE_LOOKS: Record<Tone, ToneLook> = {
  good: { color: 'Good', containerStyle: 'good', icon: '✅' },
  warning: { color: 'Warning', containerStyle: 'warning', icon: '⚠️' },
  attention: { color: 'Attention', containerStyle: 'attention', icon: '⛔' },
  default: { color: 'Default', containerStyle: 'emphasis', icon: 'ℹ️' },
};

/** The colour, container style and icon of a tone. */
export function toneLook(tone: Tone): ToneLook {
  return TONE_LOOKS[tone];
}

/** What the shared action markup in the templates binds to. */
export type ActionData = {
  title: string;
  verb: string;
  style: 'positive' | 'destructive' | 'default';
  /** Sent by Action.Execute (the verb travels beside it). */
  data: JsonObject;
  /** Sent by the Action.Submit fallback, which has no verb of its own. */
  submitData: JsonObject;
};

// Button labels longer than this wrap or get clipped by every Teams client.
const MAX_BUTTON_TITLE = 100;

/**
 * Turns a button into template data. The Submit fallback carries the same fields plus `verb`; the verb is set last
 * so a data field that happens to be called "verb" cannot redirect the click.
 */
export function actionData(
  action: CardAction,
  budget: TextBudget,
  fallbackStyle: ActionData['style'] = 'default',
): ActionData {
  return {
    title: budget.line(action.title, MAX_BUTTON_TITLE),
    verb: action.verb,
    style: action.style ?? fallbackStyle,
    data: { ...action.data },
    submitData: { ...action.data, verb: action.verb },
  };
}

/** The room's name, falling back to its address then its id, so the header is never blank. */
export function roomName(room: RoomSummaryView): string {
  return [room.displayName, room.emailAddress, room.id].find((value) => value.trim() !== '') ?? '';
}
