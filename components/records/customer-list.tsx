import Link from 'next/link';
import { DataList, type Column } from '@/components/list/data-list';
import { ListToolbar } from '@/components/list/list-toolbar';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { dateInZone } from '@/lib/dates';
import { listFiltersToParams, type CustomerSort, type ListFilters } from '@/lib/contacts/list-filters';
import { hrefWithParams, type ListPage } from '@/lib/list/params';

type Props<Row extends { id: number }> = {
  path: '/contacts' | '/companies';
  title: string;
  /** What one and several rows are called in the count under the title. */
  nouns: { one: string; many: string };
  newLabel: string;
  search: { label: string; placeholder: string };
  /** The empty list's title with filters and without, and its hint when nothing exists yet. */
  empty: { noMatch: string; none: string; start: string };
  filters: ListFilters;
  list: ListPage<Row>;
  columns: Column<Row>[];
  rowTestId: string;
  users: { id: number; name: string }[];
  tags: string[];
  /** Links shown before the export and new buttons (the duplicates screen, for those who tidy up). */
  links?: React.ReactNode;
};

/** A count that the phone card labels and the table right-aligns. */
export function countColumn<Row>(label: string, value: (row: Row) => number): Column<Row> {
  return {
    label,
    align: 'right',
    className: 'text-slate-600 md:text-right md:tabular-nums',
    cell: (row) => (
      <>
        <span className="md:hidden">{`${label}: `}</span>
        {value(row)}
      </>
    ),
  };
}

/** The day the record was added in the workspace's time zone, a table column only. */
export function addedColumn<Row extends { createdAt: number }>(timeZone: string): Column<Row> {
  return { label: 'Added', sort: 'created', align: 'right', phone: false, className: 'whitespace-nowrap text-right text-slate-500', cell: (row) => dateInZone(row.createdAt, timeZone) };
}

/** The contact and company lists: the same filters, export, sorting and pages over their own columns. */
export function CustomerList<Row extends { id: number }>({ path, title, nouns, newLabel, search, empty, filters, list, columns, rowTestId, users, tags, links }: Props<Row>) {
  const { rows, total, page } = list;
  const href = (change: Partial<ListFilters>) => hrefWithParams(path, listFiltersToParams(filters, change));
  const filtered = Boolean(filters.q || filters.tag || filters.openDeals || filters.owner !== 'all');
  return (
    <>
      <PageHeader
        title={title}
        description={`${total.toLocaleString('en-US')} ${total === 1 ? nouns.one : nouns.many}${filtered ? ' match these filters' : ''}.`}
        actions={
          <>
            {links}
            <a href={hrefWithParams(`${path}/export.csv`, listFiltersToParams(filters, { page: 1 }))} className={buttonClass('secondary')}>
              Export CSV
            </a>
            <Link href={`${path}/new`} className={buttonClass()}>
              {newLabel}
            </Link>
          </>
        }
      />
      <ListToolbar searchLabel={search.label} placeholder={search.placeholder} users={users} tags={tags} />
      <DataList
        label={title}
        rows={rows}
        columns={columns}
        rowTestId={rowTestId}
        card="flex flex-col gap-0.5"
        sorting={{ sort: filters.sort, dir: filters.dir, hrefFor: (sort, dir) => href({ sort: sort as CustomerSort, dir, page: 1 }) }}
        pages={{ page, total, hrefFor: (p) => href({ page: p }) }}
        empty={
          <Card className="p-10 text-center">
            <p className="font-medium text-slate-900">{filtered ? empty.noMatch : empty.none}</p>
            <p className="mt-1 text-sm text-slate-500">{filtered ? 'Try fewer letters or clear a filter.' : empty.start}</p>
            <Link href={`${path}/new`} className={`${buttonClass()} mt-4`}>
              {newLabel}
            </Link>
          </Card>
        }
      />
    </>
  );
}
