/**
 * `npm run bench:walk [-- 100000 1000000]`: cursor walks of the embedded engine to the end of
 * whole synthetic archives (every record, 100 a page), per order, next to the baseline measured
 * in the same run on the same engine: paging by page number, which stops at the 10,000th hit.
 * Prints per-page medians and p95s at the start and at the end of each walk (the depth cost),
 * checks that every record came exactly once, and times one walk through the HTTP API.
 */
import { pino } from 'pino';
import request from 'supertest';
import { loadConfig } from '../core/config.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { WALK_START, type SearchQuery } from '../core/search/types.ts';
import { createApp } from '../server/app.ts';
import { lastPageFor } from '../server/search/parse-search-query.ts';
import { openBenchCatalog } from './lib/bench-catalog.ts';
import { median, percentile, printTable, timeMs } from './lib/stats.ts';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const PAGE_SIZE = 100;
/** Pages at each end of a walk compared for the depth cost. */
const ENDS = 50;

const base: SearchQuery = { text: '', filters: {}, sort: 'relevance', page: 1, pageSize: PAGE_SIZE, lang: 'zh' };
const WALKS: { label: string; query: SearchQuery }[] = [
  { label: 'browse (catalog order)', query: base },
  { label: 'title (pinyin order)', query: { ...base, sort: 'title' } },
  { label: 'year_asc', query: { ...base, sort: 'year_asc' } },
  // 临平 is in every synthetic record's administrative area: a text match of the whole archive.
  { label: 'text 临平 (relevance)', query: { ...base, text: '临平' } },
];

const ms = (value: number) => value.toFixed(2);

async function benchSize(size: number): Promise<void> {
  const { catalog, dir } = await openBenchCatalog(size);
  const engine = new EmbeddedEngine(catalog);
  if (engine.needsRebuild()) {
    console.log('building the search index (once) …');
    await reindexAll(catalog, engine);
  }
  await engine.search(base);
  const rows: Record<string, string | number>[] = [];
  for (const { label, query } of WALKS) {
    // The baseline: pages by number, as far as they go (10,000 hits).
    const lastPage = lastPageFor(PAGE_SIZE);
    const paged: number[] = [];
    for (let page = 1; page <= lastPage; page++) paged.push(await timeMs(() => engine.search({ ...query, page })));
    const walked: number[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    let cursor = WALK_START;
    const totalMs = await timeMs(async () => {
      for (;;) {
        let next;
        walked.push(
          await timeMs(async () => {
            const result = await engine.search({ ...query, cursor });
            for (const hit of result.hits) (seen.has(hit.record.id) ? duplicates++ : seen.add(hit.record.id));
            next = result.next;
          }),
        );
        if (!next) break;
        cursor = next;
      }
    });
    rows.push({
      order: label,
      'walk: records reached': `${seen.size.toLocaleString('en')} of ${size.toLocaleString('en')}${duplicates ? ` (${duplicates} twice!)` : ''}`,
      pages: walked.length,
      'walk s': (totalMs / 1000).toFixed(1),
      'first pages p50/p95 ms': `${ms(median(walked.slice(1, ENDS)))} / ${ms(percentile(walked.slice(1, ENDS), 95))}`,
      'last pages p50/p95 ms': `${ms(median(walked.slice(-ENDS)))} / ${ms(percentile(walked.slice(-ENDS), 95))}`,
      'by number: reached': (Math.min(size, lastPage * PAGE_SIZE)).toLocaleString('en'),
      'by number p50/p95 ms': `${ms(median(paged.slice(1)))} / ${ms(percentile(paged.slice(1), 95))}`,
      'by number, page 100 ms': ms(paged.at(-1)!),
    });
  }
  console.log(`\n${size.toLocaleString('en')} records, ${PAGE_SIZE} a page (first search excluded):`);
  printTable(rows);

  // The same walk through the API: parse, engine, presenter, JSON, per request.
  const config = loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const app = createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) });
  const requests: number[] = [];
  let reached = 0;
  let url: string | undefined = `/api/v1/search?per_page=${PAGE_SIZE}&sort=title`;
  const httpMs = await timeMs(async () => {
    while (url) {
      let response!: request.Response;
      requests.push(await timeMs(async () => (response = await request(app).get(url!))));
      reached += (response.body as { hits: unknown[] }).hits.length;
      const next = /^<([^>]+)>; rel="next"$/.exec(String(response.headers.link ?? ''))?.[1];
      url = next?.slice(config.publicOrigin.length);
    }
  });
  console.log(
    `API walk (sort=title): ${reached.toLocaleString('en')} records in ${requests.length} requests, ${(httpMs / 1000).toFixed(1)} s; ` +
      `per request p50 ${ms(median(requests))} ms, p95 ${ms(percentile(requests, 95))} ms`,
  );
  await engine.close();
  catalog.close();
}

for (const size of SIZES.length > 0 ? SIZES : [100_000]) await benchSize(size);
