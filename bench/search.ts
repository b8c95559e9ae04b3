/**
 * `npm run bench:search [-- 10000 100000 1000000] [--reindex] [--rounds=40]`: measures the embedded engine
 * (text + every facet + total count, text cache off) on synthetic catalogs against, in the same
 * run and on the same file, (a) a plain FTS5 match of the same text (top 20 by rank + count, no
 * facets) and (b) up to 100k records, the naive design: the same match with one SQL GROUP BY per
 * facet. Catalogs are built once into bench/out/ (bench/lib/bench-catalog.ts).
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Catalog } from '../core/catalog/catalog.ts';
import { FACETS } from '../core/schema/facets.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { countSegments } from '../core/search/embedded/merge-segments.ts';
import { toFtsMatch } from '../core/search/embedded/fts-query.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { ArchiveTokenizer } from '../core/search/tokenizer.ts';
import type { SearchQuery } from '../core/search/types.ts';
import { openBenchCatalog } from './lib/bench-catalog.ts';
import { mb, median, percentile, printTable, timeMs, trackPeakRss } from './lib/stats.ts';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const REINDEX = process.argv.includes('--reindex');
/**
 * Rounds of every query. With 40 samples a query's p95 is its 38th fastest, a percentile; with
 * 15 it was the slowest, which one descheduling on a shared machine sets.
 */
const ROUNDS = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice('--rounds='.length) ?? 40);
/** The baselines are measured in the first rounds only: plain FTS5 at a million records takes seconds a round. */
const BASELINE_ROUNDS = 15;
/** Up to this size the index is rebuilt (and timed) every run; beyond it, only with --reindex. */
const MEASURED_BUILD_LIMIT = 100_000;
/** The naive GROUP BY baseline is measured up to this size. */
const NAIVE_LIMIT = 100_000;

const base: SearchQuery = { text: '', filters: {}, sort: 'relevance', page: 1, pageSize: 20, lang: 'zh' };
const QUERIES: SearchQuery[] = [
  { ...base, text: '塘栖' },
  { ...base, text: '临平' },
  // One character: 临 is in every record's administrative area, 桥 in a fifth of the titles.
  { ...base, text: '临' },
  { ...base, text: '桥' },
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

interface SizeResult {
  summary: Record<string, string | number>[];
  perQuery: Record<string, string | number>[];
}

async function benchSize(size: number): Promise<SizeResult> {
  const { catalog } = await openBenchCatalog(size);
  try {
    const memory = trackPeakRss();
    const builder = new EmbeddedEngine(catalog, { textCacheEntries: 0 });
    // Up to 100k the index is rebuilt and timed every run; a million records' index is reused.
    const rebuild = size <= MEASURED_BUILD_LIMIT || REINDEX || builder.needsRebuild();
    const indexMs = rebuild ? await timeMs(() => reindexAll(catalog, builder)) : undefined;
    await builder.close();
    const segments = segmentsOf(catalog.file);
    // A first engine loads the snapshot in full (no snapshot file yet, or one of an older index),
    // computes the sort orders and reads the posting lists; all are kept on disk beside the catalog, as a server does.
    for (const file of ['search-snapshot.bin', 'search-snapshot.bin.postings']) rmSync(path.join(path.dirname(catalog.file), file), { force: true });
    const loader = new EmbeddedEngine(catalog, { textCacheEntries: 0 });
    const fullLoadMs = await timeMs(() => loader.search(base));
    const ordersMs = await timeMs(() => loader.search({ ...base, sort: 'title' }));
    // Its first search merged an index it found in pieces (as a server's does); close waits for that.
    const closeMs = await timeMs(() => loader.close());
    const merged = segments > 1 ? `index in ${segments} segments, merged by the first engine into ${segmentsOf(catalog.file)}` : 'index in 1 segment';
    // It also read the common terms' posting lists in the background (posting-store.ts); close waited for that too.
    const postingsFile = path.join(path.dirname(catalog.file), 'search-snapshot.bin.postings');
    const postings = existsSync(postingsFile) ? `posting lists ${(statSync(postingsFile).size / 1024 / 1024).toFixed(1)} MB` : 'no posting lists';
    // The engine measured is a new one, as after a server restart: it starts from those files.
    const engine = new EmbeddedEngine(catalog, { textCacheEntries: 0 });
    const firstMs = await timeMs(() => engine.search(base));
    const built = indexMs === undefined ? 'index reused' : `index build ${(indexMs / 1000).toFixed(1)} s`;
    console.log(
      `${size.toLocaleString('en')} records: ${built}; first search with no snapshot file (full load) ${fullLoadMs.toFixed(0)} ms, ` +
        `sort orders ${ordersMs.toFixed(0)} ms; first search after a restart ${firstMs.toFixed(0)} ms; ${merged}; ${postings} (the first engine's close waited ${(closeMs / 1000).toFixed(1)} s)`,
    );

    const tokenizer = new ArchiveTokenizer();
    const naive = naiveStatements(catalog, size <= NAIVE_LIMIT);
    const samples = { engine: [] as number[], plain: [] as number[], naive: [] as number[] };
    const perQuery = new Map<string, { engine: number[]; plain: number[] }>();
    const loadBefore = loadavg()[0]!;
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        const label = describe(query);
        const own = perQuery.get(label) ?? { engine: [], plain: [] };
        perQuery.set(label, own);
        const elapsed = await timeMs(() => engine.search(query));
        samples.engine.push(elapsed);
        own.engine.push(elapsed);
        if (round >= BASELINE_ROUNDS) continue;
        const match = query.text ? toFtsMatch(tokenizer.queryClauses(query.text)) : undefined;
        const plainMs = await timeMs(() => naive.plain(match));
        samples.plain.push(plainMs);
        own.plain.push(plainMs);
        if (naive.groupBy) samples.naive.push(await timeMs(() => naive.groupBy!(match)));
      }
    }
    const peak = memory.stop();
    const worst = [...perQuery].map(([label, own]) => ({ label, p95: percentile(own.engine, 95) })).sort((a, b) => b.p95 - a.p95)[0]!;
    console.log(
      `  peak RSS ${mb(peak)}, heap used after the queries ${mb(process.memoryUsage().heapUsed)}; ` +
        `worst query ${worst.label} p95 ${worst.p95.toFixed(1)} ms; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} over the queries`,
    );
    await engine.close();
    const row = (design: string, values: number[]) => ({
      records: size,
      design,
      p50: `${median(values).toFixed(1)} ms`,
      p95: `${percentile(values, 95).toFixed(1)} ms`,
      'p95 vs plain FTS5': `${(percentile(values, 95) / percentile(samples.plain, 95)).toFixed(2)}×`,
    });
    const summary = [
      row('embedded engine (text + 6 facets + total)', samples.engine),
      row('baseline: plain FTS5 match (top 20 + count, no facets)', samples.plain),
    ];
    if (naive.groupBy) summary.push(row('baseline: naive SQL GROUP BY per facet', samples.naive));
    const queries = [...perQuery].map(([label, own]) => ({
      records: size,
      query: label,
      'engine p50': `${median(own.engine).toFixed(1)} ms`,
      'engine p95': `${percentile(own.engine, 95).toFixed(1)} ms`,
      'plain FTS5 p95': `${percentile(own.plain, 95).toFixed(1)} ms`,
    }));
    return { summary, perQuery: queries };
  } finally {
    catalog.close();
  }
}

