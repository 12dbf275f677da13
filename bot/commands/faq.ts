import { renderMessageCard, type AdaptiveCard } from '../cards';
import { defineTexts, type Locale } from '../i18n';
import { defaultFaq, faqEntry, type FaqEntry } from '../knowledge/faq';
import type { PlaybookId } from '../knowledge/types';
import type { MessageCommand } from './types';

// French typography wants a no-break space before ":".
const NBSP = '\u00a0';

const t = defineTexts({
  en: {
    related: 'Related:',
    item: '• {question}',
    listTitle: 'Frequently asked questions',
    listIntro: 'Ask me one of these questions, in English or in French:',
    'playbook.room-licence': 'Teams Rooms licence error',
    'playbook.phone-no-internet': 'Teams phones showing “No internet”',
  },
  fr: {
    related: `Voir aussi${NBSP}:`,
    item: '• {question}',
    listTitle: 'Questions fréquentes',
    listIntro: `Posez-moi l'une de ces questions, en français ou en anglais${NBSP}:`,
    'playbook.room-licence': 'Erreur de licence de Teams Rooms',
    'playbook.phone-no-internet': `Téléphones Teams qui affichent «${NBSP}No internet${NBSP}»`,
  },
});

const PLAYBOOK_ORDER: readonly PlaybookId[] = ['room-licence', 'phone-no-internet'];

function answerCard(locale: Locale, entry: FaqEntry, faq: readonly FaqEntry[]): AdaptiveCard {
  const related = faq.filter((other) => other.playbook === entry.playbook && other.id !== entry.id);
  return renderMessageCard(locale, {
    title: entry.question[locale],
    lines: [
      entry.answer[locale],
      ...(related.length > 0 ? [t(locale, 'related')] : []),
      ...related.map((other) => t(locale, 'item', { question: other.question[locale] })),
    ],
    tone: 'default',
  });
}

function listCard(locale: Locale, faq: readonly FaqEntry[]): AdaptiveCard {
  const lines = [t(locale, 'listIntro')];
  for (const playbook of PLAYBOOK_ORDER) {
    const entries = faq.filter((entry) => entry.playbook === playbook);
    if (entries.length === 0) continue;
    lines.push(t(locale, `playbook.${playbook}`));
    for (const entry of entries) lines.push(t(locale, 'item', { question: entry.question[locale] }));
  }
  return renderMessageCard(locale, { title: t(locale, 'listTitle'), lines, tone: 'default' });
}

/**
 * The FAQ card in the reader's language: the answer to one entry with the other questions of its playbook, or,
 * without an entry that matches, every question the bot can answer.
 */
export function faqCard(
  locale: Locale,
  faqId: string | undefined,
  faq: readonly FaqEntry[] = defaultFaq,
): AdaptiveCard {
  const entry = faqEntry(faqId, faq);
  return entry ? answerCard(locale, entry, faq) : listCard(locale, faq);
}

/** "why only some rooms?", "faut-il toujours réinitialiser ?", "faq": the playbooks' questions and answers. */
export const faqCommand: MessageCommand = {
  name: 'faq',
  intents: ['faq'],
  async handle({ turn, recognition }) {
    await turn.send(faqCard(turn.locale, recognition.faqId));
  },
};
