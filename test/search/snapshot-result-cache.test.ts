import test from 'ava';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConfigError, loadConfig } from '../../core/config.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { FacetSnapshot } from '../../core/search/embedded/facet-snapshot.ts';
import { LEAST_RESULT_BYTES, SnapshotResultCache, type OnSnapshot } from '../../core/search/embedded/snapshot-result-cache.ts';
import { addRecords, openArchiveIn, makeTempDir, query } from '../helpers/temp-archive.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Result extends OnSnapshot {
  ordinals: Int32Array;
}

const resultOn = (snapshot: FacetSnapshot, length = 10): Result => ({ snapshot, epoch: snapshot.epoch, ordinals: new Int32Array(length) });
const cacheOf = (bytes: number, entries: number) => new SnapshotResultCache<Result>({ bytes, entries }, (result) => result.ordinals.byteLength);

test('a result cache keeps no more entries than its limit, dropping the least recently used', (t) => {
  const snapshot = new FacetSnapshot();
  const cache = cacheOf(1_000_000, 2);
  for (const key of ['a', 'b', 'c']) cache.set(key, resultOn(snapshot));
  t.is(cache.entries, 2);
  t.is(cache.get('a', snapshot), undefined);
  t.truthy(cache.get('c', snapshot));
});

test('a result cache keeps no more bytes than its limit, and never one result larger than the whole cache', (t) => {
  const snapshot = new FacetSnapshot();
  const cache = cacheOf(100, 100);
  cache.set('small', resultOn(snapshot, 10));
  cache.set('huge', resultOn(snapshot, 1000));
  t.is(cache.get('huge', snapshot), undefined);
  for (const key of ['b', 'c', 'd']) cache.set(key, resultOn(snapshot, 10));
  t.true(cache.bytes <= 100);
  t.is(cache.bytes, 2 * 40);
});

test('once another snapshot is served, nothing kept for the previous one remains and that snapshot can be collected', async (t) => {
  const cache = cacheOf(1_000_000, 100);
  let old: FacetSnapshot | undefined = new FacetSnapshot();
  const oldRef = new WeakRef(old);
  cache.set('运河', resultOn(old));
  cache.set('bridge', resultOn(old));
  t.truthy(cache.get('运河', old));
  old = undefined;
  const reloaded = new FacetSnapshot();
  t.is(cache.get('运河', reloaded), undefined);
  t.is(cache.entries, 0);
  // A WeakRef's target is held until the current job ends: collect on a later turn.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  t.is(oldRef.deref(), undefined);
});

test('unless its size is set, a cache has room for 16 results of every record of the archive it serves, and never less than 24 MB', (t) => {
  const cache = new SnapshotResultCache<Result>({ entries: 100 }, (result) => result.ordinals.byteLength);
  const small = new FacetSnapshot();
  small.size = 1_000;
  cache.set('塘栖', resultOn(small));
  t.truthy(cache.get('塘栖', small));
  t.is(cache.maxBytes, LEAST_RESULT_BYTES);
  const large = new FacetSnapshot();
  large.size = 1_000_000;
  const everyRecord = () => resultOn(large, large.size);
  for (const key of ['运河', '临平', 'bridge']) cache.set(key, everyRecord());
  t.is(cache.maxBytes, 16 * 4 * 1_000_000);
  t.is(cache.entries, 3, 'three results of a million records each are kept');
  for (let i = 0; i < 20; i++) cache.set(`q${i}`, everyRecord());
  t.is(cache.entries, 16);
  const fixed = cacheOf(8 * 1024 * 1024, 100);
  fixed.set('运河', everyRecord());
  t.is(fixed.maxBytes, 8 * 1024 * 1024, 'a size set is kept');
  t.is(fixed.entries, 1);
  fixed.set('临平', everyRecord());
  t.is(fixed.entries, 2);
  fixed.set('bridge', everyRecord());
  t.is(fixed.entries, 2, 'a set size holds only what fits');
});

test('an edit to a record (a new epoch) drops the results computed before it, which no search could use again', (t) => {
  const snapshot = new FacetSnapshot();
  const cache = cacheOf(1_000_000, 100);
  cache.set('塘栖', resultOn(snapshot));
  snapshot.epoch++;
  t.is(cache.get('塘栖', snapshot), undefined);
  t.is(cache.entries, 0);
  cache.set('塘栖', resultOn(snapshot));
  t.truthy(cache.get('塘栖', snapshot));
});

test('ARCHIVE_RESULT_CACHE_MB and ARCHIVE_RESULT_CACHE_ENTRIES set the result caches, and a bad value is refused by name', (t) => {
  const dir = '/tmp/archive-config-test';
  t.deepEqual(loadConfig({ ARCHIVE_DATA_DIR: dir, ARCHIVE_RESULT_CACHE_MB: '8', ARCHIVE_RESULT_CACHE_ENTRIES: '50' }).resultCache, { bytes: 8 * 1024 * 1024, entries: 50 });
  t.is(loadConfig({ ARCHIVE_DATA_DIR: dir, ARCHIVE_RESULT_CACHE_MB: '0' }).resultCache.bytes, 0);
  t.is(loadConfig({ ARCHIVE_DATA_DIR: dir }).resultCache.bytes, undefined, 'unset: scaled to the archive');
  const error = t.throws(() => loadConfig({ ARCHIVE_DATA_DIR: dir, ARCHIVE_RESULT_CACHE_ENTRIES: 'many' }), { instanceOf: ConfigError });
  t.regex(error.message, /ARCHIVE_RESULT_CACHE_ENTRIES/);
});

test('searches give the same pages and counts with a one-entry cache, with none, and with the default one, before and after an edit', async (t) => {
  const dir = makeTempDir(t);
  const archive = openArchiveIn(t, dir);
  const rows = Array.from({ length: 30 }, (_, i) => ({
    id: `r${i}`,
    title_zh: i % 2 === 0 ? `塘栖古镇石桥${i}` : `运河古道${i}`,
    title_en: i % 3 === 0 ? `Stone bridge ${i}` : `Canal path ${i}`,
    type: i % 2 === 0 ? 'bridge' : 'site',
  }));
  await addRecords(archive, rows);
  const engines = [
    new EmbeddedEngine(archive.catalog, { resultCache: { bytes: 1024 * 1024, entries: 1 } }),
    new EmbeddedEngine(archive.catalog, { resultCache: { bytes: 0, entries: 1 } }),
  ];
  t.teardown(() => Promise.all(engines.map((engine) => engine.close())));
  const queries = [query({ text: '塘栖' }), query({ text: 'bridge' }), query({ text: '塘栖', page: 2, pageSize: 5 }), query({ text: '运河', sort: 'title' }), query({ text: '塘栖' })];
  const pagesOf = async (engine: EmbeddedEngine) => {
    const pages = [];
    for (const asked of queries) {
      const result = await engine.search(asked);
      pages.push({ ids: result.hits.map((hit) => hit.record.id), total: result.total, facets: result.facets });
    }
    return pages;
  };
  const expected = await pagesOf(archive.engine);
  t.true(expected[0]!.total > 0);
  for (const engine of engines) t.deepEqual(await pagesOf(engine), expected);
  await addRecords(archive, [{ ...rows[1]!, title_zh: '塘栖新桥' }]);
  const edited = await pagesOf(archive.engine);
  t.is(edited[0]!.total, expected[0]!.total + 1);
  for (const engine of engines) t.deepEqual(await pagesOf(engine), edited);
});
