import { strict as assert } from 'node:assert';
import {
  type AdaptiveCard,
  type JsonObject,
  type RoomDiagnosisView,
  renderRoomDiagnosisCard,
} from '../../../bot/cards';
import { validateCard } from '../../support/card-validator';
import { elementsOfType, objectsOf, textBlockTexts, textRunTexts } from './card-helpers';
import { FIXTURES } from './fixtures';

const view = FIXTURES.en.diagnosis;

function textRun(card: AdaptiveCard, text: string): JsonObject {
  const run = elementsOfType(card, 'TextRun').find((node) => node.text === text);
  assert.ok(run, `no TextRun "${text}" in ${JSON.stringify(textRunTexts(card))}`);
  return run;
}

function containerHolding(card: AdaptiveCard, text: string): JsonObject {
  const containers = elementsOfType(card, 'Container').filter((node) =>
    objectsOf(node).some(({ node: inner }) => inner.type === 'TextRun' && inner.text === text),
  );
  const innermost = containers.at(-1);
  assert.ok(innermost, `no Container holds "${text}"`);
  return innermost;
}

describe('room diagnosis card', () => {
  it('shows the room name, location and account in the header, and uses the full message width', () => {
    const card = renderRoomDiagnosisCard(view, 'en');
    assert.equal(textRun(card, 'Room 4B').size, 'Large');
    assert.equal(textRun(card, 'HQ, floor 4').isSubtle, true);
    textRun(card, 'room-4b@contoso.com');
    assert.deepEqual(card.msteams, { width: 'Full' });
    assert.equal(card.fallbackText, 'Room 4B: The console is hit by the 5.2.115.0 licence bug');
  });

  it('leaves the location line out when the room has none, and falls back to the address for a blank name', () => {
    const card = renderRoomDiagnosisCard(
      { ...view, room: { id: 'r', displayName: '  ', emailAddress: 'x@contoso.com' } },
      'en',
    );
    assert.equal(textRunTexts(card).filter((text) => text === 'x@contoso.com').length, 2);
    assert.ok(!textRunTexts(card).includes('HQ, floor 4'));
    assert.deepEqual(validateCard(card).errors, []);
  });

  const tones = [
    ['good', 'Good', 'good', '✅'],
    ['warning', 'Warning', 'warning', '⚠️'],
    ['attention', 'Attention', 'attention', '⛔'],
  ] as const;
  for (const [tone, color, style, icon] of tones) {
    it(`colours a ${tone} verdict ${color}`, () => {
      const card = renderRoomDiagnosisCard({ ...view, verdict: { ...view.verdict, tone } }, 'en');
      const headline = textRun(card, `${icon} ${view.verdict.headline}`);
      assert.equal(headline.color, color);
      assert.equal(containerHolding(card, `${icon} ${view.verdict.headline}`).style, style);
      textRun(card, view.verdict.summary);
    });
  }

  it('lists the evidence in order with a tone icon and colour per row', () => {
    const card = renderRoomDiagnosisCard(view, 'en');
    const rows = elementsOfType(card, 'ColumnSet').filter((set) =>
      objectsOf(set).some(
        ({ node }) => node.type === 'TextRun' && view.evidence.some((item) => item.label === node.text),
      ),
    );
    assert.equal(rows.length, view.evidence.length);
    rows.forEach((row, index) => {
      const item = view.evidence[index];
      assert.ok(item);
      const runs = objectsOf(row)
        .map(({ node }) => node)
        .filter((node) => node.type === 'TextRun');
      assert.deepEqual(
        runs.map((run) => run.text),
        [{ good: '✅', warning: '⚠️', attention: '⛔', default: 'ℹ️' }[item.tone], item.label, item.value],
      );
      const expectedColor = { good: 'Good', warning: 'Warning', attention: 'Attention', default: 'Default' }[
        item.tone
      ];
      assert.equal(runs[2]?.color, expectedColor);
    });
    assert.ok(textBlockTexts(card).includes('What I checked'));
  });

  it('numbers the plan and folds each PowerShell command behind a Show PowerShell toggle, in monospace', () => {
    for (const [locale, label] of [
      ['en', 'Show PowerShell'],
      ['fr', 'Afficher PowerShell'],
    ] as const) {
      const card = renderRoomDiagnosisCard(FIXTURES[locale].diagnosis, locale);
      for (const number of ['1.', '2.', '3.']) textRun(card, number);
      const toggles = elementsOfType(card, 'Action.ToggleVisibility').filter((t) => t.title === label);
      assert.equal(toggles.length, 1, 'only the step with a command gets a toggle');
      const toggle = toggles[0];
      assert.ok(toggle);
      assert.equal(toggle.title, label);
      const targets = toggle.targetElements;
      assert.ok(Array.isArray(targets) && targets.length === 1);
      const target = elementsOfType(card, 'Container').find((node) => node.id === targets[0]);
      assert.ok(target, 'the toggle targets a container on the card');
      assert.equal(target.isVisible, false);
      const code = objectsOf(target)
        .map(({ node }) => node)
        .find((node) => node.type === 'TextRun');
      assert.equal(code?.fontType, 'Monospace');
      assert.equal(
        code?.text,
        FIXTURES[locale].diagnosis.plan[0]?.powershell,
        'the command is shown exactly, line break included',
      );
    }
  });

  it('shows the missing evidence section only when something could not be read', () => {
    const withMissing = renderRoomDiagnosisCard(view, 'en');
    assert.ok(textBlockTexts(withMissing).includes('What I could not check'));
    textRun(withMissing, view.missingEvidence[0] ?? '');

    const complete = renderRoomDiagnosisCard({ ...view, missingEvidence: [] }, 'en');
    assert.ok(!textBlockTexts(complete).includes('What I could not check'));
    assert.deepEqual(validateCard(complete).errors, []);
  });

  it('drops empty sections instead of rendering empty containers', () => {
    const bare: RoomDiagnosisView = { ...view, evidence: [], plan: [], missingEvidence: [], actions: [] };
    const card = renderRoomDiagnosisCard(bare, 'fr');
    assert.deepEqual(textBlockTexts(card), []);
    assert.deepEqual(card.actions, []);
    assert.deepEqual(validateCard(card).errors, []);
  });

  it('ends with when the facts were read', () => {
    textRun(renderRoomDiagnosisCard(view, 'en'), 'Checked at 12 Nov 2026, 14:32');
    textRun(
      renderRoomDiagnosisCard(FIXTURES.fr.diagnosis, 'fr'),
      'Vérification effectuée\u00a0: 12 nov. 2026, 14:32',
    );
  });

  it('turns each action into an Execute button with its verb, data and style', () => {
    const card = renderRoomDiagnosisCard(view, 'en');
    const executes = elementsOfType(card, 'Action.Execute');
    assert.deepEqual(
      executes.map((action) => [action.title, action.verb, action.style, action.data]),
      [
        ['Start the fix', 'room.fix.start', 'positive', { caseId: 'case-12', version: 3 }],
        ['Check again', 'room.rediagnose', 'default', { roomId: 'room-4b' }],
        ['Escalate', 'case.escalate', 'destructive', { caseId: 'case-12', version: 3 }],
      ],
    );
    assert.deepEqual(executes[0]?.fallback, {
      type: 'Action.Submit',
      title: 'Start the fix',
      style: 'positive',
      data: { caseId: 'case-12', version: 3, verb: 'room.fix.start' },
    });
  });

  it('never shows a cut command: one that does not fit is replaced by a note', () => {
    const long = `Set-Thing ${'-Flag '.repeat(1000)}`;
    const card = renderRoomDiagnosisCard(
      { ...view, plan: [{ title: 'Run it', detail: 'x', powershell: long }] },
      'en',
    );
    assert.equal(elementsOfType(card, 'Action.ToggleVisibility').length, 0);
    assert.ok(!textRunTexts(card).some((text) => text.startsWith('Set-Thing')));
    textRun(card, 'The PowerShell command is too long to show here.');
    textRun(card, 'Some content was shortened to fit in a Teams message.');
    assert.deepEqual(validateCard(card).errors, []);
  });
});

describe('room diagnosis card: fallback steps', () => {
  it('folds fallback steps behind one toggle that targets exactly them', () => {
    const card = renderRoomDiagnosisCard(view, 'en');
    const json = JSON.stringify(card);
    const hidden = [...json.matchAll(/"id":"(step-\d+)","isVisible":false/g)].map((m) => m[1]);
    assert.deepEqual(hidden, [`step-${view.plan.length}`]);
    assert.match(json, /"title":"If that does not work: 1 more steps","targetElements":\["step-4"\]/);
  });
});
