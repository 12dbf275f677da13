import { renderMessageCard } from '../cards';
import { REPORT_DISMISS_VERB } from './report-support';
import { t } from './texts';
import type { CardVerb } from './types';

/** "No, never mind" on a report confirmation: nothing is sent anywhere. */
export const reportDismissVerb: CardVerb = {
  verb: REPORT_DISMISS_VERB,
  handle: ({ turn }) =>
    Promise.resolve(
      renderMessageCard(turn.locale, {
        title: t(turn.locale, 'report.dismissed'),
        lines: [],
        tone: 'default',
      }),
    ),
};
