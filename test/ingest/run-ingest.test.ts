import { readFileSync } from 'node:fs';
import test from 'ava';
import { fixtures } from '../fixtures/ingest/index.ts';
import { query } from '../helpers/temp-archive.ts';
import { describeEntry, importPaths, openWorkspace, storedIds } from './helpers/import-files.ts';
import { catalogRows, countRows } from '../helpers/catalog-sql.ts';

const THREE_IDS = ['guangji-bridge', 'shangtang-river', 'yujiashan-site'];

test('a valid CSV imports every record, converting labels, BCE years, lists and areas', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.recordsCsv]);
  t.deepEqual(report.totals(), { created: 3, updated: 0, unchanged: 0, failed: 0 });
  t.false(report.hasFailures());
  t.deepEqual(storedIds(archive), THREE_IDS);
  t.like(archive.catalog.getRecord('guangji-bridge')?.record, { type: 'bridge', protection_level: 'world-heritage', admin_area: '浙江省/杭州市/临平区' });
  t.like(archive.catalog.getRecord('yujiashan-site')?.record, { start_year: -3300, end_year: -2300, keywords_zh: ['良渚', '聚落'] });
  t.like(archive.catalog.getRecord('shangtang-river')?.record, { type: 'canal-section', description_zh: '杭州最古老的运河之一，\n流经临平。' });
});

test('importing the same file again changes nothing and reports every record unchanged', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.recordsCsv]);
  const before = catalogRows(archive.catalog, 'SELECT id, content_hash, modified FROM records ORDER BY id');
  const again = await importPaths(archive, [fixtures.recordsCsv]);
  t.deepEqual(again.totals(), { created: 0, updated: 0, unchanged: 3, failed: 0 });
  t.deepEqual(again.entries, []);
  t.deepEqual(catalogRows(archive.catalog, 'SELECT id, content_hash, modified FROM records ORDER BY id'), before);
  t.is(countRows(archive.catalog, 'record_versions'), 3, 'an unchanged re-import writes no version');
  t.is(archive.catalog.countPendingChanges(), 0);
});

test('a changed row updates its record, and search finds the new text and no longer the old', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.recordsCsv]);
  const changed = archive.write('records.csv', readFileSync(fixtures.recordsCsv, 'utf8').replace('广济桥,Guangji Bridge', '广济古桥,Guangji Old Bridge'));
  const report = await importPaths(archive, [changed]);
  t.deepEqual(report.totals(), { created: 0, updated: 1, unchanged: 2, failed: 0 });
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.title_en, 'Guangji Old Bridge');
  t.deepEqual((await archive.engine.search(query({ text: 'Old Bridge' }))).hits.map((hit) => hit.record.id), ['guangji-bridge']);
  t.is((await archive.engine.search(query({ text: '广济古桥' }))).total, 1);
  t.is(archive.catalog.countPendingChanges(), 0);
});

test('imported records are found by search at once: the engine is synced after each batch', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.recordsCsv]);
  t.deepEqual((await archive.engine.search(query({ text: '环壕' }))).hits.map((hit) => hit.record.id), ['yujiashan-site']);
  t.deepEqual((await archive.engine.search(query({ text: 'seven-arch' }))).hits.map((hit) => hit.record.id), ['guangji-bridge']);
  t.is((await archive.engine.search(query({ filters: { type: ['canal-section'] } }))).total, 1);
  t.is((await archive.engine.search(query({ yearFrom: -3000, yearTo: -2500 }))).total, 1);
  t.is(archive.catalog.countPendingChanges(), 0);
});

test('a dry run reports what would be created but writes no record, queue entry, index row or import', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.recordsCsv, fixtures.collectionDir], { dryRun: true });
  t.deepEqual(report.totals(), { created: 5, updated: 0, unchanged: 0, failed: 0 });
  const count = (table: string) => countRows(archive.catalog, table);
  t.deepEqual(
    ['records', 'index_queue', 'search_docs', 'imports', 'collections'].map((table) => `${table} ${count(table)}`),
    ['records 0', 'index_queue 0', 'search_docs 0', 'imports 0', 'collections 0'],
  );
  t.is((await archive.engine.search(query({ text: '广济桥' }))).total, 0);
});

