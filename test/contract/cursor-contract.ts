/**
 * Cursor walks in every engine: from `WALK_START`, following `next`, a walk returns every record
 * of the result set exactly once, whatever the sort, the filters or the text, and carries on
 * past records removed or added between two of its pages.
 */
import test, { type ExecutionContext } from 'ava';
import { syncIndex } from '../../core/search/sync-index.ts';
import { InvalidCursorError, WALK_START, type SearchEngine, type SearchQuery, type SearchResult, type SearchSort } from '../../core/search/types.ts';
import { addRecords, query } from '../helpers/temp-archive.ts';
import { CONTRACT_RECORDS } from './contract-records.ts';
import { archiveWith, type EngineFactory } from './engine-contract.ts';

/** 48 more records: repeated titles, BCE, CE and undated years, so every order has ties to break. */
export const WALK_RECORDS: Record<string, unknown>[] = Array.from({ length: 48 }, (_, i) => ({
  id: `walk-${String(i).padStart(2, '0')}`,
  title_zh: ['运河石桥', '古镇老街', '海塘遗迹', '良渚玉器'][i % 4],
  title_en: `Walk record ${i % 6}`,
  description_en: i % 3 === 0 ? 'A stone bridge on the canal towpath.' : 'A place along the old road.',
  type: ['bridge', 'building', 'seawall', 'artifact'][i % 4],
  ...(i % 5 === 4 ? {} : { start_year: (i % 7) * 300 - 850, end_year: (i % 7) * 300 - 750 }),
  admin_area: i % 2 === 0 ? '浙江省/杭州市/临平区/塘栖镇' : '浙江省/杭州市/临平区',
}));

const ALL_RECORDS = [...CONTRACT_RECORDS, ...WALK_RECORDS];
const SORTS: readonly SearchSort[] = ['relevance', 'title', 'year_asc', 'year_desc'];
/** A bound on any walk here, so a walk that never ends fails instead of hanging. */
const MAX_PAGES = 200;

/** Every hit of a walk from the start, page by page, and how many pages it took. */
export async function walk(engine: SearchEngine, base: Partial<SearchQuery>, pageSize: number): Promise<{ ids: string[]; pages: SearchResult[] }> {
  const pages: SearchResult[] = [];
  let cursor = WALK_START;
  while (pages.length < MAX_PAGES) {
    const result = await engine.search(query({ ...base, pageSize, cursor }));
    pages.push(result);
    if (!result.next) break;
    cursor = result.next;
  }
  return { ids: pages.flatMap((page) => page.hits.map((hit) => hit.record.id)), pages };
}

const exactlyOnce = (t: ExecutionContext, walked: string[], expected: string[], label: string) => {
  t.is(new Set(walked).size, walked.length, `${label}: a record came twice`);
  t.deepEqual([...walked].sort(), [...expected].sort(), `${label}: the walk and the result set differ`);
};

