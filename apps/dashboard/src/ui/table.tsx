/**
 * A data table with a caption and column headers. On narrow screens each row becomes a card whose cells carry
 * their column's name (CSS reads `data-label`), so nothing scrolls sideways on a phone.
 */
import type { ReactNode } from 'react';

export interface Column<Row> {
  /** Column header; also the cell's label on narrow screens. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Extra class on the header and cells, e.g. 'cell-actions', 'cell-mono', 'cell-nowrap'. */
  className?: string;
  /** Hide the header text visually (still read by screen readers), e.g. for an actions column. Default false. */
  hideHeader?: boolean;
}

export interface TableProps<Row> {
  /** Says what the table lists; visually hidden unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Extra class per row, e.g. to dim inactive rows. */
  rowClassName?: (row: Row) => string | undefined;
}

export function Table<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  rowClassName,
}: TableProps<Row>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={showCaption ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.className}>
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td
                  key={column.header}
                  className={column.className}
                  data-label={column.hideHeader ? undefined : column.header}
                >
                  <div className="cell-value">{column.cell(row)}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