/**
 * The two baselines, as plain SQL over the same file on a connection of their own. The naive one needs a facet table, built in
 * TEMP storage so the cached catalog stays as it was; past NAIVE_LIMIT it is left out (seconds
 * per query at a million records).
 */
function naiveStatements(catalog: Catalog, withGroupBy: boolean) {
  const db = new Database(catalog.file);
  const top = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20');
  const count = db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?');
  const browse = db.prepare('SELECT seq FROM records ORDER BY seq LIMIT 20');
  const countAll = db.prepare('SELECT count(*) FROM records');
  const plain = (match?: string) => (match ? (top.all(match), count.get(match)) : (browse.all(), countAll.get()));
  if (!withGroupBy) return { plain, groupBy: undefined };
  db.exec(`DROP TABLE IF EXISTS temp.bench_facets;
           CREATE TEMP TABLE bench_facets (seq INTEGER, facet TEXT, value TEXT);
           INSERT INTO bench_facets SELECT d.seq, f.key, v.value FROM search_docs d, json_each(d.facets) f, json_each(f.value) v;
           CREATE INDEX temp.bench_facets_by_facet ON bench_facets (facet, value);
           CREATE INDEX temp.bench_facets_by_seq ON bench_facets (seq);`);
  const facetMatch = db.prepare('SELECT value, count(*) FROM bench_facets WHERE facet = ? AND seq IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?) GROUP BY value');
  const facetAll = db.prepare('SELECT value, count(*) FROM bench_facets WHERE facet = ? GROUP BY value');
  return {
    plain,
    groupBy(match?: string) {
      plain(match);
      for (const facet of FACETS) (match ? facetMatch.all(facet.key, match) : facetAll.all(facet.key));
    },
  };
}

function segmentsOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return countSegments(db);
  } finally {
    db.close();
  }
}

function describe(query: SearchQuery): string {
  const parts = [query.text ? `"${query.text}"` : '(browse)'];
  if (Object.keys(query.filters).length) parts.push('+filter');
  if (query.yearFrom !== undefined) parts.push('+years');
  if (query.sort !== 'relevance') parts.push(`sort ${query.sort}`);
  return parts.join(' ');
}

const summaries = [];
const perQuery = [];
for (const size of SIZES.length > 0 ? SIZES : DEFAULT_SIZES) {
  const result = await benchSize(size);
  summaries.push(...result.summary);
  perQuery.push(...result.perQuery);
}
const rank = Math.ceil(0.95 * ROUNDS);
console.log(
  `\n${QUERIES.length} queries × ${ROUNDS} rounds per size (the baselines: the first ${Math.min(BASELINE_ROUNDS, ROUNDS)}); the engine's text cache is off, so every query is cold. ` +
    `A query's p95 is sample ${rank} of its ${ROUNDS}, fastest first${rank === ROUNDS ? ' (its slowest)' : ''}.`,
);
printTable(summaries);
console.log('\nPer query (engine, cold):');
printTable(perQuery);
