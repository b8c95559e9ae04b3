/**
 * The title and year orders of every indexed record, as seqs: computed in a worker from
 * `search_docs` (ICU pinyin collation of a million titles takes seconds), so a sorted page is a walk
 * along an order instead of a sort per query, and no title is held by the server. The rows are
 * streamed into typed arrays, and the titles read one language at a time: a million rows read at
 * once as arrays held several hundred MB more than the titles being sorted.
 */
import type Database from 'better-sqlite3';
import type { SortKey } from './facet-snapshot.ts';

type Lang = 'zh' | 'en';

/** A title in `lang`, falling back to the other language, then to ''. Both orders read records in seq order. */
const TITLES: Record<Lang, string> = {
  zh: "SELECT coalesce(title_zh, title_en, '') FROM search_docs ORDER BY seq",
  en: "SELECT coalesce(title_en, title_zh, '') FROM search_docs ORDER BY seq",
};

/** Call within one read transaction (snapshot-tasks.ts): every pass must see the same rows. */
export function computeOrders(db: Database.Database): Record<SortKey, Int32Array> {
  const { seqs, startYears, endYears } = readSeqsAndYears(db);
  const orders = {} as Record<SortKey, Int32Array>;
  for (const lang of ['zh', 'en'] as const) {
    const byTitle = titleOrder(readTitles(db, lang, seqs.length), lang);
    const titleRank = new Int32Array(seqs.length);
    byTitle.forEach((index, rank) => (titleRank[index] = rank));
    orders[`title:${lang}`] = seqsOf(byTitle, seqs);
    orders[`year_asc:${lang}`] = seqsOf(yearOrder(startYears, true, titleRank), seqs);
    orders[`year_desc:${lang}`] = seqsOf(yearOrder(endYears, false, titleRank), seqs);
  }
  return orders;
}

/** Every record's seq and years in seq order; a record without a year holds NaN. */
function readSeqsAndYears(db: Database.Database): { seqs: Int32Array; startYears: Float64Array; endYears: Float64Array } {
  const count = db.prepare<[], number>('SELECT count(*) FROM search_docs').pluck().get() ?? 0;
  const seqs = new Int32Array(count);
  const startYears = new Float64Array(count);
  const endYears = new Float64Array(count);
  let index = 0;
  const rows = db.prepare<[], [number, number | null, number | null]>('SELECT seq, start_year, end_year FROM search_docs ORDER BY seq').raw();
  for (const [seq, start, end] of rows.iterate()) {
    seqs[index] = seq;
    startYears[index] = start ?? Number.NaN;
    endYears[index] = end ?? Number.NaN;
    index++;
  }
  return { seqs, startYears, endYears };
}

function readTitles(db: Database.Database, lang: Lang, count: number): string[] {
  const titles = new Array<string>(count);
  let index = 0;
  for (const title of db.prepare<[], string>(TITLES[lang]).pluck().iterate()) titles[index++] = title;
  return titles;
}

/** Chinese titles collate by pinyin through ICU. */
function titleOrder(titles: readonly string[], lang: Lang): Int32Array {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true });
  return Int32Array.from(indexes(titles.length).sort((a, b) => collator.compare(titles[a]!, titles[b]!) || a - b));
}

/** Undated records last in both directions; equal years by title. */
function yearOrder(years: Float64Array, ascending: boolean, titleRank: Int32Array): Int32Array {
  return Int32Array.from(
    indexes(years.length).sort((a, b) => {
      const [ya, yb] = [years[a]!, years[b]!];
      const [undatedA, undatedB] = [Number.isNaN(ya), Number.isNaN(yb)];
      if (undatedA !== undatedB) return undatedA ? 1 : -1;
      const byYear = undatedA ? 0 : ascending ? ya - yb : yb - ya;
      return byYear || titleRank[a]! - titleRank[b]!;
    }),
  );
}

const indexes = (length: number) => Array.from({ length }, (_, index) => index);
const seqsOf = (order: Int32Array, seqs: Int32Array) => Int32Array.from(order, (index) => seqs[index]!);
