import faqFile from './faq.json';
import { parseFaq, type FaqEntry } from './faq-load';
import type { PlaybookId } from './types';

export type { FaqEntry, FaqKeywords } from './faq-load';
export { FAQ_FILE, parseFaq } from './faq-load';

/** The FAQ shipped with the bot; loading fails at start-up if the data file is malformed. */
export const defaultFaq: readonly FaqEntry[] = parseFaq(faqFile);

/** A FAQ entry by id. */
export function faqEntry(
  id: string | undefined,
  faq: readonly FaqEntry[] = defaultFaq,
): FaqEntry | undefined {
  return id === undefined ? undefined : faq.find((entry) => entry.id === id);
}

/** The entries of one playbook, in the order of the data file. */
export function faqOfPlaybook(playbook: PlaybookId, faq: readonly FaqEntry[] = defaultFaq): FaqEntry[] {
  return faq.filter((entry) => entry.playbook === playbook);
}
