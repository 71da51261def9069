/**
 * A data table as screen readers expect one: a caption that names it, column headers with
 * `scope="col"`, an optional row header per row, and sorting by a button inside the header cell with
 * `aria-sort` on the sorted column. A wide table scrolls inside its own focusable region instead of
 * making the whole page scroll sideways (WCAG 1.4.10 lets data tables scroll in two dimensions).
 */
import { type ReactNode, useId, useState } from 'react';
import { useLanguage, useText } from '../i18n/index.ts';
import { shellText } from '../i18n/shell.ts';
import { Notice } from './live-region.tsx';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** What the column sorts by; the column offers sorting only when this is given. */
  sortValue?: (row: Row) => string | number;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The cells of this column name their row (`th scope="row"`). */
  rowHeader?: boolean;
}

interface DataTableProps<Row> {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** An id for each row, for links that point at one (`#id`). */
  rowId?: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

type Sort = { key: string; direction: 'ascending' | 'descending' };

export function DataTable<Row>({ caption, columns, rows, rowKey, rowId, empty }: DataTableProps<Row>) {
  const t = useText(shellText);
  const language = useLanguage();
  const captionId = useId();
  const [sort, setSort] = useState<Sort | null>(null);

  if (rows.length === 0) return <Notice>{empty ?? t('emptyTable')}</Notice>;

  const sortColumn = sort ? columns.find((column) => column.key === sort.key) : undefined;
  const sorted = sort && sortColumn?.sortValue ? sortRows(rows, sortColumn.sortValue, language, sort) : rows;

  function toggle(key: string) {
    setSort((current) =>
      current?.key === key && current.direction === 'ascending'
        ? { key, direction: 'descending' }
        : { key, direction: 'ascending' },
    );
  }

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sortedHere = sort?.key === column.key ? sort.direction : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sortedHere}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  {column.sortValue ? (
                    <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                      {column.header}
                      <span className="sort-button__state" aria-hidden="true">
                        {sortedHere === 'ascending' ? '▲' : sortedHere === 'descending' ? '▼' : '↕'}
                      </span>
                      {sortedHere ? (
                        <span className="visually-hidden">
                          {' '}
                          ({t(sortedHere === 'ascending' ? 'sortedAscending' : 'sortedDescending')})
                        </span>
                      ) : null}
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} id={rowId?.(row)}>
              {columns.map((column) => {
                const className = column.numeric ? 'numeric' : undefined;
                return column.rowHeader ? (
                  <th key={column.key} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function sortRows<Row>(
  rows: readonly Row[],
  value: (row: Row) => string | number,
  language: string,
  sort: Sort,
): Row[] {
  const collator = new Intl.Collator(language, { numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = value(a);
    const right = value(b);
    const order =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : collator.compare(String(left), String(right));
    return order * sign;
  });
}
