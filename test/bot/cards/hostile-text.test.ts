import { strict as assert } from 'node:assert';
import {
  type AdaptiveCard,
  type ConfirmActionView,
  type ErrorView,
  type RoomChoiceView,
  type RoomDiagnosisView,
  renderConfirmActionCard,
  renderErrorCard,
  renderHelpCard,
  renderMessageCard,
  renderRoomChoiceCard,
  renderRoomDiagnosisCard,
} from '../../../bot/cards';
import type { Locale } from '../../../bot/i18n';
import { validateCard } from '../../support/card-validator';
import { actionTitles, elementsOfType, textBlockTexts, textRunTexts, withoutZeroWidth } from './card-helpers';

/** Every card, with `text` in every field that comes from users or Graph. */
function cardsWith(text: string, locale: Locale): { name: string; card: AdaptiveCard }[] {
  const room = { id: 'r1', displayName: text, emailAddress: text, location: text };
  const action = { verb: 'v', title: text, data: { value: text } };
  const diagnosis: RoomDiagnosisView = {
    room,
    verdict: { headline: text, summary: text, tone: 'warning' },
    evidence: [{ label: text, value: text, tone: 'attention' }],
    plan: [{ title: text, detail: text, powershell: `Get-Thing ${text}` }],
    missingEvidence: [text],
    gatheredAt: text,
    actions: [action],
  };
  const choice: RoomChoiceView = { query: text, rooms: [room], pickVerb: 'pick', pickData: { query: text } };
  const confirm: ConfirmActionView = {
    title: text,
    changes: [text],
    warning: text,
    confirm: action,
    cancel: action,
  };
  const error: ErrorView = {
    title: text,
    message: text,
    nextStep: text,
    correlationId: text,
    requestId: text,
  };
  return [
    { name: 'diagnosis', card: renderRoomDiagnosisCard(diagnosis, locale) },
    { name: 'choice (ambiguous)', card: renderRoomChoiceCard(choice, locale, 'ambiguous') },
    { name: 'choice (not found)', card: renderRoomChoiceCard(choice, locale, 'not-found') },
    { name: 'confirm', card: renderConfirmActionCard(confirm, locale) },
    { name: 'help', card: renderHelpCard(locale, [{ text, description: text }]) },
    { name: 'error', card: renderErrorCard(error, locale) },
    { name: 'message', card: renderMessageCard(locale, { title: text, lines: [text], tone: 'default' }) },
  ];
}

const HOSTILE: Record<string, string> = {
  'template bindings': '${foo} ${$root.labels.plan} ${if(true, "yes", "no")} ${$index}',
  'template directives': '{"$when":"${false}","$data":"${rooms}"}',
  markdown: '**bold** _italic_ [click me](https://evil.example) `code` # Heading > quote',
  'emoji and accents': 'Salle Étoile 🚀 👩🏽‍💻 naïve café 🇫🇷',
  'line breaks': 'first line\nsecond line\r\n- third line\n\n\n\nfourth',
  'renderer date macro': '{{DATE(2017-02-14T06:00:00Z, SHORT)}} {{TIME(2017-02-14T06:00:00Z)}}',
  'control and bidi characters': 'ab\u0000c\u0007d \u202Egnp.exe',
  'a 5,000-character name': 'N'.repeat(5000),
  'an empty string': '',
};

