import { renderHelpCard } from '../cards';
import type { Locale } from '../i18n';
import { t } from './texts';
import type { MessageCommand } from './types';

const EXAMPLES = ['room', 'roomFr', 'phone', 'status', 'help'] as const;

/** The help card's examples, in the reader's language. */
export function helpExamples(locale: Locale) {
  return EXAMPLES.map((e) => ({
    text: t(locale, `help.example.${e}`),
    description: t(locale, `help.example.${e}.desc`),
  }));
}

/** "help", and anything not understood. */
export const helpCommand: MessageCommand = {
  name: 'help',
  intents: ['help', 'unknown'],
  async handle({ turn }) {
    await turn.send(renderHelpCard(turn.locale, helpExamples(turn.locale)));
  },
};
