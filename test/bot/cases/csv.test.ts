import { strict as assert } from 'node:assert';
import { casesCsv, CSV_BOM, csvField } from '../../../bot/cases/csv';
import type { RepairCase } from '../../../bot/cases/model';

function repairCase(overrides: Partial<RepairCase> = {}): RepairCase {
  return {
    id: 'case-0012',
    number: 12,
    kind: 'licence-cycle',
    roomId: 'room-4b-id',
    roomName: 'Room 4B',
    account: 'room-4b@contoso.com',
    accountId: 'acc-4b',
    state: 'waiting',
    version: 4,
    createdAt: '2026-11-22T09:50:00.000Z',
    updatedAt: '2026-11-22T10:05:00.000Z',
    createdBy: { id: 'aad-anna', name: 'Anna Helpdesk' },
    locale: 'en',
    reporters: [],
    removedAt: '2026-11-22T10:05:00.000Z',
    windowOpensAt: '2026-11-22T18:05:00.000Z',
    windowClosesAt: '2026-11-23T10:05:00.000Z',
    history: [
      { at: '2026-11-22T09:50:00.000Z', actor: 'Anna Helpdesk', action: 'opened', result: 'ok' },
      { at: '2026-11-22T10:05:00.000Z', actor: 'bot', action: 'removed', result: 'ok' },
    ],
    ...overrides,
  };
}

/** A strict RFC 4180 reader: the test's own, to prove the output parses back to the same values. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      assert.equal(field, '', 'a quote may only open a field');
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r') {
      assert.equal(text[index + 1], '\n', 'records end with CRLF');
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else {
      assert.notEqual(char, '\n', 'no bare LF outside quotes');
      field += char;
    }
  }
  assert.equal(quoted, false);
  assert.equal(field, '');
  assert.deepEqual(row, [], 'the last record ends with CRLF');
  return rows;
}

const HEADER = [
  'number',
  'room',
  'account',
  'kind',
  'state',
  'outcome',
  'createdAt',
  'createdBy',
  'removedAt',
  'windowOpensAt',
  'windowClosesAt',
  'reassignedAt',
  'updatedAt',
  'last action',
];

describe('cases CSV', () => {
  it('starts with a UTF-8 byte order mark, then the header row, with CRLF line ends', () => {
    const csv = casesCsv([]);
    assert.ok(csv.startsWith(CSV_BOM));
    assert.equal(CSV_BOM, '\ufeff');
    assert.equal(csv, `\ufeff${HEADER.join(',')}\r\n`);
    assert.equal(Buffer.from(csv, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
  });

  it('writes one row per case with every column', () => {
    const rows = parseCsv(
      casesCsv([
        repairCase(),
        repairCase({
          number: 13,
          roomName: 'Salle Étoile',
          state: 'resolved',
          outcome: 'resolved',
          reassignedAt: '2026-11-22T19:00:00.000Z',
        }),
      ]).slice(1),
    );
    assert.deepEqual(rows[0], HEADER);
    assert.deepEqual(rows[1], [
      '12',
      'Room 4B',
      'room-4b@contoso.com',
      'licence-cycle',
      'waiting',
      '',
      '2026-11-22T09:50:00.000Z',
      'Anna Helpdesk',
      '2026-11-22T10:05:00.000Z',
      '2026-11-22T18:05:00.000Z',
      '2026-11-23T10:05:00.000Z',
      '',
      '2026-11-22T10:05:00.000Z',
      '2026-11-22T10:05:00.000Z bot: removed (ok)',
    ]);
    assert.equal(rows[2]?.[1], 'Salle Étoile');
    assert.equal(rows[2]?.[5], 'resolved');
    assert.equal(rows[2]?.[11], '2026-11-22T19:00:00.000Z');
    assert.equal(rows.length, 3);
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('Room 4B, HQ'), '"Room 4B, HQ"');
    assert.equal(csvField('The "big" room'), '"The ""big"" room"');
    assert.equal(csvField('line one\nline two'), '"line one\nline two"');
    assert.equal(csvField('a\r\nb'), '"a\r\nb"');
    assert.equal(csvField(12), '12');
    assert.equal(csvField(undefined), '');
    const name = 'Room "4B", floor 4\nHQ';
    const rows = parseCsv(casesCsv([repairCase({ roomName: name })]).slice(1));
    assert.equal(rows[1]?.[1], name);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const value = `${start}HYPERLINK("https://evil.example","x")`;
      const field = csvField(value);
      const parsed = parseCsv(`${field}\r\n`)[0]?.[0];
      assert.equal(parsed, `'${value}`, JSON.stringify(start));
    }
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('Room =4B'), 'Room =4B');
    const rows = parseCsv(
      casesCsv([
        repairCase({
          roomName: '=cmd|"/c calc"!A1',
          createdBy: { id: 'x', name: '+33 1 23 45' },
          history: [{ at: '2026-11-22T10:05:00.000Z', actor: '-bot', action: 'x', result: 'ok' }],
        }),
      ]).slice(1),
    );
    assert.equal(rows[1]?.[1], '\'=cmd|"/c calc"!A1');
    assert.equal(rows[1]?.[7], "'+33 1 23 45");
  });

  it('falls back on the actor id and leaves the last action empty without history', () => {
    const rows = parseCsv(casesCsv([repairCase({ createdBy: { id: 'aad-anna' }, history: [] })]).slice(1));
    assert.equal(rows[1]?.[7], 'aad-anna');
    assert.equal(rows[1]?.[13], '');
  });
});
