import { renderHelpCard } from '../cards';
import type { Locale } from '../i18n';
import { isEndUserReport } from './report-support';
import { t } from './texts';
import type { MessageCommand } from './types';

const EXAMPLES = ['room', 'roomFr', 'phone', 'status', 'fleet', 'channel', 'faq', 'help'] as const;
// End users in a 1:1 chat report problems; the helpdesk's commands would only confuse them.
const END_USER_EXAMPLES = ['report', 'reportPhone', 'faq', 'help'] as const;

/** The help card's examples, in the reader's language: the helpdesk's, or an end user's in a 1:1 chat. */
export function helpExamples(locale: Locale, audience: 'helpdesk' | 'end-user' = 'helpdesk') {
  return (audience === 'helpdesk' ? EXAMPLES : END_USER_EXAMPLES).map((e) => ({
    text: t(locale, `help.example.${e}`),
    description: t(locale, `help.example.${e}.desc`),
  }));
}

/** "help", and anything not understood. */
export const helpCommand: MessageCommand = {
  name: 'help',
  intents: ['help', 'unknown'],
  async handle({ turn }, services) {
    const audience = (await isEndUserReport(turn, services)) ? 'end-user' : 'helpdesk';
    await turn.send(renderHelpCard(turn.locale, helpExamples(turn.locale, audience)));
  },
};
