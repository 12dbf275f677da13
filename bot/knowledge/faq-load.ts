import { KnowledgeChecker, PLAYBOOK_IDS } from './load';
import type { LocalizedText, PlaybookId } from './types';

export const FAQ_FILE = 'faq.json';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// The card shows the question as its title: it must read as one.
const QUESTION_END = /\?$/;

/** Words and phrases that identify a question, per language, as people would type them. */
export interface FaqKeywords {
  en: string[];
  fr: string[];
}

/** One question of a playbook's FAQ, with its answer. */
export interface FaqEntry {
  /** Stable, kebab-case: what the recogniser returns as `faqId`. */
  id: string;
  playbook: PlaybookId;
  question: LocalizedText;
  /** A few factual sentences. */
  answer: LocalizedText;
  /** Matched on whole words by the recogniser; a phrase counts more than a single word. */
  keywords: FaqKeywords;
}

function keywordList(c: KnowledgeChecker, value: unknown, path: string): string[] | undefined {
  const list = c.array(value, path);
  if (!list) return undefined;
  if (list.length === 0) c.problems.push(`${path} must not be empty`);
  const keywords: string[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const keyword = c.text(item, `${path}[${i}]`);
    if (keyword === undefined) return;
    const key = keyword.trim().toLowerCase();
    if (seen.has(key)) c.problems.push(`${path}[${i}] "${keyword}" is listed twice`);
    seen.add(key);
    keywords.push(keyword);
  });
  return keywords;
}

/**
 * Validates the content of `faq.json`.
 * @throws KnowledgeError listing every problem, with its JSON path.
 */
export function parseFaq(data: unknown, file = FAQ_FILE): FaqEntry[] {
  const c = new KnowledgeChecker();
  const root = c.record(data, '(root)');
  if (root) c.onlyKeys(root, '(root)', ['entries']);
  const list = root ? c.array(root.entries, 'entries') : undefined;
  if (list?.length === 0) c.problems.push('entries must not be empty');
  const entries: FaqEntry[] = [];
  const seen = new Set<string>();
  list?.forEach((item, i) => {
    const path = `entries[${i}]`;
    const entry = c.record(item, path);
    if (!entry) return;
    c.onlyKeys(entry, path, ['id', 'playbook', 'question', 'answer', 'keywords']);
    const id = c.text(entry.id, `${path}.id`, {
      test: ID,
      expected: 'kebab-case, such as "why-only-some-rooms"',
    });
    const playbook = c.oneOf(entry.playbook, `${path}.playbook`, PLAYBOOK_IDS);
    const question = c.localized(entry.question, `${path}.question`);
    const answer = c.localized(entry.answer, `${path}.answer`);
    const keywordsObject = c.record(entry.keywords, `${path}.keywords`);
    if (keywordsObject) c.onlyKeys(keywordsObject, `${path}.keywords`, ['en', 'fr']);
    const en = keywordsObject ? keywordList(c, keywordsObject.en, `${path}.keywords.en`) : undefined;
    const fr = keywordsObject ? keywordList(c, keywordsObject.fr, `${path}.keywords.fr`) : undefined;
    if (id !== undefined) {
      if (seen.has(id)) c.problems.push(`${path}.id "${id}" is listed twice`);
      seen.add(id);
    }
    for (const locale of ['en', 'fr'] as const) {
      const text = question?.[locale];
      if (text !== undefined && !QUESTION_END.test(text.trim())) {
        c.problems.push(`${path}.question.${locale} must end with a question mark`);
      }
    }
    if (id !== undefined && playbook && question && answer && en && fr) {
      entries.push({ id, playbook, question, answer, keywords: { en, fr } });
    }
  });
  c.failIfAny(file);
  return entries;
}
