/**
 * An import's batches are indexed by worker threads while the next batch is written: what they
 * write must be exactly what an index rebuilt from the catalog on the main thread holds.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { Suggester } from '../../core/search/suggest.ts';
import { reindexAll } from '../../core/search/sync-index.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import type { SearchResult } from '../../core/search/types.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { openTempArchive, query } from '../helpers/temp-archive.ts';

const ROWS = 2500;
const PLACES = ['塘栖', '超山', '临平', '乔司', '崇贤'];

function csv(): string {
  const lines = ['id,title_zh,title_en,description_zh,type,start_year,end_year,admin_area,keywords_zh,place_zh'];
  for (let n = 0; n < ROWS; n++) {
    const place = PLACES[n % PLACES.length]!;
    lines.push(`w-${n},${place}第${n}号桥,${place} bridge ${n},${place}运河沿线的石拱桥。,${n % 3 ? 'bridge' : 'site'},${1000 + (n % 900)},${1900 + (n % 100)},浙江省/杭州市/临平区/${place}镇,运河;桥梁,${place}`);
  }
  return `${lines.join('\n')}\n`;
}

const QUERIES = [
  query({ text: '塘栖', pageSize: 50 }),
  query({ text: '运河', filters: { type: ['site'] }, sort: 'year_desc', pageSize: 50 }),
  query({ text: 'bridge', lang: 'en', sort: 'title', page: 3, pageSize: 20 }),
  query({ filters: { admin_area: ['浙江省/杭州市/临平区/超山镇'] }, pageSize: 50 }),
];

const answer = (result: SearchResult) => ({ total: result.total, ids: result.hits.map((hit) => hit.record.id).sort(), facets: result.facets });

test('an import indexed batch by batch in worker threads answers as an index rebuilt from the catalog', async (t) => {
  const archive = openTempArchive(t);
  const file = path.join(archive.dir, 'records.csv');
  writeFileSync(file, csv());
  const { report } = await runIngest({ catalog: archive.catalog, engine: archive.engine, paths: [file] });
  t.like(report.totals(), { created: ROWS, failed: 0 });
  t.is(archive.catalog.countPendingChanges(), 0, 'every batch acknowledged');
  const suggester = new Suggester(archive.catalog);
  t.teardown(() => suggester.close());
  const imported = { search: await Promise.all(QUERIES.map(async (q) => answer(await archive.engine.search(q)))), suggest: suggester.suggest('超山', 'zh') };

  const rebuilder = new EmbeddedEngine(archive.catalog);
  t.teardown(() => rebuilder.close());
  await reindexAll(archive.catalog, rebuilder);
  const fresh = new EmbeddedEngine(archive.catalog);
  t.teardown(() => fresh.close());
  const rebuilt = { search: await Promise.all(QUERIES.map(async (q) => answer(await fresh.search(q)))), suggest: suggester.suggest('超山', 'zh') };
  t.deepEqual(imported, rebuilt);
  t.true(imported.search[0]!.total > 0 && imported.suggest.length > 0);
});
