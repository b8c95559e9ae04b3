/** The suggestion index follows every catalog change incrementally, and readers never wait for a rebuild. */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { Catalog, type StoredRecord } from '../../core/catalog/catalog.ts';
import { HIDDEN, PUBLIC } from '../../core/catalog/visibility.ts';
import { loadConfig } from '../../core/config.ts';
import { openArchive } from '../../core/open-archive.ts';
import { Suggester } from '../../core/search/suggest.ts';
import { mergeStagedSuggestions, SuggestionIndex, withSuggestionIndex } from '../../core/search/suggest/suggestion-index.ts';
import Database from 'better-sqlite3';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import { validateRecord } from '../../core/schema/validate-record.ts';
import { afterEmbargo, observeWhileEmbargoed } from '../helpers/embargo-window.ts';
import { addRecords, makeTempDir, openTempArchive } from '../helpers/temp-archive.ts';

const RELEASE_0_1_0_CATALOG = path.join(import.meta.dirname, '../fixtures/catalog/catalog-0.1.0.db');

const curator = { actor: 'cli:test' };
const texts = (suggester: Suggester, prefix: string, lang: 'zh' | 'en' = 'zh') => suggester.suggest(prefix, lang).map((s) => s.text);

test('a renamed title is suggested by its new name only, at once', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [{ id: 'bridge', title_zh: '广济桥', title_en: 'Guangji Bridge' }]);
  const suggester = new Suggester(archive.catalog);
  t.deepEqual(texts(suggester, '广济'), ['广济桥']);
  await addRecords(archive, [{ id: 'bridge', title_zh: '长虹桥', title_en: 'Changhong Bridge' }]);
  t.deepEqual(texts(suggester, '广济'), []);
  t.deepEqual(texts(suggester, 'guangji'), []);
  t.deepEqual(suggester.suggest('长虹', 'zh'), [{ text: '长虹桥', recordId: 'bridge' }]);
  t.deepEqual(texts(suggester, 'changh', 'en'), ['Changhong Bridge', '长虹桥'], 'English first for an English reader');
});

test('a shared place name stays suggested until the last record holding it is gone', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [
    { id: 'a', title_zh: '水北街', place_zh: '塘栖镇' },
    { id: 'b', title_zh: '广济桥', place_zh: '塘栖镇' },
  ]);
  const suggester = new Suggester(archive.catalog);
  t.deepEqual(texts(suggester, '塘栖'), ['塘栖镇']);
  archive.catalog.deleteRecords(['a']);
  await syncIndex(archive.catalog, archive.engine);
  t.deepEqual(texts(suggester, '塘栖'), ['塘栖镇'], 'b still holds it');
  t.deepEqual(texts(suggester, '水北'), [], 'the deleted record title is gone');
  await addRecords(archive, [{ id: 'b', title_zh: '广济桥', place_zh: '超山' }]);
  t.deepEqual(texts(suggester, '塘栖'), []);
  t.deepEqual(texts(suggester, '超山'), ['超山']);
});

test('applying the same change twice leaves the suggestions as applying it once', async (t) => {
  const archive = openTempArchive(t);
  const [stored] = await storeRecords(archive.catalog, [{ id: 'a', title_zh: '塘栖古镇', place_zh: '塘栖镇', keywords_zh: '古镇' }]);
  withSuggestionIndex(archive.catalog, (index) => {
    index.apply([stored!], []);
    index.apply([stored!], []);
    index.apply([], ['a']);
  });
  const suggester = new Suggester(archive.catalog);
  t.deepEqual(texts(suggester, '塘'), [], 'one removal takes back everything, however often it was added');
  t.deepEqual(texts(suggester, '古'), []);
});

test('two records with the same title give one suggestion, leading to one of them', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [
    { id: 'well-1', title_zh: '古井' },
    { id: 'well-2', title_zh: '古井' },
  ]);
  t.deepEqual(new Suggester(archive.catalog).suggest('古', 'zh'), [{ text: '古井', recordId: 'well-1' }]);
});

