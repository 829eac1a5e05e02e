/**
 * What commands print: aligned tables and key–value blocks for people, the unwrapped data as
 * pretty-printed JSON with `--json`. Times are shown as absolute UTC, never "3 minutes ago".
 */

/** Where output goes; the entry point passes the process's streams, tests collect strings. */
export interface OutputStreams {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Column<T> {
  header: string;
  value(row: T): string;
}

const COLUMN_GAP = '  ';

/**
 * Renders rows under upper-case headers, each column as wide as its widest cell. The last column is not
 * padded, so no line ends in spaces. Cells are flattened to one line.
 *
 * @example renderTable([{ header: 'id', value: (k) => k.id }], keys)
 */
export function renderTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const cells = [
    columns.map((column) => column.header.toUpperCase()),
    ...rows.map((row) => columns.map((column) => flatten(column.value(row)))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => displayWidth(line[i] ?? ''))));
  return cells
    .map((line) =>
      line
        .map((cell, i) => (i === line.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
        .join(COLUMN_GAP)
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

/** Renders `label  value` lines with the values aligned, e.g. for one key or one post. */
export function renderFields(fields: readonly (readonly [label: string, value: string])[]): string {
  const width = Math.max(...fields.map(([label]) => displayWidth(label)));
  return `${fields
    .map(([label, value]) => `${pad(label, width)}${COLUMN_GAP}${flatten(value)}`.trimEnd())
    .join('\n')}\n`;
}

/** The data exactly as the API returned it (unwrapped from the envelope), two-space indented. */
export function renderJson(data: unknown): string {
  return `${JSON.stringify(data ?? null, null, 2)}\n`;
}

/** `2026-01-31` from an ISO time; "—" when there is none. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

/** `2026-01-31 12:04 UTC` from an ISO time; `fallback` when there is none. */
export function formatTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The first `max` characters of one-line text, with "…" when cut. */
export function truncate(text: string, max: number): string {
  const flat = flatten(text);
  const characters = [...flat];
  return characters.length <= max ? flat : `${characters.slice(0, max - 1).join('')}…`;
}

/** Line breaks and tabs would break the columns: they become single spaces. */
function flatten(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

/** Length in code points, so "…" and accented letters count as one column. */
function displayWidth(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