test('a dry run over existing records reports them as they would be: unchanged or updated', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.recordsCsv]);
  const changed = archive.write('records.csv', readFileSync(fixtures.recordsCsv, 'utf8').replace('Guangji Bridge', 'Guangji Old Bridge'));
  const report = await importPaths(archive, [changed], { dryRun: true });
  t.deepEqual(report.totals(), { created: 0, updated: 1, unchanged: 2, failed: 0 });
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.title_en, 'Guangji Bridge');
});

test('errors name the line where their row starts, counting the lines inside quoted cells', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.errorsAfterMultilineCsv]);
  t.deepEqual(report.entries.map(describeEntry), ['5 start_year problem.year_unrecognised', '9 - row.wrong_column_count']);
  t.true(report.entries.every((entry) => entry.file.endsWith('errors-after-multiline.csv')));
  t.deepEqual(report.totals(), { created: 3, updated: 0, unchanged: 0, failed: 2 });
  t.is(archive.catalog.getRecord('ok-2')?.record.description_zh, 'a "quoted"\nword');
});

test('line numbers stay right in a Windows (CRLF) file with line breaks inside cells', async (t) => {
  const archive = openWorkspace(t);
  const crlf = archive.write('crlf.csv', readFileSync(fixtures.errorsAfterMultilineCsv, 'utf8').replaceAll('\n', '\r\n'));
  const report = await importPaths(archive, [crlf]);
  t.deepEqual(report.entries.map(describeEntry), ['5 start_year problem.year_unrecognised', '9 - row.wrong_column_count']);
  t.is(report.totals().created, 3);
});

test('line numbers stay right deep into a CRLF file with cell line breaks, across read chunks', async (t) => {
  const archive = openWorkspace(t);
  // 3,000 records of two lines each (about 150 KB, several read chunks), then a row with a cell too many.
  const rows = Array.from({ length: 3000 }, (_, n) => `row-${n},第${n}条,"第一行\r\n第二行"`);
  const file = archive.write('long-crlf.csv', `id,title_zh,description_zh\r\n${rows.join('\r\n')}\r\nbad,坏,"一\r\n二",MCMXC\r\n`);
  const report = await importPaths(archive, [file]);
  t.deepEqual(report.entries.map(describeEntry), [`${1 + 3000 * 2 + 1} - row.wrong_column_count`]);
  t.is(report.totals().created, 3000);
});

test('a file mixing CRLF and LF line endings is read row by row', async (t) => {
  const archive = openWorkspace(t);
  const mixed = archive.write('mixed.csv', 'id,title_zh\r\nmixed-1,第一条\nmixed-2,第二条\r\nmixed-3,第三条\n');
  const report = await importPaths(archive, [mixed]);
  t.deepEqual(report.entries, []);
  t.deepEqual(storedIds(archive), ['mixed-1', 'mixed-2', 'mixed-3']);
});

test('the same records as CSV, a JSON array and JSON lines import identically', async (t) => {
  const recordsFrom = async (file: string) => {
    const archive = openWorkspace(t);
    const report = await importPaths(archive, [file]);
    t.deepEqual(report.totals(), { created: 3, updated: 0, unchanged: 0, failed: 0 }, file);
    return archive.catalog.getRecords(THREE_IDS).map((stored) => stored.record);
  };
  const fromCsv = await recordsFrom(fixtures.recordsCsv);
  t.deepEqual(await recordsFrom(fixtures.recordsJson), fromCsv);
  t.deepEqual(await recordsFrom(fixtures.recordsJsonl), fromCsv);
});

test('JSON array errors name the line where the element starts', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.errorsJson]);
  t.deepEqual(report.entries.map(describeEntry), ['7 start_year problem.year_unrecognised', '12 - row.not_json_object']);
  t.deepEqual(storedIds(archive), ['ok-1', 'ok-2']);
});

