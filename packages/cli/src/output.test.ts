import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, renderFields, renderJson, renderTable, truncate } from './output.js';

interface Row {
  id: string;
  label: string;
  used: string | null;
}

const COLUMNS = [
  { header: 'id', value: (r: Row) => r.id },
  { header: 'label', value: (r: Row) => r.label },
  { header: 'last used', value: (r: Row) => formatTime(r.used, 'never') },
];

describe('renderTable', () => {
  it('aligns columns under upper-case headers, with no trailing spaces', () => {
    const text = renderTable(COLUMNS, [
      { id: 'key_1', label: 'Production backend', used: '2026-01-31T12:04:59.123Z' },
      { id: 'key_22', label: 'CI', used: null },
    ]);
    expect(text).toBe(
      [
        'ID      LABEL               LAST USED',
        'key_1   Production backend  2026-01-31 12:04 UTC',
        'key_22  CI                  never',
        '',
      ].join('\n'),
    );
    for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
  });

  it('keeps a cell with a line break or tab on its row', () => {
    const text = renderTable(COLUMNS, [{ id: 'key_1', label: 'two\nlines\tand tab', used: null }]);
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('two lines and tab');
  });

  it('counts "…" and accents as one column each', () => {
    const text = renderTable(
      [
        { header: 'a', value: (r: { a: string; b: string }) => r.a },
        { header: 'b', value: (r: { a: string; b: string }) => r.b },
      ],
      [
        { a: 'sk_4b73…9e1b', b: 'x' },
        { a: 'Zoë', b: 'y' },
      ],
    );
    expect(text).toBe(['A             B', 'sk_4b73…9e1b  x', 'Zoë           y', ''].join('\n'));
  });

  it('renders only the headers for no rows', () => {
    expect(renderTable(COLUMNS, [])).toBe('ID  LABEL  LAST USED\n');
  });
});

describe('renderFields', () => {
  it('aligns the values', () => {
    expect(
      renderFields([
        ['User', 'Ada <ada@example.com>'],
        ['Workspace', "Ada's workspace (ws_1)"],
        ['Empty', ''],
      ]),
    ).toBe(['User       Ada <ada@example.com>', "Workspace  Ada's workspace (ws_1)", 'Empty', ''].join('\n'));
  });
});

describe('renderJson', () => {
  it('pretty-prints the data with a final newline, and null for no data', () => {
    expect(renderJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
    expect(renderJson(null)).toBe('null\n');
    expect(renderJson(undefined)).toBe('null\n');
  });
});

describe('times', () => {
  it.each<[string | null, string, string]>([
    ['2026-01-31T12:04:59.999Z', '2026-01-31', '2026-01-31 12:04 UTC'],
    ['2026-01-31T23:30:00+02:00', '2026-01-31', '2026-01-31 21:30 UTC'],
    [null, '—', '—'],
  ])('%s → %s, %s', (iso, date, time) => {
    expect(formatDate(iso)).toBe(date);
    expect(formatTime(iso)).toBe(time);
  });

  it('shows a time it cannot read as it came', () => {
    expect(formatTime('soon')).toBe('soon');
  });
});

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly 10', 10, 'exactly 10'],
    ['longer than ten', 10, 'longer th…'],
    ['line\nbreak', 20, 'line break'],
    ['ééééééééééé', 5, 'éééé…'],
  ])('%j at %i → %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
  });
});
