import 'server-only';
import type { Db } from '@/db/client';
import { clampPage, PAGE_SIZE, type ListPage, type SortDir } from '@/lib/list/params';

/** A sort key in SQL: its columns, most significant first; `nullsLast` puts rows without a value last in both directions. */
export type SortSql = { columns: readonly string[]; nullsLast?: boolean };

/** ORDER BY for a sort key and direction, ending on the row id so that pages never overlap. */
export function orderBy(sort: SortSql, dir: SortDir, id: string): string {
  const nulls = sort.nullsLast ? sort.columns.map((c) => `${c} is null`) : [];
  return [...nulls, ...sort.columns.map((c) => `${c} ${dir}`), `${id} ${dir}`].join(', ');
}

type PageSql = {
  /** `from … where …` for the count: it joins only what the filters need, so it stays an index walk. */
  count: string;
  /**
   * `select … from … where … order by …` for the rows, the page's limit and offset added at the end;
   * or a function that places them itself, for a list that picks its page of ids before joining.
   */
  rows: string | ((limitOffset: string) => string);
  params: Record<string, unknown>;
  page: number;
};

/** One page of a list with the exact number of matches; a page past the end gives the last page. */
export function selectPage<Row>(db: Db, q: PageSql): ListPage<Row> {
  const total = (db.$client.prepare(`select count(*) as n ${q.count}`).get(q.params) as { n: number }).n;
  const page = clampPage(q.page, total);
  const limitOffset = 'limit @limit offset @offset';
  const sql = typeof q.rows === 'function' ? q.rows(limitOffset) : `${q.rows} ${limitOffset}`;
  const rows = db.$client.prepare(sql).all({ ...q.params, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) as Row[];
  return { rows, total, page };
}

/**
 * Every row a CSV export asks for, a batch at a time, so that a whole table is never in memory.
 * `sql` selects in id order after `@afterId`, at most `@batch` rows (a keyset walk: no offsets).
 */
export function* selectBatches<Row extends { id: number }>(db: Db, sql: string, params: Record<string, unknown>, batch: number): Generator<Row[]> {
  const stmt = db.$client.prepare(sql);
  let afterId = 0;
  for (;;) {
    const rows = stmt.all({ ...params, afterId, batch }) as Row[];
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1].id;
  }
}