test('a bad JSON line is skipped and named; the other lines import', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.errorsJsonl]);
  t.deepEqual(report.entries.map(describeEntry), ['2 start_year problem.year_unrecognised', '4 - row.bad_json', '5 - row.not_json_object']);
  t.deepEqual(report.totals(), { created: 2, updated: 0, unchanged: 0, failed: 3 });
  t.deepEqual(storedIds(archive), ['ok-1', 'ok-2']);
});

test('with --on-existing=skip a changed record is kept as it was and the skip is a warning', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.recordsCsv]);
  const changed = archive.write('records.csv', readFileSync(fixtures.recordsCsv, 'utf8').replace('Guangji Bridge', 'Guangji Old Bridge') + 'new-record,新记录,,,,,,,,,,\n');
  const report = await importPaths(archive, [changed], { onExisting: 'skip' });
  t.deepEqual(report.totals(), { created: 1, updated: 0, unchanged: 3, failed: 0 });
  t.deepEqual(report.entries.map((entry) => `${entry.severity} ${entry.id} ${entry.message.key}`), ['warning guangji-bridge row.exists_skipped']);
  t.false(report.hasFailures());
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.title_en, 'Guangji Bridge');
});

test('with --on-existing=error a changed record is refused as an error; unchanged ones are not', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.recordsCsv]);
  const changed = archive.write('records.csv', readFileSync(fixtures.recordsCsv, 'utf8').replace('Guangji Bridge', 'Guangji Old Bridge'));
  const report = await importPaths(archive, [changed], { onExisting: 'error' });
  t.deepEqual(report.totals(), { created: 0, updated: 0, unchanged: 2, failed: 1 });
  t.deepEqual(report.entries.map((entry) => `${entry.severity} ${entry.line} ${entry.id} ${entry.message.key}`), ['error 2 guangji-bridge row.exists_error']);
  t.true(report.hasFailures());
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.title_en, 'Guangji Bridge');
});

test('records in a folder with collection.yml join that collection, which is stored too', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.collectionDir]);
  t.deepEqual(report.totals(), { created: 2, updated: 0, unchanged: 0, failed: 0 });
  t.like(archive.catalog.getCollection('test-canal'), { id: 'test-canal', order: 3, title_zh: '测试运河专题', title_en: 'Test canal collection' });
  t.deepEqual(archive.catalog.getRecord('canal-record-1')?.record.collections, ['test-canal']);
  t.deepEqual(archive.catalog.getRecord('canal-record-2')?.record.collections, ['other-collection', 'test-canal']);
  const inCollection = await archive.engine.search(query({ filters: { collection: ['test-canal'] } }));
  t.deepEqual(inCollection.hits.map((hit) => hit.record.id).sort(), ['canal-record-1', 'canal-record-2']);
  t.deepEqual((await importPaths(archive, [fixtures.collectionDir])).totals(), { created: 0, updated: 0, unchanged: 2, failed: 0 });
});

test('an invalid collection.yml is reported as refused; the records beside it import without joining it', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.badCollectionDir]);
  const refused = report.files.find((file) => file.refused);
  t.is(refused?.refused?.key, 'collection.invalid');
  t.regex(String(refused?.refused?.params?.file), /bad-collection[/\\]collection\.yml$/);
  t.true(report.hasFailures());
  t.deepEqual(archive.catalog.listCollections(), []);
  t.like(archive.catalog.getRecord('loose-record')?.record, { id: 'loose-record', collections: undefined });
});

test('each import is recorded in the import history with its totals', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.recordsCsv]);
  await importPaths(archive, [fixtures.oneInvalidRowCsv]);
  const imports = catalogRows<{ status: string; summary: string }>(archive.catalog, 'SELECT status, summary FROM imports ORDER BY id');
  t.deepEqual(
    imports.map((row) => [row.status, JSON.parse(row.summary)]),
    [
      ['done', { created: 3, updated: 0, unchanged: 0, failed: 0 }],
      ['failed', { created: 2, updated: 0, unchanged: 0, failed: 1 }],
    ],
  );
});