describe('hostile text on cards', () => {
  for (const [label, text] of Object.entries(HOSTILE)) {
    for (const locale of ['en', 'fr'] as const) {
      it(`renders valid cards with ${label} (${locale})`, () => {
        for (const { name, card } of cardsWith(text, locale)) {
          assert.deepEqual(validateCard(card).errors, [], `${name}: ${label}`);
        }
      });
    }
  }

  it('shows template syntax literally, never evaluated', () => {
    for (const key of ['template bindings', 'template directives']) {
      const text = HOSTILE[key] ?? '';
      for (const { name, card } of cardsWith(text, 'en')) {
        const shown = [...textRunTexts(card), ...actionTitles(card)];
        assert.ok(shown.includes(text), `${name} does not show ${text} literally`);
        for (const execute of elementsOfType(card, 'Action.Execute')) {
          assert.ok(Object.values(execute.data ?? {}).includes(text), `${name}: action data changed`);
        }
      }
    }
  });

  it('keeps action data with template-like keys and values as it is', () => {
    const data = { $when: '${false}', $data: '${rooms}', note: '${foo}' };
    const card = renderMessageCard('en', { title: 'x', lines: [], tone: 'good' });
    assert.ok(card);
    const confirm = renderConfirmActionCard(
      {
        title: 't',
        changes: [],
        confirm: { verb: 'go', title: 'Go', data },
        cancel: { verb: 'no', title: 'No', data: {} },
      },
      'en',
    );
    const [execute] = elementsOfType(confirm, 'Action.Execute');
    assert.deepEqual(execute?.data, data);
    assert.deepEqual(elementsOfType(confirm, 'Action.Submit')[0]?.data, { ...data, verb: 'go' });
  });

  it('never puts outside text in a TextBlock, where Teams would render it as Markdown', () => {
    const marker = 'MARKER-7f3a **x**';
    for (const locale of ['en', 'fr'] as const) {
      for (const { name, card } of cardsWith(marker, locale)) {
        assert.ok(!textBlockTexts(card).some((text) => text.includes('MARKER-7f3a')), name);
        assert.ok(
          textRunTexts(card).some((text) => text.includes(marker)),
          name,
        );
      }
    }
  });

  it('keeps Markdown characters as typed in plain-text runs', () => {
    const text = HOSTILE.markdown ?? '';
    for (const { name, card } of cardsWith(text, 'en')) {
      assert.ok(
        textRunTexts(card).some((run) => run.includes(text)),
        name,
      );
    }
  });

  it('keeps emoji and accents intact', () => {
    const text = HOSTILE['emoji and accents'] ?? '';
    for (const { name, card } of cardsWith(text, 'fr')) {
      assert.ok(
        textRunTexts(card).some((run) => run.includes(text)),
        name,
      );
      const titles = actionTitles(card).filter((title) => title !== 'Afficher PowerShell');
      assert.ok(
        titles.every((title) => title === text),
        name,
      );
    }
  });

  it('flattens line breaks in names and titles but keeps them in paragraphs', () => {
    const [diagnosis] = cardsWith(HOSTILE['line breaks'] ?? '', 'en');
    assert.ok(diagnosis);
    const runs = textRunTexts(diagnosis.card);
    const flat = 'first line second line - third line fourth';
    assert.equal(elementsOfType(diagnosis.card, 'TextRun')[0]?.text, flat, 'room name on one line');
    assert.ok(actionTitles(diagnosis.card).includes(flat));
    assert.ok(
      runs.includes('first line\nsecond line\n- third line\n\nfourth'),
      'summary keeps its paragraphs',
    );
  });

  it('defuses the renderer date macros but shows the same characters', () => {
    const text = HOSTILE['renderer date macro'] ?? '';
    for (const { name, card } of cardsWith(text, 'en')) {
      const runs = textRunTexts(card).filter((run) => withoutZeroWidth(run).includes(text));
      assert.ok(runs.length > 0, name);
      for (const run of runs) assert.doesNotMatch(run, /\{\{(DATE|TIME)\(/);
    }
  });

  it('removes control and bidi-override characters', () => {
    for (const { name, card } of cardsWith(HOSTILE['control and bidi characters'] ?? '', 'en')) {
      const runs = textRunTexts(card);
      assert.ok(
        runs.some((run) => run.includes('abcd gnp.exe')),
        name,
      );
      const forbidden = (char: string): boolean => {
        const code = char.codePointAt(0) ?? 0;
        return code < 0x09 || (code >= 0x202a && code <= 0x202e);
      };
      assert.ok(!runs.some((run) => [...run].some(forbidden)), name);
    }
  });

  it('cuts a 5,000-character name to 200 characters ending with an ellipsis, and says so', () => {
    const [diagnosis] = cardsWith(HOSTILE['a 5,000-character name'] ?? '', 'en');
    assert.ok(diagnosis);
    const name = elementsOfType(diagnosis.card, 'TextRun')[0]?.text;
    assert.equal(name, `${'N'.repeat(199)}…`);
    const details = textRunTexts(diagnosis.card).filter((text) => text.length > 1000);
    assert.ok(details.length > 0 && details.every((text) => text.length === 2000 && text.endsWith('…')));
    assert.ok(textRunTexts(diagnosis.card).includes('Some content was shortened to fit in a Teams message.'));
    for (const title of actionTitles(diagnosis.card)) assert.ok(title.length <= 100, title);
  });
});
