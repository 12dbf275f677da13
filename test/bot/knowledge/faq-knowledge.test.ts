import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeError } from '../../../bot/knowledge';
import { FAQ_FILE, defaultFaq, faqEntry, faqOfPlaybook, parseFaq } from '../../../bot/knowledge/faq';

const KNOWLEDGE_DIR = join(__dirname, '..', '..', '..', 'bot', 'knowledge');

type FaqFile = { entries: Record<string, unknown>[] } & Record<string, unknown>;

function readFaq(): FaqFile {
  return JSON.parse(readFileSync(join(KNOWLEDGE_DIR, FAQ_FILE), 'utf8')) as FaqFile;
}

function problemsOf(data: unknown): readonly string[] {
  try {
    parseFaq(data);
  } catch (error) {
    assert.ok(error instanceof KnowledgeError, String(error));
    assert.equal(error.file, FAQ_FILE);
    return error.problems;
  }
  assert.fail('the data was accepted');
}

// Sentence ends: a full stop, question or exclamation mark followed by a space or the end, not inside "5.2.115.0".
function sentences(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9«"“])/u).filter((s) => s.trim() !== '').length;
}

const NBSP = '\u00a0';

describe('knowledge: FAQ data file', () => {
  it('passes validation as read from disk', () => {
    assert.deepEqual(parseFaq(readFaq()), defaultFaq);
  });

  it('answers the playbooks’ questions: at least 8 entries, both playbooks, the four asked in the issue', () => {
    assert.ok(defaultFaq.length >= 8, `${defaultFaq.length} entries`);
    assert.ok(faqOfPlaybook('room-licence').length >= 4);
    assert.ok(faqOfPlaybook('phone-no-internet').length >= 3);
    for (const id of [
      'why-only-some-rooms',
      'will-pro-always-fix-it',
      'can-i-downgrade',
      'must-i-always-reset',
    ]) {
      assert.equal(faqEntry(id)?.playbook, 'room-licence', id);
    }
    assert.equal(faqEntry('nope'), undefined);
    assert.equal(faqEntry(undefined), undefined);
  });

  it('answers in two to five sentences in each language', () => {
    for (const entry of defaultFaq) {
      for (const locale of ['en', 'fr'] as const) {
        const count = sentences(entry.answer[locale]);
        assert.ok(count >= 2 && count <= 5, `${entry.id} (${locale}): ${count} sentences`);
      }
    }
  });

  it('writes French with a no-break space before : ; ? ! and inside « »', () => {
    for (const entry of defaultFaq) {
      for (const text of [entry.question.fr, entry.answer.fr]) {
        assert.doesNotMatch(text, /[^\u00a0][:;?!»]/u, `${entry.id}: ${text}`);
        assert.doesNotMatch(text, /«[^\u00a0]/u, `${entry.id}: ${text}`);
        assert.doesNotMatch(text, new RegExp(`${NBSP}{2}`), `${entry.id}: ${text}`);
      }
      for (const text of [entry.question.en, entry.answer.en]) {
        assert.doesNotMatch(text, new RegExp(NBSP), `${entry.id}: English needs no no-break space`);
      }
    }
  });

  it('states the facts the playbooks rely on', () => {
    const answer = (id: string) => {
      const entry = faqEntry(id);
      assert.ok(entry, id);
      return entry.answer;
    };
    const someRooms = answer('why-only-some-rooms');
    assert.match(someRooms.en, /5\.2\.115\.0/);
    assert.match(someRooms.en, /ring by ring/);
    assert.match(someRooms.fr, /anneau par anneau/);
    assert.match(answer('will-pro-always-fix-it').en, /^Not always\./);
    const downgrade = answer('can-i-downgrade');
    assert.match(downgrade.en, /Microsoft Store/);
    assert.match(downgrade.en, /Teams admin center/);
    assert.match(downgrade.fr, /5\.1\.111\.0/);
    assert.match(answer('must-i-always-reset').en, /^Yes\./);
    assert.match(answer('why-wait-8-to-24-hours').en, /8 hours.*24 hours/);
    assert.match(answer('e3-on-room-account').en, /July 2023/);
    const ports = answer('which-ports-for-phones');
    for (const text of [ports.en, ports.fr]) {
      for (const fact of [/TCP 443/, /UDP 3478 (to|à) 3481/, /53/, /UDP 123/, /TCP 80/])
        assert.match(text, fact);
    }
    assert.match(answer('why-firmware-8').en, /7\.1\.3\.0991/);
  });
});

describe('knowledge: validation of the FAQ file', () => {
  it('rejects an unknown property, a missing French text and an unknown playbook, all at once', () => {
    const data = structuredClone(readFaq());
    data.entries[0] = { ...data.entries[0], answr: 'typo' };
    data.entries[1] = { ...data.entries[1], question: { en: 'Only English?' } };
    data.entries[2] = { ...data.entries[2], playbook: 'printer-jam' };
    assert.deepEqual(problemsOf(data), [
      'entries[0] has an unknown property "answr" (expected id, playbook, question, answer, keywords)',
      'entries[1].question.fr must be a non-empty string (got nothing)',
      'entries[2].playbook must be one of room-licence, phone-no-internet (got "printer-jam")',
    ]);
  });

  it('rejects a duplicate id, an id that is not kebab-case and a question that does not ask', () => {
    const data = structuredClone(readFaq());
    data.entries.push({ ...data.entries[0] });
    data.entries[1] = { ...data.entries[1], id: 'Will Pro fix it' };
    data.entries[2] = { ...data.entries[2], question: { en: 'Downgrading.', fr: 'Rétrograder.' } };
    const problems = problemsOf(data);
    assert.deepEqual(problems, [
      'entries[1].id must be kebab-case, such as "why-only-some-rooms" (got "Will Pro fix it")',
      'entries[2].question.en must end with a question mark',
      'entries[2].question.fr must end with a question mark',
      `entries[${data.entries.length - 1}].id "why-only-some-rooms" is listed twice`,
    ]);
  });

  it('requires keywords in both languages, none empty or listed twice', () => {
    const data = structuredClone(readFaq());
    data.entries[0] = { ...data.entries[0], keywords: { en: [] } };
    data.entries[1] = {
      ...data.entries[1],
      keywords: { en: ['pro', 'Pro', ''], fr: ['pro'], de: ['profi'] },
    };
    assert.deepEqual(problemsOf(data), [
      'entries[0].keywords.en must not be empty',
      'entries[0].keywords.fr must be an array (got nothing)',
      'entries[1].keywords has an unknown property "de" (expected en, fr)',
      'entries[1].keywords.en[1] "Pro" is listed twice',
      'entries[1].keywords.en[2] must be a non-empty string (got "")',
    ]);
  });

  it('rejects a file without entries', () => {
    assert.deepEqual(problemsOf({ entries: [] }), ['entries must not be empty']);
    assert.deepEqual(problemsOf({}), ['entries must be an array (got nothing)']);
    assert.deepEqual(problemsOf([]), ['(root) must be an object (got an array)']);
  });
});
