import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import type { SortDir } from '@/lib/list/params';
import { Pagination } from './pagination';
import { SortHeader } from './sort-link';

/** One column of a list: its heading, how it sorts, what its cell shows, and where it sits on a phone. */
export type Column<Row> = {
  label: string;
  /** The sort key in the URL; the heading becomes a link that sorts by it. */
  sort?: string;
  align?: 'left' | 'right';
  cell: (row: Row) => ReactNode;
  /** The cell's own classes: its place on the phone card and its look in the table. */
  className?: string | ((row: Row) => string | undefined);
  /** Whether the cell is on the phone card (default yes); the table always shows it. */
  phone?: boolean | ((row: Row) => boolean);
  /** A column for the widest screens only, on neither the card nor a narrower table. */
  xlOnly?: boolean;
  /** A stable hook for tests that read one column (data-col). */
  testCol?: string;
};

// Below the breakpoint each row is a card (its layout is the list's `card` classes); from it on,
// a table. Spelled out per breakpoint so that Tailwind sees every class.
const LAYOUTS = {
  md: {
    table: 'w-full text-sm',
    head: 'hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-500 md:table-header-group',
    body: 'divide-y divide-slate-100',
    row: 'px-4 py-3 hover:bg-slate-50 md:table-row md:p-0',
    th: 'px-4',
    sortTh: undefined,
    onCard: undefined,
    offCard: 'hidden md:table-cell',
    pad: 'md:px-4 md:py-3',
  },
  lg: {
    table: 'block w-full text-sm lg:table',
    head: 'hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-500 lg:table-header-group',
    body: 'block divide-y divide-slate-100 lg:table-row-group',
    row: 'px-4 py-3 hover:bg-slate-50 lg:table-row lg:p-0',
    th: 'px-3',
    sortTh: 'px-3',
    onCard: 'block lg:table-cell',
    offCard: 'hidden lg:table-cell',
    pad: 'lg:px-3 lg:py-2.5',
  },
} as const;

type Props<Row extends { id: number }> = {
  /** The table's accessible name. */
  label: string;
  rows: Row[];
  columns: Column<Row>[];
  /** data-testid of every row. */
  rowTestId: string;
  rowAttributes?: (row: Row) => Record<`data-${string}`, string | number>;
  /** The phone card's layout (flex or grid classes). */
  card: string;
  /** Where cards become a table. */
  breakpoint?: keyof typeof LAYOUTS;
  sorting?: { sort: string; dir: SortDir; hrefFor: (sort: string, dir: SortDir) => string };
  pages: { page: number; total: number; hrefFor: (page: number) => string };
  /** What shows instead of the table when there are no rows. */
  empty: ReactNode;
};

/** A paginated list: a table on wide screens, stacked cards on a phone, and sort links in its headings. */
export function DataList<Row extends { id: number }>({ label, rows, columns, rowTestId, rowAttributes, card, breakpoint = 'md', sorting, pages, empty }: Props<Row>) {
  const l = LAYOUTS[breakpoint];
  const cellClass = (c: Column<Row>, row: Row) => {
    const own = typeof c.className === 'function' ? c.className(row) : c.className;
    if (c.xlOnly) return cx('hidden', own, 'xl:table-cell', l.pad);
    const onCard = typeof c.phone === 'function' ? c.phone(row) : c.phone !== false;
    return cx(own, onCard ? l.onCard : l.offCard, l.pad);
  };
  return (
    <>
      {rows.length === 0 ? (
        empty
      ) : (
        <Card className="overflow-hidden">
          <table className={l.table} aria-label={label}>
            <thead className={l.head}>
              <tr>
                {columns.map((c) =>
                  c.sort && sorting ? (
                    <SortHeader
                      key={c.label}
                      label={c.label}
                      sortKey={c.sort}
                      current={sorting.sort}
                      dir={sorting.dir}
                      hrefFor={sorting.hrefFor}
                      className={cx(l.sortTh, c.align === 'right' && 'text-right', c.xlOnly && 'hidden xl:table-cell')}
                    />
                  ) : (
                    <th key={c.label} scope="col" className={cx(l.th, 'py-2.5 font-medium', c.align === 'right' ? 'text-right' : 'text-left')}>
                      {c.label}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className={l.body}>
              {rows.map((row) => (
                <tr key={row.id} data-testid={rowTestId} {...rowAttributes?.(row)} className={cx(card, l.row)}>
                  {columns.map((c) => (
                    <td key={c.label} className={cellClass(c, row)} data-col={c.testCol}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination {...pages} />
    </>
  );
}
