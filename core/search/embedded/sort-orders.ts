/**
 * The title and year orders of every indexed record, as seqs: computed in a worker from
 * `search_docs` (ICU pinyin collation of a million titles takes seconds), so a sorted page is a walk
 * along an order instead of a sort per query, and no title is held by the server.
 */
import type Database from 'better-sqlite3';
import type { SortKey } from './facet-snapshot.ts';

type Lang = 'zh' | 'en';

export function computeOrders(db: Database.Database): Record<SortKey, Int32Array> {
  const rows = db
    .prepare<[], [number, string | null, string | null, number | null, number | null]>('SELECT seq, title_zh, title_en, start_year, end_year FROM search_docs ORDER BY seq')
    .raw()
    .all();
  const seqs = Int32Array.from(rows, (row) => row[0]);
  const orders = {} as Record<SortKey, Int32Array>;
  for (const lang of ['zh', 'en'] as const) {
    const byTitle = titleOrder(rows, lang);
    const titleRank = new Int32Array(rows.length);
    byTitle.forEach((index, rank) => (titleRank[index] = rank));
    orders[`title:${lang}`] = seqsOf(byTitle, seqs);
    orders[`year_asc:${lang}`] = seqsOf(yearOrder(rows, 3, true, titleRank), seqs);
    orders[`year_desc:${lang}`] = seqsOf(yearOrder(rows, 4, false, titleRank), seqs);
  }
  return orders;
}

/** Chinese titles collate by pinyin through ICU; a missing title falls back to the other language. */
function titleOrder(rows: readonly [number, string | null, string | null, ...unknown[]][], lang: Lang): Int32Array {
  const [own, other] = lang === 'zh' ? [1, 2] : [2, 1];
  const titles = rows.map((row) => (row[own] ?? row[other] ?? '') as string);
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true });
  return Int32Array.from(indexes(rows.length).sort((a, b) => collator.compare(titles[a]!, titles[b]!) || a - b));
}

/** Undated records last in both directions; equal years by title. */
function yearOrder(rows: readonly (number | string | null)[][], column: 3 | 4, ascending: boolean, titleRank: Int32Array): Int32Array {
  const years = rows.map((row) => row[column] as number | null);
  return Int32Array.from(
    indexes(rows.length).sort((a, b) => {
      const [ya, yb] = [years[a]!, years[b]!];
      if ((ya === null) !== (yb === null)) return ya === null ? 1 : -1;
      const byYear = ya === null ? 0 : ascending ? ya - yb! : yb! - ya;
      return byYear || titleRank[a]! - titleRank[b]!;
    }),
  );
}

const indexes = (length: number) => Array.from({ length }, (_, index) => index);
const seqsOf = (order: Int32Array, seqs: Int32Array) => Int32Array.from(order, (index) => seqs[index]!);