test('the best suggestions of a broad prefix come first however many names share it', async (t) => {
  const archive = openTempArchive(t);
  const rows = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, title_en: `Tangqi stone bridge number ${i}`, place_en: 'Tangqi' }));
  await addRecords(archive, [...rows, { id: 'short', title_en: 'Tangqi' }]);
  const suggestions = new Suggester(archive.catalog).suggest('t', 'en');
  t.is(suggestions.length, 8);
  t.deepEqual(suggestions[0], { text: 'Tangqi', recordId: 'short' }, 'the shortest title first');
  t.true(suggestions.slice(1).every((s) => s.text.startsWith('Tangqi stone bridge number ')));
  t.is(new Set(suggestions.map((s) => s.text)).size, 8, 'each text once');
});

test('while the suggestions are rebuilt, another connection keeps answering from the previous ones', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [{ id: 'a', title_zh: '塘栖古镇' }]);
  const suggester = new Suggester(archive.catalog);
  t.teardown(() => suggester.close());
  const replacement = await storeRecords(archive.catalog, [{ id: 'a', title_zh: '超山' }], false);
  const seenDuringRebuild: string[][] = [];
  function* batches(): Generator<StoredRecord[]> {
    yield replacement;
    // The rebuild's transaction is open here, its new rows written but not committed.
    seenDuringRebuild.push(texts(suggester, '塘栖'), texts(suggester, '超'));
  }
  withSuggestionIndex(archive.catalog, (index) => index.rebuild(batches()));
  t.deepEqual(seenDuringRebuild, [['塘栖古镇'], []]);
  t.deepEqual(texts(suggester, '塘栖'), []);
  t.deepEqual(texts(suggester, '超'), ['超山']);
});

test('a hidden record\'s title is never suggested, and its place name only while a public record holds it', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [
    { id: 'public', title_zh: '广济桥', place_zh: '塘栖镇' },
    { id: 'withdrawn', title_zh: '塘栖秘档', place_zh: '塘栖镇', keywords_zh: '秘藏' },
  ]);
  archive.catalog.setVisibility(['withdrawn'], HIDDEN, curator);
  await syncIndex(archive.catalog, archive.engine);
  const suggester = new Suggester(archive.catalog);
  t.teardown(() => suggester.close());
  t.deepEqual(texts(suggester, '塘栖'), ['塘栖镇']);
  t.deepEqual(texts(suggester, '秘'), [], 'a name only the hidden record holds');
  archive.catalog.deleteRecords(['public'], curator);
  await syncIndex(archive.catalog, archive.engine);
  t.deepEqual(texts(suggester, '塘栖'), [], 'only the hidden record holds it now');
  archive.catalog.setVisibility(['withdrawn'], PUBLIC, curator);
  await syncIndex(archive.catalog, archive.engine);
  t.deepEqual(texts(suggester, '塘栖'), ['塘栖秘档', '塘栖镇'], 'published again');
});

test('an embargoed record is suggested once its embargo has ended, with no write in between', async (t) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [{ id: 'a', title_zh: '超山梅花' }]);
  let suggester: Suggester | undefined;
  const { observed, until } = await observeWhileEmbargoed(
    async (until) => {
      archive.catalog.setVisibility(['a'], { state: 'embargoed', until }, curator);
      await syncIndex(archive.catalog, archive.engine);
    },
    async () => {
      suggester ??= new Suggester(archive.catalog);
      return texts(suggester, '超山');
    },
  );
  t.teardown(() => suggester?.close());
  t.deepEqual(observed, []);
  await afterEmbargo(until);
  t.deepEqual(texts(suggester!, '超山'), ['超山梅花']);
});