export function cursorContract(engineName: string, makeEngine: EngineFactory): void {
  const name = (title: string) => `[${engineName}] ${title}`;
  const setup = (t: ExecutionContext) => archiveWith(t, makeEngine, ALL_RECORDS);

  test(name('a cursor walk returns every record exactly once in every sort and language'), async (t) => {
    const { engine } = await setup(t);
    const everyId = ALL_RECORDS.map((row) => String(row.id));
    for (const sort of SORTS) {
      for (const lang of ['zh', 'en'] as const) {
        const { ids, pages } = await walk(engine, { sort, lang }, 7);
        exactlyOnce(t, ids, everyId, `${sort} ${lang}`);
        t.is(pages.length, Math.ceil(everyId.length / 7), `${sort} ${lang}: full pages until the last`);
        t.true(pages.every((page) => page.total === everyId.length), 'every page states the whole total');
      }
    }
  });

  test(name('a year-sorted walk keeps the order of its sort across pages'), async (t) => {
    const { engine } = await setup(t);
    const { pages } = await walk(engine, { sort: 'year_asc' }, 5);
    const years = pages.flatMap((page) => page.hits.map((hit) => hit.record.start_year ?? null));
    const dated = years.filter((year): year is number => year !== null);
    t.deepEqual(dated, [...dated].sort((a, b) => a - b), 'earliest first, BCE before CE');
    t.deepEqual(years.slice(dated.length), years.filter((year) => year === null), 'undated records last');
  });

  test(name('a walk over text and filters returns exactly the records of that search'), async (t) => {
    const { engine } = await setup(t);
    for (const base of [
      { text: 'bridge' },
      { text: '运河' },
      { filters: { type: ['bridge', 'seawall'] }, sort: 'title' as const },
      { filters: { admin_area: ['浙江省/杭州市/临平区/塘栖镇'] }, yearFrom: -1000, yearTo: 500, sort: 'year_desc' as const },
    ]) {
      const everything = await engine.search(query({ ...base, pageSize: 100 }));
      t.true(everything.total > 3, JSON.stringify(base));
      const { ids, pages } = await walk(engine, base, 3);
      exactlyOnce(t, ids, everything.hits.map((hit) => hit.record.id), JSON.stringify(base));
      t.deepEqual(pages[0]!.facets, everything.facets, 'a walk counts the same facets as the search');
    }
  });

  test(name('a relevance walk over text starts with the first page of the search'), async (t) => {
    const { engine } = await setup(t);
    const firstPage = await engine.search(query({ text: 'bridge', pageSize: 4 }));
    const [walked] = (await walk(engine, { text: 'bridge' }, 4)).pages;
    t.deepEqual(walked!.hits.map((hit) => hit.record.id), firstPage.hits.map((hit) => hit.record.id));
  });

  test(name('a walk ends without a next position, also when its last page is full'), async (t) => {
    const { engine } = await setup(t);
    const bridges = await engine.search(query({ filters: { type: ['bridge'] }, pageSize: 100 }));
    const { pages } = await walk(engine, { filters: { type: ['bridge'] } }, bridges.total);
    t.is(pages.length, 1);
    t.is(pages[0]!.hits.length, bridges.total);
    t.is(pages[0]!.next, undefined);
    const empty = await engine.search(query({ text: 'zzzzqqq', cursor: WALK_START }));
    t.deepEqual(empty.hits, []);
    t.is(empty.next, undefined);
  });

  test(name('a walk carries on past records deleted and added between its pages, never repeating one'), async (t) => {
    const archive = await setup(t);
    const { catalog, engine } = archive;
    for (const sort of ['relevance', 'title', 'year_asc'] as const) {
      const first = await engine.search(query({ sort, pageSize: 10, cursor: WALK_START }));
      const seen = first.hits.map((hit) => hit.record.id);
      // The page's last record (the walk's position) and one still to come go; a new one comes.
      const ahead = (await engine.search(query({ sort, pageSize: 100 }))).hits.map((hit) => hit.record.id).find((id) => !seen.includes(id))!;
      catalog.deleteRecords([seen.at(-1)!, ahead]);
      await addRecords(archive, [{ id: `walk-new-${sort.replace('_', '-')}`, title_zh: '新增记录', title_en: 'Added record', start_year: 100 }]);
      await syncIndex(catalog, engine);
      const rest: string[] = [];
      let cursor = first.next;
      for (let pages = 0; cursor && pages < MAX_PAGES; pages++) {
        const page = await engine.search(query({ sort, pageSize: 10, cursor }));
        rest.push(...page.hits.map((hit) => hit.record.id));
        cursor = page.next;
      }
      const walked = [...seen, ...rest];
      t.is(new Set(walked).size, walked.length, `${sort}: no record twice`);
      t.false(rest.includes(ahead), `${sort}: a deleted record is not returned`);
      // A walk of the archive as it is now, in the same engine's order: what follows the last
      // record the first page saw must all have been reached.
      const now = (await walk(engine, { sort }, 100)).ids;
      const passed = Math.max(...seen.filter((id) => now.includes(id)).map((id) => now.indexOf(id)));
      t.deepEqual(now.slice(passed + 1).filter((id) => !rest.includes(id)), [], `${sort}: every record after the position is reached`);
    }
  });

  test(name('a position the engine could not have made is refused as an invalid cursor'), async (t) => {
    const { engine } = await setup(t);
    const forged: [Partial<SearchQuery>, unknown[]][] = [
      [{}, ['not a seq']],
      [{}, [1, 2, 3, 4, 5, 6]],
      [{ text: 'bridge' }, ['score', 1]],
      [{ sort: 'title' }, [42, 'x']],
      [{ sort: 'year_asc' }, [1, null, 'title', 3]],
      [{ sort: 'year_desc' }, [2, 100, 'title', 3]],
    ];
    for (const [base, after] of forged) {
      await t.throwsAsync(engine.search(query({ ...base, cursor: { after: after as never } })), { instanceOf: InvalidCursorError }, JSON.stringify(after));
    }
  });
}
