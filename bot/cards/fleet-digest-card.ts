import { interpolate, type Locale } from '../i18n';
import { actionData, toneLook } from './card-parts';
import { type AdaptiveCard, renderWithinBudget } from './render';
import type { CardAction, Tone } from './view-models';

/** The fleet digest card: counts by problem, then one short list per problem. All strings are final text. */
export interface FleetDigestView {
  title: string;
  /** When the scan ran and what it covered. */
  subtitle: string;
  /** What needs attention, in one sentence. */
  summary: string;
  tone: Tone;
  /** One row per problem that has items. */
  counts: { label: string; value: string }[];
  sections: {
    title: string;
    /** Every item of the problem; the card shows the first few. */
    items: { title: string; detail: string; action?: CardAction }[];
  }[];
  /** What the card says under a list it had to cut, with a `{count}` placeholder. */
  moreLabel: string;
  /** Rooms and phones left out because a case is open for them; omitted when none. */
  alreadyInCase?: string;
  /** How much the scan could see (versions read...). */
  notes: string[];
  /** Evidence that could not be read. */
  warnings: string[];
}

/** Items a problem's list shows at most: the digest points at the problems, the diagnosis card does the rest. */
export const MAX_DIGEST_ITEMS = 8;

/**
 * Renders the fleet digest: title, scan time, counts by problem, then per problem a short list with one button per
 * room or phone (its diagnosis, from which a case is opened), "…and N more" under a cut list, the rooms and phones
 * already in a case, and notes on what could not be read. Lists shrink to fit the Teams message size.
 */
export function renderFleetDigestCard(view: FleetDigestView, locale: Locale): AdaptiveCard {
  return renderWithinBudget('fleet-digest', locale, (budget) => {
    const title = budget.line(view.title);
    const look = toneLook(view.tone);
    const sections = view.sections
      .filter((section) => section.items.length > 0)
      .map((section) => {
        const shown = budget.list(section.items.slice(0, MAX_DIGEST_ITEMS));
        const hidden = section.items.length - shown.length;
        return {
          title: budget.line(section.title),
          items: shown.map((item) => {
            const detail = budget.paragraph(item.detail);
            return {
              title: budget.line(item.title),
              hasAction: item.action !== undefined,
              action: item.action
                ? actionData(item.action, budget)
                : { title: '', verb: '', style: 'default', data: {}, submitData: {} },
              detail,
              hasDetail: detail !== '',
            };
          }),
          more: hidden > 0 ? interpolate(view.moreLabel, { count: hidden }) : '',
          hasMore: hidden > 0,
        };
      });
    const alreadyInCase = view.alreadyInCase ? budget.line(view.alreadyInCase) : '';
    return {
      fallbackText: title,
      title,
      color: look.color,
      subtitle: budget.line(view.subtitle),
      summary: budget.paragraph(view.summary),
      counts: view.counts.map((c) => ({ label: budget.line(c.label), value: budget.line(c.value) })),
      hasCounts: view.counts.length > 0,
      sections,
      alreadyInCase,
      hasAlreadyInCase: alreadyInCase !== '',
      notes: view.notes.map((text) => ({ text: budget.paragraph(text) })),
      warnings: view.warnings.map((text) => ({ text: budget.paragraph(text) })),
    };
  });
}
