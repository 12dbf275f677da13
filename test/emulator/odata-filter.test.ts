import assert from 'node:assert/strict';
import {
  FilterSyntaxError,
  evaluateFilter,
  filterOperators,
  filterPropertyPaths,
  parseFilter,
} from '../../emulator/odata-filter';

const PRO = '4cde982a-ede4-4409-9ae6-b003453c8ea6';
const room = {
  displayName: 'Room 4B',
  mail: 'room-4b@contoso.com',
  accountEnabled: true,
  usageLocation: null,
  floorNumber: 4,
  deviceType: 'teamsRoom',
  currentUser: { id: 'a0000000-0000-4000-8000-000000000402', displayName: 'Room 4B' },
  hardwareDetail: { uniqueId: 'MTR-HQ-4B-0402' },
  assignedLicenses: [{ skuId: PRO, disabledPlans: [] }],
  proxyAddresses: ['SMTP:room-4b@contoso.com', 'smtp:4b@contoso.fr'],
  notes: "O'Brien's room",
};

const cases: [string, boolean][] = [
  ["displayName eq 'Room 4B'", true],
  ["displayName eq 'room 4b'", true],
  ["displayName eq 'Room 4A'", false],
  ["displayName ne 'Room 4A'", true],
  ["DisplayName eq 'Room 4B'", true],
  ['accountEnabled eq true', true],
  ['accountEnabled eq false', false],
  ['accountEnabled', true],
  ['usageLocation eq null', true],
  ['usageLocation ne null', false],
  ['missingProperty eq null', true],
  ['floorNumber gt 3', true],
  ['floorNumber ge 4', true],
  ['floorNumber lt 4', false],
  ['floorNumber le 3', false],
  ["startswith(displayName,'Room')", true],
  ["startswith(displayName, 'room 4')", true],
  ["startswith(displayName,'Board')", false],
  ["endswith(mail,'@contoso.com')", true],
  ["contains(mail,'4b')", true],
  ["startswith(displayName,'Room') eq true", true],
  ["currentUser/id eq 'a0000000-0000-4000-8000-000000000402'", true],
  ["currentUser/id eq 'A0000000-0000-4000-8000-000000000402'", true],
  ["hardwareDetail/uniqueId eq 'nope'", false],
  ["deviceType in ('teamsRoom','ipPhone')", true],
  ["deviceType in ('ipPhone')", false],
  [`assignedLicenses/any(x:x/skuId eq ${PRO})`, true],
  [`assignedLicenses/any(x: x/skuId eq ${PRO.toUpperCase()})`, true],
  ['assignedLicenses/any(x:x/skuId eq 6fd2c87f-b296-42f0-b197-1e91e994b900)', false],
  [`assignedLicenses/all(x:x/skuId eq ${PRO})`, true],
  ['assignedLicenses/any()', true],
  ["proxyAddresses/any(p:startswith(p,'smtp:'))", true],
  ["proxyAddresses/all(p:startswith(p,'smtp:'))", true],
  ["not (displayName eq 'Room 4A')", true],
  ["not displayName eq 'Room 4B'", false],
  ["displayName eq 'Room 4B' and floorNumber eq 4", true],
  ["displayName eq 'Room 4B' and floorNumber eq 5", false],
  ["displayName eq 'x' or floorNumber eq 4", true],
  // `and` binds tighter than `or`.
  ["displayName eq 'Room 4B' or floorNumber eq 5 and accountEnabled eq false", true],
  ["(displayName eq 'Room 4B' or floorNumber eq 5) and accountEnabled eq false", false],
  ['((floorNumber eq 4))', true],
  ["notes eq 'O''Brien''s room'", true],
  ["tolower(displayName) eq 'room 4b'", true],
];

describe('emulator: OData $filter', () => {
  for (const [expr, expected] of cases) {
    it(`${expr} -> ${String(expected)}`, () => {
      assert.equal(evaluateFilter(parseFilter(expr), room), expected);
    });
  }

  const invalid = [
    'displayName eq',
    "(displayName eq 'x'",
    "displayName eq 'x')",
    'frobnicate(displayName)',
    "'x' 'y'",
    "displayName eq 'unterminated",
    '',
    "displayName eq 'x' and",
    'assignedLicenses/all()',
    "displayName % 'x'",
  ];
  for (const expr of invalid) {
    it(`rejects ${JSON.stringify(expr)}`, () => {
      assert.throws(() => parseFilter(expr), FilterSyntaxError);
    });
  }

  it('reports the property paths a filter reads, lambda variables resolved', () => {
    const f = parseFilter(
      `deviceType eq 'teamsRoom' and assignedLicenses/any(x:x/skuId eq ${PRO}) or currentUser/id eq 'a'`,
    );
    assert.deepEqual(filterPropertyPaths(f).sort(), [
      'assignedLicenses',
      'assignedLicenses/skuId',
      'currentUser/id',
      'deviceType',
    ]);
  });

  it('reports the operators a filter uses', () => {
    const f = parseFilter("not (a ne 1) and endswith(b,'x')");
    assert.deepEqual([...filterOperators(f)].sort(), ['and', 'endswith', 'ne', 'not']);
  });
});
