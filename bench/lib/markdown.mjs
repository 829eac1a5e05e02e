/** Markdown pieces for docs/benchmarks.md: tables and sections, nothing clever. */

/** A GitHub-flavoured table from a header row and rows of cells (numbers are right-aligned). */
export function table(header, rows) {
  const align = header.map((_, i) =>
    rows.every((row) => typeof row[i] === 'number' || /^[\d\s.,×%µmsk/<-]+$/.test(String(row[i])))
      ? '---:'
      : '---',
  );
  const line = (cells) => `| ${cells.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), `|${align.join('|')}|`, ...rows.map(line)].join('\n');
}

/** A section: a level-2 heading and its paragraphs/tables separated by blank lines. */
export const section = (title, ...blocks) => [`## ${title}`, ...blocks.filter(Boolean)].join('\n\n');