test('a catalog made before suggestions were stored gets them when the archive is opened', async (t) => {
  const dir = makeTempDir(t);
  // Release 0.1.0 wrote an up-to-date search index but no suggestion tables.
  copyFileSync(RELEASE_0_1_0_CATALOG, path.join(dir, 'catalog.db'));
  const archive = await openArchive(loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  t.teardown(() => archive.close());
  t.deepEqual(new Suggester(archive.catalog).suggest('广济', 'zh'), [{ text: '广济桥', recordId: 'guangji-bridge' }]);
});

test('an import\'s batches stage their titles, suggested all at once when they are merged; a title taken back meanwhile is not', async (t) => {
  const archive = openTempArchive(t);
  const stored = await storeRecords(archive.catalog, [
    { id: 'a', title_zh: '广济桥', title_en: 'Guangji Bridge', place_zh: '塘栖镇' },
    { id: 'b', title_zh: '水北街', title_en: 'Shuibei Street' },
  ]);
  // As an import's worker thread writes its batches.
  const db = new Database(archive.catalog.file);
  t.teardown(() => db.close());
  new SuggestionIndex(db, { stageTitles: true }).apply(stored, []);
  const suggester = new Suggester(archive.catalog);
  t.deepEqual(texts(suggester, '广济'), [], 'a staged title is not suggested yet');
  t.deepEqual(texts(suggester, '塘栖'), ['塘栖镇'], 'a shared name is at once');
  t.true(catalogRows<{ n: number }>(archive.catalog, 'SELECT count(*) AS n FROM suggest_staged')[0]!.n > 0);
  // Another process renames b while its title waits.
  const [renamed] = await storeRecords(archive.catalog, [{ id: 'b', title_zh: '长虹桥', title_en: 'Changhong Bridge' }]);
  withSuggestionIndex(archive.catalog, (index) => index.apply([renamed!], []));
  mergeStagedSuggestions(archive.catalog);
  t.deepEqual(suggester.suggest('广济', 'zh'), [{ text: '广济桥', recordId: 'a' }]);
  t.deepEqual(texts(suggester, 'guangji b', 'en'), ['Guangji Bridge']);
  t.deepEqual(texts(suggester, '水北'), [], 'the old title is gone');
  t.deepEqual(texts(suggester, 'shuibei', 'en'), []);
  t.deepEqual(texts(suggester, '长虹'), ['长虹桥']);
  t.deepEqual(catalogRows(archive.catalog, 'SELECT count(*) AS n FROM suggest_staged'), [{ n: 0 }]);
  await syncIndex(archive.catalog, archive.engine);
  withSuggestionIndex(archive.catalog, (index) => index.rebuild(archive.catalog.iterateRecords()));
  t.deepEqual(texts(suggester, '广济'), ['广济桥'], 'as a rebuild from the catalog has it');
});

test('titles staged by an import killed before its end are suggested once the archive opens again', async (t) => {
  const dir = makeTempDir(t);
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const stored = await storeRecords(catalog, [{ id: 'a', title_zh: '广济桥', title_en: 'Guangji Bridge' }], false);
  const db = new Database(catalog.file);
  new SuggestionIndex(db, { stageTitles: true }).apply(stored, []);
  db.close();
  catalog.close();
  const archive = await openArchive(loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  t.teardown(() => archive.close());
  t.deepEqual(new Suggester(archive.catalog).suggest('广济', 'zh'), [{ text: '广济桥', recordId: 'a' }]);
});

/** Writes records to the catalog only (no index sync), returning them as stored. */
async function storeRecords(catalog: Catalog, rows: Record<string, unknown>[], queued = true): Promise<StoredRecord[]> {
  const records = rows.map((row) => {
    const outcome = validateRecord(row);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    return outcome.record;
  });
  const written: StoredRecord[] = [];
  catalog.writeBatch(records, { written });
  if (!queued) catalog.acknowledgeChanges(catalog.pendingChanges(1000));
  return written;
}
