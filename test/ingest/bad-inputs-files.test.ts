/**
 * Bad inputs (shared/bad-inputs.md) that make a whole record file unusable: encoding, structure,
 * size, emptiness. Policy: such a file is refused before anything from it is written; files and
 * records imported before stay as they are. Row 2 (encodings) has its own file, encodings.test.ts.
 */
import { readFileSync } from 'node:fs';
import test from 'ava';
import { translate } from '../../core/i18n/translate.ts';
import { MAX_RECORD_CHARS } from '../../ingest/read/source-item.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { describeEntry, importPaths, openWorkspace, storedIds } from './helpers/import-files.ts';

const THREE_IDS = ['guangji-bridge', 'shangtang-river', 'yujiashan-site'];

test('row 1: a UTF-8 BOM before the CSV header still maps the first column, id', async (t) => {
  const archive = openWorkspace(t);
  const withBom = archive.write('bom.csv', `\uFEFF${readFileSync(fixtures.recordsCsv, 'utf8')}`);
  const report = await importPaths(archive, [withBom]);
  t.deepEqual(report.totals(), { created: 3, updated: 0, unchanged: 0, failed: 0 });
  t.deepEqual(report.files[0]?.unknownColumns, []);
  t.deepEqual(storedIds(archive), THREE_IDS);
});

test('row 1: a BOM before a quoted "id" header, a JSON array or a JSON line is ignored too', async (t) => {
  const archive = openWorkspace(t);
  const files = [
    archive.write('quoted.csv', '\uFEFF"id","title_zh"\nquoted-header,引号表头\n'),
    archive.write('bom.json', `\uFEFF${readFileSync(fixtures.recordsJson, 'utf8')}`),
    archive.write('bom.jsonl', `\uFEFF${readFileSync(fixtures.recordsJsonl, 'utf8')}`),
  ];
  const report = await importPaths(archive, files);
  t.deepEqual(report.entries, []);
  t.deepEqual(report.files.map((file) => file.created + file.unchanged), [1, 3, 3]);
  t.deepEqual(storedIds(archive), [...THREE_IDS, 'quoted-header'].sort());
});

test('row 5: rows with too many or too few columns are skipped and named; the other rows import', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.columnCountsCsv]);
  t.deepEqual(report.entries.map(describeEntry), ['3 - row.wrong_column_count', '4 - row.wrong_column_count']);
  t.deepEqual(
    report.entries.map((entry) => entry.message.params),
    [
      { found: 4, expected: 3 },
      { found: 2, expected: 3 },
    ],
  );
  t.deepEqual(report.totals(), { created: 2, updated: 0, unchanged: 0, failed: 2 });
  t.deepEqual(storedIds(archive), ['ok-1', 'ok-2']);
});

test('row 5: an unterminated quote refuses the whole file, naming the line where the quote opened', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.unterminatedQuoteCsv]);
  t.deepEqual(report.files[0]?.refused, { key: 'file.unterminated_quote', params: { line: 4 } });
  t.deepEqual(storedIds(archive), []);
});

test('row 6: a single 2 MB field refuses the file with a message naming its line and the limit', async (t) => {
  const archive = openWorkspace(t);
  const huge = archive.write('huge.csv', `id,title_zh,description_en\nfine,正常,short\nhuge,巨大,${'x'.repeat(2 * 1024 * 1024)}\nafter,之后,short\n`);
  const report = await importPaths(archive, [huge]);
  const refused = report.files[0]?.refused;
  t.deepEqual(refused, { key: 'file.record_too_large', params: { line: 3, maximum: MAX_RECORD_CHARS } });
  t.is(translate('en', refused!.key, refused!.params), 'line 3: the record exceeds the limit of 1,000,000 characters');
  t.deepEqual(storedIds(archive), []);
});

test('row 6: a 2 MB JSON line is held to the same limit as a CSV record', async (t) => {
  const archive = openWorkspace(t);
  const huge = archive.write('huge.jsonl', `{"id": "fine", "title_zh": "正常"}\n${JSON.stringify({ id: 'huge', title_zh: '巨大', description_en: 'x'.repeat(2 * 1024 * 1024) })}\n`);
  const report = await importPaths(archive, [huge]);
  t.deepEqual(report.files[0]?.refused, { key: 'file.record_too_large', params: { line: 2, maximum: MAX_RECORD_CHARS } });
  t.deepEqual(storedIds(archive), []);
});

test('row 6: a header separated by `;` or tabs refuses the file with a message naming the delimiter', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.semicolonDelimitedCsv, fixtures.tabDelimitedCsv]);
  t.deepEqual(
    report.files.map((file) => file.refused),
    [
      { key: 'file.wrong_delimiter', params: { delimiter: ';' } },
      { key: 'file.wrong_delimiter', params: { delimiter: 'Tab' } },
    ],
  );
  t.is(translate('en', 'file.wrong_delimiter', { delimiter: ';' }), 'the header seems to be separated by ";"; separate columns with commas ","');
  t.deepEqual(storedIds(archive), []);
});

test('row 6: a header without an id column, or with a column twice, refuses the file', async (t) => {
  const archive = openWorkspace(t);
  const noId = archive.write('no-id.csv', 'identifier,title_zh\nx,无编号\n');
  const twice = archive.write('twice.csv', 'id,title_zh,Title_ZH\nx,一,二\n');
  const report = await importPaths(archive, [noId, twice]);
  t.deepEqual(
    report.files.map((file) => file.refused),
    [{ key: 'file.no_id_column' }, { key: 'file.duplicate_column', params: { column: 'Title_ZH' } }],
  );
  t.deepEqual(storedIds(archive), []);
});

test('row 9: an empty file, a header alone, an empty array or blank JSON lines are refused as "no records"', async (t) => {
  const archive = openWorkspace(t);
  const files = [fixtures.emptyCsv, fixtures.headerOnlyCsv, fixtures.emptyJson, fixtures.emptyArrayJson, fixtures.blankLinesJsonl];
  const report = await importPaths(archive, files);
  t.deepEqual(
    report.files.map((file) => [file.rows, file.refused]),
    files.map(() => [0, { key: 'file.empty', params: { rows: 0 } }]),
  );
  t.is(translate('en', 'file.empty', { rows: 0 }), 'no records in the file (0 data rows)');
  t.true(report.hasFailures());
});

test('row 9: blank lines and rows of empty cells between records are skipped without a report', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.blankLinesCsv]);
  t.deepEqual(report.entries, []);
  t.deepEqual(report.files.map((file) => [file.rows, file.created, file.failed]), [[2, 2, 0]]);
  t.deepEqual(storedIds(archive), ['blank-1', 'blank-2']);
});

test('a refused file does not stop the next file of the same run', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.unterminatedQuoteCsv, fixtures.recordsCsv]);
  t.is(report.files[0]?.refused?.key, 'file.unterminated_quote');
  t.is(report.files[1]?.created, 3);
  t.deepEqual(storedIds(archive), THREE_IDS);
});
