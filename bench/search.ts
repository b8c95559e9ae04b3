/**
 * `npm run bench:search [-- 10000 100000]`: builds synthetic catalogs and measures the embedded
 * engine (text + every facet + total count, text cache off) against, in the same run and on the
 * same file, (a) a plain FTS5 match of the same text (top 20 by rank + count, no facets) and
 * (b) the naive design: the same match with one SQL GROUP BY per facet.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Catalog } from '../core/catalog/catalog.ts';
import { FACETS } from '../core/schema/facets.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { toFtsMatch } from '../core/search/embedded/fts-query.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { ArchiveTokenizer } from '../core/search/tokenizer.ts';
import type { SearchQuery } from '../core/search/types.ts';
import { syntheticRecords } from './lib/synthetic-records.ts';
import { mb, median, percentile, printTable, timeMs, trackPeakRss } from './lib/stats.ts';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const ROUNDS = 15;
const WRITE_BATCH = 5000;

const base: SearchQuery = { text: '', filters: {}, sort: 'relevance', page: 1, pageSize: 20, lang: 'zh' };
const QUERIES: SearchQuery[] = [
  { ...base, text: '塘栖' },
  { ...base, text: '临平' },
  { ...base, text: '运河' },
  { ...base, text: '良渚文化' },
  { ...base, text: '石拱桥' },
  { ...base, text: '古镇', filters: { type: ['bridge', 'site'] } },
  { ...base, text: '遗址', yearFrom: -3000, yearTo: -2000 },
  { ...base, text: 'bridge' },
  { ...base, text: 'grand canal' },
  { ...base, text: 'liang', lang: 'en' },
  { ...base, text: 'jade', sort: 'year_asc' },
  { ...base, text: '梅花', sort: 'title' },
  { ...base, text: '保存较为完好', page: 3 },
  { ...base },
  { ...base, filters: { collection: ['collection-3'] } },
  { ...base, yearFrom: -221, yearTo: 220, sort: 'year_desc' },
  { ...base, sort: 'title', lang: 'en', page: 50 },
];

async function benchSize(size: number): Promise<Record<string, string | number>[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-search-'));
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  try {
    const memory = trackPeakRss();
    const writeMs = await timeMs(() => {
      let batch = [];
      for (const record of syntheticRecords(size)) {
        batch.push(record);
        if (batch.length === WRITE_BATCH) (catalog.writeBatch(batch), (batch = []));
      }
      catalog.writeBatch(batch);
    });
    const engine = new EmbeddedEngine(catalog, { textCacheEntries: 0 });
    const indexMs = await timeMs(() => reindexAll(catalog, engine));
    const snapshotMs = await timeMs(() => engine.search(base));
    console.log(`${size} records: catalog write ${(writeMs / 1000).toFixed(1)} s, index build ${(indexMs / 1000).toFixed(1)} s, first search (loads the facet snapshot) ${snapshotMs.toFixed(0)} ms`);

    const tokenizer = new ArchiveTokenizer();
    const naive = naiveStatements(catalog);
    const samples = { engine: [] as number[], plain: [] as number[], naive: [] as number[] };
    const perQuery = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        const elapsed = await timeMs(() => engine.search(query));
        samples.engine.push(elapsed);
        const label = describe(query);
        perQuery.set(label, [...(perQuery.get(label) ?? []), elapsed]);
        const match = query.text ? toFtsMatch(tokenizer.queryClauses(query.text)) : undefined;
        samples.plain.push(await timeMs(() => naive.plain(match)));
        samples.naive.push(await timeMs(() => naive.groupBy(match)));
      }
    }
    const slowest = [...perQuery].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 3);
    console.log(`  slowest queries (median): ${slowest.map(([label, s]) => `${label} ${median(s).toFixed(1)} ms`).join('; ')}`);
    console.log(`  peak RSS ${mb(memory.stop())}`);
    await engine.close();
    const row = (design: string, values: number[]) => ({
      records: size,
      design,
      p50: `${median(values).toFixed(1)} ms`,
      p95: `${percentile(values, 95).toFixed(1)} ms`,
      'p95 vs plain FTS5': `${(percentile(values, 95) / percentile(samples.plain, 95)).toFixed(2)}×`,
    });
    return [
      row('embedded engine (text + 6 facets + total)', samples.engine),
      row('baseline: plain FTS5 match (top 20 + count, no facets)', samples.plain),
      row('baseline: naive SQL GROUP BY per facet', samples.naive),
    ];
  } finally {
    catalog.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The two baselines, as plain SQL over the same file on a connection of their own (a facet table is built for the naive one). */
function naiveStatements(catalog: Catalog) {
  const db = new Database(catalog.file);
  db.exec(`CREATE TABLE IF NOT EXISTS bench_facets (seq INTEGER, facet TEXT, value TEXT);
           CREATE INDEX IF NOT EXISTS bench_facets_by_facet ON bench_facets (facet, value);
           CREATE INDEX IF NOT EXISTS bench_facets_by_seq ON bench_facets (seq);`);
  db.exec(`INSERT INTO bench_facets SELECT d.seq, f.key, v.value FROM search_docs d, json_each(d.facets) f, json_each(f.value) v`);
  const top = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20');
  const count = db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?');
  const browse = db.prepare('SELECT seq FROM records ORDER BY seq LIMIT 20');
  const countAll = db.prepare('SELECT count(*) FROM records');
  const facetMatch = db.prepare('SELECT value, count(*) FROM bench_facets WHERE facet = ? AND seq IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?) GROUP BY value');
  const facetAll = db.prepare('SELECT value, count(*) FROM bench_facets WHERE facet = ? GROUP BY value');
  const plain = (match?: string) => (match ? (top.all(match), count.get(match)) : (browse.all(), countAll.get()));
  return {
    plain,
    groupBy(match?: string) {
      plain(match);
      for (const facet of FACETS) (match ? facetMatch.all(facet.key, match) : facetAll.all(facet.key));
    },
  };
}

function describe(query: SearchQuery): string {
  const parts = [query.text ? `"${query.text}"` : '(browse)'];
  if (Object.keys(query.filters).length) parts.push('+filter');
  if (query.yearFrom !== undefined) parts.push('+years');
  if (query.sort !== 'relevance') parts.push(`sort ${query.sort}`);
  return parts.join(' ');
}

const rows = [];
for (const size of SIZES.length > 0 ? SIZES : [10_000, 100_000]) rows.push(...(await benchSize(size)));
console.log(`\n${QUERIES.length} queries × ${ROUNDS} rounds per size; the engine's text cache is off, so every query is cold.`);
printTable(rows);
